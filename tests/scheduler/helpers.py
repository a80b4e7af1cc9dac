"""Running a worker until the fake Telegram saw what a test waits for; reading the outbox."""

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.delivery import Delivery
from scheduler.worker import DeliveryWorker


@asynccontextmanager
async def running(worker: DeliveryWorker) -> AsyncIterator[asyncio.Event]:
    """Run `worker` in the background; stop it (and let it drain) on exit."""
    stop = asyncio.Event()
    task = asyncio.create_task(worker.run(stop))
    try:
        yield stop
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)


async def eventually(condition: Callable[[], Any], timeout: float = 20.0) -> None:  # noqa: ASYNC109
    """Poll an async or plain condition until it is truthy, or fail after `timeout` seconds."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        result = condition()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"condition not met within {timeout}s")
        await asyncio.sleep(0.05)


async def outbox(sessionmaker: async_sessionmaker[AsyncSession]) -> list[Delivery]:
    """Every delivery row, oldest first."""
    async with sessionmaker() as session:
        result = await session.execute(select(Delivery).order_by(Delivery.id))
        return list(result.scalars())


async def count_by_status(sessionmaker: async_sessionmaker[AsyncSession]) -> dict[str, int]:
    """How many deliveries are in each status (cheap enough to poll)."""
    async with sessionmaker() as session:
        result = await session.execute(
            select(Delivery.status, func.count()).group_by(Delivery.status)
        )
        return {str(status): int(count) for status, count in result.all()}


async def settled(sessionmaker: async_sessionmaker[AsyncSession]) -> bool:
    """True when no delivery is pending any more."""
    return "pending" not in await count_by_status(sessionmaker)


async def all_sent(sessionmaker: async_sessionmaker[AsyncSession], count: int) -> bool:
    """Every one of `count` deliveries is recorded as sent."""
    return await count_by_status(sessionmaker) == {"sent": count}
