"""The engine against an independent DE421 computation of 2025-2035 (scripts/astro_reference.py).

Every kind is counted (no event lost, none invented) and timed to the issue's tolerances; the
reference solves the same definitions by dense sampling and bisection on skyfield's public
positions, with none of the engine's search code.
"""

from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any, Final

import pytest

from astro.events import SkyEvent
from astro.kinds import EventKind
from astro.moon import MICROMOON_MIN_KM, SUPERMOON_MAX_KM
from astro.moon_conjunctions import MAX_SEPARATION_DEG, MIN_ELONGATION_DEG
from astro.riseset import rise_set_days
from tests.astro.conftest import DECADE_END, DECADE_START

Key = tuple[str, str]
SECOND: Final = timedelta(seconds=1)
TOLERANCE: Final = {
    EventKind.NEW_MOON: 5 * SECOND,
    EventKind.FIRST_QUARTER: 5 * SECOND,
    EventKind.FULL_MOON: 5 * SECOND,
    EventKind.LAST_QUARTER: 5 * SECOND,
    EventKind.SUPERMOON: 5 * SECOND,
    EventKind.MICROMOON: 5 * SECOND,
    EventKind.EQUINOX_MARCH: 5 * SECOND,
    EventKind.SOLSTICE_JUNE: 5 * SECOND,
    EventKind.EQUINOX_SEPTEMBER: 5 * SECOND,
    EventKind.SOLSTICE_DECEMBER: 5 * SECOND,
    EventKind.SOLAR_ECLIPSE: 5 * SECOND,
    EventKind.LUNAR_ECLIPSE: 5 * SECOND,
    EventKind.MOON_CONJUNCTION: 30 * SECOND,
    EventKind.OPPOSITION: 60 * SECOND,
    EventKind.SOLAR_CONJUNCTION: 60 * SECOND,
    EventKind.METEOR_SHOWER: 5 * 60 * SECOND,
    EventKind.GREATEST_ELONGATION: 10 * 60 * SECOND,
    EventKind.LUNAR_PERIGEE: 5 * 60 * SECOND,
    EventKind.LUNAR_APOGEE: 5 * 60 * SECOND,
}
CONTACT_TOLERANCE: Final = 30 * SECOND
RISE_SET_TOLERANCE: Final = 2 * SECOND
# Reference rows this close to a definition's threshold may fall either way in the engine,
# whose instant differs by seconds: a distance (km) or an angle (degrees).
BORDER_KM: Final = 1.0
BORDER_DEG: Final = 0.01
# Events of one kind and subject are at least this far apart: pairing by nearest is unambiguous.
PAIRING: Final = timedelta(days=1)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _in_decade(row: dict[str, Any]) -> bool:
    return DECADE_START <= _instant(row["utc"]) <= DECADE_END


def _size_kinds(row: dict[str, Any]) -> list[tuple[EventKind, bool]]:
    """Supermoon/micromoon a new or full moon row implies, and whether it is certain."""
    if row["kind"] not in ("new_moon", "full_moon"):
        return []
    km = float(row["distance_km"])
    implied = []
    if km <= SUPERMOON_MAX_KM + BORDER_KM:
        implied.append((EventKind.SUPERMOON, km <= SUPERMOON_MAX_KM - BORDER_KM))
    if km >= MICROMOON_MIN_KM - BORDER_KM:
        implied.append((EventKind.MICROMOON, km >= MICROMOON_MIN_KM + BORDER_KM))
    return implied


def _conjunction(row: dict[str, Any]) -> tuple[bool, bool]:
    """Whether a Moon-planet conjunction is close and seen (and whether that is certain)."""
    separation, elongation = float(row["separation_deg"]), float(row["elongation_deg"])
    possible = (
        separation <= MAX_SEPARATION_DEG + BORDER_DEG
        and elongation >= MIN_ELONGATION_DEG - BORDER_DEG
    )
    certain = (
        separation <= MAX_SEPARATION_DEG - BORDER_DEG
        and elongation >= MIN_ELONGATION_DEG + BORDER_DEG
    )
    return possible, certain


def expected(rows: list[dict[str, Any]]) -> dict[Key, list[tuple[datetime, bool]]]:
    """The reference's events by (kind, subject): instant and whether it must be found."""
    found: dict[Key, list[tuple[datetime, bool]]] = defaultdict(list)
    for row in filter(_in_decade, rows):
        instant = _instant(row["utc"])
        if row["kind"] == "moon_conjunction":
            possible, certain = _conjunction(row)
            if possible:
                found[row["kind"], row["subject"]].append((instant, certain))
            continue
        found[row["kind"], row["subject"]].append((instant, True))
        for kind, certain in _size_kinds(row):
            found[kind.value, ""].append((instant, certain))
    return found


def pair(
    engine: list[datetime], reference: list[tuple[datetime, bool]]
) -> tuple[list[timedelta], list[datetime], list[datetime]]:
    """Deviations of paired events, engine events with no reference, required ones not found."""
    unused = list(reference)
    deviations, extra = [], []
    for instant in engine:
        nearest = min(unused, key=lambda item: abs(item[0] - instant), default=None)
        if nearest is None or abs(nearest[0] - instant) > PAIRING:
            extra.append(instant)
            continue
        unused.remove(nearest)
        deviations.append(abs(nearest[0] - instant))
    missing = [instant for instant, required in unused if required]
    return deviations, extra, missing


@pytest.fixture(scope="module")
def engine_by_key(decade: list[SkyEvent]) -> dict[Key, list[datetime]]:
    grouped: dict[Key, list[datetime]] = defaultdict(list)
    for event in decade:
        grouped[event.kind.value, event.subject].append(event.occurs_at)
    return grouped


@pytest.mark.parametrize("kind", list(EventKind), ids=str)
def test_every_event_is_found_and_on_time(
    kind: EventKind, engine_by_key: dict[Key, list[datetime]], de421: dict[str, Any]
) -> None:
    reference = {key: rows for key, rows in expected(de421["events"]).items() if key[0] == kind}
    assert reference, f"the reference has no {kind}"
    subjects = {key for key in engine_by_key if key[0] == kind} | set(reference)
    for key in sorted(subjects):
        deviations, extra, missing = pair(engine_by_key.get(key, []), reference.get(key, []))
        assert not missing, f"{key}: the engine lost {missing}"
        assert not extra, f"{key}: the engine invented {extra}"
        worst = max(deviations, default=timedelta(0))
        assert worst <= TOLERANCE[kind], f"{key}: off by up to {worst}"


def test_counts_cover_each_shower_once_a_year(engine_by_key: dict[Key, list[datetime]]) -> None:
    showers = {key: times for key, times in engine_by_key.items() if key[0] == "meteor_shower"}
    assert len(showers) == 7
    for times in showers.values():
        assert sorted(t.year for t in times) == list(range(2025, 2036))


def test_lunar_eclipses_have_the_reference_types_and_contacts(
    decade: list[SkyEvent], de421: dict[str, Any]
) -> None:
    engine = [e for e in decade if e.kind is EventKind.LUNAR_ECLIPSE]
    reference = [row for row in de421["events"] if row["kind"] == "lunar_eclipse"]
    assert len(engine) == len(reference)
    for event, row in zip(engine, reference, strict=True):
        assert event.payload["type"] == row["type"]
        contacts = {name for name in row if name.endswith(("_begin", "_end"))}
        assert {name for name in event.payload if name.endswith(("_begin", "_end"))} == contacts
        for name in contacts:
            ours = datetime.fromisoformat(str(event.payload[name]))
            assert abs(ours - _instant(row[name])) <= CONTACT_TOLERANCE, (event.occurs_at, name)


@pytest.mark.parametrize("place", ["berlin", "sydney", "reykjavik"])
def test_rise_and_set_within_two_seconds(place: str, de421: dict[str, Any]) -> None:
    rows = [row for row in de421["rise_set"] if row["place"] == place]
    latitude, longitude, zone = de421["places"][place]
    days = rise_set_days(DECADE_START.date(), DECADE_END.date(), latitude, longitude, zone)
    for row in rows:
        ours = days[date.fromisoformat(row["date"])]
        for name in ("sunrise", "sunset", "moonrise", "moonset"):
            if row[name] is None:
                assert ours[name] is None, (row["date"], name)
                continue
            assert ours[name] is not None, (row["date"], name)
            gap = abs(datetime.fromisoformat(str(ours[name])) - _instant(row[name]))
            assert gap <= RISE_SET_TOLERANCE, (row["date"], name, gap)
