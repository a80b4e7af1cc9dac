"""GET /api/events (a window of the calendar, paged) and GET /api/events/{id}, localized."""

import asyncio
import base64
import binascii
import uuid
from collections.abc import Hashable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import orjson
from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, field_validator

from astro.errors import InvalidDateRangeError
from astro.kinds import EventKind
from astro.local import local_circumstances
from astro.timescale import FIRST_YEAR, LAST_YEAR, ensure_supported
from astro.zones import hemisphere
from core.errors import ValidationFailedError
from core.event_text import event_description, event_details, event_title
from core.i18n import Translator, resolve_timezone
from pictures.render import has_picture
from web.auth.guard import AuthUser, optional_user
from web.errors import request_translator
from web.events_store import CACHE_SECONDS, EventRow, EventStore, Window
from web.keys import DEFAULT_ZONE, SESSIONMAKER, WEB_SETTINGS
from web.openapi import describe
from web.ttl_cache import TTLCache
from web.validation import read_query

routes = web.RouteTableDef()
BODY_CACHE_SIZE = 1024


class RangeTooLargeError(ValidationFailedError):
    """The requested window is longer than the API serves in one request."""

    code = "range_too_large"


class EventsQuery(BaseModel):
    """A window of the calendar; dates or times without an offset are read in `tz`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: datetime = Field(alias="from", description="First instant (inclusive).")
    end: datetime = Field(alias="to", description="Last instant (exclusive).")
    kinds: list[EventKind] | None = Field(
        default=None, description="Only these kinds (repeat the parameter or separate by ',')."
    )
    limit: int = Field(default=100, ge=1, le=500)
    cursor: str | None = Field(default=None, max_length=200, description="next_cursor of a page.")
    tz: str | None = Field(
        default=None, max_length=64, description="IANA timezone (default: your profile's)."
    )
    lang: str | None = Field(default=None, max_length=35, description="Language of the texts.")

    @field_validator("kinds", mode="before")
    @classmethod
    def _comma_separated(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [part for part in value.split(",") if part]
        return value


class EventPath(BaseModel):
    """The event's id in the path."""

    id: uuid.UUID


class EventDetailQuery(BaseModel):
    """Options of one event's page; lat/lon override the profile's place."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tz: str | None = Field(default=None, max_length=64)
    lang: str | None = Field(default=None, max_length=35)
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


class EventOut(BaseModel):
    """One event as the calendar shows it."""

    id: uuid.UUID
    kind: EventKind
    subject: str
    occurs_at: datetime = Field(description="The instant, in UTC.")
    local_time: datetime = Field(description="The same instant in the caller's timezone.")
    when: str = Field(description="The local date and time, written out in the language.")
    title: str
    details: str
    significance: float
    payload: dict[str, Any]


class EventsPage(BaseModel):
    """A page of events in time order."""

    events: list[EventOut]
    timezone: str
    language: str
    next_cursor: str | None


class EventDetail(EventOut):
    """One event with its description and, given a place, how it shows from there."""

    description: str
    timezone: str
    language: str
    local: dict[str, Any] | None = Field(
        description="Visibility, altitudes and local contact times (ISO UTC) at the place."
    )
    picture: str | None = Field(
        description="Path of the event's picture (GET it with width, format, lang, tz, lat, lon);"
        " null for kinds without one."
    )


class _Caches:
    """Rendered response bodies, per window, language, timezone and hemisphere."""

    def __init__(self) -> None:
        self.bodies: TTLCache[Hashable, bytes] = TTLCache(BODY_CACHE_SIZE, CACHE_SECONDS)


EVENT_STORE = web.AppKey("event_store", EventStore)
_CACHES = web.AppKey("events_caches", _Caches)


def _encode_cursor(row: EventRow) -> str:
    raw = orjson.dumps([row.occurs_at.isoformat(), str(row.id)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        moment, event_id = orjson.loads(raw)
        position = datetime.fromisoformat(moment), uuid.UUID(event_id)
    except (binascii.Error, ValueError, TypeError, AttributeError) as exc:
        raise ValidationFailedError("bad cursor", fields=["cursor"]) from exc
    # Outside the years served, an instant with an offset can even overflow datetime's range.
    if position[0].tzinfo is None or not FIRST_YEAR <= position[0].year <= LAST_YEAR:
        raise ValidationFailedError("bad cursor", fields=["cursor"])
    return position


def _instant(value: datetime, zone: ZoneInfo) -> datetime:
    """An aware UTC instant; naive values are wall-clock times in `zone`."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        # Checked before the offset is applied: year 1 or 9999 would overflow it.
        ensure_supported(value.replace(tzinfo=UTC))
    instant = (value if value.tzinfo is not None else value.replace(tzinfo=zone)).astimezone(UTC)
    ensure_supported(instant)
    return instant


def _window(query: EventsQuery, zone: ZoneInfo, max_days: int) -> Window:
    start, end = _instant(query.start, zone), _instant(query.end, zone)
    if end <= start:
        raise InvalidDateRangeError("end before start", value=end.isoformat())
    if end - start > timedelta(days=max_days):
        raise RangeTooLargeError(f"over {max_days} days", max_days=max_days)
    return Window(
        start=start,
        end=end,
        kinds=None if query.kinds is None else frozenset(query.kinds),
        after=None if query.cursor is None else _decode_cursor(query.cursor),
        # One more than asked tells whether another page follows.
        limit=query.limit + 1,
    )


def _render(row: EventRow, tr: Translator, zone: ZoneInfo, hemisphere: str) -> dict[str, Any]:
    return {
        "id": row.id,
        "kind": row.kind,
        "subject": row.subject,
        "occurs_at": row.occurs_at,
        "local_time": row.occurs_at.astimezone(zone),
        "when": tr.format_datetime(row.occurs_at, zone),
        "title": event_title(tr, row.kind, row.subject, row.payload, hemisphere),
        "details": event_details(tr, row.kind, row.payload),
        "significance": row.significance,
        "payload": row.payload,
    }


def _viewer(
    request: web.Request, user: AuthUser | None, tz: str | None
) -> tuple[Translator, ZoneInfo, str]:
    """The caller's language, timezone (?tz= first, then the profile) and hemisphere."""
    default = request.app[DEFAULT_ZONE]
    zone = resolve_timezone(tz or (user.timezone if user else default))
    # Without a latitude the zone the caller reads in places them north or south.
    side = hemisphere(user.latitude if user else None, zone.key)
    return request_translator(request), zone, side


def _json(body: bytes) -> web.Response:
    return web.Response(body=body, content_type="application/json")


@routes.get("/api/events")
@describe(
    "Events of a time window, in the caller's language and timezone",
    tags=("events",),
    query=EventsQuery,
    response=EventsPage,
    errors=(400, 401, 422),
)
async def list_events(request: web.Request) -> web.Response:
    """A page of events; the same window, language and timezone is rendered once per cache life."""
    user = await optional_user(request)
    query = read_query(request, EventsQuery)
    tr, zone, hemisphere = _viewer(request, user, query.tz)
    window = _window(query, zone, request.app[WEB_SETTINGS].events_max_days)
    key = (window, tr.locale, zone.key, hemisphere)
    bodies = request.app[_CACHES].bodies
    body = bodies.get(key)
    if body is None:
        rows = await request.app[EVENT_STORE].any_window(window)
        page = rows[: query.limit]
        body = orjson.dumps(
            {
                "events": [_render(row, tr, zone, hemisphere) for row in page],
                "timezone": zone.key,
                "language": tr.locale,
                "next_cursor": _encode_cursor(page[-1]) if len(rows) > query.limit else None,
            }
        )
        bodies.put(key, body)
    return _json(body)


@routes.get("/api/events/{id}")
@describe(
    "One event with its description",
    tags=("events",),
    path=EventPath,
    query=EventDetailQuery,
    response=EventDetail,
    errors=(401, 404, 422),
)
async def get_event(request: web.Request) -> web.Response:
    """One event, localized for the caller."""
    user = await optional_user(request)
    query = read_query(request, EventDetailQuery)
    try:
        event_id = uuid.UUID(request.match_info["id"])
    except ValueError:
        raise ValidationFailedError("bad event id", fields=["id"]) from None
    row = await request.app[EVENT_STORE].get(event_id)
    tr, zone, hemisphere = _viewer(request, user, query.tz)
    event = _render(row, tr, zone, hemisphere)
    event["description"] = event_description(tr, row.kind, row.subject, row.payload, hemisphere)
    event["timezone"] = zone.key
    event["language"] = tr.locale
    place = _place(query, user)
    # Local circumstances search the sky: off the event loop.
    event["local"] = (
        None if place is None else await asyncio.to_thread(local_circumstances, row, *place)
    )
    event["picture"] = picture_path(row.id) if has_picture(row.kind) else None
    return _json(orjson.dumps(event))


def picture_path(event_id: uuid.UUID) -> str:
    """The path of an event's picture (callers add the site's address and the options)."""
    return f"/api/events/{event_id}/image"


def _place(query: EventDetailQuery, user: AuthUser | None) -> tuple[float, float] | None:
    """Where to describe the event from: ?lat=&lon=, else the profile's place, else nowhere."""
    if query.lat is not None and query.lon is not None:
        return query.lat, query.lon
    if user is not None and user.latitude is not None and user.longitude is not None:
        return user.latitude, user.longitude
    return None


def setup_events(app: web.Application) -> None:
    """Serve the events API on `app` (needs SESSIONMAKER, WEB_SETTINGS and DEFAULT_ZONE)."""
    app[EVENT_STORE] = EventStore(app[SESSIONMAKER])
    app[_CACHES] = _Caches()
    app.add_routes(routes)
