"""/health and /ready answer what an orchestrator needs, never a 500."""

import dataclasses
from collections.abc import Iterator

import pytest
from pytest_aiohttp import AiohttpClient

from core.runtime import Runtime
from models.db import create_engine
from tests.conftest import create_database, drop_database
from tests.web.conftest import Client
from web.app import create_app

pytestmark = pytest.mark.postgres


@pytest.fixture
def unmigrated_url() -> Iterator[str]:
    """A PostgreSQL database that was created but never migrated."""
    url = create_database()
    yield url
    drop_database(url)


async def test_health_and_ready_on_a_migrated_database(client: Client) -> None:
    health = await client.get("/health")
    assert (health.status, await health.json()) == (200, {"status": "ok"})
    ready = await client.get("/ready")
    assert ready.status == 200
    assert await ready.json() == {
        "status": "ok",
        "checks": {"database": "ok", "migrations": "ok"},
    }


async def test_not_ready_before_migrations(
    aiohttp_client: AiohttpClient, runtime: Runtime, unmigrated_url: str
) -> None:
    engine = create_engine(unmigrated_url, pool_size=1)
    try:
        client = await aiohttp_client(create_app(dataclasses.replace(runtime, engine=engine)))
        ready = await client.get("/ready")
        assert ready.status == 503
        body = await ready.json()
        assert body["checks"] == {"database": "ok", "migrations": "at None"}
    finally:
        await engine.dispose()


async def test_not_ready_when_the_database_is_unreachable(
    aiohttp_client: AiohttpClient, runtime: Runtime
) -> None:
    engine = create_engine("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere", pool_size=1)
    try:
        client = await aiohttp_client(create_app(dataclasses.replace(runtime, engine=engine)))
        ready = await client.get("/ready")
        assert ready.status == 503
        body = await ready.json()
        assert body["status"] == "unavailable"
        assert body["checks"]["database"].startswith("unreachable")
        assert (await client.get("/health")).status == 200
    finally:
        await engine.dispose()
