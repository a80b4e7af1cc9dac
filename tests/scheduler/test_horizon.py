"""The horizon job upserts idempotently on PostgreSQL and SQLite."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from astro.events import compute_events
from models.event import AstroEvent
from scheduler.horizon import refresh_horizon

START = datetime(2027, 7, 1, tzinfo=UTC)
DAYS = 45


async def _count(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(AstroEvent)) or 0)


async def _check_idempotent_upsert(session: AsyncSession) -> None:
    expected = compute_events(START, START + timedelta(days=DAYS))
    first = await refresh_horizon(session, START, DAYS)
    await session.commit()
    assert (first.inserted, first.updated, first.unchanged) == (len(expected), 0, 0)

    second = await refresh_horizon(session, START, DAYS)
    await session.commit()
    assert (second.inserted, second.updated, second.unchanged) == (0, 0, len(expected))
    assert await _count(session) == len(expected)

    # A stored event that an older computation put 40 s away is moved, not duplicated.
    row = await session.scalar(select(AstroEvent).where(AstroEvent.kind == "full_moon"))
    assert row is not None
    true_instant = row.occurs_at
    row.occurs_at = true_instant + timedelta(seconds=40)
    await session.commit()
    third = await refresh_horizon(session, START, DAYS)
    await session.commit()
    assert (third.inserted, third.updated) == (0, 1)
    assert await _count(session) == len(expected)
    await session.refresh(row)
    assert row.occurs_at == true_instant


@pytest.mark.postgres
async def test_refresh_is_idempotent_on_postgres(pg_session: AsyncSession) -> None:
    await _check_idempotent_upsert(pg_session)


async def test_refresh_is_idempotent_on_sqlite(sqlite_session: AsyncSession) -> None:
    await _check_idempotent_upsert(sqlite_session)


@pytest.mark.postgres
async def test_events_the_engine_no_longer_yields_are_removed(pg_session: AsyncSession) -> None:
    await refresh_horizon(pg_session, START, DAYS)
    # A conjunction an older engine claimed, inside the window: it must not stay to be announced.
    phantom = AstroEvent(
        kind="moon_conjunction",
        subject="neptune",
        occurs_at=START + timedelta(days=10, hours=3),
        payload={},
        significance=30.0,
    )
    # And one beyond the window, which this refresh cannot judge: it stays.
    beyond = AstroEvent(
        kind="moon_conjunction",
        subject="neptune",
        occurs_at=START + timedelta(days=DAYS + 20),
        payload={},
        significance=30.0,
    )
    pg_session.add_all([phantom, beyond])
    await pg_session.flush()
    result = await refresh_horizon(pg_session, START, DAYS)
    assert result.removed == 1
    assert result.inserted == 0
    assert await pg_session.get(AstroEvent, phantom.id) is None
    assert await pg_session.get(AstroEvent, beyond.id) is not None
