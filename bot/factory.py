"""The composition of the bot: dispatcher, middlewares, routers and workflow data."""

from typing import TypedDict

from aiogram import Dispatcher, F
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.enums import ChatType
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.fsm import create_fsm_storage
from bot.gate import GateAlerts
from bot.handlers import (
    admin,
    blocking,
    errors,
    events,
    help,
    linking,
    membership,
    onboarding,
    settings,
)
from bot.metrics import instrument
from bot.middlewares.database import DatabaseMiddleware
from bot.middlewares.languages import RecentLanguages
from bot.middlewares.resume import ResumeSetupMiddleware
from bot.middlewares.throttling import Throttle, ThrottlingMiddleware
from bot.middlewares.tracking import UpdateTracker
from core.cities import CityCatalogue
from core.config import Settings
from core.i18n import I18n
from core.runtime import Runtime


class BotServices(TypedDict):
    """What every handler may ask for by name, besides aiogram's own `bot`, `state`, etc."""

    settings: Settings
    i18n: I18n
    sessionmaker: async_sessionmaker[AsyncSession]
    gate_alerts: GateAlerts
    tracker: UpdateTracker
    cities: CityCatalogue


def create_services(runtime: Runtime) -> BotServices:
    """The bot's singletons, built once per process from the runtime."""
    return BotServices(
        settings=runtime.settings,
        i18n=runtime.i18n,
        sessionmaker=runtime.sessionmaker,
        gate_alerts=GateAlerts(runtime.i18n),
        tracker=UpdateTracker(),
        cities=CityCatalogue(),
    )


def create_dispatcher(runtime: Runtime, services: BotServices) -> Dispatcher:
    """A dispatcher wired to the runtime's database and catalogues, `services` as workflow data."""
    storage, isolation = create_fsm_storage(runtime.settings.telegram)
    # The dispatcher closes the storage and the isolation on shutdown.
    dispatcher = Dispatcher(storage=storage, events_isolation=isolation, **services)
    # Updates in hand finish before aiogram's own shutdown step closes the storage they use.
    dispatcher.shutdown.handlers.insert(0, HandlerObject(callback=services["tracker"].finish))
    telegram = runtime.settings.telegram
    throttle = Throttle(telegram.throttle_seconds, telegram.throttle_burst)
    languages = RecentLanguages()
    # Around aiogram's FSM middleware, which holds the per-user lock: the tracker sees an update
    # from its first step, and a flood is throttled at once instead of queueing for the lock.
    dispatcher.update.outer_middleware.unregister(dispatcher.fsm)
    dispatcher.update.outer_middleware(services["tracker"])
    dispatcher.update.outer_middleware(ThrottlingMiddleware(throttle, runtime.i18n, languages))
    dispatcher.update.outer_middleware(dispatcher.fsm)
    dispatcher.update.outer_middleware(
        DatabaseMiddleware(runtime.sessionmaker, runtime.i18n, languages)
    )
    dispatcher.message.middleware(ResumeSetupMiddleware())
    # Conversations happen in private chats; groups the bot is added to get no answers.
    dispatcher.message.filter(F.chat.type == ChatType.PRIVATE)
    dispatcher.callback_query.filter(F.message.chat.type == ChatType.PRIVATE)
    # Commands and buttons come before the setup steps' free-text handlers; help catches the rest.
    dispatcher.include_routers(
        errors.create_router(),
        blocking.create_router(),
        membership.create_router(),
        linking.create_router(),
        admin.create_router(),
        events.create_router(),
        settings.create_router(),
        onboarding.create_router(),
        help.create_router(),
    )
    instrument(dispatcher)
    return dispatcher


def allowed_updates(dispatcher: Dispatcher) -> list[str]:
    """The update types the handlers use, plus chat_member (sent only when asked for)."""
    return sorted({*dispatcher.resolve_used_update_types(), "chat_member"})
