"""Migrations go up, down and up again, and the models never drift from them."""

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from app.migrate import current_revision, downgrade_to, head_revision, upgrade_to_head
from migrations import HEAD_REVISION
from models import Base
from models.db import create_engine
from tests.conftest import create_database, drop_database


@pytest.fixture
def empty_pg_url() -> Iterator[str]:
    """A PostgreSQL database of its own, so going down to base disturbs no other test."""
    url = create_database()
    yield url
    drop_database(url)


def _diff(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names())


async def _inspect(url: str) -> tuple[list[Any], set[str]]:
    engine = create_engine(url, pool_size=1)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(_diff), await connection.run_sync(_tables)
    finally:
        await engine.dispose()


@pytest.mark.postgres
async def test_postgres_round_trip_and_no_drift(empty_pg_url: str) -> None:
    await asyncio.to_thread(upgrade_to_head, empty_pg_url)
    await asyncio.to_thread(downgrade_to, empty_pg_url, "base")
    _, tables = await _inspect(empty_pg_url)
    assert tables == {"alembic_version"}
    await asyncio.to_thread(upgrade_to_head, empty_pg_url)
    assert await current_revision(empty_pg_url) == head_revision()
    diff, tables = await _inspect(empty_pg_url)
    assert diff == []
    assert {"users", "astro_events", "deliveries", "one_time_tokens", "refresh_tokens"} <= tables


def test_the_head_revision_constant_follows_the_migrations() -> None:
    assert head_revision() == HEAD_REVISION


async def test_sqlite_round_trip_and_no_drift(tmp_path: Any) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'db.sqlite'}"
    await asyncio.to_thread(upgrade_to_head, url)
    await asyncio.to_thread(downgrade_to, url, "base")
    await asyncio.to_thread(upgrade_to_head, url)
    diff, tables = await _inspect(url)
    assert diff == []
    assert "deliveries" in tables
