"""/api/openapi.json describes the API, and the running server keeps to it under schemathesis."""

import asyncio
from collections.abc import Callable
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
from schemathesis.checks import not_a_server_error
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from core.cities import find_cities
from tests.fakes.telegram import FakeTelegram
from tests.web.conftest import Client, MakeClient, MakeUser

pytestmark = pytest.mark.postgres

Operation = schemathesis.APIOperation[Any, Any, Any, Any]
Case = schemathesis.Case[Any]

EXAMPLES_PER_OPERATION = 25
# Invalid input may also be refused as too large (413): schemathesis's default list lacks it.
REJECTIONS = schemathesis.Config.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422]
            }
        }
    }
)
RATE_LIMITS = ("rate_ip_per_minute", "rate_auth_per_minute", "rate_user_per_minute")
UNLIMITED = 1_000_000
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


async def _document(client: Client) -> dict[str, Any]:
    response = await client.get("/api/openapi.json")
    assert response.status == 200
    document: dict[str, Any] = await response.json()
    return document


async def test_document_describes_every_endpoint_of_this_area(client: Client) -> None:
    document = await _document(client)
    assert document["openapi"] == "3.1.0"
    paths = document["paths"]
    for path in ("/api/events", "/api/events/{id}", "/api/openapi.json", "/metrics", "/ws"):
        assert path in paths
    events = paths["/api/events"]["get"]
    parameters = {parameter["name"]: parameter for parameter in events["parameters"]}
    assert parameters["from"]["required"] is True
    assert parameters["kinds"]["required"] is False
    assert parameters["limit"]["schema"]["maximum"] == 500
    ok_schema = events["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok_schema == {"$ref": "#/components/schemas/EventsPage"}
    assert "EventOut" in document["components"]["schemas"]
    error_schema = events["responses"]["422"]["content"]["application/json"]["schema"]
    assert error_schema == {"$ref": "#/components/schemas/ErrorResponse"}
    assert paths["/api/events/{id}"]["get"]["parameters"][0]["schema"]["format"] == "uuid"


async def test_document_is_served_identically_twice(client: Client) -> None:
    first = await client.get("/api/openapi.json")
    second = await client.get("/api/openapi.json")
    assert await first.read() == await second.read()


def _check_operation(
    operation: Operation,
    mode: schemathesis.GenerationMode,
    call: Callable[[Case, list[Any]], None],
) -> None:
    """Generate cases of one operation in one mode and validate each response."""
    checks = [*CHECKS, negative_data_rejection] if mode.is_negative else CHECKS

    @hypothesis.settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(hypothesis.HealthCheck),
    )
    @hypothesis.given(case=operation.as_strategy(generation_mode=mode))
    def run(case: Case) -> None:
        call(case, checks)

    run()


def _fuzz(document: dict[str, Any], base_url: str, headers: dict[str, str]) -> list[str]:
    """Run positive and negative cases of every operation; returns what each found wrong."""
    schema = schemathesis.openapi.from_dict(document, config=REJECTIONS)
    session = requests.Session()
    problems: list[str] = []

    def call(case: Case, checks: list[Any]) -> None:
        case.call_and_validate(base_url=base_url, session=session, headers=headers, checks=checks)

    for result in schema.get_all_operations():
        operation: Operation = result.ok()  # type: ignore[union-attr]  # our own valid doc
        described = document["paths"][operation.path][operation.method.lower()]
        modes = [schemathesis.GenerationMode.POSITIVE]
        # Only an operation that takes input has invalid input to be sent.
        if "parameters" in described or "requestBody" in described:
            modes.append(schemathesis.GenerationMode.NEGATIVE)
        for mode in modes:
            try:
                _check_operation(operation, mode, call)
            # Gather every operation's findings (schemathesis raises a group), then report all.
            except (Exception, FailureGroup) as exc:
                problems.append(f"{operation.label} ({mode.value}): {exc}")
    return problems


async def test_server_keeps_to_its_document_under_generated_input(
    make_client: MakeClient, make_user: MakeUser
) -> None:
    async with FakeTelegram() as telegram:
        # The fuzzer floods on purpose; it checks answers to input, not the rate limits.
        client = await make_client(
            telegram={"bot_token": telegram.token, "api_url": telegram.api_url},
            web=dict.fromkeys(RATE_LIMITS, UNLIMITED),
        )
        document = await _document(client)
        user = await make_user(on=client, language="hy", timezone="Asia/Yerevan", latitude=40.2)
        base_url = str(client.make_url("")).rstrip("/")
        # The town index is built once per process (seconds, more on a loaded machine), longer
        # than the fuzzer waits for an answer; this test is about answers, not that first wait.
        await find_cities("warm")
        # Requests are blocking: they run in a thread while this loop serves them.
        problems = await asyncio.to_thread(_fuzz, document, base_url, user.headers)
    assert problems == [], "\n\n".join(problems)
