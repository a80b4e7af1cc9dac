"""Real role processes: the scheduler plans, posts, stops and hands over; web processes push."""

import asyncio
import json
import uuid
from collections.abc import AsyncIterator, Callable
from functools import partial
from pathlib import Path

import aiohttp
import pytest
from sqlalchemy import insert, select

from app.migrate import upgrade_to_head
from core.config import Settings
from core.keys import generate_key, load_keyring
from models.db import create_engine, create_sessionmaker
from models.delivery import Delivery
from models.user import User
from tests.conftest import create_database, drop_database
from tests.fakes.telegram import FakeChat, FakeTelegram
from tests.ports import free_port
from tests.scheduler.conftest import add_event, soon
from tests.scheduler.helpers import eventually
from tests.scheduler.roles import RoleLauncher, RoleProcess
from web.auth.jwt import AccessTokens

pytestmark = pytest.mark.postgres

CHANNEL_ID = -1001000000077
LEADER = "this process now plans deliveries"


@pytest.fixture
async def fresh_url() -> AsyncIterator[str]:
    """A new PostgreSQL database at the newest revision, dropped after the test."""
    url = await asyncio.to_thread(create_database)
    try:
        await asyncio.to_thread(upgrade_to_head, url)
        yield url
    finally:
        await asyncio.to_thread(drop_database, url)


@pytest.fixture
def channel(fake_telegram: FakeTelegram) -> FakeChat:
    """The channel announcements go to, with the bot as its administrator."""
    return fake_telegram.add_channel("Sky", chat_id=CHANNEL_ID)


@pytest.fixture
async def launcher(
    fresh_url: str, fake_telegram: FakeTelegram, channel: FakeChat, tmp_path: Path
) -> AsyncIterator[RoleLauncher]:
    """Starts role processes configured by environment variables, as in production."""
    # One signing key made up front: processes starting together would each create their own.
    generate_key(tmp_path / "keys")
    launcher = RoleLauncher(
        {
            "DATABASE_URL": fresh_url,
            "TELEGRAM_BOT_TOKEN": fake_telegram.token,
            "TELEGRAM_API_URL": fake_telegram.api_url,
            "TELEGRAM_CHANNELS": json.dumps({"*": channel.id}),
            "JWT_KEYS_DIR": str(tmp_path / "keys"),
            "SCHEDULER_REFRESH_HORIZON": "false",
            "SCHEDULER_PLAN_INTERVAL_SECONDS": "1",
            "SCHEDULER_IDLE_POLL_SECONDS": "0.2",
            "SCHEDULER_ANNOUNCE_LEADS_MINUTES": "60",
            "LOG_LEVEL": "INFO",
            "LOG_FORMAT": "json",
        }
    )
    try:
        yield launcher
    finally:
        await launcher.close()


async def _add_event(url: str) -> None:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine).begin() as session:
            await add_event(session, soon(30))
    finally:
        await engine.dispose()


async def _statuses(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            return list(await session.scalars(select(Delivery.status).order_by(Delivery.id)))
    finally:
        await engine.dispose()


def _event_loop(role: RoleProcess) -> str | None:
    """The event loop a process reported at start (its log lines are JSON)."""
    for line in role.output:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and entry.get("event") == "starting":
            return str(entry.get("loop"))
    return None


def _posted(telegram: FakeTelegram) -> int:
    return len(telegram.messages_to(CHANNEL_ID))


async def test_scheduler_role_plans_posts_and_stops_cleanly(
    launcher: RoleLauncher, fresh_url: str, fake_telegram: FakeTelegram
) -> None:
    await _add_event(fresh_url)
    scheduler = await launcher.start("scheduler")

    await eventually(lambda: _posted(fake_telegram) == 1, timeout=60)
    await eventually(lambda: scheduler.said(LEADER), timeout=5)
    # The scheduler runs on uvloop (app/cli.py says why); the web processes below do not.
    assert _event_loop(scheduler) == "uvloop"

    assert await scheduler.stop() == 0
    assert _posted(fake_telegram) == 1
    # The announcement and the web push to everyone, both recorded as sent.
    assert await _statuses(fresh_url) == ["sent", "sent"]


async def test_standby_takes_over_planning_when_the_leader_is_killed(
    launcher: RoleLauncher, fresh_url: str, fake_telegram: FakeTelegram
) -> None:
    leader = await launcher.start("scheduler")
    await eventually(lambda: leader.said(LEADER), timeout=60)
    standby = await launcher.start("scheduler")
    await eventually(lambda: standby.said("scheduler started"), timeout=60)
    # Several planning rounds (one a second) on the standby: the lock is held, it only waits.
    await asyncio.sleep(3)
    assert not standby.said(LEADER)

    await leader.kill()
    await _add_event(fresh_url)

    await eventually(lambda: _posted(fake_telegram) == 1, timeout=30)
    assert standby.said(LEADER)
    assert await standby.stop() == 0
    assert _posted(fake_telegram) == 1


async def _signed_in_user(url: str, settings: Settings) -> str:
    """A user in the database and an access token for them, signed with the processes' key."""
    user_id = uuid.uuid4()
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine).begin() as session:
            await session.execute(insert(User).values(id=user_id, language="de"))
    finally:
        await engine.dispose()
    tokens = AccessTokens(load_keyring(settings.auth.keys_dir, generate=False), settings.auth)
    issued = tokens.issue(
        user_id, language="de", timezone="Europe/Berlin", latitude=None, longitude=None
    )
    return issued.token


async def _ready(http: aiohttp.ClientSession, port: int) -> bool:
    try:
        async with http.get(f"http://127.0.0.1:{port}/health") as response:
            return response.status == 200
    except aiohttp.ClientError:
        return False


async def test_a_push_reaches_clients_of_every_web_process(
    launcher: RoleLauncher, fresh_url: str, make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    settings = make_settings(auth={"keys_dir": tmp_path / "keys"})
    token = await _signed_in_user(fresh_url, settings)
    ports = [free_port(), free_port()]
    webs = [await launcher.start("web", WEB_PORT=str(port)) for port in ports]
    async with aiohttp.ClientSession() as http:
        for port in ports:
            await eventually(partial(_ready, http, port), timeout=60)
        clients = []
        for port in ports:
            ws = await http.ws_connect(f"http://127.0.0.1:{port}/ws")
            await ws.send_json({"type": "auth", "token": token})
            assert (await ws.receive_json(timeout=10))["type"] == "auth.ok"
            clients.append(ws)

        await _add_event(fresh_url)
        scheduler = await launcher.start("scheduler")
        pushes = [await ws.receive_json(timeout=60) for ws in clients]

        for ws in clients:
            await ws.close()
    assert [push["type"] for push in pushes] == ["event.upcoming", "event.upcoming"]
    assert pushes[0]["id"] == pushes[1]["id"]
    assert {push["data"]["kind"] for push in pushes} == {"full_moon"}
    assert [_event_loop(web) for web in webs] == ["asyncio", "asyncio"]
    for role in [scheduler, *webs]:
        assert await role.stop() == 0
