"""The Bot API client, configured once: every role that talks to Telegram builds it here."""

from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from core.config import TelegramSettings
from core.errors import ConfigError


def create_bot(settings: TelegramSettings) -> Bot:
    """An aiogram Bot that talks to TELEGRAM_API_URL (Telegram, a local server, or a fake)."""
    if settings.bot_token is None:
        raise ConfigError("TELEGRAM_BOT_TOKEN", "is not set")
    session = AiohttpSession(api=TelegramAPIServer.from_base(str(settings.api_url)))
    return Bot(
        settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
