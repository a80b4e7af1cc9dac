"""Injected failures and latency, as aiogram sees them."""

import asyncio

import pytest
from aiogram import Bot
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiohttp import ClientConnectorError, ClientSession

from tests.fakes.telegram import FakeTelegram, FakeUsageError, OutageKind


async def test_next_calls_of_a_method_fail_then_recover(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    tg.fail_next("sendMessage", times=2, error_code=502, description="Bad Gateway")
    for _ in range(2):
        with pytest.raises(TelegramServerError, match="Bad Gateway"):
            await bot.send_message(user.id, "x")
    assert tg.sent == []
    await bot.send_message(user.id, "x")
    assert [message.text for message in tg.sent] == ["x"]
    assert (await bot.get_me()).id == tg.bot_user.id


async def test_faults_can_target_one_chat(tg: FakeTelegram, bot: Bot) -> None:
    first, second = tg.add_user("A"), tg.add_user("B")
    tg.fail_next("sendMessage", chat=second, error_code=400, description="Bad Request: odd")
    await bot.send_message(first.id, "fine")
    with pytest.raises(TelegramBadRequest, match="odd"):
        await bot.send_message(second.id, "fails")
    await bot.send_message(second.id, "fine again")
    assert len(tg.sent) == 2


async def test_injected_retry_after_surfaces(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    tg.fail_next(error_code=429, description="Too Many Requests: retry after 7", retry_after=7)
    with pytest.raises(TelegramRetryAfter) as caught:
        await bot.send_message(user.id, "x")
    assert caught.value.retry_after == 7


async def test_unusual_shapes_reach_the_client(tg: FakeTelegram, bot: Bot) -> None:
    tg.fail_next_raw("getMe", body="<html>502 Bad Gateway</html>")
    with pytest.raises(ClientDecodeError):
        await bot.get_me()
    tg.fail_next_raw("getMe", body=b'{"ok": false}', status=500, content_type="application/json")
    async with (
        ClientSession() as session,
        session.post(f"{tg.api_url}/bot{tg.token}/getMe") as response,
    ):
        assert (response.status, await response.read()) == (500, b'{"ok": false}')
    assert (await bot.get_me()).id == tg.bot_user.id


async def test_after_effect_fault_sends_but_loses_the_answer(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    tg.fail_next("sendMessage", after_effect=True)
    with pytest.raises(TelegramServerError):
        await bot.send_message(user.id, "delivered anyway")
    [message] = await tg.wait_for_messages(user.id)
    assert message.text == "delivered anyway"


async def test_latency_delays_answers(tg: FakeTelegram, bot: Bot) -> None:
    tg.set_latency(0.3, "getMe")
    slow = asyncio.create_task(bot.get_me())
    await asyncio.sleep(0.1)
    assert not slow.done()
    assert (await slow).id == tg.bot_user.id
    tg.set_latency(0, "getMe")
    assert tg.calls("getme")[-1].status == 200


async def test_a_share_of_the_calls_is_slow(tg: FakeTelegram, bot: Bot) -> None:
    tg.set_latency(0.3, "getMe", share=0.25)
    loop = asyncio.get_running_loop()
    durations = []
    for _ in range(8):
        started = loop.time()
        await bot.get_me()
        durations.append(loop.time() - started)
    assert sum(duration >= 0.3 for duration in durations) == 2


async def test_a_refusing_outage_drops_kept_connections_and_refuses_new_ones(
    tg: FakeTelegram, bot: Bot
) -> None:
    assert (await bot.get_me()).id == tg.bot_user.id  # a kept-alive connection now exists
    await tg.go_down(0.5)
    with pytest.raises(TelegramNetworkError):
        await bot.get_me()
    async with ClientSession() as session:
        with pytest.raises(ClientConnectorError):
            await session.get(f"{tg.api_url}/bot{tg.token}/getMe")
    await asyncio.sleep(0.6)
    assert (await bot.get_me()).id == tg.bot_user.id


async def test_a_bad_gateway_outage_answers_a_proxy_page_then_ends(
    tg: FakeTelegram, bot: Bot
) -> None:
    await tg.go_down(0.3, OutageKind.BAD_GATEWAY)
    async with ClientSession() as session:
        response = await session.get(f"{tg.api_url}/bot{tg.token}/getMe")
        assert (response.status, response.content_type) == (502, "text/html")
        assert "Bad Gateway" in await response.text()
    await asyncio.sleep(0.35)
    assert (await bot.get_me()).id == tg.bot_user.id


def test_unknown_method_cannot_be_faulted(tg: FakeTelegram) -> None:
    with pytest.raises(FakeUsageError, match="does not implement"):
        tg.fail_next("sendVideo")
