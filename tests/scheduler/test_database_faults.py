"""A scheduler process through database faults: connections cut while idle or busy, and refused.

The faults are the server's own: pg_terminate_backend closes the scheduler's sessions, and
ALTER DATABASE ... ALLOW_CONNECTIONS false refuses new ones; the server itself keeps running.
"""

import asyncio
from functools import partial

import pytest

from tests.fakes.telegram import FakeTelegram
from tests.scheduler.conftest import WorkerFactory, plan_reminders
from tests.scheduler.fleet import (
    Fleet,
    cut_connections,
    duplicates,
    processes_connected,
    received,
    refusing_connections,
)
from tests.scheduler.helpers import all_sent, count_by_status, eventually

pytestmark = pytest.mark.postgres

RATE = 200.0
CONCURRENCY = 16


@pytest.fixture(autouse=True)
def _rate(fleet: Fleet) -> None:
    """200 messages a second, at most 16 in flight (the duplicate bound)."""
    fleet.env.update(
        SCHEDULER_RATE_PER_SECOND=str(RATE), SCHEDULER_SEND_CONCURRENCY=str(CONCURRENCY)
    )


async def test_connections_cut_while_idle_lose_no_outcome(
    workers: WorkerFactory, fleet: Fleet
) -> None:
    """The kept connections die between two broadcasts; the second one is sent once each."""
    telegram = workers.telegram
    fleet.start()
    await eventually(lambda: processes_connected(workers.sessionmaker, 1), timeout=60)
    first = await plan_reminders(workers, 300)
    await eventually(lambda: all_sent(workers.sessionmaker, 300), timeout=30)
    assert await cut_connections(workers.database_url) > 0
    await asyncio.sleep(0.5)

    second = await plan_reminders(workers, 300, first=300, kind="new_moon")
    await eventually(lambda: all_sent(workers.sessionmaker, 600), timeout=30)

    assert received(telegram) == first | second
    assert duplicates(telegram) == 0


async def test_two_cuts_mid_broadcast_lose_nothing_and_duplicate_nothing(
    workers: WorkerFactory, fleet: Fleet
) -> None:
    users = 1500
    telegram = workers.telegram
    # A lease past the test's patience: a claimed row stranded by a cut would never come back.
    fleet.start(SCHEDULER_LEASE_SECONDS="600")
    await eventually(lambda: processes_connected(workers.sessionmaker, 1), timeout=60)
    recipients = await plan_reminders(workers, users)
    for threshold in (users // 3, users // 2):
        await eventually(partial(_sent_at_least, telegram, threshold), timeout=30)
        assert await cut_connections(workers.database_url) > 0

    await eventually(lambda: all_sent(workers.sessionmaker, users), timeout=60)
    assert received(telegram) == recipients
    # Every outcome in hand is written on a fresh connection: nothing to send twice.
    assert duplicates(telegram) == 0


def _sent_at_least(telegram: FakeTelegram, count: int) -> bool:
    return len(telegram.sent) >= count


async def test_a_database_refusing_connections_pauses_sending_within_the_bound(
    workers: WorkerFactory, fleet: Fleet
) -> None:
    users = 2000
    telegram = workers.telegram
    fleet.start()
    await eventually(lambda: processes_connected(workers.sessionmaker, 1), timeout=60)
    recipients = await plan_reminders(workers, users)
    await eventually(lambda: len(telegram.sent) >= users // 4, timeout=30)

    async with refusing_connections(workers.database_url):
        await asyncio.sleep(1)
        # What was in flight when the database went away finished; nothing new starts.
        paused_at = len(telegram.sent)
        await asyncio.sleep(9)
        assert len(telegram.sent) - paused_at <= CONCURRENCY

    await eventually(lambda: all_sent(workers.sessionmaker, users), timeout=60)
    assert received(telegram) == recipients
    assert duplicates(telegram) <= CONCURRENCY
    assert await count_by_status(workers.sessionmaker) == {"sent": users}
    log = fleet.output()
    assert "outage: sending paused" in log
    assert "dependency=database" in log
    assert "outage over: sending resumes" in log
