"""Local dates and times of events in every kind of zone, and hemispheres."""

from datetime import UTC, datetime, timedelta

import pytest

from astro.errors import InvalidCoordinatesError, InvalidTimezoneError
from astro.events import compute_events
from astro.kinds import EventKind
from astro.seasons import season_starting
from astro.zones import hemisphere, local_time, resolve_zone

# The full moon of 25 March 2024 at 07:00 UTC; each zone's offset on that date (tzdata).
FULL_MOON_2024_03 = datetime(2024, 3, 25, 7, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("zone", "offset", "local_date"),
    [
        ("Asia/Kolkata", timedelta(hours=5, minutes=30), "2024-03-25"),
        ("Asia/Kathmandu", timedelta(hours=5, minutes=45), "2024-03-25"),
        ("Australia/Adelaide", timedelta(hours=10, minutes=30), "2024-03-25"),  # DST until April
        ("Pacific/Kiritimati", timedelta(hours=14), "2024-03-25"),
        ("Pacific/Pago_Pago", timedelta(hours=-11), "2024-03-24"),
        ("America/New_York", timedelta(hours=-4), "2024-03-25"),  # DST since 10 March
        ("Europe/Berlin", timedelta(hours=1), "2024-03-25"),  # DST from 31 March
    ],
)
def test_event_local_date_and_offset(zone: str, offset: timedelta, local_date: str) -> None:
    event = min(
        compute_events(
            FULL_MOON_2024_03 - timedelta(hours=1),
            FULL_MOON_2024_03 + timedelta(hours=1),
            [EventKind.FULL_MOON],
        ),
        key=lambda e: e.occurs_at,
    )
    local = local_time(event.occurs_at, zone)
    assert local.utcoffset() == offset
    assert local.date().isoformat() == local_date
    assert local.replace(tzinfo=None) == (event.occurs_at + offset).replace(tzinfo=None)


def test_dst_change_shifts_the_wall_clock_not_the_instant() -> None:
    before = local_time(datetime(2024, 3, 31, 0, 59, tzinfo=UTC), "Europe/Berlin")
    after = local_time(datetime(2024, 3, 31, 1, 0, tzinfo=UTC), "Europe/Berlin")
    assert (before.hour, after.hour) == (1, 3)


def test_unknown_timezone_is_named() -> None:
    with pytest.raises(InvalidTimezoneError) as caught:
        resolve_zone("Mars/Olympus_Mons")
    assert caught.value.data["value"] == "Mars/Olympus_Mons"


@pytest.mark.parametrize(
    "name", ["America", "Etc", "", "Europe/../Europe/Paris", "UTC\x00", "/etc"]
)
def test_folders_and_forged_names_are_unknown_zones(name: str) -> None:
    # ZoneInfo itself raises IsADirectoryError or ValueError for these: one error for them all.
    with pytest.raises(InvalidTimezoneError):
        resolve_zone(name)


@pytest.mark.parametrize(
    ("latitude", "zone", "expected"),
    [
        (None, "Australia/Sydney", "south"),
        (None, "America/Sao_Paulo", "south"),
        (None, "Pacific/Pago_Pago", "south"),
        (None, "Europe/Moscow", "north"),
        (None, "Asia/Kolkata", "north"),
        (None, "UTC", "north"),
        (-33.9, "UTC", "south"),
        (51.5, "Australia/Sydney", "north"),
    ],
)
def test_hemisphere(latitude: float | None, zone: str, expected: str) -> None:
    assert hemisphere(latitude, zone) == expected


def test_hemisphere_rejects_latitude_past_pole() -> None:
    with pytest.raises(InvalidCoordinatesError) as caught:
        hemisphere(91.0, "UTC")
    assert caught.value.data["value"] == 91.0


def test_sydney_is_not_told_spring_in_march() -> None:
    southern = season_starting(EventKind.EQUINOX_MARCH, hemisphere(None, "Australia/Sydney"))
    northern = season_starting(EventKind.EQUINOX_MARCH, hemisphere(None, "Europe/Paris"))
    assert (southern, northern) == ("autumn", "spring")
