"""WebSocket hub at scale: `python -m bench.web_ws_bench [--connections 10000] [--broadcasts 20]`.

This process runs the real web application (one process, one event loop) on 127.0.0.1;
the load generator (bench.web_ws_load) is a separate process holding every client socket. Printed:
accept+auth rate, server RSS with all connections, deliveries per second and latency of
broadcasts of one event to all connections, and the close codes seen at shutdown.
`--tracemalloc` adds who holds each connection's memory (aiohttp, asyncio, our modules).
`--keep-aiohttp-state` and `--no-gc-freeze` turn off web/ws/upgrade.py and core/heap.py, to
measure what each buys (memory per connection; the pause of a full collection).
"""

import argparse
import asyncio
import gc
import tempfile
import time
import tracemalloc
import uuid
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import orjson
from aiohttp import web
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from app.process import create_runtime, run
from bench.web_common import (
    HOST,
    LoadGenerator,
    cpu_seconds,
    percentile,
    raise_fd_limit,
    rss_mb,
)
from core.config import load_settings
from core.heap import freeze_heap
from core.languages import LANGUAGES
from core.push import WS_CHANNEL
from models.user import User
from web.app import create_app
from web.auth.jwt import AccessTokens
from web.keys import BUS
from web.ws import endpoint as ws_endpoint
from web.ws.hub import HUB

GAP_SECONDS = 0.3
# How many source lines the --tracemalloc breakdown names.
LINES = 25
ROOT = Path(__file__).resolve().parent.parent


def _timed(dispatch: Callable[[bytes], int], spans: list[float]) -> Callable[[bytes], int]:
    """Wrap the hub's dispatch to record how long the server spends writing each broadcast."""

    def timed(raw: bytes) -> int:
        started = time.perf_counter()
        sent = dispatch(raw)
        spans.append(time.perf_counter() - started)
        return sent

    return timed


def _write_tokens(tokens: AccessTokens, users: list[User], path: Path) -> None:
    """Sign one token per simulated user into `path`."""
    lines = [
        tokens.issue(
            user.id,
            language=user.language,
            timezone=user.timezone,
            latitude=user.latitude,
            longitude=user.longitude,
        ).token
        for user in users
    ]
    path.write_text("\n".join(lines))


async def _store_users(engine: AsyncEngine, count: int) -> list[User]:
    """One user per client, languages and hemispheres mixed (/ws checks the account is active)."""
    users = [
        User(
            id=uuid.uuid4(),
            language=LANGUAGES[index % len(LANGUAGES)],
            timezone="UTC",
            latitude=-30.0 if index % 3 == 0 else 45.0,
            longitude=10.0,
        )
        for index in range(count)
    ]
    rows = [
        {
            "id": user.id,
            "language": user.language,
            "timezone": user.timezone,
            "latitude": user.latitude,
            "longitude": user.longitude,
        }
        for user in users
    ]
    async with engine.begin() as connection:
        await connection.run_sync(User.metadata.tables["users"].create)
        await connection.execute(insert(User), rows)
    return users


async def _broadcasts(app: web.Application, load: LoadGenerator, count: int) -> list[float]:
    """Publish `count` events to everybody; returns deliveries per second of each."""
    bus, hub = app[BUS], app[HUB]
    rates = []
    for seq in range(count):
        # A full moon as the scheduler announces it: titled per (language, hemisphere) group.
        envelope = {
            "audience": {"all": True},
            "type": "event.upcoming",
            "id": f"bench-{seq}",
            "data": {"seq": seq, "kind": "full_moon", "subject": "", "payload": {}},
        }
        # CLOCK_MONOTONIC is system-wide on Linux: the generator's arrival times compare to it.
        published = time.monotonic()
        await bus.publish(WS_CHANNEL, orjson.dumps(envelope))
        result = await load.ask({"cmd": "expect", "seq": seq, "published": published, "wait": 30})
        if result["received"] != len(hub):
            raise RuntimeError(f"broadcast {seq}: {result['received']} of {len(hub)} delivered")
        rates.append(result["received"] / (result["last_arrival"] - published))
        await asyncio.sleep(GAP_SECONDS)
    return rates


def _keep_aiohttp_state() -> None:
    """Accept sockets without web/ws/upgrade.py's release of aiohttp's per-connection state."""

    def untouched(_: object) -> bool:
        return False

    setattr(ws_endpoint, "release_http_state", untouched)  # noqa: B010
    setattr(ws_endpoint, "share_writer_state", untouched)  # noqa: B010


async def measure(
    connections: int, broadcasts: int, concurrency: int, *, trace: bool, freeze: bool
) -> None:
    """Serve, connect everybody, broadcast, shut down; print each figure as it is measured."""
    raise_fd_limit(connections + 1000)
    workdir = Path(tempfile.mkdtemp(prefix="sc-ws-bench-"))
    settings = load_settings(
        None,
        database={"url": f"sqlite+aiosqlite:///{workdir / 'bench.db'}"},
        auth={"keys_dir": workdir / "keys"},
        # Every client socket comes from this one address.
        web={"ws_max_per_ip": connections + 1, "ws_handshakes_per_minute": 60 * connections},
    )
    async with create_runtime(settings) as runtime:
        app = create_app(runtime)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, HOST, 0, backlog=4096)
            await site.start()
            tokens_file = workdir / "tokens.txt"
            signer = AccessTokens(runtime.keyring, settings.auth)
            setup = time.perf_counter()
            users = await _store_users(runtime.engine, connections)
            _write_tokens(signer, users, tokens_file)
            del users
            print(
                f"stored {connections} users and signed their access tokens in "
                f"{time.perf_counter() - setup:.1f} s (setup, not measured)"
            )
            # What a long-running server does after start: the startup heap is never garbage.
            if freeze:
                freeze_heap()
            load = await LoadGenerator.start("bench.web_ws_load")
            try:
                port = runner.addresses[0][1]
                await _connect(load, app, port, tokens_file, concurrency, trace=trace)
                await _broadcast(load, app, broadcasts)
                started = time.monotonic()
                await runner.cleanup()
                closes = await load.ask({"cmd": "closes", "wait": 1.0})
                print(f"shutdown in {time.monotonic() - started:.2f} s, close codes: {closes}")
            finally:
                await load.stop()
        finally:
            if runner.server is not None:
                await runner.cleanup()


def _where(frame: tracemalloc.Frame) -> str:
    """Who allocated: a third-party package, asyncio, or one of our modules."""
    path = frame.filename
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0]
    if "/asyncio/" in path:
        return "asyncio"
    root = str(ROOT) + "/"
    return path.removeprefix(root) if path.startswith(root) else Path(path).name


def _print_breakdown(
    before: tracemalloc.Snapshot, after: tracemalloc.Snapshot, count: int
) -> None:
    """Bytes per connection still held after connecting, by who allocated them."""
    by_owner: Counter[str] = Counter()
    for stat in after.compare_to(before, "filename"):
        by_owner[_where(stat.traceback[0])] += stat.size_diff
    total = sum(by_owner.values())
    print(f"tracemalloc: {total / count:,.0f} B per connection, by allocating package or module:")
    for owner, size in by_owner.most_common(15):
        print(f"  {size / count:7,.0f} B  {owner}")
    print("top allocating lines:")
    for stat in after.compare_to(before, "lineno")[:LINES]:
        frame = stat.traceback[0]
        where = frame.filename.rsplit("site-packages/", 1)[-1].removeprefix(str(ROOT) + "/")
        print(f"  {stat.size_diff / count:7,.0f} B  {where}:{frame.lineno}")


async def _connect(
    load: LoadGenerator,
    app: web.Application,
    port: int,
    tokens: Path,
    concurrency: int,
    *,
    trace: bool,
) -> None:
    """Open and authenticate every client socket; print the rate and the memory it takes."""
    idle_rss = rss_mb()
    if trace:
        tracemalloc.start()
    before = tracemalloc.take_snapshot() if trace else None
    cpu_before = cpu_seconds()
    count = len((await asyncio.to_thread(tokens.read_text)).split())
    connected = await load.ask(
        {
            "cmd": "connect",
            "connections": count,
            "tokens_file": str(tokens),
            "port": port,
            "concurrency": concurrency,
        }
    )
    rate = connected["connected"] / connected["seconds"]
    busy = (cpu_seconds() - cpu_before) / connected["seconds"]
    print(
        f"connected and authenticated {connected['connected']} sockets "
        f"({connected['failed']} failed) in {connected['seconds']:.2f} s: {rate:,.0f}/s "
        f"(server CPU busy {busy:.0%})"
    )
    # CPU time, not wall time: what the collection costs this process on a shared machine.
    walked = len(gc.get_objects())
    started = time.process_time()
    gc.collect()
    pause_ms = (time.process_time() - started) * 1000
    print(f"full collection with the sockets open: {walked:,} objects, {pause_ms:.0f} ms of CPU")
    hub_size = len(app[HUB])
    if before is not None:
        _print_breakdown(before, tracemalloc.take_snapshot(), hub_size)
        tracemalloc.stop()
    print(
        f"server RSS: {idle_rss:.0f} MB idle, {rss_mb():.0f} MB with {hub_size} "
        f"connections ({(rss_mb() - idle_rss) * 1024 / max(hub_size, 1):.1f} KB each)"
    )


async def _broadcast(load: LoadGenerator, app: web.Application, broadcasts: int) -> None:
    """Broadcast `broadcasts` events to everybody; print throughput and latency."""
    hub = app[HUB]
    spans: list[float] = []
    # Instrumented on the instance: the hub's bus task calls self.dispatch.
    setattr(hub, "dispatch", _timed(hub.dispatch, spans))  # noqa: B010
    rates = await _broadcasts(app, load, broadcasts)
    report = await load.ask({"cmd": "report"})
    print(
        f"{broadcasts} broadcasts to {len(hub)}: {percentile(rates, 0.5):,.0f} "
        f"deliveries/s median (min {min(rates):,.0f}, max {max(rates):,.0f}), "
        "publish to receipt"
    )
    print(
        f"server time writing one broadcast: median {percentile(spans, 0.5) * 1000:.1f} "
        f"ms = {len(hub) / percentile(spans, 0.5):,.0f} writes/s"
    )
    print(
        f"latency over {report['deliveries']} deliveries: p50 {report['p50_ms']:.1f} ms, "
        f"p99 {report['p99_ms']:.1f} ms, max {report['max_ms']:.1f} ms"
    )
    print(f"server RSS after broadcasts: {rss_mb():.0f} MB")


def main() -> None:
    """Parse the bounds and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--connections", type=int, default=10_000)
    parser.add_argument("--broadcasts", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=200, help="connects in flight")
    parser.add_argument(
        "--uvloop", action="store_true", help="serve on uvloop (web processes use asyncio's loop)"
    )
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also break the per-connection memory down by owner (slows connecting; RSS inflated)",
    )
    parser.add_argument(
        "--keep-aiohttp-state",
        action="store_true",
        help="do not release aiohttp's per-connection state after the upgrade",
    )
    parser.add_argument(
        "--no-gc-freeze", action="store_true", help="do not freeze the start-up heap"
    )
    args = parser.parse_args()
    if args.keep_aiohttp_state:
        _keep_aiohttp_state()
    run(
        measure(
            args.connections,
            args.broadcasts,
            args.concurrency,
            trace=args.tracemalloc,
            freeze=not args.no_gc_freeze,
        ),
        use_uvloop=args.uvloop,
    )


if __name__ == "__main__":
    main()
