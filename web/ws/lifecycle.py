"""Wiring the hub into the application: its route, its bus subscription, its shutdown."""

import asyncio
from collections.abc import AsyncIterator

from aiohttp import web

from core.push import WS_CHANNEL
from web.keys import BUS, I18N, SESSIONMAKER, WEB_SETTINGS
from web.metrics import METRICS
from web.ws.active import ACTIVE_ACCOUNTS, ActiveAccounts
from web.ws.endpoint import routes
from web.ws.hub import HUB, Hub
from web.ws.limits import SOCKET_LIMITS, SocketLimits


async def _subscribe(app: web.Application) -> AsyncIterator[None]:
    """Feed the bus's "ws" channel to the hub while the application runs."""
    async with app[BUS].subscribe(WS_CHANNEL) as inbox:
        task = asyncio.create_task(app[HUB].run(inbox), name="ws-hub")
        try:
            yield
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)


async def _close_sockets(app: web.Application) -> None:
    """On shutdown, deliver what is in hand, then close every socket with 1001."""
    await app[HUB].close_all()


def setup_ws(app: web.Application) -> None:
    """Add /ws, its hub, limits and hooks (needs BUS, I18N, METRICS and SESSIONMAKER)."""
    settings = app[WEB_SETTINGS]
    app[HUB] = Hub(app[I18N], app[METRICS], max_per_user=settings.ws_max_per_user)
    app[SOCKET_LIMITS] = SocketLimits.from_settings(settings)
    app[ACTIVE_ACCOUNTS] = ActiveAccounts(app[SESSIONMAKER])
    app.add_routes(routes)
    app.cleanup_ctx.append(_subscribe)
    app.on_shutdown.append(_close_sockets)
