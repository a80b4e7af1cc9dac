"""A database connection a worker keeps across its statements, in autocommit."""

import contextlib

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker


class KeptConnection:
    """One autocommit connection, checked out on first use and kept until closed or discarded.

    A session per statement group costs PostgreSQL round trips the worker's statements do not
    need: the pool's pre-ping (BEGIN, a query, ROLLBACK), then BEGIN and COMMIT. The worker's
    statements each stand alone (a claim is one UPDATE ... RETURNING; outcomes touch rows
    independently), so autocommit loses nothing. After an error the connection is discarded
    and the next use checks out, and pings, a fresh one.
    """

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        bind = sessionmaker.kw.get("bind")
        if not isinstance(bind, AsyncEngine):
            raise TypeError("the sessionmaker must be bound to an AsyncEngine")
        self._engine = bind
        self._connection: AsyncConnection | None = None

    async def get(self) -> AsyncConnection:
        """The kept connection, opened if there is none."""
        if self._connection is None:
            connection = await self._engine.connect()
            self._connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
        return self._connection

    async def discard(self) -> None:
        """Drop the connection after an error or a cancellation: its state is unknown."""
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(Exception):
                await connection.invalidate()
                await connection.close()

    async def close(self) -> None:
        """Give the connection back to the pool (the next use takes a new one)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            await connection.close()
