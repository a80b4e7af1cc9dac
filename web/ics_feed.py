"""The private calendar feed: a secret URL per user, created, rotated and revoked by its owner."""

from collections.abc import Callable, Hashable
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from astro.kinds import EventKind
from astro.local import EventLike
from astro.zones import hemisphere
from core.errors import NotFoundError
from core.ics import build_calendar
from models.secrets import hash_token, new_token
from models.user import User
from pictures.render import has_picture
from web.auth.errors import SubscriptionRequiredError
from web.auth.guard import load_user, require_user
from web.errors import json_response
from web.events import EVENT_STORE, picture_path
from web.events_store import CACHE_SECONDS, Window
from web.keys import I18N, SESSIONMAKER, TELEGRAM_SETTINGS, WEB_SETTINGS
from web.members import channel_link, require_member
from web.openapi import describe
from web.ttl_cache import TTLCache
from web.validation import read_query

routes = web.RouteTableDef()
FEED_PATH = "/api/calendar.ics"
# A calendar app shows the recent past and the year ahead (the horizon is about 400 days).
FEED_PAST = timedelta(days=31)
FEED_AHEAD = timedelta(days=400)
FEED_MAX_EVENTS = 5000
FEED_CACHE_SIZE = 256


class FeedOut(BaseModel):
    """The feed's secret URL: shown once, to be pasted into a calendar app."""

    url: str


class FeedQuery(BaseModel):
    """The feed's secret, from its URL."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    token: str = Field(min_length=1, max_length=128)


class _Bodies:
    """Rendered feeds by what they depend on (never by the secret: revocation must be instant)."""

    def __init__(self) -> None:
        self.cache: TTLCache[Hashable, bytes] = TTLCache(FEED_CACHE_SIZE, CACHE_SECONDS)


_BODIES = web.AppKey("ics_bodies", _Bodies)


@routes.post("/api/calendar/feed")
@describe(
    "Create the calendar feed URL, or replace it (the old URL stops working)",
    tags=("calendar",),
    auth=True,
    response=FeedOut,
    response_status=201,
    errors=(403,),
)
async def create_feed(request: web.Request) -> web.Response:
    """A fresh secret for the caller's feed; only its hash is kept."""
    caller = await require_member(request, "calendar")
    token = new_token()
    async with request.app[SESSIONMAKER].begin() as session:
        user = await load_user(session, caller)
        user.calendar_feed_hash = hash_token(token)
    base = str(request.app[WEB_SETTINGS].public_url).rstrip("/")
    return json_response({"url": f"{base}{FEED_PATH}?token={token}"}, status=201)


@routes.delete("/api/calendar/feed")
@describe("Revoke the calendar feed URL", tags=("calendar",), auth=True, response_status=204)
async def revoke_feed(request: web.Request) -> web.Response:
    """Forget the caller's feed secret; its URL answers 404 from now on."""
    caller = await require_user(request)
    async with request.app[SESSIONMAKER].begin() as session:
        user = await load_user(session, caller)
        user.calendar_feed_hash = None
    return web.Response(status=204)


@routes.get(FEED_PATH)
@describe(
    "The caller's sky events as iCalendar, in their language, with their reminders as alarms",
    tags=("calendar",),
    query=FeedQuery,
    response_media_type="text/calendar",
    errors=(403, 404, 422),
)
async def calendar_feed(request: web.Request) -> web.Response:
    """The feed a calendar app subscribes to; the token in the URL is the only credential."""
    query = read_query(request, FeedQuery)
    async with request.app[SESSIONMAKER]() as session:
        user = await session.scalar(
            select(User).where(User.calendar_feed_hash == hash_token(query.token))
        )
    if user is None or not user.is_active:
        raise NotFoundError("calendar feed")
    _check_membership(request, user)
    # The events the user asked reminders for, alarmed at their lead times; without any
    # reminder kinds the feed holds every event, silently.
    kinds = frozenset(EventKind) & frozenset(user.reminder_kinds) or None
    alarms = tuple(user.reminder_leads_minutes) if kinds else ()
    side = hemisphere(user.latitude, user.timezone)
    key = (user.language, user.timezone, side, kinds, alarms)
    bodies = request.app[_BODIES].cache
    body = bodies.get(key)
    if body is None:
        # Whole days, so that every feed rendered today reads the same cached window.
        today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        window = Window(today - FEED_PAST, today + FEED_AHEAD, kinds, None, FEED_MAX_EVENTS)
        events = await request.app[EVENT_STORE].window(window)
        pictures = _picture_urls(request, user.language, user.timezone, side)
        body = build_calendar(
            events,
            request.app[I18N].get(user.language),
            user.timezone,
            hemisphere=side,
            alarm_minutes=alarms,
            picture_url=pictures,
        )
        bodies.put(key, body)
    response = web.Response(body=body, content_type="text/calendar", charset="utf-8")
    response.headers["Cache-Control"] = "private, max-age=3600"
    return response


def _picture_urls(
    request: web.Request, language: str, timezone: str, side: str
) -> Callable[[EventLike], str | None]:
    """Each event's picture address, in the feed owner's language, zone and hemisphere."""
    base = str(request.app[WEB_SETTINGS].public_url).rstrip("/")
    options = urlencode({"lang": language, "tz": timezone, "hemisphere": side})

    def url(event: EventLike) -> str | None:
        # Stored events (the feed's) have an id; a computed one has no address to point to.
        event_id = getattr(event, "id", None)
        if event_id is None or not has_picture(event.kind):
            return None
        return f"{base}{picture_path(event_id)}?{options}"

    return url


def _check_membership(request: web.Request, user: User) -> None:
    """A feed behind the members' gate stops once the owner is known to have left the channel."""
    telegram = request.app[TELEGRAM_SETTINGS]
    channel = telegram.members_channel
    if channel is None or "calendar" not in telegram.gated_features:
        return
    # Only what is stored counts: a calendar app polling the feed cannot wait on Telegram.
    if user.subscription_checked_at is not None and not user.is_telegram_subscribed:
        raise SubscriptionRequiredError("left the channel", channel=channel_link(channel))


def setup_ics_feed(app: web.Application) -> None:
    """Serve the calendar feed endpoints on `app` (after setup_events)."""
    app[_BODIES] = _Bodies()
    app.add_routes(routes)
