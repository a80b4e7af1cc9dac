"""The request guard on the real application: bearer tokens, 401 codes, localized errors."""

import pytest
from aiohttp import web
from pytest_aiohttp import AiohttpClient

from core.errors import NotFoundError
from core.runtime import Runtime
from tests.web.conftest import Client, create_web_user
from web.app import create_app
from web.auth.guard import optional_user, require_user
from web.auth.jwt import ACCESS_TOKENS
from web.errors import json_response

pytestmark = pytest.mark.postgres


async def _whoami(request: web.Request) -> web.Response:
    user = await require_user(request)
    return json_response({"user_id": user.user_id, "language": user.language})


async def _fail(request: web.Request) -> web.Response:
    await require_user(request)
    raise NotFoundError("probe")


async def _maybe(request: web.Request) -> web.Response:
    user = await optional_user(request)
    return json_response({"user_id": user.user_id if user else None})


@pytest.fixture
async def probe(aiohttp_client: AiohttpClient, runtime: Runtime) -> Client:
    """The real application plus two probe routes guarded by require_user / optional_user."""
    app = create_app(runtime)
    app.router.add_get("/probe/required", _whoami)
    app.router.add_get("/probe/optional", _maybe)
    app.router.add_get("/probe/fail", _fail)
    return await aiohttp_client(app)


async def test_valid_token_identifies_the_user(probe: Client) -> None:
    user = await create_web_user(probe.app, language="de")
    response = await probe.get("/probe/required", headers=user.headers)
    assert response.status == 200
    assert await response.json() == {"user_id": str(user.user_id), "language": "de"}


async def test_missing_token_is_unauthorized(probe: Client) -> None:
    response = await probe.get("/probe/required")
    assert response.status == 401
    body = await response.json()
    assert body["error"]["code"] == "unauthorized"
    assert body["error"]["message"]


@pytest.mark.parametrize(
    "header", ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer not.a.jwt", "token"]
)
async def test_malformed_authorization_is_token_invalid(probe: Client, header: str) -> None:
    response = await probe.get("/probe/required", headers={"Authorization": header})
    assert response.status == 401
    assert (await response.json())["error"]["code"] == "token_invalid"


async def test_expired_token_is_token_expired(probe: Client) -> None:
    tokens = probe.app[ACCESS_TOKENS]
    user = await create_web_user(probe.app)
    stale = tokens.issue(
        user.user_id, language="en", timezone="UTC", latitude=None, longitude=None, now=1_000_000
    )
    response = await probe.get(
        "/probe/required", headers={"Authorization": f"Bearer {stale.token}"}
    )
    assert response.status == 401
    assert (await response.json())["error"]["code"] == "token_expired"


async def test_errors_after_sign_in_speak_the_profile_language(
    probe: Client, runtime: Runtime
) -> None:
    user = await create_web_user(probe.app, language="ru")
    response = await probe.get(
        "/probe/fail", headers={**user.headers, "Accept-Language": "en-US,en;q=0.9"}
    )
    assert response.status == 404
    message = (await response.json())["error"]["message"]
    assert message == runtime.i18n.get("ru").error("not_found")


async def test_optional_user_without_token_is_anonymous(probe: Client) -> None:
    response = await probe.get("/probe/optional")
    assert await response.json() == {"user_id": None}


async def test_optional_user_with_bad_token_is_still_refused(probe: Client) -> None:
    response = await probe.get("/probe/optional", headers={"Authorization": "Bearer x.y.z"})
    assert response.status == 401
