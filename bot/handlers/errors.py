"""The one error handler: log, report to Sentry, apologise in the user's language."""

import contextlib
from datetime import UTC, datetime

import sentry_sdk
import structlog
from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError, TelegramForbiddenError, TelegramNetworkError
from aiogram.types import ErrorEvent
from aiogram.types import User as TelegramUser
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import DOMAIN_ERRORS
from core.i18n import I18n, Translator, negotiate_bot_language
from models.user import User

log = structlog.get_logger(__name__)


async def mark_blocked(
    sessionmaker: async_sessionmaker[AsyncSession], telegram_user_id: int
) -> None:
    """Record that the person cannot be written to (the update's own session was rolled back)."""
    async with sessionmaker() as session:
        await session.execute(
            update(User)
            .where(User.telegram_user_id == telegram_user_id)
            .values(bot_blocked_at=datetime.now(UTC))
        )
        await session.commit()


async def on_error(
    event: ErrorEvent,
    *,
    bot: Bot,
    sessionmaker: async_sessionmaker[AsyncSession],
    i18n: I18n,
    tr: Translator | None = None,
    event_from_user: TelegramUser | None = None,
) -> None:
    """Whatever failed, the person hears a short apology and nothing crashes."""
    update, exc = event.update, event.exception
    chat_id = _private_chat_id(event)
    if isinstance(exc, TelegramForbiddenError) and chat_id is not None:
        log.info("bot blocked by user", telegram_user_id=chat_id)
        await mark_blocked(sessionmaker, chat_id)
        return
    code = exc.code if isinstance(exc, DOMAIN_ERRORS) else None
    if code is not None:  # bad input a handler did not catch: say what was wrong, no alarm
        log.info("update refused", update_id=update.update_id, error=code)
    else:
        log.error("update failed", update_id=update.update_id, exc_info=exc)
        sentry_sdk.capture_exception(exc)
    if update.callback_query is not None:
        # Stop the button's spinner; an answer the handler already gave makes this one a 400.
        with contextlib.suppress(TelegramAPIError, TelegramNetworkError):
            await bot.answer_callback_query(update.callback_query.id)
    if chat_id is None:
        return
    if tr is None:  # the failure came before the user's row was read
        language = event_from_user.language_code if event_from_user is not None else None
        tr = i18n.get(negotiate_bot_language(None, language))
    text = tr("bot-error") if code is None else tr.error(code)
    try:
        await bot.send_message(chat_id, text)
    except TelegramAPIError as reply_error:
        log.warning("cannot apologise", error=reply_error.message)


def _private_chat_id(event: ErrorEvent) -> int | None:
    update = event.update
    message = update.message or (
        update.callback_query.message if update.callback_query is not None else None
    )
    if message is not None and message.chat.type == "private":
        return message.chat.id
    return None


def create_router() -> Router:
    """The one error handler. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.error.register(on_error)
    return router
