"""Soak run on the loopback layout (deploy/loopback.sh) with faults: `python -m bench.soak`.

PostgreSQL (a database of its own, dropped after), nginx in front of two web processes, two
scheduler processes and the bot, all talking to the fake Bot API in a child process. 10,000
users in ten languages and time zones, 5,000 WebSockets through the proxy, bot conversations
and /api/events calls at steady rates, four events whose reminders, channel posts and pushes
fall due during the run, and at random moments a web and a scheduler process SIGKILLed (the
script starts them again). Prints: deliveries sent exactly once (or duplicates against the
documented bound), pushes received by every socket that stayed connected (and resyncs of
those that reconnected), p99 API latency, peak RSS per role, error lines in the logs.
"""

import argparse
import asyncio
import multiprocessing
import os
import random
import re
import signal
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import func, insert, select

from app.migrate import upgrade_to_head
from bench import soak_clients
from bench.web_common import percentile, raise_fd_limit
from core.config import load_settings
from core.keys import load_keyring
from models.db import create_engine, create_sessionmaker
from models.delivery import Delivery, TargetType
from models.event import AstroEvent
from models.user import User
from tests.conftest import create_database, drop_database
from tests.deploy.layout import Layout, start_layout
from tests.scheduler.conftest import LANGUAGE_ZONES
from web.auth.jwt import AccessTokens

FIRST_TELEGRAM_ID = 800_000_000
CHANNEL_ID = -1001000000123
SEND_CONCURRENCY = 16
# Reminder kinds by user: a third each for the two moon events, a third only talks to the bot.
REMINDER_GROUPS: tuple[list[str], ...] = (["full_moon"], ["new_moon"], [])
RSS_ROLES = ("web-1", "web-2", "scheduler-1", "scheduler-2", "bot", "nginx")


def _users(count: int) -> list[dict[str, Any]]:
    rows = []
    for index in range(count):
        language, zone = LANGUAGE_ZONES[index % len(LANGUAGE_ZONES)]
        rows.append(
            {
                "id": uuid.uuid4(),
                "telegram_user_id": FIRST_TELEGRAM_ID + index,
                "language": language,
                "timezone": zone,
                "reminder_kinds": REMINDER_GROUPS[index % len(REMINDER_GROUPS)],
                "reminder_leads_minutes": [60],
            }
        )
    return rows


async def _populate(url: str, rows: list[dict[str, Any]]) -> None:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine).begin() as session:
            for start in range(0, len(rows), 5000):
                await session.execute(insert(User), rows[start : start + 5000])
    finally:
        await engine.dispose()


async def _fire_events(url: str, start: datetime, duration: float) -> None:
    """Four events whose deliveries (lead 60 min) fall due spread over the run's first half."""
    engine = create_engine(url)
    schedule = [
        ("full_moon", 0.10, 45.0),
        ("new_moon", 0.25, 45.0),
        ("first_quarter", 0.40, 45.0),
        ("last_quarter", 0.50, 45.0),
    ]
    try:
        async with create_sessionmaker(engine).begin() as session:
            for kind, at, significance in schedule:
                due = start + timedelta(seconds=duration * at)
                session.add(
                    AstroEvent(
                        kind=kind,
                        subject="",
                        occurs_at=(due + timedelta(minutes=60)).replace(microsecond=0),
                        payload={"illumination": 1.0},
                        significance=significance,
                    )
                )
    finally:
        await engine.dispose()


async def _outbox(url: str) -> dict[tuple[str, str], int]:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            rows = await session.execute(
                select(Delivery.kind, Delivery.status, func.count()).group_by(
                    Delivery.kind, Delivery.status
                )
            )
            return {(str(kind), str(status)): int(count) for kind, status, count in rows.all()}
    finally:
        await engine.dispose()


async def _planned_by_chat(url: str) -> dict[int, int]:
    """Telegram deliveries planned per chat (reminders to users, posts to the channel)."""
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine)() as session:
            users = await session.execute(
                select(User.telegram_user_id, func.count())
                .join(Delivery, Delivery.user_id == User.id)
                .where(Delivery.target_type == TargetType.USER)
                .group_by(User.telegram_user_id)
            )
            channels = await session.execute(
                select(Delivery.target_id, func.count())
                .where(Delivery.target_type == TargetType.CHANNEL)
                .group_by(Delivery.target_id)
            )
            rows = [*users.all(), *channels.all()]
            return {int(str(chat)): int(count) for chat, count in rows}
    finally:
        await engine.dispose()


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


async def _watch_rss(layout: Layout, peaks: dict[str, int]) -> None:
    while True:
        for role in RSS_ROLES:
            try:
                kb = _rss_kb(layout.pid(role))
            except (OSError, ValueError):
                continue
            peaks[role] = max(peaks.get(role, 0), kb)
        await asyncio.sleep(1)


async def _kill_at_random(
    layout: Layout, duration: float, kills: int, rng: random.Random, log: list[tuple[float, str]]
) -> None:
    """SIGKILL one web and one scheduler process `kills` times each, from 20 % to 80 % of the run.

    The same web process each time: the sockets on the other one show what a client that stays
    connected receives.
    """
    victims = {role: f"{role}-{rng.choice((1, 2))}" for role in ("web", "scheduler")}
    started = time.monotonic()
    moments = sorted(
        (rng.uniform(0.2, 0.8) * duration, role)
        for role in ("web", "scheduler")
        for _ in range(kills)
    )
    for at, role in moments:
        await asyncio.sleep(max(0.0, started + at - time.monotonic()))
        name = victims[role]
        os.kill(layout.pid(name), signal.SIGKILL)
        log.append((time.monotonic() - started, name))
        print(f"  t+{time.monotonic() - started:5.1f} s: SIGKILL {name}", flush=True)


def _log_sizes(layout: Layout) -> dict[str, int]:
    return {path.name: path.stat().st_size for path in layout.directory.glob("*.log")}


def _error_lines(layout: Layout, since: dict[str, int]) -> tuple[Counter[str], dict[str, str]]:
    """Log lines at error level or above written after `since`, by process and event."""
    found: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for path in sorted(layout.directory.glob("*.log")):
        name = path.stem
        with path.open("rb") as log:
            log.seek(since.get(path.name, 0))
            text = log.read().decode(errors="replace")
        for line in text.splitlines():
            try:
                entry = orjson.loads(line)
            except orjson.JSONDecodeError:
                if re.search(r"\b(Traceback|ERROR|CRITICAL|\[error\]|\[crit\]|\[emerg\])", line):
                    found[f"{name}: {line[:100]}"] += 1
                continue
            if isinstance(entry, dict) and entry.get("level") in {"error", "critical"}:
                key = f"{name}: {entry.get('event')}"
                found[key] += 1
                trace = str(entry.get("exception", "")).strip().splitlines()
                examples.setdefault(key, trace[-1] if trace else "")
    return found, examples


def _tokens(keys_dir: Path, rows: list[dict[str, Any]]) -> list[str]:
    settings = load_settings(None, auth={"keys_dir": keys_dir})
    tokens = AccessTokens(load_keyring(keys_dir, generate=False), settings.auth)
    return [
        tokens.issue(
            row["id"],
            language=row["language"],
            timezone=row["timezone"],
            latitude=None,
            longitude=None,
        ).token
        for row in rows
    ]


def _start_child(target: Any, *args: Any) -> tuple[multiprocessing.Process, Connection]:
    mine, theirs = multiprocessing.Pipe()
    child = multiprocessing.Process(target=target, args=(theirs, *args), daemon=True)
    child.start()
    return child, mine


async def _recv(pipe: Connection, timeout: float) -> Any:  # noqa: ASYNC109 - bounded
    if not await asyncio.to_thread(pipe.poll, timeout):
        raise TimeoutError("a child process did not answer")
    return pipe.recv()


async def soak(args: argparse.Namespace, url: str, directory: Path) -> None:
    """The whole run; prints its figures."""
    rng = random.Random(args.seed)
    rows = _users(args.users)
    await asyncio.to_thread(upgrade_to_head, url)
    await _populate(url, rows)
    talkers = [row["telegram_user_id"] for row in rows if not row["reminder_kinds"]]
    telegram, telegram_pipe = _start_child(
        soak_clients.fake_telegram,
        [row["telegram_user_id"] for row in rows],
        talkers,
        CHANNEL_ID,
        args.conversations_per_second,
    )
    bot = await _recv(telegram_pipe, 120)
    raise_fd_limit(4 * args.sockets + 4096)
    layout = await start_layout(
        directory,
        {
            "DATABASE_URL": url,
            "TELEGRAM_BOT_TOKEN": bot["token"],
            "TELEGRAM_API_URL": bot["api_url"],
            "TELEGRAM_CHANNELS": orjson.dumps({"*": CHANNEL_ID}).decode(),
            "SCHEDULER_REFRESH_HORIZON": "false",
            "SCHEDULER_PLAN_INTERVAL_SECONDS": "2",
            "SCHEDULER_ANNOUNCE_LEADS_MINUTES": "60",
            "SCHEDULER_RATE_PER_SECOND": str(args.send_rate),
            "SCHEDULER_SEND_CONCURRENCY": str(SEND_CONCURRENCY),
            "SCHEDULER_LEASE_SECONDS": "15",
            "WEB_RATE_IP_PER_MINUTE": "1000000",
            "WEB_RATE_USER_PER_MINUTE": "1000000",
            # Every simulated client comes from 127.0.0.1: the per-address WebSocket limits
            # would otherwise hold all 5,000 to one address's share.
            "WEB_WS_MAX_PER_IP": "1000000",
            "WEB_WS_HANDSHAKES_PER_MINUTE": "1000000",
            "LOG_LEVEL": "WARNING",
            # Five processes share the PostgreSQL server's 100 connections with everything else.
            "DATABASE_POOL_SIZE": "4",
        },
    )
    peaks: dict[str, int] = {}
    kills: list[tuple[float, str]] = []
    children = [telegram]
    try:
        await layout.wait_ready()
        # Errors while the processes wait for each other at start are not the run's.
        sizes = _log_sizes(layout)
        print(f"layout ready: proxy {layout.proxy_url}, logs in {directory}", flush=True)
        tokens = _tokens(directory / "keys", rows[: args.sockets])
        clients, clients_pipe = _start_child(
            soak_clients.websockets, layout.proxy_url, tokens, args.api_per_second
        )
        children.append(clients)
        rss = asyncio.create_task(_watch_rss(layout, peaks))
        connected = (await _recv(clients_pipe, 600))["connected"]
        print(f"{connected} of {args.sockets} WebSockets connected", flush=True)
        telegram_pipe.send("talk")
        start = datetime.now(UTC)
        await _fire_events(url, start, args.duration)
        faults = asyncio.create_task(
            _kill_at_random(layout, args.duration, args.kills, rng, kills)
        )
        await asyncio.sleep(args.duration)
        await faults
        drained = await _drain(url, args.drain)
        # Pushes still in flight reach the sockets.
        await asyncio.sleep(3)
        clients_report = await asyncio.to_thread(soak_clients.report_of, clients_pipe)
        telegram_report = await asyncio.to_thread(soak_clients.report_of, telegram_pipe)
        rss.cancel()
        outbox = await _outbox(url)
        planned = await _planned_by_chat(url)
    finally:
        # 5,000 sockets take a while to close on a loaded machine.
        code = await layout.stop(timeout=180)
        for child in children:
            child.terminate()
    _print_report(
        Results(outbox, planned, telegram_report, clients_report, peaks, kills, drained, sizes),
        layout,
    )
    print(f"loopback.sh exit code {code}")


async def _drain(url: str, limit: float) -> float:
    """Wait until nothing is pending or claimed (at most `limit` seconds); the seconds taken."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        outbox = await _outbox(url)
        if not any(status in {"pending", "claimed"} for _kind, status in outbox):
            break
        await asyncio.sleep(1)
    return time.monotonic() - started


@dataclass
class Results:
    """What the run gathered, from the database, the children and the layout."""

    outbox: dict[tuple[str, str], int]
    planned: dict[int, int]
    telegram: dict[str, Any]
    clients: dict[str, Any]
    peaks: dict[str, int]
    kills: list[tuple[float, str]]
    drained: float
    log_sizes: dict[str, int]


def _print_report(results: Results, layout: Layout) -> None:
    outbox, planned, telegram = results.outbox, results.planned, results.telegram
    clients, peaks, kills, drained = results.clients, results.peaks, results.kills, results.drained
    sent: dict[int, int] = {int(chat): count for chat, count in telegram["sent"].items()}
    talkers_answered = len(telegram["conversations"])
    lost = sum(max(0, want - sent.get(chat, 0)) for chat, want in planned.items())
    # Users who only talk to the bot are not in `planned`; their answers are conversations.
    duplicates = sum(max(0, sent.get(chat, 0) - want) for chat, want in planned.items())
    scheduler_kills = sum(name.startswith("scheduler") for _at, name in kills)
    bound = SEND_CONCURRENCY * max(1, scheduler_kills)
    print("\n== deliveries")
    for (kind, status), count in sorted(outbox.items()):
        print(f"  {kind:13} {status:8} {count}")
    print(f"  outbox drained {drained:.0f} s after the run")
    print(
        f"  Telegram chats planned {len(planned)}, messages planned {sum(planned.values())}: "
        f"lost {lost}, duplicated {duplicates} (bound {bound}: {SEND_CONCURRENCY} per "
        f"scheduler kill, {scheduler_kills} kills) -> "
        + (
            "exactly once"
            if not lost and not duplicates
            else "within bound"
            if not lost and duplicates <= bound
            else "FAILED"
        )
    )
    print(f"  Bot API: {telegram['asked']} sendMessage calls, {telegram['rate_limited']} got 429")

    pushes_planned = sum(count for (kind, _), count in outbox.items() if kind == "web_push")
    sockets = clients["sockets"]
    steady = [pushes for pushes, reconnects, _ in sockets if reconnects == 0]
    complete = sum(len(set(pushes)) == pushes_planned for pushes in steady)
    doubled = sum(len(pushes) != len(set(pushes)) for pushes in steady)
    reconnected = [(pushes, resyncs) for pushes, reconnects, resyncs in sockets if reconnects]
    resynced = sum(resyncs > 0 for _, resyncs in reconnected)
    print("\n== WebSockets")
    print(
        f"  {len(sockets)} sockets, {pushes_planned} pushes sent; stayed connected {len(steady)}: "
        f"{complete} received every push, {doubled} got one twice (the page drops repeats by id)"
    )
    print(f"  reconnected: {len(reconnected)}, resynced {resynced}; why: {clients['closes']}")

    latencies = clients["latencies"]
    statuses = clients["api_statuses"]
    print("\n== API (/api/events through the proxy)")
    if latencies:
        print(
            f"  {len(latencies)} calls, p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms;"
            f" statuses {dict(sorted(statuses.items()))}"
        )
    conversations = telegram["conversations"]
    print("\n== bot conversations")
    if conversations:
        print(
            f"  {talkers_answered} answered, p50 {percentile(conversations, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(conversations, 0.99) * 1000:.0f} ms"
        )
    print("\n== peak RSS (MB)")
    print("  " + ", ".join(f"{role} {kb / 1024:.0f}" for role, kb in sorted(peaks.items())))
    print("\n== faults")
    print("  " + ", ".join(f"t+{at:.0f} s {name}" for at, name in kills))
    print("\n== error lines in the logs once the layout was ready (process: event)")
    errors, examples = _error_lines(layout, results.log_sizes)
    for line, count in errors.most_common(20):
        print(f"  {count:5} x {line}")
        if examples.get(line):
            print(f"          {examples[line][:160]}")
    if not errors:
        print("  none")


def main() -> None:
    """Parse the options, make and drop the database, run."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=180.0, help="seconds of load and faults")
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--sockets", type=int, default=5_000)
    parser.add_argument("--send-rate", type=float, default=60.0, help="Telegram sends per second")
    parser.add_argument("--api-per-second", type=float, default=20.0)
    parser.add_argument("--conversations-per-second", type=float, default=2.0)
    parser.add_argument("--kills", type=int, default=2, help="SIGKILLs per role (web, scheduler)")
    parser.add_argument("--drain", type=float, default=120.0, help="most seconds to wait after")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--logs", type=Path, help="keep the layout's logs here (default: deleted)")
    args = parser.parse_args()
    url = create_database()
    try:
        if args.logs is not None:
            args.logs.mkdir(parents=True, exist_ok=True)
            asyncio.run(soak(args, url, args.logs.resolve()))
        else:
            with tempfile.TemporaryDirectory(prefix="soak-") as directory:
                asyncio.run(soak(args, url, Path(directory)))
    finally:
        drop_database(url)


if __name__ == "__main__":
    main()
