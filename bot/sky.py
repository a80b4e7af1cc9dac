"""What the sky does for one user: events from the stored horizon, local circumstances, text.

Events come from astro_events (filled by scheduler/horizon.py) when the stored horizon covers
the window asked for; otherwise (a fresh start, a window before the horizon began or past its
end) they are computed by astro for that window. Both paths give the same events, so the user
never sees an empty calendar, whatever the date.
"""

import asyncio
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from html import escape
from typing import Any, Final
from zoneinfo import ZoneInfo

import babel.dates
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from astro.daily_sky import phase_name
from astro.kinds import EventKind
from astro.local import local_circumstances
from astro.month_cache import cached_events
from astro.moon import apparent_phase, moon_details
from astro.riseset import rise_set
from astro.timescale import to_time
from astro.zones import hemisphere
from core.event_text import event_title, one_entry_per_moon
from core.i18n import Translator
from models.event import AstroEvent
from models.user import User

ECLIPSE_KINDS: Final = frozenset({EventKind.SOLAR_ECLIPSE, EventKind.LUNAR_ECLIPSE})
NEXT_COUNT: Final = 6
NEXT_WINDOW: Final = timedelta(days=60)
ECLIPSE_WINDOW: Final = timedelta(days=3 * 365)
ECLIPSE_COUNT: Final = 6
_RISE_SET: Final = ("sunrise", "sunset", "moonrise", "moonset")
# A window starting this close to now starts within the stored horizon (its job runs from now).
HORIZON_SLACK: Final = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class SkyItem:
    """One event as the bot shows it (a stored row or a freshly computed one)."""

    kind: str
    subject: str
    occurs_at: datetime
    payload: Mapping[str, Any] = field(default_factory=dict)


async def events_between(
    session: AsyncSession,
    start: datetime,
    end: datetime,
    kinds: Collection[EventKind] | None = None,
    limit: int | None = None,
) -> list[SkyItem]:
    """Events from `start` to `end` (of `kinds`, all when None), oldest first."""
    if not await _stored_covers(session, start, end):
        # A cold year takes most of a second: off the event loop (then cached per process).
        computed = await asyncio.to_thread(cached_events, start, end, kinds)
        items = [SkyItem(e.kind.value, e.subject, e.occurs_at, e.payload) for e in computed]
        return one_entry_per_moon(items)[:limit]
    query = (
        select(AstroEvent)
        .where(AstroEvent.occurs_at >= start, AstroEvent.occurs_at <= end)
        .order_by(AstroEvent.occurs_at, AstroEvent.kind, AstroEvent.subject)
        .limit(limit)
    )
    if kinds is not None:
        query = query.where(AstroEvent.kind.in_([str(kind) for kind in kinds]))
    rows = (await session.execute(query)).scalars()
    return one_entry_per_moon(SkyItem(r.kind, r.subject, r.occurs_at, r.payload) for r in rows)


async def _stored_covers(session: AsyncSession, start: datetime, end: datetime) -> bool:
    """Whether the stored horizon spans the window: it is computed forwards from the time its
    job runs, so it reaches back to its earliest row, or at least to (about) now."""
    after = select(AstroEvent.id).where(AstroEvent.occurs_at >= end).limit(1)
    if (await session.execute(after)).first() is None:
        return False
    if start >= datetime.now(UTC) - HORIZON_SLACK:
        return True
    before = select(AstroEvent.id).where(AstroEvent.occurs_at <= start).limit(1)
    return (await session.execute(before)).first() is not None


def user_hemisphere(user: User) -> str:
    """The user's hemisphere for season names, by location or else by timezone."""
    return hemisphere(user.latitude, user.timezone)


def event_line(tr: Translator, user: User, item: SkyItem, now: datetime) -> str:
    """One HTML line: the event's title, local date and time, and how far away it is."""
    title = event_title(tr, item.kind, item.subject, item.payload, user_hemisphere(user))
    when = tr.format_datetime(item.occurs_at, user.timezone, "medium")
    relative = tr.format_relative(item.occurs_at, now, user.timezone)
    return tr("bot-event-line", title=escape(title), when=when, relative=relative)


def visibility_line(tr: Translator, user: User, item: SkyItem) -> str | None:
    """Whether (and when) an eclipse is seen from the user's place; None without a place."""
    if user.latitude is None or user.longitude is None:
        return None
    local = local_circumstances(item, user.latitude, user.longitude)
    if not local.get("visible"):
        return tr("bot-eclipse-not-visible")
    begin, end = local.get("visible_from"), local.get("visible_to")
    if isinstance(begin, str) and isinstance(end, str):
        return tr(
            "bot-eclipse-visible-between",
            start=tr.format_time(datetime.fromisoformat(begin), user.timezone),
            end=tr.format_time(datetime.fromisoformat(end), user.timezone),
        )
    return tr("bot-eclipse-visible")


def moon_phase_name(moment: datetime) -> str:
    """The named phase of the Moon at an instant ("waxing-gibbous")."""
    return phase_name(apparent_phase(to_time(moment)))


def today_text(tr: Translator, user: User, events: list[SkyItem], now: datetime) -> str:
    """The /today message: date, the Moon, rise and set times when the place is known, events."""
    day = now.astimezone(_zone(user)).date()
    moon = moon_details(to_time(now))
    illumination = moon.get("illumination")
    lines = [
        tr("bot-today-title", date=tr.format_date(day)),
        tr(
            "bot-today-moon",
            phase=tr(f"bot-moon-phase-{moon_phase_name(now)}"),
            illumination=tr.format_percent(
                float(illumination) if isinstance(illumination, int | float) else 0.0
            ),
        ),
    ]
    if user.latitude is not None and user.longitude is not None:
        lines.append(_rise_set_text(tr, day, user))
    else:
        lines.append(tr("bot-today-no-location"))
    lines.append("")
    if events:
        lines.append(tr("bot-today-events"))
        lines += [event_line(tr, user, item, now) for item in events]
    else:
        lines.append(tr("bot-today-no-events"))
    return "\n".join(lines)


def _rise_set_text(tr: Translator, day: date, user: User) -> str:
    # The caller checked both; the asserts tell the type checker.
    assert user.latitude is not None
    assert user.longitude is not None
    times = rise_set(day, user.latitude, user.longitude, user.timezone)
    parts = []
    for name in _RISE_SET:
        value = times.get(name)
        shown = (
            tr.format_time(datetime.fromisoformat(value), user.timezone)
            if isinstance(value, str)
            else tr("bot-today-none")
        )
        parts.append(tr(f"bot-today-{name}", time=shown))
    return "\n".join(parts)


def _zone(user: User) -> ZoneInfo:
    return ZoneInfo(user.timezone)


def local_day_bounds(user: User, now: datetime) -> tuple[datetime, datetime]:
    """The start and end of the user's current local day, as aware datetimes."""
    zone = _zone(user)
    day = now.astimezone(zone).date()
    return (
        datetime.combine(day, time(), zone),
        datetime.combine(day + timedelta(days=1), time(), zone) - timedelta(microseconds=1),
    )


def local_month_bounds(user: User, now: datetime) -> tuple[datetime, datetime]:
    """The start and end of the user's current local calendar month."""
    zone = _zone(user)
    first = now.astimezone(zone).date().replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return (
        datetime.combine(first, time(), zone),
        datetime.combine(following, time(), zone) - timedelta(microseconds=1),
    )


def month_label(tr: Translator, first_day: datetime) -> str:
    """The month and year by CLDR ("March 2026", "март 2026 г.")."""
    return str(babel.dates.format_skeleton("yMMMM", first_day.date(), locale=tr.babel_locale))
