"""Bad input, forged buttons, blocked users and flood control: polite answers, nothing lost."""

import asyncio

import pytest

from bot.keyboards.callbacks import BroadcastConfirm, LanguagePick, ZonePick
from core.i18n import I18n
from models.users import UserRepository
from tests.bot.conftest import RunningBot, StartBot
from tests.bot.helpers import CITY_INDEX_TIMEOUT, forge_press, plain, press, reply_to, user_when
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


async def test_text_where_a_button_was_expected_repeats_the_step(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot():
        driver = tg.user(tg.add_user("Ada"))
        await reply_to(driver, "/start")
        hint, again = await reply_to(driver, "English please", 2)
        assert hint.text == tr("bot-use-buttons")
        assert again.text == tr("bot-language-prompt")
        assert LanguagePick(code="fr", onboarding=True).pack() in again.callback_buttons()


async def test_unknown_city_and_polar_location_get_clear_answers(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        [languages] = await reply_to(driver, "/start")
        await press(driver, languages, LanguagePick(code="en", onboarding=True), 1)
        driver.send_text("Qwxzyville")
        [nothing] = await driver.wait_for_messages(timeout=CITY_INDEX_TIMEOUT)
        assert nothing.text == tr("bot-tz-no-match", query="Qwxzyville")
        assert ZonePick(zone="Etc/GMT-5", onboarding=True).pack() in nothing.callback_buttons()

        driver.send_location(90.0, 45.0)
        [polar] = await driver.wait_for_messages()
        assert polar.text == tr("bot-tz-polar")
        stored = await user_when(running.sessionmaker, person.id, lambda u: u.latitude == 90.0)
        assert stored.timezone == "UTC"
        _, [zone_set, _] = await press(
            driver, polar, ZonePick(zone="Etc/GMT-5", onboarding=True), 2
        )
        assert zone_set.text is not None
        assert "UTC+5" in zone_set.text


async def test_location_outside_any_step_sets_zone_and_place(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    async with start_bot() as running:
        person = tg.add_user("Ada", language_code=None)
        driver = tg.user(person)
        driver.send_location(40.18, 44.51)
        [answer] = await driver.wait_for_messages()
        assert answer.text is not None
        assert "Yerevan" in answer.text
        stored = await user_when(
            running.sessionmaker, person.id, lambda u: u.timezone == "Asia/Yerevan"
        )
        assert (stored.latitude, stored.longitude) == (40.18, 44.51)
        assert stored.language == "en"


@pytest.mark.parametrize(
    "data",
    [
        LanguagePick(code="xx", onboarding=True).pack(),
        ZonePick(zone="Mars/Olympus_Mons", onboarding=False).pack(),
        "kind:no-such-group:1",
        "lead:17:0",
        "set:nowhere",
        "joined:everything",
        BroadcastConfirm(nonce="forged", send=True).pack(),
        "x" * 64,
        "lang",
    ],
)
async def test_forged_callback_data_gets_a_polite_answer(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n, data: str
) -> None:
    async with start_bot():
        person = tg.add_user("Ada")
        driver = tg.user(person)
        [languages] = await reply_to(driver, "/start")
        query_id = forge_press(tg, driver, languages, data)
        answer = await driver.wait_for_answer(query_id)
        assert answer.text == bot_i18n.get("en")("bot-stale-button")
        # The bot is still fine: the real buttons work.
        _, [prompt] = await press(driver, languages, LanguagePick(code="de", onboarding=True), 1)
        assert prompt.text == bot_i18n.get("de")("bot-tz-prompt")


async def test_blocking_marks_the_user_and_start_unblocks(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        await reply_to(driver, "/start")
        driver.block_bot()
        await user_when(running.sessionmaker, person.id, lambda u: u.bot_blocked_at is not None)
        driver.unblock_bot()
        await user_when(running.sessionmaker, person.id, lambda u: u.bot_blocked_at is None)


async def test_a_403_on_send_marks_the_user_blocked(tg: FakeTelegram, start_bot: StartBot) -> None:
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        await reply_to(driver, "/help")
        tg.fail_next(
            "sendMessage", error_code=403, description="Forbidden: bot was blocked by the user"
        )
        driver.send_text("/help")
        await user_when(running.sessionmaker, person.id, lambda u: u.bot_blocked_at is not None)
        [welcome] = await reply_to(driver, "/start")
        assert welcome.text is not None
        await user_when(running.sessionmaker, person.id, lambda u: u.bot_blocked_at is None)


async def test_a_failing_handler_apologises_in_the_users_language(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    async with start_bot():
        driver = tg.user(tg.add_user("Ада", language_code="ru"))
        tg.fail_next("sendMessage", error_code=400, description="Bad Request: chat not found")
        driver.send_text("/help")
        [apology] = await driver.wait_for_messages()
        assert apology.text == bot_i18n.get("ru")("bot-error")
        [help_text] = await reply_to(driver, "/help")
        assert help_text.text == plain(bot_i18n.get("ru")("bot-help"))


async def test_throttling_warns_once_then_drops_quietly(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    async with start_bot(throttle_seconds=5, throttle_burst=1) as running:
        driver = tg.user(tg.add_user("Ada"))
        for _ in range(4):
            driver.send_text("/help")
        # Updates are handled concurrently, so the two replies may come in either order.
        replies = sorted(str(m.text) for m in await driver.wait_for_messages(2))
        tr = bot_i18n.get("en")
        assert replies == sorted([plain(tr("bot-help")), tr("bot-throttled")])
        await _settled(tg, running)
        assert len(tg.messages_to(driver.user)) == 2


async def test_throttling_warns_in_the_chosen_language(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    async with start_bot(throttle_seconds=5, throttle_burst=1) as running:
        person = tg.add_user("Ada", language_code="en")
        async with running.sessionmaker() as session:
            user, _ = await UserRepository(session).get_or_create_telegram(person.id, None, "en")
            user.language, user.language_chosen = "ru", True
            await session.commit()
        driver = tg.user(person)
        # The first update passes and loads the row; the burst after it is warned in Russian.
        [help_text] = await reply_to(driver, "/help")
        assert help_text.text == plain(bot_i18n.get("ru")("bot-help"))
        driver.send_text("/help")
        driver.send_text("/help")
        [warning] = await driver.wait_for_messages()
        assert warning.text == bot_i18n.get("ru")("bot-throttled")
        await _settled(tg, running)
        assert len(tg.messages_to(driver.user)) == 2


async def _settled(tg: FakeTelegram, running: RunningBot) -> None:
    """Wait until the bot fetched every update and had a moment to act on them."""
    await tg.wait_until(lambda: tg.pending_updates == 0)
    await asyncio.sleep(0.3)
    assert not running.task.done()


async def test_unknown_commands_and_stickers_point_to_help(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("es")
    async with start_bot():
        driver = tg.user(tg.add_user("Ana", language_code="es-MX"))
        [answer] = await reply_to(driver, "/stats")  # admins only
        assert answer.text == tr("bot-unknown-command")
        [answer] = await reply_to(driver, "hola")
        assert answer.text == tr("bot-not-understood")
