"""The web role: serve the application until told to stop, finishing requests in flight."""

import asyncio
from collections.abc import Callable

import structlog
from aiohttp import web

from core.heap import freeze_heap
from core.runtime import Runtime
from web.app import create_app

log = structlog.get_logger(__name__)
SHUTDOWN_TIMEOUT = 10.0


Mount = Callable[[web.Application, Runtime], None]


async def serve(runtime: Runtime, stop: asyncio.Event, *, mount: Mount | None = None) -> None:
    """Listen on WEB_HOST:WEB_PORT until `stop` is set; `mount` adds routes (the bot's webhook)."""
    settings = runtime.settings.web
    app = create_app(runtime)
    if mount is not None:
        mount(app, runtime)
    runner = web.AppRunner(app, shutdown_timeout=SHUTDOWN_TIMEOUT, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    await site.start()
    # The start-up heap (modules, catalogues, routes) lives as long as the process: frozen, it
    # is no longer walked by every full collection while thousands of sockets are served.
    freeze_heap()
    log.info("web server listening", url=f"http://{settings.host}:{settings.port}/")
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
