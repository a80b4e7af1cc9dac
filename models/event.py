"""Astronomical events as computed by astro/ and stored for the calendar and the scheduler."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, TimestampMixin


class AstroEvent(TimestampMixin, Base):
    """One event of the sky at one instant (UTC)."""

    __tablename__ = "astro_events"
    __table_args__ = (
        UniqueConstraint("kind", "occurs_at"),
        # Calendar pages and the planner read events by time range.
        Index("ix_astro_events_occurs_at", "occurs_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    kind: Mapped[str] = mapped_column(String(32))
    # The planet or meteor shower the event is about; "" when the kind says it all.
    subject: Mapped[str] = mapped_column(String(32), default="", server_default="")
    occurs_at: Mapped[datetime]
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    significance: Mapped[float] = mapped_column(default=0.0)
