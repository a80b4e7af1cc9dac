"""A Bot API outage pauses sending for the whole process instead of failing the backlog."""

import pytest
from prometheus_client import REGISTRY

from tests.fakes.telegram import OutageKind
from tests.scheduler.conftest import WorkerFactory, plan_reminders
from tests.scheduler.fleet import Fleet, duplicates, processes_connected, received
from tests.scheduler.helpers import all_sent, count_by_status, eventually, running

pytestmark = pytest.mark.postgres


def _sample(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


async def test_a_long_outage_fails_nothing_and_is_logged(
    workers: WorkerFactory, fleet: Fleet
) -> None:
    """20 s of refused connections; each message's own retries would be spent in 15 s.

    The outage outlasts the 6 s lease: the rows claimed before it are claimed again after it,
    and the older claims' outcomes must not overwrite the newer ones.
    """
    users = 2000
    telegram = workers.telegram
    fleet.start(
        SCHEDULER_RATE_PER_SECOND="200",
        SCHEDULER_RETRY_BASE_SECONDS="0.5",
        SCHEDULER_LEASE_SECONDS="6",
    )
    await eventually(lambda: processes_connected(workers.sessionmaker, 1), timeout=60)
    recipients = await plan_reminders(workers, users)
    await eventually(lambda: len(telegram.sent) >= users // 4, timeout=30)
    await telegram.go_down(20)

    await eventually(lambda: all_sent(workers.sessionmaker, users), timeout=90)
    assert received(telegram) == recipients
    # A refused request never reached Telegram: there is nothing to send twice.
    assert duplicates(telegram) == 0
    log = fleet.output()
    assert "outage: sending paused" in log
    assert "dependency=bot_api" in log
    assert "outage over: sending resumes" in log


async def test_a_bad_gateway_storm_is_counted_as_one_outage_not_as_attempts(
    workers: WorkerFactory,
) -> None:
    users = 400
    recipients = await plan_reminders(workers, users)
    started = _sample("scheduler_outages_total", dependency="bot_api", edge="start")
    ended = _sample("scheduler_outages_total", dependency="bot_api", edge="end")
    given_up = _sample("scheduler_delivery_give_ups_total", cause="attempts")
    await workers.telegram.go_down(6, OutageKind.BAD_GATEWAY)

    settings = workers.settings(retry_base_seconds=0.2, max_attempts=2)
    async with running(workers.worker(settings)):
        await eventually(lambda: all_sent(workers.sessionmaker, users), timeout=60)

    assert await count_by_status(workers.sessionmaker) == {"sent": users}
    assert received(workers.telegram) == recipients
    assert _sample("scheduler_outages_total", dependency="bot_api", edge="start") == started + 1
    assert _sample("scheduler_outages_total", dependency="bot_api", edge="end") == ended + 1
    assert _sample("scheduler_delivery_retries_total", cause="outage") >= 1
    assert _sample("scheduler_delivery_give_ups_total", cause="attempts") == given_up
