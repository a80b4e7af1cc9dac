"""Where conversation state (the setup step a person is in) lives: memory, or Redis when set."""

from datetime import timedelta

from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage

from core.config import TelegramSettings

# Keys read "starscalendars:fsm:<bot id>:<chat>:<user>:...", so a shared Redis stays tidy.
FSM_KEY_PREFIX = "starscalendars:fsm"
# A setup left half-way is forgotten after this; /start begins it again anyway.
FSM_TTL = timedelta(days=30)


def create_fsm_storage(settings: TelegramSettings) -> BaseStorage:
    """RedisStorage with TELEGRAM_FSM_REDIS_URL (any instance, any restart), else memory."""
    if settings.fsm_redis_url is None:
        return MemoryStorage()
    return RedisStorage.from_url(
        settings.fsm_redis_url.get_secret_value(),
        key_builder=DefaultKeyBuilder(prefix=FSM_KEY_PREFIX, with_bot_id=True),
        state_ttl=FSM_TTL,
        data_ttl=FSM_TTL,
    )
