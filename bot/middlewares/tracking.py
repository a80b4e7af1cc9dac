"""Knowing which updates are in hand, so that shutdown can let them finish."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import structlog
from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update

log = structlog.get_logger(__name__)
# How long an update in hand may take to finish after SIGTERM.
SHUTDOWN_GRACE_SECONDS = 10.0


class UpdateTracker(BaseMiddleware):
    """Outer update middleware: counts updates being handled and remembers the newest id."""

    def __init__(self) -> None:
        self._in_hand: set[asyncio.Task[Any]] = set()
        self.last_update_id: int | None = None

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        task = asyncio.current_task()
        if task is not None:
            self._in_hand.add(task)
        try:
            return await handler(event, data)
        finally:
            if task is not None:
                self._in_hand.discard(task)
            if isinstance(event, Update) and (
                self.last_update_id is None or event.update_id > self.last_update_id
            ):
                self.last_update_id = event.update_id

    @property
    def in_hand(self) -> int:
        """How many updates are being handled right now."""
        return len(self._in_hand)

    async def drain(self, timeout: float) -> bool:  # noqa: ASYNC109 - a shutdown grace period
        """Wait up to `timeout` seconds for the updates in hand; True when all finished."""
        pending = {task for task in self._in_hand if task is not asyncio.current_task()}
        if not pending:
            return True
        _, still = await asyncio.wait(pending, timeout=timeout)
        return not still

    async def finish(self) -> None:
        """Let the updates in hand finish (the dispatcher's first shutdown step)."""
        if not await self.drain(SHUTDOWN_GRACE_SECONDS):
            log.warning("updates still in hand at shutdown", count=self.in_hand)
