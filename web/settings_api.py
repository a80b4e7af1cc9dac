"""The page's settings beyond /api/me: reminder choices, town search, password change."""

from datetime import timedelta
from typing import Final

import structlog
from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from core.cities import MAX_QUERY_LENGTH, find_cities
from core.reminder_choices import LEAD_CHOICES, REMINDER_GROUPS, group_label, lead_label
from models.account_status import revoke_refresh_tokens
from web.auth.cookie import session_response
from web.auth.errors import InvalidCredentialsError, RateLimitedError
from web.auth.guard import load_user, require_user
from web.auth.passwords import PASSWORDS, check_policy, normalize_password
from web.auth.schemas import TokenPair
from web.auth.sessions import issue_refresh_token
from web.errors import json_response, request_translator
from web.keys import AUTH_SETTINGS, SESSIONMAKER
from web.openapi import describe
from web.security import LIMITS
from web.validation import read_json, read_query

log = structlog.get_logger(__name__)
routes = web.RouteTableDef()
_TAGS: Final = ("settings",)
# The choices change only with a deploy; the texts' own cache time fits them.
_CHOICES_CACHE: Final = "public, max-age=300"


class ReminderGroup(BaseModel):
    """One switch of the reminder settings and the event kinds it stands for."""

    id: str
    label: str
    kinds: list[str]


class LeadChoice(BaseModel):
    """One lead time the bot and the page offer."""

    minutes: int
    label: str


class ReminderChoices(BaseModel):
    """What reminders can be asked for and how long before, in the caller's language."""

    groups: list[ReminderGroup]
    leads: list[LeadChoice]


class PlaceQuery(BaseModel):
    """What the person typed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    q: str = Field(min_length=1, max_length=MAX_QUERY_LENGTH)


class Place(BaseModel):
    """A town: its name as it matched, what tells it apart, where it is and its time zone."""

    id: int
    name: str
    region: str
    country: str
    latitude: float
    longitude: float
    timezone: str


class Places(BaseModel):
    """Towns matching the query, exact names first, larger first."""

    places: list[Place]


class PasswordChange(BaseModel):
    """The password in use and the new one."""

    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


@routes.get("/api/settings/choices")
@describe("Reminder kinds and lead times to choose from", response=ReminderChoices, tags=_TAGS)
async def reminder_choices(request: web.Request) -> web.Response:
    """The same groups and lead times as the bot's settings, labelled in the caller's language."""
    tr = request_translator(request)
    choices = ReminderChoices(
        groups=[
            ReminderGroup(id=group, label=group_label(tr, group), kinds=[k.value for k in kinds])
            for group, kinds in REMINDER_GROUPS.items()
        ],
        leads=[LeadChoice(minutes=m, label=lead_label(tr, m)) for m in LEAD_CHOICES],
    )
    return json_response(
        choices.model_dump(mode="json"),
        headers={"Cache-Control": _CHOICES_CACHE, "Vary": "Accept-Language"},
    )


@routes.get("/api/places")
@describe(
    "Towns by name, for choosing one's time zone and place",
    query=PlaceQuery,
    response=Places,
    tags=_TAGS,
    errors=(422, 429),
)
async def places(request: web.Request) -> web.Response:
    """The bot's offline town index (GeoNames towns over 15,000 people, names in many scripts)."""
    query = read_query(request, PlaceQuery)
    tr = request_translator(request)
    territories = tr.babel_locale.territories
    found = [
        Place(
            id=match.city.id,
            name=match.shown,
            region=match.city.region,
            country=territories.get(match.city.country, match.city.country),
            latitude=match.city.latitude,
            longitude=match.city.longitude,
            timezone=match.city.zone,
        )
        # Names as people of the page's language write them, as the bot shows them.
        for match in await find_cities(query.q, tr.locale)
    ]
    return json_response(Places(places=found).model_dump(mode="json"))


@routes.post("/api/auth/password")
@describe(
    "Change my password; every other session ends",
    request=PasswordChange,
    response=TokenPair,
    auth=True,
    tags=("auth",),
    errors=(400, 401, 413, 422, 429),
)
async def change_password(request: web.Request) -> web.Response:
    """Check the current password, store the new one, end every session, open a new one here."""
    caller = await require_user(request)
    body = await read_json(request, PasswordChange)
    failures = request.app[LIMITS].login_failures
    key = f"password:{caller.user_id}"
    wait = failures.retry_after(key)
    if wait > 0:
        raise RateLimitedError(wait)
    hashing = request.app[PASSWORDS]
    # Hashing is slow: no transaction stays open across it.
    async with request.app[SESSIONMAKER]() as session:
        stored = await load_user(session, caller)
        stored_hash, email = stored.password_hash, stored.email or ""
    if not await hashing.verify(stored_hash, normalize_password(body.current_password)):
        failures.failed(key)
        raise InvalidCredentialsError("current password wrong")
    failures.succeeded(key)
    new = normalize_password(body.new_password)
    check_policy(new, email)
    new_hash = await hashing.hash(new)
    async with request.app[SESSIONMAKER]() as session:
        user = await load_user(session, caller)
        user.password_hash = new_hash
        revoked = await revoke_refresh_tokens(session, user.id)
        ttl = timedelta(days=request.app[AUTH_SETTINGS].refresh_ttl_days)
        issued, _ = await issue_refresh_token(session, user.id, ttl)
        await session.commit()
    log.info("password changed", user_id=str(user.id), sessions_ended=revoked)
    return session_response(request, user, issued)
