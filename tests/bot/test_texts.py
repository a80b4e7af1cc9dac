"""What the bot writes, read as a person would in each language."""

import pytest

from bot.keyboards.callbacks import LeadToggle, SettingsOpen, StepDone
from core.i18n import LANGUAGES, I18n
from tests.bot.conftest import StartBot
from tests.bot.helpers import plain, press, reply_to, user_when
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


async def test_prompts_name_the_buttons_under_them(tg: FakeTelegram, start_bot: StartBot) -> None:
    async with start_bot():
        for language in LANGUAGES:
            driver = tg.user(tg.add_user("Ada", language_code=language))
            for step in ("kinds", "leads"):
                [summary] = await reply_to(driver, "/settings")
                _, [prompt] = await press(driver, summary, SettingsOpen(step=step), 1)
                done = prompt.callback_buttons()[StepDone(step=step, onboarding=False).pack()]
                assert done in str(prompt.text), (language, step, done, prompt.text)


async def test_japanese_lead_times_read_days_before(tg: FakeTelegram, start_bot: StartBot) -> None:
    async with start_bot():
        driver = tg.user(tg.add_user("Ada", language_code="ja"))
        [summary] = await reply_to(driver, "/settings")
        _, [prompt] = await press(driver, summary, SettingsOpen(step="leads"), 1)
        labels = prompt.callback_buttons()
        assert labels[LeadToggle(minutes=7 * 24 * 60, onboarding=False).pack()].endswith("7日前")
        assert labels[LeadToggle(minutes=24 * 60, onboarding=False).pack()].endswith("1日前")
        assert labels[LeadToggle(minutes=3 * 60, onboarding=False).pack()].endswith("3時間前")


@pytest.mark.parametrize(
    ("language", "latitude", "longitude", "shown"),
    [
        ("de", 48.1374, 11.5755, "48,14° N, 11,58° O"),
        ("en", -33.8688, 151.2093, "33.87° S, 151.21° E"),
        ("fr", 40.7128, -74.006, "40,71° N, 74,01° O"),
        ("ru", 55.7558, 37.6173, "55,76° с. ш., 37,62° в. д."),
        ("ja", 35.6895, 139.6917, "北緯35.69°, 東経139.69°"),
    ],
)
async def test_the_summary_writes_coordinates_the_local_way(
    tg: FakeTelegram,
    start_bot: StartBot,
    bot_i18n: I18n,
    language: str,
    latitude: float,
    longitude: float,
    shown: str,
) -> None:
    tr = bot_i18n.get(language)
    async with start_bot() as running:
        person = tg.add_user("Ada", language_code=language)
        driver = tg.user(person)
        driver.send_location(latitude, longitude)
        await driver.wait_for_messages()
        await user_when(running.sessionmaker, person.id, lambda u: u.latitude is not None)
        [summary] = await reply_to(driver, "/settings")
        assert (
            plain(tr("bot-summary-location", latitude="X", longitude="Y")).replace("X, Y", shown)
            in str(summary.text).splitlines()
        )


@pytest.mark.parametrize(("language", "separator"), [("zh", "、"), ("ja", "、")])
async def test_chinese_and_japanese_lists_use_their_comma(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n, language: str, separator: str
) -> None:
    tr = bot_i18n.get(language)
    async with start_bot():
        driver = tg.user(tg.add_user("Ada", language_code=language))
        [summary] = await reply_to(driver, "/settings")
        prefix = plain(tr("bot-summary-reminders", kinds=""))
        [line] = [row for row in str(summary.text).splitlines() if row.startswith(prefix)]
        # The default reminders: full and new moon, supermoons and eclipses.
        assert tr("bot-kind-full-moon") + separator + tr("bot-kind-new-moon") in line
        assert ", " not in line
