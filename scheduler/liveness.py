"""Dead workers found in seconds: each holds an advisory lock; the others release its rows.

The lease stays the last resort; with PostgreSQL a killed worker's session ends at once, and
with it the lock, so the rows it held return as soon as another worker checks. A worker that
only lost its connection (the database restarted, or cut it) takes its lock again within one
check; the others judge nobody until their own lock has been held for `settle` seconds, so a
database outage that cut everyone's connection does not make every worker look dead.
"""

import asyncio
import contextlib
import time
from datetime import UTC, datetime

import structlog
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from scheduler.connection import is_unavailable
from scheduler.outbox import WORKER_LOCK_CLASS, release_dead_claims, worker_lock_key

log = structlog.get_logger(__name__)


class Liveness:
    """This worker's lock (`held` is set while it is) and the check of the other workers'."""

    def __init__(
        self, engine: AsyncEngine, worker_id: str, *, interval: float = 0.5, settle: float = 2.0
    ) -> None:
        self._engine = engine
        self._worker_id = worker_id
        self._interval = interval
        self._settle = settle
        self._connection: AsyncConnection | None = None
        self._held_since = 0.0
        self.held = asyncio.Event()
        # The embedded SQLite default has one process: nobody else to watch.
        self.enabled = engine.dialect.name == "postgresql"
        if not self.enabled:
            self.held.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Hold the lock and check the others every `interval` until `stop`."""
        if not self.enabled:
            return
        try:
            while not stop.is_set():
                try:
                    await self.check()
                except Exception as exc:
                    await self._lose()
                    if not is_unavailable(exc):
                        log.exception("checking the other workers failed")
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._interval):
                        await stop.wait()
        finally:
            await self._lose()

    async def check(self) -> None:
        """Take the lock if this worker lacks it, else release the rows of workers without one."""
        if self._connection is None:
            await self._take()
            return
        if time.monotonic() - self._held_since < self._settle:
            # Still proves the connection works: a lost lock must not go unnoticed.
            await self._connection.execute(select(1))
            return
        released = await release_dead_claims(self._connection, self._worker_id, datetime.now(UTC))
        if released:
            log.warning("rows of a dead worker returned to the queue", rows=released)

    async def _take(self) -> None:
        connection = await self._engine.connect()
        try:
            connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
            taken = await connection.scalar(
                select(
                    func.pg_try_advisory_lock(WORKER_LOCK_CLASS, worker_lock_key(self._worker_id))
                )
            )
        except BaseException:
            await connection.close()
            raise
        if not taken:
            # Our previous session is still being torn down; the next check tries again.
            await connection.close()
            return
        self._connection = connection
        self._held_since = time.monotonic()
        self.held.set()

    async def _lose(self) -> None:
        self.held.clear()
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.invalidate()
                await connection.close()
