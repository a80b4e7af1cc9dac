"""The scheduler's gauges read from the database, jobs counted and timed, sends counted."""

from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import REGISTRY
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from models.delivery import Delivery
from scheduler.job_metrics import read_gauges, timed
from scheduler.telegram_send import TelegramSender
from tests.fakes.telegram import FakeTelegram
from tests.scheduler.conftest import add_event

pytestmark = pytest.mark.postgres


def _value(name: str, **labels: str) -> float | None:
    return REGISTRY.get_sample_value(name, labels)


async def test_gauges_show_backlog_oldest_due_and_horizon(pg_session: AsyncSession) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    first = await add_event(pg_session, now - timedelta(days=3))
    await add_event(pg_session, now + timedelta(days=40), kind="new_moon")
    rows = [
        ("reminder", "pending", now - timedelta(minutes=5)),
        ("reminder", "pending", now + timedelta(minutes=5)),
        ("announcement", "failed", now - timedelta(hours=1)),
        ("announcement", "sent", now - timedelta(hours=2)),
    ]
    await pg_session.execute(
        insert(Delivery),
        [
            {
                "event_id": first,
                "target_type": "channel",
                "target_id": f"@c{index}",
                "kind": kind,
                "status": status,
                "next_attempt_at": due,
            }
            for index, (kind, status, due) in enumerate(rows)
        ],
    )
    await read_gauges(pg_session, now)
    assert _value("outbox_deliveries", kind="reminder", status="pending") == 2
    assert _value("outbox_deliveries", kind="announcement", status="failed") == 1
    assert _value("outbox_deliveries", kind="announcement", status="sent") is None
    assert (
        _value("outbox_oldest_due_timestamp_seconds") == (now - timedelta(minutes=5)).timestamp()
    )
    assert (
        _value("horizon_edge_timestamp_seconds", edge="first")
        == (now - timedelta(days=3)).timestamp()
    )
    assert (
        _value("horizon_edge_timestamp_seconds", edge="last")
        == (now + timedelta(days=40)).timestamp()
    )


async def test_timed_jobs_count_runs_and_failures() -> None:
    async def fine() -> None:
        return None

    async def broken() -> None:
        raise RuntimeError("boom")

    before_ok = _value("scheduler_job_runs_total", job="t", result="ok") or 0
    before_error = _value("scheduler_job_runs_total", job="t", result="error") or 0
    await timed("t", fine)()
    with pytest.raises(RuntimeError):
        await timed("t", broken)()
    assert _value("scheduler_job_runs_total", job="t", result="ok") == before_ok + 1
    assert _value("scheduler_job_runs_total", job="t", result="error") == before_error + 1
    assert _value("scheduler_job_duration_seconds_count", job="t") == before_ok + before_error + 2


async def test_the_senders_bot_api_calls_are_counted(fake_telegram: FakeTelegram) -> None:
    person = fake_telegram.add_user("Ada")
    sender = TelegramSender(f"{fake_telegram.api_url}/bot{fake_telegram.token}/sendMessage")
    before = {
        outcome: _value("bot_api_calls_total", method="sendMessage", outcome=outcome) or 0
        for outcome in ("ok", "403", "network")
    }
    try:
        await sender.send(person.id, "hi", html=False, paid_broadcast=False, timeout=5)
        fake_telegram.fail_next("sendMessage", error_code=403, description="Forbidden: blocked")
        await sender.send(person.id, "hi", html=False, paid_broadcast=False, timeout=5)
    finally:
        await sender.close()
    closed = TelegramSender("http://127.0.0.1:9/botX/sendMessage")  # nothing listens on port 9
    await closed.send(1, "hi", html=False, paid_broadcast=False, timeout=5)
    await closed.close()
    for outcome in ("ok", "403", "network"):
        now = _value("bot_api_calls_total", method="sendMessage", outcome=outcome)
        assert now == before[outcome] + 1, outcome
