"""Fixtures for testing the fake Bot API server with a real aiogram Bot over HTTP."""

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot

from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram.aiogram_bot import create_bot


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A running fake Bot API server."""
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    """A real aiogram Bot whose session talks to the fake."""
    async with create_bot(tg) as client:
        yield client
