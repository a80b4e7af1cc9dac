"""The private calendar feed: create, fetch, rotate, revoke, and the members' gate."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from icalendar import Calendar

from core.event_text import event_title
from models.event import AstroEvent
from models.user import User
from tests.web.conftest import Client, MakeClient, MakeUser, WebUser
from web.keys import I18N, SESSIONMAKER

pytestmark = pytest.mark.postgres


async def _add_upcoming_events(client: Client) -> None:
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=3)
    async with client.app[SESSIONMAKER].begin() as session:
        session.add_all(
            [
                AstroEvent(kind="full_moon", occurs_at=soon, payload={"illumination": 1.0}),
                AstroEvent(kind="new_moon", occurs_at=soon + timedelta(days=15), payload={}),
                AstroEvent(kind="first_quarter", occurs_at=soon + timedelta(days=7), payload={}),
                # Long past: outside the feed.
                AstroEvent(kind="full_moon", occurs_at=soon - timedelta(days=120), payload={}),
            ]
        )


async def _create_feed(client: Client, user: WebUser) -> str:
    response = await client.post("/api/calendar/feed", headers=user.headers)
    assert response.status == 201
    url = urlsplit((await response.json())["url"])
    assert url.path == "/api/calendar.ics"
    return f"{url.path}?{url.query}"


async def test_feed_is_localized_with_alarms_for_the_users_reminders(
    client: Client, make_user: MakeUser
) -> None:
    await _add_upcoming_events(client)
    user = await make_user(
        language="pt",
        timezone="America/Sao_Paulo",
        latitude=-23.5,
        reminder_kinds=["full_moon", "new_moon"],
        reminder_leads_minutes=[60, 24 * 60],
    )
    feed = await _create_feed(client, user)
    response = await client.get(feed)
    assert response.status == 200
    assert response.content_type == "text/calendar"
    calendar = Calendar.from_ical(await response.read())
    entries = calendar.walk("VEVENT")
    tr = client.app[I18N].get("pt")
    expected = {event_title(tr, kind, "", {}, "south") for kind in ("full_moon", "new_moon")}
    assert {str(entry["SUMMARY"]) for entry in entries} == expected
    for entry in entries:
        triggers = sorted(alarm.decoded("TRIGGER") for alarm in entry.walk("VALARM"))
        assert triggers == [-timedelta(days=1), -timedelta(hours=1)]


async def test_rotation_replaces_the_url_and_revocation_ends_it(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user()
    first = await _create_feed(client, user)
    second = await _create_feed(client, user)
    assert first != second
    assert (await client.get(first)).status == 404
    assert (await client.get(second)).status == 200
    revoked = await client.delete("/api/calendar/feed", headers=user.headers)
    assert revoked.status == 204
    gone = await client.get(second)
    assert gone.status == 404
    assert (await gone.json())["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ("", 422, "validation_failed"),
        ("?token=", 422, "validation_failed"),
        ("?token=" + "x" * 500, 422, "validation_failed"),
        ("?token=guessed-secret", 404, "not_found"),
        ("?token=abc&extra=1", 422, "validation_failed"),
    ],
)
async def test_bad_feed_tokens(client: Client, query: str, status: int, code: str) -> None:
    response = await client.get("/api/calendar.ics" + query)
    assert response.status == status
    assert (await response.json())["error"]["code"] == code


async def test_managing_the_feed_needs_sign_in(client: Client) -> None:
    for method in ("POST", "DELETE"):
        response = await client.request(method, "/api/calendar/feed")
        assert response.status == 401


async def test_members_gate_lets_members_in_and_closes_the_feed_when_they_leave(
    make_client: MakeClient, make_user: MakeUser
) -> None:
    client = await make_client(telegram={"members_channel": "@starscalendars"})
    now = datetime.now(UTC)
    member = await make_user(
        on=client, telegram_user_id=777, is_telegram_subscribed=True, subscription_checked_at=now
    )
    feed = await _create_feed(client, member)
    assert (await client.get(feed)).status == 200
    async with client.app[SESSIONMAKER].begin() as session:
        row = await session.get(User, member.user_id)
        assert row is not None
        row.is_telegram_subscribed = False
    response = await client.get(feed)
    assert response.status == 403
    body = await response.json()
    assert body["error"]["code"] == "subscription_required"
    assert body["error"]["details"]["channel"] == "https://t.me/starscalendars"


async def test_without_reminder_kinds_the_feed_holds_every_event_without_alarms(
    client: Client, make_user: MakeUser
) -> None:
    await _add_upcoming_events(client)
    user = await make_user(reminder_kinds=[], reminder_leads_minutes=[60])
    calendar = Calendar.from_ical(
        await (await client.get(await _create_feed(client, user))).read()
    )
    entries = calendar.walk("VEVENT")
    assert len(entries) == 3
    assert all(not entry.walk("VALARM") for entry in entries)
