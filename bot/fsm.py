"""Where conversation state lives (memory, or Redis when set), and how one user's updates queue.

Each person's updates are handled one after another (aiogram's event isolation): two quick
button presses each read the row the other wrote, so neither change is lost.
"""

from datetime import timedelta

from aiogram.fsm.storage.base import BaseEventIsolation, BaseStorage, DefaultKeyBuilder
from aiogram.fsm.storage.memory import MemoryStorage, SimpleEventIsolation
from aiogram.fsm.storage.redis import RedisStorage

from core.config import TelegramSettings

# Keys read "starscalendars:fsm:<bot id>:<chat>:<user>:...", so a shared Redis stays tidy.
FSM_KEY_PREFIX = "starscalendars:fsm"
# A setup left half-way is forgotten after this; /start begins it again anyway.
FSM_TTL = timedelta(days=30)


def create_fsm_storage(settings: TelegramSettings) -> tuple[BaseStorage, BaseEventIsolation]:
    """RedisStorage with TELEGRAM_FSM_REDIS_URL (any instance, any restart), else memory.

    The isolation follows the storage: a lock in Redis serialises a user's updates across bot
    instances; in memory, one process handles them all and an asyncio lock is enough.
    """
    if settings.fsm_redis_url is None:
        return MemoryStorage(), SimpleEventIsolation()
    storage = RedisStorage.from_url(
        settings.fsm_redis_url.get_secret_value(),
        key_builder=DefaultKeyBuilder(prefix=FSM_KEY_PREFIX, with_bot_id=True),
        state_ttl=FSM_TTL,
        data_ttl=FSM_TTL,
    )
    return storage, storage.create_isolation()
