"""Input that once reached the database or the file system: each answer is a 4xx with a code."""

import base64
import uuid
from typing import Any

import orjson
import pytest

from tests.web.conftest import Client

pytestmark = pytest.mark.postgres
WINDOW = {"from": "2030-01-01", "to": "2030-02-01"}
PASSWORD = "correct horse battery"


async def _error(response: Any, status: int = 422) -> str:
    assert response.status == status, await response.text()
    return str((await response.json())["error"]["code"])


def _cursor(moment: str) -> str:
    raw = orjson.dumps([moment, str(uuid.uuid4())])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("zone", ["America", "Etc", "Europe/", "../etc/passwd"])
async def test_folders_and_odd_zone_names_are_invalid_timezones(client: Client, zone: str) -> None:
    listing = await client.get("/api/events", params={**WINDOW, "tz": zone})
    assert await _error(listing) == "invalid_timezone"
    detail = await client.get(f"/api/events/{uuid.uuid4()}", params={"tz": zone})
    assert detail.status in {404, 422}
    if detail.status == 422:
        assert await _error(detail) == "invalid_timezone"


async def test_nul_in_the_query_names_its_parameter(client: Client) -> None:
    response = await client.get("/api/events", params={**WINDOW, "tz": "UTC\x00"})
    assert await _error(response) == "validation_failed"
    assert (await response.json())["error"]["details"]["fields"] == ["tz"]


@pytest.mark.parametrize(
    "moment",
    [
        "9999-12-31T23:59:59-05:00",
        "9999-12-31T23:00:00+00:00",
        "0001-01-01T00:30:00+01:00",
        "0001-01-01T00:00:00+00:00",
    ],
)
async def test_cursors_at_the_ends_of_time_are_refused(client: Client, moment: str) -> None:
    response = await client.get("/api/events", params={**WINDOW, "cursor": _cursor(moment)})
    assert await _error(response) == "validation_failed"
    assert (await response.json())["error"]["details"]["fields"] == ["cursor"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "ada\x00@example.org", "password": PASSWORD}, "email"),
        ({"email": "ada@example.org", "password": PASSWORD, "display_name": "Ada\x00"}, None),
        ({"email": "ada@example.org", "password": PASSWORD, "timezone": "UTC\x00"}, None),
    ],
)
async def test_nul_characters_at_register_are_refused(
    client: Client, body: dict[str, str], field: str | None
) -> None:
    response = await client.post("/api/auth/register", json=body)
    assert response.status == 422, await response.text()
    if field is not None:
        assert field in (await response.json())["error"]["details"]["fields"]


async def test_nul_characters_at_login_are_refused(client: Client) -> None:
    response = await client.post(
        "/api/auth/login", json={"email": "ada\x00@example.org", "password": PASSWORD}
    )
    assert await _error(response) == "validation_failed"
    assert (await response.json())["error"]["details"]["fields"] == ["email"]


@pytest.mark.parametrize(
    "name", ["\u202egro.elpmaxe@bob", "Ada\u2066Admin\u2069", "Ada\x07", "Ada\nAdmin", "A\u200bda"]
)
async def test_display_names_follow_one_rule_at_register_and_in_a_profile_change(
    client: Client, name: str
) -> None:
    register = await client.post(
        "/api/auth/register",
        json={"email": "ada@example.org", "password": PASSWORD, "display_name": name},
    )
    assert await _error(register) == "validation_failed"
    assert (await register.json())["error"]["details"]["fields"] == ["display_name"]
    signed_up = await client.post(
        "/api/auth/register",
        json={"email": "ada@example.org", "password": PASSWORD, "display_name": " Ada 👩‍🚀 "},
    )
    assert signed_up.status == 201
    body = await signed_up.json()
    assert body["user"]["display_name"] == "Ada 👩‍🚀"
    patch = await client.patch(
        "/api/me",
        json={"display_name": name},
        headers={"Authorization": f"Bearer {body['access_token']}"},
    )
    assert await _error(patch) == "validation_failed"
    assert (await patch.json())["error"]["details"]["fields"] == ["display_name"]
