"""Waiting out Telegram's flood control: a 429 with retry_after is retried after that wait."""

import asyncio

import structlog
from aiogram import Bot
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramRetryAfter
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

from bot.metrics import BotApiMetrics

log = structlog.get_logger(__name__)
RETRY_ATTEMPTS = 3
# A conversation reply later than this is worse than none; the error handler apologises.
MAX_RETRY_AFTER_SECONDS = 10


class RetryAfterMiddleware(BaseRequestMiddleware):
    """Retries a request Telegram refused with 429, sleeping the retry_after it asked for."""

    def __init__(
        self, attempts: int = RETRY_ATTEMPTS, max_wait: int = MAX_RETRY_AFTER_SECONDS
    ) -> None:
        self.attempts = attempts
        self.max_wait = max_wait

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        """Make the request; on 429 wait and try again, up to `attempts` times in all."""
        for attempt in range(1, self.attempts + 1):
            try:
                return await make_request(bot, method)
            except TelegramRetryAfter as exc:
                if attempt == self.attempts or exc.retry_after > self.max_wait:
                    raise
                log.info("flood control", method=method.__api_method__, wait=exc.retry_after)
                await asyncio.sleep(exc.retry_after)
        raise AssertionError("unreachable: the last attempt returns or raises")


def prepare_bot(bot: Bot) -> Bot:
    """Add the bot's request middlewares (flood-control retries, metrics) and return it."""
    bot.session.middleware(RetryAfterMiddleware())
    # Inside the retries, so that every attempt is counted with its own outcome.
    bot.session.middleware(BotApiMetrics())
    return bot
