"""Our event times against published catalogues (USNO phases and seasons, NASA eclipses).

The DE421 reference of 2025-2035 (test_de421.py) checks the engine to the issue's tolerances;
these rows, computed by others with their own ephemerides, check the definitions.
"""

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from astro.events import SkyEvent, compute_events
from astro.kinds import EventKind
from astro.timescale import delta_t

DATA = json.loads((Path(__file__).parent / "data" / "reference.json").read_text())
# USNO rounds to the minute (30 s either way), on top of the 5 s the engine may be off.
USNO_TOLERANCE = timedelta(seconds=35)
# Greatest eclipse: the 5 s of the tolerance for eclipse maxima.
NASA_TOLERANCE = timedelta(seconds=5)


def _nearest(kind: EventKind, instant: datetime) -> SkyEvent:
    window = timedelta(days=3)
    events = compute_events(instant - window, instant + window, [kind])
    assert events, f"no {kind} near {instant}"
    return min(events, key=lambda event: abs(event.occurs_at - instant))


def _ut_from_td(td: str) -> datetime:
    moment = datetime.fromisoformat(td).replace(tzinfo=UTC)
    year = moment.year + (moment.timetuple().tm_yday - 1) / 365.25
    return moment - timedelta(seconds=delta_t(year))


@pytest.mark.parametrize(
    "row", DATA["moon_phases_and_seasons"], ids=lambda row: f"{row['kind']}-{row['ut']}"
)
def test_phase_and_season_within_a_minute_of_usno(row: dict[str, Any]) -> None:
    published = datetime.fromisoformat(row["ut"]).replace(tzinfo=UTC)
    event = _nearest(EventKind(row["kind"]), published)
    assert abs(event.occurs_at - published) <= USNO_TOLERANCE


@pytest.mark.parametrize("row", DATA["solar_eclipses"], ids=lambda row: row["td"])
def test_solar_eclipse_matches_nasa(row: dict[str, Any]) -> None:
    published = _ut_from_td(row["td"])
    event = _nearest(EventKind.SOLAR_ECLIPSE, published)
    assert abs(event.occurs_at - published) <= NASA_TOLERANCE
    assert event.payload["type"] == row["type"]
    assert event.payload["magnitude"] == pytest.approx(row["magnitude"], abs=0.002)


@pytest.mark.parametrize("row", DATA["lunar_eclipses"], ids=lambda row: row["td"])
def test_lunar_eclipse_matches_nasa(row: dict[str, Any]) -> None:
    published = _ut_from_td(row["td"])
    event = _nearest(EventKind.LUNAR_ECLIPSE, published)
    assert abs(event.occurs_at - published) <= NASA_TOLERANCE
    assert event.payload["type"] == row["type"]
    if row["magnitude"] is not None:
        assert event.payload["magnitude"] == pytest.approx(row["magnitude"], abs=0.003)
