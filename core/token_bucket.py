"""Token buckets per key with bounded memory: the one rate rule of the web's and the bot's limits.

A bucket holds up to `capacity` tokens and refills continuously at `per_second`; a key unseen for
long enough is the same as a full bucket, so the least recently seen keys are forgotten first.
"""

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

MAX_KEYS = 100_000
Clock = Callable[[], float]
K = TypeVar("K", bound=Hashable)


class TokenBuckets(Generic[K]):
    """One bucket per key holding up to `capacity` tokens, refilled at `per_second`."""

    def __init__(
        self,
        capacity: float,
        per_second: float,
        *,
        max_keys: int = MAX_KEYS,
        clock: Clock = time.monotonic,
    ) -> None:
        self._capacity = float(capacity)
        self._rate = per_second
        self._max_keys = max_keys
        self._clock = clock
        self._buckets: OrderedDict[K, tuple[float, float]] = OrderedDict()

    def take(self, key: K) -> float:
        """Spend one token for `key`: 0 when allowed, else the seconds until one is available."""
        now = self._clock()
        tokens, updated = self._buckets.pop(key, (self._capacity, now))
        tokens = min(self._capacity, tokens + (now - updated) * self._rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self._rate
        self._buckets[key] = (tokens, now)
        while len(self._buckets) > self._max_keys:
            self._buckets.popitem(last=False)
        return wait

    def __len__(self) -> int:
        return len(self._buckets)
