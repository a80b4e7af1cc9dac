"""Token deadlines of every connection, kept by one loop timer rather than one per socket."""

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable

from web.ws.connection import Connection

Due = Callable[[Connection], None]
# Entries of renewed or closed connections are dropped in bulk once they outnumber live ones.
_STALE_SLACK = 1024


class Deadlines:
    """Calls `due(connection)` once its deadline (wall-clock seconds) passes.

    A timeout per socket costs ~0.45 KB (a Timeout and a timer handle) for the life of
    every connection; one heap entry costs ~0.1 KB.
    """

    __slots__ = ("_due", "_heap", "_order", "_stale", "_timer")

    def __init__(self, due: Due) -> None:
        self._due = due
        self._heap: list[tuple[float, int, Connection]] = []
        self._order = itertools.count()
        self._timer: asyncio.TimerHandle | None = None
        self._stale = 0

    def __len__(self) -> int:
        return len(self._heap)

    def set(self, connection: Connection, when: float) -> None:
        """Replace the connection's deadline with `when`."""
        self.clear(connection)
        connection.deadline = when
        heapq.heappush(self._heap, (when, next(self._order), connection))
        if self._heap[0][2] is connection:
            self._arm()
        self._compact()

    def clear(self, connection: Connection) -> None:
        """Forget the connection's deadline; its heap entry is skipped when reached."""
        if connection.deadline is not None:
            connection.deadline = None
            self._stale += 1

    def _arm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer = None
        if self._heap:
            delay = max(self._heap[0][0] - time.time(), 0.0)
            self._timer = asyncio.get_running_loop().call_later(delay, self._fire)

    def _fire(self) -> None:
        self._timer = None
        now = time.time()
        heap = self._heap
        while heap and heap[0][0] <= now:
            when, _, connection = heapq.heappop(heap)
            if connection.deadline == when:
                connection.deadline = None
                self._due(connection)
            else:
                self._stale -= 1
        self._compact()
        self._arm()

    def _compact(self) -> None:
        # Without this, a client renewing in a loop would grow the heap until its deadline.
        if self._stale > len(self._heap) // 2 + _STALE_SLACK:
            self._heap = [entry for entry in self._heap if entry[2].deadline == entry[0]]
            heapq.heapify(self._heap)
            self._stale = 0
