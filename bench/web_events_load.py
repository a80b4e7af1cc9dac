"""The HTTP load generator (a child of bench.web_events_bench): keep-alive clients, one loop."""

import asyncio
import time
from collections import Counter
from typing import Any

import orjson

from bench.web_common import HOST, answer, percentile, read_commands


class Results:
    """Latencies and statuses of the answered requests."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.statuses: Counter[int] = Counter()


class HttpClient(asyncio.Protocol):
    """One keep-alive connection sending the same request again as soon as it is answered."""

    def __init__(self, request: bytes, results: Results, stop_at: float) -> None:
        self.request = request
        self.results = results
        self.stop_at = stop_at
        self.buffer = bytearray()
        self.sent_at = 0.0
        self.transport: asyncio.Transport | None = None
        self.done = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self._send()

    def connection_lost(self, exc: Exception | None) -> None:
        if not self.done.done():
            self.done.set_exception(ConnectionError("server closed the connection"))

    def _send(self) -> None:
        assert self.transport is not None
        self.sent_at = time.perf_counter()
        self.transport.write(self.request)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = bytes(self.buffer[:end]).lower()
        start = head.index(b"content-length:") + 15
        length = int(head[start : head.index(b"\r\n", start)])
        if len(self.buffer) < end + 4 + length:
            return
        self.results.latencies.append(time.perf_counter() - self.sent_at)
        self.results.statuses[int(head[9:12])] += 1
        del self.buffer[: end + 4 + length]
        if time.perf_counter() < self.stop_at:
            self._send()
        elif not self.done.done():
            self.done.set_result(None)


async def _run(command: dict[str, Any]) -> dict[str, Any]:
    loop = asyncio.get_running_loop()
    request = (
        f"GET {command['path']} HTTP/1.1\r\nHost: {HOST}\r\n"
        f"Authorization: Bearer {command['token']}\r\n\r\n"
    ).encode()
    results = Results()
    started = time.perf_counter()
    stop_at = started + command["seconds"]
    clients = []
    for _ in range(command["concurrency"]):
        _, client = await loop.create_connection(
            lambda: HttpClient(request, results, stop_at), HOST, command["port"]
        )
        clients.append(client)
    await asyncio.gather(*(client.done for client in clients))
    elapsed = time.perf_counter() - started
    for client in clients:
        assert client.transport is not None
        client.transport.close()
    latencies = results.latencies
    return {
        "requests": len(latencies),
        "seconds": elapsed,
        "statuses": {str(status): count for status, count in results.statuses.items()},
        "p50_ms": percentile(latencies, 0.5) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "max_ms": max(latencies) * 1000,
    }


async def main() -> None:
    """Run each load command from stdin and answer with its figures."""
    commands = await read_commands()
    while line := await commands.readline():
        answer(await _run(orjson.loads(line)))


if __name__ == "__main__":
    asyncio.run(main())
