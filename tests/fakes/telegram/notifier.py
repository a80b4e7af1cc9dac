"""A wake-up signal for coroutines waiting on the fake's state to change."""

from __future__ import annotations

import asyncio
from collections.abc import Callable


class Notifier:
    """Wakes every waiter on each change; waiters re-check their own condition."""

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None

    def notify(self) -> None:
        """Wake all current waiters (free when nobody waits)."""
        if self._event is not None:
            self._event.set()
            self._event = None

    async def wait_until(self, condition: Callable[[], bool], deadline: float | None) -> bool:
        """Wait until `condition()` holds or the loop time passes `deadline`; return it."""
        loop = asyncio.get_running_loop()
        while not condition():
            if deadline is not None and loop.time() >= deadline:
                return False
            if self._event is None:
                self._event = asyncio.Event()
            try:
                async with asyncio.timeout_at(deadline):
                    await self._event.wait()
            except TimeoutError:
                return condition()
        return True
