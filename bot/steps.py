"""The setup steps shared by onboarding (/start) and /settings, and the settings summary."""

from datetime import UTC, datetime
from html import escape

from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup, Message, ReplyKeyboardRemove
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.keyboards.callbacks import JoinedCheck
from bot.keyboards.setup import (
    kinds_keyboard,
    language_keyboard,
    leads_keyboard,
    location_keyboard,
    settings_keyboard,
)
from bot.timezones import utc_offset_label
from core.cities import city_name
from core.config import GatedFeature
from core.i18n import LANGUAGE_NATIVE_NAMES, Translator
from core.reminder_choices import LEAD_CHOICES, REMINDER_GROUPS, group_is_on, lead_label
from models.user import User


class Setup(StatesGroup):
    """Where a person is in a setup step that reads typed text."""

    language = State()
    timezone = State()
    kinds = State()
    leads = State()


async def ask_language(
    message: Message, tr: Translator, state: FSMContext, onboarding: bool, intro: str = ""
) -> None:
    """Show the language picker (after `intro`, e.g. the welcome, in the same message)."""
    await state.set_state(Setup.language)
    await state.update_data(onboarding=onboarding)
    text = f"{intro}\n\n{tr('bot-language-prompt')}" if intro else tr("bot-language-prompt")
    await message.answer(text, reply_markup=language_keyboard(onboarding))


async def ask_timezone(
    message: Message, tr: Translator, state: FSMContext, onboarding: bool
) -> None:
    """Ask for a location, a city name or a UTC offset."""
    await state.set_state(Setup.timezone)
    await state.update_data(onboarding=onboarding)
    await message.answer(tr("bot-tz-prompt"), reply_markup=location_keyboard(tr))


async def ask_kinds(
    message: Message, tr: Translator, state: FSMContext, user: User, onboarding: bool
) -> None:
    """Show the reminder kinds as toggles."""
    await state.set_state(Setup.kinds)
    await state.update_data(onboarding=onboarding)
    await message.answer(
        tr("bot-kinds-prompt"), reply_markup=kinds_keyboard(tr, user.reminder_kinds, onboarding)
    )


async def ask_leads(
    message: Message, tr: Translator, state: FSMContext, user: User, onboarding: bool
) -> None:
    """Show the reminder lead times as toggles."""
    await state.set_state(Setup.leads)
    await state.update_data(onboarding=onboarding)
    await message.answer(
        tr("bot-leads-prompt"),
        reply_markup=leads_keyboard(tr, user.reminder_leads_minutes, onboarding),
    )


async def greet(
    message: Message, tr: Translator, state: FSMContext, user: User, name: str
) -> None:
    """Welcome `name`; a newcomer (or one who never finished) sets up from the language."""
    if user.onboarded_at is None:
        welcome = tr("bot-welcome", name=escape(name))
        await ask_language(message, tr, state, onboarding=True, intro=welcome)
        return
    await state.clear()
    await message.answer(tr("bot-welcome-back"), reply_markup=ReplyKeyboardRemove())


async def resume_step(message: Message, tr: Translator, state: FSMContext, user: User) -> bool:
    """Show the setup step the person is in again; False when they are in none."""
    step, onboarding = await state.get_state(), bool((await state.get_data()).get("onboarding"))
    if step == Setup.language:
        await ask_language(message, tr, state, onboarding)
    elif step == Setup.timezone:
        await ask_timezone(message, tr, state, onboarding)
    elif step == Setup.kinds:
        await ask_kinds(message, tr, state, user, onboarding)
    elif step == Setup.leads:
        await ask_leads(message, tr, state, user, onboarding)
    else:
        return False
    return True


def zone_text(tr: Translator, zone: str, now: datetime | None = None) -> str:
    """ "Berlin (UTC+1), now 14:05" for a city zone; "UTC+3, now 16:05" for an offset zone."""
    moment = now or datetime.now(UTC)
    offset = utc_offset_label(zone, moment)
    local = tr.format_time(moment, zone)
    if zone.startswith("Etc/"):
        return tr("bot-zone-offset", offset=offset, time=local)
    return tr("bot-zone-city", city=city_name(zone, tr.locale), offset=offset, time=local)


def coordinates_text(tr: Translator, latitude: float, longitude: float) -> str:
    """ "48.14° N, 11.58° E" with the language's decimal mark and compass letters."""
    north = tr(
        "bot-latitude-north" if latitude >= 0 else "bot-latitude-south",
        degrees=tr.format_number(abs(latitude), 2),
    )
    east = tr(
        "bot-longitude-east" if longitude >= 0 else "bot-longitude-west",
        degrees=tr.format_number(abs(longitude), 2),
    )
    return tr("bot-summary-location", latitude=north, longitude=east)


def summary_text(tr: Translator, user: User) -> str:
    """The person's settings, one line each."""
    kinds = [tr(f"bot-kind-{g}") for g in REMINDER_GROUPS if group_is_on(g, user.reminder_kinds)]
    leads = [lead_label(tr, m) for m in LEAD_CHOICES if m in user.reminder_leads_minutes]
    if user.latitude is not None and user.longitude is not None:
        location = coordinates_text(tr, user.latitude, user.longitude)
    else:
        location = tr("bot-summary-no-location")
    reminders = tr.format_list(kinds) if kinds and leads else tr("bot-summary-reminders-off")
    return "\n".join(
        [
            tr("bot-summary-title"),
            tr("bot-summary-language", language=LANGUAGE_NATIVE_NAMES[tr.locale]),
            tr("bot-summary-timezone", zone=escape(zone_text(tr, user.timezone))),
            location,
            tr("bot-summary-reminders", kinds=escape(reminders)),
            tr("bot-summary-leads", leads=escape(tr.format_list(leads) if leads else "—")),
        ]
    )


async def show_summary(
    message: Message, tr: Translator, state: FSMContext, user: User, intro: str = ""
) -> None:
    """Leave any setup step and show the settings (after `intro`) with the menu to change them."""
    await state.clear()
    text = f"{intro}\n\n{summary_text(tr, user)}" if intro else summary_text(tr, user)
    await message.answer(text, reply_markup=settings_keyboard(tr))


def join_keyboard(tr: Translator, url: str | None, feature: GatedFeature) -> InlineKeyboardMarkup:
    """The channel link (when there is one) and the "I've joined" button."""
    builder = InlineKeyboardBuilder()
    if url is not None:
        builder.button(text=tr("bot-gate-open-channel"), url=url)
    builder.button(text=tr("bot-gate-joined"), callback_data=JoinedCheck(feature=feature))
    builder.adjust(1)
    return builder.as_markup()
