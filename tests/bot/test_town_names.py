"""Towns as people type them in each of the ten languages, shown under their own names."""

import asyncio

import pytest
from babel import Locale

from bot.keyboards.callbacks import CityPick, OffsetMenu
from core.i18n import CLDR_LOCALES
from tests.bot.conftest import RunningBot, StartBot
from tests.bot.helpers import CITY_INDEX_TIMEOUT, press, to_timezone_step, user_when
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres

# (language, typed, shown, country code, zone, latitude, longitude): the capital and two large
# towns per language, plus spellings people type without capitals or accents. Positions from
# an atlas, not from the index.
TOWNS = [
    ("en", "London", "London", "GB", "Europe/London", 51.51, -0.13),
    ("en", "Manchester", "Manchester", "GB", "Europe/London", 53.48, -2.24),
    ("en", "New York", "New York, NY", "US", "America/New_York", 40.71, -74.01),
    ("zh", "北京", "北京", "CN", "Asia/Shanghai", 39.91, 116.40),
    ("zh", "上海", "上海", "CN", "Asia/Shanghai", 31.22, 121.46),
    ("zh", "广州", "广州", "CN", "Asia/Shanghai", 23.12, 113.25),
    ("es", "Madrid", "Madrid", "ES", "Europe/Madrid", 40.42, -3.70),
    ("es", "barcelona", "Barcelona", "ES", "Europe/Madrid", 41.39, 2.16),
    ("es", "Ciudad de México", "Ciudad de México", "MX", "America/Mexico_City", 19.43, -99.13),
    ("hi", "नई दिल्ली", "नई दिल्ली", "IN", "Asia/Kolkata", 28.61, 77.21),
    ("hi", "मुंबई", "मुंबई", "IN", "Asia/Kolkata", 19.07, 72.88),
    ("hi", "कोलकाता", "कोलकाता", "IN", "Asia/Kolkata", 22.57, 88.36),
    ("pt", "Lisboa", "Lisboa", "PT", "Europe/Lisbon", 38.72, -9.14),
    ("pt", "sao paulo", "São Paulo", "BR", "America/Sao_Paulo", -23.55, -46.64),
    ("pt", "Porto Alegre", "Porto Alegre", "BR", "America/Sao_Paulo", -30.03, -51.23),
    ("de", "Berlin", "Berlin", "DE", "Europe/Berlin", 52.52, 13.41),
    ("de", "munchen", "München", "DE", "Europe/Berlin", 48.14, 11.58),
    ("de", "Tokio", "Tokio", "JP", "Asia/Tokyo", 35.69, 139.69),
    ("fr", "paris", "Paris", "FR", "Europe/Paris", 48.85, 2.35),
    ("fr", "Marseille", "Marseille", "FR", "Europe/Paris", 43.30, 5.37),
    ("fr", "lyon", "Lyon", "FR", "Europe/Paris", 45.75, 4.85),
    ("ja", "東京", "東京", "JP", "Asia/Tokyo", 35.69, 139.69),
    ("ja", "大阪", "大阪", "JP", "Asia/Tokyo", 34.69, 135.50),
    ("ja", "横浜", "横浜", "JP", "Asia/Tokyo", 35.44, 139.64),
    ("ru", "Москва", "Москва", "RU", "Europe/Moscow", 55.75, 37.62),
    ("ru", "санкт-петербург", "Санкт-Петербург", "RU", "Europe/Moscow", 59.94, 30.31),
    ("ru", "Новосибирск", "Новосибирск", "RU", "Asia/Novosibirsk", 55.04, 82.93),
    ("hy", "Երևան", "Երևան", "AM", "Asia/Yerevan", 40.18, 44.51),
    ("hy", "Գյումրի", "Գյումրի", "AM", "Asia/Yerevan", 40.79, 43.85),
    ("hy", "Վանաձոր", "Վանաձոր", "AM", "Asia/Yerevan", 40.81, 44.49),
]
# What the issue saw: a town's other names led to other towns, with identical buttons.
ALONE = {"Porto Alegre", "नई दिल्ली"}


async def _look_up(
    tg: FakeTelegram, running: RunningBot, town: tuple[str, str, str, str, str, float, float]
) -> None:
    language, typed, shown, country, zone, latitude, longitude = town
    person = tg.add_user("Ada", language_code=language)
    driver = tg.user(person)
    await to_timezone_step(driver, language)
    driver.send_text(typed)
    [matches] = await driver.wait_for_messages(timeout=CITY_INDEX_TIMEOUT)
    towns = {
        data: label
        for data, label in matches.callback_buttons().items()
        if data != OffsetMenu(onboarding=True).pack()
    }
    labels = [label.rpartition(" · ")[0] for label in towns.values()]
    territory = Locale.parse(CLDR_LOCALES[language]).territories[country]
    assert labels[0] == f"{shown}, {territory}", (typed, labels)
    assert len(set(labels)) == len(labels), (typed, labels)
    assert len({CityPick.unpack(data).city for data in towns}) == len(towns)
    if typed in ALONE:
        assert len(labels) == 1, (typed, labels)

    await press(driver, matches, next(iter(towns)), 2)
    row = await user_when(running.sessionmaker, person.id, lambda u: u.latitude is not None)
    assert row.timezone == zone, typed
    assert row.latitude == pytest.approx(latitude, abs=0.2), typed
    assert row.longitude == pytest.approx(longitude, abs=0.2), typed


async def test_common_spellings_in_all_ten_languages(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    async with start_bot() as running:
        # A language at a time: the towns of one language at once, as separate people.
        for language in sorted({town[0] for town in TOWNS}):
            await asyncio.gather(
                *(_look_up(tg, running, town) for town in TOWNS if town[0] == language)
            )


async def test_a_nickname_of_another_town_is_never_offered(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    async with start_bot():
        driver = tg.user(tg.add_user("Ada", language_code="fr"))
        await to_timezone_step(driver, "fr")
        driver.send_text("paris")
        [matches] = await driver.wait_for_messages(timeout=CITY_INDEX_TIMEOUT)
        labels = list(matches.callback_buttons().values())
        poland = Locale.parse("fr").territories["PL"]
        assert labels[0].startswith("Paris, France · ")
        assert not [label for label in labels if poland in label or "North" in label]
