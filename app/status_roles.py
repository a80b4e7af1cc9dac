"""What `starscalendars status` reads from each process's /metrics: one RoleReport per target."""

import asyncio
import math
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import aiohttp
from prometheus_client.parser import text_string_to_metric_families
from prometheus_client.samples import Sample

SCRAPE_TIMEOUT_SECONDS = 5.0
# Routes whose answers sign someone in (password, Login Widget, Mini App, one-time token).
SIGN_IN_ROUTES = frozenset(
    {"/api/auth/login", "/api/auth/telegram", "/api/auth/webapp", "/api/auth/token"}
)


@dataclass(slots=True)
class RoleReport:
    """One process as its metrics describe it; `up` False with `error` when it did not answer."""

    name: str
    url: str
    up: bool = False
    error: str | None = None
    roles: str | None = None
    version: str | None = None
    uptime_seconds: float | None = None
    rss_bytes: float | None = None
    api_p95_seconds: float | None = None
    ws_connections: float | None = None
    pool_in_use: float | None = None
    pool_limit: float | None = None
    pool_exhausted: float | None = None
    sign_ins_ok: float | None = None
    sign_ins_failed: float | None = None
    bot_api_calls: float | None = None
    bot_api_per_minute: float | None = None
    bot_api_errors: dict[str, float] = field(default_factory=dict)
    job_failures: dict[str, float] = field(default_factory=dict)
    # Reminders the planner expects to send late (more due than the rate allows), and how late.
    plan_shortfall: float | None = None
    plan_late_seconds: float | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for JSON."""
        return asdict(self)


async def scrape(client: aiohttp.ClientSession, url: str) -> list[Sample]:
    """Every sample of one /metrics answer."""
    timeout = aiohttp.ClientTimeout(total=SCRAPE_TIMEOUT_SECONDS)
    async with client.get(url, timeout=timeout) as response:
        response.raise_for_status()
        text = await response.text()
    return [sample for family in text_string_to_metric_families(text) for sample in family.samples]


def _sum(samples: Iterable[Sample], name: str, **labels: str) -> float | None:
    found = [
        s.value
        for s in samples
        if s.name == name and all(s.labels.get(k) == v for k, v in labels.items())
    ]
    return sum(found) if found else None


def quantile(buckets: dict[float, float], q: float) -> float | None:
    """The q-quantile of a cumulative histogram, interpolated in its bucket as Prometheus does."""
    bounds = sorted(buckets)
    if not bounds or buckets[bounds[-1]] == 0:
        return None
    rank = q * buckets[bounds[-1]]
    lower, below = 0.0, 0.0
    for bound in bounds:
        count = buckets[bound]
        if count >= rank:
            if math.isinf(bound):
                return lower  # beyond the largest finite bucket: its bound is all we know
            return lower + (bound - lower) * (rank - below) / max(count - below, 1e-12)
        lower, below = bound, count
    return lower


def _api_p95(samples: list[Sample]) -> float | None:
    buckets: dict[float, float] = defaultdict(float)
    for s in samples:
        if s.name == "http_request_duration_seconds_bucket" and s.labels.get(
            "route", ""
        ).startswith("/api/"):
            buckets[float(s.labels["le"])] += s.value
    return quantile(buckets, 0.95)


def _sign_ins(samples: list[Sample]) -> tuple[float, float] | None:
    ok = failed = 0.0
    seen = False
    for s in samples:
        if s.name == "http_requests_total" and s.labels.get("route") in SIGN_IN_ROUTES:
            seen = True
            status = int(s.labels.get("status", "0"))
            if 200 <= status < 300:
                ok += s.value
            elif 400 <= status < 500:
                failed += s.value
    return (ok, failed) if seen else None


def _by_label(samples: list[Sample], name: str, label: str, skip: str) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for s in samples:
        if s.name == name and s.labels.get(label, skip) != skip:
            totals[s.labels[label]] += s.value
    return dict(totals)


def describe(
    name: str, url: str, samples: list[Sample], earlier: list[Sample] | None, interval: float
) -> RoleReport:
    """The report of one answering process; `earlier` (taken `interval` s before) gives rates."""
    report = RoleReport(name=name, url=url, up=True)
    for s in samples:
        if s.name == "starscalendars_process":
            report.roles, report.version = s.labels.get("roles"), s.labels.get("version")
    started = _sum(samples, "process_start_time_seconds")
    report.uptime_seconds = time.time() - started if started else None
    report.rss_bytes = _sum(samples, "process_resident_memory_bytes")
    report.api_p95_seconds = _api_p95(samples)
    report.ws_connections = _sum(samples, "ws_connections")
    report.pool_in_use = _sum(samples, "db_pool_in_use")
    report.pool_limit = _sum(samples, "db_pool_limit")
    report.pool_exhausted = _sum(samples, "db_pool_exhausted_total")
    sign_ins = _sign_ins(samples)
    if sign_ins is not None:
        report.sign_ins_ok, report.sign_ins_failed = sign_ins
    calls = report.bot_api_calls = _sum(samples, "bot_api_calls_total")
    if calls is not None:
        if earlier is not None and interval > 0:
            calls -= _sum(earlier, "bot_api_calls_total") or 0.0
            minutes = interval / 60
        else:  # one scrape: the average since the process started
            minutes = (report.uptime_seconds or 60.0) / 60
        report.bot_api_per_minute = calls / max(minutes, 1e-9)
    report.bot_api_errors = _by_label(samples, "bot_api_calls_total", "outcome", "ok")
    report.plan_shortfall = _sum(samples, "scheduler_plan_shortfall")
    report.plan_late_seconds = _sum(samples, "scheduler_plan_shortfall_seconds")
    report.job_failures = {
        s.labels["job"]: s.value
        for s in samples
        if s.name == "scheduler_job_runs_total" and s.labels.get("result") == "error"
    }
    return report


async def read_role(
    client: aiohttp.ClientSession, name: str, url: str, interval: float
) -> RoleReport:
    """Scrape one target (twice, `interval` s apart, for rates); a silent one is reported down."""
    try:
        earlier = None
        if interval > 0:
            earlier = await scrape(client, url)
            await asyncio.sleep(interval)
        return describe(name, url, await scrape(client, url), earlier, interval)
    except (aiohttp.ClientError, TimeoutError, OSError, ValueError) as exc:
        return RoleReport(name=name, url=url, error=f"{exc.__class__.__name__}: {exc}"[:200])
