"""Send-time rules of personal reminders: lead, preferred local hour, quiet hours, odd zones."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from astro.errors import InvalidTimezoneError
from scheduler.timing import ReminderPrefs, reminder_time


def local(
    zone: str, year: int, month: int, day: int, hour: int, minute: int = 0, *, fold: int = 0
) -> datetime:
    """The UTC instant of a wall-clock time in `zone` (stored events are UTC, like these)."""
    wall = datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone), fold=fold)
    return wall.astimezone(UTC)


def utc(year: int, month: int, day: int, hour: int, minute: int = 0, second: int = 0) -> datetime:
    """An instant given in UTC."""
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


def test_without_preferences_the_reminder_is_the_lead_before_the_event() -> None:
    occurs_at = utc(2026, 6, 10, 20, 17, 42)
    sent = reminder_time(occurs_at, ReminderPrefs("Europe/Berlin", lead_minutes=90))
    assert sent == occurs_at - timedelta(minutes=90)


def test_preferred_hour_moves_the_reminder_within_its_local_day() -> None:
    # A day ahead of 22:00 in Berlin lands on 22:00 the evening before; 09:00 that day instead.
    occurs_at = local("Europe/Berlin", 2026, 6, 10, 22, 0)
    prefs = ReminderPrefs("Europe/Berlin", lead_minutes=1440, hour=9)
    assert reminder_time(occurs_at, prefs) == local("Europe/Berlin", 2026, 6, 9, 9, 0)


def test_preferred_hour_after_the_event_moves_to_the_day_before() -> None:
    # An hour before 07:00 is 06:00; 09:00 that day would be after the event.
    occurs_at = local("Europe/Berlin", 2026, 6, 10, 7, 0)
    prefs = ReminderPrefs("Europe/Berlin", lead_minutes=60, hour=9)
    assert reminder_time(occurs_at, prefs) == local("Europe/Berlin", 2026, 6, 9, 9, 0)


@pytest.mark.parametrize(
    ("due_hour", "quiet"),
    [(21, False), (22, True), (23, True), (0, True), (6, True), (7, False), (12, False)],
)
def test_quiet_hours_that_wrap_midnight(due_hour: int, quiet: bool) -> None:
    # Quiet 22-07: 22:00 is quiet, 07:00 is not; the event is well after the quiet span.
    occurs_at = local("Asia/Tokyo", 2026, 6, 12, 12, 0)
    due = local("Asia/Tokyo", 2026, 6, 11, due_hour, 30)
    lead = int((occurs_at - due).total_seconds() // 60)
    prefs = ReminderPrefs("Asia/Tokyo", lead, quiet_start=22, quiet_end=7)
    sent = reminder_time(occurs_at, prefs)
    if not quiet:
        assert sent == due
        return
    # Moved to the end of that night's quiet span: 07:00 on the 12th after a late evening,
    # 07:00 the same morning after midnight.
    assert sent == local("Asia/Tokyo", 2026, 6, 12 if due_hour >= 22 else 11, 7, 0)


def test_quiet_hours_ending_after_the_event_move_the_reminder_before_they_begin() -> None:
    # Due 00:30, quiet until 07:00, but the event is at 01:30: remind at 21:59 the evening before.
    occurs_at = local("Europe/Berlin", 2026, 6, 11, 1, 30)
    prefs = ReminderPrefs("Europe/Berlin", 60, quiet_start=22, quiet_end=7)
    assert reminder_time(occurs_at, prefs) == local("Europe/Berlin", 2026, 6, 10, 21, 59)


def test_quiet_hours_within_one_day_and_empty_quiet_hours() -> None:
    occurs_at = local("Europe/Paris", 2026, 6, 10, 20, 0)
    lunch = ReminderPrefs("Europe/Paris", 330, quiet_start=13, quiet_end=15)  # due 14:30
    assert reminder_time(occurs_at, lunch) == local("Europe/Paris", 2026, 6, 10, 15, 0)
    empty = ReminderPrefs("Europe/Paris", 330, quiet_start=13, quiet_end=13)
    assert reminder_time(occurs_at, empty) == local("Europe/Paris", 2026, 6, 10, 14, 30)


@pytest.mark.parametrize(
    ("zone", "spring_forward", "offset_before", "offset_after"),
    [
        ("Europe/Berlin", (2026, 3, 29), 1, 2),
        ("America/New_York", (2026, 3, 8), -5, -4),
    ],
)
def test_nine_oclock_on_the_spring_forward_day(
    zone: str, spring_forward: tuple[int, int, int], offset_before: int, offset_after: int
) -> None:
    year, month, day = spring_forward
    occurs_at = local(zone, year, month, day, 21, 0)
    prefs = ReminderPrefs(zone, lead_minutes=60, hour=9)
    sent = reminder_time(occurs_at, prefs)
    # 09:00 on the wall clock, which is one hour less after UTC than the day before.
    assert sent == utc(year, month, day, 9 - offset_after)
    assert sent.astimezone(ZoneInfo(zone)).hour == 9
    day_before = reminder_time(occurs_at - timedelta(days=1), prefs)
    assert day_before == utc(year, month, day - 1, 9 - offset_before)


def test_a_preferred_hour_the_clocks_skip_goes_out_when_they_resume() -> None:
    # New York has no 02:00 on 2026-03-08: the clocks go from 01:59 EST to 03:00 EDT.
    occurs_at = local("America/New_York", 2026, 3, 8, 21, 0)
    sent = reminder_time(occurs_at, ReminderPrefs("America/New_York", 60, hour=2))
    assert sent == utc(2026, 3, 8, 7, 0)
    assert sent.astimezone(ZoneInfo("America/New_York")).hour == 3


def test_a_preferred_hour_that_happens_twice_is_sent_at_the_first() -> None:
    # New York sees 01:00 twice on 2026-11-01 (EDT, then EST): the reminder goes at the first.
    occurs_at = local("America/New_York", 2026, 11, 1, 21, 0)
    sent = reminder_time(occurs_at, ReminderPrefs("America/New_York", 60, hour=1))
    assert sent == local("America/New_York", 2026, 11, 1, 1, 0, fold=0)
    assert sent == utc(2026, 11, 1, 5, 0)


@pytest.mark.parametrize(
    ("zone", "utc_hour", "utc_minute"),
    [("Asia/Kolkata", 3, 30), ("Asia/Kathmandu", 3, 15)],
)
def test_half_and_quarter_hour_zones(zone: str, utc_hour: int, utc_minute: int) -> None:
    occurs_at = utc(2026, 6, 10, 16, 0)
    sent = reminder_time(occurs_at, ReminderPrefs(zone, lead_minutes=60, hour=9))
    assert sent == utc(2026, 6, 10, utc_hour, utc_minute)
    assert (sent.astimezone(ZoneInfo(zone)).hour, sent.astimezone(ZoneInfo(zone)).minute) == (9, 0)
    # Quiet hours end on the local hour too: 23:00 local moves to 07:00 local the next morning.
    late = local(zone, 2026, 6, 10, 23, 0)
    prefs = ReminderPrefs(zone, lead_minutes=12 * 60, quiet_start=22, quiet_end=7)
    assert reminder_time(late + timedelta(hours=12), prefs) == local(zone, 2026, 6, 11, 7, 0)


def test_the_local_day_decides_across_the_date_line() -> None:
    # 12:00 UTC on 10 June is 02:00 on 11 June in Kiritimati (UTC+14): an hour before is
    # 01:00 on the 11th, 09:00 that local day would be after the event, so 09:00 on the 10th.
    occurs_at = utc(2026, 6, 10, 12, 0)
    sent = reminder_time(occurs_at, ReminderPrefs("Pacific/Kiritimati", 60, hour=9))
    assert sent == local("Pacific/Kiritimati", 2026, 6, 10, 9, 0)
    assert sent == utc(2026, 6, 9, 19, 0)
    # The same instant in Pago Pago (UTC-11) is 01:00 on the 10th: 09:00 on the 9th there.
    pago = reminder_time(occurs_at, ReminderPrefs("Pacific/Pago_Pago", 60, hour=9))
    assert pago == utc(2026, 6, 9, 20, 0)


def test_an_unknown_time_zone_is_a_clear_error() -> None:
    with pytest.raises(InvalidTimezoneError):
        reminder_time(utc(2026, 6, 10, 12), ReminderPrefs("Mars/Olympus_Mons", 60, hour=9))
