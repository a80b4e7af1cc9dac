"""The bot's pending updates: ids, allowed_updates filtering, confirmation and long polling."""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
from typing import Any

from tests.fakes.telegram.errors import conflict
from tests.fakes.telegram.notifier import Notifier

# Telegram leaves these out unless the bot asks for them explicitly.
OPT_IN_TYPES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class UpdateQueue:
    """Updates waiting for the bot; filtering happens when an update is created, as in Telegram."""

    def __init__(self, notifier: Notifier, first_update_id: int = 100_000_001):
        self._notifier = notifier
        self._pending: deque[dict[str, Any]] = deque()
        self._next_id = first_update_id
        self._allowed: frozenset[str] | None = None
        self._poll_generation = 0
        self.dropped = 0
        self.waiting_polls = 0

    def __len__(self) -> int:
        return len(self._pending)

    @property
    def allowed_updates(self) -> list[str] | None:
        """Return the explicit allowed_updates, or None for the default set."""
        return None if self._allowed is None else sorted(self._allowed)

    def set_allowed(self, types: list[str]) -> None:
        """Apply allowed_updates from getUpdates or setWebhook; [] restores the default."""
        self._allowed = frozenset(types) if types else None

    def accepts(self, kind: str) -> bool:
        """Tell whether an update of `kind` would reach the bot now."""
        if self._allowed is None:
            return kind not in OPT_IN_TYPES
        return kind in self._allowed

    def push(self, kind: str, obj: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update of `kind` and return it, or None when the bot filtered it out."""
        if not self.accepts(kind):
            self.dropped += 1
            return None
        update = {"update_id": self._next_id, kind: obj}
        self._next_id += 1
        self._pending.append(update)
        self._notifier.notify()
        return update

    def confirm(self, offset: int) -> None:
        """Forget updates below `offset`; a negative offset keeps only the last -offset."""
        pending = self._pending
        if offset < 0:
            while len(pending) > -offset:
                pending.popleft()
        elif offset > 0:
            while pending and pending[0]["update_id"] < offset:
                pending.popleft()

    def peek(self, limit: int) -> list[dict[str, Any]]:
        """Return up to `limit` oldest pending updates without confirming them."""
        if limit >= len(self._pending):
            return list(self._pending)
        return [self._pending[index] for index in range(limit)]

    def drop_all(self) -> None:
        """Forget every pending update (drop_pending_updates)."""
        self._pending.clear()

    async def long_poll(
        self, limit: int, wait_seconds: float, closing: Callable[[], bool]
    ) -> list[dict[str, Any]]:
        """Wait up to `wait_seconds` for updates; a newer poll ends this one with 409."""
        self._poll_generation += 1
        generation = self._poll_generation
        deadline = asyncio.get_running_loop().time() + wait_seconds
        self.waiting_polls += 1
        # Wakes an older poll (which then answers 409) and drivers waiting for this one.
        self._notifier.notify()
        try:
            await self._notifier.wait_until(
                lambda: bool(self._pending) or generation != self._poll_generation or closing(),
                deadline,
            )
        finally:
            self.waiting_polls -= 1
        if generation != self._poll_generation:
            raise conflict(
                "terminated by other getUpdates request; "
                "make sure that only one bot instance is running"
            )
        return self.peek(limit)
