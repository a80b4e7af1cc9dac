"""The iCalendar export parses back, keeps stable UIDs and carries alarms."""

import uuid
from datetime import UTC, datetime, timedelta

from icalendar import Calendar

from astro.events import SkyEvent, compute_events
from astro.kinds import EventKind
from core.event_text import event_title, one_entry_per_moon
from core.i18n import I18n
from core.ics import build_calendar, event_uid
from models import AstroEvent

START = datetime(2027, 8, 1, tzinfo=UTC)
END = datetime(2027, 8, 31, tzinfo=UTC)


def test_calendar_round_trips_with_localized_titles_and_alarms() -> None:
    # A supermoon and the full moon it sizes are one entry.
    events = one_entry_per_moon(compute_events(START, END))
    tr = I18n.load().get("de")
    data = build_calendar(events, tr, "Europe/Berlin", hemisphere="north", alarm_minutes=[60, 15])
    calendar = Calendar.from_ical(data)
    entries = calendar.walk("VEVENT")
    assert len(entries) == len(events)
    assert str(calendar["version"]) == "2.0"
    uids = [str(entry["uid"]) for entry in entries]
    assert len(set(uids)) == len(uids)
    eclipse = next(
        entry
        for entry, event in zip(entries, events, strict=True)
        if event.kind is EventKind.SOLAR_ECLIPSE
    )
    assert "Sonnenfinsternis" in str(eclipse["summary"])
    assert eclipse.decoded("dtstart") == next(
        e.occurs_at for e in events if e.kind is EventKind.SOLAR_ECLIPSE
    )
    triggers = sorted(alarm.decoded("trigger") for alarm in eclipse.walk("VALARM"))
    assert triggers == [timedelta(minutes=-60), timedelta(minutes=-15)]


def test_uids_survive_a_recomputation_that_moves_events_by_seconds() -> None:
    events = compute_events(START, END, [EventKind.FULL_MOON])
    moved = [
        type(e)(e.kind, e.subject, e.occurs_at + timedelta(seconds=20), e.payload) for e in events
    ]
    tr = I18n.load().get("en")
    stamp = datetime(2027, 1, 1, tzinfo=UTC)

    def uids(items: list[SkyEvent]) -> list[str]:
        data = build_calendar(items, tr, "UTC", hemisphere="north", stamp=stamp)
        return [str(entry["uid"]) for entry in Calendar.from_ical(data).walk("VEVENT")]

    assert uids(events) == uids(moved)


def test_stored_events_are_named_by_their_id() -> None:
    stored = AstroEvent(
        id=uuid.UUID("12345678-1234-5678-1234-567812345678"),
        kind="full_moon",
        subject="",
        occurs_at=datetime(2027, 1, 22, 23, 59, 50, tzinfo=UTC),
        payload={},
        significance=50.0,
    )
    assert event_uid(stored) == "12345678-1234-5678-1234-567812345678@starscalendars"


def test_a_supermoon_is_one_entry_with_its_full_moon() -> None:
    start, end = datetime(2026, 12, 20, tzinfo=UTC), datetime(2026, 12, 28, tzinfo=UTC)
    events = compute_events(start, end, {EventKind.FULL_MOON, EventKind.SUPERMOON})
    # The ephemeris gives both at the same instant (356,738 km on 24 December 2026).
    assert sorted(str(e.kind) for e in events) == ["full_moon", "supermoon"]
    assert len({e.occurs_at for e in events}) == 1
    en = I18n.load().get("en")
    entries = Calendar.from_ical(build_calendar(events, en, "UTC", hemisphere="north")).walk(
        "VEVENT"
    )
    supermoon = next(e for e in events if e.kind is EventKind.SUPERMOON)
    title = event_title(en, supermoon.kind, supermoon.subject, supermoon.payload, "north")
    assert [str(entry["summary"]) for entry in entries] == [title]
