"""When a personal reminder goes out: lead time, preferred local hour and quiet hours."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from core.i18n import resolve_timezone


@dataclass(frozen=True, slots=True)
class ReminderPrefs:
    """The preferences that decide a reminder's time (users sharing them share the time)."""

    timezone: str
    lead_minutes: int
    hour: int | None = None
    quiet_start: int | None = None
    quiet_end: int | None = None


def reminder_time(occurs_at: datetime, prefs: ReminderPrefs) -> datetime:
    """The UTC instant of a reminder `prefs.lead_minutes` before the event.

    With a preferred hour the reminder moves to that local hour on the same local day (the day
    before when that would come after the event). A time inside quiet hours moves to their end,
    unless that is after the event: then it moves back to their start.
    """
    zone = resolve_timezone(prefs.timezone)
    due = occurs_at - timedelta(minutes=prefs.lead_minutes)
    if prefs.hour is not None:
        due = _at_local_hour(due, prefs.hour, zone)
        if due > occurs_at:
            due = _at_local_hour(due - timedelta(days=1), prefs.hour, zone)
    if prefs.quiet_start is None or prefs.quiet_end is None:
        return due
    return _outside_quiet_hours(due, occurs_at, prefs.quiet_start, prefs.quiet_end, zone)


def _at_local_hour(instant: datetime, hour: int, zone: ZoneInfo) -> datetime:
    local = instant.astimezone(zone)
    wall = local.replace(hour=hour, minute=0, second=0, microsecond=0, tzinfo=None)
    # Wall-clock arithmetic, then back through the zone: DST days keep the local hour.
    return wall.replace(tzinfo=zone).astimezone(instant.tzinfo)


def _outside_quiet_hours(
    due: datetime, occurs_at: datetime, start: int, end: int, zone: ZoneInfo
) -> datetime:
    if start == end:
        return due
    hour = due.astimezone(zone).hour
    quiet = start <= hour < end if start < end else hour >= start or hour < end
    if not quiet:
        return due
    # The quiet span containing `due` ends at the next `end` o'clock and began at the last `start`.
    after = _at_local_hour(due, end, zone)
    if after <= due:
        after = _at_local_hour(due + timedelta(days=1), end, zone)
    if after <= occurs_at:
        return after
    before = _at_local_hour(due, start, zone)
    if before > due:
        before = _at_local_hour(due - timedelta(days=1), start, zone)
    return before - timedelta(minutes=1)
