"""Shared fixtures: a fresh PostgreSQL database per test session, SQLite files, test settings."""

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from app.migrate import upgrade_to_head
from core.config import Settings, load_settings
from core.logging import configure_logging
from models import Base
from models.db import create_engine, create_sessionmaker

# The server the tests create their databases on; CI and developers have it on 127.0.0.1.
DEFAULT_SERVER_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
ENV_PREFIXES = ("DATABASE_", "TELEGRAM_", "WEB_", "JWT_", "SCHEDULER_", "METRICS_", "STATUS_")
ENV_NAMES = ("PUBLIC_URL", "SENTRY_DSN", "LOG_LEVEL", "LOG_FORMAT", "DEFAULT_TIMEZONE", "DATA_DIR")

T = TypeVar("T")


def run_sync(coro: Any) -> Any:
    """Run a coroutine to completion from sync code, even while a test's event loop is running."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _server_url() -> str:
    return os.environ.get("TEST_DATABASE_URL", DEFAULT_SERVER_URL)


async def _admin(sql: str) -> None:
    url = make_url(_server_url())
    connection = await asyncpg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        database=url.database or "postgres",
    )
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def create_database() -> str:
    """Create an empty, uniquely named PostgreSQL database and return its URL."""
    name = f"sc_test_{os.getpid()}_{secrets.token_hex(4)}"
    run_sync(_admin(f'CREATE DATABASE "{name}"'))
    return make_url(_server_url()).set(database=name).render_as_string(hide_password=False)


def drop_database(url: str) -> None:
    """Drop a database made by create_database, closing anything still connected."""
    name = make_url(url).database
    run_sync(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(autouse=True, scope="session")
def _plain_logging() -> None:
    """Logs as in production (plain tracebacks), not structlog's slow pretty-printer."""
    configure_logging("INFO", "console")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's or CI's environment and .env out of the tests' settings."""
    for name in list(os.environ):
        if name.startswith(ENV_PREFIXES) or name in ENV_NAMES:
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database at the newest migration, dropped after the test session."""
    url = create_database()
    try:
        upgrade_to_head(url)
        yield url
    finally:
        drop_database(url)


@pytest.fixture(scope="session")
async def pg_engine(pg_url: str) -> AsyncIterator[AsyncEngine]:
    """One engine on the session's PostgreSQL database."""
    engine = create_engine(pg_url, pool_size=5)
    yield engine
    await engine.dispose()


@pytest.fixture
async def pg_session(pg_engine: AsyncEngine) -> AsyncIterator[AsyncSession]:
    """A session whose work is rolled back after the test (commits become savepoints)."""
    async with pg_engine.connect() as connection:
        transaction = await connection.begin()
        session = AsyncSession(
            bind=connection, expire_on_commit=False, join_transaction_mode="create_savepoint"
        )
        try:
            yield session
        finally:
            await session.close()
            await transaction.rollback()


@pytest.fixture
async def pg_sessionmaker(
    pg_engine: AsyncEngine,
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    """Real commits across connections; every table is emptied after the test."""
    yield create_sessionmaker(pg_engine)
    tables = ", ".join(table.name for table in Base.metadata.sorted_tables)
    async with pg_engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """An embedded SQLite database file at the newest migration."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'starscalendars.db'}"
    upgrade_to_head(url)
    return url


@pytest.fixture
async def sqlite_session(sqlite_url: str) -> AsyncIterator[AsyncSession]:
    """A session on the embedded SQLite default."""
    engine = create_engine(sqlite_url)
    async with create_sessionmaker(engine)() as session:
        yield session
    await engine.dispose()


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Build settings for a test: keys and data under tmp_path, overrides per section."""

    def build(**sections: dict[str, Any]) -> Settings:
        sections.setdefault("auth", {})
        sections["auth"].setdefault("keys_dir", tmp_path / "keys")
        sections.setdefault("database", {})
        sections["database"].setdefault(
            "url", f"sqlite+aiosqlite:///{tmp_path / 'starscalendars.db'}"
        )
        return load_settings(None, **sections)

    return build
