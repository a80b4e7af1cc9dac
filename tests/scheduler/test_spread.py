"""A crowd of reminders starts early enough for the rate; what cannot be on time is reported."""

import asyncio
import os
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import orjson
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.config import Settings
from models.delivery import Delivery, TargetType
from scheduler.planner import plan_deliveries
from scheduler.spread import Group, spread
from tests.ports import free_port
from tests.scheduler.conftest import WorkerFactory, add_event, add_users, user_rows
from tests.scheduler.fleet import ROOT, Fleet, processes_connected, received
from tests.scheduler.helpers import all_sent, eventually

DATABASES = [pytest.param("pg_session", marks=pytest.mark.postgres), "sqlite_session"]
T = datetime(2030, 1, 1, 12, tzinfo=UTC)


@pytest.fixture(params=DATABASES)
def session(request: pytest.FixtureRequest) -> AsyncSession:
    """A session on PostgreSQL and on the embedded SQLite default."""
    value: AsyncSession = request.getfixturevalue(request.param)
    return value


def test_groups_start_back_from_the_latest_deadline() -> None:
    groups = [
        Group("a", T, 100),  # 10 s at 10/s: 11:59:50
        Group("b", T - timedelta(seconds=5), 50),  # must end by 11:59:50 (a's start): 11:59:45
        Group("c", T - timedelta(minutes=5), 30),  # free time before: 3 s before its own deadline
    ]
    plan = spread(groups, 10.0, T - timedelta(hours=1))
    assert plan.starts == {
        "a": T - timedelta(seconds=10),
        "b": T - timedelta(seconds=15),
        "c": T - timedelta(minutes=5, seconds=3),
    }
    assert (plan.shortfall, plan.late_seconds) == (0, 0.0)


def test_a_crowd_the_rate_cannot_serve_in_time_is_a_shortfall() -> None:
    plan = spread([Group("a", T, 1000)], 10.0, T - timedelta(seconds=40))
    # 100 s of sending that had to begin 60 s ago: the last 600 messages are up to 60 s late.
    assert plan.starts == {"a": T - timedelta(seconds=100)}
    assert (plan.shortfall, plan.late_seconds) == (600, 60.0)


async def _crowd(session: AsyncSession, users: int, due_in: timedelta) -> datetime:
    """`users` Telegram users and one web user, all reminded one hour before an event."""
    web = {**user_rows(1, users)[0], "telegram_user_id": None, "email": "web@example.org"}
    await add_users(session, [*user_rows(users), web])
    due = (datetime.now(UTC) + due_in).replace(microsecond=0)
    await add_event(session, due + timedelta(minutes=60))
    return due


async def test_the_planner_starts_a_crowd_early_and_web_pushes_on_time(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(scheduler={"rate_per_second": 100})
    # Due after the planning window: counted, and planned now only because it must start early.
    due = await _crowd(session, 900, timedelta(minutes=15, seconds=5))
    report = await plan_deliveries(session, settings, datetime.now(UTC))

    rows = list((await session.execute(select(Delivery))).scalars())
    assert report.reminders == len(rows) == 901
    assert {row.due_at for row in rows} == {due}
    # 900 at 90/s (the planner keeps a tenth of the rate for everything else): 10 s early.
    telegram = {row.next_attempt_at for row in rows if row.target_type == TargetType.USER}
    assert telegram == {due - timedelta(seconds=10)}
    web = {row.next_attempt_at for row in rows if row.target_type == TargetType.WEB}
    assert web == {due}
    assert report.shortfall == 0


async def test_the_planner_reports_what_the_rate_cannot_send_in_time(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(scheduler={"rate_per_second": 100})
    now = datetime.now(UTC)
    due = await _crowd(session, 900, timedelta(seconds=4))
    report = await plan_deliveries(session, settings, now)

    late = (now - (due - timedelta(seconds=10))).total_seconds()
    assert report.late_seconds == pytest.approx(late)
    assert report.shortfall == pytest.approx(late * 90, abs=1)


@pytest.mark.postgres
@pytest.mark.serial
async def test_a_crowd_arrives_by_its_time_and_not_earlier_than_needed(
    workers: WorkerFactory, fleet: Fleet
) -> None:
    """A real scheduler plans and sends 600 reminders due in 25 s at 50/s (13 s of sending)."""
    users, rate = 600, 50.0
    telegram = workers.telegram
    fleet.start(SCHEDULER_RATE_PER_SECOND=str(rate), SCHEDULER_PLAN_INTERVAL_SECONDS="1")
    await eventually(lambda: processes_connected(workers.sessionmaker, 1), timeout=60)
    for row in (rows := user_rows(users)):
        telegram.add_user(user_id=row["telegram_user_id"])
    async with workers.sessionmaker.begin() as session:
        await add_users(session, rows)
        due = datetime.now(UTC) + timedelta(seconds=25)
        await add_event(session, due + timedelta(minutes=60))
    # The fake's clock is monotonic: the due instant on that clock.
    due_clock = time.monotonic() + (due - datetime.now(UTC)).total_seconds()

    await eventually(lambda: all_sent(workers.sessionmaker, users), timeout=90)

    assert received(telegram) == {row["telegram_user_id"] for row in rows}
    needed = users / (rate * 0.9)  # the planner keeps a tenth of the rate for the rest
    times = telegram.send_times()
    # The first no earlier than needed, the last on time: within the time this machine (shared
    # with other work) took beyond `needed` to send them all.
    slower = max(0.0, max(times) - min(times) - needed)
    assert min(times) >= due_clock - needed - 0.5
    assert max(times) <= due_clock + slower + 1.0


@pytest.mark.postgres
async def test_a_shortfall_is_logged_exported_and_in_the_status_report(
    workers: WorkerFactory, fleet: Fleet
) -> None:
    users = 3000
    async with workers.sessionmaker.begin() as session:
        await add_users(session, user_rows(users))
        await add_event(session, datetime.now(UTC) + timedelta(minutes=60, seconds=5))
    port = free_port()
    # 3,000 at 90/s take 33 s; due in 5 s, most of them will be late.
    fleet.start(SCHEDULER_RATE_PER_SECOND="100", METRICS_PORT=str(port))
    await eventually(lambda: "more reminders are due" in fleet.output(), timeout=60)

    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app.cli",
        "status",
        "--format=json",
        f"--target=sched-1=http://127.0.0.1:{port}/metrics",
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": workers.database_url},
        stdout=asyncio.subprocess.PIPE,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    warnings = orjson.loads(out)["warnings"]
    (warning,) = [reason for reason in warnings if "reminders due will be" in reason]
    late = int(warning.split(": ")[1].split()[0])
    assert 2000 <= late <= users
    assert "late_messages=" in fleet.output()
