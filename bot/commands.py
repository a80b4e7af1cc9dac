"""The command menu, registered per language (setMyCommands with language_code)."""

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from core.i18n import LANGUAGES, I18n, Translator
from core.languages import DEFAULT_LANGUAGE

log = structlog.get_logger(__name__)
USER_COMMANDS = (
    "next",
    "today",
    "month",
    "eclipses",
    "calendar",
    "settings",
    "language",
    "link",
    "help",
)
ADMIN_COMMANDS = ("stats", "broadcast")


def command_menu(tr: Translator, names: tuple[str, ...]) -> list[BotCommand]:
    """Commands with their descriptions in one language."""
    return [BotCommand(command=name, description=tr(f"bot-command-{name}")) for name in names]


async def register_commands(bot: Bot, i18n: I18n, admin_ids: list[int]) -> None:
    """The menu in each language (English is also the default), and admin commands per admin."""
    scope = BotCommandScopeDefault()
    await bot.set_my_commands(command_menu(i18n.get(DEFAULT_LANGUAGE), USER_COMMANDS), scope=scope)
    for language in LANGUAGES:
        menu = command_menu(i18n.get(language), USER_COMMANDS)
        await bot.set_my_commands(menu, scope=scope, language_code=language)
    admin_menu = command_menu(i18n.get(DEFAULT_LANGUAGE), USER_COMMANDS + ADMIN_COMMANDS)
    for admin_id in admin_ids:
        try:
            await bot.set_my_commands(admin_menu, scope=BotCommandScopeChat(chat_id=admin_id))
        except TelegramAPIError as exc:
            # An admin who never opened the bot has no chat yet; the menu comes next start.
            log.warning("cannot set admin commands", admin_id=admin_id, error=exc.message)
