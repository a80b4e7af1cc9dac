"""GET /api/events at load: `python -m bench.web_events_bench [--seconds 10] [--concurrency 64]`.

This process runs the real web application on a fresh PostgreSQL database (created, filled with
a year of computed events by the scheduler's horizon job, dropped at the end); the load generator
(bench.web_events_load) is a separate process keeping `concurrency` keep-alive connections busy
with the same signed-in request for one month of events (RS256 token verified by the app).
"""

import argparse
import asyncio
import os
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from aiohttp import web
from sqlalchemy.engine import make_url

from app.migrate import upgrade_to_head
from app.process import create_runtime, run
from bench.web_common import HOST, LoadGenerator, cpu_seconds
from core.config import load_settings
from core.heap import freeze_heap
from models.user import User
from scheduler.horizon import refresh_horizon
from web.app import create_app
from web.auth.jwt import ACCESS_TOKENS

SERVER_URL = os.environ.get(
    "BENCH_DATABASE_SERVER", "postgresql+asyncpg://postgres@127.0.0.1/postgres"
)
MONTH_PATH = "/api/events?from=2026-03-01&to=2026-04-01"
# The API's rate limits would answer most of a benchmark's requests with 429.
UNLIMITED = 1_000_000_000


async def _admin(sql: str) -> None:
    url = make_url(SERVER_URL)
    connection = await asyncpg.connect(
        host=url.host,
        port=url.port,
        user=url.username,
        password=url.password,
        database=url.database,
    )
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


async def measure(database_url: str, seconds: float, concurrency: int) -> None:
    """Fill the events, serve, load, print."""
    workdir = Path(tempfile.mkdtemp(prefix="sc-events-bench-"))
    settings = load_settings(
        None,
        database={"url": database_url, "pool_size": 10},
        auth={"keys_dir": workdir / "keys"},
        web={
            "rate_ip_per_minute": UNLIMITED,
            "rate_auth_per_minute": UNLIMITED,
            "rate_user_per_minute": UNLIMITED,
        },
    )
    async with create_runtime(settings) as runtime:
        async with runtime.sessionmaker.begin() as session:
            horizon = await refresh_horizon(session, datetime(2026, 1, 1, tzinfo=UTC), 365)
            user = User(id=uuid.uuid4(), language="de", timezone="Europe/Berlin", latitude=52.5)
            session.add(user)
        print(f"stored a year of events: {horizon}")
        app = create_app(runtime)
        token = app[ACCESS_TOKENS].issue(
            user.id, language="de", timezone="Europe/Berlin", latitude=52.5, longitude=13.4
        )
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            site = web.TCPSite(runner, HOST, 0)
            await site.start()
            freeze_heap()
            load = await LoadGenerator.start("bench.web_events_load")
            try:
                for label, duration in (("warm-up", 1.0), ("measured", seconds)):
                    before = cpu_seconds()
                    result = await load.ask(
                        {
                            "path": MONTH_PATH,
                            "token": token.token,
                            "port": runner.addresses[0][1],
                            "seconds": duration,
                            "concurrency": concurrency,
                        }
                    )
                    busy = (cpu_seconds() - before) / result["seconds"]
                    rate = result["requests"] / result["seconds"]
                    print(
                        f"{label}: {result['requests']} requests in {result['seconds']:.1f} s = "
                        f"{rate:,.0f} req/s at concurrency {concurrency}; "
                        f"p50 {result['p50_ms']:.1f} ms, p99 {result['p99_ms']:.1f} ms, "
                        f"max {result['max_ms']:.1f} ms; statuses {result['statuses']}; "
                        f"server CPU busy {busy:.0%}"
                    )
            finally:
                await load.stop()
        finally:
            await runner.cleanup()


def main() -> None:
    """Create the database, run, drop the database."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument(
        "--uvloop", action="store_true", help="serve on uvloop (web processes use asyncio's loop)"
    )
    args = parser.parse_args()
    name = f"sc_bench_{os.getpid()}"
    database_url = make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        upgrade_to_head(database_url)
        run(measure(database_url, args.seconds, args.concurrency), use_uvloop=args.uvloop)
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
