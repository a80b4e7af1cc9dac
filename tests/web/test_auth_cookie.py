"""The page's session cookie: HttpOnly, SameSite=Strict, only on its path, refused cross-site."""

from datetime import UTC, datetime, timedelta
from http.cookies import Morsel, SimpleCookie

import pytest
from aiohttp import ClientResponse
from sqlalchemy import update

from models.secrets import hash_token
from models.token import RefreshToken
from tests.web.conftest import Client, MakeClient
from web.auth.cookie import COOKIE_NAME, SESSION_HEADER, SESSION_PATH
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery"
PAGE = {SESSION_HEADER: "cookie"}


def _cookie(response: ClientResponse) -> Morsel[str]:
    jar = SimpleCookie()
    for header in response.headers.getall("Set-Cookie"):
        jar.load(header)
    return jar[COOKIE_NAME]


async def _register(client: Client, headers: dict[str, str]) -> ClientResponse:
    response = await client.post(
        "/api/auth/register",
        json={"email": "ada@example.org", "password": PASSWORD},
        headers=headers,
    )
    assert response.status == 201, await response.text()
    return response


async def test_the_page_gets_its_refresh_token_only_as_an_httponly_cookie(client: Client) -> None:
    response = await _register(client, PAGE)
    body = await response.json()
    assert "refresh_token" not in body
    assert body["access_token"]
    cookie = _cookie(response)
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Strict"
    assert cookie["path"] == SESSION_PATH
    assert not cookie["secure"]  # plain http in tests; see the https test below
    assert int(cookie["max-age"]) > 29 * 86400


async def test_api_clients_without_the_header_keep_the_token_pair(client: Client) -> None:
    response = await _register(client, {})
    assert "refresh_token" in await response.json()
    assert "Set-Cookie" not in response.headers


async def test_the_cookie_is_secure_when_the_site_is_https(make_client: MakeClient) -> None:
    client = await make_client(web={"public_url": "https://calendar.example.org"})
    assert _cookie(await _register(client, PAGE))["secure"] is True


async def test_refresh_rotates_the_cookie_and_a_reused_one_ends_the_session(
    client: Client,
) -> None:
    first = _cookie(await _register(client, PAGE)).value
    response = await client.post(f"{SESSION_PATH}/refresh", headers=PAGE)
    assert response.status == 200, await response.text()
    body = await response.json()
    assert body["user"]["email"] == "ada@example.org"
    second = _cookie(response).value
    assert second != first
    me = await client.get("/api/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status == 200
    # The first cookie coming back (stolen, replayed after the reuse grace) ends the whole
    # session family.
    async with client.app[SESSIONMAKER].begin() as session:
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.token_hash == hash_token(first))
            .values(revoked_at=datetime.now(UTC) - timedelta(seconds=11))
        )
    client.session.cookie_jar.clear()
    replayed = await client.post(
        f"{SESSION_PATH}/refresh", headers={**PAGE, "Cookie": f"{COOKIE_NAME}={first}"}
    )
    assert replayed.status == 401
    assert (await replayed.json())["error"]["code"] == "refresh_token_reused"
    after = await client.post(
        f"{SESSION_PATH}/refresh", headers={**PAGE, "Cookie": f"{COOKIE_NAME}={second}"}
    )
    assert after.status == 401


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {**PAGE, "Origin": "https://evil.example"},
        {**PAGE, "Sec-Fetch-Site": "cross-site"},
    ],
    ids=["no-header", "foreign-origin", "cross-site-fetch"],
)
async def test_cross_site_requests_cannot_use_the_cookie(
    client: Client, headers: dict[str, str]
) -> None:
    await _register(client, PAGE)
    for action in ("refresh", "logout"):
        response = await client.post(f"{SESSION_PATH}/{action}", headers=headers)
        assert response.status == 403
        body = await response.json()
        assert body["error"]["code"] == "forbidden"
        assert body["error"]["message"]
    # The session is untouched: the page itself can still refresh.
    assert (await client.post(f"{SESSION_PATH}/refresh", headers=PAGE)).status == 200


async def test_the_same_origin_is_accepted(client: Client) -> None:
    await _register(client, PAGE)
    origin = str(client.make_url("/").origin())
    headers = {**PAGE, "Origin": origin, "Sec-Fetch-Site": "same-origin"}
    assert (await client.post(f"{SESSION_PATH}/refresh", headers=headers)).status == 200


async def test_sign_out_revokes_the_session_and_clears_the_cookie(client: Client) -> None:
    token = _cookie(await _register(client, PAGE)).value
    response = await client.post(f"{SESSION_PATH}/logout", headers=PAGE)
    assert response.status == 204
    cleared = _cookie(response)
    assert cleared.value == ""
    assert cleared["max-age"] == "0"
    assert cleared["path"] == SESSION_PATH
    client.session.cookie_jar.clear()
    again = await client.post(
        f"{SESSION_PATH}/refresh", headers={**PAGE, "Cookie": f"{COOKIE_NAME}={token}"}
    )
    assert again.status == 401


async def test_without_a_cookie_refresh_is_unauthorized(client: Client) -> None:
    response = await client.post(f"{SESSION_PATH}/refresh", headers=PAGE)
    assert response.status == 401
    assert (await response.json())["error"]["code"] == "unauthorized"
