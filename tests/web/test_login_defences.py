"""Password sign-in under attack: one hash on every path, a bounded hashing pool, fair lockouts."""

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from models.user import User
from tests.web.conftest import Client, MakeClient
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery"


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every argon2 verification the server runs (argon2-cffi's own, still run in full)."""
    seen: list[str] = []
    original: Callable[..., bool] = PasswordHasher.verify

    def counted(self: PasswordHasher, hash: str | bytes, password: str | bytes) -> bool:
        seen.append(str(hash))
        return original(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", counted)
    return seen


async def _register(client: Client, email: str = "ada@example.org") -> None:
    response = await client.post("/api/auth/register", json={"email": email, "password": PASSWORD})
    assert response.status == 201, await response.text()


async def _login(client: Client, email: str, password: str, **headers: str) -> Any:
    return await client.post(
        "/api/auth/login", json={"email": email, "password": password}, headers=headers
    )


async def test_unknown_email_costs_the_same_hash_as_a_wrong_password(
    client: Client, verifications: list[str]
) -> None:
    await _register(client)
    async with client.app[SESSIONMAKER].begin() as session:
        session.add(User(email="tg@example.org", telegram_user_id=5))
    for email in ("ada@example.org", "nobody@example.org", "tg@example.org"):
        verifications.clear()
        response = await _login(client, email, "not the password")
        assert response.status == 401
        assert len(verifications) == 1, email
        # The same parameters on every path: the decoy is hashed like a real password.
        assert verifications[0].startswith("$argon2id$v=19$m=19456,t=2,p=1$")


async def test_passwords_are_hashed_with_the_stated_parameters(client: Client) -> None:
    await _register(client)
    async with client.app[SESSIONMAKER]() as session:
        stored = (await session.execute(select(User.password_hash))).scalar_one()
    assert stored is not None
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")


async def test_a_full_hashing_queue_answers_503_with_retry_after(make_client: MakeClient) -> None:
    client = await make_client(web={"password_hash_workers": 1, "password_hash_queue": 1})
    responses = await asyncio.gather(
        *(_login(client, f"guess{n}@example.org", "not the password") for n in range(8))
    )
    statuses = sorted(response.status for response in responses)
    assert statuses.count(401) >= 2
    busy = [response for response in responses if response.status == 503]
    assert busy, statuses
    assert set(statuses) == {401, 503}
    assert busy[0].headers["Retry-After"] == "1"
    assert (await busy[0].json())["error"]["code"] == "server_busy"
    # Once the pool has drained, sign-in works again.
    assert (await _login(client, "later@example.org", "not the password")).status == 401


async def test_lockout_is_per_address_so_the_owner_still_gets_in(make_client: MakeClient) -> None:
    client = await make_client(web={"trust_proxy": True})
    await _register(client)
    attacker = {"X-Forwarded-For": "203.0.113.7"}
    owner = {"X-Forwarded-For": "198.51.100.20"}
    statuses = [
        (await _login(client, "ada@example.org", "wrong password!", **attacker)).status
        for _ in range(6)
    ]
    assert statuses == [401] * 5 + [429]
    assert (await _login(client, "ada@example.org", PASSWORD, **attacker)).status == 429
    assert (await _login(client, "ada@example.org", PASSWORD, **owner)).status == 200


async def test_failures_from_many_addresses_slow_the_email_but_never_refuse_it(
    make_client: MakeClient,
) -> None:
    client = await make_client(
        web={
            "trust_proxy": True,
            "login_email_free_failures": 4,
            "login_email_delay_max_seconds": 0.4,
            "rate_auth_per_minute": 100,
        }
    )
    await _register(client)
    for n in range(8):
        wrong = await _login(
            client, "ada@example.org", "wrong password!", **{"X-Forwarded-For": f"192.0.2.{n}"}
        )
        assert wrong.status == 401
    loop = asyncio.get_running_loop()
    started = loop.time()
    right = await _login(client, "ada@example.org", PASSWORD, **{"X-Forwarded-For": "192.0.2.99"})
    assert right.status == 200
    assert loop.time() - started >= 0.4
