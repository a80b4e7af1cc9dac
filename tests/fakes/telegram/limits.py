"""Telegram's flood limits (per private chat, per group/channel, global) and a send timeline."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from tests.fakes.telegram.errors import too_many_requests


@dataclass(frozen=True)
class Rate:
    """A token bucket: `per_second` refill and at most `burst` sends at once."""

    per_second: float
    burst: float


@dataclass(frozen=True)
class LimitsConfig:
    """Limits the fake enforces; defaults follow Telegram's published guidance."""

    private_chat: Rate = Rate(per_second=1.0, burst=3)
    group_chat: Rate = Rate(per_second=20 / 60, burst=20)
    overall: Rate = Rate(per_second=30.0, burst=30)
    paid_broadcast: Rate = Rate(per_second=1000.0, burst=1000)
    enabled: bool = True


class TokenBucket:
    """Refills continuously; a send takes one token."""

    __slots__ = ("rate", "tokens", "updated")

    def __init__(self, rate: Rate, now: float):
        self.rate = rate
        self.tokens = rate.burst
        self.updated = now

    def wait_needed(self, now: float) -> float:
        """Refill to `now` and return the seconds until one token is available."""
        elapsed = now - self.updated
        if elapsed > 0:
            self.tokens = min(self.rate.burst, self.tokens + elapsed * self.rate.per_second)
            self.updated = now
        if self.tokens >= 1:
            return 0.0
        return (1 - self.tokens) / self.rate.per_second


@dataclass
class Timeline:
    """Monotonic times of accepted sends, overall and per chat."""

    overall: list[float] = field(default_factory=list)
    by_chat: dict[int, list[float]] = field(default_factory=lambda: defaultdict(list))

    def record(self, chat_id: int, at: float) -> None:
        """Note one accepted send."""
        self.overall.append(at)
        self.by_chat[chat_id].append(at)

    def max_in_window(self, window: float, chat_id: int | None = None) -> int:
        """Return the largest number of sends within any span of `window` seconds."""
        times = self.overall if chat_id is None else self.by_chat.get(chat_id, [])
        best = 0
        start = 0
        for end, at in enumerate(times):
            while at - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best


class RateLimiter:
    """Answers 429 with retry_after when a send would exceed a limit, and counts those."""

    def __init__(self, config: LimitsConfig, clock: Callable[[], float]):
        self.config = config
        self.clock = clock
        self.timeline = Timeline()
        self.hits = 0
        self.hits_by_chat: dict[int, int] = defaultdict(int)
        self._chats: dict[int, TokenBucket] = {}
        self._overall: TokenBucket | None = None
        self._paid: TokenBucket | None = None

    def admit(self, chat_id: int, *, private: bool, paid: bool) -> None:
        """Record a send to `chat_id`, or raise Telegram's 429 without consuming anything."""
        now = self.clock()
        if not self.config.enabled:
            self.timeline.record(chat_id, now)
            return
        chat = self._chats.get(chat_id)
        if chat is None:
            rate = self.config.private_chat if private else self.config.group_chat
            chat = self._chats[chat_id] = TokenBucket(rate, now)
        overall = self._global(paid, now)
        wait = max(chat.wait_needed(now), overall.wait_needed(now))
        if wait > 0:
            self.hits += 1
            self.hits_by_chat[chat_id] += 1
            raise too_many_requests(max(1, math.ceil(wait)))
        chat.tokens -= 1
        overall.tokens -= 1
        self.timeline.record(chat_id, now)

    def _global(self, paid: bool, now: float) -> TokenBucket:
        if paid:
            if self._paid is None:
                self._paid = TokenBucket(self.config.paid_broadcast, now)
            return self._paid
        if self._overall is None:
            self._overall = TokenBucket(self.config.overall, now)
        return self._overall
