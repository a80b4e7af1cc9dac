"""A client that stops reading is cut off at its send-queue limit; the others carry on."""

import asyncio
import os
import socket
import struct

import orjson
import pytest

from tests.web.conftest import MakeClient, MakeUser
from web.metrics import METRICS
from web.ws.hub import HUB

pytestmark = pytest.mark.postgres

SEND_BUFFER = 4096


def _masked_text_frame(payload: bytes) -> bytes:
    """A client's (masked) text frame, as RFC 6455 requires of clients."""
    mask = os.urandom(4)
    masked = bytes(byte ^ mask[index % 4] for index, byte in enumerate(payload))
    length = len(payload)
    if length < 126:
        header = struct.pack("!BB", 0x81, 0x80 | length)
    else:
        header = struct.pack("!BBH", 0x81, 0x80 | 126, length)
    return header + mask + masked


async def _raw_signed_in(
    port: int, token: str
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    """A bare-socket WebSocket client with a tiny receive buffer, signed in."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setblocking(False)
    await asyncio.get_running_loop().sock_connect(sock, ("127.0.0.1", port))
    reader, writer = await asyncio.open_connection(sock=sock, limit=2**20)
    writer.write(
        b"GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
    )
    head = await reader.readuntil(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 101")
    writer.write(_masked_text_frame(orjson.dumps({"type": "auth", "token": token})))
    first, length = await reader.readexactly(2)
    assert first == 0x81
    assert b"auth.ok" in await reader.readexactly(length)
    return reader, writer


async def test_slow_client_is_disconnected_and_memory_stays_bounded(
    make_client: MakeClient, make_user: MakeUser
) -> None:
    client = await make_client(web={"ws_send_buffer_bytes": SEND_BUFFER})
    assert client.port is not None
    slow, fast = await make_user(on=client), await make_user(on=client)
    reader, writer = await _raw_signed_in(client.port, slow.access_token)
    fast_ws = await client.ws_connect("/ws")
    await fast_ws.send_json({"type": "auth", "token": fast.access_token})
    assert (await fast_ws.receive_json(timeout=5))["type"] == "auth.ok"

    hub, metrics = client.app[HUB], client.app[METRICS]
    [slow_connection] = hub._users[slow.user_id]
    big = orjson.dumps(
        {
            "audience": {"user": str(slow.user_id)},
            "type": "t",
            "id": "x",
            "data": {"s": "*" * 32768},
        }
    )
    frame_size = 32768 + 64
    for _ in range(2000):
        if hub.dispatch(big) == 0:
            break
        # The queue never holds more than its limit plus the frame that crossed it.
        assert slow_connection.transport.get_write_buffer_size() <= SEND_BUFFER + frame_size
        await asyncio.sleep(0)
    assert metrics.ws_pushes_dropped._value.get() == 1
    assert slow.user_id not in hub._users

    assert metrics.registry.get_sample_value("ws_connections") == 1
    small = {"audience": {"all": True}, "type": "t", "id": "still-here", "data": {}}
    assert hub.dispatch(orjson.dumps(small)) == 1
    assert (await fast_ws.receive_json(timeout=5))["id"] == "still-here"

    # The slow peer finds its connection gone once it reads again.
    with pytest.raises((asyncio.IncompleteReadError, ConnectionResetError)):
        await _read_to_the_end(reader)
    writer.close()


async def _read_to_the_end(reader: asyncio.StreamReader) -> None:
    """Read until the connection ends (which raises)."""
    while True:
        await reader.readexactly(65536)
