"""Flood limits answered as 429 with retry_after, surfacing as aiogram's TelegramRetryAfter."""

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramRetryAfter

from tests.fakes.telegram import ApiError, FakeTelegram, LimitsConfig, Rate
from tests.fakes.telegram.aiogram_bot import create_bot
from tests.fakes.telegram.limits import RateLimiter


class StepClock:
    """A clock the test moves by hand, so limits are checked without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_private_chat_burst_then_retry_after(tg: FakeTelegram, bot: Bot) -> None:
    clock = StepClock()
    tg.limiter.clock = clock
    user = tg.add_user()
    burst = int(tg.limiter.config.private_chat.burst)
    for number in range(burst):
        await bot.send_message(user.id, f"#{number}")
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(user.id, "one too many")
    assert caught.value.retry_after == 1
    assert "Too Many Requests: retry after 1" in caught.value.message
    assert tg.rate_limit_hits == 1
    clock.now += 1.0
    await bot.send_message(user.id, "after waiting")
    assert len(tg.sent) == burst + 1


async def test_group_limit_is_per_minute() -> None:
    clock = StepClock()
    limiter = RateLimiter(LimitsConfig(), clock)
    for _ in range(20):
        limiter.admit(-100, private=False, paid=False)
    with pytest.raises(ApiError, match="retry after 3") as caught:
        limiter.admit(-100, private=False, paid=False)
    assert caught.value.retry_after == 3
    clock.now += 3.0
    limiter.admit(-100, private=False, paid=False)
    assert limiter.hits == 1


async def test_global_limit_and_paid_broadcast_allowance() -> None:
    clock = StepClock()
    limiter = RateLimiter(LimitsConfig(overall=Rate(per_second=30, burst=30)), clock)
    for chat_id in range(30):
        limiter.admit(chat_id, private=True, paid=False)
    with pytest.raises(ApiError, match="Too Many Requests"):
        limiter.admit(30, private=True, paid=False)
    limiter.admit(30, private=True, paid=True)
    assert limiter.hits == 1
    assert limiter.timeline.max_in_window(1.0) == 31


async def test_timeline_reports_the_densest_window() -> None:
    clock = StepClock()
    limiter = RateLimiter(LimitsConfig(enabled=False), clock)
    for step in (0.0, 0.1, 0.2, 1.5, 1.6, 3.0):
        clock.now = 1000.0 + step
        limiter.admit(5, private=True, paid=False)
    assert limiter.timeline.max_in_window(1.0) == 3
    assert limiter.timeline.max_in_window(1.0, chat_id=5) == 3
    assert limiter.timeline.max_in_window(0.05) == 1
    assert limiter.timeline.max_in_window(1.0, chat_id=6) == 0
    assert limiter.hits == 0


async def test_configured_limits_apply_over_http() -> None:
    clock = StepClock()
    limits = LimitsConfig(private_chat=Rate(per_second=0.5, burst=1))
    async with FakeTelegram(limits=limits, clock=clock) as tg, create_bot(tg) as bot:
        user = tg.add_user()
        await bot.send_message(user.id, "first")
        with pytest.raises(TelegramRetryAfter) as caught:
            await bot.send_message(user.id, "second")
        assert caught.value.retry_after == 2
        assert tg.max_rate_observed(window=10.0, chat=user) == 1
        assert tg.send_times(user) == [clock.now]
