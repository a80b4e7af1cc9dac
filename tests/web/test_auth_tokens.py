"""One-time login tokens, refresh rotation and reuse detection, logout, revoke-all, JWKS."""

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import jwt
import pytest
from sqlalchemy import func, select, update

from models.secrets import hash_token
from models.token import RefreshToken, TokenPurpose
from models.tokens import issue_one_time_token
from tests.web.conftest import Client, MakeUser
from web.keys import AUTH_SETTINGS, SESSIONMAKER

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery"


async def _sign_up(client: Client, email: str = "ada@example.org") -> dict[str, Any]:
    response = await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    assert response.status == 201
    body: dict[str, Any] = await response.json()
    return body


async def _refresh(client: Client, token: str) -> Any:
    return await client.post("/api/auth/refresh", json={"refresh_token": token})


async def _login_token(client: Client, make_user: MakeUser, **issue: Any) -> str:
    user = await make_user(telegram_user_id=4242, language="fr")
    async with client.app[SESSIONMAKER].begin() as session:
        return await issue_one_time_token(session, user.user_id, TokenPurpose.WEB_LOGIN, **issue)


async def test_one_time_token_signs_in_once(client: Client, make_user: MakeUser) -> None:
    token = await _login_token(client, make_user)
    first = await client.post("/api/auth/token", json={"token": token})
    assert first.status == 200
    assert (await first.json())["user"]["telegram_user_id"] == 4242
    replay = await client.post("/api/auth/token", json={"token": token})
    assert replay.status == 401
    assert (await replay.json())["error"]["code"] == "token_used"


async def test_expired_one_time_token(client: Client, make_user: MakeUser) -> None:
    token = await _login_token(client, make_user, now=datetime.now(UTC) - timedelta(minutes=16))
    response = await client.post("/api/auth/token", json={"token": token})
    assert (response.status, (await response.json())["error"]["code"]) == (401, "token_expired")


async def test_link_token_cannot_sign_in(client: Client, make_user: MakeUser) -> None:
    user = await make_user()
    async with client.app[SESSIONMAKER].begin() as session:
        token = await issue_one_time_token(session, user.user_id, TokenPurpose.LINK_TELEGRAM)
    response = await client.post("/api/auth/token", json={"token": token})
    assert (await response.json())["error"]["code"] == "token_invalid"


@pytest.mark.parametrize("token", ["nope", "x" * 64, "x" * 129])
async def test_unknown_one_time_tokens(client: Client, token: str) -> None:
    response = await client.post("/api/auth/token", json={"token": token})
    assert response.status in {401, 422}
    assert (await response.json())["error"]["code"] in {"token_invalid", "validation_failed"}


async def test_refresh_rotates_the_token(client: Client) -> None:
    pair = await _sign_up(client)
    rotated = await _refresh(client, pair["refresh_token"])
    assert rotated.status == 200
    new = await rotated.json()
    assert new["refresh_token"] != pair["refresh_token"]
    assert new["access_token"] != pair["access_token"]
    assert (await _refresh(client, new["refresh_token"])).status == 200


async def _rotated_seconds_ago(client: Client, token: str, seconds: float) -> None:
    """Move the rotation of `token` back in time (past or within the reuse grace)."""
    async with client.app[SESSIONMAKER].begin() as session:
        await session.execute(
            update(RefreshToken)
            .where(RefreshToken.token_hash == hash_token(token))
            .values(revoked_at=datetime.now(UTC) - timedelta(seconds=seconds))
        )


async def test_reusing_a_rotated_token_revokes_the_family(client: Client) -> None:
    pair = await _sign_up(client)
    other_session = await client.post(
        "/api/auth/login", json={"email": "ada@example.org", "password": PASSWORD}
    )
    new = await (await _refresh(client, pair["refresh_token"])).json()
    await _rotated_seconds_ago(client, pair["refresh_token"], 11)
    stolen = await _refresh(client, pair["refresh_token"])
    assert stolen.status == 401
    assert (await stolen.json())["error"]["code"] == "refresh_token_reused"
    # The legitimate successor is dead too; the other sign-in session is untouched.
    assert (await _refresh(client, new["refresh_token"])).status == 401
    other = await other_session.json()
    assert (await _refresh(client, other["refresh_token"])).status == 200


async def test_tabs_refreshing_at_once_share_one_successor(client: Client) -> None:
    pair = await _sign_up(client)
    answers = await asyncio.gather(*(_refresh(client, pair["refresh_token"]) for _ in range(3)))
    assert [answer.status for answer in answers] == [200, 200, 200]
    successors = {(await answer.json())["refresh_token"] for answer in answers}
    assert len(successors) == 1
    (successor,) = successors
    # A repeat a few seconds later still gets it; the session lives on through it.
    await _rotated_seconds_ago(client, pair["refresh_token"], 9)
    again = await _refresh(client, pair["refresh_token"])
    assert (await again.json())["refresh_token"] == successor
    assert (await _refresh(client, successor)).status == 200
    async with client.app[SESSIONMAKER]() as session:
        rows = await session.scalar(select(func.count()).select_from(RefreshToken))
    assert rows == 3  # the first token, its one successor, and that one's successor


async def test_a_repeat_after_the_successor_was_used_is_reuse(client: Client) -> None:
    pair = await _sign_up(client)
    successor = (await (await _refresh(client, pair["refresh_token"])).json())["refresh_token"]
    assert (await _refresh(client, successor)).status == 200
    late = await _refresh(client, pair["refresh_token"])
    assert (await late.json())["error"]["code"] == "refresh_token_reused"


async def test_expired_refresh_token(client: Client) -> None:
    pair = await _sign_up(client)
    async with client.app[SESSIONMAKER].begin() as session:
        await session.execute(
            update(RefreshToken).values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
        )
    response = await _refresh(client, pair["refresh_token"])
    assert (await response.json())["error"]["code"] == "token_expired"


async def test_logout_revokes_the_session(client: Client) -> None:
    pair = await _sign_up(client)
    response = await client.post("/api/auth/logout", json={"refresh_token": pair["refresh_token"]})
    assert response.status == 204
    assert (await _refresh(client, pair["refresh_token"])).status == 401
    again = await client.post("/api/auth/logout", json={"refresh_token": pair["refresh_token"]})
    assert again.status == 204


async def test_revoke_all_ends_every_session(client: Client) -> None:
    pair = await _sign_up(client)
    second = await (
        await client.post(
            "/api/auth/login", json={"email": "ada@example.org", "password": PASSWORD}
        )
    ).json()
    other_user = await _sign_up(client, "bob@example.org")
    response = await client.post(
        "/api/auth/revoke-all", headers={"Authorization": f"Bearer {pair['access_token']}"}
    )
    assert response.status == 204
    assert (await _refresh(client, pair["refresh_token"])).status == 401
    assert (await _refresh(client, second["refresh_token"])).status == 401
    assert (await _refresh(client, other_user["refresh_token"])).status == 200
    async with client.app[SESSIONMAKER]() as session:
        live = await session.scalar(
            select(func.count()).select_from(RefreshToken).where(RefreshToken.revoked_at.is_(None))
        )
    assert live == 1


async def test_refresh_tokens_are_stored_hashed(client: Client) -> None:
    pair = await _sign_up(client)
    async with client.app[SESSIONMAKER]() as session:
        hashes = (await session.execute(select(RefreshToken.token_hash))).scalars().all()
    assert pair["refresh_token"] not in hashes
    assert all(len(value) == 64 for value in hashes)


async def test_jwks_publishes_the_verifying_key(client: Client) -> None:
    pair = await _sign_up(client)
    response = await client.get("/.well-known/jwks.json")
    assert response.status == 200
    keys = (await response.json())["keys"]
    kid = jwt.get_unverified_header(pair["access_token"])["kid"]
    (jwk,) = [key for key in keys if key["kid"] == kid]
    claims = jwt.decode(
        pair["access_token"],
        jwt.PyJWK(jwk).key,
        algorithms=["RS256"],
        audience=client.app[AUTH_SETTINGS].audience,
    )
    assert claims["sub"] == pair["user"]["id"]


async def test_forged_access_tokens_are_refused_by_the_api(client: Client) -> None:
    pair = await _sign_up(client)
    claims = jwt.decode(pair["access_token"], options={"verify_signature": False})
    unsigned = jwt.encode(claims, "", algorithm="none")
    for token in (unsigned, pair["access_token"][:-4] + "AAAA"):
        response = await client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
        assert response.status == 401
        assert (await response.json())["error"]["code"] == "token_invalid"
