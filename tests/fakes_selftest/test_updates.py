"""getUpdates long polling, webhooks and a real aiogram Dispatcher against the fake."""

import asyncio
from collections.abc import AsyncIterator

import orjson
import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.exceptions import TelegramConflictError
from aiogram.filters import CommandObject, CommandStart
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer

from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram.webhook import SECRET_HEADER


async def test_long_poll_returns_a_user_text_as_it_arrives(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user("Ann", username="ann", language_code="pt-br")
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await tg.wait_until(lambda: tg.waiting_polls == 1, timeout=2)
    assert not poll.done()
    tg.user(user).send_text("/start moon_42")
    [update] = await asyncio.wait_for(poll, timeout=2)
    message = update.message
    assert message is not None
    assert message.text == "/start moon_42"
    assert message.from_user is not None
    assert (message.from_user.id, message.from_user.language_code) == (user.id, "pt-br")
    assert message.chat.type == "private"
    assert message.entities is not None
    assert [(e.type, e.offset, e.length) for e in message.entities] == [("bot_command", 0, 6)]


async def test_long_poll_times_out_empty(tg: FakeTelegram, bot: Bot) -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await bot.get_updates(timeout=1) == []
    assert loop.time() - started >= 0.9


async def test_offset_confirms_and_limit_caps(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    driver = tg.user(user)
    for text in ("a", "b", "c"):
        driver.send_text(text)
    first_two = await bot.get_updates(limit=2)
    assert [u.message.text for u in first_two if u.message] == ["a", "b"]
    rest = await bot.get_updates(offset=first_two[-1].update_id + 1)
    assert [u.message.text for u in rest if u.message] == ["c"]
    assert tg.pending_updates == 1
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == []
    assert tg.pending_updates == 0


async def test_allowed_updates_filters_new_updates(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    await bot.get_updates(allowed_updates=["callback_query"])
    tg.user(user).send_text("ignored")
    assert await bot.get_updates() == []
    assert tg.queue.dropped == 1


async def test_newer_poll_terminates_older_with_conflict(tg: FakeTelegram, bot: Bot) -> None:
    older = asyncio.create_task(bot.get_updates(timeout=5))
    await tg.wait_until(lambda: tg.waiting_polls == 1, timeout=2)
    newer = asyncio.create_task(bot.get_updates(timeout=0))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(older, timeout=2)
    assert await newer == []


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[BaseTestServer, list[tuple[str | None, bytes]]]]:
    """An HTTP endpoint standing in for the bot's webhook, recording what it receives."""
    received: list[tuple[str | None, bytes]] = []

    async def accept(request: web.Request) -> web.Response:
        received.append((request.headers.get(SECRET_HEADER), await request.read()))
        return web.Response()

    app = web.Application()
    app.router.add_post("/hook", accept)
    async with TestServer(app) as server:
        yield server, received


async def test_webhook_delivery_carries_the_secret_header(
    tg: FakeTelegram,
    bot: Bot,
    receiver: tuple[BaseTestServer, list[tuple[str | None, bytes]]],
) -> None:
    server, received = receiver
    user = tg.add_user()
    url = str(server.make_url("/hook"))
    assert await bot.set_webhook(url, secret_token="s3cr3t-token_1") is True
    tg.user(user).send_text("hello")
    await tg.wait_until(lambda: len(received) == 1, timeout=2)
    secret, body = received[0]
    assert secret == "s3cr3t-token_1"
    assert orjson.loads(body)["message"]["text"] == "hello"
    info = await bot.get_webhook_info()
    assert (info.url, info.pending_update_count) == (url, 0)
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates()
    assert await bot.delete_webhook() is True
    assert await bot.get_updates() == []


async def test_failing_webhook_is_retried_and_reported(
    tg: FakeTelegram, bot: Bot, unused_tcp_port: int
) -> None:
    user = tg.add_user()
    await bot.set_webhook(f"http://127.0.0.1:{unused_tcp_port}/hook")
    tg.user(user).send_text("hello")
    await tg.wait_until(lambda: bool(tg.webhook and tg.webhook.last_error_message), timeout=2)
    info = await bot.get_webhook_info()
    assert info.pending_update_count == 1
    assert info.last_error_message is not None
    assert info.last_error_date is not None


def _router() -> Router:
    router = Router(name="selftest")

    @router.message(CommandStart())
    async def start(message: Message, command: CommandObject) -> None:
        await message.answer(f"Welcome! payload={command.args}")

    @router.callback_query(F.data == "remind")
    async def remind(query: CallbackQuery) -> None:
        await query.answer("Reminder set")

    return router


async def test_dispatcher_polling_answers_start_and_buttons(tg: FakeTelegram, bot: Bot) -> None:
    dispatcher = Dispatcher()
    dispatcher.include_router(_router())
    polling = asyncio.create_task(
        dispatcher.start_polling(bot, handle_signals=False, polling_timeout=1)
    )
    try:
        user = tg.add_user()
        driver = tg.user(user)
        driver.send_text("/start token_abc")
        [welcome] = await driver.wait_for_messages(timeout=3)
        assert welcome.text == "Welcome! payload=token_abc"
        await bot.edit_message_reply_markup(
            chat_id=user.id,
            message_id=welcome.message_id,
            reply_markup=InlineKeyboardMarkup(
                inline_keyboard=[[InlineKeyboardButton(text="Remind", callback_data="remind")]]
            ),
        )
        query_id = driver.press(welcome, "remind")
        answer = await driver.wait_for_answer(query_id, timeout=3)
        assert answer.text == "Reminder set"
    finally:
        await dispatcher.stop_polling()
        await polling
