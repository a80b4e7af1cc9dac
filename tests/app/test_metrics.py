"""A scheduler process alone serves /metrics on METRICS_PORT: its jobs, pool, memory and CPU."""

import asyncio
import os
import signal
import sys
from pathlib import Path

import aiohttp
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.ports import free_port

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60


async def _samples(url: str) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        text = await response.text()
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_a_scheduler_process_serves_its_metrics(pg_url: str, tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DATABASE_URL": pg_url,
        "DATABASE_POOL_SIZE": "3",
        "JWT_KEYS_DIR": str(tmp_path / "keys"),
        "SCHEDULER_REFRESH_HORIZON": "false",
        "METRICS_PORT": str(port),
        "LOG_LEVEL": "WARNING",
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "app.cli", "scheduler", cwd=tmp_path, env=env
    )
    url = f"http://127.0.0.1:{port}/metrics"
    gauges_ran = ("scheduler_job_runs_total", frozenset({("job", "gauges"), ("result", "ok")}))
    try:
        samples: dict[tuple[str, frozenset[tuple[str, str]]], float] = {}
        for _ in range(STARTUP_SECONDS * 5):
            assert process.returncode is None, "the scheduler process ended"
            try:
                samples = await _samples(url)
            except aiohttp.ClientConnectionError:
                samples = {}
            if gauges_ran in samples:
                break
            await asyncio.sleep(0.2)
        assert samples.get(gauges_ran, 0) >= 1, sorted(name for name, _ in samples)
    finally:
        process.send_signal(signal.SIGTERM)
        assert await asyncio.wait_for(process.wait(), 30) == 0
    roles = {
        dict(labels).get("roles") for name, labels in samples if name == "starscalendars_process"
    }
    assert roles == {"scheduler"}
    assert samples["process_resident_memory_bytes", frozenset()] > 10_000_000
    assert ("process_cpu_seconds_total", frozenset()) in samples
    # pool_size 3 plus as many overflow connections.
    assert samples["db_pool_limit", frozenset()] == 6
    assert ("horizon_edge_timestamp_seconds", frozenset({("edge", "last")})) in samples
    assert ("scheduler_job_duration_seconds_count", frozenset({("job", "plan")})) in samples
