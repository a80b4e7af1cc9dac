"""What every role of one process shares, built once by the composition root (app/process.py)."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.bus import Bus
from core.config import Settings
from core.i18n import I18n
from core.keys import KeyRing


@dataclass(frozen=True, slots=True)
class Runtime:
    """What every role shares inside one process."""

    settings: Settings
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    i18n: I18n
    bus: Bus
    keyring: KeyRing


Role = Callable[[Runtime, asyncio.Event], Awaitable[None]]
