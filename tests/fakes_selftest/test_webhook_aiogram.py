"""aiogram's own webhook handler receiving updates from the fake, replying in the response."""

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.filters import CommandStart
from aiogram.methods import SendMessage
from aiogram.types import Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer

from tests.fakes.telegram import FakeTelegram

SECRET = "hook_secret-1"


@pytest.fixture
async def webhook_server(bot: Bot) -> AsyncIterator[BaseTestServer]:
    """aiogram's SimpleRequestHandler answering /start inside the webhook response."""
    router = Router(name="webhook-selftest")

    @router.message(CommandStart())
    async def start(message: Message) -> SendMessage:
        return message.answer("Hello from the webhook reply")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    app = web.Application()
    SimpleRequestHandler(
        dispatcher, bot, secret_token=SECRET, handle_in_background=False
    ).register(app, path="/hook")
    async with TestServer(app) as server:
        yield server


async def test_reply_in_webhook_response_is_executed(
    tg: FakeTelegram, bot: Bot, webhook_server: BaseTestServer
) -> None:
    user = tg.add_user()
    await bot.set_webhook(str(webhook_server.make_url("/hook")), secret_token=SECRET)
    tg.user(user).send_text("/start")
    [reply] = await tg.wait_for_messages(user.id, timeout=3)
    assert reply.text == "Hello from the webhook reply"
    assert tg.webhook is not None
    assert tg.webhook.delivered == 1
    assert tg.webhook.last_error_message is None


async def test_wrong_secret_is_refused_and_reported(
    tg: FakeTelegram, bot: Bot, webhook_server: BaseTestServer
) -> None:
    user = tg.add_user()
    await bot.set_webhook(str(webhook_server.make_url("/hook")), secret_token="other")
    tg.user(user).send_text("/start")
    await tg.wait_until(lambda: bool(tg.webhook and tg.webhook.last_error_message), timeout=3)
    info = await bot.get_webhook_info()
    assert info.pending_update_count == 1
    assert info.last_error_message == "Wrong response from the webhook: 401 Unauthorized"
    assert tg.sent == []
