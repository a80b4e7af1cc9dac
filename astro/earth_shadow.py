"""The Earth's shadow on the Moon on DE421, enlarged by Danjon's rule as in NASA's catalogues.

Follows skyfield's eclipselib (Explanatory Supplement 11.2.3): peaks, magnitudes and every
contact come from this one shadow model.
"""

from functools import cache
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray
from skyfield.constants import AU_KM, C_AUDAY, ERAD
from skyfield.functions import angle_between, length_of
from skyfield.relativity import add_aberration
from skyfield.timelib import Time

from astro.ephemeris import ephemeris
from astro.sky import Values, changes
from astro.sky_event import Payload
from astro.timescale import sky_to_datetime

SUN_RADIUS_KM: Final = 696_340.0
MOON_RADIUS_KM: Final = 1737.1
# Danjon: the atmosphere enlarges the Earth's radius by 1 % as seen from the Moon.
DANJON: Final = 1.01
# Contacts lie within this many days of the peak (the longest penumbral phase lasts 6 hours);
# the step (days) is shorter than the briefest total phase.
_CONTACT_WINDOW: Final = 0.25
_CONTACT_STEP: Final = 0.0005
_PHASES: Final = ("penumbral", "partial", "total")


@cache
def _segments() -> dict[tuple[int, int], Any]:
    # Raw segments skip the velocities and repeated work of skyfield's vector sums.
    return {(s.center, s.target): s.spk_segment for s in ephemeris().segments}


def _vectors(time: Time) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Earth-to-Sun (aberrated, AU) and Moon-to-Earth (km) vectors; light time of the Moon and
    of the Sun's motion neglected, as eclipselib does."""
    segments = _segments()
    jd, fraction = time.whole, time.tdb_fraction
    barycenter, velocity = segments[0, 3].compute_and_differentiate(jd, fraction)
    earth = segments[3, 399].compute(jd, fraction)
    moon = segments[3, 301].compute(jd, fraction)
    sun = segments[0, 10].compute(jd, fraction)
    earth_to_sun = (sun - barycenter - earth) / AU_KM
    add_aberration(earth_to_sun, velocity / AU_KM, length_of(earth_to_sun) / C_AUDAY)
    return earth_to_sun, earth - moon


def shadow_axis_angle(time: Time) -> Values:
    """Angle between the Sun and the Moon seen from the Earth (180° on the shadow axis)."""
    earth_to_sun, moon_to_earth = _vectors(time)
    return np.asarray(angle_between(earth_to_sun, -moon_to_earth), dtype=np.float64)


def earth_shadow(time: Time) -> tuple[Values, Values, Values, Values]:
    """The Moon's distance from the shadow axis, its radius, and the penumbra's and umbra's."""
    earth_to_sun, moon_to_earth = _vectors(time)
    sun_km = length_of(earth_to_sun) * AU_KM
    moon_km = length_of(moon_to_earth)
    parallax_moon = DANJON * ERAD / 1e3 / moon_km
    parallax_sun = ERAD / 1e3 / sun_km
    sun_radius = SUN_RADIUS_KM / sun_km
    distance = angle_between(earth_to_sun, moon_to_earth)
    moon = np.arcsin(MOON_RADIUS_KM / moon_km)
    penumbra = parallax_moon + parallax_sun + sun_radius
    umbra = parallax_moon + parallax_sun - sun_radius
    return distance, moon, penumbra, umbra


def _depth(time: Time) -> NDArray[np.int64]:
    """0 outside the penumbra, 1 in it, 2 partly in the umbra, 3 wholly in it."""
    distance, moon, penumbra, umbra = earth_shadow(time)
    depth = (distance < penumbra + moon).astype(np.int64)
    depth += distance < umbra + moon
    depth += distance < umbra - moon
    return depth


def lunar_contacts(peak: Time) -> Payload:
    """Begin and end (ISO UTC) of each phase of the eclipse peaking at `peak`."""
    scale = peak.ts
    start = scale.tt_jd(peak.tt - _CONTACT_WINDOW)
    end = scale.tt_jd(peak.tt + _CONTACT_WINDOW)
    times, depths = changes(_depth, start, end, _CONTACT_STEP)
    contacts: Payload = {}
    depth = 0
    for index in range(len(times)):
        new = int(depths[index])
        instant = sky_to_datetime(times[index]).isoformat()
        for level in range(min(depth, new), max(depth, new)):
            edge = "begin" if new > depth else "end"
            contacts[f"{_PHASES[level]}_{edge}"] = instant
        depth = new
    return contacts
