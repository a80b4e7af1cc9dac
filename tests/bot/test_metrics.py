"""The bot's metrics: every Bot API call by method and outcome, every handler timed."""

import pytest
from prometheus_client import REGISTRY

from tests.bot.conftest import StartBot
from tests.bot.helpers import reply_to
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_bot_api_calls_and_handlers_are_counted(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    sent_ok = _value("bot_api_calls_total", method="sendMessage", outcome="ok")
    sent_429 = _value("bot_api_calls_total", method="sendMessage", outcome="429")
    helped = _value("bot_updates_total", handler="help.help_command", result="ok")
    timed = _value("bot_handler_duration_seconds_count", handler="help.help_command")
    async with start_bot():
        person = tg.add_user("Ada")
        await reply_to(tg.user(person), "/help")
        # The retry middleware waits out one 429; both attempts are counted, each as it ended.
        tg.fail_next("sendMessage", error_code=429, description="Too Many Requests", retry_after=1)
        await reply_to(tg.user(person), "/help")
    assert _value("bot_api_calls_total", method="sendMessage", outcome="ok") == sent_ok + 2
    assert _value("bot_api_calls_total", method="sendMessage", outcome="429") == sent_429 + 1
    assert _value("bot_updates_total", handler="help.help_command", result="ok") == helped + 2
    assert _value("bot_handler_duration_seconds_count", handler="help.help_command") == timed + 2
