"""`starscalendars status`: processes up and down, the database, one verdict with its reasons."""

import argparse
import asyncio
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.status import targets
from app.status_roles import describe, quantile
from core.config import load_settings
from core.metrics import mark_process, serve_metrics
from models.delivery import Delivery
from tests.ports import free_port
from tests.scheduler.conftest import add_event, add_users, user_rows

ROOT = Path(__file__).resolve().parents[2]


async def _status(*args: str, database_url: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "app.cli",
        "status",
        *args,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "DATABASE_URL": database_url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def test_quantile_interpolates_within_the_bucket() -> None:
    # 100 observations: 50 under 10 ms, 40 more under 100 ms, the last 10 under 1 s.
    buckets = {0.01: 50.0, 0.1: 90.0, 1.0: 100.0, float("inf"): 100.0}
    assert quantile(buckets, 0.5) == pytest.approx(0.01)
    assert quantile(buckets, 0.95) == pytest.approx(0.1 + 0.9 * 0.5)
    assert quantile({0.1: 0.0, float("inf"): 0.0}, 0.95) is None


def test_a_web_process_reports_latency_sign_ins_and_sockets() -> None:
    text_lines = [
        'http_request_duration_seconds_bucket{method="GET",route="/api/events",le="0.01"} 99',
        'http_request_duration_seconds_bucket{method="GET",route="/api/events",le="0.1"} 100',
        'http_request_duration_seconds_bucket{method="GET",route="/api/events",le="+Inf"} 100',
        'http_requests_total{method="POST",route="/api/auth/login",status="200"} 7',
        'http_requests_total{method="POST",route="/api/auth/login",status="401"} 3',
        "ws_connections 12",
    ]
    text = "\n".join(text_lines) + "\n"
    samples = [
        sample for family in text_string_to_metric_families(text) for sample in family.samples
    ]
    report = describe("web-1", "url", samples, None, 0)
    assert report.api_p95_seconds == pytest.approx(0.01 * 95 / 99)
    assert (report.sign_ins_ok, report.sign_ins_failed) == (7, 3)
    assert report.ws_connections == 12


@pytest.mark.postgres
async def test_status_reports_each_process_the_database_and_a_verdict(
    pg_url: str, pg_sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    now = datetime.now(UTC)
    async with pg_sessionmaker.begin() as session:
        await add_users(session, user_rows(12))  # ten languages, two of them twice
        event = await add_event(session, now + timedelta(days=10))
        await session.execute(
            insert(Delivery).values(
                event_id=event,
                target_type="channel",
                target_id="@sky",
                kind="announcement",
                next_attempt_at=now - timedelta(minutes=20),
            )
        )
    up, down = free_port(), free_port()
    mark_process(["scheduler"])
    async with serve_metrics("127.0.0.1", up):
        code, out, err = await _status(
            "--format=json",
            f"--target=sched-1=http://127.0.0.1:{up}/metrics",
            f"--target=sched-2=http://127.0.0.1:{down}/metrics",
            database_url=pg_url,
        )
    assert "Traceback" not in err
    assert code == 2, out
    body = orjson.loads(out)
    assert body["verdict"] == "critical"
    first, second = body["processes"]
    assert (first["name"], first["up"], first["roles"]) == ("sched-1", True, "scheduler")
    assert first["rss_bytes"] > 0
    assert (second["name"], second["up"]) == ("sched-2", False)
    assert "ClientConnectorError" in second["error"]
    assert any("sched-2 does not answer" in reason for reason in body["critical"])
    assert any("stored events end in 9 days" in reason for reason in body["warnings"])
    assert any("past due" in reason for reason in body["warnings"])
    database = body["database"]
    assert sum(database["users_by_language"].values()) == 12
    assert len(database["users_by_language"]) == 10
    assert database["backlog"] == {"announcement/pending": 1}


@pytest.mark.postgres
async def test_status_without_a_database_says_so_in_one_line() -> None:
    nothing = free_port()
    code, out, err = await _status(
        f"--target=web=http://127.0.0.1:{nothing}/metrics",
        database_url=f"postgresql://postgres@127.0.0.1:{nothing}/none",
    )
    assert "Traceback" not in err + out
    assert code == 2
    assert out.startswith("StarsCalendars status: CRITICAL")
    assert "web: DOWN" in out
    assert "database unreachable" in out


def test_targets_come_from_arguments_settings_or_this_hosts_ports() -> None:
    settings = load_settings(None, general={"metrics_port": 9101})
    assert targets(settings, []) == {
        "web": "http://127.0.0.1:8080/metrics",
        "metrics": "http://127.0.0.1:9101/metrics",
    }
    configured = load_settings(None, general={"status_targets": {"w": "http://10.0.0.5:8080/m"}})
    assert targets(configured, []) == {"w": "http://10.0.0.5:8080/m"}
    assert targets(settings, ["a=http://h/metrics"]) == {"a": "http://h/metrics"}
    with pytest.raises(argparse.ArgumentTypeError, match="NAME=URL"):
        targets(settings, ["nourl"])
