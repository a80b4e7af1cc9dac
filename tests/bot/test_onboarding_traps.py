"""Onboarding never traps: bad links, commands at any step, old buttons, a stale location."""

import pytest

from bot.keyboards.callbacks import (
    KindToggle,
    LanguagePick,
    LeadToggle,
    SettingsOpen,
    StepDone,
    ZonePick,
)
from bot.timezones import offset_zone
from core.i18n import I18n, Translator
from tests.bot.conftest import StartBot
from tests.bot.helpers import plain, press, reply_to, to_timezone_step, user_when
from tests.fakes.telegram import FakeTelegram, StoredMessage, UserDriver

pytestmark = pytest.mark.postgres


def welcome_with_picker(tr: Translator, message: StoredMessage, name: str) -> None:
    """`message` is the welcome followed by the language picker."""
    assert message.text == tr("bot-welcome", name=name) + "\n\n" + tr("bot-language-prompt")
    assert LanguagePick(code="en", onboarding=True).pack() in message.callback_buttons()


async def test_a_bad_deep_link_still_starts_the_bot(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot():
        driver = tg.user(tg.add_user("Ada"))
        invalid, welcome = await reply_to(driver, "/start promo2026", 2)
        assert invalid.text == tr.error("token_invalid")
        welcome_with_picker(tr, welcome, "Ada")
        # Something Telegram never sends as a payload, too.
        invalid, welcome = await reply_to(driver, "/start ../../etc", 2)
        assert invalid.text == tr.error("token_invalid")
        welcome_with_picker(tr, welcome, "Ada")


async def _help_then_step(driver: UserDriver, tr: Translator) -> StoredMessage:
    """Send /help in the middle of a step: the help, then the step again."""
    help_text, step = await reply_to(driver, "/help", 2)
    assert help_text.text == plain(tr("bot-help"))
    return step


async def test_commands_work_at_every_step_and_setup_resumes(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        await reply_to(driver, "/start")
        languages = await _help_then_step(driver, tr)
        assert languages.text == tr("bot-language-prompt")

        await press(driver, languages, LanguagePick(code="en", onboarding=True), 1)
        tz_prompt = await _help_then_step(driver, tr)
        assert tz_prompt.text == tr("bot-tz-prompt")
        [offsets] = await reply_to(driver, tr("bot-tz-offset-button"))
        _, [_, kinds] = await press(
            driver, offsets, ZonePick(zone=offset_zone(3), onboarding=True), 2
        )

        unknown, kinds = await reply_to(driver, "/nosuchcommand", 2)
        assert unknown.text == tr("bot-unknown-command")
        assert kinds.text == tr("bot-kinds-prompt")
        await press(driver, kinds, KindToggle(group="meteors", onboarding=True))
        _, [leads] = await press(driver, kinds, StepDone(step="kinds", onboarding=True), 1)

        leads = await _help_then_step(driver, tr)
        assert leads.text == tr("bot-leads-prompt")
        _, [summary] = await press(driver, leads, StepDone(step="leads", onboarding=True), 1)
        assert str(summary.text).startswith(tr("bot-onboarding-done"))
        row = await user_when(
            running.sessionmaker, person.id, lambda u: u.onboarded_at is not None
        )
        assert "meteor_shower" in row.reminder_kinds
        # Once set up, a command is just answered.
        [help_text] = await reply_to(driver, "/help")
        assert help_text.text == plain(tr("bot-help"))


async def test_old_setup_buttons_change_only_what_they_name(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        await to_timezone_step(driver)
        [offsets] = await reply_to(driver, tr("bot-tz-offset-button"))
        _, [_, old_kinds] = await press(
            driver, offsets, ZonePick(zone=offset_zone(3), onboarding=True), 2
        )
        # Typing shows the step again: the first toggles stay on screen, live.
        _, kinds = await reply_to(driver, "meteors please", 2)
        _, [old_leads] = await press(driver, kinds, StepDone(step="kinds", onboarding=True), 1)
        _, leads = await reply_to(driver, "one day", 2)
        await press(driver, leads, StepDone(step="leads", onboarding=True), 1)
        await user_when(running.sessionmaker, person.id, lambda u: u.onboarded_at is not None)
        settled = len(tg.messages_to(person))

        answer, _ = await press(driver, old_kinds, StepDone(step="kinds", onboarding=True))
        assert answer == tr("bot-step-finished")
        await tg.wait_until(
            lambda: tg.message(person.id, old_kinds.message_id).reply_markup is None
        )
        answer, _ = await press(driver, old_leads, LeadToggle(minutes=60, onboarding=True))
        assert answer is None
        row = await user_when(
            running.sessionmaker, person.id, lambda u: 60 in u.reminder_leads_minutes
        )
        assert sorted(row.reminder_leads_minutes) == [60, 24 * 60]
        answer, _ = await press(driver, old_leads, StepDone(step="leads", onboarding=True))
        assert answer == tr("bot-step-finished")
        # No question was asked again.
        assert len(tg.messages_to(person)) == settled


async def test_an_offset_elsewhere_on_the_clock_forgets_the_shared_location(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        await reply_to(driver, "/settings")
        driver.send_location(40.18, 44.50)  # Yerevan, UTC+4 all year
        await driver.wait_for_messages()
        await user_when(running.sessionmaker, person.id, lambda u: u.timezone == "Asia/Yerevan")

        async def pick_offset(hours: int) -> str:
            [summary] = await reply_to(driver, "/settings")
            await press(driver, summary, SettingsOpen(step="timezone"), 1)
            [offsets] = await reply_to(driver, tr("bot-tz-offset-button"))
            zone = offset_zone(hours)
            _, [confirmation, _] = await press(
                driver, offsets, ZonePick(zone=zone, onboarding=False), 2
            )
            await user_when(running.sessionmaker, person.id, lambda u: u.timezone == zone)
            return str(confirmation.text)

        # The same clock as the place: the location stays.
        assert tr("bot-location-cleared") not in await pick_offset(4)
        row = await user_when(running.sessionmaker, person.id, lambda u: u.latitude is not None)
        assert row.latitude == pytest.approx(40.18)
        # UTC-7 is not the clock of Yerevan: the location goes, and the user is told.
        assert tr("bot-location-cleared") in await pick_offset(-7)
        row = await user_when(running.sessionmaker, person.id, lambda u: u.latitude is None)
        assert row.longitude is None
