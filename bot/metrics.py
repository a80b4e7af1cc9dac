"""The bot's metrics: updates handled, handler latency by handler, Bot API calls by outcome."""

import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import TelegramObject
from prometheus_client import Counter, Histogram

from core.metrics import BOT_API_CALLS, DURATION_BUCKETS

UPDATES = Counter(
    "bot_updates", "Updates handled, by handler and result (ok, error).", ["handler", "result"]
)
HANDLER_SECONDS = Histogram(
    "bot_handler_duration_seconds",
    "Time a handler took, by handler.",
    ["handler"],
    buckets=DURATION_BUCKETS,
)
# Telegram's errors as the outcome labels of core.metrics.BOT_API_CALLS; others are "4xx".
_OUTCOMES: tuple[tuple[type[Exception], str], ...] = (
    (TelegramRetryAfter, "429"),
    (TelegramForbiddenError, "403"),
    (TelegramBadRequest, "400"),
    (TelegramServerError, "5xx"),
    (TelegramNetworkError, "network"),
)


def _outcome(exc: Exception) -> str:
    return next((label for kind, label in _OUTCOMES if isinstance(exc, kind)), "4xx")


class BotApiMetrics(BaseRequestMiddleware):
    """Counts every Bot API request (each retry too) by method and outcome."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Make the request and count how it ended."""
        name = method.__api_method__
        try:
            response = await make_request(bot, method)
        except Exception as exc:
            BOT_API_CALLS.labels(name, _outcome(exc)).inc()
            raise
        BOT_API_CALLS.labels(name, "ok").inc()
        return response


class HandlerMetrics(BaseMiddleware):
    """Inner middleware: counts and times each handler call under the handler's name."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        """Run the handler, then record its duration and result."""
        found: HandlerObject | None = data.get("handler")
        callback = found.callback if found is not None else handler
        # module.function: a bounded label set, one per handler in the code.
        name = f"{callback.__module__.rsplit('.', 1)[-1]}.{callback.__qualname__}"
        started = time.perf_counter()
        result = "error"
        try:
            answer = await handler(event, data)
            result = "ok"
            return answer
        finally:
            HANDLER_SECONDS.labels(name).observe(time.perf_counter() - started)
            UPDATES.labels(name, result).inc()


def instrument(dispatcher: Dispatcher) -> None:
    """Measure every handler of `dispatcher` and its routers."""
    handlers = HandlerMetrics()
    for name, observer in dispatcher.observers.items():
        if name != "update":  # the update observer's handler is the dispatcher's own routing
            observer.middleware(handlers)
