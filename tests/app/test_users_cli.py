"""`starscalendars users`: a real process deactivates an account a running web app serves."""

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from aiohttp import WSMsgType
from pytest_aiohttp import AiohttpClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.bus_pg import open_bus
from core.config import Settings
from core.i18n import I18n
from core.keys import load_keyring
from core.runtime import Runtime
from models.user import User
from tests.web.conftest import Client
from web.app import create_app
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


async def _cli(pg_url: str, cwd: Path, *args: str) -> tuple[int, str, str]:
    """Run `python -m app.cli users …` as its own process on the test database."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app.cli",
        "users",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": pg_url},
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


@pytest.fixture
async def web_client(
    aiohttp_client: AiohttpClient,
    make_settings: Callable[..., Settings],
    pg_url: str,
    pg_engine: AsyncEngine,
    pg_sessionmaker: async_sessionmaker[AsyncSession],
) -> AsyncIterator[Client]:
    """The web app on the test database, hearing the PostgreSQL bus as a `web` process does."""
    settings = make_settings(database={"url": pg_url})
    async with open_bus(settings.database) as bus:
        runtime = Runtime(
            settings=settings,
            engine=pg_engine,
            sessionmaker=pg_sessionmaker,
            i18n=I18n.load(),
            bus=bus,
            keyring=load_keyring(settings.auth.keys_dir),
        )
        yield await aiohttp_client(create_app(runtime))


async def test_deactivate_closes_sockets_and_sessions_reactivate_restores_sign_in(
    web_client: Client, pg_url: str, tmp_path: Path
) -> None:
    client = web_client
    signed_up = await client.post(
        "/api/auth/register", json={"email": "ada@example.org", "password": PASSWORD}
    )
    body = await signed_up.json()
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "auth", "token": body["access_token"]})
    assert (await ws.receive_json(timeout=5))["type"] == "auth.ok"

    code, out, err = await _cli(pg_url, tmp_path, "deactivate", "Ada@Example.org")
    assert code == 0, err
    printed = json.loads(out)
    assert printed["is_active"] is False
    assert printed["sessions_revoked"] == 1
    closed = await ws.receive(timeout=10)
    assert closed.type is WSMsgType.CLOSE
    assert (int(closed.data), closed.extra) == (4403, "account_deactivated")
    refresh = {"refresh_token": body["refresh_token"]}
    assert (await client.post("/api/auth/refresh", json=refresh)).status == 401
    login = {"email": "ada@example.org", "password": PASSWORD}
    refused = await client.post("/api/auth/login", json=login)
    assert refused.status == 403
    assert (await refused.json())["error"]["code"] == "account_deactivated"

    code, out, _ = await _cli(pg_url, tmp_path, "show", "ada@example.org")
    assert code == 0
    assert json.loads(out)["is_active"] is False
    code, out, _ = await _cli(pg_url, tmp_path, "reactivate", "ada@example.org")
    assert code == 0
    assert json.loads(out)["is_active"] is True
    assert (await client.post("/api/auth/login", json=login)).status == 200
    # The sessions deactivation ended stay ended.
    assert (await client.post("/api/auth/refresh", json=refresh)).status == 401


async def test_accounts_are_found_by_telegram_id_and_unknown_ones_named(
    web_client: Client, pg_url: str, tmp_path: Path
) -> None:
    async with web_client.app[SESSIONMAKER].begin() as session:
        session.add(User(telegram_user_id=123456789, telegram_username="sky"))
    code, out, _ = await _cli(pg_url, tmp_path, "show", "123456789")
    assert code == 0
    assert json.loads(out)["telegram_username"] == "sky"
    code, out, err = await _cli(pg_url, tmp_path, "deactivate", "nobody@example.org")
    assert code == 1
    assert out == ""
    assert err.strip().splitlines() == ["starscalendars: not_found: no such account"]
