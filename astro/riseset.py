"""Sunrise, sunset, moonrise and moonset at a place, local day by local day, on DE421.

The upper limb on the horizon under standard refraction (34'), as almanacs define them.
skyfield's almanac finds the instants; it takes the Sun's radius as a constant 16', up to a
quarter of an arcminute off (seconds of time at high latitudes), so every instant then takes
one Newton step onto the limb at the body's true distance.
"""

from datetime import date, datetime, time, timedelta
from typing import Final

import numpy as np
from numpy.typing import NDArray
from skyfield import almanac
from skyfield.api import wgs84
from skyfield.timelib import Time
from skyfield.vectorlib import VectorSum

from astro.sky import body
from astro.sky_event import Payload
from astro.skyfield_private import with_fast_nutation
from astro.timescale import ensure_window, sky_to_datetimes, to_sky
from astro.zones import check_coordinates, resolve_zone

REFRACTION_DEG: Final = 34.0 / 60.0
RADIUS_KM: Final = {"sun": 695_700.0, "moon": 1737.4}
NAMES: Final = ("sunrise", "sunset", "moonrise", "moonset")
# Half the interval over which the limb's rate of climb is measured (days).
_SLOPE_DAYS: Final = 10.0 / 86400.0


def limb_margin(place: VectorSum, name: str, times: Time) -> NDArray[np.float64]:
    """Degrees the body's upper limb stands above the refracted horizon."""
    altitude, _azimuth, distance = (
        place.at(with_fast_nutation(times)).observe(body(name)).apparent().altaz()
    )
    limb = np.degrees(np.arcsin(RADIUS_KM[name] / distance.km))
    return np.asarray(altitude.degrees + limb + REFRACTION_DEG, dtype=np.float64)


def _on_limb(place: VectorSum, name: str, times: Time) -> Time:
    """One Newton step from instants near a rising or setting onto the exact definition."""
    # One vectorized look at each instant and either side of it.
    around = np.concatenate([times.tt - _SLOPE_DAYS, times.tt, times.tt + _SLOPE_DAYS])
    earlier, now, later = np.split(limb_margin(place, name, times.ts.tt_jd(around)), 3)
    rate = (later - earlier) / (2.0 * _SLOPE_DAYS)
    return times.ts.tt_jd(times.tt - now / rate)


def _crossings(
    place: VectorSum, name: str, rising: bool, start: Time, end: Time
) -> list[datetime]:
    find = almanac.find_risings if rising else almanac.find_settings
    times, crossed = find(place, body(name), start, end)
    # False marks a body that only came closest to the horizon without crossing it.
    if not np.any(crossed):
        return []
    return sky_to_datetimes(_on_limb(place, name, times[crossed]))


def rise_set_days(
    first: date, last: date, latitude: float, longitude: float, timezone: str
) -> dict[date, Payload]:
    """For each local day from first to last: local ISO times of the four events (None if none)."""
    check_coordinates(latitude, longitude)
    zone = resolve_zone(timezone)
    # Local days can be 23 or 25 hours long across a daylight-saving change.
    start = datetime.combine(first, time(), zone)
    end = datetime.combine(last + timedelta(days=1), time(), zone)
    ensure_window(start, end)
    place = body("earth") + wgs84.latlon(latitude, longitude)
    days: dict[date, Payload] = {
        first + timedelta(days=n): dict.fromkeys(NAMES) for n in range((last - first).days + 1)
    }
    for name in NAMES:
        subject, rising = name[:-4] if name.endswith("rise") else name[:-3], name.endswith("rise")
        for instant in _crossings(place, subject, rising, to_sky(start), to_sky(end)):
            local = instant.astimezone(zone)
            day = days.get(local.date())
            # A day keeps its first rising and its first setting.
            if day is not None and day[name] is None:
                day[name] = local.isoformat()
    return days


def rise_set(day: date, latitude: float, longitude: float, timezone: str) -> Payload:
    """Local ISO times of the Sun's and Moon's rising and setting that day (None if none)."""
    return rise_set_days(day, day, latitude, longitude, timezone)[day]
