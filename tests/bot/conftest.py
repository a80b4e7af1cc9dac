"""Bot fixtures: the real bot role polling a fake Telegram, on PostgreSQL or SQLite."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.runner import serve
from core.bus import InProcessBus
from core.config import Settings
from core.i18n import I18n
from core.keys import KeyRing, load_keyring
from core.runtime import Runtime
from models.db import create_engine, create_sessionmaker
from tests.fakes.telegram import FakeTelegram

ADMIN_ID = 42_000_001


@pytest.fixture(scope="session")
def bot_i18n() -> I18n:
    """The catalogues, parsed once for the session."""
    return I18n.load()


@pytest.fixture(scope="session")
def bot_keyring(tmp_path_factory: pytest.TempPathFactory) -> KeyRing:
    """One signing key for the session (the runtime needs one; the bot signs nothing)."""
    return load_keyring(tmp_path_factory.mktemp("bot-keys"))


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A running fake Bot API server."""
    async with FakeTelegram() as fake:
        yield fake


@dataclass
class RunningBot:
    """The bot role running in a task against the fake, with the runtime it uses."""

    runtime: Runtime
    stop: asyncio.Event
    task: asyncio.Task[None]

    @property
    def sessionmaker(self) -> async_sessionmaker[AsyncSession]:
        """Sessions on the bot's database, for arranging and checking rows."""
        return self.runtime.sessionmaker

    async def shutdown(self) -> None:
        """Set the stop event as SIGTERM would, and wait for the role to return."""
        self.stop.set()
        await asyncio.wait_for(self.task, timeout=15)


StartBot = Callable[..., AbstractAsyncContextManager[RunningBot]]


def _telegram_section(tg: FakeTelegram, overrides: dict[str, Any]) -> dict[str, Any]:
    section: dict[str, Any] = {
        "bot_token": tg.token,
        "api_url": tg.api_url,
        "throttle_seconds": 0,
        "admin_ids": [ADMIN_ID],
    }
    section.update(overrides)
    return section


@asynccontextmanager
async def _running(
    tg: FakeTelegram,
    settings: Settings,
    engine: AsyncEngine,
    sessionmaker: async_sessionmaker[AsyncSession],
    i18n: I18n,
    keyring: KeyRing,
) -> AsyncIterator[RunningBot]:
    runtime = Runtime(settings, engine, sessionmaker, i18n, InProcessBus(), keyring)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(runtime, stop))
    running = RunningBot(runtime, stop, task)
    try:
        # The first long poll is waiting: allowed_updates are set and the bot is listening.
        await tg.wait_until(lambda: tg.queue.waiting_polls > 0 or task.done(), timeout=10)
        if task.done():
            await task
        yield running
    finally:
        if not task.done():
            await running.shutdown()
        else:
            await task


@pytest.fixture
def start_bot(
    tg: FakeTelegram,
    make_settings: Callable[..., Settings],
    pg_engine: AsyncEngine,
    pg_sessionmaker: async_sessionmaker[AsyncSession],
    bot_i18n: I18n,
    bot_keyring: KeyRing,
) -> StartBot:
    """Start the bot role on PostgreSQL; `web` and keyword arguments override settings."""

    def start(
        web: dict[str, Any] | None = None, **telegram: Any
    ) -> AbstractAsyncContextManager[RunningBot]:
        settings = make_settings(
            database={"url": pg_engine.url.render_as_string(hide_password=False)},
            telegram=_telegram_section(tg, telegram),
            web=web or {},
        )
        return _running(tg, settings, pg_engine, pg_sessionmaker, bot_i18n, bot_keyring)

    return start


@pytest.fixture
async def sqlite_bot(
    tg: FakeTelegram,
    make_settings: Callable[..., Settings],
    sqlite_url: str,
    bot_i18n: I18n,
    bot_keyring: KeyRing,
    tmp_path: Path,
) -> AsyncIterator[RunningBot]:
    """The bot role on the embedded SQLite default."""
    settings = make_settings(database={"url": sqlite_url}, telegram=_telegram_section(tg, {}))
    engine = create_engine(sqlite_url)
    try:
        async with _running(
            tg, settings, engine, create_sessionmaker(engine), bot_i18n, bot_keyring
        ) as running:
            yield running
    finally:
        await engine.dispose()
