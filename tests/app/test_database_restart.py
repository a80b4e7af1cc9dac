"""The database goes away under running web and scheduler processes, then comes back.

The test's own database is closed to new connections (ALLOW_CONNECTIONS false) and every
session on it is ended (pg_terminate_backend), as a restart or failover looks to the clients;
the shared server itself keeps running.
"""

import asyncio
import json
from collections.abc import AsyncIterator
from functools import partial
from pathlib import Path
from typing import Any

import aiohttp
import asyncpg
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.migrate import upgrade_to_head
from core.keys import generate_key
from models.db import create_engine, create_sessionmaker
from models.delivery import Delivery
from tests.conftest import create_database, drop_database
from tests.deploy.layout import sign_in_user
from tests.fakes.telegram import FakeChat, FakeTelegram
from tests.ports import free_port
from tests.scheduler.conftest import add_event, soon
from tests.scheduler.helpers import eventually
from tests.scheduler.roles import RoleLauncher, RoleProcess

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(480)]
CHANNEL_ID = -1001000000099
OUTAGE_SECONDS = 6


@pytest.fixture
async def fresh_url() -> AsyncIterator[str]:
    """A new PostgreSQL database at the newest revision, dropped after the test."""
    url = await asyncio.to_thread(create_database)
    try:
        await asyncio.to_thread(upgrade_to_head, url)
        yield url
    finally:
        # Reopened first, should the test have failed during the outage.
        await _on_server(url, "ALTER DATABASE {db} ALLOW_CONNECTIONS true")
        await asyncio.to_thread(drop_database, url)


async def _on_server(url: str, *statements: str) -> None:
    """Run statements from the server's maintenance database, naming the test's as {db}."""
    database = make_url(url)
    connection = await asyncpg.connect(
        host=database.host, port=database.port, user=database.username, database="postgres"
    )
    try:
        for statement in statements:
            await connection.execute(statement.format(db=f'"{database.database}"'))
    finally:
        await connection.close()


async def _cut(url: str) -> None:
    name = make_url(url).database
    await _on_server(
        url,
        "ALTER DATABASE {db} ALLOW_CONNECTIONS false",
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
    )


async def _readiness(http: aiohttp.ClientSession, port: int) -> int:
    try:
        async with http.get(f"http://127.0.0.1:{port}/ready") as response:
            return response.status
    except aiohttp.ClientError:
        return 0


async def _add_event(url: str, minutes: float) -> None:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine).begin() as session:
            await add_event(session, soon(minutes))
    finally:
        await engine.dispose()


async def _deliveries(url: str) -> list[tuple[str, str]]:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            rows = await session.execute(select(Delivery.kind, Delivery.status))
            return sorted((str(kind), str(status)) for kind, status in rows.all())
    finally:
        await engine.dispose()


async def _signed_in_socket(http: aiohttp.ClientSession, port: int, token: str) -> Any:
    ws = await http.ws_connect(f"http://127.0.0.1:{port}/ws")
    await ws.send_json({"type": "auth", "token": token})
    assert (await ws.receive_json(timeout=10))["type"] == "auth.ok"
    return ws


async def test_every_role_rides_out_a_database_restart(
    fresh_url: str, tmp_path: Path, make_settings: Any
) -> None:
    generate_key(tmp_path / "keys")
    ports = [free_port(), free_port()]
    async with FakeTelegram() as telegram:
        channel: FakeChat = telegram.add_channel("Sky", chat_id=CHANNEL_ID)
        launcher = RoleLauncher(
            {
                "DATABASE_URL": fresh_url,
                "DATABASE_POOL_SIZE": "3",
                "TELEGRAM_BOT_TOKEN": telegram.token,
                "TELEGRAM_API_URL": telegram.api_url,
                "TELEGRAM_CHANNELS": json.dumps({"*": channel.id}),
                "JWT_KEYS_DIR": str(tmp_path / "keys"),
                "SCHEDULER_REFRESH_HORIZON": "false",
                "SCHEDULER_PLAN_INTERVAL_SECONDS": "1",
                "SCHEDULER_IDLE_POLL_SECONDS": "0.2",
                "SCHEDULER_ANNOUNCE_LEADS_MINUTES": "60",
                "SCHEDULER_WORKER_PROCESSES": "2",
                "LOG_FORMAT": "json",
            }
        )
        try:
            await _ride_out(launcher, fresh_url, ports, telegram, make_settings, tmp_path)
        finally:
            await launcher.close()


async def _ride_out(
    launcher: RoleLauncher,
    url: str,
    ports: list[int],
    telegram: FakeTelegram,
    make_settings: Any,
    tmp_path: Path,
) -> None:
    webs = [await launcher.start("web", WEB_PORT=str(port)) for port in ports]
    schedulers = [await launcher.start("scheduler") for _ in range(2)]
    roles: list[RoleProcess] = webs + schedulers
    token = await sign_in_user(url, make_settings(auth={"keys_dir": tmp_path / "keys"}))
    async with aiohttp.ClientSession() as http:
        for port in ports:
            await eventually(partial(_is, http, port, 200), timeout=90)
        for scheduler in schedulers:
            await eventually(partial(scheduler.said, "scheduler started"), timeout=90)
        sockets = [await _signed_in_socket(http, port, token) for port in ports]

        await _add_event(url, 30)
        first = await asyncio.gather(*(ws.receive_json(timeout=60) for ws in sockets))
        await eventually(lambda: len(telegram.messages_to(CHANNEL_ID)) == 1, timeout=60)

        await _cut(url)
        for port in ports:
            await eventually(partial(_is, http, port, 503), timeout=30)
        # Planning rounds, worker polls and readiness checks all fail for a while.
        await asyncio.sleep(OUTAGE_SECONDS)
        await _on_server(url, "ALTER DATABASE {db} ALLOW_CONNECTIONS true")
        for port in ports:
            await eventually(partial(_is, http, port, 200), timeout=60)

        # Written after the break: planned, posted and pushed only if every role reconnected.
        await _add_event(url, 20)
        second = await asyncio.gather(*(ws.receive_json(timeout=60) for ws in sockets))
        await eventually(lambda: len(telegram.messages_to(CHANNEL_ID)) == 2, timeout=60)
        # A few more planning rounds and lease expiries: nothing comes twice.
        await asyncio.sleep(3)
        for ws in sockets:
            with pytest.raises(TimeoutError):
                await ws.receive_json(timeout=0.5)
            await ws.close()

    assert all(role.process.returncode is None for role in roles)
    assert [push["id"] for push in first] == [first[0]["id"]] * 2
    assert [push["id"] for push in second] == [second[0]["id"]] * 2
    assert first[0]["id"] != second[0]["id"]
    assert len(telegram.messages_to(CHANNEL_ID)) == 2
    expected = [("announcement", "sent")] * 2 + [("web_push", "sent")] * 2
    assert await _deliveries(url) == expected, "".join(schedulers[0].output + schedulers[1].output)
    for role in roles:
        assert await role.stop() == 0
    for role in webs:
        assert role.said("bus connection lost, reconnecting")


async def _is(http: aiohttp.ClientSession, port: int, status: int) -> bool:
    return await _readiness(http, port) == status
