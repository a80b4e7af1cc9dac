"""Real `starscalendars scheduler` processes on the test database, and faults of that database."""

import os
import subprocess
import sys
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.process import APPLICATION_NAME
from tests.fakes.telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Fleet:
    """Starts scheduler processes with a shared environment; each logs to its own file."""

    pg_url: str
    telegram: FakeTelegram
    logs: Path
    env: dict[str, str]
    started: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self, **env: str) -> subprocess.Popen[bytes]:
        """One `starscalendars scheduler` process with the shared variables plus `env`."""
        variables = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DATABASE_URL": self.pg_url,
            "TELEGRAM_BOT_TOKEN": self.telegram.token,
            "TELEGRAM_API_URL": self.telegram.api_url,
            "JWT_KEYS_DIR": str(self.logs / "keys"),
            "SCHEDULER_IDLE_POLL_SECONDS": "0.1",
            # The test plans the reminders itself; the role's own planner finds nothing to add.
            "SCHEDULER_REFRESH_HORIZON": "false",
            "SCHEDULER_ANNOUNCE_LEADS_MINUTES": "",
            "LOG_LEVEL": "WARNING",
            **self.env,
            **env,
        }
        log = (self.logs / f"scheduler-{len(self.started)}.log").open("wb")
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "scheduler"],
            cwd=ROOT,
            env=variables,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self.started.append(process)
        return process

    def output(self, index: int = 0) -> str:
        """What the `index`-th process logged so far."""
        return (self.logs / f"scheduler-{index}.log").read_text(errors="replace")

    def close(self) -> None:
        """Kill whatever still runs."""
        for process in self.started:
            if process.poll() is None:
                process.kill()
            process.wait(10)


def duplicates(telegram: FakeTelegram, chats: Iterable[int] | None = None) -> int:
    """Messages the fake accepted beyond the first one per chat (optionally among `chats`)."""
    copies = Counter(message.chat_id for message in telegram.sent)
    wanted = None if chats is None else set(chats)
    return sum(count - 1 for chat, count in copies.items() if wanted is None or chat in wanted)


def received(telegram: FakeTelegram) -> set[int]:
    """The chats that got at least one message."""
    return {message.chat_id for message in telegram.sent}


async def processes_connected(sessionmaker: async_sessionmaker[AsyncSession], count: int) -> bool:
    """Whether `count` scheduler processes hold connections (each labels them with its pid)."""
    query = text(
        "SELECT count(DISTINCT application_name) FROM pg_stat_activity"
        " WHERE datname = current_database() AND application_name LIKE :label"
    )
    async with sessionmaker() as session:
        found = (await session.execute(query, {"label": f"{APPLICATION_NAME}:%"})).scalar_one()
    return int(found) >= count


async def _admin(pg_url: str, *statements: str) -> list[asyncpg.Record]:
    """Run statements on the server's `postgres` database; the last one's rows."""
    url = make_url(pg_url)
    connection = await asyncpg.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, database="postgres"
    )
    try:
        rows: list[asyncpg.Record] = []
        for statement in statements:
            rows = await connection.fetch(statement)
        return rows
    finally:
        await connection.close()


def _terminate(name: str) -> str:
    # Only the scheduler processes' sessions: the test's own pool stays as it is.
    return (
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        f" WHERE datname = '{name}' AND application_name LIKE '{APPLICATION_NAME}:%'"
    )


async def cut_connections(pg_url: str) -> int:
    """Close every scheduler session server-side (pg_terminate_backend); how many there were."""
    name = make_url(pg_url).database or ""
    return len(await _admin(pg_url, _terminate(name)))


@asynccontextmanager
async def refusing_connections(pg_url: str) -> AsyncIterator[None]:
    """The database refuses new connections and has cut the schedulers' ones, until exit."""
    name = make_url(pg_url).database or ""
    await _admin(pg_url, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false', _terminate(name))
    try:
        yield
    finally:
        await _admin(pg_url, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
