"""`starscalendars status`: an operator's report from the processes' /metrics and the database."""

import argparse
import asyncio
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import orjson
from sqlalchemy.exc import DBAPIError, OperationalError

from app.status_db import DatabaseReport, read_database
from app.status_roles import RoleReport, read_role
from core.config import Settings
from models.db import create_engine, create_sessionmaker

# Exit codes as monitoring plugins use them.
EXIT_OK, EXIT_WARNING, EXIT_CRITICAL = 0, 1, 2
HORIZON_MIN_AHEAD = timedelta(days=30)
OLDEST_DUE_WARNING = timedelta(minutes=10)
API_P95_WARNING_SECONDS = 1.0
BOT_API_ERROR_SHARE = 0.05  # refusals (not 429s) above this share of calls are worth a look


@dataclass(slots=True)
class Verdict:
    """ok, warning or critical, with every reason that is not ok."""

    critical: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        """The worst finding."""
        return "critical" if self.critical else "warning" if self.warnings else "ok"

    @property
    def exit_code(self) -> int:
        """0, 1 or 2 by level."""
        return {"ok": EXIT_OK, "warning": EXIT_WARNING}.get(self.level, EXIT_CRITICAL)


def add_parser(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register the `status` subcommand."""
    parser = subparsers.add_parser(
        "status",
        help="report on the running processes and the database",
        description="Read every process's /metrics and the database; print one verdict "
        "(exit 0 ok, 1 warning, 2 critical).",
    )
    parser.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="NAME=URL",
        help="a process's metrics URL (repeatable; default: STATUS_TARGETS, else this host's "
        "WEB_PORT and METRICS_PORT)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--interval",
        type=float,
        default=0.0,
        help="seconds between two scrapes for per-minute rates (default 0: averages since start)",
    )


def targets(settings: Settings, given: list[str]) -> dict[str, str]:
    """NAME=URL arguments, else STATUS_TARGETS, else the web and metrics ports of this host."""
    if given:
        pairs = [item.partition("=") for item in given]
        bad = [
            item for item, (_, sep, url) in zip(given, pairs, strict=True) if not sep or not url
        ]
        if bad:
            raise argparse.ArgumentTypeError(f"--target wants NAME=URL, got {bad[0]!r}")
        return {name: url for name, _, url in pairs}
    if settings.status_targets:
        return {name: str(url) for name, url in settings.status_targets.items()}
    found = {"web": f"http://{settings.web.host}:{settings.web.port}/metrics"}
    if settings.metrics_port is not None:
        found["metrics"] = f"http://{settings.metrics_host}:{settings.metrics_port}/metrics"
    return found


async def _database(settings: Settings, now: datetime) -> DatabaseReport | str:
    engine = create_engine(settings.database.url, pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session:
            return await read_database(session, now)
    except (OperationalError, DBAPIError, OSError) as exc:
        return f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}"[:200]
    finally:
        await engine.dispose()


async def collect(
    settings: Settings, wanted: dict[str, str], interval: float
) -> tuple[list[RoleReport], DatabaseReport | str]:
    """Every target's report and the database's (or why it could not be read), side by side."""
    now = datetime.now(UTC)
    async with aiohttp.ClientSession() as client:
        roles, database = await asyncio.gather(
            asyncio.gather(*(read_role(client, n, u, interval) for n, u in wanted.items())),
            _database(settings, now),
        )
    return list(roles), database


def judge(
    settings: Settings, roles: list[RoleReport], database: DatabaseReport | str, now: datetime
) -> Verdict:
    """The overall verdict and its reasons."""
    verdict = Verdict()
    for role in roles:
        _judge_role(role, verdict)
    if isinstance(database, str):
        verdict.critical.append(f"database unreachable: {database}")
        return verdict
    if database.horizon_last is None:
        verdict.critical.append("no events stored: is a scheduler running its horizon job?")
    elif database.horizon_last < now + HORIZON_MIN_AHEAD:
        days = (database.horizon_last - now).days
        verdict.warnings.append(f"stored events end in {days} days")
    if database.oldest_due is not None:
        late = now - database.oldest_due
        grace = timedelta(minutes=settings.scheduler.late_grace_minutes)
        if late > grace:
            verdict.critical.append(
                f"deliveries wait {_span(late)} past due (grace {_span(grace)})"
            )
        elif late > OLDEST_DUE_WARNING:
            verdict.warnings.append(f"deliveries wait {_span(late)} past due")
    failed = sum(n for key, n in database.backlog.items() if key.endswith("/failed"))
    if failed:
        verdict.warnings.append(f"{failed} deliveries failed for good")
    return verdict


def _judge_role(role: RoleReport, verdict: Verdict) -> None:
    if not role.up:
        verdict.critical.append(f"{role.name} does not answer ({role.error})")
        return
    if role.api_p95_seconds is not None and role.api_p95_seconds > API_P95_WARNING_SECONDS:
        verdict.warnings.append(f"{role.name}: API p95 {role.api_p95_seconds * 1000:.0f} ms")
    if role.pool_limit and role.pool_in_use is not None and role.pool_in_use >= role.pool_limit:
        verdict.warnings.append(f"{role.name}: database pool exhausted")
    refused = sum(n for outcome, n in role.bot_api_errors.items() if outcome != "429")
    if role.bot_api_calls and refused / role.bot_api_calls > BOT_API_ERROR_SHARE:
        verdict.warnings.append(
            f"{role.name}: {refused:.0f} of {role.bot_api_calls:.0f} Bot API calls failed"
        )
    if role.plan_shortfall:
        verdict.warnings.append(
            f"{role.name}: {role.plan_shortfall:.0f} reminders due will be up to"
            f" {role.plan_late_seconds or 0:.0f} s late: more than the send rate allows"
        )
    for job, count in sorted(role.job_failures.items()):
        if count:
            verdict.warnings.append(f"{role.name}: job {job} failed {count:.0f} times")


def _span(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    if abs(seconds) < 3600:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"


def _number(value: float | None, unit: str = "", scale: float = 1.0) -> str:
    return "-" if value is None else f"{value * scale:.0f}{unit}"


def render_text(roles: list[RoleReport], database: DatabaseReport | str, verdict: Verdict) -> str:
    """The report for a terminal."""
    lines = [f"StarsCalendars status: {verdict.level.upper()}"]
    lines += [f"  ! {reason}" for reason in verdict.critical]
    lines += [f"  - {reason}" for reason in verdict.warnings]
    lines.append("processes:")
    for r in roles:
        if not r.up:
            lines.append(f"  {r.name}: DOWN at {r.url} ({r.error})")
            continue
        uptime = _span(timedelta(seconds=r.uptime_seconds or 0))
        parts = [
            f"{r.name}: up {uptime}, roles {r.roles or '?'}, version {r.version or '?'}",
            f"RSS {_number(r.rss_bytes, ' MB', 1e-6)}",
            f"pool {_number(r.pool_in_use)}/{_number(r.pool_limit)}",
        ]
        if r.api_p95_seconds is not None:
            parts.append(f"API p95 {_number(r.api_p95_seconds, ' ms', 1000)}")
        if r.ws_connections is not None:
            parts.append(f"WebSockets {_number(r.ws_connections)}")
        if r.sign_ins_ok is not None:
            parts.append(
                f"sign-ins {_number(r.sign_ins_ok)} ok/{_number(r.sign_ins_failed)} failed"
            )
        if r.bot_api_per_minute is not None:
            errors = ", ".join(f"{k} {v:.0f}" for k, v in sorted(r.bot_api_errors.items()))
            parts.append(f"Bot API {r.bot_api_per_minute:.1f}/min (errors: {errors or 'none'})")
        lines.append("  " + "; ".join(parts))
    lines.append("database:")
    if isinstance(database, str):
        lines.append(f"  unreachable: {database}")
        return "\n".join(lines)
    users = sum(database.users_by_language.values())
    languages = ", ".join(f"{k} {v}" for k, v in sorted(database.users_by_language.items()))
    lines.append(
        f"  active users {users} in {len(database.users_by_language)} languages ({languages})"
    )
    backlog = ", ".join(f"{k} {v}" for k, v in database.backlog.items()) or "empty"
    lines.append(f"  outbox: {backlog}; oldest due {database.oldest_due or '-'}")
    lines.append(
        f"  sent in the last hour {database.sent_last_hour}; lag p50 "
        f"{_number(database.lag_p50_seconds, ' s')}, max {_number(database.lag_max_seconds, ' s')}"
    )
    lines.append(
        f"  stored events {database.horizon_first or '-'} .. {database.horizon_last or '-'}"
    )
    return "\n".join(lines)


def render_json(roles: list[RoleReport], database: DatabaseReport | str, verdict: Verdict) -> str:
    """The report for machines."""
    body: dict[str, Any] = {
        "verdict": verdict.level,
        "critical": verdict.critical,
        "warnings": verdict.warnings,
        "processes": [role.as_dict() for role in roles],
        "database": database.as_dict() if isinstance(database, DatabaseReport) else None,
        "database_error": database if isinstance(database, str) else None,
    }
    return orjson.dumps(body, option=orjson.OPT_INDENT_2).decode()


async def report(settings: Settings, args: argparse.Namespace) -> int:
    """Collect, judge, print; the exit code says the verdict."""
    roles, database = await collect(settings, targets(settings, args.target), args.interval)
    verdict = judge(settings, roles, database, datetime.now(UTC))
    render = render_json if args.format == "json" else render_text
    sys.stdout.write(render(roles, database, verdict) + "\n")
    return verdict.exit_code
