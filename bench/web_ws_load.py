"""The WebSocket load generator (a child of bench.web_ws_bench): many bare sockets, one loop."""

import asyncio
import os
import struct
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import orjson

from bench.web_common import HOST, answer, percentile, raise_fd_limit, read_commands
from core.heap import freeze_heap

_HANDSHAKE = (
    "GET /ws HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
)
_TEXT, _CLOSE, _PING, _PONG = 0x1, 0x8, 0x9, 0xA


def _client_frame(opcode: int, payload: bytes) -> bytes:
    """A masked frame, as RFC 6455 requires from clients."""
    length = len(payload)
    if length < 126:
        header = struct.pack("!BB", 0x80 | opcode, 0x80 | length)
    else:
        header = struct.pack("!BBH", 0x80 | opcode, 0x80 | 126, length)
    mask = os.urandom(4)
    keystream = (mask * (length // 4 + 1))[:length]
    masked = (int.from_bytes(payload, "big") ^ int.from_bytes(keystream, "big")).to_bytes(
        length, "big"
    )
    return header + mask + masked


class Deliveries:
    """What every socket received: arrival times by broadcast sequence number, close codes."""

    def __init__(self) -> None:
        self.arrivals: dict[int, list[float]] = defaultdict(list)
        self.latencies: list[float] = []
        self.closes: Counter[int] = Counter()


def _sequence(payload: bytes) -> int:
    """The broadcast's "seq", read without parsing the JSON (keeps the generator cheap)."""
    start = payload.index(b'"seq":') + 6
    return int(payload[start : payload.index(b",", start)])


class WsClient(asyncio.Protocol):
    """One WebSocket client: handshake, auth message, then counting pushes and answering pings."""

    def __init__(self, token: str, deliveries: Deliveries, host: str, port: int) -> None:
        self.token = token
        self.deliveries = deliveries
        self.request = _HANDSHAKE.format(host=host, port=port).encode()
        self.buffer = bytearray()
        self.upgraded = False
        self.authenticated = asyncio.get_running_loop().create_future()
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        transport.write(self.request)

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.authenticated.done():
            self.authenticated.set_exception(ConnectionError("closed before auth.ok"))

    def data_received(self, data: bytes) -> None:
        # Fast path: a whole small frame arriving alone (almost every push).
        if self.upgraded and not self.buffer and len(data) >= 2 and len(data) == 2 + data[1]:
            self._frame(data[0] & 0x0F, data[2:])
            return
        self.buffer += data
        if not self.upgraded:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            if not self.buffer.startswith(b"HTTP/1.1 101"):
                raise ConnectionError(bytes(self.buffer[:80]).decode(errors="replace"))
            del self.buffer[: end + 4]
            self.upgraded = True
            self._send(_TEXT, orjson.dumps({"type": "auth", "token": self.token}))
        self._frames()

    def _frames(self) -> None:
        buffer = self.buffer
        while len(buffer) >= 2:
            opcode, length, start = buffer[0] & 0x0F, buffer[1] & 0x7F, 2
            if length == 126:
                if len(buffer) < 4:
                    return
                length, start = int.from_bytes(buffer[2:4], "big"), 4
            elif length == 127:
                if len(buffer) < 10:
                    return
                length, start = int.from_bytes(buffer[2:10], "big"), 10
            if len(buffer) < start + length:
                return
            payload = bytes(buffer[start : start + length])
            del buffer[: start + length]
            self._frame(opcode, payload)

    def _frame(self, opcode: int, payload: bytes) -> None:
        if opcode == _TEXT:
            if self.authenticated.done():
                self.deliveries.arrivals[_sequence(payload)].append(time.monotonic())
            elif b'"auth.ok"' in payload:
                self.authenticated.set_result(None)
        elif opcode == _PING:
            self._send(_PONG, payload)
        elif opcode == _CLOSE:
            code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            self.deliveries.closes[code] += 1
            self._send(_CLOSE, payload[:2])
            assert self.transport is not None
            self.transport.close()

    def _send(self, opcode: int, payload: bytes) -> None:
        assert self.transport is not None
        if not self.transport.is_closing():
            self.transport.write(_client_frame(opcode, payload))


async def _connect_all(
    tokens: list[str], port: int, concurrency: int, deliveries: Deliveries
) -> tuple[list[WsClient], int, float]:
    loop = asyncio.get_running_loop()
    gate = asyncio.Semaphore(concurrency)
    clients: list[WsClient] = []
    failures = 0

    async def connect(token: str) -> None:
        nonlocal failures
        async with gate:
            try:
                _, client = await loop.create_connection(
                    lambda: WsClient(token, deliveries, HOST, port), HOST, port
                )
                await asyncio.wait_for(client.authenticated, 30)
                clients.append(client)
            except (OSError, TimeoutError):
                failures += 1

    started = time.monotonic()
    await asyncio.gather(*(connect(token) for token in tokens))
    return clients, failures, time.monotonic() - started


async def _expect(
    deliveries: Deliveries, seq: int, published: float, count: int, wait: float
) -> dict[str, Any]:
    """Wait for broadcast `seq` to reach every socket; its latencies count from `published`."""
    deadline = time.monotonic() + wait
    arrivals = deliveries.arrivals[seq]
    # Polling, not an event: a wake-up per frame would slow the generator it measures with.
    while len(arrivals) < count and time.monotonic() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.005)
    deliveries.latencies += [arrival - published for arrival in arrivals]
    return {"received": len(arrivals), "last_arrival": max(arrivals, default=published)}


async def main() -> None:
    """Obey the benchmark's commands until stdin closes."""
    commands = await read_commands()
    deliveries = Deliveries()
    clients: list[WsClient] = []
    while line := await commands.readline():
        command = orjson.loads(line)
        if command["cmd"] == "connect":
            raise_fd_limit(command["connections"] + 1000)
            tokens = await asyncio.to_thread(Path(command["tokens_file"]).read_text)

            clients, failures, seconds = await _connect_all(
                tokens.split(), command["port"], command["concurrency"], deliveries
            )
            freeze_heap()
            answer({"connected": len(clients), "failed": failures, "seconds": seconds})
        elif command["cmd"] == "expect":
            answer(
                await _expect(
                    deliveries, command["seq"], command["published"], len(clients), command["wait"]
                )
            )
        elif command["cmd"] == "report":
            every = deliveries.latencies
            answer(
                {
                    "deliveries": len(every),
                    "p50_ms": percentile(every, 0.5) * 1000,
                    "p99_ms": percentile(every, 0.99) * 1000,
                    "max_ms": max(every) * 1000,
                }
            )
        elif command["cmd"] == "closes":
            await asyncio.sleep(command.get("wait", 0))
            answer({str(code): count for code, count in deliveries.closes.items()})
    for client in clients:
        if client.transport is not None:
            client.transport.close()


if __name__ == "__main__":
    asyncio.run(main())
    sys.exit(0)
