"""Finding a user's IANA timezone offline: by shared location or UTC offset."""

from datetime import UTC, datetime
from functools import cache

from timezonefinder import TimezoneFinder

from astro.zones import known_zones, resolve_zone

# Near a pole every meridian meets and a zone says nothing about the local clock.
POLAR_LATITUDE = 89.0
# Whole-hour offsets in use somewhere, UTC-12 to UTC+14.
UTC_OFFSETS = tuple(range(-12, 15))


def offset_zone(hours: int) -> str:
    """The Etc zone of a whole-hour offset (POSIX signs are inverted: UTC+3 is Etc/GMT-3)."""
    if hours not in UTC_OFFSETS:
        raise ValueError(f"no zone for UTC offset {hours}")
    return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"


def utc_offset_label(zone: str, now: datetime | None = None) -> str:
    """The zone's current offset as "UTC+5:30", "UTC-3" or "UTC"."""
    offset = (now or datetime.now(UTC)).astimezone(resolve_zone(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def is_known_zone(zone: str) -> bool:
    """True for an IANA zone this system knows (guards callback data against forgery)."""
    return zone in known_zones()


@cache
def _finder() -> TimezoneFinder:
    # Loading the boundary data takes a moment; do it once, on the first shared location.
    return TimezoneFinder()


def zone_at(latitude: float, longitude: float) -> str | None:
    """The timezone at a place, or None where none applies (near the poles)."""
    if abs(latitude) >= POLAR_LATITUDE:
        return None
    found = _finder().timezone_at(lng=longitude, lat=latitude)
    return found if found and is_known_zone(found) else None
