"""The scheduler's metrics: job runs, outbox backlog, horizon, and the delivery worker's faults."""

import functools
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime

from prometheus_client import Counter, Gauge, Histogram
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.metrics import DURATION_BUCKETS
from models.delivery import Delivery, DeliveryStatus
from models.event import AstroEvent

JOB_RUNS = Counter(
    "scheduler_job_runs", "Job runs, by job and result (ok, error).", ["job", "result"]
)
JOB_SECONDS = Histogram(
    "scheduler_job_duration_seconds",
    "Time a job run took, by job.",
    ["job"],
    buckets=DURATION_BUCKETS,
)
OUTBOX = Gauge(
    "outbox_deliveries",
    "Deliveries waiting (pending) or given up (failed) in the outbox, by kind and status.",
    ["kind", "status"],
)
OUTBOX_OLDEST_DUE = Gauge(
    "outbox_oldest_due_timestamp_seconds",
    "When the oldest pending delivery became due (Unix time; 0 when none is due).",
)
HORIZON = Gauge(
    "horizon_edge_timestamp_seconds",
    "First and last stored event instants (Unix time; 0 when none is stored).",
    ["edge"],
)
OUTAGES = Counter(
    "scheduler_outages",
    "Starts and ends of outages the delivery worker paused for, by dependency and edge.",
    ["dependency", "edge"],  # dependency: bot_api, database; edge: start, end
)
DELIVERY_RETRIES = Counter(
    "scheduler_delivery_retries",
    "Deliveries put back for another try, by cause.",
    ["cause"],  # transient (charged one attempt), outage, released (not sent), no_token
)
DELIVERY_GIVE_UPS = Counter(
    "scheduler_delivery_give_ups",
    "Deliveries that ended failed, by cause.",
    ["cause"],  # attempts, expired, rejected, forbidden, invalid
)
SEND_CONCURRENCY = Gauge(
    "scheduler_send_concurrency",
    "Sends this process lets be in flight now: the rate times the observed slot time.",
)
PLAN_SHORTFALL = Gauge(
    "scheduler_plan_shortfall",
    "Messages the last planning run expects to send after their time: more than the rate allows.",
)
PLAN_SHORTFALL_SECONDS = Gauge(
    "scheduler_plan_shortfall_seconds",
    "How late the last planning run expects its latest message to be (0 when all are on time).",
)
# The statuses that stay small: sent and dropped rows only grow, and are not a backlog.
_BACKLOG = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)

Job = Callable[[], Awaitable[None]]


def timed(name: str, job: Job) -> Job:
    """`job`, counted and timed under `name` (a failure is counted and raised on)."""

    @functools.wraps(job)
    async def run() -> None:
        started = time.perf_counter()
        result = "error"
        try:
            await job()
            result = "ok"
        finally:
            JOB_SECONDS.labels(name).observe(time.perf_counter() - started)
            JOB_RUNS.labels(name, result).inc()

    return run


@dataclass(frozen=True, slots=True)
class OutboxSnapshot:
    """The outbox backlog by (kind, status), its oldest due instant, and the stored horizon."""

    backlog: dict[tuple[str, str], int]
    oldest_due: datetime | None
    horizon_first: datetime | None
    horizon_last: datetime | None


async def outbox_snapshot(session: AsyncSession, now: datetime) -> OutboxSnapshot:
    """Read the backlog and the horizon (three aggregate queries on indexed columns)."""
    counts = await session.execute(
        select(Delivery.kind, Delivery.status, func.count())
        .where(Delivery.status.in_(_BACKLOG))
        .group_by(Delivery.kind, Delivery.status)
    )
    oldest = await session.scalar(
        select(func.min(Delivery.next_attempt_at)).where(
            Delivery.status == DeliveryStatus.PENDING, Delivery.next_attempt_at <= now
        )
    )
    first, last = (
        await session.execute(
            select(func.min(AstroEvent.occurs_at), func.max(AstroEvent.occurs_at))
        )
    ).one()
    backlog = {(str(kind), str(status)): count for kind, status, count in counts}
    return OutboxSnapshot(backlog, oldest, first, last)


async def read_gauges(session: AsyncSession, now: datetime) -> None:
    """Set the outbox and horizon gauges from the database."""
    snapshot = await outbox_snapshot(session, now)
    OUTBOX.clear()
    for (kind, status), count in snapshot.backlog.items():
        OUTBOX.labels(kind, status).set(count)
    OUTBOX_OLDEST_DUE.set(_timestamp(snapshot.oldest_due))
    HORIZON.labels("first").set(_timestamp(snapshot.horizon_first))
    HORIZON.labels("last").set(_timestamp(snapshot.horizon_last))


def _timestamp(instant: datetime | None) -> float:
    return 0.0 if instant is None else instant.timestamp()
