"""Engine and session factory for PostgreSQL (asyncpg) and the embedded SQLite file."""

from pathlib import Path

from sqlalchemy import column, event, select, table
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import OperationalError, ProgrammingError
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # WAL lets the web server read while the scheduler writes; FKs are off by default in SQLite.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def sqlite_file(url: str) -> Path | None:
    """The file of an SQLite URL (None for PostgreSQL and in-memory databases)."""
    if not url.startswith("sqlite") or ":///" not in url:
        return None
    path = url.split(":///", 1)[1]
    return Path(path) if path and path != ":memory:" else None


def create_engine(
    url: str,
    *,
    pool_size: int = 10,
    pool_timeout: float = 30.0,
    echo: bool = False,
    application_name: str | None = None,
) -> AsyncEngine:
    """An async engine; for SQLite the file's folder is created and pragmas are set.

    On PostgreSQL `application_name` labels this process's connections in pg_stat_activity,
    so an operator (or a test) can tell several web and scheduler processes apart.
    """
    if url.startswith("sqlite"):
        path = sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, echo=echo)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {"server_settings": {"application_name": application_name}}
    return create_async_engine(
        url,
        echo=echo,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_timeout=pool_timeout,
        pool_pre_ping=True,
        connect_args=connect_args if application_name else {},
    )


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded values after commit (plain data crosses the boundary)."""
    return async_sessionmaker(engine, expire_on_commit=False)


_ALEMBIC_VERSION = table("alembic_version", column("version_num"))


async def schema_revision(connection: AsyncConnection) -> str | None:
    """The migration the database is at, read from Alembic's table (None when never migrated)."""
    try:
        return (await connection.execute(select(_ALEMBIC_VERSION.c.version_num))).scalar()
    except (ProgrammingError, OperationalError):  # no alembic_version table yet
        return None
