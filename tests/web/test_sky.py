"""GET /api/sky on the real application: a place's days against the DE421 reference."""

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.web.conftest import Client

REFERENCE = json.loads((Path(__file__).parents[1] / "astro/data/de421_2025_2035.json").read_text())


async def test_days_match_the_reference_within_two_seconds(client: Client) -> None:
    latitude, longitude, zone = REFERENCE["places"]["reykjavik"]
    rows = [row for row in REFERENCE["rise_set"] if row["place"] == "reykjavik"][:2]
    params = {
        "lat": str(latitude),
        "lon": str(longitude),
        "tz": zone,
        "from": rows[0]["date"],
        "to": rows[1]["date"],
    }
    response = await client.get("/api/sky", params=params)
    assert response.status == 200
    body = await response.json()
    assert body["timezone"] == zone
    days = {day["date"]: day for day in body["days"]}
    assert len(days) == 24  # reference rows are 23 days apart
    for row in rows:
        day = days[row["date"]]
        assert day["moon_phase"]
        assert 0.0 <= day["moon_illumination"] <= 1.0
        for name in ("sunrise", "sunset", "moonrise", "moonset"):
            if row[name] is None:
                assert day[name] is None
            else:
                gap = datetime.fromisoformat(day[name]) - datetime.fromisoformat(row[name])
                assert abs(gap) <= timedelta(seconds=2), (row["date"], name)


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"lat": "95", "lon": "0", "from": "2030-01-01", "to": "2030-01-02"}, "validation_failed"),
        ({"lat": "0", "lon": "0", "from": "2030-01-02", "to": "2030-01-01"}, "invalid_date_range"),
        ({"lat": "0", "lon": "0", "from": "2030-01-01", "to": "2032-01-01"}, "range_too_large"),
        ({"lat": "0", "lon": "0", "from": "2060-01-01", "to": "2060-01-02"}, "date_out_of_range"),
        (
            {"lat": "0", "lon": "0", "from": "2030-01-01", "to": "2030-01-02", "tz": "Mars/Base"},
            "invalid_timezone",
        ),
    ],
)
async def test_bad_queries_get_stable_codes(
    client: Client, params: dict[str, str], code: str
) -> None:
    response = await client.get("/api/sky", params=params)
    assert response.status == 422
    assert (await response.json())["error"]["code"] == code
