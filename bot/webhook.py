"""Webhook mode: Telegram posts updates to the web role, which checks the secret token."""

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.commands import register_commands
from bot.factory import allowed_updates, create_dispatcher
from bot.middlewares.tracking import UpdateTracker
from bot.retry import prepare_bot
from bot.runner import SHUTDOWN_GRACE_SECONDS
from core.errors import ConfigError
from core.runtime import Runtime
from core.telegram import create_bot

WEBHOOK_PATH = "/telegram/webhook"


def mount_webhook(
    app: web.Application, runtime: Runtime, dispatcher: Dispatcher, bot: Bot
) -> None:
    """Serve Telegram's updates at WEBHOOK_PATH and register the webhook at start-up.

    Requests without the X-Telegram-Bot-Api-Secret-Token header of TELEGRAM_WEBHOOK_SECRET
    get 401. On shutdown the updates in hand finish before the bot's session closes.
    """
    settings = runtime.settings.telegram
    if settings.webhook_secret is None:
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET", "is required in webhook mode")
    secret = settings.webhook_secret.get_secret_value()
    url = str(runtime.settings.web.public_url).rstrip("/") + WEBHOOK_PATH
    tracker: UpdateTracker = dispatcher["tracker"]
    prepare_bot(bot)

    async def register(_: web.Application) -> None:
        await register_commands(bot, runtime.i18n, settings.admin_ids)
        await bot.set_webhook(
            url, secret_token=secret, allowed_updates=allowed_updates(dispatcher)
        )

    async def drain(_: web.Application) -> None:
        await tracker.drain(SHUTDOWN_GRACE_SECONDS)

    app.on_startup.append(register)
    app.on_shutdown.append(drain)
    SimpleRequestHandler(dispatcher, bot, secret_token=secret).register(app, path=WEBHOOK_PATH)
    setup_application(app, dispatcher, bot=bot)


def mount_bot_webhook(app: web.Application, runtime: Runtime) -> None:
    """The web role's hook in webhook mode: this process's dispatcher and bot on WEBHOOK_PATH."""
    mount_webhook(app, runtime, create_dispatcher(runtime), create_bot(runtime.settings.telegram))
