"""How the Moon's disc looks at an instant: the lit fraction and where its bright limb points.

The bright limb's position angle is measured on the sky from north through east (as in the
Astronomical Almanac); the tilt turns it into an angle from the top of a picture, whose top is
north for a hemisphere (south for the southern one, where people see the sky turned over) or
the zenith when the place is known.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import numpy as np
from skyfield.framelib import ecliptic_frame
from skyfield.positionlib import Apparent
from skyfield.toposlib import wgs84

from astro.seasons import Hemisphere
from astro.sky import body
from astro.skyfield_private import with_fast_nutation as fast
from astro.timescale import to_sky
from astro.zones import check_coordinates

_NORTH_UP: Final = {"north": 0.0, "south": 180.0}


@dataclass(frozen=True, slots=True)
class MoonView:
    """The Moon's look: lit fraction (0..1), phase angle and bright limb angles, degrees."""

    illuminated: float
    phase_angle: float
    bright_limb_angle: float
    # The bright limb's angle from the picture's top, counter-clockwise (toward the left).
    tilt: float
    # The Moon's north (the celestial pole's direction) from the picture's top, likewise.
    north: float
    waxing: bool


def _observe(
    name: str, latitude: float | None, longitude: float | None, moment: datetime
) -> Apparent:
    time = fast(to_sky(moment))
    if latitude is None or longitude is None:
        return body("earth").at(time).observe(body(name)).apparent()
    place = body("earth") + wgs84.latlon(latitude, longitude)
    return place.at(time).observe(body(name)).apparent()


def _ecliptic_longitude(position: Apparent) -> float:
    _latitude, longitude, _distance = position.frame_latlon(ecliptic_frame)
    return float(longitude.degrees)


def _bright_limb(moon: Apparent, sun: Apparent) -> float:
    """Position angle of the bright limb's midpoint, degrees from north through east."""
    moon_ra, moon_dec, _ = moon.radec("date")
    sun_ra, sun_dec, _ = sun.radec("date")
    delta = sun_ra.radians - moon_ra.radians
    y = math.cos(sun_dec.radians) * math.sin(delta)
    x = math.sin(sun_dec.radians) * math.cos(moon_dec.radians) - math.cos(
        sun_dec.radians
    ) * math.sin(moon_dec.radians) * math.cos(delta)
    return math.degrees(math.atan2(y, x)) % 360.0


def _parallactic(moon: Apparent, latitude: float) -> float:
    """Angle at the Moon from the north pole to the zenith, degrees (positive west of south)."""
    hour_angle, declination, _ = moon.hadec()
    h = hour_angle.radians
    phi = math.radians(latitude)
    d = declination.radians
    return math.degrees(
        math.atan2(math.sin(h), math.tan(phi) * math.cos(d) - math.sin(d) * math.cos(h))
    )


def moon_view(
    moment: datetime,
    hemisphere: Hemisphere = "north",
    latitude: float | None = None,
    longitude: float | None = None,
) -> MoonView:
    """The Moon at an instant, turned as seen from a hemisphere or, when given, a place."""
    if latitude is not None and longitude is not None:
        check_coordinates(latitude, longitude)
    moon = _observe("moon", latitude, longitude, moment)
    sun = _observe("sun", latitude, longitude, moment)
    to_moon = moon.position.km
    to_sun = sun.position.km
    # The phase angle is at the Moon, between the directions to the Sun and to the observer.
    from_moon_to_sun = to_sun - to_moon
    cosine = float(
        np.dot(-to_moon, from_moon_to_sun)
        / (np.linalg.norm(to_moon) * np.linalg.norm(from_moon_to_sun))
    )
    phase = math.degrees(math.acos(max(-1.0, min(1.0, cosine))))
    limb = _bright_limb(moon, sun)
    if latitude is not None and longitude is not None:
        tilt = limb - _parallactic(moon, latitude)
    else:
        tilt = limb + _NORTH_UP[hemisphere]
    elongation = _ecliptic_longitude(moon) - _ecliptic_longitude(sun)
    return MoonView(
        illuminated=(1.0 + math.cos(math.radians(phase))) / 2.0,
        phase_angle=phase,
        bright_limb_angle=limb,
        tilt=tilt % 360.0,
        north=(tilt - limb) % 360.0,
        waxing=elongation % 360.0 < 180.0,
    )
