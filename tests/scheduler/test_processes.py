"""Real scheduler processes on one outbox: killed mid-broadcast, and two side by side."""

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from app.process import APPLICATION_NAME
from scheduler.planner import plan_deliveries
from tests.fakes.telegram import FakeTelegram
from tests.scheduler.conftest import WorkerFactory, add_event, add_users, soon, user_rows
from tests.scheduler.helpers import count_by_status, eventually, outbox

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]
USERS = 1000
RATE = 200.0
CONCURRENCY = 8

Spawn = Callable[..., subprocess.Popen[bytes]]


@pytest.fixture
async def spawn(pg_url: str, fake_telegram: FakeTelegram, tmp_path: Path) -> AsyncIterator[Spawn]:
    """Start `starscalendars scheduler` processes on the test database and the fake."""
    started: list[subprocess.Popen[bytes]] = []

    def start(**env: str) -> subprocess.Popen[bytes]:
        variables = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": pg_url,
            "TELEGRAM_BOT_TOKEN": fake_telegram.token,
            "TELEGRAM_API_URL": fake_telegram.api_url,
            "JWT_KEYS_DIR": str(tmp_path / "keys"),
            "SCHEDULER_RATE_PER_SECOND": str(RATE),
            "SCHEDULER_SEND_CONCURRENCY": str(CONCURRENCY),
            "SCHEDULER_LEASE_SECONDS": "3",
            "SCHEDULER_IDLE_POLL_SECONDS": "0.1",
            # The test plans the reminders itself; the role's own planner finds nothing to add.
            "SCHEDULER_REFRESH_HORIZON": "false",
            "SCHEDULER_ANNOUNCE_LEADS_MINUTES": "",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "scheduler"],
            cwd=ROOT,
            env=variables,
            stdout=subprocess.DEVNULL,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(10)


async def _plan_broadcast(workers: WorkerFactory) -> set[int]:
    rows = user_rows(USERS)
    for row in rows:
        workers.telegram.add_user(user_id=row["telegram_user_id"])
    async with workers.sessionmaker.begin() as session:
        await add_users(session, rows)
        await add_event(session, soon(30))
        report = await plan_deliveries(session, workers.settings(), datetime.now(UTC))
    assert report.reminders == USERS
    return {row["telegram_user_id"] for row in rows}


async def test_killed_worker_is_replaced_and_everyone_still_receives(
    workers: WorkerFactory, spawn: Spawn
) -> None:
    recipients = await _plan_broadcast(workers)
    telegram = workers.telegram

    first = spawn()
    await eventually(lambda: len(telegram.sent) >= USERS // 3, timeout=30)
    first.send_signal(signal.SIGKILL)
    first.wait(10)
    sent_before_restart = len(telegram.sent)
    assert sent_before_restart < USERS
    spawn()
    await eventually(
        lambda: {message.chat_id for message in telegram.sent} >= recipients, timeout=60
    )
    await eventually(lambda: _all_sent(workers), timeout=20)

    copies = Counter(message.chat_id for message in telegram.sent)
    duplicates = sum(count - 1 for count in copies.values())
    # The documented bound: one crash duplicates at most send_concurrency recipients, once.
    assert duplicates <= CONCURRENCY
    assert max(copies.values()) <= 2


async def test_two_workers_share_the_outbox_and_the_rate(
    workers: WorkerFactory, spawn: Spawn
) -> None:
    telegram = workers.telegram
    for _ in range(2):
        spawn(SCHEDULER_WORKER_PROCESSES="2")
    # Both processes are connected before there is work to share: a slow start under load must
    # not let the first one take the whole broadcast.
    await eventually(lambda: _processes_connected(workers, 2), timeout=60)
    recipients = await _plan_broadcast(workers)
    await eventually(lambda: _all_sent(workers), timeout=60)

    copies = Counter(message.chat_id for message in telegram.sent)
    assert set(copies) == recipients
    assert set(copies.values()) == {1}
    # Each process keeps to half the rate, so together they stay within it.
    assert telegram.max_rate_observed(1.0) <= RATE * 1.05
    assert telegram.rate_limit_hits <= 3
    # Both processes did part of the work (each row keeps the name of the worker that sent it).
    senders = Counter(row.claimed_by for row in await outbox(workers.sessionmaker))
    assert len(senders) == 2


async def _processes_connected(workers: WorkerFactory, count: int) -> bool:
    """Whether `count` scheduler processes hold connections (each labels them with its pid)."""
    query = text(
        "SELECT count(DISTINCT application_name) FROM pg_stat_activity"
        " WHERE datname = current_database() AND application_name LIKE :label"
    )
    async with workers.sessionmaker() as session:
        found = (await session.execute(query, {"label": f"{APPLICATION_NAME}:%"})).scalar_one()
    return int(found) >= count


async def _all_sent(workers: WorkerFactory) -> bool:
    return await count_by_status(workers.sessionmaker) == {"sent": USERS}
