"""One rate limiter for all Telegram sends of a process: overall pace, per-chat windows, pauses."""

import asyncio
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from core.config import SchedulerSettings

# Forget chats idle this long; the dictionary would otherwise grow with every recipient.
_PRUNE_EVERY = 4096


@dataclass(frozen=True, slots=True)
class Limits:
    """What one process may send: its share of the overall rate, its burst and per-chat windows."""

    per_second: float
    burst: int
    private_count: int
    private_window: float
    group_count: int
    group_window: float

    @classmethod
    def from_settings(cls, settings: SchedulerSettings) -> "Limits":
        """This process's limits: the overall rate is shared evenly by the worker processes."""
        private_count, private_window = _window(settings.private_chat_per_second)
        return cls(
            per_second=settings.rate_per_second / settings.worker_processes,
            burst=settings.send_burst,
            private_count=private_count,
            private_window=private_window,
            group_count=settings.group_chat_per_minute,
            group_window=60.0,
        )


def _window(per_second: float) -> tuple[int, float]:
    # "1 per second" is one send per 1 s window; "0.5" one per 2 s; "3" three per 1 s.
    return (1, 1.0 / per_second) if per_second <= 1 else (round(per_second), 1.0)


def is_private_chat(chat_id: int | str) -> bool:
    """Private chats have positive ids; groups and channels negative ids or @usernames."""
    return isinstance(chat_id, int) and chat_id > 0


class _Chat:
    """Recent send times of one chat; the lock keeps its senders in order."""

    __slots__ = ("lock", "sent")

    def __init__(self, count: int) -> None:
        self.lock = asyncio.Lock()
        self.sent: deque[float] = deque(maxlen=count)


class RateLimiter:
    """At most `per_second` sends overall, `burst` per tick, and N sends per window per chat.

    The overall pace ticks every `burst / per_second` seconds and each tick lets through up to
    `burst` senders, in order, so `burst` sends share one timer wake-up while the long-run rate
    stays `per_second`. A tick comes at least one tick after the previous one actually happened,
    and its unused places lapse quickly: a sender that wakes late (a busy event loop) delays the
    rest instead of letting more than `burst` through at once. A pause (Telegram's retry_after)
    holds back everyone, including the senders already waiting for their turn.
    """

    def __init__(self, limits: Limits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self.interval = 1.0 / limits.per_second
        self.tick = limits.burst * self.interval
        self._next = 0.0
        self._ticked = 0.0
        self._places = 0
        self._pace = asyncio.Lock()
        self._chats: dict[int | str, _Chat] = {}
        self._acquired = 0

    async def acquire(self, chat_id: int | str | None) -> None:
        """Wait until one more message may go to `chat_id` (None: no per-chat limit)."""
        if chat_id is None:
            await self._take_turn()
            return
        chat = self._chat(chat_id)
        async with chat.lock:
            await self._sleep_until(self._chat_slot(chat, chat_id))
            await self._take_turn()
            chat.sent.append(self._clock())
        self._acquired += 1
        if self._acquired % _PRUNE_EVERY == 0:
            self._prune()

    def pause(self, seconds: float) -> None:
        """Send nothing for `seconds` from now (Telegram asked us to wait)."""
        self._next = max(self._next, self._clock() + seconds)
        self._places = 0

    async def _take_turn(self) -> None:
        async with self._pace:
            # Senders queued behind the tick's first one take its other places at once; a place
            # left unused for a quarter interval lapses, so one tick's sends stay together.
            if self._places and self._clock() < self._ticked + self.interval / 4:
                self._places -= 1
                return
            # Re-checked after each sleep: a pause may have moved the tick meanwhile.
            while (delay := self._next - self._clock()) > 0:  # noqa: ASYNC110 - a clock, no event
                await asyncio.sleep(delay)
            # Timer lateness under a quarter tick is made up (no drift at a steady pace); beyond
            # that the next tick counts from now, so any window of W seconds still lets through
            # at most W * per_second + burst sends.
            self._ticked = self._clock()
            self._next = max(self._next, self._ticked - self.tick / 4) + self.tick
            self._places = self.limits.burst - 1

    async def _sleep_until(self, at: float) -> None:
        delay = at - self._clock()
        if delay > 0:
            await asyncio.sleep(delay)

    def _chat(self, chat_id: int | str) -> _Chat:
        chat = self._chats.get(chat_id)
        if chat is None:
            count = (
                self.limits.private_count if is_private_chat(chat_id) else self.limits.group_count
            )
            chat = self._chats[chat_id] = _Chat(count)
        return chat

    def _chat_slot(self, chat: _Chat, chat_id: int | str) -> float:
        sent = chat.sent
        if len(sent) < (sent.maxlen or 0):
            return 0.0
        window = (
            self.limits.private_window if is_private_chat(chat_id) else self.limits.group_window
        )
        # The window holds its full count: the next send may go once the oldest leaves it.
        return sent[0] + window

    def _prune(self) -> None:
        horizon = self._clock() - max(self.limits.private_window, self.limits.group_window)
        idle = [
            chat_id
            for chat_id, chat in self._chats.items()
            if not chat.lock.locked() and (not chat.sent or chat.sent[-1] < horizon)
        ]
        for chat_id in idle:
            del self._chats[chat_id]
