"""One planner at a time: a PostgreSQL advisory lock held on a dedicated connection."""

import zlib

import structlog
from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

log = structlog.get_logger(__name__)

# A fixed 32-bit key: every scheduler process of one database competes for the same lock.
PLANNER_LOCK_KEY = zlib.crc32(b"starscalendars.planner")


class Leadership:
    """Held while the lock's connection lives; a dead leader's lock is freed with its session.

    On the embedded SQLite default there is only one process, which always leads.
    """

    def __init__(self, engine: AsyncEngine, key: int = PLANNER_LOCK_KEY) -> None:
        self._engine = engine
        self._key = key
        self._connection: AsyncConnection | None = None

    async def check(self) -> bool:
        """Take the lock if it is free, or confirm it is still ours; False: another leads."""
        if self._engine.dialect.name != "postgresql":
            return True
        try:
            if self._connection is None:
                return await self._acquire()
            await self._connection.execute(select(1))
            await self._connection.commit()
        except (DBAPIError, OperationalError, OSError):
            log.warning("planner lock connection lost")
            await self.release()
            return False
        return True

    async def release(self) -> None:
        """Let another process lead (closing the session releases the lock)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                await connection.invalidate()
            finally:
                await connection.close()

    async def _acquire(self) -> bool:
        connection = await self._engine.connect()
        try:
            acquired = bool(await connection.scalar(select(func.pg_try_advisory_lock(self._key))))
            # A session-level lock outlives the transaction; don't sit idle in one.
            await connection.commit()
        except BaseException:
            await connection.close()
            raise
        if not acquired:
            await connection.close()
            return False
        self._connection = connection
        log.info("this process now plans deliveries")
        return True
