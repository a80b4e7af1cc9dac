"""Shared metric plumbing: the pool collector, Bot API outcome labels, the /metrics server."""

import aiohttp
import pytest
from prometheus_client import REGISTRY
from sqlalchemy import text

from core.metrics import POOLS, bot_api_outcome, mark_process, serve_metrics
from models.db import create_engine
from tests.ports import free_port


def _value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


@pytest.mark.parametrize(
    ("status", "label"),
    [
        (200, "ok"),
        (429, "429"),
        (403, "403"),
        (400, "400"),
        (404, "4xx"),
        (502, "5xx"),
        (None, "network"),
    ],
)
def test_bot_api_outcomes(status: int | None, label: str) -> None:
    assert bot_api_outcome(status) == label


@pytest.mark.postgres
async def test_the_pool_shows_connections_in_use_and_when_it_is_exhausted(pg_url: str) -> None:
    engine = create_engine(pg_url, pool_size=1)  # one connection plus one of overflow
    POOLS.watch(engine)
    in_use = _value("db_pool_in_use")
    exhausted = _value("db_pool_exhausted_total")
    try:
        async with engine.connect() as first:
            await first.execute(text("SELECT 1"))
            assert _value("db_pool_in_use") == in_use + 1
            assert _value("db_pool_exhausted_total") == exhausted
            async with engine.connect() as second:
                await second.execute(text("SELECT 1"))
                assert _value("db_pool_in_use") == in_use + 2
                assert _value("db_pool_exhausted_total") == exhausted + 1
        assert _value("db_pool_in_use") == in_use
    finally:
        POOLS.forget(engine)
        await engine.dispose()


async def test_the_metrics_server_serves_the_default_registry() -> None:
    port = free_port()
    mark_process(["bot", "scheduler"])
    async with (
        serve_metrics("127.0.0.1", port),
        aiohttp.ClientSession() as client,
        client.get(f"http://127.0.0.1:{port}/metrics") as response,
    ):
        assert response.status == 200
        assert response.content_type == "text/plain"
        body = await response.text()
    assert "process_resident_memory_bytes" in body
    assert 'roles="bot,scheduler"' in body
