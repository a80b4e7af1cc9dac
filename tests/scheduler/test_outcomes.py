"""The outcome recorder's group commit: linger, and a nudge that writes early."""

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from scheduler import outcomes
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
