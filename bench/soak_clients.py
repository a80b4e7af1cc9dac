"""The soak run's client side, in child processes: WebSockets and API calls, and the fake Bot API.

`websockets` holds sockets open through the proxy, reconnecting (and resyncing from
/api/events) when a web process dies under them, and calls /api/events at a steady rate;
`fake_telegram` serves the Bot API and plays users talking to the bot. Each answers one
`report` over its pipe at the end.
"""

import asyncio
import contextlib
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import aiohttp

from bench.web_common import raise_fd_limit
from tests.fakes.telegram import FakeTelegram, LimitsConfig, Rate

API_WINDOW = "from=2027-01-01&to=2027-02-01"
# As web/static/live.js: the first retry after 1 s, doubling up to 30 s; with jitter here, as
# real clients' networks spread them.
FIRST_RETRY_SECONDS = 1.0
LAST_RETRY_SECONDS = 30.0
OPEN_AT_ONCE = 25
CONVERSATION_COMMANDS = ("/next", "/today", "/month", "/eclipses", "/help")


@dataclass
class SocketLog:
    """What one WebSocket client saw."""

    pushes: list[str] = field(default_factory=list)
    reconnects: int = 0
    resyncs: int = 0
    closes: list[str] = field(default_factory=list)
    opened: bool = False


@dataclass
class ClientReport:
    """Everything the WebSocket and API child measured."""

    sockets: list[SocketLog] = field(default_factory=list)
    connected: int = 0
    latencies: list[float] = field(default_factory=list)
    api_statuses: Counter[int] = field(default_factory=Counter)


async def _resync(http: aiohttp.ClientSession, base: str, token: str) -> bool:
    headers = {"Authorization": f"Bearer {token}"}
    with contextlib.suppress(aiohttp.ClientError, TimeoutError):
        async with http.get(f"{base}/api/events?{API_WINDOW}", headers=headers) as response:
            return response.status == 200
    return False


async def _socket(
    http: aiohttp.ClientSession, base: str, token: str, log: SocketLog, ready: asyncio.Event
) -> None:
    retry = FIRST_RETRY_SECONDS
    while True:
        try:
            async with http.ws_connect(f"{base}/ws", heartbeat=None) as ws:
                await ws.send_json({"type": "auth", "token": token})
                hello = await ws.receive_json(timeout=30)
                if hello.get("type") != "auth.ok":
                    raise ConnectionError(f"auth answered {hello}")
                retry = FIRST_RETRY_SECONDS
                if not ready.is_set():
                    log.opened = True
                    ready.set()
                elif await _resync(http, base, token):
                    log.resyncs += 1
                async for message in ws:
                    if message.type != aiohttp.WSMsgType.TEXT:
                        break
                    push = message.json()
                    if push.get("type") == "event.upcoming":
                        log.pushes.append(str(push["id"]))
                log.closes.append(f"closed {ws.close_code}")
        except (aiohttp.ClientError, TimeoutError, ConnectionError, ValueError) as exc:
            log.closes.append(type(exc).__name__)
        # A first attempt that failed lets the next socket start; this one keeps trying.
        ready.set()
        log.reconnects += 1
        await asyncio.sleep(retry * (0.5 + random.random()))
        retry = min(retry * 2, LAST_RETRY_SECONDS)


async def _api_load(
    http: aiohttp.ClientSession, base: str, tokens: list[str], rate: float, report: ClientReport
) -> None:
    async def call(token: str) -> None:
        started = time.perf_counter()
        try:
            headers = {"Authorization": f"Bearer {token}"}
            url = f"{base}/api/events?{API_WINDOW}"
            async with http.get(url, headers=headers) as response:
                await response.read()
                report.api_statuses[response.status] += 1
        except (aiohttp.ClientError, TimeoutError):
            report.api_statuses[0] += 1
        report.latencies.append(time.perf_counter() - started)

    calls: set[asyncio.Task[None]] = set()
    while True:
        task = asyncio.create_task(call(random.choice(tokens)))
        calls.add(task)
        task.add_done_callback(calls.discard)
        await asyncio.sleep(1 / rate)


async def _run_clients(pipe: Connection, base: str, tokens: list[str], api_rate: float) -> None:
    raise_fd_limit(len(tokens) + 1024)
    report = ClientReport(sockets=[SocketLog() for _ in tokens])
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        tasks = []
        pairs = list(zip(tokens, report.sockets, strict=True))
        # Opened a few dozen at a time, as people arrive, without a thundering herd.
        for start in range(0, len(pairs), OPEN_AT_ONCE):
            waits = []
            for token, log in pairs[start : start + OPEN_AT_ONCE]:
                ready = asyncio.Event()
                tasks.append(asyncio.create_task(_socket(http, base, token, log, ready)))
                waits.append(asyncio.wait_for(ready.wait(), 60))
            await asyncio.gather(*waits, return_exceptions=True)
        report.connected = sum(log.opened for log in report.sockets)
        pipe.send({"connected": report.connected})
        tasks.append(asyncio.create_task(_api_load(http, base, tokens, api_rate, report)))
        await asyncio.to_thread(pipe.recv)  # the parent's "report"
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    pipe.send(
        {
            "sockets": [(log.pushes, log.reconnects, log.resyncs) for log in report.sockets],
            "closes": dict(Counter(close for log in report.sockets for close in log.closes)),
            "latencies": report.latencies,
            "api_statuses": dict(report.api_statuses),
        }
    )


def websockets(pipe: Connection, base: str, tokens: list[str], api_rate: float) -> None:
    """Child process: one socket per token through the proxy, plus steady API calls."""
    asyncio.run(_run_clients(pipe, base, tokens, api_rate))


async def _converse(telegram: FakeTelegram, user_ids: list[int], rate: float) -> list[float]:
    """Users send commands at `rate` per second; the seconds until the bot's first answer."""
    answers: list[float] = []

    async def one(user_id: int) -> None:
        driver = telegram.user(user_id)
        before = len(telegram.messages_to(user_id))
        started = time.perf_counter()
        driver.send_text(random.choice(CONVERSATION_COMMANDS))
        with contextlib.suppress(TimeoutError, AssertionError):
            await telegram.wait_until(lambda: len(telegram.messages_to(user_id)) > before, 30)
            answers.append(time.perf_counter() - started)

    talks: set[asyncio.Task[None]] = set()
    try:
        while True:
            task = asyncio.create_task(one(random.choice(user_ids)))
            talks.add(task)
            task.add_done_callback(talks.discard)
            await asyncio.sleep(1 / rate)
    except asyncio.CancelledError:
        await asyncio.gather(*talks, return_exceptions=True)
        return answers


async def _run_telegram(
    pipe: Connection, user_ids: list[int], talkers: list[int], channel_id: int, rate: float
) -> None:
    limits = LimitsConfig(overall=Rate(per_second=200.0, burst=50))
    async with FakeTelegram(limits=limits) as telegram:
        for user_id in user_ids:
            telegram.add_user(user_id=user_id)
        telegram.add_channel("Sky", chat_id=channel_id)
        pipe.send({"api_url": telegram.api_url, "token": telegram.token})
        await asyncio.to_thread(pipe.recv)  # "talk"
        conversations = asyncio.create_task(_converse(telegram, talkers, rate))
        await asyncio.to_thread(pipe.recv)  # "report"
        conversations.cancel()
        answers = await conversations
        sent: dict[int, int] = {
            chat: len(messages) for chat, messages in telegram.state.sent_by_chat.items()
        }
        pipe.send(
            {
                "sent": sent,
                "conversations": answers,
                "asked": len(telegram.calls("sendMessage")),
                "rate_limited": telegram.rate_limit_hits,
            }
        )


def fake_telegram(
    pipe: Connection, user_ids: list[int], talkers: list[int], channel_id: int, rate: float
) -> None:
    """Child process: the fake Bot API with every user and the channel; users who talk."""
    asyncio.run(_run_telegram(pipe, user_ids, talkers, channel_id, rate))


def report_of(pipe: Connection) -> Any:
    """Ask a child for its report and wait for it."""
    pipe.send("report")
    return pipe.recv()
