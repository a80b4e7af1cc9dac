"""INSERT … ON CONFLICT for the session's database: PostgreSQL in production, SQLite embedded."""

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

# Both dialects spell ON CONFLICT DO NOTHING / DO UPDATE alike; the generic insert cannot.
DialectInsert = postgresql.Insert | sqlite.Insert


def is_postgres(session: AsyncSession) -> bool:
    """Whether the session talks to PostgreSQL (else the embedded SQLite)."""
    return session.get_bind().dialect.name == "postgresql"


def dialect_insert(session: AsyncSession, entity: type[DeclarativeBase]) -> DialectInsert:
    """An INSERT into `entity` that knows ON CONFLICT on the session's database."""
    return postgresql.insert(entity) if is_postgres(session) else sqlite.insert(entity)
