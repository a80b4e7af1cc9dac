"""/api/me: the signed-in user's profile, read and changed."""

import uuid
from datetime import datetime
from typing import Annotated, Any

from aiohttp import web
from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from astro.errors import InvalidCoordinatesError
from astro.kinds import EventKind
from astro.seasons import Hemisphere
from astro.zones import hemisphere
from core.errors import ValidationFailedError
from core.push import WS_CHANNEL, PushEnvelope, ToUser
from models.membership import membership_is_current
from models.user import User
from web.auth.guard import load_user, require_user
from web.auth.jwt import ACCESS_TOKENS
from web.auth.sessions import issue_access_token
from web.errors import json_response
from web.keys import BUS, SESSIONMAKER
from web.members import require_member
from web.openapi import describe
from web.validation import DisplayName, read_json

routes = web.RouteTableDef()
REMINDER_FIELDS = frozenset(
    {
        "reminder_kinds",
        "reminder_leads_minutes",
        "reminder_hour",
        "quiet_hours_start",
        "quiet_hours_end",
    }
)
MAX_LEAD_MINUTES = 7 * 24 * 60


class Profile(BaseModel):
    """A user's account and preferences as the API shows them to that user."""

    id: uuid.UUID
    email: str | None
    display_name: str
    telegram_user_id: int | None
    telegram_username: str | None
    language: str
    timezone: str
    # Whose seasons the user lives by (astro.zones.hemisphere), so that clients never guess.
    hemisphere: Hemisphere
    latitude: float | None
    longitude: float | None
    reminder_kinds: list[str]
    reminder_leads_minutes: list[int]
    reminder_hour: int | None
    quiet_hours_start: int | None
    quiet_hours_end: int | None
    # Whether a calendar feed URL is live (the URL itself is shown only when created).
    calendar_feed: bool
    is_member: bool
    created_at: datetime


def profile_of(user: User) -> Profile:
    """The API view of a loaded user row."""
    return Profile(
        id=user.id,
        email=user.email,
        display_name=user.display_name,
        telegram_user_id=user.telegram_user_id,
        telegram_username=user.telegram_username,
        language=user.language,
        timezone=user.timezone,
        hemisphere=hemisphere(user.latitude, user.timezone),
        latitude=user.latitude,
        longitude=user.longitude,
        reminder_kinds=list(user.reminder_kinds),
        reminder_leads_minutes=list(user.reminder_leads_minutes),
        reminder_hour=user.reminder_hour,
        quiet_hours_start=user.quiet_hours_start,
        quiet_hours_end=user.quiet_hours_end,
        calendar_feed=user.calendar_feed_hash is not None,
        is_member=membership_is_current(user),
        created_at=user.created_at,
    )


def _unique(values: list[Any]) -> list[Any]:
    return sorted(set(values))


Hour = Annotated[int, Field(ge=0, le=23)]
LeadMinutes = Annotated[int, Field(ge=0, le=MAX_LEAD_MINUTES)]


class ProfilePatch(BaseModel):
    """Any subset of the changeable fields; latitude and longitude go together (null clears)."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    display_name: DisplayName | None = None
    language: str | None = Field(default=None, max_length=16)
    timezone: str | None = Field(default=None, max_length=64)
    latitude: float | None = None
    longitude: float | None = None
    reminder_kinds: Annotated[list[EventKind], AfterValidator(_unique)] | None = Field(
        default=None, max_length=len(EventKind)
    )
    reminder_leads_minutes: Annotated[list[LeadMinutes], AfterValidator(_unique)] | None = Field(
        default=None, max_length=5
    )
    reminder_hour: Hour | None = None
    quiet_hours_start: Hour | None = None
    quiet_hours_end: Hour | None = None


class ProfileUpdated(BaseModel):
    """The changed profile and an access token carrying its new claims."""

    user: Profile
    access_token: str
    expires_in: int


# Fields that cannot be cleared: null means "unchanged" rather than "empty".
_REQUIRED = frozenset(
    {"display_name", "language", "timezone", "reminder_kinds", "reminder_leads_minutes"}
)


def _changes(patch: ProfilePatch) -> dict[str, Any]:
    """The fields to write; refuses half a location and nulls where a value is required."""
    changes = patch.model_dump(exclude_unset=True, mode="json")
    nulled = sorted(name for name in _REQUIRED if name in changes and changes[name] is None)
    if nulled:
        raise ValidationFailedError("required field set to null", fields=nulled)
    if ("latitude" in changes) != ("longitude" in changes) or (
        "latitude" in changes and (changes["latitude"] is None) != (changes["longitude"] is None)
    ):
        raise InvalidCoordinatesError("latitude and longitude go together")
    return changes


@routes.get("/api/me")
@describe("My profile", response=Profile, auth=True, tags=("account",), errors=(403, 429))
async def get_me(request: web.Request) -> web.Response:
    """The signed-in user's profile."""
    caller = await require_user(request)
    async with request.app[SESSIONMAKER]() as session:
        user = await load_user(session, caller)
        return json_response(profile_of(user).model_dump(mode="json"))


@routes.patch("/api/me")
@describe(
    "Change my profile",
    request=ProfilePatch,
    response=ProfileUpdated,
    auth=True,
    tags=("account",),
    errors=(400, 403, 413, 422, 429),
)
async def update_me(request: web.Request) -> web.Response:
    """Change display name, language, timezone, location or reminder preferences."""
    caller = await require_user(request)
    changes = _changes(await read_json(request, ProfilePatch))
    if changes.keys() & REMINDER_FIELDS:
        await require_member(request, "reminders")
    async with request.app[SESSIONMAKER]() as session:
        user = await load_user(session, caller)
        # The model's validators raise invalid_language / invalid_timezone / invalid_coordinates.
        for name, value in changes.items():
            setattr(user, name, value)
        if "language" in changes:
            user.language_chosen = True
        await session.flush()
        profile = profile_of(user)
        await session.commit()
    issued = issue_access_token(request.app[ACCESS_TOKENS], user)
    event = PushEnvelope(
        ToUser(user.id),
        "profile.updated",
        f"profile:{user.id}:{user.updated_at.timestamp():.6f}",
        profile.model_dump(mode="json"),
    )
    await request.app[BUS].publish(WS_CHANNEL, event.encode())
    body = ProfileUpdated(user=profile, access_token=issued.token, expires_in=issued.expires_in)
    return json_response(body.model_dump(mode="json"))
