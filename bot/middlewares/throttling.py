"""Per-user flood control: at most one update per TELEGRAM_THROTTLE_SECONDS, then a quiet word."""

import time
from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Any

import structlog
from aiogram import BaseMiddleware
from aiogram.types import TelegramObject, Update, User

from bot.middlewares.languages import RecentLanguages
from core.i18n import I18n, negotiate_bot_language

log = structlog.get_logger(__name__)
# Forget users idle this many windows, so memory follows active users only.
_IDLE_WINDOWS = 100
_PRUNE_EVERY = 1024


class Verdict(Enum):
    """What to do with one update."""

    ALLOW = "allow"
    WARN = "warn"  # the first dropped update of a burst: tell the user once
    DROP = "drop"


class Throttle:
    """Remembers, per key, when an update was last let through and whether we warned."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self._last: dict[int, tuple[float, bool]] = {}
        self._seen = 0

    def check(self, key: int) -> Verdict:
        """Let the update through when the key's window has passed; otherwise warn once."""
        now = self._clock()
        self._seen += 1
        if self._seen % _PRUNE_EVERY == 0:
            horizon = now - self.interval * _IDLE_WINDOWS
            self._last = {k: v for k, v in self._last.items() if v[0] >= horizon}
        last, warned = self._last.get(key, (float("-inf"), False))
        if now - last >= self.interval:
            self._last[key] = (now, False)
            return Verdict.ALLOW
        if warned:
            return Verdict.DROP
        self._last[key] = (last, True)
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
        if verdict is Verdict.WARN:
            # Throttling runs before the database: the language comes from memory, not a query.
            chosen = self.languages.get(user.id)
            tr = self.i18n.get(negotiate_bot_language(chosen, user.language_code))
            if event.callback_query is not None:
                await event.callback_query.answer(tr("bot-throttled"))
            elif event.message is not None:
                await event.message.answer(tr("bot-throttled"))
        return None
