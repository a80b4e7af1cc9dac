"""Due time orders the queue: a retry goes out at its back-off time, not behind the backlog."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from models.delivery import Delivery
from models.user import User
from tests.scheduler.conftest import WorkerFactory, plan_reminders
from tests.scheduler.fleet import Fleet, processes_connected
from tests.scheduler.helpers import all_sent, eventually

pytestmark = pytest.mark.postgres


async def test_a_retry_is_sent_at_its_back_off_time_ahead_of_the_backlog(
    workers: WorkerFactory, fleet: Fleet
) -> None:
    users, rate = 1000, 100
    telegram = workers.telegram
    recipients = await plan_reminders(workers, users)
    flaky = min(recipients)
    async with workers.sessionmaker.begin() as session:
        # The flaky user's reminder is the first due, so its first try fails at once.
        user_id = update(User).where(User.telegram_user_id == flaky).returning(User.id)
        (owner,) = (await session.execute(user_id)).scalars()
        first_due = await session.scalar(select(func.min(Delivery.due_at)))
        assert first_due is not None
        earlier = first_due - timedelta(seconds=1)
        await session.execute(
            update(Delivery)
            .where(Delivery.user_id == owner)
            .values(due_at=earlier, next_attempt_at=earlier)
        )
    telegram.fail_next("sendMessage", error_code=500, chat=flaky)

    fleet.start(SCHEDULER_RATE_PER_SECOND=str(rate), SCHEDULER_RETRY_BASE_SECONDS="0.5")
    await eventually(lambda: processes_connected(workers.sessionmaker, 1), timeout=60)
    await eventually(lambda: all_sent(workers.sessionmaker, users), timeout=60)

    order = [message.chat_id for message in telegram.sent]
    assert order.count(flaky) == 1
    # Back-off of at most 0.5 s, then first in line again: well within the first 2 s of
    # sending (200 messages), where the old order put it last, behind 999 others.
    assert order.index(flaky) < 2 * rate
