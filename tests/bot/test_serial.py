"""One person's quick presses: handled one at a time in order, every one answered."""

import pytest

from bot.middlewares.throttling import Throttle, Verdict
from core.i18n import I18n
from tests.bot.conftest import StartBot
from tests.bot.helpers import GROUPS, both_toggles_kept, open_kinds, press_at_once, user_when
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


async def test_two_quick_toggles_are_both_kept(tg: FakeTelegram, start_bot: StartBot) -> None:
    async with start_bot() as running:
        # The race lost one change in most runs before the updates were serialised.
        for _ in range(3):
            await both_toggles_kept(tg, running.sessionmaker)


async def test_a_burst_of_presses_is_let_through_and_every_press_answered(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot(throttle_seconds=60, throttle_burst=5) as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        kinds = await open_kinds(driver)  # two updates of the burst of five
        groups = [*GROUPS, "meteors", "planets"]
        answers = [
            await driver.wait_for_answer(query_id)
            for query_id in await press_at_once(driver, kinds, groups)
        ]
        # Three presses fit the burst; the fourth is told to slow down, the fifth answered quietly.
        assert [a.text for a in answers] == [None, None, None, tr("bot-throttled"), None]
        await user_when(
            running.sessionmaker,
            person.id,
            lambda u: set(GROUPS.values()) <= set(u.reminder_kinds),
        )


def test_the_bucket_refills_at_the_interval() -> None:
    now = [0.0]
    throttle = Throttle(interval=2.0, burst=3, clock=lambda: now[0])
    verdicts = [throttle.check(1) for _ in range(5)]
    assert verdicts == [Verdict.ALLOW] * 3 + [Verdict.WARN, Verdict.DROP]
    assert throttle.check(2) is Verdict.ALLOW  # another user has a bucket of their own
    now[0] = 1.9
    assert throttle.check(1) is Verdict.DROP
    now[0] = 2.0
    assert throttle.check(1) is Verdict.ALLOW
    assert throttle.check(1) is Verdict.WARN  # a new flood is warned about again
    now[0] = 100.0
    assert [throttle.check(1) for _ in range(4)] == [Verdict.ALLOW] * 3 + [Verdict.WARN]


async def test_a_press_whose_handler_fails_is_still_answered(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    async with start_bot():
        driver = tg.user(tg.add_user("Ada"))
        kinds = await open_kinds(driver)
        tg.fail_next("answerCallbackQuery")  # the handler's own answer fails
        [query_id] = await press_at_once(driver, kinds, ["meteors"])
        [apology] = await driver.wait_for_messages()
        assert apology.text == bot_i18n.get("en")("bot-error")
        await driver.wait_for_answer(query_id)
