"""Sends in flight follow the observed latency: rate × time a slot is held, up to a ceiling.

By Little's law a worker sending `rate` messages a second, each holding its slot for `hold`
seconds from its request to its outcome's commit, needs rate × hold slots; fewer cap the rate,
more only widen what one crash can duplicate (every held slot may be a message sent but not
yet recorded). So the limit is that product with headroom for bursts of slow answers, never
above `ceiling`: the ceiling is the duplicate bound. The hold is measured from the request, not
from the grant: a sender waiting for the rate limiter's turn has sent nothing yet, and counting
that wait would let a queue for the limiter inflate the limit it is a queue for.
"""

import asyncio
import math
import time
from collections import deque
from collections.abc import Callable

# Headroom over the mean: slow answers come in bursts, and a short queue of free slots is cheap.
_HEADROOM = 2.0
# Weight of each new hold time in the moving average: a few hundred sends adapt it.
_SMOOTHING = 0.05


class AdaptiveSlots:
    """A semaphore whose size is `rate × mean hold × headroom + floor`, within [floor, ceiling]."""

    def __init__(
        self,
        rate: float,
        *,
        floor: int,
        ceiling: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._rate = rate
        self._floor = min(floor, ceiling)
        self._ceiling = ceiling
        self._clock = clock
        self._hold = 0.0
        self.limit = self._floor
        self.in_use = 0
        self._waiters: deque[asyncio.Future[None]] = deque()

    async def acquire(self) -> None:
        """Wait for a slot."""
        if self.in_use >= self.limit or self._waiters:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            except BaseException:
                if waiter.done() and not waiter.cancelled():
                    # Granted as it was cancelled: pass the slot on.
                    self.in_use -= 1
                    self._wake()
                elif waiter in self._waiters:
                    self._waiters.remove(waiter)
                raise
        else:
            self.in_use += 1

    def release(self, sent_at: float | None) -> None:
        """Give back a slot; `sent_at`: when its request went out (None: nothing was sent)."""
        self.in_use -= 1
        if sent_at is not None:
            hold = self._clock() - sent_at
            self._hold = hold if not self._hold else self._hold + _SMOOTHING * (hold - self._hold)
            wanted = math.ceil(self._rate * self._hold * _HEADROOM) + self._floor
            self.limit = max(self._floor, min(self._ceiling, wanted))
        self._wake()

    def now(self) -> float:
        """The clock `release` measures with: read it as a request goes out."""
        return self._clock()

    def _wake(self) -> None:
        while self._waiters and self.in_use < self.limit:
            waiter = self._waiters.popleft()
            if not waiter.done():
                self.in_use += 1
                waiter.set_result(None)
