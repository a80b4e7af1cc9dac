"""deploy/loopback.sh: nginx in front of two web processes, two schedulers and the bot."""

import asyncio
from collections.abc import AsyncIterator, Callable

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from core.config import Settings
from models.db import create_engine, create_sessionmaker
from tests.conftest import create_database, drop_database
from tests.deploy.layout import Layout, sign_in_user, start_layout
from tests.fakes.telegram import FakeTelegram
from tests.scheduler.conftest import add_event, soon

pytestmark = [pytest.mark.postgres, pytest.mark.timeout(400)]
CLIENTS = 8
RATE_PER_MINUTE = 4


@pytest.fixture(scope="module")
async def database() -> AsyncIterator[str]:
    """A new PostgreSQL database (the script migrates it), dropped after the test."""
    url = await asyncio.to_thread(create_database)
    try:
        yield url
    finally:
        await asyncio.to_thread(drop_database, url)


@pytest.fixture(scope="module")
async def layout(database: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Layout]:
    """The loopback layout with the bot polling a fake Bot API, every metrics port answering."""
    async with FakeTelegram() as telegram:
        running = await start_layout(
            tmp_path_factory.mktemp("loopback"),
            {
                "DATABASE_URL": database,
                "TELEGRAM_BOT_TOKEN": telegram.token,
                "TELEGRAM_API_URL": telegram.api_url,
                "SCHEDULER_REFRESH_HORIZON": "false",
                "SCHEDULER_PLAN_INTERVAL_SECONDS": "1",
                "SCHEDULER_IDLE_POLL_SECONDS": "0.2",
                "SCHEDULER_ANNOUNCE_LEADS_MINUTES": "60",
                "WEB_RATE_IP_PER_MINUTE": str(RATE_PER_MINUTE),
                "DATABASE_POOL_SIZE": "3",
            },
        )
        try:
            await running.wait_ready()
            yield running
        finally:
            code = await running.stop()
        assert code == 0, "".join(running.output)


async def _roles(http: aiohttp.ClientSession, url: str) -> tuple[set[str], dict[str, float]]:
    async with http.get(url) as response:
        text = await response.text()
    samples = [
        sample for family in text_string_to_metric_families(text) for sample in family.samples
    ]
    roles = {s.labels["roles"] for s in samples if s.name == "starscalendars_process"}
    return roles, {s.name: s.value for s in samples if not s.labels}


async def test_prometheus_file_lists_every_role_and_each_serves_its_metrics(
    layout: Layout,
) -> None:
    targets = layout.targets()
    assert {role: len(urls) for role, urls in targets.items()} == {
        "web": 2,
        "scheduler": 2,
        "bot": 1,
    }
    async with aiohttp.ClientSession() as http:
        for role, urls in targets.items():
            for url in urls:
                roles, plain = await _roles(http, url)
                assert roles == {role}, url
                assert plain["process_resident_memory_bytes"] > 10_000_000
        # The public face hides them.
        async with http.get(f"{layout.proxy_url}/metrics") as response:
            assert response.status == 404


async def test_a_push_reaches_websockets_on_both_web_processes_through_the_proxy(
    layout: Layout, database: str, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(auth={"keys_dir": layout.directory / "keys"})
    token = await sign_in_user(database, settings)
    async with aiohttp.ClientSession() as http:
        clients = []
        for _ in range(CLIENTS):
            ws = await http.ws_connect(f"{layout.proxy_url}/ws")
            await ws.send_json({"type": "auth", "token": token})
            assert (await ws.receive_json(timeout=10))["type"] == "auth.ok"
            clients.append(ws)
        # nginx spread the sockets evenly over both processes (round robin), although the
        # first /ready probes found them still starting.
        per_process = [
            (await _roles(http, url))[1]["ws_connections"] for url in layout.targets()["web"]
        ]
        assert sum(per_process) == CLIENTS
        assert max(per_process) - min(per_process) <= 2, per_process

        engine = create_engine(database)
        try:
            async with create_sessionmaker(engine).begin() as session:
                await add_event(session, soon(30))
        finally:
            await engine.dispose()
        # Read side by side: a client that is not read does not answer the server's pings.
        pushes = await asyncio.gather(*(ws.receive_json(timeout=60) for ws in clients))
        for ws in clients:
            await ws.close()
    assert {push["type"] for push in pushes} == {"event.upcoming"}
    assert len({push["id"] for push in pushes}) == 1
    assert {push["data"]["kind"] for push in pushes} == {"full_moon"}


async def _statuses(layout: Layout, address: str, count: int, **headers: str) -> list[int]:
    connector = aiohttp.TCPConnector(local_addr=(address, 0))
    async with aiohttp.ClientSession(connector=connector) as http:
        statuses = []
        for _ in range(count):
            async with http.get(f"{layout.proxy_url}/api/nothing", headers=headers) as response:
                statuses.append(response.status)
        return statuses


async def test_the_web_processes_limit_the_address_nginx_saw(layout: Layout) -> None:
    # Two processes, one bucket each per address: at most twice the rate gets through.
    flooding = await _statuses(layout, "127.0.0.2", 3 * RATE_PER_MINUTE)
    assert flooding.count(429) >= RATE_PER_MINUTE, flooding
    # A header the client writes itself does not change the address that counts.
    spoofed = await _statuses(layout, "127.0.0.2", 2, **{"X-Forwarded-For": "198.51.100.7"})
    assert spoofed == [429, 429]
    # Another address (another client, to nginx) is not held back by the first one.
    assert await _statuses(layout, "127.0.0.3", 1) == [404]
