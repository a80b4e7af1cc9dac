"""Onboarding on /start, played through the fake Telegram in several languages."""

import pytest

from bot.keyboards.callbacks import CityPick, KindToggle, LanguagePick, LeadToggle, StepDone
from core.i18n import LANGUAGE_NATIVE_NAMES, I18n
from tests.bot.conftest import RunningBot, StartBot
from tests.bot.helpers import CITY_INDEX_TIMEOUT, press, reply_to, user_when
from tests.fakes.telegram import FakeTelegram


async def _onboard(
    tg: FakeTelegram, running: RunningBot, i18n: I18n, language: str, city: str, zone: str
) -> None:
    user = tg.add_user("Ada", language_code=language)
    driver = tg.user(user)
    tr = i18n.get(language)
    [languages] = await reply_to(driver, "/start")
    assert languages.text == tr("bot-welcome", name="Ada") + "\n\n" + tr("bot-language-prompt")
    assert sorted(languages.callback_buttons().values()) == sorted(LANGUAGE_NATIVE_NAMES.values())

    _, [tz_prompt] = await press(
        driver, languages, LanguagePick(code=language, onboarding=True), 1
    )
    assert tz_prompt.text == tr("bot-tz-prompt")
    assert tz_prompt.reply_markup is not None
    assert tz_prompt.reply_markup["keyboard"][0][0]["request_location"] is True

    driver.send_text(city)
    [matches] = await driver.wait_for_messages(timeout=CITY_INDEX_TIMEOUT)
    pick = next(iter(matches.callback_buttons()))
    assert CityPick.unpack(pick).onboarding
    _, [zone_set, kinds] = await press(driver, matches, pick, 2)
    assert zone_set.reply_markup == {"remove_keyboard": True}
    assert kinds.text == tr("bot-kinds-prompt")

    await press(driver, kinds, KindToggle(group="meteors", onboarding=True))
    meteors_on = f"✅ {tr('bot-kind-meteors')}"
    await tg.wait_until(lambda: meteors_on in kinds.callback_buttons().values())
    _, [leads] = await press(driver, kinds, StepDone(step="kinds", onboarding=True), 1)
    await press(driver, leads, LeadToggle(minutes=60, onboarding=True))
    _, [summary] = await press(driver, leads, StepDone(step="leads", onboarding=True), 1)
    assert summary.text is not None
    assert summary.text.startswith(tr("bot-onboarding-done"))
    assert LANGUAGE_NATIVE_NAMES[language] in summary.text
    assert tr("bot-kind-meteors") in summary.text

    row = await user_when(running.sessionmaker, user.id, lambda u: u.onboarded_at is not None)
    assert row.language == language
    assert row.language_chosen
    assert row.timezone == zone
    assert "meteor_shower" in row.reminder_kinds
    assert sorted(row.reminder_leads_minutes) == [60, 24 * 60]
    assert row.onboarded_at is not None


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("language", "city", "zone"),
    [
        ("en", "New York", "America/New_York"),
        ("ru", "Новосибирск", "Asia/Novosibirsk"),
        ("hy", "Երևան", "Asia/Yerevan"),
    ],
)
async def test_onboarding_in_the_users_language(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n, language: str, city: str, zone: str
) -> None:
    async with start_bot() as running:
        await _onboard(tg, running, bot_i18n, language, city, zone)


async def test_onboarding_on_sqlite(
    tg: FakeTelegram, sqlite_bot: RunningBot, bot_i18n: I18n
) -> None:
    await _onboard(tg, sqlite_bot, bot_i18n, "de", "wien", "Europe/Vienna")
