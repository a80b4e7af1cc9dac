"""The events engine's contract: ordering, filtering, payloads, definitions and bad input."""

import json
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest

from astro.errors import DateOutOfRangeError, InvalidDateRangeError, UnknownEventKindError
from astro.events import JSONValue, SkyEvent, compute_events, parse_kinds
from astro.kinds import Body, EventKind, MeteorShower
from astro.moon import MICROMOON_MIN_KM, SUPERMOON_MAX_KM

YEAR_START = datetime(2027, 1, 1, tzinfo=UTC)
YEAR_END = datetime(2027, 12, 31, 23, 59, 59, tzinfo=UTC)


def _number(value: JSONValue) -> float:
    assert isinstance(value, int | float)
    return float(value)


@pytest.fixture(scope="module")
def year_2027() -> list[SkyEvent]:
    """Every event of 2027, computed once for the module."""
    return compute_events(YEAR_START, YEAR_END)


def test_year_is_sorted_within_window_and_json_ready(year_2027: list[SkyEvent]) -> None:
    instants = [event.occurs_at for event in year_2027]
    assert instants == sorted(instants)
    assert all(YEAR_START <= instant <= YEAR_END for instant in instants)
    assert all(instant.utcoffset() == timedelta(0) for instant in instants)
    assert all(0.0 <= event.significance <= 100.0 for event in year_2027)
    json.dumps([event.payload for event in year_2027])


def test_every_kind_appears_in_a_year(year_2027: list[SkyEvent]) -> None:
    assert {event.kind for event in year_2027} == set(EventKind)


def test_subjects_are_bodies_or_showers(year_2027: list[SkyEvent]) -> None:
    allowed = {""} | {body.value for body in Body} | {shower.value for shower in MeteorShower}
    assert {event.subject for event in year_2027} <= allowed
    showers = {e.subject for e in year_2027 if e.kind is EventKind.METEOR_SHOWER}
    assert showers == {shower.value for shower in MeteorShower}


def test_lunations_have_four_phases_in_order(year_2027: list[SkyEvent]) -> None:
    cycle = [
        EventKind.NEW_MOON,
        EventKind.FIRST_QUARTER,
        EventKind.FULL_MOON,
        EventKind.LAST_QUARTER,
    ]
    phases = [event for event in year_2027 if event.kind in cycle]
    for previous, current in pairwise(phases):
        assert cycle.index(current.kind) == (cycle.index(previous.kind) + 1) % 4
        assert timedelta(days=5.5) < current.occurs_at - previous.occurs_at < timedelta(days=8.5)
    full = [event for event in phases if event.kind is EventKind.FULL_MOON]
    assert all(_number(event.payload["illumination"]) > 0.99 for event in full)
    assert {event.payload["zodiac_sign"] for event in full} <= {
        "aries", "taurus", "gemini", "cancer", "leo", "virgo",
        "libra", "scorpio", "sagittarius", "capricorn", "aquarius", "pisces",
    }  # fmt: skip


def test_supermoons_and_micromoons_follow_the_distance_definition(
    year_2027: list[SkyEvent],
) -> None:
    by_instant = {
        event.occurs_at: event
        for event in year_2027
        if event.kind in (EventKind.NEW_MOON, EventKind.FULL_MOON)
    }
    for instant, phase in by_instant.items():
        kinds = {e.kind for e in year_2027 if e.occurs_at == instant}
        distance = _number(phase.payload["distance_km"])
        assert (EventKind.SUPERMOON in kinds) == (distance <= SUPERMOON_MAX_KM)
        assert (EventKind.MICROMOON in kinds) == (distance >= MICROMOON_MIN_KM)


def test_planet_payloads_carry_the_contract_keys(year_2027: list[SkyEvent]) -> None:
    for event in year_2027:
        if event.kind is EventKind.GREATEST_ELONGATION:
            assert event.payload["direction"] in ("east", "west")
            assert 17.0 < _number(event.payload["elongation_deg"]) < 48.0
        if event.kind is EventKind.SOLAR_CONJUNCTION and event.subject in ("mercury", "venus"):
            assert event.payload["conjunction"] in ("inferior", "superior")
        if event.kind is EventKind.MOON_CONJUNCTION:
            assert _number(event.payload["separation_deg"]) <= 5.0


def test_lunar_eclipse_contacts_bracket_the_peak(year_2027: list[SkyEvent]) -> None:
    eclipses = [event for event in year_2027 if event.kind is EventKind.LUNAR_ECLIPSE]
    assert eclipses
    for event in eclipses:
        begin = datetime.fromisoformat(str(event.payload["penumbral_begin"]))
        end = datetime.fromisoformat(str(event.payload["penumbral_end"]))
        assert begin < event.occurs_at < end


def test_kind_filter_returns_only_those_kinds() -> None:
    events = compute_events(YEAR_START, YEAR_END, [EventKind.FULL_MOON, EventKind.OPPOSITION])
    assert {event.kind for event in events} == {EventKind.FULL_MOON, EventKind.OPPOSITION}


def test_a_window_edge_is_exact() -> None:
    (full,) = compute_events(
        datetime(2027, 1, 15, tzinfo=UTC), datetime(2027, 2, 5, tzinfo=UTC), [EventKind.FULL_MOON]
    )
    assert compute_events(full.occurs_at, full.occurs_at, [EventKind.FULL_MOON]) == [full]
    after = full.occurs_at + timedelta(seconds=1)
    assert compute_events(after, after + timedelta(days=1), [EventKind.FULL_MOON]) == []


def test_unknown_kind_is_named() -> None:
    with pytest.raises(UnknownEventKindError) as caught:
        parse_kinds(["full_moon", "blue_moon"])
    assert caught.value.data["value"] == "blue_moon"
    assert caught.value.code == "unknown_event_kind"


@pytest.mark.parametrize("year", [1800, 2300])
def test_dates_out_of_range_are_named(year: int) -> None:
    start = datetime(year, 1, 1, tzinfo=UTC)
    with pytest.raises(DateOutOfRangeError) as caught:
        compute_events(start, start + timedelta(days=1))
    assert caught.value.data["value"] == f"{year}-01-01"


def test_reversed_or_naive_window_is_rejected() -> None:
    with pytest.raises(InvalidDateRangeError):
        compute_events(YEAR_END, YEAR_START)
    with pytest.raises(InvalidDateRangeError):
        compute_events(datetime(2027, 1, 1), YEAR_END)  # noqa: DTZ001
