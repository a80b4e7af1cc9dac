"""iCalendar (RFC 5545) export of sky events, shared by the CLI and the web feed."""

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from astro.local import EventLike
from astro.zones import resolve_zone
from core.event_text import (
    event_description,
    event_details,
    event_title,
    one_entry_per_moon,
)
from core.i18n import Translator

PRODUCT_ID = "-//StarsCalendars//Sky events//EN"
UID_DOMAIN = "starscalendars"


def event_uid(event: EventLike) -> str:
    """A UID that survives recomputation, so calendar apps update an event instead of adding one.

    A stored event keeps its database id when the horizon job moves it by seconds, even across
    UTC midnight; a computed one (the CLI) is named by kind, subject and UTC day, since one
    kind and subject happen at most once a day.
    """
    stored_id = getattr(event, "id", None)
    if stored_id is not None:
        return f"{stored_id}@{UID_DOMAIN}"
    subject = event.subject or "sky"
    return f"{event.kind}-{subject}-{event.occurs_at.astimezone(UTC):%Y%m%d}@{UID_DOMAIN}"


def build_calendar(
    events: Iterable[EventLike],
    tr: Translator,
    timezone: str,
    *,
    hemisphere: str,
    alarm_minutes: Sequence[int] = (),
    name: str = "StarsCalendars",
    stamp: datetime | None = None,
    picture_url: Callable[[EventLike], str | None] | None = None,
) -> bytes:
    """A calendar of the events, titled in the translator's language, with optional alarms.

    `picture_url` gives the address of an event's picture (None: it has none); calendar apps
    show it as an attachment (ATTACH) or an image (RFC 7986 IMAGE).
    """
    resolve_zone(timezone)
    generated = stamp or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone)
    for event in one_entry_per_moon(events):
        title = event_title(tr, event.kind, event.subject, event.payload, hemisphere)
        description = "\n".join(
            part
            for part in (
                tr.format_datetime(event.occurs_at, timezone),
                event_description(tr, event.kind, event.subject, event.payload, hemisphere),
                event_details(tr, event.kind, event.payload),
            )
            if part
        )
        entry = Event()
        entry.add("uid", event_uid(event))
        entry.add("dtstamp", generated)
        # Sky events are instants: stored in UTC, shown by each app in its user's zone.
        entry.add("dtstart", event.occurs_at.astimezone(UTC))
        entry.add("summary", title)
        entry.add("description", description)
        entry.add("transp", "TRANSPARENT")
        url = picture_url(event) if picture_url is not None else None
        if url is not None:
            entry.add("attach", url, parameters={"FMTTYPE": "image/png"})
            entry.add("image", url, parameters={"VALUE": "URI", "DISPLAY": "FULLSIZE"})
        for minutes in alarm_minutes:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", title)
            alarm.add("trigger", -timedelta(minutes=minutes))
            entry.add_component(alarm)
        calendar.add_component(entry)
    return bytes(calendar.to_ical())
