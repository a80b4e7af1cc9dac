"""Conversions between aware datetimes (UTC) and astronomy-engine times, with a measured ΔT."""

from bisect import bisect_right
from datetime import UTC, datetime, timedelta
from typing import Final

import astronomy

from astro.errors import DateOutOfRangeError, InvalidDateRangeError

FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2199
_J2000: Final = datetime(2000, 1, 1, 12, tzinfo=UTC)
_DAYS_PER_YEAR: Final = 365.25

# TT - UT1 in seconds on 1 January of each year, as measured by the IERS (USNO "deltat.data",
# https://maia.usno.navy.mil/ser7/deltat.data). astronomy-engine's Espenak-Meeus polynomial
# runs 4-5 s ahead of these in the 2020s, which moves every UT instant by as much.
_MEASURED_DELTA_T: Final = (
    (2000, 63.83), (2001, 64.09), (2002, 64.30), (2003, 64.47), (2004, 64.57),
    (2005, 64.69), (2006, 64.85), (2007, 65.15), (2008, 65.46), (2009, 65.78),
    (2010, 66.07), (2011, 66.32), (2012, 66.60), (2013, 66.91), (2014, 67.28),
    (2015, 67.64), (2016, 68.10), (2017, 68.59), (2018, 68.97), (2019, 69.22),
    (2020, 69.36), (2021, 69.36), (2022, 69.29), (2023, 69.20), (2024, 69.18),
    (2025, 69.14),
)  # fmt: skip
_YEARS: Final = tuple(float(year) for year, _ in _MEASURED_DELTA_T)


def _polynomial_delta_t(year: float) -> float:
    days = (year - 2000.0) * _DAYS_PER_YEAR
    return float(astronomy.DeltaT_EspenakMeeus(days))


def delta_t(year: float) -> float:
    """TT - UT in seconds at a decimal year: measured values, the polynomial around them."""
    first_year = _MEASURED_DELTA_T[0][0]
    last_year, last_value = _MEASURED_DELTA_T[-1]
    if year < first_year:
        return _polynomial_delta_t(year)
    if year >= last_year:
        # Continue the polynomial's trend from the last measurement, without a jump.
        return last_value + _polynomial_delta_t(year) - _polynomial_delta_t(last_year)
    index = bisect_right(_YEARS, year) - 1
    (year0, value0), (year1, value1) = _MEASURED_DELTA_T[index], _MEASURED_DELTA_T[index + 1]
    return value0 + (value1 - value0) * (year - year0) / (year1 - year0)


def _decimal_year(days_since_j2000: float) -> float:
    return 2000.0 + days_since_j2000 / _DAYS_PER_YEAR


def to_time(moment: datetime) -> astronomy.Time:
    """The astronomy-engine time of an aware datetime."""
    ensure_supported(moment)
    ut = (moment - _J2000) / timedelta(days=1)
    return astronomy.Time.FromTerrestrialTime(ut + delta_t(_decimal_year(ut)) / 86400.0)


def to_datetime(time: astronomy.Time) -> datetime:
    """The aware UTC datetime of an astronomy-engine time, rounded to the second."""
    tt = float(time.tt)
    ut = tt - delta_t(_decimal_year(tt)) / 86400.0
    seconds = round(ut * 86400.0)
    return _J2000 + timedelta(seconds=seconds)


def ensure_supported(moment: datetime) -> None:
    """Reject naive datetimes and dates outside the supported years."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidDateRangeError("naive datetime", value=moment.isoformat())
    if not FIRST_YEAR <= moment.astimezone(UTC).year <= LAST_YEAR:
        raise DateOutOfRangeError(
            f"{moment.date().isoformat()} is outside {FIRST_YEAR}-{LAST_YEAR}",
            value=moment.date().isoformat(),
            first_year=FIRST_YEAR,
            last_year=LAST_YEAR,
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
