"""Local circumstances of events and rise/set times for a place and a day."""

from datetime import UTC, date, datetime, timedelta

import pytest

from astro.errors import InvalidCoordinatesError
from astro.events import SkyEvent, compute_events
from astro.kinds import EventKind
from astro.local import local_circumstances
from astro.riseset import rise_set

ECLIPSE_DAY_2024 = datetime(2024, 4, 8, tzinfo=UTC)


def _only(kind: EventKind, start: datetime, days: int = 1) -> SkyEvent:
    (event,) = compute_events(start, start + timedelta(days=days), [kind])
    return event


def test_total_eclipse_seen_in_dallas_not_in_sydney() -> None:
    eclipse = _only(EventKind.SOLAR_ECLIPSE, ECLIPSE_DAY_2024)
    dallas = local_circumstances(eclipse, 32.78, -96.80)
    assert dallas["visible"] is True
    assert dallas["type"] == "total"
    # NASA: totality in Dallas 18:40:44 to 18:44:35 UT; the Sun about 64 degrees up.
    assert str(dallas["total_begin"]).startswith("2024-04-08T18:4")
    assert isinstance(dallas["sun_altitude"], float)
    assert 60.0 < dallas["sun_altitude"] < 70.0
    sydney = local_circumstances(eclipse, -33.87, 151.21)
    assert sydney["visible"] is False


def test_lunar_eclipse_window_clips_to_moonrise() -> None:
    eclipse = _only(EventKind.LUNAR_ECLIPSE, datetime(2024, 3, 24, tzinfo=UTC), days=2)
    # In Sydney the Moon rises during the penumbral eclipse of 25 March 2024.
    sydney = local_circumstances(eclipse, -33.87, 151.21)
    assert sydney["visible"] is True
    begin = datetime.fromisoformat(str(eclipse.payload["penumbral_begin"]))
    seen_from = datetime.fromisoformat(str(sydney["visible_from"]))
    assert begin < seen_from < eclipse.occurs_at + timedelta(hours=3)
    moscow = local_circumstances(eclipse, 55.75, 37.62)
    assert moscow["visible"] is False


def test_global_events_are_visible_everywhere() -> None:
    solstice = _only(EventKind.SOLSTICE_JUNE, datetime(2027, 6, 20, tzinfo=UTC), days=3)
    assert local_circumstances(solstice, -60.0, 10.0) == {"visible": True}


def test_bad_coordinates_are_named() -> None:
    solstice = _only(EventKind.SOLSTICE_JUNE, datetime(2027, 6, 20, tzinfo=UTC), days=3)
    with pytest.raises(InvalidCoordinatesError) as caught:
        local_circumstances(solstice, 91.0, 0.0)
    assert caught.value.data["value"] == 91.0


def test_rise_set_on_a_dst_change_day_is_in_local_time() -> None:
    # 31 March 2024: Berlin moves from +01:00 to +02:00 at 02:00.
    times = rise_set(date(2024, 3, 31), 52.52, 13.40, "Europe/Berlin")
    sunrise = datetime.fromisoformat(str(times["sunrise"]))
    sunset = datetime.fromisoformat(str(times["sunset"]))
    assert sunrise.utcoffset() == sunset.utcoffset() == timedelta(hours=2)
    assert sunrise.date() == sunset.date() == date(2024, 3, 31)
    assert 6 <= sunrise.hour <= 7
    assert 19 <= sunset.hour <= 20


def test_midnight_sun_has_no_sunrise_or_sunset() -> None:
    times = rise_set(date(2024, 6, 21), 78.22, 15.65, "Arctic/Longyearbyen")
    assert times["sunrise"] is None
    assert times["sunset"] is None


def test_rise_set_in_a_half_hour_zone() -> None:
    times = rise_set(date(2024, 1, 15), 28.61, 77.21, "Asia/Kolkata")
    sunrise = datetime.fromisoformat(str(times["sunrise"]))
    assert sunrise.utcoffset() == timedelta(hours=5, minutes=30)
    assert sunrise.hour == 7
