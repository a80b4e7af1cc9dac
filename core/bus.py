"""The live bus: web deliveries published by the scheduler reach every web process's sockets."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol

# A subscriber that falls this far behind loses messages instead of growing memory without bound.
SUBSCRIBER_QUEUE_SIZE = 1024


class Bus(Protocol):
    """Publish/subscribe of small pre-encoded messages on named channels."""

    async def publish(self, channel: str, message: bytes) -> None:
        """Send `message` to every current subscriber of `channel`, in every process."""

    def subscribe(self, channel: str) -> AbstractAsyncContextManager[asyncio.Queue[bytes]]:
        """An async context manager yielding a bounded queue of messages on `channel`."""


class InProcessBus:
    """The embedded default: web, bot and scheduler share one process, so a queue is enough."""

    def __init__(self) -> None:
        self._subscribers: dict[str, set[asyncio.Queue[bytes]]] = {}
        self.dropped = 0

    async def publish(self, channel: str, message: bytes) -> None:
        """Hand `message` to each subscriber without waiting on a slow one."""
        for queue in self._subscribers.get(channel, ()):
            try:
                queue.put_nowait(message)
            except asyncio.QueueFull:
                self.dropped += 1

    @asynccontextmanager
    async def subscribe(self, channel: str) -> AsyncIterator[asyncio.Queue[bytes]]:
        """Receive `channel`'s messages until the context closes."""
        queue: asyncio.Queue[bytes] = asyncio.Queue(SUBSCRIBER_QUEUE_SIZE)
        self._subscribers.setdefault(channel, set()).add(queue)
        try:
            yield queue
        finally:
            self._subscribers[channel].discard(queue)
