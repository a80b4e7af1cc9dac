"""The scheduler role: APScheduler jobs (horizon, planning) and the delivery worker, until stop."""

import asyncio
from datetime import UTC, datetime, timedelta

import sentry_sdk
import structlog
from apscheduler.events import (  # type: ignore[import-untyped]
    EVENT_JOB_ERROR,
    EVENT_JOB_MISSED,
    JobExecutionEvent,
)
from apscheduler.schedulers.asyncio import AsyncIOScheduler  # type: ignore[import-untyped]
from apscheduler.triggers.interval import IntervalTrigger  # type: ignore[import-untyped]

from core.runtime import Runtime
from scheduler.horizon import refresh_horizon
from scheduler.job_metrics import PLAN_SHORTFALL, PLAN_SHORTFALL_SECONDS, read_gauges, timed
from scheduler.leader import Leadership
from scheduler.planner import plan_deliveries
from scheduler.telegram_send import TelegramSender
from scheduler.worker import DeliveryWorker

log = structlog.get_logger(__name__)
# How often each scheduler process reads the outbox and horizon gauges from the database.
GAUGES_SECONDS = 15


class Jobs:
    """The periodic jobs; each runs only in the process that holds the planner lock."""

    def __init__(self, runtime: Runtime, leadership: Leadership, worker: DeliveryWorker) -> None:
        self._runtime = runtime
        self._leadership = leadership
        self._worker = worker
        # Shutdown waits for a running job before the engine goes away.
        self.busy = asyncio.Lock()

    async def plan(self) -> None:
        """Write the deliveries due soon into the outbox."""
        async with self.busy:
            if not await self._leadership.check():
                return
            async with self._runtime.sessionmaker.begin() as session:
                report = await plan_deliveries(session, self._runtime.settings, datetime.now(UTC))
        PLAN_SHORTFALL.set(report.shortfall)
        PLAN_SHORTFALL_SECONDS.set(report.late_seconds)
        if report.shortfall:
            log.warning(
                "more reminders are due than the rate can send in time",
                late_messages=report.shortfall,
                late_seconds=round(report.late_seconds, 1),
            )
        if report.announcements or report.reminders or report.web_pushes:
            log.info(
                "deliveries planned",
                announcements=report.announcements,
                reminders=report.reminders,
                web_pushes=report.web_pushes,
            )
            self._worker.wake.set()

    async def refresh_horizon(self) -> None:
        """Recompute the stored events of the coming horizon_days."""
        async with self.busy:
            if not await self._leadership.check():
                return
            async with self._runtime.sessionmaker.begin() as session:
                await refresh_horizon(
                    session, datetime.now(UTC), self._runtime.settings.scheduler.horizon_days
                )

    async def read_gauges(self) -> None:
        """Read the outbox backlog and horizon coverage for /metrics (every process does)."""
        async with self._runtime.sessionmaker() as session:
            await read_gauges(session, datetime.now(UTC))


def create_scheduler(jobs: Jobs, *, plan_seconds: int, horizon: bool) -> AsyncIOScheduler:
    """An AsyncIOScheduler with our jobs; a failing job is logged and reported, never fatal."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    now = datetime.now(UTC)
    defaults = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
    scheduler.add_job(
        timed("plan", jobs.plan),
        IntervalTrigger(seconds=plan_seconds),
        id="plan",
        next_run_time=now,
        **defaults,
    )
    scheduler.add_job(
        timed("gauges", jobs.read_gauges),
        IntervalTrigger(seconds=GAUGES_SECONDS),
        id="gauges",
        next_run_time=now,
        **defaults,
    )
    if horizon:
        scheduler.add_job(
            timed("refresh_horizon", jobs.refresh_horizon),
            IntervalTrigger(days=1),
            id="refresh_horizon",
            next_run_time=now + timedelta(seconds=1),
            **defaults,
        )
    scheduler.add_listener(_on_job_event, EVENT_JOB_ERROR | EVENT_JOB_MISSED)
    return scheduler


def _on_job_event(event: JobExecutionEvent) -> None:
    if event.exception is None:
        log.warning("job run missed", job=event.job_id)
        return
    if isinstance(event.exception, asyncio.CancelledError):
        # A run that was still waiting for its turn when the process stopped: not a failure.
        log.info("job cancelled at shutdown", job=event.job_id)
        return
    log.error("job failed", job=event.job_id, exc_info=event.exception)
    sentry_sdk.capture_exception(event.exception)


async def serve(runtime: Runtime, stop: asyncio.Event) -> None:
    """Run the jobs and the delivery worker until `stop` is set, then finish the work in hand."""
    settings = runtime.settings
    sender = None
    if settings.telegram.bot_token is not None:
        sender = TelegramSender.from_settings(settings.telegram)
    else:
        log.warning("TELEGRAM_BOT_TOKEN is not set: Telegram deliveries wait for one")
    worker = DeliveryWorker.from_runtime(runtime, sender)
    leadership = Leadership(runtime.engine)
    jobs = Jobs(runtime, leadership, worker)
    scheduler = create_scheduler(
        jobs,
        plan_seconds=settings.scheduler.plan_interval_seconds,
        horizon=settings.scheduler.refresh_horizon,
    )
    scheduler.start()
    log.info("scheduler started", worker=worker.worker_id)
    try:
        await worker.run(stop)
    finally:
        # No new runs; the run in hand (it holds `busy`) finishes before the engine goes away.
        scheduler.pause()
        async with jobs.busy:
            scheduler.shutdown(wait=False)
            await leadership.release()
        if sender is not None:
            await sender.close()
