"""Email + password: registration, the password policy, login, throttling, bad input."""

from typing import Any

import pytest
import structlog
from sqlalchemy import select

from models.user import User
from tests.web.conftest import Client, MakeClient
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery"


async def _register(
    client: Client, email: str = "ada@example.org", **extra: object
) -> dict[str, Any]:
    response = await client.post(
        "/api/auth/register", json={"email": email, "password": PASSWORD, **extra}
    )
    assert response.status == 201, await response.text()
    body: dict[str, Any] = await response.json()
    return body


async def test_register_returns_a_working_token_pair(client: Client) -> None:
    body = await _register(client, display_name="Ada", language="de", timezone="Europe/Berlin")
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 15 * 60
    assert len(body["refresh_token"]) >= 32
    assert body["user"]["email"] == "ada@example.org"
    assert (body["user"]["language"], body["user"]["timezone"]) == ("de", "Europe/Berlin")
    me = await client.get("/api/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status == 200
    assert (await me.json())["display_name"] == "Ada"


async def test_password_is_stored_as_argon2id_only(client: Client) -> None:
    await _register(client)
    async with client.app[SESSIONMAKER]() as session:
        user = (await session.execute(select(User))).scalar_one()
    assert user.password_hash is not None
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash


async def test_email_is_normalized(client: Client) -> None:
    body = await _register(client, email="  Ada.Lovelace@Example.ORG ")
    assert body["user"]["email"] == "ada.lovelace@example.org"
    login = await client.post(
        "/api/auth/login", json={"email": "ADA.LOVELACE@example.org", "password": PASSWORD}
    )
    assert login.status == 200


async def test_new_account_language_follows_accept_language(client: Client) -> None:
    response = await client.post(
        "/api/auth/register",
        json={"email": "ja@example.org", "password": PASSWORD},
        headers={"Accept-Language": "ja-JP,ja;q=0.9,en;q=0.5"},
    )
    assert (await response.json())["user"]["language"] == "ja"


async def test_duplicate_email_is_refused(client: Client) -> None:
    await _register(client)
    again = await client.post(
        "/api/auth/register", json={"email": "ADA@example.org", "password": "another long one"}
    )
    assert again.status == 409
    assert (await again.json())["error"]["code"] == "email_taken"


@pytest.mark.parametrize(
    "password",
    [
        "short1",
        "password123",
        "1234567890",
        "aaaaaaaaaaaaaa",
        "ada@example.org",
        "ADA@example.org",
    ],
)
async def test_weak_passwords_are_refused(client: Client, password: str) -> None:
    response = await client.post(
        "/api/auth/register", json={"email": "ada@example.org", "password": password}
    )
    assert response.status == 422
    body = await response.json()
    assert body["error"]["code"] == "weak_password"
    assert password not in await response.text()
    async with client.app[SESSIONMAKER]() as session:
        assert (await session.execute(select(User))).first() is None


@pytest.mark.parametrize(
    ("payload", "code", "status"),
    [
        ({"email": "not-an-email", "password": PASSWORD}, "validation_failed", 422),
        ({"email": "a@b", "password": PASSWORD}, "validation_failed", 422),
        ({"email": "ada@example.org"}, "validation_failed", 422),
        ({"email": 42, "password": PASSWORD}, "validation_failed", 422),
        (
            {"email": "ada@example.org", "password": PASSWORD, "admin": True},
            "validation_failed",
            422,
        ),
        (
            {"email": "ada@example.org", "password": PASSWORD, "timezone": "Mars/Olympus"},
            "invalid_timezone",
            422,
        ),
        (
            {"email": "ada@example.org", "password": PASSWORD, "language": "tlh"},
            "invalid_language",
            422,
        ),
        ([1, 2, 3], "validation_failed", 422),
    ],
)
async def test_bad_registrations_get_stable_codes(
    client: Client, payload: object, code: str, status: int
) -> None:
    response = await client.post("/api/auth/register", json=payload)
    assert response.status == status
    assert (await response.json())["error"]["code"] == code
    async with client.app[SESSIONMAKER]() as session:
        assert (await session.execute(select(User))).first() is None


async def test_malformed_json_is_invalid_json(client: Client) -> None:
    response = await client.post(
        "/api/auth/login", data=b'{"email": "x",', headers={"Content-Type": "application/json"}
    )
    assert response.status == 400
    assert (await response.json())["error"]["code"] == "invalid_json"


async def test_huge_body_is_refused_before_reading(client: Client) -> None:
    response = await client.post(
        "/api/auth/login",
        data=b'{"email": "' + b"a" * 100_000 + b'"}',
        headers={"Content-Type": "application/json"},
    )
    assert response.status == 413
    assert (await response.json())["error"]["code"] == "body_too_large"


async def test_unknown_email_and_wrong_password_look_the_same(client: Client) -> None:
    await _register(client)
    wrong = await client.post(
        "/api/auth/login", json={"email": "ada@example.org", "password": "not the password"}
    )
    unknown = await client.post(
        "/api/auth/login", json={"email": "bob@example.org", "password": "not the password"}
    )
    assert wrong.status == unknown.status == 401
    assert await wrong.json() == await unknown.json()
    assert (await wrong.json())["error"]["code"] == "invalid_credentials"


async def test_telegram_only_account_cannot_password_login(client: Client) -> None:
    async with client.app[SESSIONMAKER].begin() as session:
        session.add(User(email="tg@example.org", telegram_user_id=5))
    response = await client.post(
        "/api/auth/login", json={"email": "tg@example.org", "password": "anything at all"}
    )
    assert response.status == 401


async def test_repeated_failures_lock_the_account_progressively(client: Client) -> None:
    await _register(client)
    attempt = {"email": "ada@example.org", "password": "wrong password!"}
    statuses = [(await client.post("/api/auth/login", json=attempt)).status for _ in range(5)]
    assert statuses == [401] * 5
    locked = await client.post("/api/auth/login", json=attempt)
    assert locked.status == 429
    assert int(locked.headers["Retry-After"]) >= 1
    body = await locked.json()
    assert body["error"]["code"] == "rate_limited"
    assert body["error"]["details"]["seconds"] >= 1
    # Even the right password waits out the lockout.
    right = await client.post(
        "/api/auth/login", json={"email": "ada@example.org", "password": PASSWORD}
    )
    assert right.status == 429


async def test_sign_in_rate_limit_per_ip(make_client: MakeClient) -> None:
    client = await make_client(web={"rate_auth_per_minute": 3})
    attempt = {"email": "x@example.org", "password": "whatever123"}
    statuses = [(await client.post("/api/auth/login", json=attempt)).status for _ in range(4)]
    assert statuses == [401, 401, 401, 429]


async def test_no_secret_reaches_logs_or_responses(client: Client) -> None:
    with structlog.testing.capture_logs() as logs:
        body = await _register(client)
        await client.post(
            "/api/auth/login", json={"email": "ada@example.org", "password": "wrong password!"}
        )
        refreshed = await client.post(
            "/api/auth/refresh", json={"refresh_token": body["refresh_token"]}
        )
        await client.post("/api/auth/refresh", json={"refresh_token": body["refresh_token"]})
    assert refreshed.status == 200
    text = repr(logs)
    assert logs, "sign-in events are logged"
    for secret in (PASSWORD, "wrong password!", body["refresh_token"], body["access_token"]):
        assert secret not in text
