"""Planning writes each due delivery once, for the right people, at the right time."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.config import Settings
from models.delivery import Delivery, DeliveryKind, TargetType
from scheduler.planner import plan_deliveries
from tests.scheduler.conftest import add_event, add_users, soon, user_rows

DATABASES = [pytest.param("pg_session", marks=pytest.mark.postgres), "sqlite_session"]


@pytest.fixture(params=DATABASES)
def session(request: pytest.FixtureRequest) -> AsyncSession:
    """A session on PostgreSQL and on the embedded SQLite default."""
    value: AsyncSession = request.getfixturevalue(request.param)
    return value


async def _rows(session: AsyncSession) -> list[Delivery]:
    result = await session.execute(select(Delivery).order_by(Delivery.id))
    return list(result.scalars())


async def test_reminders_are_planned_once_for_eligible_users(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    eligible = user_rows(30)
    blocked = user_rows(3, bot_blocked_at=datetime.now(UTC))
    for index, row in enumerate(blocked):
        row["telegram_user_id"] = 900_000 + index
    inactive = [{**user_rows(1)[0], "telegram_user_id": 910_000, "is_active": False}]
    other_kind = [{**user_rows(1)[0], "telegram_user_id": 920_000, "reminder_kinds": ["new_moon"]}]
    web_only = [{**user_rows(1)[0], "telegram_user_id": None, "email": "web@example.org"}]
    await add_users(session, eligible + blocked + inactive + other_kind + web_only)
    occurs_at = soon(30)
    event_id = await add_event(session, occurs_at)

    first = await plan_deliveries(session, settings, datetime.now(UTC))
    second = await plan_deliveries(session, settings, datetime.now(UTC))

    rows = [row for row in await _rows(session) if row.kind == DeliveryKind.REMINDER]
    assert first.reminders == len(eligible) + len(web_only)
    assert second.reminders == 0
    assert len(rows) == first.reminders
    planned_users = {row.user_id for row in rows}
    assert planned_users == {row["id"] for row in eligible + web_only}
    assert {row.target_type for row in rows if row.user_id == web_only[0]["id"]} == {
        TargetType.WEB
    }
    assert all(row.event_id == event_id and row.lead_minutes == 60 for row in rows)
    # One canonical text on both databases, the form the bot's broadcasts write: str(uuid).
    assert all(row.target_id == str(row.user_id) for row in rows)
    assert all(row.due_at == occurs_at - timedelta(minutes=60) for row in rows)
    # Already due: ready now, not started earlier than its time.
    assert all(row.next_attempt_at == row.due_at for row in rows)


async def test_members_gate_keeps_reminders_to_current_members(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(telegram={"members_channel": "@members"})
    now = datetime.now(UTC)
    member = user_rows(1, is_telegram_subscribed=True, subscription_checked_at=now)[0]
    stale = {
        **user_rows(1)[0],
        "telegram_user_id": 1,
        "is_telegram_subscribed": True,
        "subscription_checked_at": now - timedelta(days=3),
    }
    outsider = {**user_rows(1)[0], "telegram_user_id": 2, "is_telegram_subscribed": False}
    await add_users(session, [member, stale, outsider])
    await add_event(session, soon(30))

    report = await plan_deliveries(session, settings, now)

    assert report.reminders == 1
    assert [row.user_id for row in await _rows(session) if row.kind == "reminder"] == [
        member["id"]
    ]


async def test_preferred_hour_and_time_zone_decide_the_send_time(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    now = datetime.now(UTC)
    tokyo = ZoneInfo("Asia/Tokyo")
    # Reminded a day ahead at a preferred hour: this very hour in Tokyo (a whole-hour zone).
    this_hour = now.replace(minute=0, second=0, microsecond=0)
    occurs_at = this_hour + timedelta(days=1, minutes=30)
    hour = this_hour.astimezone(tokyo).hour
    rows = user_rows(2, timezone="Asia/Tokyo", reminder_hour=hour, reminder_leads_minutes=[1440])
    await add_users(session, rows)
    await add_event(session, occurs_at)

    report = await plan_deliveries(session, make_settings(), now)

    planned = [row for row in await _rows(session) if row.kind == "reminder"]
    assert report.reminders == 2
    assert {row.next_attempt_at for row in planned} == {this_hour}


async def test_announcements_go_to_each_channel_and_the_web(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(
        telegram={"channels": {"ru": -1001, "*": "@sky_en"}},
        scheduler={"announce_leads_minutes": "1440,0"},
    )
    occurs_at = soon(5)
    await add_event(session, occurs_at)

    first = await plan_deliveries(session, settings, datetime.now(UTC))
    again = await plan_deliveries(session, settings, datetime.now(UTC))

    rows = await _rows(session)
    channel = {(row.target_id, row.language) for row in rows if row.target_type == "channel"}
    assert channel == {("-1001", "ru"), ("@sky_en", "en")}
    # Only the lead-0 post falls in the window; the 24-hour one was due a day ago.
    assert {row.lead_minutes for row in rows} == {0}
    assert (first.announcements, first.web_pushes) == (2, 1)
    assert (again.announcements, again.web_pushes) == (0, 0)
    web = [row for row in rows if row.target_type == "web"]
    assert [(row.target_id, row.kind) for row in web] == [("*", DeliveryKind.WEB_PUSH)]


async def test_events_outside_the_window_are_not_planned(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    await add_users(session, user_rows(5))
    await add_event(session, soon(60 * 5))
    await add_event(session, soon(-60 * 3))

    report = await plan_deliveries(session, make_settings(), datetime.now(UTC))

    assert report.reminders == 0
    assert await _rows(session) == []


async def test_announcements_skip_minor_events_and_reminders_do_not(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(
        telegram={"channels": {"*": "@sky_en"}}, scheduler={"announce_leads_minutes": "0"}
    )
    # Ranked as astro ranks them: a quarter 20, a faint meteor peak 21.4, a full moon 45.
    quarter = await add_event(session, soon(5), kind="first_quarter", significance=20.0)
    meteors = await add_event(session, soon(6), kind="meteor_shower", significance=21.4)
    full = await add_event(session, soon(7), significance=45.0)
    fan = user_rows(1, reminder_kinds=["first_quarter"], reminder_leads_minutes=[0])
    await add_users(session, fan)

    report = await plan_deliveries(session, settings, datetime.now(UTC))

    rows = await _rows(session)
    announced = {row.event_id for row in rows if row.kind == DeliveryKind.ANNOUNCEMENT}
    assert announced == {meteors, full}
    assert {row.event_id for row in rows if row.kind == DeliveryKind.WEB_PUSH} == announced
    # Whoever asked for quarters still hears about them.
    assert [row.event_id for row in rows if row.kind == DeliveryKind.REMINDER] == [quarter]
    assert (report.announcements, report.web_pushes, report.reminders) == (2, 2, 1)
    assert settings.scheduler.announce_min_significance > 20.0


async def test_users_in_an_unknown_time_zone_do_not_stop_the_others(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    good = user_rows(2)
    lost = [{**user_rows(1)[0], "telegram_user_id": 1, "timezone": "Mars/Olympus_Mons"}]
    await add_users(session, good + lost)
    await add_event(session, soon(30))

    report = await plan_deliveries(session, make_settings(), datetime.now(UTC))

    assert report.reminders == len(good)
    assert {row.user_id for row in await _rows(session)} == {row["id"] for row in good}


async def test_a_supermoon_is_announced_once_for_its_full_moon(
    session: AsyncSession, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings(telegram={"channels": {"*": "@sky_en"}})
    occurs_at = soon(5)
    await add_event(session, occurs_at, "full_moon", 45.0)
    supermoon = await add_event(session, occurs_at, "supermoon", 60.0, phase="full")

    planned = await plan_deliveries(session, settings, datetime.now(UTC))

    posts = [row for row in await _rows(session) if row.target_type == "channel"]
    assert planned.announcements == 1
    assert [row.event_id for row in posts] == [supermoon]
