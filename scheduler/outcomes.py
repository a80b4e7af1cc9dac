"""What happened to a claimed delivery, and writing that down in few, batched statements."""

import asyncio
import contextlib
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import Table, bindparam, func, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from models.delivery import Delivery, DeliveryStatus, TargetType
from models.user import User
from scheduler.connection import KeptConnection, is_unavailable
from scheduler.outage import Outage

_deliveries = cast(Table, Delivery.__table__)
_LEASE = bindparam("b_lease", type_=_deliveries.c.claimed_until.type)
# Outcome writes that found the database unreachable are tried again after these pauses; the
# first retry is immediate, since a connection the server closed fails only its first statement.
_REWRITE_FIRST = 0.2
_REWRITE_MAX = 5.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """The new state of one delivery; `blocked_user` also blocks that user everywhere."""

    delivery_id: int
    status: DeliveryStatus
    reason: str | None = None
    next_attempt_at: datetime | None = None
    sent_at: datetime | None = None
    message_id: int | None = None
    # A 429 or a shutdown gives the row back without spending one of its attempts.
    refund_attempt: bool = False
    blocked_user: uuid.UUID | None = None
    # The lease of the claim this outcome ends: it names that claim, so the outcome of an older
    # claim (one that waited out its lease) cannot overwrite a newer claim of the same row.
    lease_until: datetime | None = None


def sent(delivery_id: int, message_id: int | None) -> Outcome:
    """The message went out now (`message_id` is Telegram's, None for web pushes)."""
    return Outcome(
        delivery_id, DeliveryStatus.SENT, sent_at=datetime.now(UTC), message_id=message_id
    )


def retry_at(delivery_id: int, at: datetime, reason: str, *, refund: bool = False) -> Outcome:
    """Try again at `at`."""
    return Outcome(
        delivery_id, DeliveryStatus.PENDING, reason, next_attempt_at=at, refund_attempt=refund
    )


def failed(delivery_id: int, reason: str) -> Outcome:
    """Give up: the reason says why (a 400, a wrong chat, too many attempts)."""
    return Outcome(delivery_id, DeliveryStatus.FAILED, reason)


def dropped(delivery_id: int, reason: str, blocked_user: uuid.UUID | None = None) -> Outcome:
    """No longer wanted (event deleted, user gone or blocked the bot)."""
    return Outcome(delivery_id, DeliveryStatus.DROPPED, reason, blocked_user=blocked_user)


def backoff(attempt: int, base: float, cap: float) -> timedelta:
    """Exponential backoff with equal jitter: half the step fixed, half random."""
    step = min(cap, base * 2 ** max(0, attempt - 1))
    return timedelta(seconds=step / 2 + random.uniform(0, step / 2))  # noqa: S311 - not crypto


# Built once: the worker runs it for every few messages, and its compiled form is cached.
_WRITE_OUTCOME = (
    _deliveries.update()
    .where(
        _deliveries.c.id == bindparam("b_id"),
        _deliveries.c.claimed_by == bindparam("b_by"),
        _deliveries.c.claimed_until == _LEASE,
    )
    .values(
        status=bindparam("b_status"),
        last_error=bindparam("b_reason"),
        next_attempt_at=func.coalesce(
            bindparam("b_next", type_=_deliveries.c.next_attempt_at.type),
            _deliveries.c.next_attempt_at,
        ),
        sent_at=bindparam("b_sent_at"),
        telegram_message_id=bindparam("b_message_id"),
        attempts=_deliveries.c.attempts - bindparam("b_refund"),
        # claimed_by stays: it names the worker that sent (or last tried) the row.
        claimed_until=None,
        updated_at=bindparam("b_now"),
    )
)


async def write_outcomes(
    connection: AsyncConnection, worker_id: str, outcomes: list[Outcome]
) -> None:
    """Store outcomes of the claims this worker still holds; rows claimed again are left."""
    now = datetime.now(UTC)
    await connection.execute(
        _WRITE_OUTCOME,
        [
            {
                "b_id": outcome.delivery_id,
                "b_by": worker_id,
                "b_status": outcome.status.value,
                "b_reason": outcome.reason,
                "b_next": outcome.next_attempt_at,
                "b_sent_at": outcome.sent_at,
                "b_message_id": outcome.message_id,
                "b_refund": int(outcome.refund_attempt),
                "b_lease": outcome.lease_until,
                "b_now": now,
            }
            for outcome in outcomes
        ],
    )
    blocked = {outcome.blocked_user for outcome in outcomes if outcome.blocked_user is not None}
    if blocked:
        await block_users(connection, blocked, now)


async def block_users(
    connection: AsyncConnection, user_ids: set[uuid.UUID], now: datetime
) -> None:
    """Mark users as having blocked the bot and drop their pending Telegram messages."""
    await connection.execute(
        update(User)
        .where(User.id.in_(user_ids), User.bot_blocked_at.is_(None))
        .values(bot_blocked_at=now)
    )
    await connection.execute(
        update(Delivery)
        .where(
            Delivery.user_id.in_(user_ids),
            Delivery.status == DeliveryStatus.PENDING,
            Delivery.target_type == TargetType.USER,
        )
        .values(status=DeliveryStatus.DROPPED, last_error="bot_blocked", updated_at=now)
    )


class OutcomeRecorder:
    """Group commit: outcomes queue for up to `linger` seconds and are written in one statement.

    The write starts at once when `batch()` outcomes are waiting. `record` returns once its
    outcome is committed, so a sender holds its slot until then: only the senders holding a
    slot are ever sent but not yet recorded. A write that finds the database unreachable (a
    closed connection, a refused one) is tried again on a fresh connection until it succeeds:
    the outcomes in hand carry Telegram's message ids, and losing them would send those
    messages again. Meanwhile `database` reports the outage and no new send starts.

    Writes go through a kept autocommit connection: one round trip each, where a session per
    write costs six on PostgreSQL. Blocking a user is idempotent, so it needs no transaction.
    `nudge` lets a sender start the write early, while the process is awake anyway: each
    wake-up of an idle process costs CPU (`bench.scheduler_bench --wakeups`, in the README).
    """

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        worker_id: str,
        *,
        linger: float,
        batch: Callable[[], int],
        database: Outage | None = None,
    ) -> None:
        self._db = KeptConnection(sessionmaker)
        self._worker_id = worker_id
        self._linger = linger
        self._batch = batch
        self.database = database or Outage("database")
        self._pending: list[tuple[Outcome, asyncio.Future[None]]] = []
        self._oldest = 0.0  # loop time the first of the pending outcomes queued
        self._full = asyncio.Event()
        self._writer: asyncio.Task[None] | None = None
        self.writes = 0
        # Set while no write is waiting to be tried again.
        self.clear = asyncio.Event()
        self.clear.set()

    async def record(self, outcome: Outcome) -> None:
        """Store `outcome` together with the others that queue up meanwhile."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[None] = loop.create_future()
        if not self._pending:
            self._oldest = loop.time()
        self._pending.append((outcome, future))
        if len(self._pending) >= self._batch():
            self._full.set()
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_queued())
        await future

    def nudge(self, within: float) -> None:
        """Write now what would otherwise be written by its linger timer in `within` seconds."""
        deadline = self._oldest + self._linger
        if self._pending and asyncio.get_running_loop().time() + within >= deadline:
            self._full.set()

    async def _write_queued(self) -> None:
        try:
            while self._pending:
                if len(self._pending) < self._batch() and self._linger > 0:
                    self._full.clear()
                    with contextlib.suppress(TimeoutError):
                        async with asyncio.timeout(self._linger):
                            await self._full.wait()
                batch, self._pending = self._pending, []
                await self._write(batch)
        except BaseException:
            # Cancelled (the process is going down): nobody is left to write what queued up.
            leftovers, self._pending = self._pending, []
            for _, waiting in leftovers:
                waiting.cancel()
            raise
        finally:
            self._writer = None

    async def close(self) -> None:
        """Give the writer's connection back to the pool (the next write takes a new one)."""
        await self._db.close()

    async def _write(self, batch: list[tuple[Outcome, asyncio.Future[None]]]) -> None:
        pause = 0.0
        while True:
            self.writes += 1
            try:
                connection = await self._db.get()
                await write_outcomes(
                    connection, self._worker_id, [outcome for outcome, _ in batch]
                )
                break
            except Exception as exc:
                await self._db.discard()
                if not is_unavailable(exc):
                    self._settle(batch, exc)
                    return
                self.clear.clear()
                if pause:
                    # The first retry found the database down too, not only a stale connection.
                    self.database.begin(f"outcomes cannot be written: {type(exc).__name__}")
                await asyncio.sleep(pause)
                pause = min(_REWRITE_MAX, max(_REWRITE_FIRST, pause * 2))
            except BaseException:
                # Cancelled mid-statement: the connection's state is unknown.
                await self._db.discard()
                for _, future in batch:
                    future.cancel()
                raise
        self.clear.set()
        self.database.end()
        self._settle(batch, None)

    @staticmethod
    def _settle(
        batch: list[tuple[Outcome, asyncio.Future[None]]], error: Exception | None
    ) -> None:
        for _, future in batch:
            if future.done():
                continue
            if error is None:
                future.set_result(None)
            else:
                future.set_exception(error)
