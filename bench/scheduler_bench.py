"""Scheduler benchmarks on PostgreSQL: planning for 100,000 users, a broadcast through the fake.

Run: .venv/bin/python -m bench.scheduler_bench [--users 100000] [--broadcast 10000] [--rate 25]
    [--wakeups]
Prints the planning time, the broadcast's wall time against its theoretical minimum
(messages / rate), lost messages, and the worker's own CPU time per message: process CPU time
(user + system) of this process, where the worker runs; the fake Bot API server runs in a
separate process, so its CPU is not counted. The per-message figure is the steady state, from
the first WARMUP messages sent (aiohttp connections, compiled statements) to the last; the
whole run's figure, start-up included, is printed beside it. It runs on uvloop, as a
`starscalendars scheduler` process does (--asyncio-loop: on asyncio's own loop, to compare).
--wakeups first prints what one wake-up of an otherwise idle event loop costs in CPU (an empty
asyncio.sleep at 25 and 250 Hz): the floor under every message, which needs at least two (its
turn, Telegram's answer).
"""

import argparse
import asyncio
import multiprocessing
import os
import resource
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

from sqlalchemy import delete, func, insert, select

from app.migrate import upgrade_to_head
from app.process import run
from core.bus import InProcessBus
from core.config import load_settings
from core.i18n import I18n
from models.db import create_engine, create_sessionmaker
from models.delivery import Delivery
from models.event import AstroEvent
from models.user import User
from scheduler.limiter import Limits, RateLimiter
from scheduler.planner import plan_deliveries
from scheduler.render import MessageRenderer
from scheduler.telegram_send import TelegramSender
from scheduler.worker import DeliveryWorker
from tests.conftest import create_database, drop_database
from tests.fakes.telegram import DEFAULT_TOKEN, FakeTelegram, LimitsConfig

ZONES = ["Europe/London", "Europe/Moscow", "Asia/Tokyo", "America/New_York", "Asia/Kolkata"]
LANGUAGES = ["en", "ru", "ja", "es", "hi"]
WARMUP = 100


def _users(count: int, first_id: int) -> list[dict[str, Any]]:
    return [
        {
            "id": uuid.uuid4(),
            "telegram_user_id": first_id + index,
            "language": LANGUAGES[index % len(LANGUAGES)],
            "timezone": ZONES[index % len(ZONES)],
            "reminder_kinds": ["full_moon"],
            "reminder_leads_minutes": [60],
        }
        for index in range(count)
    ]


def _serve_fake(port_queue: "multiprocessing.Queue[str]", users: int, first_id: int) -> None:
    async def serve() -> None:
        async with FakeTelegram(limits=LimitsConfig()) as fake:
            for index in range(users):
                fake.add_user(user_id=first_id + index)
            port_queue.put(fake.api_url)
            await asyncio.Event().wait()

    asyncio.run(serve())


async def bench_planning(url: str, users: int) -> None:
    """Plan one event's reminders for `users` users; print the seconds."""
    engine = create_engine(url)
    sessionmaker = create_sessionmaker(engine)
    settings = load_settings(None, database={"url": url})
    async with sessionmaker.begin() as session:
        for start in range(0, users, 10_000):
            await session.execute(insert(User), _users(min(10_000, users - start), start + 1))
        session.add(
            AstroEvent(kind="full_moon", occurs_at=datetime.now(UTC) + timedelta(minutes=30))
        )
    started = time.perf_counter()
    async with sessionmaker.begin() as session:
        report = await plan_deliveries(session, settings, datetime.now(UTC))
    elapsed = time.perf_counter() - started
    print(f"planning: {report.reminders} reminders for {users} users in {elapsed:.2f} s")
    async with sessionmaker.begin() as session:
        for model in (Delivery, User, AstroEvent):
            await session.execute(delete(model))
    await engine.dispose()


async def bench_broadcast(url: str, messages: int, rate: float, keys: Path) -> None:
    """Send `messages` reminders through the fake at `rate`; print time, losses, CPU."""
    first_id = 700_000_000
    queue: multiprocessing.Queue[str] = multiprocessing.Queue()
    fake = multiprocessing.Process(target=_serve_fake, args=(queue, messages, first_id))
    fake.start()
    api_url = queue.get(timeout=120)
    engine = create_engine(url)
    sessionmaker = create_sessionmaker(engine)
    settings = load_settings(
        None,
        database={"url": url},
        telegram={
            "bot_token": DEFAULT_TOKEN,
            "api_url": api_url,
        },
        scheduler={"rate_per_second": rate, "idle_poll_seconds": 0.05},
        auth={"keys_dir": keys},
    )
    async with sessionmaker.begin() as session:
        await session.execute(insert(User), _users(messages, first_id))
        session.add(
            AstroEvent(kind="full_moon", occurs_at=datetime.now(UTC) + timedelta(minutes=30))
        )
    async with sessionmaker.begin() as session:
        await plan_deliveries(session, settings, datetime.now(UTC))
    sender = TelegramSender.from_settings(settings.telegram)
    worker = DeliveryWorker(
        settings=settings,
        sessionmaker=sessionmaker,
        bus=InProcessBus(),
        sender=sender,
        limiter=RateLimiter(Limits.from_settings(settings.scheduler)),
        renderer=MessageRenderer(I18n.load()),
    )
    stop = asyncio.Event()
    cpu_start = _cpu()
    started = time.perf_counter()
    task = asyncio.create_task(worker.run(stop))
    await _until_done(worker, min(WARMUP, messages))
    cpu_warm, warm_count = _cpu(), _done(worker)
    await _until_done(worker, messages)
    elapsed = time.perf_counter() - started
    cpu_end = _cpu()
    stop.set()
    await task
    async with sessionmaker() as session:
        sent = await session.scalar(
            select(func.count()).select_from(Delivery).where(Delivery.status == "sent")
        )
    await sender.close()
    await engine.dispose()
    fake.kill()
    minimum = messages / rate
    steady = (cpu_end - cpu_warm) / max(1, messages - warm_count) * 1000
    overall = (cpu_end - cpu_start) / messages * 1000
    print(
        f"broadcast: {messages} messages at {rate}/s in {elapsed:.1f} s "
        f"(minimum {minimum:.1f} s, +{(elapsed / minimum - 1) * 100:.1f}%), "
        f"lost {messages - int(sent or 0)}, 429s {worker.stats['rate_limited']}, "
        f"worker CPU {steady:.3f} ms/message (whole run with start-up {overall:.3f}), "
        f"{messages / max(1, worker.outcome_writes):.1f} outcomes per write"
    )


async def bench_wakeups(seconds: float = 4.0) -> None:
    """Print the CPU cost of one idle event-loop wake-up at 25 and 250 per second."""
    for rate in (25, 250):
        cpu_start, started, wakes = _cpu(), time.perf_counter(), 0
        while time.perf_counter() - started < seconds:
            await asyncio.sleep(1 / rate)
            wakes += 1
        per_wake = (_cpu() - cpu_start) / wakes * 1e6
        print(f"wake-ups: {rate}/s, {per_wake:.0f} us CPU per wake-up of an idle loop")


def _cpu() -> float:
    """CPU seconds (user + system) this process has used."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _done(worker: DeliveryWorker) -> int:
    return worker.stats["sent"] + worker.stats["failed"]


async def _until_done(worker: DeliveryWorker, count: int) -> None:
    # Coarse polling: its own CPU must not show up in the worker's figure. Each wake-up of an
    # idle process costs 0.1-0.2 ms of CPU here (python -m bench.scheduler_bench --wakeups),
    # so a poll every 0.25 s would add 0.03 ms to every message at 25/s.
    while _done(worker) < count:  # noqa: ASYNC110 - waiting on plain counters
        await asyncio.sleep(1.0)


async def measure(args: argparse.Namespace) -> None:
    """Run the chosen benchmarks on a fresh database, then drop it."""
    print(f"event loop: {type(asyncio.get_running_loop()).__module__.split('.')[0]}")
    if args.wakeups:
        await bench_wakeups()
    url = create_database()
    try:
        await asyncio.to_thread(upgrade_to_head, url)
        if args.users:
            await bench_planning(url, args.users)
        if args.broadcast:
            with TemporaryDirectory() as keys:
                await bench_broadcast(url, args.broadcast, args.rate, Path(keys))
    finally:
        drop_database(url)


def main() -> None:
    """Parse options and measure on the scheduler's event loop (or asyncio's, to compare)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--broadcast", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=25.0)
    parser.add_argument("--wakeups", action="store_true", help="measure idle wake-ups first")
    parser.add_argument("--asyncio-loop", action="store_true", help="not uvloop, to compare")
    args = parser.parse_args()
    run(measure(args), use_uvloop=not args.asyncio_loop)


if __name__ == "__main__":
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    main()
