"""Stopping the scheduler role while a job runs lets it finish; nothing is reported as failed."""

import asyncio
from collections.abc import Callable

import pytest
from sqlalchemy import func, select

from app.process import create_runtime
from core.config import Settings
from models.event import AstroEvent
from scheduler.runner import serve


async def test_stop_during_the_horizon_job_waits_for_it(
    sqlite_url: str, make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(database={"url": sqlite_url})
    async with create_runtime(settings) as runtime:
        stop = asyncio.Event()
        role = asyncio.create_task(serve(runtime, stop))
        # The horizon job starts a second after the role; stop while it computes a year of events.
        await asyncio.sleep(1.2)
        stop.set()
        await asyncio.wait_for(role, timeout=60)
        async with runtime.sessionmaker() as session:
            stored = await session.scalar(select(func.count()).select_from(AstroEvent))
    assert stored is not None
    assert stored > 100  # the run in hand finished and committed its year of events
    assert "job failed" not in caplog.text
    assert "Traceback" not in caplog.text
