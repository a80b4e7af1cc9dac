"""The worker's kept connection: autocommit, reused, and replaced after an error."""

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.db import create_engine
from scheduler.connection import KeptConnection, is_unavailable
from tests.conftest import _admin, create_database, drop_database, run_sync


@pytest.mark.postgres
async def test_statements_commit_at_once_and_the_connection_is_reused(
    pg_sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    kept = KeptConnection(pg_sessionmaker)
    connection = await kept.get()
    await connection.execute(text("CREATE TABLE kept_probe (n int)"))
    await connection.execute(text("INSERT INTO kept_probe VALUES (1)"))
    try:
        async with pg_sessionmaker() as other:
            assert (await other.execute(text("SELECT n FROM kept_probe"))).scalar_one() == 1
        assert await kept.get() is connection
    finally:
        await connection.execute(text("DROP TABLE kept_probe"))
        await kept.close()


@pytest.mark.postgres
async def test_a_broken_connection_is_discarded_and_replaced(
    pg_sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    kept = KeptConnection(pg_sessionmaker)
    first = await kept.get()
    pid = (await first.execute(text("SELECT pg_backend_pid()"))).scalar_one()
    async with pg_sessionmaker.begin() as session:
        await session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    with pytest.raises(DBAPIError):
        await first.execute(text("SELECT 1"))
    await kept.discard()
    second = await kept.get()
    assert second is not first
    assert (await second.execute(text("SELECT 1"))).scalar_one() == 1
    await kept.close()


@pytest.mark.postgres
async def test_a_database_refusing_connections_counts_as_unavailable() -> None:
    url = create_database()
    engine = create_engine(url)
    try:
        run_sync(_admin(f'ALTER DATABASE "{make_url(url).database}" ALLOW_CONNECTIONS false'))
        with pytest.raises(DBAPIError) as refused:
            async with engine.connect():
                pass
        # asyncpg's "not currently accepting connections" is a plain DBAPIError to SQLAlchemy.
        assert "not currently accepting connections" in str(refused.value)
        assert is_unavailable(refused.value)
        # A statement that is wrong is not an outage.
        run_sync(_admin(f'ALTER DATABASE "{make_url(url).database}" ALLOW_CONNECTIONS true'))
        async with engine.connect() as connection:
            with pytest.raises(DBAPIError) as wrong:
                await connection.execute(text("SELECT * FROM no_such_table"))
        assert not is_unavailable(wrong.value)
    finally:
        await engine.dispose()
        drop_database(url)
