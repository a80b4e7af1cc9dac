"""The skyfield internals astro/skyfield_private.py relies on still behave as the engine needs."""

import numpy as np
from numpy.typing import NDArray
from skyfield.timelib import Time

from astro.ephemeris import ephemeris, timescale
from astro.skyfield_private import discrete_changes, with_fast_nutation

# The test lattice: 2025-01-01 0h TT onwards, one sample a day.
START_TT = 2460676.5


def test_discrete_changes_refines_the_given_lattice_to_epsilon() -> None:
    change = START_TT + 2.3456789

    def after(time: Time) -> NDArray[np.int64]:
        return np.asarray(time.tt >= change, dtype=np.int64)

    lattice = START_TT + np.arange(6.0)
    times, values = discrete_changes(timescale(), lattice, after, 1e-7, 12)
    assert values.tolist() == [1]
    assert abs(float(times.tt[0]) - change) <= 1e-7


def test_discrete_changes_finds_nothing_in_a_constant() -> None:
    def flat(time: Time) -> NDArray[np.int64]:
        return np.zeros(len(time.tt), dtype=np.int64)

    times, values = discrete_changes(timescale(), START_TT + np.arange(4.0), flat, 1e-7, 12)
    assert len(times.tt) == 0
    assert len(values) == 0


def test_fast_nutation_is_what_positions_are_computed_with() -> None:
    scale = timescale()
    moon = ephemeris()["moon"]
    earth = ephemeris()["earth"]
    full = earth.at(scale.tt_jd(START_TT)).observe(moon).apparent().radec("date")[0]
    fast = earth.at(with_fast_nutation(scale.tt_jd(START_TT))).observe(moon).apparent()
    difference_mas = abs(fast.radec("date")[0].hours - full.hours) * 15.0 * 3600e3
    # IAU 2000B differs from 2000A by about a milliarcsecond: if skyfield ignored the cached
    # angles, the two would be equal; if it misread them, far apart.
    assert 0.0 < difference_mas < 5.0
