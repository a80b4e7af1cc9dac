"""/settings and /language: change any setup step later."""

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.keyboards.callbacks import SettingsOpen
from bot.steps import ask_kinds, ask_language, ask_leads, ask_timezone, show_summary
from core.i18n import Translator
from models.user import User


async def settings(message: Message, tr: Translator, state: FSMContext, user: User) -> None:
    """Show the current settings with a button per step."""
    await show_summary(message, tr, state, user)


async def language(message: Message, tr: Translator, state: FSMContext) -> None:
    """Go straight to the language picker."""
    await ask_language(message, tr, state, onboarding=False)


async def open_step(
    query: CallbackQuery,
    callback_data: SettingsOpen,
    tr: Translator,
    state: FSMContext,
    user: User,
) -> None:
    """Open one step from the settings menu."""
    message = query.message if isinstance(query.message, Message) else None
    if message is None:
        await query.answer(tr("bot-stale-button"))
        return
    if callback_data.step == "language":
        await ask_language(message, tr, state, onboarding=False)
    elif callback_data.step == "timezone":
        await ask_timezone(message, tr, state, onboarding=False)
    elif callback_data.step == "kinds":
        await ask_kinds(message, tr, state, user, onboarding=False)
    elif callback_data.step == "leads":
        await ask_leads(message, tr, state, user, onboarding=False)
    else:
        await query.answer(tr("bot-stale-button"))
        return
    await query.answer()


def create_router() -> Router:
    """/settings and /language. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.message.register(settings, Command("settings"))
    router.message.register(language, Command("language"))
    router.callback_query.register(open_step, SettingsOpen.filter())
    return router
