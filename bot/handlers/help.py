"""/help, and the polite answers to anything the other routers did not take."""

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from core.i18n import Translator


async def help_command(message: Message, tr: Translator) -> None:
    """What the bot does and its commands."""
    await message.answer(tr("bot-help"))


async def unknown_command(message: Message, tr: Translator) -> None:
    """A command the bot does not have (or that is only for admins)."""
    await message.answer(tr("bot-unknown-command"))


async def anything_else(message: Message, tr: Translator) -> None:
    """Text, stickers, photos outside any step: point to /help."""
    await message.answer(tr("bot-not-understood"))


async def stale_button(query: CallbackQuery, tr: Translator) -> None:
    """A button from an old version of the bot, or forged callback data."""
    await query.answer(tr("bot-stale-button"))


def create_router() -> Router:
    """Help and the polite catch-alls; include it last. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.message.register(help_command, Command("help"))
    router.message.register(unknown_command, F.text.startswith("/"))
    router.message.register(anything_else)
    router.callback_query.register(stale_button)
    return router
