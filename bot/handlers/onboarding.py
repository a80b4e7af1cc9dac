"""/start and the setup steps: language, timezone, reminder kinds and lead times."""

from datetime import UTC, datetime
from html import escape

from aiogram import Bot, F, Router
from aiogram.filters import CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, ReplyKeyboardRemove
from aiogram.utils.chat_action import ChatActionSender
from sqlalchemy.ext.asyncio import AsyncSession

from bot.gate import GateAlerts, feature_open
from bot.keyboards.callbacks import (
    CityPick,
    KindToggle,
    LanguagePick,
    LeadToggle,
    OffsetMenu,
    StepDone,
    ZonePick,
)
from bot.keyboards.setup import (
    city_label,
    city_matches_keyboard,
    kinds_keyboard,
    leads_keyboard,
    offsets_keyboard,
)
from bot.replies import send_join_prompt
from bot.steps import (
    Setup,
    ask_kinds,
    ask_leads,
    ask_timezone,
    greet,
    resume_step,
    show_summary,
    zone_text,
)
from bot.timezones import is_known_zone, utc_offset_label, zone_at
from core.cities import CityCatalogue
from core.config import Settings
from core.i18n import LANGUAGE_NATIVE_NAMES, LANGUAGES, I18n, Translator
from core.reminder_choices import LEAD_CHOICES, REMINDER_GROUPS, group_is_on
from models.user import User


async def start(message: Message, tr: Translator, state: FSMContext, user: User) -> None:
    """Greet; a newcomer (or one who never finished) goes through setup from the language."""
    user.bot_blocked_at = None
    await greet(
        message, tr, state, user, message.from_user.first_name if message.from_user else ""
    )


async def _editable(query: CallbackQuery) -> Message | None:
    # Buttons of messages older than 48 hours arrive without a usable message.
    return query.message if isinstance(query.message, Message) else None


async def pick_language(
    query: CallbackQuery,
    *,
    callback_data: LanguagePick,
    tr: Translator,
    i18n: I18n,
    state: FSMContext,
    user: User,
) -> None:
    """Store the language and go on (onboarding) or back to the settings.

    A picker from an earlier step (an old message) only changes the language.
    """
    message = await _editable(query)
    if callback_data.code not in LANGUAGES or message is None:
        await query.answer(tr("bot-stale-button"))
        return
    user.language, user.language_chosen = callback_data.code, True
    tr = i18n.get(callback_data.code)
    done = tr("common-language-set", language=LANGUAGE_NATIVE_NAMES[callback_data.code])
    at_step = await state.get_state() == Setup.language
    await query.answer(None if at_step else done)
    await message.edit_text(done)
    if not at_step:
        return
    if await _onboarding(state):
        await ask_timezone(message, tr, state, onboarding=True)
    else:
        await show_summary(message, tr, state, user)


async def _onboarding(state: FSMContext) -> bool:
    return bool((await state.get_data()).get("onboarding"))


async def type_city(
    message: Message, tr: Translator, state: FSMContext, bot: Bot, cities: CityCatalogue
) -> None:
    """Search what the user typed among city names; offer the matches or the UTC offsets."""
    text = message.text or ""
    onboarding = await _onboarding(state)
    if text.strip() == tr("bot-tz-offset-button"):
        await message.answer(tr("bot-tz-offset-prompt"), reply_markup=offsets_keyboard(onboarding))
        return
    if cities.ready:
        matches = await cities.search(text, tr.locale)
    else:
        # Only while the index is still being built: "typing…" until the answer comes.
        async with ChatActionSender.typing(bot=bot, chat_id=message.chat.id, initial_sleep=0):
            matches = await cities.search(text, tr.locale)
    if not matches:
        await message.answer(
            tr("bot-tz-no-match", query=escape(text[:64])),
            reply_markup=offsets_keyboard(onboarding),
        )
        return
    await message.answer(
        tr("bot-tz-matches"), reply_markup=city_matches_keyboard(tr, matches, onboarding)
    )


async def show_offsets(query: CallbackQuery, callback_data: OffsetMenu, tr: Translator) -> None:
    """Replace the city matches with the list of UTC offsets."""
    message = await _editable(query)
    await query.answer()
    if message is not None:
        await message.edit_text(
            tr("bot-tz-offset-prompt"), reply_markup=offsets_keyboard(callback_data.onboarding)
        )


async def _zone_chosen(
    message: Message, tr: Translator, state: FSMContext, user: User, confirmation: str = ""
) -> None:
    # Only the live time zone step goes on; a button of an old message changes just the zone.
    at_step = await state.get_state() == Setup.timezone
    await message.answer(
        confirmation or tr("common-timezone-set", timezone=escape(zone_text(tr, user.timezone))),
        reply_markup=ReplyKeyboardRemove(),
    )
    if at_step and await _onboarding(state):
        await ask_kinds(message, tr, state, user, onboarding=True)
    elif at_step:
        await show_summary(message, tr, state, user)


async def pick_zone(
    query: CallbackQuery, callback_data: ZonePick, tr: Translator, state: FSMContext, user: User
) -> None:
    """Store the chosen timezone; a shared location elsewhere on the clock is forgotten."""
    message = await _editable(query)
    if not is_known_zone(callback_data.zone) or message is None:
        await query.answer(tr("bot-stale-button"))
        return
    user.timezone = callback_data.zone
    confirmation = tr("common-timezone-set", timezone=escape(zone_text(tr, user.timezone)))
    if _location_elsewhere(user):
        # Rise and set times for a place on another clock would contradict the chosen zone.
        user.latitude = user.longitude = None
        confirmation += "\n" + tr("bot-location-cleared")
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    await _zone_chosen(message, tr, state, user, confirmation)


def _location_elsewhere(user: User) -> bool:
    """True when the shared location keeps another UTC offset than the user's zone now."""
    if user.latitude is None or user.longitude is None:
        return False
    there = zone_at(user.latitude, user.longitude)
    now = datetime.now(UTC)
    return there is None or utc_offset_label(there, now) != utc_offset_label(user.timezone, now)


def _pressed_label(message: Message, data: str | None) -> str | None:
    buttons = message.reply_markup.inline_keyboard if message.reply_markup else []
    return next((b.text for row in buttons for b in row if b.callback_data == data), None)


async def pick_city(
    query: CallbackQuery,
    *,
    callback_data: CityPick,
    tr: Translator,
    state: FSMContext,
    user: User,
    cities: CityCatalogue,
) -> None:
    """Store the town's timezone, and its position as the user's approximate location."""
    message = await _editable(query)
    city = await cities.get(callback_data.city)
    if city is None or not is_known_zone(city.zone) or message is None:
        await query.answer(tr("bot-stale-button"))
        return
    # Whoever names their town is telling us where they are; a town's centre is as good as a
    # shared location for rise and set times, and the summary shows it, replaceable any time.
    user.timezone, user.latitude, user.longitude = city.zone, city.latitude, city.longitude
    # The label the user pressed names the town as they typed it ("Москва, Россия · UTC+3").
    place = _pressed_label(message, query.data) or city_label(tr, city, city.name)
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    confirmation = tr(
        "bot-tz-city-set", place=escape(place), time=tr.format_time(datetime.now(UTC), city.zone)
    )
    await _zone_chosen(message, tr, state, user, confirmation)


async def share_location(message: Message, tr: Translator, state: FSMContext, user: User) -> None:
    """A shared location sets the timezone and the place for local visibility."""
    assert message.location is not None  # the filter guarantees it
    latitude, longitude = message.location.latitude, message.location.longitude
    user.latitude, user.longitude = latitude, longitude
    in_step = await state.get_state() == Setup.timezone
    onboarding = in_step and await _onboarding(state)
    zone = zone_at(latitude, longitude)
    if zone is None:
        await state.set_state(Setup.timezone)
        await state.update_data(onboarding=onboarding)
        await message.answer(tr("bot-tz-polar"), reply_markup=offsets_keyboard(onboarding))
        return
    user.timezone = zone
    if not in_step:
        await message.answer(
            tr("common-timezone-set", timezone=escape(zone_text(tr, zone))),
            reply_markup=ReplyKeyboardRemove(),
        )
        return
    await _zone_chosen(message, tr, state, user)


async def toggle_kind(
    query: CallbackQuery, callback_data: KindToggle, tr: Translator, user: User
) -> None:
    """Switch one reminder group on or off and redraw the toggles."""
    message = await _editable(query)
    group = REMINDER_GROUPS.get(callback_data.group)
    if group is None or message is None:
        await query.answer(tr("bot-stale-button"))
        return
    values = {kind.value for kind in group}
    if group_is_on(callback_data.group, user.reminder_kinds):
        user.reminder_kinds = [k for k in user.reminder_kinds if k not in values]
    else:
        user.reminder_kinds = [*user.reminder_kinds, *sorted(values - set(user.reminder_kinds))]
    await query.answer()
    await message.edit_reply_markup(
        reply_markup=kinds_keyboard(tr, user.reminder_kinds, callback_data.onboarding)
    )


async def toggle_lead(
    query: CallbackQuery, callback_data: LeadToggle, tr: Translator, user: User
) -> None:
    """Switch one lead time on or off and redraw the toggles."""
    message = await _editable(query)
    minutes = callback_data.minutes
    if minutes not in LEAD_CHOICES or message is None:
        await query.answer(tr("bot-stale-button"))
        return
    leads = set(user.reminder_leads_minutes) ^ {minutes}
    user.reminder_leads_minutes = sorted(leads, reverse=True)
    await query.answer()
    await message.edit_reply_markup(
        reply_markup=leads_keyboard(tr, user.reminder_leads_minutes, callback_data.onboarding)
    )


async def _step_finished(query: CallbackQuery, tr: Translator, message: Message) -> None:
    # "Done" under an old message names no change: say so politely and retire its buttons.
    await query.answer(tr("bot-step-finished"))
    await message.edit_reply_markup(reply_markup=None)


async def kinds_done(query: CallbackQuery, tr: Translator, state: FSMContext, user: User) -> None:
    """Go on to the lead times (onboarding) or back to the settings."""
    message = await _editable(query)
    if message is None:
        await query.answer(tr("bot-stale-button"))
        return
    if await state.get_state() != Setup.kinds:
        await _step_finished(query, tr, message)
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    if await _onboarding(state):
        await ask_leads(message, tr, state, user, onboarding=True)
    else:
        await show_summary(message, tr, state, user)


async def leads_done(
    query: CallbackQuery,
    *,
    tr: Translator,
    state: FSMContext,
    bot: Bot,
    session: AsyncSession,
    user: User,
    settings: Settings,
    gate_alerts: GateAlerts,
) -> None:
    """Finish onboarding with the summary (or go back to the settings)."""
    message = await _editable(query)
    if message is None:
        await query.answer(tr("bot-stale-button"))
        return
    if await state.get_state() != Setup.leads:
        await _step_finished(query, tr, message)
        return
    await query.answer()
    await message.edit_reply_markup(reply_markup=None)
    finishing = await _onboarding(state) and user.onboarded_at is None
    if finishing:
        user.onboarded_at = datetime.now(UTC)
    intro = tr("bot-onboarding-done") if finishing else ""
    await show_summary(message, tr, state, user, intro)
    if finishing and not await feature_open(
        bot, session, user, settings=settings.telegram, feature="reminders", alerts=gate_alerts
    ):
        await send_join_prompt(message, tr, bot, settings, "reminders")


async def expected_button(message: Message, tr: Translator, state: FSMContext, user: User) -> None:
    """Typed text where a button was expected: say so and show the step again."""
    await message.answer(tr("bot-use-buttons"))
    await resume_step(message, tr, state, user)


def create_router() -> Router:
    """/start and the setup steps. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.message.register(start, CommandStart(deep_link=False))
    router.callback_query.register(pick_language, LanguagePick.filter())
    router.message.register(type_city, Setup.timezone, F.text, ~F.text.startswith("/"))
    router.callback_query.register(show_offsets, OffsetMenu.filter())
    router.callback_query.register(pick_zone, ZonePick.filter())
    router.callback_query.register(pick_city, CityPick.filter())
    router.message.register(share_location, F.location)
    router.callback_query.register(toggle_kind, KindToggle.filter())
    router.callback_query.register(toggle_lead, LeadToggle.filter())
    router.callback_query.register(kinds_done, StepDone.filter(F.step == "kinds"))
    router.callback_query.register(leads_done, StepDone.filter(F.step == "leads"))
    # Commands are not answers to a step: they reach their own handlers at any step.
    not_command = ~F.text.startswith("/")
    router.message.register(expected_button, Setup.language, not_command)
    router.message.register(expected_button, Setup.kinds, not_command)
    router.message.register(expected_button, Setup.leads, not_command)
    return router
