"""Outcome writes: the recorder's group commit and nudge; a claim's outcome names its claim."""

import asyncio
import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.delivery import Delivery
from scheduler import outcomes
from scheduler.outbox import claim_due
from scheduler.outcomes import OutcomeRecorder


@pytest.mark.postgres
async def test_a_nudge_writes_only_what_its_linger_would_write_within_that_time(
    pg_sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    recorder = OutcomeRecorder(pg_sessionmaker, "worker", linger=5.0, batch=lambda: 100)
    recorded = asyncio.create_task(recorder.record(outcomes.sent(1, 10)))
    await asyncio.sleep(0.05)
    recorder.nudge(1.0)
    await asyncio.sleep(0.2)
    assert (recorder.writes, recorded.done()) == (0, False)
    recorder.nudge(5.0)
    await asyncio.wait_for(recorded, 1.0)
    assert recorder.writes == 1
    await recorder.close()


@pytest.mark.postgres
async def test_the_outcome_of_an_expired_claim_leaves_the_newer_claim_alone(
    pg_sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    """A sender that waited out its lease gives the row back after the same worker took it again
    and sent it: that late write must not turn the sent row back into a pending one."""
    now = datetime.now(UTC)
    async with pg_sessionmaker.begin() as session:
        await session.execute(
            insert(Delivery).values(
                target_type="channel",
                target_id="@sky",
                kind="announcement",
                next_attempt_at=now - timedelta(minutes=1),
            )
        )
    lease = timedelta(seconds=60)
    async with pg_sessionmaker.begin() as session:
        (first,) = await claim_due(session, "worker", now, lease, 10)
    later = now + lease + timedelta(seconds=1)
    async with pg_sessionmaker.begin() as session:
        (second,) = await claim_due(session, "worker", later, lease, 10)
        newer = dataclasses.replace(outcomes.sent(second.id, 77), lease_until=second.lease_until)
        stale = dataclasses.replace(
            outcomes.retry_at(first.id, later, "released", refund=True),
            lease_until=first.lease_until,
        )
        connection = await session.connection()
        await outcomes.write_outcomes(connection, "worker", [newer])
        await outcomes.write_outcomes(connection, "worker", [stale])
    async with pg_sessionmaker() as session:
        row = await session.get(Delivery, first.id)
    assert row is not None
    assert (row.status, row.telegram_message_id, row.attempts) == ("sent", 77, 2)
