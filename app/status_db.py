"""What `starscalendars status` reads from the database: users, outbox, delivery lag, horizon."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.delivery import Delivery, DeliveryStatus
from models.event import AstroEvent
from models.user import User
from scheduler.job_metrics import outbox_snapshot

LAG_WINDOW = timedelta(hours=1)
# The lag figures come from the newest sends of the window, at most this many rows.
LAG_SAMPLE = 5000


@dataclass(frozen=True, slots=True)
class DatabaseReport:
    """The database side of the status: who uses the platform and how deliveries keep up."""

    users_by_language: dict[str, int]
    backlog: dict[str, int]
    oldest_due: datetime | None
    sent_last_hour: int
    lag_p50_seconds: float | None
    lag_max_seconds: float | None
    horizon_first: datetime | None
    horizon_last: datetime | None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON (instants in ISO 8601)."""
        return {
            "users_by_language": self.users_by_language,
            "backlog": self.backlog,
            "oldest_due": _iso(self.oldest_due),
            "sent_last_hour": self.sent_last_hour,
            "lag_p50_seconds": self.lag_p50_seconds,
            "lag_max_seconds": self.lag_max_seconds,
            "horizon_first": _iso(self.horizon_first),
            "horizon_last": _iso(self.horizon_last),
        }


def _iso(instant: datetime | None) -> str | None:
    return None if instant is None else instant.isoformat()


async def read_database(session: AsyncSession, now: datetime) -> DatabaseReport:
    """Active users by language, the outbox and how late the last hour's sends were."""
    languages = await session.execute(
        select(User.language, func.count())
        .where(User.is_active, User.bot_blocked_at.is_(None))
        .group_by(User.language)
    )
    snapshot = await outbox_snapshot(session, now)
    # Lag = sent_at − when the send was planned for (the event's instant minus its lead).
    recent = await session.execute(
        select(Delivery.sent_at, AstroEvent.occurs_at, Delivery.lead_minutes)
        .join(AstroEvent, AstroEvent.id == Delivery.event_id)
        .where(Delivery.status == DeliveryStatus.SENT, Delivery.sent_at >= now - LAG_WINDOW)
        .order_by(Delivery.sent_at.desc())
        .limit(LAG_SAMPLE)
    )
    lags = sorted(
        (sent_at - (occurs_at - timedelta(minutes=lead))).total_seconds()
        for sent_at, occurs_at, lead in recent
        if sent_at is not None
    )
    sent = await session.scalar(
        select(func.count()).where(
            Delivery.status == DeliveryStatus.SENT, Delivery.sent_at >= now - LAG_WINDOW
        )
    )
    return DatabaseReport(
        users_by_language=dict(languages.tuples().all()),
        backlog={f"{kind}/{status}": n for (kind, status), n in sorted(snapshot.backlog.items())},
        oldest_due=snapshot.oldest_due,
        sent_last_hour=sent or 0,
        lag_p50_seconds=lags[len(lags) // 2] if lags else None,
        lag_max_seconds=lags[-1] if lags else None,
        horizon_first=snapshot.horizon_first,
        horizon_last=snapshot.horizon_last,
    )
