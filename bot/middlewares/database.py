"""One database session per update, the person's user row, and their translator."""

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.enums import ChatType
from aiogram.types import Chat, TelegramObject
from aiogram.types import User as TelegramUser
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.middlewares.languages import RecentLanguages
from core.i18n import I18n, negotiate_bot_language
from models.user import User
from models.users import UserRepository


class DatabaseMiddleware(BaseMiddleware):
    """Outer update middleware: the update's transaction commits only when its handler succeeds.

    Handlers receive `session`, `tr` (always) and `user` (in private chats, created on first
    contact). `tr` is built before the handler runs, so the error handler can still apologise
    in the user's language after the session was rolled back.
    """

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        i18n: I18n,
        languages: RecentLanguages,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.i18n = i18n
        self.languages = languages

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        sender: TelegramUser | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        async with self.sessionmaker() as session:
            data["session"] = session
            user: User | None = None
            if sender is not None and not sender.is_bot and chat and chat.type == ChatType.PRIVATE:
                language = negotiate_bot_language(None, sender.language_code)
                user, _ = await UserRepository(session).get_or_create_telegram(
                    sender.id, sender.username, language
                )
                data["user"] = user
                self.languages.remember(sender.id, _chosen(user))
            telegram_language = sender.language_code if sender is not None else None
            stored_language = _chosen(user) if user is not None else None
            data["tr"] = self.i18n.get(negotiate_bot_language(stored_language, telegram_language))
            result = await handler(event, data)
            await session.commit()
            if user is not None and sender is not None:
                # Again after the commit, for a handler that changed the language.
                self.languages.remember(sender.id, _chosen(user))
            return result


def _chosen(user: User) -> str | None:
    """The language the user picked, or None while Telegram's language_code stands in."""
    return user.language if user.language_chosen else None
