"""The two skyfield internals the engine relies on, kept here so an upgrade breaks one module.

tests/astro/test_skyfield_private.py fails if skyfield changes either of them.
"""

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray
from skyfield.nutationlib import iau2000b_radians
from skyfield.searchlib import _find_discrete
from skyfield.timelib import Time, Timescale


def with_fast_nutation(time: Time) -> Time:
    """The time with IAU 2000B nutation (1 mas from 2000A, 50 times cheaper), as almanac does.

    skyfield's almanac sets the same cached attribute; there is no public switch for it.
    """
    if "_nutation_angles_radians" not in time.__dict__:
        time._nutation_angles_radians = iau2000b_radians(time)
    return time


def discrete_changes(
    scale: Timescale,
    lattice: NDArray[np.float64],
    step: Callable[[Time], NDArray[np.int64]],
    epsilon_days: float,
    subdivisions: int,
) -> tuple[Time, NDArray[np.int64]]:
    """find_discrete's core on given sample instants (TT Julian dates) instead of a linspace.

    The public find_discrete spreads its samples over the window it is handed, so an event
    would be refined from other brackets in another window and could round to another second.
    """
    times, values = _find_discrete(scale, lattice, step, epsilon_days, subdivisions)
    return times, np.asarray(values, dtype=np.int64)
