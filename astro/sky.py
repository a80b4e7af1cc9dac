"""Apparent geocentric positions on DE421 and searches that cannot step over an event.

Every search samples at a fixed step well below the shortest interval between two events of
its kind, so no event is skipped whatever the window, and refines each one to a quarter of a
second on a lattice of instants shared by all windows, so every window rounds it alike.
"""

from collections.abc import Callable
from functools import cache
from typing import Final

import numpy as np
from numpy.typing import NDArray
from skyfield.framelib import ecliptic_frame
from skyfield.nutationlib import iau2000b_radians
from skyfield.positionlib import Apparent
from skyfield.searchlib import _find_discrete
from skyfield.timelib import Time
from skyfield.vectorlib import VectorSum

from astro.ephemeris import ephemeris, timescale

Values = NDArray[np.float64]
Curve = Callable[[Time], Values]
EPSILON_DAYS: Final = 0.25 / 86400.0
# Subdivisions per refining pass: more points per vectorized call, fewer calls.
_SUBDIVISIONS: Final = 12
_ORIGIN_TT: Final = 2451545.0
# Half the interval over which a slope is measured: short enough that the sign change lies
# within a second of a flat extremum, long enough to stay far above rounding noise.
_SLOPE_DAYS: Final = 1e-4
# DE421 names: Mars and beyond only as barycentres, which is where their light comes from
# to well under an arcsecond.
TARGETS: Final = {
    "sun": "sun",
    "moon": "moon",
    "mercury": "mercury",
    "venus": "venus",
    "mars": "mars barycenter",
    "jupiter": "jupiter barycenter",
    "saturn": "saturn barycenter",
    "uranus": "uranus barycenter",
    "neptune": "neptune barycenter",
}


# Light passing the Sun bends by up to 1.75": that moves a planet's conjunction by seconds;
# Jupiter's and Saturn's pull and any bending of the Sun's or Moon's light do not.
_DEFLECTORS: Final = {"sun": (), "moon": ()}
_SUN_ONLY: Final = (10,)


def fast(time: Time) -> Time:
    """The time with IAU 2000B nutation (1 mas from 2000A, 50 times cheaper), as almanac does."""
    if "_nutation_angles_radians" not in time.__dict__:
        time._nutation_angles_radians = iau2000b_radians(time)
    return time


@cache
def body(name: str) -> VectorSum:
    """A body's DE421 position as a vector sum (built once: building one is not cheap)."""
    return ephemeris()[TARGETS.get(name, name)]


def apparent(name: str, time: Time) -> Apparent:
    """Apparent geocentric position of the Sun, Moon or a planet (light time, aberration)."""
    astrometric = body("earth").at(fast(time)).observe(body(name))
    return astrometric.apparent(_DEFLECTORS.get(name, _SUN_ONLY))


def ecliptic_longitude(name: str, time: Time) -> Values:
    """Apparent longitude on the true ecliptic and equinox of date, degrees."""
    _lat, lon, _distance = apparent(name, time).frame_latlon(ecliptic_frame)
    return np.asarray(lon.degrees, dtype=np.float64)


def longitude_gap(first: str, second: str) -> Curve:
    """The first body's apparent ecliptic longitude minus the second's, degrees."""

    def gap(time: Time) -> Values:
        return ecliptic_longitude(first, time) - ecliptic_longitude(second, time)

    return gap


def _grid(start: Time, end: Time, step_days: float) -> NDArray[np.float64]:
    """Sample instants on one fixed lattice of TT, so any window refines the same brackets."""
    first = np.floor((start.tt - _ORIGIN_TT) / step_days) - 1.0
    last = np.ceil((end.tt - _ORIGIN_TT) / step_days) + 1.0
    return _ORIGIN_TT + step_days * np.arange(first, last + 1.0)


def changes(
    step: Callable[[Time], NDArray[np.int64]], start: Time, end: Time, step_days: float
) -> tuple[Time, NDArray[np.int64]]:
    """Instants a step function of time changes value (and its new values), around a window.

    skyfield's find_discrete spreads its samples over the window it is given, so the same
    event would be refined from other brackets in another window and could round to another
    second; its core is handed samples on a fixed lattice instead.
    """
    times, values = _find_discrete(
        timescale(), _grid(start, end, step_days), step, EPSILON_DAYS, _SUBDIVISIONS
    )
    return times, np.asarray(values, dtype=np.int64)


def crossings(
    angle: Curve, parts: int, start: Time, end: Time, step_days: float
) -> list[tuple[Time, int]]:
    """Instants an angle (degrees) passes a multiple k of 360/parts, with that k."""
    size = 360.0 / parts

    def sector(time: Time) -> NDArray[np.int64]:
        return np.floor_divide(angle(time) % 360.0, size).astype(np.int64)

    times, _ = changes(sector, start, end, step_days)
    if len(times) == 0:
        return []
    multiples = np.rint((angle(times) % 360.0) / size).astype(np.int64) % parts
    return [(times[i], int(multiples[i])) for i in range(len(times))]


def extrema(curve: Curve, start: Time, end: Time, step_days: float) -> list[tuple[Time, bool]]:
    """Local maxima (True) and minima (False) of a smooth curve: where its slope changes sign."""
    scale = timescale()

    def rising(time: Time) -> NDArray[np.int64]:
        later = curve(scale.tt_jd(time.tt + _SLOPE_DAYS))
        earlier = curve(scale.tt_jd(time.tt - _SLOPE_DAYS))
        return (later > earlier).astype(np.int64)

    times, values = changes(rising, start, end, step_days)
    return [(times[i], not bool(values[i])) for i in range(len(times))]
