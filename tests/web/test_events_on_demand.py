"""/api/events for windows the stored horizon does not span: computed, with stable ids."""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.web.conftest import Client
from web.events_store import computed_id

pytestmark = pytest.mark.postgres

USNO = json.loads((Path(__file__).parents[1] / "astro/data/reference.json").read_text())
# USNO rounds to the minute, on top of the engine's own 5 s.
USNO_TOLERANCE = timedelta(seconds=35)


async def test_a_past_month_is_computed_and_matches_usno(client: Client) -> None:
    rows = [r for r in USNO["moon_phases_and_seasons"] if r["ut"].startswith("2024-03")]
    params = {"from": "2024-03-01T00:00:00Z", "to": "2024-04-01T00:00:00Z", "limit": "500"}
    response = await client.get("/api/events", params=params)
    assert response.status == 200
    events = (await response.json())["events"]
    assert len(events) > len(rows) >= 4
    for row in rows:
        published = datetime.fromisoformat(row["ut"]).replace(tzinfo=UTC)
        assert any(
            event["kind"] == row["kind"]
            and abs(datetime.fromisoformat(event["occurs_at"]) - published) <= USNO_TOLERANCE
            for event in events
        ), row


async def test_computed_ids_are_the_same_in_every_window_and_resolve(client: Client) -> None:
    month = {"from": "2040-06-01", "to": "2040-07-01", "kinds": "full_moon"}
    year = {"from": "2040-01-01", "to": "2041-01-01", "kinds": "full_moon"}
    [in_month] = (await (await client.get("/api/events", params=month)).json())["events"]
    in_year = (await (await client.get("/api/events", params=year)).json())["events"]
    assert in_month in in_year
    detail = await client.get(f"/api/events/{in_month['id']}")
    assert detail.status == 200
    event = await detail.json()
    assert (event["id"], event["occurs_at"]) == (in_month["id"], in_month["occurs_at"])
    assert event["description"]


async def test_pages_of_a_computed_window_follow_each_other(client: Client) -> None:
    params = {"from": "2033-01-01", "to": "2033-02-01"}
    whole = (await (await client.get("/api/events", params=params)).json())["events"]
    seen: list[str] = []
    paged = {**params, "limit": "3"}
    for _ in range(len(whole)):
        page = await (await client.get("/api/events", params=paged)).json()
        seen += [event["id"] for event in page["events"]]
        if page["next_cursor"] is None:
            break
        paged["cursor"] = page["next_cursor"]
    assert seen == [event["id"] for event in whole]


async def test_outside_the_ephemeris_names_the_range(client: Client) -> None:
    response = await client.get(
        "/api/events", params={"from": "1850-01-01", "to": "1850-02-01", "lang": "de"}
    )
    assert response.status == 422
    error = (await response.json())["error"]
    assert error["code"] == "date_out_of_range"
    assert "1900–2052" in error["message"]


async def test_a_computed_id_of_no_event_is_not_found(client: Client) -> None:
    month = {"from": "2040-06-01", "to": "2040-07-01", "kinds": "full_moon"}
    [full] = (await (await client.get("/api/events", params=month)).json())["events"]
    moved = datetime.fromisoformat(full["occurs_at"]) + timedelta(seconds=1)
    response = await client.get(f"/api/events/{computed_id('full_moon', '', moved)}")
    assert response.status == 404
    assert (await response.json())["error"]["code"] == "not_found"
