"""Peaks of the IMO's major annual meteor showers, from their peak solar longitudes."""

from dataclasses import dataclass
from typing import Final

import astronomy
import numpy as np
from skyfield.framelib import ecliptic_J2000_frame
from skyfield.timelib import Time

from astro.kinds import EventKind, MeteorShower
from astro.sky import Values, apparent, passages
from astro.sky_event import Payload, SkyEvent
from astro.timescale import engine_time, sky_to_datetime


@dataclass(frozen=True, slots=True)
class Shower:
    """One shower's peak (solar longitude, J2000), activity and radiant."""

    shower: MeteorShower
    peak_longitude: float
    zhr: int
    radiant: str
    radiant_ra_deg: float
    radiant_dec_deg: float
    speed_kms: int


# IMO Meteor Shower Calendar 2025, table 5 ("Working List of Visual Meteor Showers"),
# https://www.imo.net/files/meteor-shower/cal2025.pdf; radiant = the constellation it is named by.
SHOWERS: Final = (
    Shower(MeteorShower.QUADRANTIDS, 283.15, 80, "Boo", 230.0, 49.0, 41),
    Shower(MeteorShower.LYRIDS, 32.32, 18, "Lyr", 271.0, 34.0, 49),
    Shower(MeteorShower.ETA_AQUARIIDS, 45.5, 50, "Aqr", 338.0, -1.0, 66),
    Shower(MeteorShower.PERSEIDS, 140.0, 100, "Per", 48.0, 58.0, 59),
    Shower(MeteorShower.ORIONIDS, 208.0, 20, "Ori", 95.0, 16.0, 66),
    Shower(MeteorShower.LEONIDS, 235.27, 10, "Leo", 152.0, 22.0, 71),
    Shower(MeteorShower.GEMINIDS, 262.2, 150, "Gem", 112.0, 33.0, 35),
)
SHOWER_BY_ID: Final = {shower.shower: shower for shower in SHOWERS}
_MAX_ZHR: Final = 150.0
# The Sun passes a given longitude once a year; a half-year crossing comes between.
_STEP_DAYS: Final = 30.0


def sun_longitude_j2000(time: Time) -> Values:
    """The apparent Sun's longitude on the J2000 ecliptic, the IMO's solar longitude, degrees.

    Rotating the apparent position into the J2000 frame at each instant undoes precession and
    nutation at the event itself, not at the start of some search window.
    """
    _lat, lon, _distance = apparent("sun", time).frame_latlon(ecliptic_J2000_frame)
    return np.asarray(lon.degrees, dtype=np.float64)


def meteor_showers(start: Time, end: Time) -> list[SkyEvent]:
    """Shower peaks around a window, with the Moon's light that will wash them out."""
    events: list[SkyEvent] = []
    peaks = [shower.peak_longitude for shower in SHOWERS]
    # Half-way round is a second crossing of each sector boundary, not a peak.
    for time, half, index in passages(sun_longitude_j2000, peaks, 2, (start, end), _STEP_DAYS):
        if half:
            continue
        shower = SHOWERS[index]
        moon = astronomy.Illumination(astronomy.Body.Moon, engine_time(time))
        moonlight = float(moon.phase_fraction)
        payload: Payload = {
            "zhr": shower.zhr,
            "solar_longitude": shower.peak_longitude,
            "speed_kms": shower.speed_kms,
            "radiant": shower.radiant,
            "moon_illumination": round(moonlight, 3),
        }
        # A bright Moon hides all but the brightest meteors.
        significance = 20.0 + 40.0 * (shower.zhr / _MAX_ZHR) * (1.0 - 0.6 * moonlight)
        events.append(
            SkyEvent(
                EventKind.METEOR_SHOWER,
                shower.shower.value,
                sky_to_datetime(time),
                payload,
                round(significance, 1),
            )
        )
    return events
