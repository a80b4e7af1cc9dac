"""Fixtures for testing the fake Bot API server with a real aiogram Bot over HTTP."""

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer

from tests.fakes.telegram import FakeTelegram


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A running fake Bot API server."""
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    """A real aiogram Bot whose session talks to the fake."""
    session = AiohttpSession(api=TelegramAPIServer.from_base(tg.api_url))
    async with Bot(token=tg.token, session=session) as client:
        yield client
