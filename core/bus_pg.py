"""The bus across processes: PostgreSQL LISTEN/NOTIFY, so every web process gets every push."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
import structlog
from sqlalchemy.engine import make_url

from core.bus import Bus, InProcessBus
from core.config import DatabaseSettings

log = structlog.get_logger(__name__)

# PostgreSQL refuses NOTIFY payloads of 8000 bytes or more.
MAX_PAYLOAD_BYTES = 7999
# Our channels live under one prefix so that they never meet another application's.
CHANNEL_PREFIX = "starscalendars_"
RECONNECT_SECONDS = 1.0


class PayloadTooLargeError(ValueError):
    """A bus message does not fit in one NOTIFY."""


class PgBus:
    """LISTEN on one dedicated connection, fan out to local subscribers; NOTIFY to publish.

    The connection opens on first use and reopens (re-LISTENing) when it drops; messages
    published while it is down are lost, as the bus promises nothing more than live delivery.
    """

    def __init__(self, dsn: str) -> None:
        self._dsn = dsn
        self._local = InProcessBus()
        self._listening: dict[str, int] = {}
        self._connection: Any = None
        self._lock = asyncio.Lock()

    @property
    def dropped(self) -> int:
        """Messages lost to subscribers whose queues were full."""
        return self._local.dropped

    async def publish(self, channel: str, message: bytes) -> None:
        """NOTIFY every process listening on `channel` (this one included)."""
        if len(message) > MAX_PAYLOAD_BYTES:
            raise PayloadTooLargeError(f"bus message of {len(message)} bytes on {channel!r}")
        async with self._lock:
            connection = await self._connect()
            await connection.execute(
                "SELECT pg_notify($1, $2)", CHANNEL_PREFIX + channel, message.decode()
            )

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[asyncio.Queue[bytes]]:
        """Receive `channel`'s messages from every process until the context closes."""
        async with self._local.subscribe(channel) as queue:
            async with self._lock:
                self._listening[channel] = self._listening.get(channel, 0) + 1
                if self._listening[channel] == 1:
                    await self._listen(await self._connect(), channel)
            try:
                yield queue
            finally:
                async with self._lock:
                    self._listening[channel] -= 1
                    if not self._listening[channel]:
                        del self._listening[channel]
                        await self._unlisten(channel)

    async def close(self) -> None:
        """Close the connection; subscribers receive nothing more."""
        async with self._lock:
            connection, self._connection = self._connection, None
            if connection is not None and not connection.is_closed():
                await connection.close()

    async def _connect(self) -> Any:
        if self._connection is not None and not self._connection.is_closed():
            return self._connection
        connection = await asyncpg.connect(self._dsn)
        connection.add_termination_listener(self._on_terminated)
        for channel in self._listening:
            await self._listen(connection, channel)
        self._connection = connection
        return connection

    async def _listen(self, connection: Any, channel: str) -> None:
        await connection.add_listener(CHANNEL_PREFIX + channel, self._on_notification)

    async def _unlisten(self, channel: str) -> None:
        connection = self._connection
        if connection is not None and not connection.is_closed():
            await connection.remove_listener(CHANNEL_PREFIX + channel, self._on_notification)

    def _on_notification(self, _connection: Any, _pid: int, channel: str, payload: str) -> None:
        local = channel.removeprefix(CHANNEL_PREFIX)
        task = asyncio.get_running_loop().create_task(self._local.publish(local, payload.encode()))
        task.add_done_callback(_log_failure)

    def _on_terminated(self, connection: Any) -> None:
        if connection is not self._connection or not self._listening:
            return
        log.warning("bus connection lost, reconnecting")
        self._connection = None
        task = asyncio.get_running_loop().create_task(self._reconnect())
        task.add_done_callback(_log_failure)

    async def _reconnect(self) -> None:
        while self._listening and self._connection is None:
            try:
                async with self._lock:
                    await self._connect()
            except (OSError, asyncpg.PostgresError):
                await asyncio.sleep(RECONNECT_SECONDS)


def _log_failure(task: "asyncio.Task[None]") -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("bus task failed", exc_info=task.exception())


def asyncpg_dsn(url: str) -> str:
    """The plain libpq URL asyncpg expects, from our SQLAlchemy one."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


@asynccontextmanager
async def open_bus(database: DatabaseSettings) -> AsyncIterator[Bus]:
    """The bus for this deployment: LISTEN/NOTIFY on PostgreSQL, in-process on SQLite."""
    if database.is_sqlite:
        yield InProcessBus()
        return
    bus = PgBus(asyncpg_dsn(database.url))
    try:
        yield bus
    finally:
        await bus.close()
