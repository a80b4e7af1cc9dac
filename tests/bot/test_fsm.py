"""Conversation state in Redis: a setup step survives a restart of the bot."""

from collections.abc import AsyncIterator, Callable

import pytest
from redis.asyncio import Redis

from bot.fsm import FSM_KEY_PREFIX
from bot.keyboards.callbacks import LanguagePick
from core.config import Settings
from core.errors import ConfigError
from core.i18n import I18n
from tests.bot.conftest import StartBot
from tests.bot.helpers import CITY_INDEX_TIMEOUT, both_toggles_kept, press, reply_to
from tests.fakes.telegram import FakeTelegram

# A database of the local Redis that nothing else here uses.
REDIS_URL = "redis://127.0.0.1:6379/13"


@pytest.fixture
async def fsm_redis(tg: FakeTelegram) -> AsyncIterator[tuple[Redis, str]]:
    """The test Redis and the key pattern of this bot's state, cleared before and after."""
    redis = Redis.from_url(REDIS_URL)
    pattern = f"{FSM_KEY_PREFIX}:{tg.token.partition(':')[0]}:*"

    async def clear() -> None:
        keys = [key async for key in redis.scan_iter(match=pattern)]
        if keys:
            await redis.delete(*keys)

    await clear()
    try:
        yield redis, pattern
    finally:
        await clear()
        await redis.aclose()


@pytest.mark.postgres
async def test_setup_step_survives_a_restart(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n, fsm_redis: tuple[Redis, str]
) -> None:
    redis, pattern = fsm_redis
    tr = bot_i18n.get("de")
    driver = tg.user(tg.add_user("Ada", language_code="de"))
    async with start_bot(fsm_redis_url=REDIS_URL):
        [languages] = await reply_to(driver, "/start")
        _, [tz_prompt] = await press(
            driver, languages, LanguagePick(code="de", onboarding=True), 1
        )
        assert tz_prompt.text == tr("bot-tz-prompt")
    assert [key async for key in redis.scan_iter(match=pattern)]

    # A new process: only Redis remembers that the user is at the timezone step.
    async with start_bot(fsm_redis_url=REDIS_URL):
        driver.send_text("Wien")
        [matches] = await driver.wait_for_messages(timeout=CITY_INDEX_TIMEOUT)
        assert matches.text == tr("bot-tz-matches")


def test_only_redis_urls_are_accepted(make_settings: Callable[..., Settings]) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_FSM_REDIS_URL"):
        make_settings(telegram={"fsm_redis_url": "http://127.0.0.1:6379/0"})
    settings = make_settings(telegram={"fsm_redis_url": REDIS_URL})
    assert settings.telegram.fsm_redis_url is not None
    assert settings.telegram.fsm_redis_url.get_secret_value() == REDIS_URL


@pytest.mark.postgres
async def test_quick_presses_queue_in_redis(
    tg: FakeTelegram, start_bot: StartBot, fsm_redis: tuple[Redis, str]
) -> None:
    # With the state in Redis the per-user lock is there too, shared by every bot instance.
    async with start_bot(fsm_redis_url=REDIS_URL) as running:
        for _ in range(3):
            await both_toggles_kept(tg, running.sessionmaker)
