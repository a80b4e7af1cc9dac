"""The town index is built at start-up, outside any update's database transaction."""

import threading
from collections.abc import Iterator

import pytest

import core.cities
from core.cities import CityIndex
from core.i18n import I18n
from tests.bot.conftest import RunningBot
from tests.bot.helpers import reply_to, to_timezone_step
from tests.fakes.telegram import FakeTelegram

# Longer than SQLite's busy timeout (models/db.py), so a writer waiting behind a lock held for
# the whole search gives up.
SLOW_BUILD_SECONDS = 8.0


@pytest.fixture
def slow_town_index(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """The index build waits until the returned event is set (or SLOW_BUILD_SECONDS)."""
    release = threading.Event()
    real = core.cities.city_index

    def slow() -> CityIndex:
        release.wait(SLOW_BUILD_SECONDS)
        return real()

    monkeypatch.setattr(core.cities, "city_index", slow)
    yield release
    release.set()


async def test_a_first_search_and_another_users_start_both_succeed_on_sqlite(
    slow_town_index: threading.Event, tg: FakeTelegram, sqlite_bot: RunningBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    searcher, newcomer = tg.add_user("Ada"), tg.add_user("Bo")
    ada, bo = tg.user(searcher), tg.user(newcomer)
    await to_timezone_step(ada)

    ada.send_text("Berlin")
    # While the index is still being built the searcher sees "typing…".
    await tg.wait_until(lambda: (searcher.id, "typing") in tg.chat_actions)
    try:
        [welcome] = await reply_to(bo, "/start", 1)
    finally:
        slow_town_index.set()
    assert tr("bot-language-prompt") in str(welcome.text)
    [matches] = await ada.wait_for_messages(timeout=30)
    assert matches.text == tr("bot-tz-matches")
