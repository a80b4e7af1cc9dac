"""The hub's one timer for every connection's token deadline."""

import asyncio
import time
import uuid
from datetime import UTC, datetime

from aiohttp import web

from web.auth.jwt import AuthUser
from web.ws.connection import Connection
from web.ws.deadlines import Deadlines


def _connection() -> Connection:
    token = AuthUser(
        user_id=uuid.uuid4(),
        language="en",
        timezone="UTC",
        latitude=None,
        longitude=None,
        jti=uuid.uuid4().hex,
        expires_at=datetime.now(UTC),
    )
    return Connection(
        web.WebSocketResponse(),
        asyncio.Transport(),
        token=token,
        language="en",
        hemisphere="north",
        limit=1024,
    )


async def test_only_current_deadlines_fire_in_order() -> None:
    fired: list[tuple[Connection, float]] = []
    deadlines = Deadlines(lambda conn: fired.append((conn, time.time())))
    moved, cleared, kept = _connection(), _connection(), _connection()
    start = time.time()
    deadlines.set(moved, start + 0.02)
    deadlines.set(cleared, start + 0.03)
    deadlines.set(kept, start + 0.05)
    deadlines.set(moved, start + 0.08)  # a renewal replaces the earlier deadline
    deadlines.clear(cleared)  # a closed connection
    await asyncio.sleep(0.15)
    assert [conn for conn, _ in fired] == [kept, moved]
    assert fired[0][1] >= start + 0.05
    assert fired[1][1] >= start + 0.08
    assert kept.deadline is None
    assert moved.deadline is None


async def test_due_callback_can_set_the_next_deadline() -> None:
    fired: list[float] = []
    conn = _connection()

    def due(connection: Connection) -> None:
        fired.append(time.time())
        if len(fired) == 1:
            deadlines.set(connection, time.time() + 0.02)

    deadlines = Deadlines(due)
    deadlines.set(conn, time.time() + 0.01)
    await asyncio.sleep(0.1)
    assert len(fired) == 2
    assert fired[1] - fired[0] >= 0.02


async def test_renewals_in_a_loop_do_not_grow_the_heap() -> None:
    deadlines = Deadlines(lambda conn: None)
    conn = _connection()
    for step in range(10_000):
        deadlines.set(conn, time.time() + 60 + step)
    assert len(deadlines) < 3_000
    assert conn.deadline is not None
