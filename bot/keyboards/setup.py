"""Keyboards of the setup steps: language, timezone, reminder kinds and lead times."""

from collections.abc import Collection
from datetime import datetime
from typing import Final

from aiogram.types import (
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.keyboards.callbacks import (
    CityPick,
    KindToggle,
    LanguagePick,
    LeadToggle,
    OffsetMenu,
    SettingsOpen,
    StepDone,
    ZonePick,
)
from bot.timezones import UTC_OFFSETS, offset_zone, utc_offset_label
from core.cities import City, CityMatch
from core.i18n import LANGUAGE_NATIVE_NAMES, Translator
from core.reminder_choices import LEAD_CHOICES, REMINDER_GROUPS, group_is_on, lead_label

SETUP_STEPS: Final = ("language", "timezone", "kinds", "leads")
_ON, _OFF = "✅", "▫️"


def language_keyboard(onboarding: bool) -> InlineKeyboardMarkup:
    """The ten languages, each named in itself."""
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NATIVE_NAMES.items():
        builder.button(text=name, callback_data=LanguagePick(code=code, onboarding=onboarding))
    builder.adjust(2)
    return builder.as_markup()


def location_keyboard(tr: Translator) -> ReplyKeyboardMarkup:
    """Share the location, or ask for the list of UTC offsets."""
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=tr("bot-tz-share-location"), request_location=True)],
            [KeyboardButton(text=tr("bot-tz-offset-button"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder=tr("bot-tz-placeholder"),
    )


def city_label(tr: Translator, city: City, name: str, now: datetime | None = None) -> str:
    """ "Springfield, MO, United States · UTC-6": the country in the user's language."""
    country = tr.babel_locale.territories.get(city.country, city.country)
    place = ", ".join(part for part in (name, city.region, country) if part)
    return f"{place} · {utc_offset_label(city.zone, now)}"


def city_matches_keyboard(
    tr: Translator, matches: list[CityMatch], onboarding: bool
) -> InlineKeyboardMarkup:
    """One button per matching town, plus the UTC offsets."""
    builder = InlineKeyboardBuilder()
    for match in matches:
        builder.button(
            text=city_label(tr, match.city, match.shown),
            callback_data=CityPick(city=match.city.id, onboarding=onboarding),
        )
    builder.button(text="UTC ±", callback_data=OffsetMenu(onboarding=onboarding))
    builder.adjust(1)
    return builder.as_markup()


def offsets_keyboard(onboarding: bool) -> InlineKeyboardMarkup:
    """Whole-hour offsets from UTC-12 to UTC+14."""
    builder = InlineKeyboardBuilder()
    for hours in UTC_OFFSETS:
        label = "UTC" if hours == 0 else f"UTC{hours:+d}"
        builder.button(
            text=label, callback_data=ZonePick(zone=offset_zone(hours), onboarding=onboarding)
        )
    builder.adjust(4)
    return builder.as_markup()


def kinds_keyboard(
    tr: Translator, kinds: Collection[str], onboarding: bool
) -> InlineKeyboardMarkup:
    """A toggle per reminder group, then Done."""
    builder = InlineKeyboardBuilder()
    for group in REMINDER_GROUPS:
        mark = _ON if group_is_on(group, kinds) else _OFF
        builder.button(
            text=f"{mark} {tr(f'bot-kind-{group}')}",
            callback_data=KindToggle(group=group, onboarding=onboarding),
        )
    builder.button(
        text=tr("common-done"), callback_data=StepDone(step="kinds", onboarding=onboarding)
    )
    builder.adjust(1)
    return builder.as_markup()


def leads_keyboard(
    tr: Translator, leads: Collection[int], onboarding: bool
) -> InlineKeyboardMarkup:
    """A toggle per lead time, then Done."""
    builder = InlineKeyboardBuilder()
    for minutes in LEAD_CHOICES:
        mark = _ON if minutes in leads else _OFF
        builder.button(
            text=f"{mark} {lead_label(tr, minutes)}",
            callback_data=LeadToggle(minutes=minutes, onboarding=onboarding),
        )
    builder.button(
        text=tr("common-done"), callback_data=StepDone(step="leads", onboarding=onboarding)
    )
    builder.adjust(1)
    return builder.as_markup()


def settings_keyboard(tr: Translator) -> InlineKeyboardMarkup:
    """The settings menu: one button per setup step."""
    builder = InlineKeyboardBuilder()
    for step in SETUP_STEPS:
        builder.button(text=tr(f"bot-settings-{step}"), callback_data=SettingsOpen(step=step))
    builder.adjust(2)
    return builder.as_markup()
