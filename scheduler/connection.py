"""A database connection a worker keeps across its statements, in autocommit."""

import contextlib

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker

# SQLSTATE classes of a server that cannot serve now: 08 connection exception, 57 operator
# intervention (shutdown, crash recovery, terminated backend).
_UNAVAILABLE_CLASSES = ("08", "57")
# "database ... is not currently accepting connections" (ALLOW_CONNECTIONS false).
_NOT_ACCEPTING_CONNECTIONS = "55000"


class DatabaseUnavailableError(Exception):
    """The database refused a new connection (down, restarting, or not accepting any)."""


def is_unavailable(exc: BaseException) -> bool:
    """Whether `exc` says the database could not be reached, rather than that a statement is wrong.

    Such a failure passes: the same statement on a fresh connection succeeds once the database is
    back. Anything else (a constraint, bad data) would fail the same way every time.
    """
    if isinstance(exc, DatabaseUnavailableError | OSError | TimeoutError):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated or isinstance(exc, InterfaceError | OperationalError):
        return True
    # asyncpg's refusals reach SQLAlchemy as a plain DBAPIError; their SQLSTATE tells them apart.
    sqlstate = getattr(exc.orig, "sqlstate", None) or ""
    return sqlstate.startswith(_UNAVAILABLE_CLASSES) or sqlstate == _NOT_ACCEPTING_CONNECTIONS


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
        self.engine = bind
        self._connection: AsyncConnection | None = None

    async def get(self) -> AsyncConnection:
        """The kept connection, opened if there is none (DatabaseUnavailableError if not)."""
        if self._connection is None:
            try:
                connection = await self.engine.connect()
            except Exception as exc:
                raise DatabaseUnavailableError(str(exc)) from exc
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
