"""The bot role: long polling until `stop`, then finish the updates in hand and confirm them."""

import asyncio
import contextlib

import structlog
from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError

from bot.commands import register_commands
from bot.factory import allowed_updates, create_dispatcher, create_services
from bot.middlewares.tracking import UpdateTracker
from bot.retry import prepare_bot
from core.runtime import Runtime
from core.telegram import create_bot

log = structlog.get_logger(__name__)
POLLING_TIMEOUT_SECONDS = 10


async def serve(runtime: Runtime, stop: asyncio.Event) -> None:
    """Poll Telegram (or, in webhook mode, leave updates to the web role) until `stop` is set."""
    settings = runtime.settings.telegram
    if settings.use_webhook:
        log.info("bot updates arrive by webhook in the web role")
        await stop.wait()
        return
    bot = prepare_bot(create_bot(settings))
    services = create_services(runtime)
    services["cities"].start()
    dispatcher = create_dispatcher(runtime, services)
    async with bot:
        await bot.delete_webhook(drop_pending_updates=False)
        await register_commands(bot, runtime.i18n, settings.admin_ids)
        await poll_until(dispatcher, bot, stop, services["tracker"])


async def poll_until(
    dispatcher: Dispatcher, bot: Bot, stop: asyncio.Event, tracker: UpdateTracker
) -> None:
    """Run aiogram's polling until `stop`; then let updates in hand finish and confirm them."""
    polling = asyncio.create_task(
        dispatcher.start_polling(
            bot,
            handle_signals=False,
            close_bot_session=False,
            polling_timeout=POLLING_TIMEOUT_SECONDS,
            allowed_updates=allowed_updates(dispatcher),
        )
    )
    stopping = asyncio.create_task(stop.wait())
    await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not polling.done():
        await dispatcher.stop_polling()
    # The dispatcher's shutdown let the updates in hand finish (see create_dispatcher).
    await polling
    await confirm_handled(bot, tracker)


async def confirm_handled(bot: Bot, tracker: UpdateTracker) -> None:
    """Tell Telegram the last handled update is done, so a restart does not replay it."""
    if tracker.last_update_id is None:
        return
    with contextlib.suppress(TelegramAPIError, TelegramNetworkError):
        await bot.get_updates(offset=tracker.last_update_id + 1, limit=1, timeout=0)
