"""Typed callback data of every inline button (each packs into Telegram's 64-byte limit)."""

from aiogram.filters.callback_data import CallbackData


class LanguagePick(CallbackData, prefix="lang"):
    """Choose the bot's language; `onboarding` continues to the next step."""

    code: str
    onboarding: bool


class ZonePick(CallbackData, prefix="tz"):
    """Choose an IANA timezone (a city's or an Etc/GMT offset zone)."""

    zone: str
    onboarding: bool


class CityPick(CallbackData, prefix="city"):
    """Choose a town from the typed-city matches by its GeoNames id."""

    city: int
    onboarding: bool


class OffsetMenu(CallbackData, prefix="tzo"):
    """Show the whole-hour UTC offsets to pick from."""

    onboarding: bool


class KindToggle(CallbackData, prefix="kind"):
    """Switch reminders for one group of event kinds on or off."""

    group: str
    onboarding: bool


class LeadToggle(CallbackData, prefix="lead"):
    """Switch one reminder lead time (minutes before an event) on or off."""

    minutes: int
    onboarding: bool


class StepDone(CallbackData, prefix="done"):
    """Finish a multiple-choice step ("kinds" or "leads")."""

    step: str
    onboarding: bool


class SettingsOpen(CallbackData, prefix="set"):
    """Open one step of the settings ("language", "timezone", "kinds", "leads")."""

    step: str


class LinkConfirm(CallbackData, prefix="link"):
    """Confirm or decline linking this Telegram account to the web account of `token`."""

    token: str
    confirm: bool


class JoinedCheck(CallbackData, prefix="joined"):
    """ "I've joined": check the channel membership again for a gated feature."""

    feature: str


class BroadcastConfirm(CallbackData, prefix="bc"):
    """Send or cancel the admin's previewed broadcast `nonce`."""

    nonce: str
    send: bool
