"""An event announced to 2,000 users and two channels through the fake Bot API's limits."""

from collections import Counter
from datetime import UTC, datetime

import pytest

from core.event_text import event_title
from scheduler.planner import plan_deliveries
from tests.scheduler.conftest import WorkerFactory, add_event, add_users, soon, user_rows
from tests.scheduler.helpers import eventually, outbox, running

USERS = 2000
RATE = 250.0


@pytest.mark.postgres
async def test_every_user_and_channel_gets_exactly_one_message(workers: WorkerFactory) -> None:
    telegram = workers.telegram
    ru_channel = telegram.add_channel("Небо", chat_id=-1001000000001)
    shared = telegram.add_channel("Sky", username="sky_events")
    settings = workers.settings(
        telegram={"channels": {"ru": ru_channel.id, "*": "@sky_events"}},
        rate_per_second=RATE,
        send_concurrency=32,
        batch_size=100,
        announce_leads_minutes=[60],
    )
    rows = user_rows(USERS)
    for row in rows:
        telegram.add_user(user_id=row["telegram_user_id"], language_code=row["language"])
    occurs_at = soon(30)
    async with workers.sessionmaker.begin() as session:
        await add_users(session, rows)
        await add_event(session, occurs_at)
        report = await plan_deliveries(session, settings, datetime.now(UTC))
    assert (report.reminders, report.announcements, report.web_pushes) == (USERS, 2, 1)

    worker = workers.worker(settings)
    async with workers.bus.subscribe("ws") as pushes, running(worker):
        await eventually(lambda: len(telegram.sent) >= USERS + 2, timeout=60)
        web_push = await pushes.get()

    per_chat = Counter(message.chat_id for message in telegram.sent)
    assert set(per_chat.values()) == {1}
    assert set(per_chat) == {row["telegram_user_id"] for row in rows} | {ru_channel.id, shared.id}
    for row in rows[:20]:
        tr = workers.i18n.get(row["language"])
        (message,) = telegram.messages_to(row["telegram_user_id"])
        assert event_title(tr, "full_moon", "", {}, "north") in (message.text or "")
        assert tr.format_datetime(occurs_at, row["timezone"]) in (message.text or "")
    (ru_post,) = telegram.messages_to(ru_channel)
    assert event_title(workers.i18n.get("ru"), "full_moon", "", {}, "north") in (
        ru_post.text or ""
    )
    assert b'"audience":{"all":true}' in web_push
    assert telegram.rate_limit_hits <= 3
    # Sends leave evenly spaced; request jitter on the way may bunch arrivals by a few percent.
    assert telegram.max_rate_observed(1.0) <= RATE * 1.05
    statuses = Counter(row.status for row in await outbox(workers.sessionmaker))
    assert statuses == {"sent": USERS + 3}
    sent_ids = [row.telegram_message_id for row in await outbox(workers.sessionmaker)]
    assert sum(1 for message_id in sent_ids if message_id is not None) == USERS + 2
