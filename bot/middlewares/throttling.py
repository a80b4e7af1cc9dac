"""Per-user flood control: a token bucket that allows a short burst, then a quiet word.

Someone ticking four boxes in a second is not a flood; twenty messages a second are. Every
button press is answered, let through or not, so no button keeps spinning in the client.
"""

import time
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

import structlog
from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from bot.middlewares.languages import RecentLanguages
from core.i18n import I18n, negotiate_bot_language
from core.token_bucket import MAX_KEYS, TokenBuckets

log = structlog.get_logger(__name__)


class Verdict(Enum):
    """What to do with one update."""

    ALLOW = "allow"
    WARN = "warn"  # the first dropped update of a flood: tell the user once
    DROP = "drop"


class Throttle:
    """A token bucket per user: `burst` updates at once, then one every `interval` seconds."""

    def __init__(
        self, interval: float, burst: int = 1, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.interval = interval
        per_second = 1 / interval if interval > 0 else float("inf")
        self._buckets = TokenBuckets[int](burst, per_second, clock=clock)
        # Users told about their flood; forgotten at their next update let through.
        self._warned: set[int] = set()

    def check(self, key: int) -> Verdict:
        """Spend a token when there is one; otherwise warn once until one is spent again."""
        if self._buckets.take(key) == 0:
            self._warned.discard(key)
            return Verdict.ALLOW
        if key in self._warned:
            return Verdict.DROP
        if len(self._warned) >= MAX_KEYS:  # flooders who left; the worst is one more warning
            self._warned.clear()
        self._warned.add(key)
        return Verdict.WARN


class ThrottlingMiddleware(BaseMiddleware):
    """Outer update middleware for people's messages and button presses."""

    def __init__(self, throttle: Throttle, i18n: I18n, languages: RecentLanguages) -> None:
        self.throttle = throttle
        self.i18n = i18n
        self.languages = languages

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if (
            self.throttle.interval <= 0
            or user is None
            or not isinstance(event, Update)
            or (event.message is None and event.callback_query is None)
        ):
            return await handler(event, data)
        verdict = self.throttle.check(user.id)
        if verdict is Verdict.ALLOW:
            return await handler(event, data)
        log.info("update throttled", telegram_user_id=user.id, verdict=verdict.value)
        text: str | None = None
        if verdict is Verdict.WARN:
            # Throttling runs before the database: the language comes from memory, not a query.
            chosen = self.languages.get(user.id)
            text = self.i18n.get(negotiate_bot_language(chosen, user.language_code))(
                "bot-throttled"
            )
        if event.callback_query is not None:
            await event.callback_query.answer(text)
        elif event.message is not None and text is not None:
            await event.message.answer(text)
        return None
