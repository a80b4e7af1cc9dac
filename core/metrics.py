"""Metric plumbing every role shares: process identity, database pool, Bot API calls, /metrics.

Role metrics (bot handlers, scheduler jobs, deliveries) live in prometheus_client's default
registry, next to its process collector (RSS, CPU, start time). The web role keeps its own
per-application registry and serves both on its /metrics; a bot or scheduler process that runs
without the web role serves the default registry on METRICS_HOST:METRICS_PORT with `serve_metrics`.
"""

import weakref
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import Collector
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

try:
    VERSION = version("starscalendars")
except PackageNotFoundError:  # a source checkout that was never installed
    VERSION = "unknown"

PROCESS_INFO = Gauge(
    "starscalendars_process",
    "Always 1: this process's version and the roles it runs.",
    ["version", "roles"],
)
BOT_API_CALLS = Counter(
    "bot_api_calls",
    "Telegram Bot API calls by method and outcome (ok, 429, 403, 400, 5xx, network).",
    ["method", "outcome"],
)
POOL_EXHAUSTED = Counter(
    "db_pool_exhausted",
    "Checkouts that took the last connection the pool may open: the next checkout waits.",
)
# Latencies of handlers and jobs: milliseconds to minutes.
DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0)


def bot_api_outcome(status: int | None) -> str:
    """The outcome label of one Bot API answer: its HTTP status class, or `network`."""
    if status is None:
        return "network"
    if status in (200, 429, 403, 400):
        return "ok" if status == 200 else str(status)
    return "5xx" if status >= 500 else "4xx"


def count_bot_api(method: str, status: int | None) -> None:
    """Count one direct Bot API call (the paths that skip aiogram) by its HTTP status."""
    BOT_API_CALLS.labels(method, bot_api_outcome(status)).inc()


def mark_process(roles: Iterable[str]) -> None:
    """Label this process with its version and roles (`starscalendars status` reads it)."""
    PROCESS_INFO.clear()
    PROCESS_INFO.labels(VERSION, ",".join(sorted(roles))).set(1)


class PoolCollector(Collector):
    """Connections in use, idle and allowed for every engine of this process, read at scrape."""

    def __init__(self) -> None:
        self._engines: weakref.WeakSet[AsyncEngine] = weakref.WeakSet()

    def watch(self, engine: AsyncEngine) -> None:
        """Report `engine`'s pool (SQLite's pool has no limits: only PostgreSQL's is counted)."""
        pool = engine.sync_engine.pool
        if not isinstance(pool, QueuePool):
            return
        limit = pool.size() + max(pool._max_overflow, 0)

        def on_checkout(*_args: object) -> None:
            if pool.checkedout() >= limit:
                POOL_EXHAUSTED.inc()

        event.listen(pool, "checkout", on_checkout)
        self._engines.add(engine)

    def forget(self, engine: AsyncEngine) -> None:
        """Stop reporting a disposed engine."""
        self._engines.discard(engine)

    def collect(self) -> Iterable[Metric]:
        """Sum over the watched pools (one per process outside tests)."""
        in_use = idle = limit = 0
        for engine in list(self._engines):
            pool = engine.sync_engine.pool
            if isinstance(pool, QueuePool):
                in_use += pool.checkedout()
                idle += pool.checkedin()
                limit += pool.size() + max(pool._max_overflow, 0)
        yield GaugeMetricFamily("db_pool_in_use", "Database connections checked out now.", in_use)
        yield GaugeMetricFamily(
            "db_pool_idle", "Open database connections waiting in the pool.", idle
        )
        yield GaugeMetricFamily("db_pool_limit", "Most connections the pool may open.", limit)


POOLS = PoolCollector()
REGISTRY.register(POOLS)


def exposition(*registries: CollectorRegistry) -> bytes:
    """The given registries (the default one when none) in Prometheus text format."""
    return b"".join(generate_latest(registry) for registry in registries or (REGISTRY,))


def metrics_response(body: bytes) -> web.Response:
    """An aiohttp answer carrying Prometheus text."""
    response = web.Response(body=body)
    response.content_type = CONTENT_TYPE_LATEST.split(";")[0]
    response.charset = "utf-8"
    return response


async def _metrics(_request: web.Request) -> web.Response:
    return metrics_response(exposition())


@asynccontextmanager
async def serve_metrics(host: str, port: int) -> AsyncIterator[web.AppRunner]:
    """Serve the default registry on http://host:port/metrics while the block runs."""
    app = web.Application()
    app.router.add_get("/metrics", _metrics)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    try:
        yield runner
    finally:
        await runner.cleanup()
