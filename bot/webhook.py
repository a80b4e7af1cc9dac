"""Webhook mode: Telegram posts updates to the web role, which checks the secret token."""

from aiogram import Bot
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web

from bot.commands import register_commands
from bot.factory import BotServices, allowed_updates, create_dispatcher, create_services
from bot.retry import prepare_bot
from core.errors import ConfigError
from core.runtime import Runtime
from core.telegram import create_bot

WEBHOOK_PATH = "/telegram/webhook"


def mount_webhook(app: web.Application, runtime: Runtime, services: BotServices, bot: Bot) -> None:
    """Serve Telegram's updates at WEBHOOK_PATH and register the webhook at start-up.

    Requests without the X-Telegram-Bot-Api-Secret-Token header of TELEGRAM_WEBHOOK_SECRET
    get 401. On shutdown the updates in hand finish before the bot's session closes.
    """
    settings = runtime.settings.telegram
    if settings.webhook_secret is None:
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET", "is required in webhook mode")
    secret = settings.webhook_secret.get_secret_value()
    url = str(runtime.settings.web.public_url).rstrip("/") + WEBHOOK_PATH
    dispatcher = create_dispatcher(runtime, services)
    prepare_bot(bot)

    async def register(_: web.Application) -> None:
        services["cities"].start()
        await register_commands(bot, runtime.i18n, settings.admin_ids)
        await bot.set_webhook(
            url, secret_token=secret, allowed_updates=allowed_updates(dispatcher)
        )

    async def finish(_: web.Application) -> None:
        await services["tracker"].finish()

    app.on_startup.append(register)
    # Before the handler closes the bot's session (its own on_shutdown, added below).
    app.on_shutdown.append(finish)
    SimpleRequestHandler(dispatcher, bot, secret_token=secret).register(app, path=WEBHOOK_PATH)
    setup_application(app, dispatcher, bot=bot)


def mount_bot_webhook(app: web.Application, runtime: Runtime) -> None:
    """The web role's hook in webhook mode: this process's dispatcher and bot on WEBHOOK_PATH."""
    mount_webhook(app, runtime, create_services(runtime), create_bot(runtime.settings.telegram))
