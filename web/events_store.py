"""Sky events by time window, read once per window and shared until the cache expires.

Windows the stored horizon spans are read from astro_events; any other window the ephemeris
covers (the past, beyond the horizon) is computed, off the event loop, from astro's per-month
cache. Computed events carry ids that encode kind, subject and instant, so the same event
has the same id in every window and process, and GET /api/events/{id} can recompute it.
The stored horizon alone is what deliveries are planned from.
"""

import asyncio
import uuid
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, TypeVar

from sqlalchemy import func, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from astro.kinds import Body, EventKind, MeteorShower
from astro.month_cache import cached_events
from astro.sky_event import SkyEvent
from core.errors import NotFoundError
from models.event import AstroEvent
from web.ttl_cache import TTLCache

# The horizon is recomputed once a day; five minutes of staleness costs nothing.
CACHE_SECONDS = 300.0
CACHE_SIZE = 1024
T = TypeVar("T")
# A window starting this close to now starts within the stored horizon (its job runs from now).
HORIZON_SLACK: Final = timedelta(hours=1)
# Computed ids are RFC 9562 version 8 UUIDs: seconds since 1900 in the top 48 bits, the kind's
# and the subject's positions in these append-only lists, and a fixed tag in the low bits.
_KINDS: Final = tuple(EventKind)
_SUBJECTS: Final = ("", *Body, *MeteorShower)
_EPOCH: Final = datetime(1900, 1, 1, tzinfo=UTC)
_TAG: Final = 0x5C_A1E7_DA75_EE
_TAG_BITS: Final = 54


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


def computed_id(kind: str, subject: str, occurs_at: datetime) -> uuid.UUID:
    """The stable id of a computed event."""
    seconds = int((occurs_at - _EPOCH).total_seconds())
    value = (seconds << 80) | (0x8 << 76) | (_KINDS.index(EventKind(kind)) << 64)
    value |= (0b10 << 62) | (_SUBJECTS.index(subject) << _TAG_BITS) | _TAG
    return uuid.UUID(int=value)


def decode_computed_id(event_id: uuid.UUID) -> tuple[EventKind, str, datetime] | None:
    """Kind, subject and instant of a computed id; None for any other id."""
    value = event_id.int
    if event_id.version != 8 or value & ((1 << _TAG_BITS) - 1) != _TAG:
        return None
    kind, subject = (value >> 64) & 0xFFF, (value >> _TAG_BITS) & 0xFF
    if kind >= len(_KINDS) or subject >= len(_SUBJECTS):
        return None
    return _KINDS[kind], _SUBJECTS[subject], _EPOCH + timedelta(seconds=value >> 80)


def _computed_row(event: SkyEvent) -> EventRow:
    return EventRow(
        id=computed_id(event.kind, event.subject, event.occurs_at),
        kind=event.kind.value,
        subject=event.subject,
        occurs_at=event.occurs_at,
        payload=dict(event.payload),
        significance=event.significance,
    )


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
        """Up to `window.limit` stored events of the window, in (time, id) order (what the
        calendar feed, like deliveries, is made of)."""
        return await self._shared(window, lambda: self._read_window(window))

    async def any_window(self, window: Window) -> tuple[EventRow, ...]:
        """The same for any window the ephemeris covers: computed where the horizon lacks it."""
        return await self._shared(("any", window), lambda: self._answer_window(window))

    async def get(self, event_id: uuid.UUID) -> EventRow:
        """One event by id, or NotFoundError."""
        return await self._shared(("event", event_id), lambda: self._answer_one(event_id))

    async def _answer_window(self, window: Window) -> tuple[EventRow, ...]:
        if await self._stored_covers(window.start, window.end):
            return await self._read_window(window)
        return await asyncio.to_thread(_compute_window, window)

    async def _answer_one(self, event_id: uuid.UUID) -> EventRow:
        decoded = decode_computed_id(event_id)
        if decoded is None:
            return await self._read_one(event_id)
        kind, subject, instant = decoded
        found = await asyncio.to_thread(cached_events, instant, instant, [kind])
        for event in found:
            if event.subject == subject:
                return _computed_row(event)
        raise NotFoundError("event", event_id=str(event_id))

    async def _stored_covers(self, start: datetime, end: datetime) -> bool:
        """Whether the stored horizon spans [start, end): it is computed forwards from when its
        job runs, so it reaches back to its earliest row, or at least to (about) now."""
        first, last = await self._shared("bounds", self._read_bounds)
        if last is None or last < end:
            return False
        return start >= datetime.now(UTC) - HORIZON_SLACK or (first is not None and first <= start)

    async def _read_bounds(self) -> tuple[datetime | None, datetime | None]:
        query = select(func.min(AstroEvent.occurs_at), func.max(AstroEvent.occurs_at))
        async with self._sessionmaker() as session:
            first, last = (await session.execute(query)).one()
        return first, last

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


def _compute_window(window: Window) -> tuple[EventRow, ...]:
    """The window's events from the engine, paged like the stored ones."""
    kinds = None if window.kinds is None else [EventKind(kind) for kind in window.kinds]
    events = cached_events(window.start, window.end, kinds)
    # The window's end is exclusive.
    inside = (_computed_row(event) for event in events if event.occurs_at < window.end)
    rows = sorted(inside, key=lambda row: (row.occurs_at, row.id))
    if window.after is not None:
        rows = [row for row in rows if (row.occurs_at, row.id) > window.after]
    return tuple(rows[: window.limit])
