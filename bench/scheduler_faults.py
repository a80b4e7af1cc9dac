"""The delivery pipeline through an operator's bad day: real scheduler processes on PostgreSQL.

Run: .venv/bin/python -m bench.scheduler_faults [--messages 3000] [--rate 200]
    [--outage 60] [--refusal 10] [--spread 20000] [--only NAME ...]
Each run plans `messages` reminders due now for as many users of the fake Bot API (in this
process), starts `starscalendars scheduler` processes on a fresh database, injects one fault
and waits until no delivery is pending. It prints sent (recipients who got the message), lost
(who did not), duplicated (messages beyond the first per recipient), failed rows, and the time
from planning to the last message against messages / rate:

  kill-9        SIGKILL at half-way and a new process at once (the lease stays 60 s)
  cuts          pg_terminate_backend of the scheduler's sessions at a third and at half-way
  db-refusal    ALLOW_CONNECTIONS false (and the sessions cut) for --refusal seconds
  api-outage    the Bot API refuses connections for --outage seconds, from a quarter-way
  slow          every answer 100 ms late; and one answer in 20 two seconds late
  spread        --spread reminders due at once, planned by the process itself: when the first
                and the last arrive against their due time (none after it, none earlier than
                --spread / rate needs)

The database faults are the server's own (the server keeps running); the duplicate bound is
SCHEDULER_SEND_CONCURRENCY per crash (64 by default, README).
"""

import argparse
import asyncio
import os
import signal
import time
import uuid
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.migrate import upgrade_to_head
from core.config import load_settings
from models.db import create_engine, create_sessionmaker
from models.delivery import Delivery, DeliveryStatus
from models.event import AstroEvent
from models.user import User
from scheduler.planner import plan_deliveries
from tests.conftest import create_database, drop_database
from tests.fakes.telegram import FakeTelegram, LimitsConfig, Rate
from tests.scheduler.fleet import (
    Fleet,
    cut_connections,
    duplicates,
    processes_connected,
    received,
    refusing_connections,
)
from tests.scheduler.helpers import eventually

FIRST_ID = 600_000_000
# The longest any wait of a run may take before the run counts as stuck.
_PATIENCE = 1800.0


@dataclass
class Run:
    """One fault run on its own database and fake."""

    url: str
    telegram: FakeTelegram
    fleet: Fleet
    rate: float
    messages: int
    recipients: set[int]
    sessionmaker: async_sessionmaker[AsyncSession]
    started: float = 0.0
    failed: int = 0

    async def none_pending(self) -> bool:
        """Whether no delivery is pending any more (and how many failed)."""
        # The connection opened before the fault stays: a refusal only stops new ones.
        async with self.sessionmaker() as session:
            count = await session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.status == DeliveryStatus.PENDING)
            )
            failed = await session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.status == DeliveryStatus.FAILED)
            )
        self.failed = int(failed or 0)
        return not count

    async def sent_at_least(self, count: int) -> None:
        """Wait until the fake accepted `count` messages."""
        await eventually(lambda: len(self.telegram.sent) >= count, timeout=_PATIENCE)

    async def settled(self) -> None:
        """Wait until no delivery is pending."""
        await eventually(self.none_pending, timeout=_PATIENCE)


async def _users(url: str, count: int, due: datetime) -> set[int]:
    engine = create_engine(url)
    sessionmaker = create_sessionmaker(engine)
    rows = [
        {
            "id": uuid.uuid4(),
            "telegram_user_id": FIRST_ID + index,
            "language": "en",
            "timezone": "Europe/London",
            "reminder_kinds": ["full_moon"],
            "reminder_leads_minutes": [60],
        }
        for index in range(count)
    ]
    async with sessionmaker.begin() as session:
        for start in range(0, count, 10_000):
            await session.execute(insert(User), rows[start : start + 10_000])
        session.add(AstroEvent(kind="full_moon", occurs_at=due + timedelta(minutes=60)))
    await engine.dispose()
    return {FIRST_ID + index for index in range(count)}


async def _plan(url: str) -> None:
    engine = create_engine(url)
    settings = load_settings(None, database={"url": url})
    async with create_sessionmaker(engine).begin() as session:
        await plan_deliveries(session, settings, datetime.now(UTC))
    await engine.dispose()


async def _connected(url: str) -> None:
    engine = create_engine(url, pool_size=1)
    sessionmaker = create_sessionmaker(engine)
    await eventually(lambda: processes_connected(sessionmaker, 1), timeout=_PATIENCE)
    await engine.dispose()


Fault = Callable[[Run], Coroutine[Any, Any, None]]


async def kill_9(run: Run) -> None:
    """SIGKILL at half-way; a new process starts at once."""
    await run.sent_at_least(run.messages // 2)
    run.fleet.started[0].send_signal(signal.SIGKILL)
    run.fleet.start()


async def cuts(run: Run) -> None:
    """The scheduler's sessions cut at a third and at half-way."""
    for share in (3, 2):
        await run.sent_at_least(run.messages // share)
        await cut_connections(run.url)


def db_refusal(seconds: float) -> Fault:
    """The database refuses connections for `seconds` from a quarter-way."""

    async def fault(run: Run) -> None:
        await run.sent_at_least(run.messages // 4)
        async with refusing_connections(run.url):
            await asyncio.sleep(seconds)

    return fault


def api_outage(seconds: float) -> Fault:
    """The Bot API refuses connections for `seconds` from a quarter-way."""

    async def fault(run: Run) -> None:
        await run.sent_at_least(run.messages // 4)
        await run.telegram.go_down(seconds)

    return fault


def slow(seconds: float, share: float) -> Fault:
    """Answers `seconds` late, `share` of them, from the start."""

    async def fault(run: Run) -> None:
        run.telegram.set_latency(seconds, share=share)

    return fault


async def nothing(run: Run) -> None:
    """No fault: the baseline."""


async def fault_run(name: str, messages: int, rate: float, fault: Fault, logs: Path) -> None:
    """Plan, start a process, inject `fault`, wait until nothing is pending; print one row."""
    url = create_database()
    limits = LimitsConfig(overall=Rate(per_second=max(30.0, rate * 2), burst=40))
    try:
        await asyncio.to_thread(upgrade_to_head, url)
        async with FakeTelegram(limits=limits) as telegram:
            recipients = await _users(url, messages, datetime.now(UTC) - timedelta(minutes=1))
            for chat in recipients:
                telegram.add_user(user_id=chat)
            fleet = Fleet(url, telegram, logs, {"SCHEDULER_RATE_PER_SECOND": str(rate)})
            engine = create_engine(url, pool_size=1)
            run = Run(
                url, telegram, fleet, rate, messages, recipients, create_sessionmaker(engine)
            )
            try:
                fleet.start()
                await _connected(url)
                run.started = time.monotonic()
                await _plan(url)
                injected = asyncio.create_task(fault(run))
                await run.settled()
                await injected
                last = max(telegram.send_times(), default=run.started)
                _row(name, run, last - run.started)
            finally:
                fleet.close()
                await engine.dispose()
    finally:
        drop_database(url)


def _row(name: str, run: Run, elapsed: float) -> None:
    got = received(run.telegram) & run.recipients
    print(
        f"{name:<22} N={run.messages:<6} rate={run.rate:<5.0f} sent={len(got):<6} "
        f"lost={len(run.recipients - got):<4} duplicated={duplicates(run.telegram):<3} "
        f"failed={run.failed:<3} time={elapsed:6.1f} s  N/rate={run.messages / run.rate:5.1f} s",
        flush=True,
    )


async def spread_run(messages: int, rate: float, logs: Path) -> None:
    """`messages` reminders due at once, planned by the process: arrivals against due time."""
    url = create_database()
    limits = LimitsConfig(overall=Rate(per_second=max(30.0, rate * 2), burst=40))
    try:
        await asyncio.to_thread(upgrade_to_head, url)
        async with FakeTelegram(limits=limits) as telegram:
            needed = messages / rate
            fleet = Fleet(
                url,
                telegram,
                logs,
                {"SCHEDULER_RATE_PER_SECOND": str(rate), "SCHEDULER_PLAN_INTERVAL_SECONDS": "2"},
            )
            try:
                fleet.start()
                await _connected(url)
                due = datetime.now(UTC) + timedelta(seconds=needed * 1.1 + 20)
                recipients = await _users(url, messages, due)
                for chat in recipients:
                    telegram.add_user(user_id=chat)
                due_clock = time.monotonic() + (due - datetime.now(UTC)).total_seconds()
                engine = create_engine(url, pool_size=1)
                run = Run(
                    url, telegram, fleet, rate, messages, recipients, create_sessionmaker(engine)
                )
                await run.sent_at_least(messages)
                await run.settled()
                times = telegram.send_times()
                event = due_clock + 3600
                print(
                    f"{'spread':<22} N={messages:<6} rate={rate:<5.0f} "
                    f"sent={len(received(telegram) & recipients):<6} "
                    f"duplicated={duplicates(telegram):<3} "
                    f"first={min(times) - due_clock:+6.1f} s "
                    f"last={max(times) - due_clock:+5.1f} s "
                    f"vs due (needed {-needed:.0f} s); after the event: "
                    f"{sum(t > event for t in times)}",
                    flush=True,
                )
                await engine.dispose()
            finally:
                fleet.close()
    finally:
        drop_database(url)


async def measure(args: argparse.Namespace) -> None:
    """Every chosen run, one after the other."""
    runs: dict[str, Fault] = {
        "baseline": nothing,
        "kill-9": kill_9,
        "cuts": cuts,
        "db-refusal": db_refusal(args.refusal),
        "api-outage": api_outage(args.outage),
        "slow-100ms": slow(0.1, 1.0),
        "slow-5%-2s": slow(2.0, 0.05),
    }
    chosen = args.only or [*runs, "spread"]
    with TemporaryDirectory() as logs:
        for name in chosen:
            if name == "spread":
                await spread_run(args.spread, args.rate, Path(logs))
            else:
                await fault_run(name, args.messages, args.rate, runs[name], Path(logs))


def main() -> None:
    """Parse options and run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--outage", type=float, default=60.0)
    parser.add_argument("--refusal", type=float, default=10.0)
    parser.add_argument("--spread", type=int, default=20_000)
    parser.add_argument("--only", nargs="*", help="run only these (names above)")
    asyncio.run(measure(parser.parse_args()))


if __name__ == "__main__":
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    main()
