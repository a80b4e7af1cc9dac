"""Password sign-in cost: `python -m bench.web_login_bench [--rounds 20] [--concurrency 25]`.

A real `starscalendars web` process serves a fresh PostgreSQL database (created here, dropped at
the end). Printed: the answer time of a wrong password for a registered email against an unknown
email (the same argon2id work should make them alike), then the server's peak RSS (VmHWM) before
and after `concurrency` simultaneous wrong logins, with the statuses they got (503 server_busy
once the hashing queue is full). `--workers/--queue/--memory-kib/--time-cost` set the
WEB_PASSWORD_HASH_* and WEB_ARGON2_* settings, e.g. `--workers 32 --queue 1000 --memory-kib
65536 --time-cost 3` for hashing on a large default thread pool with argon2-cffi's defaults.
"""

import argparse
import asyncio
import os
import socket
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import aiohttp
from sqlalchemy.engine import make_url

from app.migrate import upgrade_to_head
from bench.web_common import HOST, percentile
from bench.web_events_bench import SERVER_URL, UNLIMITED, _admin

PASSWORD = "correct horse battery"
START_SECONDS = 60.0
ROOT = str(Path(__file__).resolve().parent.parent)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _peak_rss_mb(pid: int) -> tuple[float, float]:
    """The process's resident memory now and at its peak (VmRSS, VmHWM), in MB."""
    values = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in {"VmRSS", "VmHWM"}:
                values[name] = int(rest.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


async def _start_server(env: dict[str, str], base: str) -> asyncio.subprocess.Process:
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app.cli", "web", env=env, stdout=asyncio.subprocess.DEVNULL
    )
    deadline = time.monotonic() + START_SECONDS
    async with aiohttp.ClientSession() as client:
        while time.monotonic() < deadline:
            try:
                async with client.get(f"{base}/health") as response:
                    if response.status == 200:
                        return server
            except aiohttp.ClientConnectionError:
                pass
            await asyncio.sleep(0.2)
    server.terminate()
    raise RuntimeError("the web process did not start")


async def _login(client: aiohttp.ClientSession, base: str, email: str) -> tuple[int, float]:
    started = time.perf_counter()
    async with client.post(
        f"{base}/api/auth/login", json={"email": email, "password": "not the password"}
    ) as response:
        await response.read()
        return response.status, time.perf_counter() - started


def _describe(label: str, seconds: list[float]) -> str:
    ms = [value * 1000 for value in seconds]
    return (
        f"{label}: median {statistics.median(ms):.1f} ms, p10 {percentile(ms, 0.1):.1f} ms, "
        f"p90 {percentile(ms, 0.9):.1f} ms ({len(ms)} logins)"
    )


async def measure(args: argparse.Namespace, database_url: str) -> None:
    """Start the web process, time the two kinds of failed login, then a concurrent burst."""
    port = _free_port()
    base = f"http://{HOST}:{port}"
    keys = tempfile.mkdtemp(prefix="sc-login-bench-")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "WEB_HOST": HOST,
        "WEB_PORT": str(port),
        "JWT_KEYS_DIR": keys,
        "LOG_LEVEL": "WARNING",
        # The lockouts and rate limits would otherwise answer most of these attempts.
        "WEB_RATE_IP_PER_MINUTE": str(UNLIMITED),
        "WEB_RATE_AUTH_PER_MINUTE": str(UNLIMITED),
        "WEB_LOGIN_FREE_FAILURES": str(UNLIMITED),
        "WEB_LOGIN_EMAIL_FREE_FAILURES": str(UNLIMITED),
        "PYTHONPATH": ROOT,
    }
    for option, variable in (
        ("workers", "WEB_PASSWORD_HASH_WORKERS"),
        ("queue", "WEB_PASSWORD_HASH_QUEUE"),
        ("memory_kib", "WEB_ARGON2_MEMORY_KIB"),
        ("time_cost", "WEB_ARGON2_TIME_COST"),
    ):
        if getattr(args, option) is not None:
            env[variable] = str(getattr(args, option))
    server = await _start_server(env, base)
    try:
        async with aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=args.concurrency + 10)
        ) as client:
            async with client.post(
                f"{base}/api/auth/register",
                json={"email": "ada@example.org", "password": PASSWORD},
            ) as response:
                assert response.status == 201, await response.text()
            known: list[float] = []
            unknown: list[float] = []
            await _login(client, base, "warm@example.org")
            for n in range(args.rounds):
                known.append((await _login(client, base, "ada@example.org"))[1])
                unknown.append((await _login(client, base, f"nobody{n}@example.org"))[1])
            print(_describe("wrong password, registered email", known))
            print(_describe("unknown email", unknown))
            rss, peak = _peak_rss_mb(server.pid)
            print(f"server RSS before the burst: {rss:.0f} MB (peak so far {peak:.0f} MB)")
            burst = await asyncio.gather(
                *(_login(client, base, f"burst{n}@example.org") for n in range(args.concurrency))
            )
            rss, peak = _peak_rss_mb(server.pid)
            statuses = Counter(status for status, _ in burst)
            slowest = max(seconds for _, seconds in burst)
            print(
                f"{args.concurrency} concurrent wrong logins: statuses {dict(statuses)}, slowest "
                f"{slowest * 1000:.0f} ms; server peak RSS {peak:.0f} MB (now {rss:.0f} MB)"
            )
    finally:
        server.terminate()
        await server.wait()


def main() -> None:
    """Create the database, measure, drop the database."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=25)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--queue", type=int)
    parser.add_argument("--memory-kib", type=int)
    parser.add_argument("--time-cost", type=int)
    args = parser.parse_args()
    name = f"sc_login_bench_{os.getpid()}"
    database_url = make_url(SERVER_URL).set(database=name).render_as_string(hide_password=False)
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        upgrade_to_head(database_url)
        asyncio.run(measure(args, database_url))
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
