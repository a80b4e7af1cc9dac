"""The outbox: every message the platform plans to send, one row per event, target, kind, lead."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    BigInteger,
    Enum,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TimestampMixin


class TargetType(StrEnum):
    """Where a delivery goes."""

    CHANNEL = "channel"  # a Telegram channel post; target_id is the chat id or @username
    USER = "user"  # a private Telegram message; target_id is the user's UUID
    WEB = "web"  # a WebSocket push; target_id is the user's UUID or "*" for everyone


class DeliveryKind(StrEnum):
    """Why a delivery is sent."""

    ANNOUNCEMENT = "announcement"
    REMINDER = "reminder"
    WEB_PUSH = "web_push"
    BROADCAST = "broadcast"


class DeliveryStatus(StrEnum):
    """Where a delivery is in its life."""

    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # gave up, with last_error saying why
    DROPPED = "dropped"  # no longer wanted (user blocked the bot, event deleted)


def _stored_as_value(kinds: type[StrEnum]) -> Enum:
    """A column of `kinds` kept as VARCHAR(16) holding each member's value.

    No native ENUM and no CHECK constraint, so that adding a member needs no migration.
    """
    return Enum(
        kinds,
        native_enum=False,
        length=16,
        values_callable=lambda members: [m.value for m in members],
    )


def _due_when_first_tried(context: DefaultExecutionContext) -> Any:
    """A row planned without a due time is due when it is first tried (an admin's broadcast)."""
    return context.get_current_parameters()["next_attempt_at"]  # type: ignore[no-untyped-call]


BigId = BigInteger().with_variant(Integer, "sqlite")  # SQLite autoincrements INTEGER keys only


class Delivery(TimestampMixin, Base):
    """One planned message; workers claim due rows with a lease and record the outcome."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint(
            "event_id",
            "target_type",
            "target_id",
            "kind",
            "lead_minutes",
            name="uq_deliveries_plan",
        ),
        # Workers look for due pending rows; a partial index keeps that scan small on PostgreSQL.
        Index(
            "ix_deliveries_due",
            "next_attempt_at",
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
        # ... and take the ready ones in the order they are due: walked in order, it stops at
        # the batch's end, skipping only the rows in flight or waiting out a back-off.
        Index(
            "ix_deliveries_queue",
            "due_at",
            "id",
            postgresql_where=text("status = 'pending'"),
            sqlite_where=text("status = 'pending'"),
        ),
        # The rows workers hold right now: checked against the workers still alive.
        Index(
            "ix_deliveries_claimed",
            "claimed_by",
            postgresql_where=text("status = 'pending' AND claimed_until IS NOT NULL"),
            sqlite_where=text("status = 'pending' AND claimed_until IS NOT NULL"),
        ),
        Index("ix_deliveries_user_status", "user_id", "status"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    event_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("astro_events.id", ondelete="SET NULL")
    )
    target_type: Mapped[TargetType] = mapped_column(_stored_as_value(TargetType))
    target_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[DeliveryKind] = mapped_column(_stored_as_value(DeliveryKind))
    lead_minutes: Mapped[int] = mapped_column(default=0)
    # Channel posts carry their language; a user's comes from the user row at send time.
    language: Mapped[str | None] = mapped_column(String(8))
    payload: Mapped[dict[str, Any] | None]
    status: Mapped[DeliveryStatus] = mapped_column(
        _stored_as_value(DeliveryStatus), default=DeliveryStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(default=0)
    # When the message should arrive (a reminder's "1 hour before"): the queue's order, and the
    # start of its late grace. next_attempt_at is when it may go: earlier when the planner
    # spreads a crowd of messages before their time, later for a back-off or a lease.
    due_at: Mapped[datetime] = mapped_column(default=_due_when_first_tried)
    next_attempt_at: Mapped[datetime]
    claimed_until: Mapped[datetime | None]
    claimed_by: Mapped[str | None] = mapped_column(String(64))
    sent_at: Mapped[datetime | None]
    telegram_message_id: Mapped[int | None] = mapped_column(BigInteger)
    last_error: Mapped[str | None] = mapped_column(Text)
