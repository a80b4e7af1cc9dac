"""The deliveries outbox as workers see it: claim due rows under a lease, load what they need."""

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import cast, column, exists, func, select, table, update
from sqlalchemy.dialects.postgresql import OID
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.sql.elements import ColumnElement

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
    due_at: datetime
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
    """Take up to `limit` ready pending rows, those due first, for `lease`.

    Ready means next_attempt_at has come; the order is due_at, so a message back from a
    back-off or a paused outage goes before the backlog that was due after it. The lease is
    written into next_attempt_at itself: a worker that dies leaves rows that become ready again
    when it expires (or sooner, see `release_dead_claims`). On PostgreSQL, SKIP LOCKED lets
    concurrent workers take disjoint rows without waiting.
    """
    lease_until = now + lease
    due = (
        select(Delivery.id)
        .where(Delivery.status == DeliveryStatus.PENDING, Delivery.next_attempt_at <= now)
        .order_by(Delivery.due_at, Delivery.id)
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
            Delivery.due_at,
        )
        .execution_options(synchronize_session=False)
    )
    claims = [Claim(**row._mapping, lease_until=lease_until) for row in result]
    return sorted(claims, key=lambda claim: claim.id)


# A worker's advisory lock, held on its own connection for as long as it lives: (this class,
# hashtext(worker id)). PostgreSQL frees it the moment the worker's session ends.
WORKER_LOCK_CLASS = 0x5C5C_0001
_pg_locks = table(
    "pg_locks",
    column("locktype"),
    column("database"),
    column("classid"),
    column("objid"),
    column("objsubid"),
    column("granted"),
)
_pg_database = table("pg_database", column("oid"), column("datname"))


def worker_lock_key(worker_id: Any) -> ColumnElement[int]:
    """The second half of a worker's advisory lock key (`worker_id`: a value or a column)."""
    return func.hashtext(worker_id)


def _worker_alive(worker_id: Any) -> ColumnElement[bool]:
    this_database = (
        select(_pg_database.c.oid)
        .where(_pg_database.c.datname == func.current_database())
        .scalar_subquery()
    )
    return exists().where(
        _pg_locks.c.locktype == "advisory",
        _pg_locks.c.granted.is_(True),
        _pg_locks.c.database == this_database,
        _pg_locks.c.classid == cast(WORKER_LOCK_CLASS, OID),
        # pg_locks shows the two-integer key as classid, objid (as oid) and objsubid 2.
        _pg_locks.c.objid == cast(worker_lock_key(worker_id), OID),
        _pg_locks.c.objsubid == 2,  # PostgreSQL's marker of a two-key lock
    )


async def release_dead_claims(connection: AsyncConnection, worker_id: str, now: datetime) -> int:
    """Make the rows of workers whose lock is gone ready now; return how many (PostgreSQL).

    claimed_by and claimed_until stay: a worker that only lost its connection and comes back
    still records the outcome of a message it sent, unless the row was claimed again meanwhile.
    """
    result = await connection.execute(
        update(Delivery)
        .where(
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.claimed_until.is_not(None),
            Delivery.claimed_until > now,
            # Still waiting for its lease: not released before, nor claimed again since.
            Delivery.next_attempt_at > now,
            Delivery.claimed_by != worker_id,
            ~_worker_alive(Delivery.claimed_by),
        )
        .values(next_attempt_at=now)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)


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
