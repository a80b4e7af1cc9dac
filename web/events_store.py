"""Stored sky events by time window, read once per window and shared until the cache expires."""

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import NotFoundError
from models.event import AstroEvent
from web.ttl_cache import TTLCache

# The horizon is recomputed once a day; five minutes of staleness costs nothing.
CACHE_SECONDS = 300.0
CACHE_SIZE = 1024
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class EventRow:
    """One stored event as plain data."""

    id: uuid.UUID
    kind: str
    subject: str
    occurs_at: datetime
    payload: dict[str, Any]
    significance: float


@dataclass(frozen=True, slots=True)
class Window:
    """Which events to read: [start, end), some kinds (None: all), after a position, how many."""

    start: datetime
    end: datetime
    kinds: frozenset[str] | None
    after: tuple[datetime, uuid.UUID] | None
    limit: int


def _row(event: AstroEvent) -> EventRow:
    return EventRow(
        # asyncpg hands out its own UUID subclass, which orjson does not serialize.
        id=uuid.UUID(int=event.id.int),
        kind=event.kind,
        subject=event.subject,
        occurs_at=event.occurs_at,
        payload=dict(event.payload),
        significance=event.significance,
    )


class EventStore:
    """Reads events; concurrent requests for the same window share one query (single flight)."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        ttl: float = CACHE_SECONDS,
        size: int = CACHE_SIZE,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._cache: TTLCache[Hashable, asyncio.Task[Any]] = TTLCache(size, ttl)

    async def window(self, window: Window) -> tuple[EventRow, ...]:
        """Up to `window.limit` events of the window, in (time, id) order."""
        return await self._shared(window, lambda: self._read_window(window))

    async def get(self, event_id: uuid.UUID) -> EventRow:
        """One event by id, or NotFoundError."""
        return await self._shared(("event", event_id), lambda: self._read_one(event_id))

    async def _shared(self, key: Hashable, read: Callable[[], Awaitable[T]]) -> T:
        task: asyncio.Task[T] | None = self._cache.get(key)
        if task is None:
            task = asyncio.ensure_future(read())
            self._cache.put(key, task)
        try:
            # Shielded: one caller going away must not cancel the read the others wait for.
            return await asyncio.shield(task)
        except Exception:
            self._cache.discard(key)
            raise

    async def _read_window(self, window: Window) -> tuple[EventRow, ...]:
        query = select(AstroEvent).where(
            AstroEvent.occurs_at >= window.start, AstroEvent.occurs_at < window.end
        )
        if window.kinds is not None:
            query = query.where(AstroEvent.kind.in_(sorted(window.kinds)))
        if window.after is not None:
            query = query.where(
                tuple_(AstroEvent.occurs_at, AstroEvent.id) > tuple_(*window.after)
            )
        query = query.order_by(AstroEvent.occurs_at, AstroEvent.id).limit(window.limit)
        async with self._sessionmaker() as session:
            events = (await session.scalars(query)).all()
        return tuple(_row(event) for event in events)

    async def _read_one(self, event_id: uuid.UUID) -> EventRow:
        async with self._sessionmaker() as session:
            event = await session.get(AstroEvent, event_id)
        if event is None:
            raise NotFoundError("event", event_id=str(event_id))
        return _row(event)
