"""A local fake of the Telegram Bot API server, spoken to over real HTTP by a real aiogram Bot."""

from tests.fakes.telegram.aiogram_bot import create_bot
from tests.fakes.telegram.driver import DEFAULT_TOKEN, FakeTelegram, UserDriver
from tests.fakes.telegram.errors import ApiError, FakeUsageError
from tests.fakes.telegram.faults import OutageKind
from tests.fakes.telegram.limits import LimitsConfig, Rate
from tests.fakes.telegram.state import (
    CallbackAnswer,
    CallRecord,
    FakeChat,
    FakeUser,
    StoredMessage,
)

__all__ = [
    "DEFAULT_TOKEN",
    "ApiError",
    "CallRecord",
    "CallbackAnswer",
    "FakeChat",
    "FakeTelegram",
    "FakeUsageError",
    "FakeUser",
    "LimitsConfig",
    "OutageKind",
    "Rate",
    "StoredMessage",
    "UserDriver",
    "create_bot",
]
