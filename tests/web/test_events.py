"""/api/events and /api/events/{id} on the real application and PostgreSQL."""

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from astro.local import local_circumstances
from core.event_text import event_title
from models.event import AstroEvent
from tests.web.conftest import Client, MakeUser
from web.events import EVENT_STORE
from web.keys import I18N, SESSIONMAKER

pytestmark = pytest.mark.postgres

MARCH = datetime(2031, 3, 1, tzinfo=UTC)


async def _add_events(client: Client, *events: dict[str, Any]) -> list[uuid.UUID]:
    async with client.app[SESSIONMAKER].begin() as session:
        rows = [AstroEvent(**event) for event in events]
        session.add_all(rows)
        await session.flush()
        return [row.id for row in rows]


def _march_events() -> list[dict[str, Any]]:
    return [
        {
            "kind": "full_moon",
            "occurs_at": MARCH + timedelta(days=8, hours=23, minutes=30),
            "payload": {"illumination": 1.0, "distance_km": 380000, "constellation": "Leo"},
            "significance": 45,
        },
        {
            "kind": "equinox_march",
            "occurs_at": MARCH + timedelta(days=19, hours=21, minutes=41),
            "payload": {},
            "significance": 60,
        },
        {
            "kind": "opposition",
            "subject": "jupiter",
            "occurs_at": MARCH + timedelta(days=3, hours=5),
            "payload": {"magnitude": -2.5},
            "significance": 30,
        },
        {
            "kind": "new_moon",
            "occurs_at": MARCH + timedelta(days=23, hours=4),
            "payload": {},
            "significance": 20,
        },
        # Outside the window of the tests (April).
        {"kind": "full_moon", "occurs_at": MARCH + timedelta(days=38), "payload": {}},
    ]


async def test_window_is_localized_for_the_signed_in_user(
    client: Client, make_user: MakeUser
) -> None:
    await _add_events(client, *_march_events())
    user = await make_user(language="ru", timezone="Asia/Yerevan", latitude=-33.9)
    response = await client.get(
        "/api/events", params={"from": "2031-03-01", "to": "2031-04-01"}, headers=user.headers
    )
    assert response.status == 200
    page = await response.json()
    assert page["timezone"] == "Asia/Yerevan"
    assert page["language"] == "ru"
    assert page["next_cursor"] is None
    kinds = [event["kind"] for event in page["events"]]
    assert kinds == ["opposition", "full_moon", "equinox_march", "new_moon"]
    tr = client.app[I18N].get("ru")
    zone = ZoneInfo("Asia/Yerevan")
    for event in page["events"]:
        occurs_at = datetime.fromisoformat(event["occurs_at"])
        local = datetime.fromisoformat(event["local_time"])
        assert local == occurs_at
        assert local.utcoffset() == occurs_at.astimezone(zone).utcoffset()
        assert event["when"] == tr.format_datetime(occurs_at, zone)
        # A southern user's March equinox opens autumn.
        assert event["title"] == event_title(
            tr, event["kind"], event["subject"], event["payload"], "south"
        )
    equinox = page["events"][2]
    assert equinox["title"] != event_title(tr, "equinox_march", "", {}, "north")


async def test_full_moon_late_in_utc_is_next_day_locally(client: Client) -> None:
    await _add_events(client, *_march_events())
    response = await client.get(
        "/api/events",
        params={
            "from": "2031-03-01",
            "to": "2031-04-01",
            "kinds": "full_moon",
            "tz": "Asia/Tokyo",
        },
    )
    [full_moon] = (await response.json())["events"]
    assert full_moon["occurs_at"].startswith("2031-03-09T23:30")
    assert full_moon["local_time"].startswith("2031-03-10T08:30")


async def test_pages_follow_each_other_without_gaps_or_repeats(client: Client) -> None:
    ids = await _add_events(client, *_march_events())
    seen: list[str] = []
    params = {"from": "2031-03-01T00:00:00Z", "to": "2031-04-01T00:00:00Z", "limit": "1"}
    for _ in range(10):
        page = await (await client.get("/api/events", params=params)).json()
        seen += [event["id"] for event in page["events"]]
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert sorted(seen) == sorted(str(event_id) for event_id in ids[:4])
    assert len(seen) == 4


@pytest.mark.parametrize(
    "kinds", [[("kinds", "full_moon,new_moon")], [("kinds", "full_moon"), ("kinds", "new_moon")]]
)
async def test_kinds_filter(client: Client, kinds: list[tuple[str, str]]) -> None:
    await _add_events(client, *_march_events())
    params = [("from", "2031-03-01"), ("to", "2031-04-01"), *kinds]
    page = await (await client.get("/api/events", params=params)).json()
    assert [event["kind"] for event in page["events"]] == ["full_moon", "new_moon"]


async def test_anonymous_caller_gets_query_language_and_utc(client: Client) -> None:
    await _add_events(client, *_march_events())
    response = await client.get(
        "/api/events", params={"from": "2031-03-01", "to": "2031-03-05", "lang": "de"}
    )
    page = await response.json()
    assert (page["language"], page["timezone"]) == ("de", "UTC")
    [opposition] = page["events"]
    tr = client.app[I18N].get("de")
    assert opposition["title"] == event_title(tr, "opposition", "jupiter", {}, "north")


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        (
            {"from": "2031-03-01", "to": "2031-04-01", "tz": "Mars/Olympus"},
            422,
            "invalid_timezone",
        ),
        ({"from": "2021-01-01", "to": "2031-01-01"}, 422, "range_too_large"),
        ({"from": "2031-04-01", "to": "2031-03-01"}, 422, "invalid_date_range"),
        ({"from": "9999-01-01", "to": "9999-02-01"}, 422, "date_out_of_range"),
        ({"from": "2031-03-01", "to": "2031-04-01", "color": "red"}, 422, "validation_failed"),
        ({"from": "2031-03-01", "to": "2031-04-01", "kinds": "comet"}, 422, "validation_failed"),
        ({"from": "2031-03-01", "to": "2031-04-01", "limit": "0"}, 422, "validation_failed"),
        ({"from": "2031-03-01", "to": "2031-04-01", "limit": "x"}, 422, "validation_failed"),
        ({"from": "2031-03-01", "to": "2031-04-01", "cursor": "@@"}, 422, "validation_failed"),
        ({"from": "2031-03-01", "to": "2031-04-01", "cursor": "WzFd"}, 422, "validation_failed"),
        ({"from": "yesterday", "to": "2031-04-01"}, 422, "validation_failed"),
        ({"to": "2031-04-01"}, 422, "validation_failed"),
    ],
)
async def test_bad_queries_get_stable_codes(
    client: Client, params: dict[str, str], status: int, code: str
) -> None:
    response = await client.get("/api/events", params=params)
    assert response.status == status
    assert (await response.json())["error"]["code"] == code


async def test_bad_token_is_rejected_even_though_sign_in_is_optional(client: Client) -> None:
    response = await client.get(
        "/api/events",
        params={"from": "2031-03-01", "to": "2031-04-01"},
        headers={"Authorization": "Bearer nonsense"},
    )
    assert response.status == 401


async def test_window_is_read_once_per_cache_life(client: Client) -> None:
    await _add_events(client, *_march_events())
    params = {"from": "2031-03-01", "to": "2031-04-01"}
    first = await (await client.get("/api/events", params=params)).json()
    await _add_events(
        client, {"kind": "last_quarter", "occurs_at": MARCH + timedelta(days=15), "payload": {}}
    )
    again = await (await client.get("/api/events", params=params)).json()
    assert again == first
    other_language = await (
        await client.get("/api/events", params={**params, "lang": "fr"})
    ).json()
    assert len(other_language["events"]) == len(first["events"])


async def test_one_event_with_description(client: Client, make_user: MakeUser) -> None:
    [event_id] = await _add_events(client, _march_events()[1])
    user = await make_user(language="es", timezone="America/Mexico_City")
    response = await client.get(f"/api/events/{event_id}", headers=user.headers)
    assert response.status == 200
    event = await response.json()
    assert event["id"] == str(event_id)
    assert event["language"] == "es"
    assert event["timezone"] == "America/Mexico_City"
    assert event["description"]
    assert event["description"] != event["title"]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        (f"/api/events/{uuid.UUID(int=7)}", 404, "not_found"),
        ("/api/events/not-a-uuid", 422, "validation_failed"),
    ],
)
async def test_missing_or_malformed_event_id(
    client: Client, path: str, status: int, code: str
) -> None:
    response = await client.get(path)
    assert response.status == status
    assert (await response.json())["error"]["code"] == code


async def test_local_circumstances_for_the_profile_place_and_for_a_given_place(
    client: Client, make_user: MakeUser
) -> None:
    [event_id] = await _add_events(client, _march_events()[0])
    user = await make_user(latitude=40.18, longitude=44.51)
    from_profile = await (await client.get(f"/api/events/{event_id}", headers=user.headers)).json()
    row = await client.app[EVENT_STORE].get(event_id)
    assert from_profile["local"] == local_circumstances(row, 40.18, 44.51)
    assert isinstance(from_profile["local"]["visible"], bool)
    elsewhere = await (
        await client.get(f"/api/events/{event_id}", params={"lat": "-33.9", "lon": "151.2"})
    ).json()
    assert elsewhere["local"] == local_circumstances(row, -33.9, 151.2)
    anonymous = await (await client.get(f"/api/events/{event_id}")).json()
    assert anonymous["local"] is None
    off_globe = await client.get(f"/api/events/{event_id}", params={"lat": "91", "lon": "0"})
    assert off_globe.status == 422
