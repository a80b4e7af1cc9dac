"""LISTEN/NOTIFY carries a push from one process's bus to every other's subscribers."""

import asyncio

import pytest

from core.bus_pg import MAX_PAYLOAD_BYTES, PayloadTooLargeError, PgBus, asyncpg_dsn

pytestmark = pytest.mark.postgres


async def test_a_message_reaches_subscribers_of_other_buses(pg_url: str) -> None:
    publisher, first, second = (PgBus(asyncpg_dsn(pg_url)) for _ in range(3))
    try:
        async with first.subscribe("ws") as one, second.subscribe("ws") as two:
            await publisher.publish("ws", b'{"audience":{"all":true}}')
            received = await asyncio.wait_for(asyncio.gather(one.get(), two.get()), 5)
            await publisher.publish("other", b"not for ws")
            await asyncio.sleep(0.2)
            assert one.empty()
        assert list(received) == [b'{"audience":{"all":true}}'] * 2
        with pytest.raises(PayloadTooLargeError):
            await publisher.publish("ws", b"x" * (MAX_PAYLOAD_BYTES + 1))
    finally:
        for bus in (publisher, first, second):
            await bus.close()
