"""One circuit for the Bot API per process: an outage pauses all sending, probed with back-off.

Network errors, timeouts and 5xx answers say little about the message that met them when
several come in a row: Telegram (or the way to it) is down. Charging each message an attempt
would fail a whole backlog within a minute of outage, so after `threshold` such failures in a
row the circuit opens: no send starts, and a probe (getMe) asks after a pause that doubles up to
`max_pause` whether the Bot API answers again. Its answer closes the circuit; the pause is reset
only by a message that goes through, so a storm that spares getMe still backs off.
"""

import asyncio
import contextlib
import random
from collections.abc import Awaitable, Callable

import structlog

from scheduler.outage import Outage

log = structlog.get_logger(__name__)

Probe = Callable[[], Awaitable[bool]]


class Circuit:
    """Closed (sending) or open (paused, probing); `outage.up` is set while closed."""

    def __init__(
        self,
        probe: Probe,
        *,
        threshold: int = 3,
        first_pause: float = 1.0,
        max_pause: float = 30.0,
    ) -> None:
        self._probe = probe
        self._threshold = threshold
        self._first_pause = first_pause
        self._max_pause = max_pause
        self.outage = Outage("bot_api")
        self._failures = 0
        self._pause = 0.0
        self._prober: asyncio.Task[None] | None = None

    @property
    def is_open(self) -> bool:
        """True while sending is paused."""
        return self.outage.active

    def succeeded(self) -> None:
        """Telegram answered a send (any answer about the message itself)."""
        self._failures = 0
        self._pause = 0.0

    def failed(self, reason: str) -> bool:
        """A network error, timeout or 5xx; True when it is the outage's, not the message's."""
        self._failures += 1
        if self.is_open:
            return True
        if self._failures < self._threshold:
            return False
        self.outage.begin(reason)
        self._prober = asyncio.create_task(self._probe_until_up())
        return True

    async def close(self) -> None:
        """Stop probing (the process is going down)."""
        prober, self._prober = self._prober, None
        if prober is not None:
            prober.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await prober

    async def _probe_until_up(self) -> None:
        while True:
            self._pause = min(self._max_pause, max(self._first_pause, self._pause * 2))
            # Jitter: processes that lost Telegram together do not probe together.
            await asyncio.sleep(self._pause * random.uniform(0.8, 1.0))  # noqa: S311
            if await self._probe():
                break
        self._failures = 0
        self._prober = None
        self.outage.end()
