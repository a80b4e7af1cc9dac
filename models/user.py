"""People who use StarsCalendars, from Telegram, the web, or both once linked."""

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, Index, SmallInteger, String, Text, false, true
from sqlalchemy.orm import Mapped, mapped_column, validates

from astro.errors import InvalidCoordinatesError
from astro.zones import resolve_zone
from core.errors import InvalidLanguageError
from core.languages import DEFAULT_LANGUAGE, LANGUAGES
from models.base import Base, TimestampMixin

_LANGUAGE_LIST = ", ".join(f"'{code}'" for code in LANGUAGES)
DEFAULT_REMINDER_KINDS = ["full_moon", "new_moon", "solar_eclipse", "lunar_eclipse", "supermoon"]


def validate_timezone(name: str) -> str:
    """Return `name` when it is a known IANA zone, else raise InvalidTimezoneError."""
    resolve_zone(name)
    return name


class User(TimestampMixin, Base):
    """One person; Telegram and web identities live on the same row once linked."""

    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(f"language IN ({_LANGUAGE_LIST})", name="language_known"),
        CheckConstraint(
            "latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude_range"
        ),
        CheckConstraint(
            "longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude_range"
        ),
        CheckConstraint(
            "reminder_hour IS NULL OR (reminder_hour BETWEEN 0 AND 23)", name="reminder_hour_range"
        ),
        # The planner scans active, reachable users; keep that scan on an index.
        Index("ix_users_reachable", "is_active", "bot_blocked_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    username: Mapped[str | None] = mapped_column(String(64), unique=True)
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(Text)
    display_name: Mapped[str] = mapped_column(String(128), default="", server_default="")
    telegram_user_id: Mapped[int | None] = mapped_column(BigInteger, unique=True)
    telegram_username: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(
        String(8), default=DEFAULT_LANGUAGE, server_default=DEFAULT_LANGUAGE
    )
    # True once the person picked a language explicitly (else it follows Telegram's language_code).
    language_chosen: Mapped[bool] = mapped_column(default=False, server_default=false())
    timezone: Mapped[str] = mapped_column(String(64), default="UTC", server_default="UTC")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    # Notification preferences: event kinds, lead times before an event, preferred local hour.
    reminder_kinds: Mapped[list[str]] = mapped_column(default=lambda: list(DEFAULT_REMINDER_KINDS))
    reminder_leads_minutes: Mapped[list[int]] = mapped_column(default=lambda: [24 * 60])
    reminder_hour: Mapped[int | None] = mapped_column(SmallInteger)
    quiet_hours_start: Mapped[int | None] = mapped_column(SmallInteger)
    quiet_hours_end: Mapped[int | None] = mapped_column(SmallInteger)
    onboarded_at: Mapped[datetime | None]
    is_active: Mapped[bool] = mapped_column(default=True, server_default=true())
    is_telegram_subscribed: Mapped[bool] = mapped_column(default=False, server_default=false())
    subscription_checked_at: Mapped[datetime | None]
    bot_blocked_at: Mapped[datetime | None]
    # Hash of the secret in the user's private calendar feed URL; NULL means no feed (revoked).
    calendar_feed_hash: Mapped[str | None] = mapped_column(String(64), unique=True)

    @validates("language")
    def _check_language(self, _key: str, value: str) -> str:
        if value not in LANGUAGES:
            raise InvalidLanguageError(value, value=value)
        return value

    @validates("timezone")
    def _check_timezone(self, _key: str, value: str) -> str:
        return validate_timezone(value)

    @validates("latitude", "longitude")
    def _check_coordinate(self, key: str, value: float | None) -> float | None:
        limit = 90.0 if key == "latitude" else 180.0
        if value is not None and not -limit <= value <= limit:
            raise InvalidCoordinatesError(f"{key}={value}", value=value)
        return value
