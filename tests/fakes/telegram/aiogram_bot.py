"""A real aiogram Bot pointed at a running fake, for tests that need no settings object."""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from tests.fakes.telegram.driver import FakeTelegram


class LocalSession(AiohttpSession):
    """aiogram's session minus its 0.25 s grace sleep on close, which exists for TLS only."""

    async def close(self) -> None:
        """Close the connection pool at once."""
        if self._session is not None and not self._session.closed:
            await self._session.close()


def create_bot(fake: FakeTelegram, **bot_kwargs: Any) -> Bot:
    """Return an aiogram Bot that reaches `fake` over HTTP; close it with `async with`."""
    session = LocalSession(api=TelegramAPIServer.from_base(fake.api_url))
    return Bot(fake.token, session=session, **bot_kwargs)
