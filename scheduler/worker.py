"""The delivery worker: claim due rows in small batches, send each, record the outcomes in batches.

Guarantee (Telegram has no idempotency key): every planned message is sent at least once,
and a duplicate needs a crash between Telegram accepting a send and the outcome's commit. A
sender keeps its slot until that commit (retried on fresh connections while the database is
unreachable), and no send starts while outcomes cannot be written, while this worker's
liveness lock is lost, or while the Bot API is out; so one crash, or an outage of any length,
gives at most the slots in use (scheduler.slots: never more than `send_concurrency`)
recipients one duplicate each. Rows a dead worker held come back within seconds
(scheduler.liveness), or when their lease (`lease_seconds`) expires.
"""

import asyncio
import contextlib
import dataclasses
import math
import os
import socket
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from astro.zones import hemisphere
from core.bus import Bus
from core.config import Settings
from core.errors import DOMAIN_ERRORS
from core.languages import DEFAULT_LANGUAGE
from core.push import WS_CHANNEL, Everyone, PushAudience, PushEnvelope, ToUser
from core.runtime import Runtime
from models.delivery import DeliveryKind, TargetType
from scheduler import outcomes
from scheduler.circuit import Circuit
from scheduler.connection import KeptConnection, is_unavailable
from scheduler.job_metrics import DELIVERY_GIVE_UPS, DELIVERY_RETRIES, SEND_CONCURRENCY
from scheduler.limiter import Limits, RateLimiter
from scheduler.liveness import Liveness
from scheduler.outage import Outage
from scheduler.outbox import (
    Claim,
    EventInfo,
    Recipient,
    claim_due,
    load_events,
    load_recipients,
    telegram_chat,
)
from scheduler.outcomes import Outcome, OutcomeRecorder
from scheduler.photos import PhotoPoster, PictureSender
from scheduler.planner import WEB_EVERYONE
from scheduler.render import Audience, MessageRenderer, Visibility
from scheduler.slots import AdaptiveSlots
from scheduler.telegram_send import SendResult, SendStatus, TelegramSender
from scheduler.visibility import visibility

log = structlog.get_logger(__name__)

# (event, latitude, longitude) -> when it is visible there; None when the kind has no such notion.
VisibilityFn = Callable[[EventInfo, float, float], Visibility | None]
# How long shutdown waits for sends in flight before abandoning them to their lease.
_SHUTDOWN_GRACE = 10.0
# Claims that find the database unreachable are tried again after a pause growing to this.
_RECLAIM_MAX = 5.0


def write_batch(per_second: float, slots: int) -> int:
    """Outcomes written together: what arrives in 50 ms, and at most half the slots.

    Half the slots: senders waiting for a write never starve the rate limiter. No more than
    50 ms worth: slots follow the time a sender holds one, which includes this wait, and a
    batch growing with the slots alone would grow the wait and the slots with it.
    """
    return max(1, min(slots // 2, math.ceil(per_second * 0.05)))


def new_worker_id() -> str:
    """A name for this worker, unique across hosts and processes."""
    return f"{socket.gethostname()[:32]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True, slots=True)
class _Batch:
    events: dict[uuid.UUID, EventInfo]
    recipients: dict[uuid.UUID, Recipient]


class DeliveryWorker:
    """Sends due deliveries: Telegram messages through the limiter, web pushes on the bus."""

    def __init__(
        self,
        *,
        settings: Settings,
        sessionmaker: async_sessionmaker[AsyncSession],
        bus: Bus,
        sender: TelegramSender | None,
        limiter: RateLimiter,
        renderer: MessageRenderer,
        visibility: VisibilityFn | None = None,
        worker_id: str | None = None,
        photos: PhotoPoster | None = None,
    ) -> None:
        self.settings = settings
        self.config = settings.scheduler
        self.worker_id = worker_id or new_worker_id()
        self._sessionmaker = sessionmaker
        self._bus = bus
        self._sender = sender
        self._limiter = limiter
        self._renderer = renderer
        self._photos = photos
        self._visibility = visibility
        self._claims_db = KeptConnection(sessionmaker)
        self._slots = AdaptiveSlots(
            limiter.limits.per_second,
            floor=self.config.send_burst,
            ceiling=self.config.send_concurrency,
        )
        SEND_CONCURRENCY.set_function(lambda: self._slots.limit)
        self._database = Outage("database")
        self._recorder = OutcomeRecorder(
            sessionmaker,
            self.worker_id,
            linger=self.config.record_linger_seconds,
            batch=lambda: write_batch(limiter.limits.per_second, self._slots.limit),
            database=self._database,
        )
        self._liveness = Liveness(self._claims_db.engine, self.worker_id)
        self._circuit = Circuit(self._probe)
        # A send starts only when all are set: outcomes can be written, this worker is known to
        # be alive, and the Bot API answers.
        self._send_gates = (
            self._database.up,
            self._recorder.clear,
            self._liveness.held,
            self._circuit.outage.up,
        )
        self._tasks: set[asyncio.Task[None]] = set()
        # When each delivery's (last) request went out: the slot's hold starts there.
        self._sent_at: dict[int, float] = {}
        self._stop = asyncio.Event()
        self.wake = asyncio.Event()
        self.stats: Counter[str] = Counter()
        lease = self.config.lease_seconds
        # A send starts only with a third of the lease left, and may take at most that long.
        self._margin = timedelta(seconds=lease / 3)
        self._send_timeout = lease / 3

    @classmethod
    def from_runtime(cls, runtime: Runtime, sender: TelegramSender | None) -> "DeliveryWorker":
        """The process's worker: its own rate limiter share, the runtime's bus and catalogues."""
        return cls(
            settings=runtime.settings,
            sessionmaker=runtime.sessionmaker,
            bus=runtime.bus,
            sender=sender,
            limiter=RateLimiter(Limits.from_settings(runtime.settings.scheduler)),
            renderer=MessageRenderer(runtime.i18n),
            visibility=visibility,
            photos=None
            if sender is None
            else PhotoPoster.from_settings(
                runtime.settings.telegram, sender, runtime.sessionmaker, runtime.i18n
            ),
        )

    @property
    def outcome_writes(self) -> int:
        """How many batched outcome writes this worker has committed (or tried to)."""
        return self._recorder.writes

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver until `stop` is set, then let sends in flight finish (briefly)."""
        self._stop = stop
        # The lock outlives the drain: others must not take rows whose outcome is being written.
        alive = asyncio.Event()
        liveness = asyncio.create_task(self._liveness.run(alive))
        failures = 0
        # Claims wait while a write is retried: a row whose lease ran out meanwhile must not
        # be claimed again before its outcome is known.
        claim_gates = (self._recorder.clear, self._liveness.held, self._circuit.outage.up)
        while await self._until(claim_gates):
            try:
                started = await self.run_once()
            except Exception as exc:
                failures += 1
                if not is_unavailable(exc):
                    log.exception("claiming deliveries failed", worker=self.worker_id)
                elif failures > 1:
                    # A stale connection fails once; twice in a row, the database is down.
                    self._database.begin(f"claims fail: {type(exc).__name__}")
                await self._sleep(min(_RECLAIM_MAX, 0.1 * 2**failures))
                continue
            failures = 0
            self._database.end()
            if not started:
                await self._idle(stop)
        await self.drain()
        alive.set()
        await liveness
        await self._circuit.close()
        await self._claims_db.close()
        await self._recorder.close()
        if self._photos is not None:
            await self._photos.close()

    async def run_once(self) -> int:
        """Claim one batch and start delivering it; return how many rows were claimed."""
        claims, batch = await self._claim()
        for claim in claims:
            await self._slots.acquire()
            task = asyncio.create_task(self._process(claim, batch))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return len(claims)

    async def _until(self, gates: tuple[asyncio.Event, ...]) -> bool:
        """Wait until every gate is open at once; False when the worker stops first."""
        while not self._stop.is_set():
            closed = next((gate for gate in gates if not gate.is_set()), None)
            if closed is None:
                return True
            waiters = [
                asyncio.ensure_future(closed.wait()),
                asyncio.ensure_future(self._stop.wait()),
            ]
            await asyncio.wait(waiters, return_when="FIRST_COMPLETED")
            for waiter in waiters:
                waiter.cancel()
            await asyncio.gather(*waiters, return_exceptions=True)
        return False

    async def _sleep(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(seconds):
                await self._stop.wait()

    async def _probe(self) -> bool:
        return self._sender is None or await self._sender.probe(self._send_timeout)

    async def drain(self) -> None:
        """Wait for the sends in flight; those still running after a grace period are cancelled."""
        if not self._tasks:
            return
        _, pending = await asyncio.wait(set(self._tasks), timeout=_SHUTDOWN_GRACE)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    async def _idle(self, stop: asyncio.Event) -> None:
        self.wake.clear()
        waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(self.wake.wait())]
        await asyncio.wait(
            waiters, timeout=self.config.idle_poll_seconds, return_when="FIRST_COMPLETED"
        )
        for waiter in waiters:
            waiter.cancel()
        await asyncio.gather(*waiters, return_exceptions=True)

    async def _claim(self) -> tuple[list[Claim], _Batch]:
        now = datetime.now(UTC)
        try:
            connection = await self._claims_db.get()
            claims = await claim_due(
                connection,
                self.worker_id,
                now,
                timedelta(seconds=self.config.lease_seconds),
                self.config.batch_size,
            )
        except BaseException:
            await self._claims_db.discard()
            raise
        self.stats["claimed"] += len(claims)
        return claims, await self._load(claims)

    async def _load(self, claims: list[Claim]) -> _Batch:
        """What the claimed rows need; retried on fresh connections while the database is away.

        The claim is committed: given up here, its rows would wait out their lease.
        """
        pause = 0.0
        while True:
            try:
                connection = await self._claims_db.get()
                events = await load_events(
                    connection, {claim.event_id for claim in claims if claim.event_id is not None}
                )
                recipients = await load_recipients(
                    connection, {claim.user_id for claim in claims if claim.user_id is not None}
                )
                return _Batch(events, recipients)
            except BaseException as exc:
                await self._claims_db.discard()
                if not is_unavailable(exc) or self._stop.is_set():
                    raise
            await self._sleep(pause)
            pause = min(_RECLAIM_MAX, max(0.1, pause * 2))

    async def _process(self, claim: Claim, batch: _Batch) -> None:
        try:
            outcome = await self._deliver(claim, batch)
            if outcome is None:
                return
            outcome = dataclasses.replace(outcome, lease_until=claim.lease_until)
            self.stats[outcome.status.value] += 1
            await self._recorder.record(outcome)
        except Exception:
            # The row keeps its lease and returns when it expires.
            log.exception("delivery failed unexpectedly", delivery=claim.id)
        finally:
            self._slots.release(self._sent_at.pop(claim.id, None))

    async def _deliver(self, claim: Claim, batch: _Batch) -> Outcome | None:
        if claim.attempts > self.config.max_attempts:
            return _give_up(claim, "attempts", f"gave up after {claim.attempts - 1} attempts")
        now = datetime.now(UTC)
        if now > claim.due_at + timedelta(minutes=self.config.late_grace_minutes):
            return _give_up(claim, "expired", f"expired: due at {claim.due_at.isoformat()}")
        event = None
        if claim.kind != DeliveryKind.BROADCAST:
            event = batch.events.get(claim.event_id) if claim.event_id else None
            if event is None:
                return outcomes.dropped(claim.id, "event_deleted")
            if claim.lead_minutes > 0 and event.occurs_at <= now:
                # "In an hour" read after the event is wrong, not late.
                return _give_up(claim, "expired", "expired: the event has begun")
        try:
            match claim.target_type:
                case TargetType.WEB:
                    return await self._push(claim, event, batch)
                case TargetType.CHANNEL:
                    return await self._post(claim, event)
                case TargetType.USER:
                    return await self._message(claim, event, batch)
        except DOMAIN_ERRORS as exc:
            # Data the renderer cannot use (unknown kind, bad payload): retrying will not help.
            return _give_up(claim, "invalid", f"{exc.code}: {exc}")

    async def _push(self, claim: Claim, event: EventInfo | None, batch: _Batch) -> Outcome:
        if event is None:
            return outcomes.failed(claim.id, "web push without an event")
        data = self._renderer.web_push(event, claim.lead_minutes)
        if claim.target_id == WEB_EVERYONE:
            # Encoded once for everybody: each web process adds the title per language group.
            await self._publish(Everyone(), "event.upcoming", claim, data)
            return outcomes.sent(claim.id, None)
        recipient = batch.recipients.get(claim.user_id) if claim.user_id else None
        if recipient is None or not recipient.reachable:
            return outcomes.dropped(claim.id, "user_deleted_or_inactive")
        await self._publish(ToUser(recipient.id), "reminder", claim, data)
        return outcomes.sent(claim.id, None)

    async def _publish(
        self, audience: PushAudience, kind: str, claim: Claim, data: dict[str, object]
    ) -> None:
        message_id = f"{claim.kind}:{claim.event_id}:{claim.lead_minutes}:{claim.target_id}"
        push = PushEnvelope(audience, kind, message_id, data)
        await self._bus.publish(WS_CHANNEL, push.encode())

    async def _post(self, claim: Claim, event: EventInfo | None) -> Outcome:
        if event is None:
            return outcomes.failed(claim.id, "channel post without an event")
        audience = Audience(claim.language or DEFAULT_LANGUAGE, self.settings.default_timezone)
        text = self._renderer.event_message(
            claim.kind, event, claim.lead_minutes, audience, datetime.now(UTC)
        )
        picture = await self._picture_sender(event, audience, text)
        return await self._telegram(claim, telegram_chat(claim), text, html=True, picture=picture)

    async def _message(self, claim: Claim, event: EventInfo | None, batch: _Batch) -> Outcome:
        recipient = batch.recipients.get(claim.user_id) if claim.user_id else None
        if recipient is None:
            return outcomes.dropped(claim.id, "user_deleted")
        if not recipient.reachable:
            return outcomes.dropped(claim.id, "user_inactive_or_blocked")
        if recipient.telegram_user_id is None:
            return outcomes.dropped(claim.id, "no_telegram_account")
        if event is None:
            text = (claim.payload or {}).get("text")
            if not isinstance(text, str) or not text.strip():
                return _give_up(claim, "invalid", "broadcast without text")
            # An admin's broadcast goes out exactly as typed, not parsed as HTML.
            return await self._telegram(claim, recipient.telegram_user_id, text, html=False)
        audience = Audience(
            recipient.language,
            recipient.timezone,
            hemisphere(recipient.latitude, recipient.timezone),
        )
        text = self._renderer.event_message(
            claim.kind, event, claim.lead_minutes, audience, datetime.now(UTC)
        )
        line = self._visibility_line(event, recipient, audience)
        if line:
            text = f"{text}\n{line}"
        picture = await self._picture_sender(event, audience, text)
        return await self._telegram(
            claim, recipient.telegram_user_id, text, html=True, picture=picture
        )

    async def _picture_sender(
        self, event: EventInfo, audience: Audience, text: str
    ) -> PictureSender | None:
        """The sender of this message with the event's picture, if it has one that fits."""
        return None if self._photos is None else await self._photos.prepare(event, audience, text)

    def _visibility_line(
        self, event: EventInfo, recipient: Recipient, audience: Audience
    ) -> str | None:
        if self._visibility is None or recipient.latitude is None or recipient.longitude is None:
            return None
        visibility = self._visibility(event, recipient.latitude, recipient.longitude)
        return None if visibility is None else self._renderer.visibility_line(visibility, audience)

    async def _telegram(
        self,
        claim: Claim,
        chat: int | str,
        text: str,
        *,
        html: bool,
        picture: PictureSender | None = None,
    ) -> Outcome:
        if self._sender is None:
            DELIVERY_RETRIES.labels("no_token").inc()
            return outcomes.retry_at(
                claim.id, self._retry_time(claim), "no bot token configured", refund=True
            )
        result = await self._send(picture or self._sender, claim, chat, text, html=html)
        if result is None:
            # Not sent: give the row back now rather than when the lease runs out.
            self.stats["released"] += 1
            DELIVERY_RETRIES.labels("released").inc()
            return outcomes.retry_at(claim.id, datetime.now(UTC), "released", refund=True)
        match result.status:
            case SendStatus.SENT:
                return outcomes.sent(claim.id, result.message_id)
            case SendStatus.FORBIDDEN if claim.target_type == TargetType.USER:
                return outcomes.dropped(claim.id, result.reason, blocked_user=claim.user_id)
            case SendStatus.FORBIDDEN:
                return _give_up(claim, "forbidden", result.reason)
            case SendStatus.REJECTED:
                return _give_up(claim, "rejected", result.reason)
        if self._circuit.failed(result.reason):
            # The Bot API is out: not this message's fault, so it keeps its attempts and its
            # place (its due time) in the queue for when the circuit closes.
            DELIVERY_RETRIES.labels("outage").inc()
            return outcomes.retry_at(claim.id, datetime.now(UTC), result.reason, refund=True)
        if claim.attempts >= self.config.max_attempts:
            return _give_up(claim, "attempts", result.reason)
        DELIVERY_RETRIES.labels("transient").inc()
        return outcomes.retry_at(claim.id, self._retry_time(claim), result.reason)

    async def _send(
        self,
        sender: TelegramSender | PictureSender,
        claim: Claim,
        chat: int | str,
        text: str,
        *,
        html: bool,
    ) -> SendResult | None:
        """Send once every gate is open and the limiter gives a turn; None: not sent."""
        while True:
            if await self._until(self._send_gates):
                await self._limiter.acquire(chat)
                if not all(gate.is_set() for gate in self._send_gates):
                    continue  # paused while this sender waited for its turn
            if self._stop.is_set() or datetime.now(UTC) > claim.lease_until - self._margin:
                return None
            # Outcomes due before the next turn go now, with this request: one wake-up for both.
            self._recorder.nudge(self._limiter.tick)
            self._sent_at[claim.id] = self._slots.now()
            result = await sender.send(
                chat,
                text,
                html=html,
                paid_broadcast=self.config.paid_broadcast,
                timeout=self._send_timeout,
            )
            if result.status is SendStatus.TRANSIENT:
                return result
            self._circuit.succeeded()
            if result.status is not SendStatus.RETRY_AFTER:
                return result
            self.stats["rate_limited"] += 1
            log.warning("telegram asked to slow down", retry_after=result.retry_after, chat=chat)
            self._limiter.pause(result.retry_after)

    def _retry_time(self, claim: Claim) -> datetime:
        return datetime.now(UTC) + outcomes.backoff(
            claim.attempts, self.config.retry_base_seconds, self.config.retry_max_seconds
        )


def _give_up(claim: Claim, cause: str, reason: str) -> Outcome:
    """Fail `claim` for a reason about itself, logged and counted by `cause`."""
    DELIVERY_GIVE_UPS.labels(cause).inc()
    log.warning("delivery given up", delivery=claim.id, cause=cause, reason=reason)
    return outcomes.failed(claim.id, reason)
