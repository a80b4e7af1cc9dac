"""The horizon job: compute sky events ahead and upsert them idempotently into astro_events."""

import asyncio
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from astro.events import SkyEvent, compute_events
from models.event import AstroEvent

DEFAULT_HORIZON_DAYS: Final = 400
# A recomputed event (new ephemeris or ΔT) moves by seconds; two events of one kind and
# subject are days apart. Rows this close to a computed event are the same event.
MATCH_TOLERANCE: Final = timedelta(hours=6)


@dataclass(frozen=True, slots=True)
class HorizonResult:
    """How many events the refresh inserted, updated, found unchanged and removed."""

    inserted: int
    updated: int
    unchanged: int
    removed: int = 0


def _take_match(candidates: list[AstroEvent], event: SkyEvent) -> AstroEvent | None:
    """Remove and return the stored row nearest to the event, if within the tolerance."""
    near = [row for row in candidates if abs(row.occurs_at - event.occurs_at) <= MATCH_TOLERANCE]
    if not near:
        return None
    row = min(near, key=lambda row: abs(row.occurs_at - event.occurs_at))
    candidates.remove(row)
    return row


def _apply(row: AstroEvent, event: SkyEvent) -> bool:
    """Copy the event onto its row; True when anything changed."""
    fresh = (event.occurs_at, dict(event.payload), float(event.significance))
    if (row.occurs_at, row.payload, row.significance) == fresh:
        return False
    row.occurs_at, row.payload, row.significance = fresh
    return True


async def refresh_horizon(
    session: AsyncSession, start: datetime, days: int = DEFAULT_HORIZON_DAYS
) -> HorizonResult:
    """Compute events from start to start + days and upsert them; the caller commits."""
    end = start + timedelta(days=days)
    # A year of events takes most of a second of pure-Python work: keep the loop free.
    events = await asyncio.to_thread(compute_events, start, end)
    stored = await session.scalars(
        select(AstroEvent).where(
            AstroEvent.occurs_at >= start - MATCH_TOLERANCE,
            AstroEvent.occurs_at <= end + MATCH_TOLERANCE,
        )
    )
    candidates: dict[tuple[str, str], list[AstroEvent]] = defaultdict(list)
    for stored_row in stored:
        candidates[stored_row.kind, stored_row.subject].append(stored_row)
    inserted = updated = unchanged = 0
    for event in events:
        row = _take_match(candidates[event.kind.value, event.subject], event)
        if row is None:
            session.add(
                AstroEvent(
                    kind=event.kind.value,
                    subject=event.subject,
                    occurs_at=event.occurs_at,
                    payload=dict(event.payload),
                    significance=event.significance,
                )
            )
            inserted += 1
        elif _apply(row, event):
            updated += 1
        else:
            unchanged += 1
    # A stored event inside the window that the computation no longer yields was wrong (an older
    # engine or ΔT): remove it so it is never announced; its pending deliveries are then dropped
    # by the workers as "event_deleted", and sent ones keep their record.
    stale = [row for rows in candidates.values() for row in rows if start <= row.occurs_at <= end]
    for row in stale:
        await session.delete(row)
    await session.flush()
    return HorizonResult(inserted, updated, unchanged, len(stale))
