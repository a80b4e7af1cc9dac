"""The sky of each local day at a place: rise and set of the Sun and Moon, the Moon's phase."""

from datetime import date, datetime, time
from typing import Final

import numpy as np
from skyfield import almanac

from astro.ephemeris import ephemeris
from astro.riseset import rise_set_days
from astro.sky import longitude_gap
from astro.sky_event import Payload
from astro.timescale import to_sky_many
from astro.zones import resolve_zone

# Eight named phases, each centred on its angle (Moon minus Sun in ecliptic longitude).
MOON_PHASES: Final = (
    "new",
    "waxing-crescent",
    "first-quarter",
    "waxing-gibbous",
    "full",
    "waning-gibbous",
    "last-quarter",
    "waning-crescent",
)
# The Moon's phase of a day is the one at local noon.
_NOON: Final = time(12)


def phase_name(angle_deg: float) -> str:
    """The named phase of a Moon-minus-Sun longitude."""
    return MOON_PHASES[int(((angle_deg + 22.5) % 360.0) // 45.0)]


def daily_sky(
    first: date, last: date, latitude: float, longitude: float, timezone: str
) -> list[Payload]:
    """Each day from first to last: its date, local rise/set times, the Moon's phase at noon."""
    days = rise_set_days(first, last, latitude, longitude, timezone)
    zone = resolve_zone(timezone)
    noons = to_sky_many([datetime.combine(day, _NOON, zone) for day in days])
    angles = longitude_gap("moon", "sun")(noons) % 360.0
    lit = np.asarray(almanac.fraction_illuminated(ephemeris(), "moon", noons))
    return [
        {
            "date": day.isoformat(),
            **times,
            "moon_phase": phase_name(float(angle)),
            "moon_illumination": round(float(fraction), 3),
        }
        for (day, times), angle, fraction in zip(days.items(), angles, lit, strict=True)
    ]
