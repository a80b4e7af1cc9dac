"""In-process rate limits with bounded memory: token buckets and a progressive failure lockout.

Each process keeps its own counters; behind several web processes a client gets each limit once
per process, which is acceptable for throttling sign-in guessing and floods.
"""

import time
from collections import OrderedDict
from collections.abc import Callable

import core.token_bucket

MAX_KEYS = 100_000
Clock = Callable[[], float]


class TokenBuckets(core.token_bucket.TokenBuckets[str]):
    """One bucket per key holding up to `per_minute` requests, refilled continuously."""

    def __init__(
        self, per_minute: int, *, max_keys: int = MAX_KEYS, clock: Clock = time.monotonic
    ) -> None:
        super().__init__(per_minute, per_minute / 60.0, max_keys=max_keys, clock=clock)


class FailureThrottle:
    """After `free` failures for a key, each further failure doubles the wait, up to `cap`."""

    def __init__(
        self,
        *,
        free: int = 5,
        base_seconds: float = 1.0,
        cap_seconds: float = 15 * 60,
        forget_after: float = 3600,
        max_keys: int = MAX_KEYS,
        clock: Clock = time.monotonic,
    ) -> None:
        self._free = free
        self._base = base_seconds
        self._cap = cap_seconds
        self._forget_after = forget_after
        self._max_keys = max_keys
        self._clock = clock
        # key -> (failures, time of the last failure)
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()

    def _current(self, key: str, now: float) -> int:
        failures, last = self._failures.get(key, (0, now))
        if now - last > self._forget_after:
            self._failures.pop(key, None)
            return 0
        return failures

    def _lockout(self, failures: int) -> float:
        if failures < self._free:
            return 0.0
        return min(self._cap, self._base * 2.0 ** (failures - self._free))

    def retry_after(self, key: str) -> float:
        """Seconds `key` must still wait before its next attempt (0 when it may try now)."""
        now = self._clock()
        lockout = self._lockout(self._current(key, now))
        if lockout == 0.0:
            return 0.0
        last = self._failures[key][1]
        return max(0.0, last + lockout - now)

    def penalty(self, key: str) -> float:
        """The whole current lockout of `key` in seconds, however long ago its last failure."""
        return self._lockout(self._current(key, self._clock()))

    def failed(self, key: str) -> None:
        """Count one more failure for `key`."""
        now = self._clock()
        failures = self._current(key, now)
        self._failures.pop(key, None)
        self._failures[key] = (failures + 1, now)
        while len(self._failures) > self._max_keys:
            self._failures.popitem(last=False)

    def succeeded(self, key: str) -> None:
        """Forget `key`'s failures."""
        self._failures.pop(key, None)

    def __len__(self) -> int:
        return len(self._failures)
