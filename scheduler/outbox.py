"""The deliveries outbox as workers see it: claim due rows under a lease, load what they need."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from models.delivery import Delivery, DeliveryKind, DeliveryStatus, TargetType
from models.event import AstroEvent
from models.user import User

# The worker runs these on its kept connection; tests and tools may pass a session.
Executor = AsyncConnection | AsyncSession


@dataclass(frozen=True, slots=True)
class Claim:
    """One delivery a worker holds until `lease_until`."""

    id: int
    event_id: uuid.UUID | None
    target_type: TargetType
    target_id: str
    user_id: uuid.UUID | None
    kind: DeliveryKind
    lead_minutes: int
    language: str | None
    payload: dict[str, Any] | None
    attempts: int
    lease_until: datetime


@dataclass(frozen=True, slots=True)
class EventInfo:
    """The event a delivery is about, as plain data."""

    id: uuid.UUID
    kind: str
    subject: str
    occurs_at: datetime
    payload: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Recipient:
    """What sending to one user needs, read at send time (so later changes are honoured)."""

    id: uuid.UUID
    telegram_user_id: int | None
    language: str
    timezone: str
    latitude: float | None
    longitude: float | None
    reachable: bool


async def claim_due(
    session: Executor, worker_id: str, now: datetime, lease: timedelta, limit: int
) -> list[Claim]:
    """Take up to `limit` due pending rows, oldest first, for `lease`.

    The lease is written into next_attempt_at itself: a worker that dies leaves rows that
    become due again when it expires, found by the same partial index as new rows. On
    PostgreSQL, SKIP LOCKED lets concurrent workers take disjoint rows without waiting.
    """
    lease_until = now + lease
    due = (
        select(Delivery.id)
        .where(Delivery.status == DeliveryStatus.PENDING, Delivery.next_attempt_at <= now)
        .order_by(Delivery.next_attempt_at, Delivery.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    result = await session.execute(
        update(Delivery)
        .where(Delivery.id.in_(due.scalar_subquery()))
        .values(
            claimed_by=worker_id,
            claimed_until=lease_until,
            next_attempt_at=lease_until,
            attempts=Delivery.attempts + 1,
        )
        .returning(
            Delivery.id,
            Delivery.event_id,
            Delivery.target_type,
            Delivery.target_id,
            Delivery.user_id,
            Delivery.kind,
            Delivery.lead_minutes,
            Delivery.language,
            Delivery.payload,
            Delivery.attempts,
        )
        .execution_options(synchronize_session=False)
    )
    claims = [Claim(**row._mapping, lease_until=lease_until) for row in result]
    return sorted(claims, key=lambda claim: claim.id)


async def load_events(session: Executor, ids: set[uuid.UUID]) -> dict[uuid.UUID, EventInfo]:
    """The events with these ids that still exist."""
    if not ids:
        return {}
    result = await session.execute(
        select(
            AstroEvent.id,
            AstroEvent.kind,
            AstroEvent.subject,
            AstroEvent.occurs_at,
            AstroEvent.payload,
        ).where(AstroEvent.id.in_(ids))
    )
    return {row.id: EventInfo(*row) for row in result.all()}


async def load_recipients(session: Executor, ids: set[uuid.UUID]) -> dict[uuid.UUID, Recipient]:
    """The users with these ids, with their current language, timezone and location."""
    if not ids:
        return {}
    result = await session.execute(
        select(
            User.id,
            User.telegram_user_id,
            User.language,
            User.timezone,
            User.latitude,
            User.longitude,
            User.is_active & User.bot_blocked_at.is_(None),
        ).where(User.id.in_(ids))
    )
    return {row[0]: Recipient(*row) for row in result.all()}


def telegram_chat(claim: Claim) -> int | str:
    """The chat id of a channel row: a number, or an @username kept as text."""
    if claim.target_type != TargetType.CHANNEL:
        raise ValueError(f"delivery {claim.id} is not a channel post")
    try:
        return int(claim.target_id)
    except ValueError:
        return claim.target_id
