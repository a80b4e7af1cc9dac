"""Replies more than one feature sends: the calendar login link and the members' join prompt."""

from html import escape

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup, Message, WebAppInfo
from aiogram.utils.keyboard import InlineKeyboardBuilder
from sqlalchemy.ext.asyncio import AsyncSession

from bot.gate import channel_url
from bot.steps import join_keyboard
from core.config import GatedFeature, Settings
from core.i18n import Translator
from models.token import TokenPurpose
from models.tokens import issue_one_time_token
from models.user import User


def web_base(settings: Settings) -> str:
    """PUBLIC_URL without its trailing slash."""
    return str(settings.web.public_url).rstrip("/")


def calendar_keyboard(tr: Translator, url: str, base: str) -> InlineKeyboardMarkup | None:
    """An "Open" button and a Mini App button; Telegram takes buttons to https addresses only."""
    if not base.startswith("https://"):
        return None
    builder = InlineKeyboardBuilder()
    builder.button(text=tr("bot-calendar-open"), url=url)
    builder.button(text=tr("bot-calendar-mini-app"), web_app=WebAppInfo(url=f"{base}/"))
    builder.adjust(1)
    return builder.as_markup()


async def send_calendar_link(
    message: Message, tr: Translator, session: AsyncSession, user: User, settings: Settings
) -> None:
    """A one-time login link to the web calendar (15 minutes, single use)."""
    token = await issue_one_time_token(session, user.id, TokenPurpose.WEB_LOGIN)
    base = web_base(settings)
    url = f"{base}/login?token={token}"
    await message.answer(
        tr("bot-calendar-link", url=escape(url)), reply_markup=calendar_keyboard(tr, url, base)
    )


async def send_join_prompt(
    message: Message, tr: Translator, bot: Bot, settings: Settings, feature: GatedFeature
) -> None:
    """Tell a non-member how to join, with the "I've joined" button."""
    channel = settings.telegram.members_channel
    url = await channel_url(bot, channel) if channel is not None else None
    await message.answer(
        tr("bot-gate-required", channel=escape(str(channel)), feature=feature),
        reply_markup=join_keyboard(tr, url, feature),
    )
