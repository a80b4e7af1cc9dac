"""Instants between aware datetimes (UTC), skyfield times and astronomy-engine times.

UTC is skyfield's: leap seconds from its built-in table and ΔT = TT − UT1 from the IERS
(measured, then its long-term predictions); astronomy-engine is only handed TT.
"""

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Final

import astronomy
from skyfield.timelib import Time

from astro.ephemeris import timescale
from astro.errors import DateOutOfRangeError, InvalidDateRangeError

# DE421 covers 1899-07-29 to 2053-10-09; whole years inside it, with room for search margins.
FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2052
SUPPORTED_YEARS: Final = f"{FIRST_YEAR}–{LAST_YEAR}"
_J2000_TT: Final = 2451545.0


def delta_t(year: float) -> float:
    """TT − UT1 in seconds at a decimal year (skyfield's IERS table and predictions)."""
    return float(timescale().J(year).delta_t)


def to_sky(moment: datetime) -> Time:
    """The skyfield time of an aware datetime."""
    ensure_supported(moment)
    return timescale().from_datetime(moment.astimezone(UTC))


def to_sky_many(moments: Sequence[datetime]) -> Time:
    """The skyfield times (one array) of aware datetimes."""
    for moment in moments:
        ensure_supported(moment)
    return timescale().from_datetimes([moment.astimezone(UTC) for moment in moments])


def sky_to_datetime(time: Time) -> datetime:
    """The aware UTC datetime of a (scalar) skyfield time, rounded to the second."""
    return _to_second(time.utc_datetime())


def sky_to_datetimes(times: Time) -> list[datetime]:
    """The aware UTC datetimes of an array of skyfield times, each rounded to the second."""
    return [_to_second(moment) for moment in times.utc_datetime()]


def _to_second(moment: datetime) -> datetime:
    return (moment + timedelta(microseconds=500_000)).replace(microsecond=0)


def to_time(moment: datetime) -> astronomy.Time:
    """The astronomy-engine time of an aware datetime (same TT as skyfield's)."""
    return engine_time(to_sky(moment))


def engine_time(time: Time) -> astronomy.Time:
    """The astronomy-engine time of a (scalar) skyfield time (by TT)."""
    return astronomy.Time.FromTerrestrialTime(float(time.tt) - _J2000_TT)


def engine_to_sky(time: astronomy.Time) -> Time:
    """The skyfield time of an astronomy-engine time (by TT)."""
    return timescale().tt_jd(float(time.tt) + _J2000_TT)


def to_datetime(time: astronomy.Time) -> datetime:
    """The aware UTC datetime of an astronomy-engine time, rounded to the second."""
    return sky_to_datetime(engine_to_sky(time))


def ensure_supported(moment: datetime) -> None:
    """Reject naive datetimes and dates outside the ephemeris' years."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidDateRangeError("naive datetime", value=moment.isoformat())
    if not FIRST_YEAR <= moment.astimezone(UTC).year <= LAST_YEAR:
        raise DateOutOfRangeError(
            f"{moment.date().isoformat()} is outside {FIRST_YEAR}-{LAST_YEAR}",
            value=moment.date().isoformat(),
            first_year=FIRST_YEAR,
            last_year=LAST_YEAR,
            supported=SUPPORTED_YEARS,
        )


def ensure_window(start: datetime, end: datetime) -> None:
    """Reject a time window that is unsupported or ends before it starts."""
    ensure_supported(start)
    ensure_supported(end)
    if end < start:
        raise InvalidDateRangeError(
            f"{end.isoformat()} is before {start.isoformat()}",
            value=end.isoformat(),
            start=start.isoformat(),
        )
