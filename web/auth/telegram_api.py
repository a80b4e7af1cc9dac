"""The web side's Bot API client: the bot's username for deep links and membership look-ups."""

from collections.abc import AsyncIterator

from aiogram import Bot
from aiogram.enums import ChatMemberStatus
from aiogram.exceptions import AiogramError
from aiohttp import web

from core.telegram import create_bot
from web.auth.errors import TelegramNotConfiguredError, TelegramUnavailableError
from web.keys import RUNTIME

# What a failed Bot API call can raise: Telegram's errors and the transport's.
TELEGRAM_FAILURES = (AiogramError, OSError, TimeoutError)


class TelegramApi:
    """A Bot (when a token is configured) with the bot's username fetched once by getMe."""

    def __init__(self, bot: Bot | None) -> None:
        self._bot = bot
        self._username: str | None = None

    @property
    def configured(self) -> bool:
        """True when a bot token is configured."""
        return self._bot is not None

    def bot_token(self) -> str:
        """The bot token, which keys the Login Widget and Mini App signatures."""
        if self._bot is None:
            raise TelegramNotConfiguredError("no bot token")
        return self._bot.token

    async def username(self) -> str:
        """The bot's @username without the @, asked once and then remembered."""
        if self._bot is None:
            raise TelegramNotConfiguredError("no bot token")
        if self._username is None:
            try:
                me = await self._bot.get_me()
            except TELEGRAM_FAILURES:
                raise TelegramUnavailableError("getMe failed") from None
            if not me.username:
                raise TelegramNotConfiguredError("the bot has no username")
            self._username = me.username
        return self._username

    async def member_status(self, channel: int | str, telegram_user_id: int) -> tuple[str, bool]:
        """getChatMember as (status, is_member) for models.membership.check_membership."""
        if self._bot is None:
            raise TelegramNotConfiguredError("no bot token")
        member = await self._bot.get_chat_member(channel, telegram_user_id)
        # aiogram keeps the status as a plain string at runtime; the enum normalizes both forms.
        status = ChatMemberStatus(member.status).value
        return status, bool(getattr(member, "is_member", False))


TELEGRAM_API = web.AppKey("telegram_api", TelegramApi)


async def telegram_api(app: web.Application) -> AsyncIterator[None]:
    """Cleanup context: one Bot for the app's lifetime, its HTTP session closed at shutdown."""
    settings = app[RUNTIME].settings.telegram
    bot = create_bot(settings) if settings.bot_token is not None else None
    app[TELEGRAM_API] = TelegramApi(bot)
    try:
        yield
    finally:
        if bot is not None:
            await bot.session.close()
