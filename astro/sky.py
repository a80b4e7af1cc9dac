"""Apparent geocentric positions on DE421 and searches that cannot step over an event.

Every search samples at a fixed step well below the shortest interval between two events of
its kind, on one lattice of instants shared by all windows, so no event is skipped whatever
the window; each bracket is then solved on its own (Newton steps on the continuous curve, or
subdivision for step functions), so every window finds and rounds an event alike.
"""

from collections.abc import Callable, Sequence
from functools import cache
from typing import Final

import numpy as np
from numpy.typing import NDArray
from skyfield.framelib import ecliptic_frame
from skyfield.positionlib import Apparent
from skyfield.timelib import Time
from skyfield.vectorlib import VectorSum

from astro.ephemeris import ephemeris, timescale
from astro.skyfield_private import discrete_changes, with_fast_nutation

Values = NDArray[np.float64]
Curve = Callable[[Time], Values]
EPSILON_DAYS: Final = 0.25 / 86400.0
# Subdivisions per refining pass: more points per vectorized call, fewer calls.
_SUBDIVISIONS: Final = 12
_ORIGIN_TT: Final = 2451545.0
# Half the interval over which a slope is measured: short enough that the sign change lies
# within a second of a flat extremum, long enough to stay far above rounding noise.
_SLOPE_DAYS: Final = 1e-4
# Newton steps from a bracket's linear guess: the first leaves minutes, the second under a
# second, the third microseconds, for every kind's step and curvature.
_NEWTON_STEPS: Final = 3
_DERIVATIVE_DAYS: Final = 1e-5
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


# No light deflection: the Sun bends a planet's light by at most 1.75" at its limb (a
# conjunction's instant by under 45 s, within its 60 s), far less anywhere else, and behind
# the Sun's disc skyfield's deflection formula diverges (tens of minutes at a conjunction).
_NO_DEFLECTORS: Final = ()


@cache
def body(name: str) -> VectorSum:
    """A body's DE421 position as a vector sum (built once: building one is not cheap)."""
    return ephemeris()[TARGETS.get(name, name)]


def apparent(name: str, time: Time) -> Apparent:
    """Apparent geocentric position of the Sun, Moon or a planet (light time, aberration)."""
    astrometric = body("earth").at(with_fast_nutation(time)).observe(body(name))
    return astrometric.apparent(_NO_DEFLECTORS)


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
    """Instants a step function of time changes value (and its new values), around a window."""
    return discrete_changes(
        timescale(), _grid(start, end, step_days), step, EPSILON_DAYS, _SUBDIVISIONS
    )


def _wrapped(degrees: Values) -> Values:
    """An angle into [-180, 180)."""
    return np.asarray((degrees + 180.0) % 360.0 - 180.0, dtype=np.float64)


def _newton(
    offset: Callable[[NDArray[np.float64]], Values],
    low: NDArray[np.float64],
    high: NDArray[np.float64],
    below: Values,
    above: Values,
) -> Time:
    """Roots of offset(tt) (one per bracket [low, high], where it changes sign from `below` to
    `above`), all brackets at once: a linear guess, then a fixed number of Newton steps.
    Only for curves smooth across their bracket (angles passing a value).

    `offset` takes the instants twice over (each, then each a moment later) in one vectorized
    call. Every root depends only on its own bracket, so on no window.
    """
    tt = low + (high - low) * below / (below - above)
    count = len(tt)
    for _ in range(_NEWTON_STEPS):
        both = offset(np.concatenate([tt, tt + _DERIVATIVE_DAYS]))
        slope = (both[count:] - both[:count]) / _DERIVATIVE_DAYS
        tt = np.clip(tt - both[:count] / slope, low, high)
    return timescale().tt_jd(tt)


def crossings(
    angle: Curve, parts: int, start: Time, end: Time, step_days: float
) -> list[tuple[Time, int]]:
    """Instants an angle (degrees) passes a multiple k of 360/parts, with that k."""
    return [(time, k) for time, k, _ in passages(angle, (0.0,), parts, (start, end), step_days)]


def passages(
    angle: Curve,
    origins: Sequence[float],
    parts: int,
    window: tuple[Time, Time],
    step_days: float,
) -> list[tuple[Time, int, int]]:
    """Instants an angle (degrees) passes origin + k * 360/parts, for several origins at once:
    (instant, k, the origin's index). One curve sampled and solved once serves them all."""
    size = 360.0 / parts
    scale = timescale()
    lattice = _grid(*window, step_days)
    sampled = angle(scale.tt_jd(lattice))
    brackets, multiples, origin_of, targets = [], [], [], []
    for index, origin in enumerate(origins):
        values = (sampled - origin) % 360.0
        sectors = np.floor_divide(values, size).astype(np.int64)
        moved = np.flatnonzero(sectors[1:] != sectors[:-1])
        # A sector boundary passed forwards is the later sector's start, backwards the earlier's.
        forward = _wrapped(values[moved + 1] - values[moved]) > 0.0
        found = np.where(forward, sectors[moved + 1], sectors[moved]) % parts
        brackets.append(moved)
        multiples.append(found)
        origin_of.append(np.full(len(moved), index))
        targets.append(found * size + origin)
    moved, target = np.concatenate(brackets), np.concatenate(targets)
    if len(moved) == 0:
        return []
    both_targets = np.tile(target, 2)

    def offset(tt: NDArray[np.float64]) -> Values:
        return _wrapped(angle(scale.tt_jd(tt)) - both_targets)

    below, above = _wrapped(sampled[moved] - target), _wrapped(sampled[moved + 1] - target)
    times = _newton(offset, lattice[moved], lattice[moved + 1], below, above)
    k, origin_index = np.concatenate(multiples), np.concatenate(origin_of)
    order = np.argsort(times.tt, kind="stable")
    return [(times[i], int(k[i]), int(origin_index[i])) for i in order]


def extrema(curve: Curve, start: Time, end: Time, step_days: float) -> list[tuple[Time, bool]]:
    """Local maxima (True) and minima (False) of a smooth curve: where its slope changes sign.

    Subdivision rather than Newton steps: near an extremum some slopes bend like a step (the
    Sun-Moon angle at an eclipse), where Newton steps would overshoot.
    """
    scale = timescale()

    def rising(time: Time) -> NDArray[np.int64]:
        # Both sides of every instant in one vectorized call.
        values = curve(scale.tt_jd(np.concatenate([time.tt - _SLOPE_DAYS, time.tt + _SLOPE_DAYS])))
        earlier, later = np.split(values, 2)
        return (later > earlier).astype(np.int64)

    times, values = changes(rising, start, end, step_days)
    return [(times[i], not bool(values[i])) for i in range(len(times))]
