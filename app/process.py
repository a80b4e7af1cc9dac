"""Builds the shared objects of one process and runs its roles until told to stop."""

import asyncio
import os
import signal
from collections.abc import AsyncIterator, Awaitable, Coroutine
from contextlib import AsyncExitStack, asynccontextmanager
from typing import Any, TypeVar

import structlog
import uvloop

from core.bus_pg import open_bus
from core.config import Settings
from core.i18n import I18n
from core.keys import load_keyring
from core.metrics import POOLS, mark_process, serve_metrics
from core.runtime import Role, Runtime
from models.db import create_engine, create_sessionmaker

log = structlog.get_logger(__name__)
# Connections carry "starscalendars:<pid>" in pg_stat_activity, one label per process.
APPLICATION_NAME = "starscalendars"
T = TypeVar("T")


def run(main: Coroutine[Any, Any, T], *, use_uvloop: bool = False) -> T:
    """Run a process's main coroutine to the end on asyncio's own loop, or on uvloop."""
    with asyncio.Runner(loop_factory=uvloop.new_event_loop if use_uvloop else None) as runner:
        return runner.run(main)


@asynccontextmanager
async def create_runtime(settings: Settings) -> AsyncIterator[Runtime]:
    """Open the database engine, load catalogues and keys; release them on exit."""
    keyring = load_keyring(settings.auth.keys_dir)
    i18n = I18n.load()
    engine = create_engine(
        settings.database.url,
        pool_size=settings.database.pool_size,
        pool_timeout=settings.database.pool_timeout_seconds,
        echo=settings.database.echo,
        application_name=f"{APPLICATION_NAME}:{os.getpid()}",
    )
    POOLS.watch(engine)
    try:
        async with open_bus(settings.database) as bus:
            yield Runtime(
                settings=settings,
                engine=engine,
                sessionmaker=create_sessionmaker(engine),
                i18n=i18n,
                bus=bus,
                keyring=keyring,
            )
    finally:
        POOLS.forget(engine)
        await engine.dispose()


async def serve(settings: Settings, roles: dict[str, Role]) -> None:
    """Run `roles` side by side until SIGTERM/SIGINT, then let each finish its work in hand."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    mark_process(roles)
    async with AsyncExitStack() as stack:
        runtime = await stack.enter_async_context(create_runtime(settings))
        # The web role serves every metric of its process; without it, a port of our own does.
        if "web" not in roles and settings.metrics_port is not None:
            await stack.enter_async_context(
                serve_metrics(settings.metrics_host, settings.metrics_port)
            )
            log.info("metrics served", port=settings.metrics_port)
        log.info(
            "starting",
            roles=sorted(roles),
            database=settings.database.url.split("://")[0],
            loop=type(loop).__module__.split(".")[0],
        )
        async with asyncio.TaskGroup() as group:
            for name, role in roles.items():
                group.create_task(_watch(name, role(runtime, stop), stop))
    log.info("stopped")


async def _watch(name: str, running: Awaitable[None], stop: asyncio.Event) -> None:
    # A role that ends (or fails) brings the process down cleanly rather than half-alive.
    try:
        await running
    finally:
        if not stop.is_set():
            log.warning("role ended, stopping the process", role=name)
            stop.set()
