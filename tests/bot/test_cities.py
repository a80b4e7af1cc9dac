"""Typing a town during setup: GeoNames matches in any script, picked over the fake Telegram."""

import asyncio
from datetime import UTC, datetime

import pytest

from bot.keyboards.callbacks import CityPick, LanguagePick, ZonePick
from bot.timezones import offset_zone, utc_offset_label
from core.i18n import I18n
from tests.bot.conftest import RunningBot, StartBot
from tests.bot.helpers import CITY_INDEX_TIMEOUT, forge_press, press, reply_to, user_when
from tests.fakes.telegram import FakeTelegram, StoredMessage, UserDriver

pytestmark = pytest.mark.postgres


async def _type_city(driver: UserDriver, language: str, city: str) -> StoredMessage:
    """Start, choose `language`, type `city`; return the bot's answer."""
    [languages] = await reply_to(driver, "/start")
    await press(driver, languages, LanguagePick(code=language, onboarding=True), 1)
    driver.send_text(city)
    [answer] = await driver.wait_for_messages(timeout=CITY_INDEX_TIMEOUT)
    return answer


# (language, typed, country in that language, zone, latitude, longitude)
TOWNS = [
    ("ru", "Москва", "Россия", "Europe/Moscow", 55.75, 37.62),
    ("ja", "東京", "日本", "Asia/Tokyo", 35.69, 139.69),
    ("pt", "sao paulo", "Brasil", "America/Sao_Paulo", -23.55, -46.64),
    ("ru", "Ереван", "Армения", "Asia/Yerevan", 40.18, 44.51),
]


async def _pick_town(
    tg: FakeTelegram,
    running: RunningBot,
    i18n: I18n,
    town: tuple[str, str, str, str, float, float],
) -> None:
    language, typed, country, zone, latitude, longitude = town
    tr = i18n.get(language)
    person = tg.add_user("Ada", language_code=language)
    driver = tg.user(person)
    matches = await _type_city(driver, language, typed)
    assert matches.text == tr("bot-tz-matches")
    (first, label), *_ = matches.callback_buttons().items()
    # Named as typed (or its accented form), with the country in the user's language.
    assert label.split(", ")[0].casefold() in {typed.casefold(), "são paulo"}
    assert f", {country} · {utc_offset_label(zone)}" in label

    before = datetime.now(UTC)
    _, [confirmation, kinds] = await press(driver, matches, first, 2)
    after = datetime.now(UTC)
    # The reply shows the local time when it was written: either side of a minute boundary.
    assert confirmation.text in {
        tr("bot-tz-city-set", place=label, time=tr.format_time(moment, zone))
        for moment in (before, after)
    }
    assert kinds.text == tr("bot-kinds-prompt")
    row = await user_when(running.sessionmaker, person.id, lambda u: u.timezone == zone)
    assert row.latitude == pytest.approx(latitude, abs=0.1)
    assert row.longitude == pytest.approx(longitude, abs=0.1)


async def test_typed_towns_set_zone_and_place(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    async with start_bot() as running:
        # Four people at once: each chat has its own Telegram rate limit.
        await asyncio.gather(*(_pick_town(tg, running, bot_i18n, town) for town in TOWNS))


async def test_namesakes_make_a_pick_list(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        matches = await _type_city(driver, "en", "Springfield")
        towns = {
            data: label for data, label in matches.callback_buttons().items() if "city:" in data
        }
        assert len(towns) > 3
        states = [label.split(", ")[1] for label in towns.values()]
        assert {"IL", "MA", "MO"} <= set(states)
        assert len(set(states)) == len(states)
        assert all(label.startswith("Springfield, ") for label in towns.values())
        assert all(", United States · UTC-" in label for label in towns.values())

        illinois = next(data for data, label in towns.items() if ", IL, " in label)
        await press(driver, matches, illinois, 2)
        row = await user_when(
            running.sessionmaker, person.id, lambda u: u.timezone == "America/Chicago"
        )
        assert row.latitude == pytest.approx(39.80, abs=0.1)

        # A button for a town never offered (a forged id) is refused politely.
        forged = forge_press(tg, driver, matches, CityPick(city=1, onboarding=True).pack())
        assert (await driver.wait_for_answer(forged)).text == tr("bot-stale-button")


async def test_a_town_that_matches_nothing_offers_utc_offsets(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("ru")
    async with start_bot():
        driver = tg.user(tg.add_user("Ада", language_code="ru"))
        answer = await _type_city(driver, "ru", "Нигдебург")
        assert answer.text == tr("bot-tz-no-match", query="Нигдебург")
        assert ZonePick(zone=offset_zone(3), onboarding=True).pack() in answer.callback_buttons()
