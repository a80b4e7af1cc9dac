"""Blocked users, 400s, 5xx storms, 429s, odd answers and stale plans, each with its reason."""

import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import delete, insert, select, update

from core.event_text import event_title
from models.delivery import Delivery
from models.event import AstroEvent
from models.user import User
from scheduler.outbox import EventInfo, claim_due
from scheduler.planner import plan_deliveries
from scheduler.render import Visibility
from scheduler.visibility import visibility
from tests.scheduler.conftest import WorkerFactory, add_event, add_users, soon, user_rows
from tests.scheduler.helpers import eventually, outbox, running, settled

pytestmark = pytest.mark.postgres


async def _plan(workers: WorkerFactory, users: int, **scheduler: Any) -> list[dict[str, Any]]:
    rows = user_rows(users)
    for row in rows:
        workers.telegram.add_user(user_id=int(str(row["telegram_user_id"])))
    async with workers.sessionmaker.begin() as session:
        await add_users(session, rows)
        await add_event(session, soon(30))
        await plan_deliveries(session, workers.settings(**scheduler), datetime.now(UTC))
    return rows


async def _by_user(workers: WorkerFactory) -> dict[uuid.UUID | None, Delivery]:
    return {row.user_id: row for row in await outbox(workers.sessionmaker)}


async def test_blocked_user_is_marked_and_their_pending_rows_dropped(
    workers: WorkerFactory,
) -> None:
    rows = await _plan(workers, 3)
    blocked = rows[1]
    workers.telegram.user(int(str(blocked["telegram_user_id"]))).block_bot()
    async with workers.sessionmaker.begin() as session:
        # A second pending message to the same user, e.g. an admin broadcast planned later.
        await session.execute(
            insert(Delivery).values(
                target_type="user",
                target_id=str(blocked["id"]),
                user_id=blocked["id"],
                kind="broadcast",
                payload={"text": "hello"},
                next_attempt_at=datetime.now(UTC) + timedelta(hours=1),
            )
        )

    async with running(workers.worker(workers.settings())):
        await eventually(lambda: settled(workers.sessionmaker))

    async with workers.sessionmaker() as session:
        user = await session.get(User, blocked["id"])
        assert user is not None
        assert user.bot_blocked_at is not None
    statuses = [
        (row.status, row.last_error or "")
        for row in await outbox(workers.sessionmaker)
        if row.user_id == blocked["id"]
    ]
    assert sorted(status for status, _ in statuses) == ["dropped", "dropped"]
    assert any("blocked" in reason for _, reason in statuses)
    assert len(workers.telegram.sent) == 2


async def test_bad_request_is_recorded_and_not_retried(workers: WorkerFactory) -> None:
    rows = await _plan(workers, 2)
    target = int(str(rows[0]["telegram_user_id"]))
    workers.telegram.fail_next(
        "sendMessage", error_code=400, description="Bad Request: message is too long", chat=target
    )

    async with running(workers.worker(workers.settings())):
        await eventually(lambda: settled(workers.sessionmaker))

    failed = (await _by_user(workers))[rows[0]["id"]]
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert "message is too long" in (failed.last_error or "")
    assert [message.chat_id for message in workers.telegram.sent] == [
        int(str(rows[1]["telegram_user_id"]))
    ]


async def test_server_errors_back_off_then_succeed_or_give_up(workers: WorkerFactory) -> None:
    rows = await _plan(workers, 2, retry_base_seconds=0.05, max_attempts=3)
    flaky, dead = (int(str(row["telegram_user_id"])) for row in rows)
    workers.telegram.fail_next("sendMessage", times=2, error_code=502, chat=flaky)
    workers.telegram.fail_next("sendMessage", times=10, error_code=500, chat=dead)

    async with running(workers.worker(workers.settings(retry_base_seconds=0.05, max_attempts=3))):
        await eventually(lambda: settled(workers.sessionmaker))

    by_user = await _by_user(workers)
    recovered, given_up = by_user[rows[0]["id"]], by_user[rows[1]["id"]]
    assert recovered.status == "sent"
    # Three 5xx in a row open the circuit: the third is the outage's, not charged to its row.
    assert recovered.attempts in (2, 3)
    assert recovered.telegram_message_id == workers.telegram.messages_to(flaky)[0].message_id
    assert (given_up.status, given_up.attempts) == ("failed", 3)
    assert "Internal Server Error" in (given_up.last_error or "")
    assert workers.telegram.messages_to(dead) == []


async def test_unknown_answer_shape_is_retried(workers: WorkerFactory) -> None:
    rows = await _plan(workers, 1)
    chat = int(str(rows[0]["telegram_user_id"]))
    workers.telegram.fail_next_raw("sendMessage", body="<html>Bad Gateway</html>", chat=chat)
    workers.telegram.fail_next_raw(
        "sendMessage", body=b'{"unexpected": true}', status=200, content_type="application/json"
    )

    async with running(workers.worker(workers.settings(retry_base_seconds=0.05))):
        await eventually(lambda: settled(workers.sessionmaker))

    (row,) = await outbox(workers.sessionmaker)
    assert (row.status, row.attempts) == ("sent", 3)
    assert len(workers.telegram.messages_to(chat)) == 1


async def test_too_many_requests_pauses_exactly_retry_after(workers: WorkerFactory) -> None:
    rows = await _plan(workers, 3)
    workers.telegram.fail_next(
        "sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 1",
        retry_after=1,
    )

    started = time.monotonic()
    # One send at a time: the first is answered 429, so every accepted send shows the pause.
    async with running(workers.worker(workers.settings(send_concurrency=1))):
        await eventually(lambda: settled(workers.sessionmaker))

    accepted = workers.telegram.send_times()
    assert len(accepted) == len(rows)
    assert min(accepted) - started >= 1.0
    # The 429 cost no attempt: each row was sent on its first.
    assert {row.attempts for row in await outbox(workers.sessionmaker)} == {1}


async def test_stale_plans_are_handled_and_never_stop_the_rest(workers: WorkerFactory) -> None:
    rows = await _plan(workers, 4)
    deleted_event = soon(40)
    telegram = workers.telegram
    async with workers.sessionmaker.begin() as session:
        gone = await add_event(session, deleted_event, kind="new_moon")
        now = datetime.now(UTC)
        for chat in ("-100999", "@no_such_channel"):
            await session.execute(
                insert(Delivery).values(
                    event_id=gone,
                    target_type="channel",
                    target_id=chat,
                    kind="announcement",
                    language="en",
                    next_attempt_at=now,
                )
            )
        await session.execute(delete(AstroEvent).where(AstroEvent.id == gone))
        (event_id,) = (await session.scalars(select(AstroEvent.id))).all()
        await session.execute(
            insert(Delivery).values(
                event_id=event_id,
                target_type="channel",
                target_id="-100999",
                kind="announcement",
                language="en",
                next_attempt_at=now,
            )
        )
        # Changed after planning: the message follows the new language and time zone.
        await session.execute(
            update(User)
            .where(User.id == rows[0]["id"])
            .values(language="hy", timezone="Asia/Yerevan")
        )

    async with running(workers.worker(workers.settings())):
        await eventually(lambda: settled(workers.sessionmaker))

    outcomes = {(row.target_id, row.event_id): row for row in await outbox(workers.sessionmaker)}
    assert {row.last_error for row in outcomes.values() if row.event_id is None} == {
        "event_deleted"
    }
    wrong_channel = outcomes[("-100999", event_id)]
    assert wrong_channel.status == "failed"
    assert "chat not found" in (wrong_channel.last_error or "")
    assert len(telegram.sent) == 4
    (armenian,) = telegram.messages_to(int(str(rows[0]["telegram_user_id"])))
    tr = workers.i18n.get("hy")
    assert event_title(tr, "full_moon", "", {}, "north") in (armenian.text or "")
    assert "Asia/Yerevan" in (armenian.text or "")


async def test_a_dead_workers_lease_expires_and_another_sends(workers: WorkerFactory) -> None:
    await _plan(workers, 2)
    async with workers.sessionmaker.begin() as session:
        taken = await claim_due(
            session, "dead-worker", datetime.now(UTC), timedelta(seconds=1), limit=10
        )
    assert len(taken) == 2

    worker = workers.worker(workers.settings(lease_seconds=1))
    async with running(worker):
        await eventually(lambda: settled(workers.sessionmaker))

    assert len(workers.telegram.sent) == 2
    assert {row.attempts for row in await outbox(workers.sessionmaker)} == {2}


async def test_broadcast_text_goes_out_as_typed_and_visibility_per_user(
    workers: WorkerFactory,
) -> None:
    rows = await _plan(workers, 1)
    located = user_rows(1, latitude=40.2, longitude=44.5)[0]
    located["telegram_user_id"] = 777
    workers.telegram.add_user(user_id=777)
    async with workers.sessionmaker.begin() as session:
        await add_users(session, [located])
        await plan_deliveries(session, workers.settings(), datetime.now(UTC))
        await session.execute(
            insert(Delivery).values(
                target_type="user",
                target_id=str(rows[0]["id"]),
                user_id=rows[0]["id"],
                kind="broadcast",
                payload={"text": "<b>not markup</b> & co", "language": "en"},
                next_attempt_at=datetime.now(UTC),
            )
        )
    seen: list[tuple[float, float]] = []

    def visibility(event: EventInfo, latitude: float, longitude: float) -> Visibility:
        seen.append((latitude, longitude))
        return Visibility(True, event.occurs_at - timedelta(hours=1), event.occurs_at)

    async with running(workers.worker(workers.settings(), visibility=visibility)):
        await eventually(lambda: settled(workers.sessionmaker))

    first = workers.telegram.messages_to(int(str(rows[0]["telegram_user_id"])))
    assert "<b>not markup</b> & co" in [message.text for message in first]
    assert seen == [(40.2, 44.5)]
    (reminder,) = workers.telegram.messages_to(777)
    tr = workers.i18n.get(str(located["language"]))
    assert tr("reminders-visible", start="", end="").split()[0] in (reminder.text or "")


def test_visibility_lines_follow_astro_local_circumstances() -> None:
    full_moon = EventInfo(
        uuid.uuid4(), "full_moon", "", datetime(2026, 3, 3, 11, 38, tzinfo=UTC), {}
    )
    equinox = EventInfo(
        uuid.uuid4(), "equinox_march", "", datetime(2026, 3, 20, 14, 46, tzinfo=UTC), {}
    )
    # At 11:38 UTC the Moon is up over the Pacific (night) and down over Europe (day).
    assert visibility(full_moon, 21.3, -157.8) == Visibility(True)
    assert visibility(full_moon, 48.9, 2.35) == Visibility(False)
    assert visibility(equinox, 48.9, 2.35) is None
