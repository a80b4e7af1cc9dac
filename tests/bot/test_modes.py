"""Long polling's graceful shutdown, and webhook mode with its secret token."""

import asyncio
from collections.abc import Callable

import pytest
from aiohttp import ClientSession, web
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.factory import create_services
from bot.runner import serve
from bot.webhook import WEBHOOK_PATH, mount_webhook
from core.bus import InProcessBus
from core.config import Settings
from core.errors import ConfigError
from core.i18n import I18n
from core.keys import KeyRing
from core.runtime import Runtime
from core.telegram import create_bot
from tests.bot.conftest import StartBot
from tests.bot.helpers import plain, reply_to
from tests.fakes.telegram import FakeTelegram
from tests.ports import free_port

pytestmark = pytest.mark.postgres
SECRET = "webhook-secret_42"


async def test_shutdown_finishes_the_update_in_hand(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    async with start_bot() as running:
        person = tg.add_user("Ada")
        await reply_to(tg.user(person), "/help")
        tg.set_latency(0.5, "sendMessage")
        tg.user(person).send_text("/help")
        # The bot has fetched (and so confirmed) the update: its reply is under way.
        await tg.wait_until(lambda: tg.pending_updates == 0 and tg.queue.waiting_polls > 0)
        await running.shutdown()
        assert len(tg.messages_to(person)) == 2
        assert tg.messages_to(person)[1].text == plain(bot_i18n.get("en")("bot-help"))
        polls = tg.calls("getUpdates")
        handled = max(
            u["update_id"] for call in polls if isinstance(call.result, list) for u in call.result
        )
        # The last call only confirms what was handled, so a restart does not replay it.
        assert int(polls[-1].params["offset"]) == handled + 1


async def test_webhook_mode_checks_the_secret_token(
    tg: FakeTelegram,
    make_settings: Callable[..., Settings],
    pg_engine: AsyncEngine,
    pg_sessionmaker: async_sessionmaker[AsyncSession],
    bot_i18n: I18n,
    bot_keyring: KeyRing,
) -> None:
    port = free_port()
    settings = make_settings(
        database={"url": pg_engine.url.render_as_string(hide_password=False)},
        telegram={
            "bot_token": tg.token,
            "api_url": tg.api_url,
            "use_webhook": True,
            "webhook_secret": SECRET,
            "throttle_seconds": 0,
        },
        web={"public_url": f"http://127.0.0.1:{port}"},
    )
    runtime = Runtime(settings, pg_engine, pg_sessionmaker, bot_i18n, InProcessBus(), bot_keyring)
    stop = asyncio.Event()
    role = asyncio.create_task(serve(runtime, stop))  # in webhook mode the role only waits
    app = web.Application()
    mount_webhook(app, runtime, create_services(runtime), create_bot(settings.telegram))
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        assert tg.webhook is not None
        assert tg.webhook.url == f"http://127.0.0.1:{port}{WEBHOOK_PATH}"
        assert tg.webhook.secret_token == SECRET
        assert "chat_member" in (tg.queue.allowed_updates or [])
        [answer] = await reply_to(tg.user(tg.add_user("Ada")), "/help")
        assert answer.text == plain(bot_i18n.get("en")("bot-help"))
        async with ClientSession() as client:
            for header in ({"X-Telegram-Bot-Api-Secret-Token": "wrong"}, {}):
                url = f"http://127.0.0.1:{port}{WEBHOOK_PATH}"
                async with client.post(url, json={"update_id": 1}, headers=header) as response:
                    assert response.status == 401
    finally:
        await runner.cleanup()
        stop.set()
        await role
    assert tg.calls("getUpdates") == []


async def test_webhook_mode_needs_a_secret(
    make_settings: Callable[..., Settings],
    bot_i18n: I18n,
    bot_keyring: KeyRing,
    pg_engine: AsyncEngine,
    pg_sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    settings = make_settings(telegram={"bot_token": "1:x", "use_webhook": True})
    runtime = Runtime(settings, pg_engine, pg_sessionmaker, bot_i18n, InProcessBus(), bot_keyring)
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        mount_webhook(
            web.Application(), runtime, create_services(runtime), create_bot(settings.telegram)
        )


async def test_command_menu_is_registered_per_language(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    async with start_bot():
        for language in ("en", "hi", "zh"):
            tr = bot_i18n.get(language)
            menu = {c["command"]: c["description"] for c in tg.commands(language_code=language)}
            assert menu["next"] == tr("bot-command-next")
            assert menu["help"] == tr("bot-command-help")
            assert "stats" not in menu
        assert tg.commands() == tg.commands(language_code="en")
