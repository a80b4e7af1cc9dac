"""Peaks of the IMO's major annual meteor showers, from their peak solar longitudes."""

from dataclasses import dataclass
from typing import Final

import astronomy

from astro.kinds import EventKind, MeteorShower
from astro.sky_event import Payload, SkyEvent
from astro.timescale import to_datetime


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


def _longitude_of_date(j2000_longitude: float, time: astronomy.Time) -> float:
    """A J2000 ecliptic longitude moved to the equinox of date (IAU 2006 general precession)."""
    centuries = float(time.tt) / 36525.0
    precession_arcsec = 5028.796195 * centuries + 1.1054348 * centuries**2
    return (j2000_longitude + precession_arcsec / 3600.0) % 360.0


def meteor_showers(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Shower peaks between two times, with the Moon's light that will wash them out."""
    events: list[SkyEvent] = []
    for shower in SHOWERS:
        search_from = start
        while search_from.ut < end.ut:
            target = _longitude_of_date(shower.peak_longitude, search_from)
            time = astronomy.SearchSunLongitude(target, search_from, end.ut - search_from.ut)
            if time is None:
                break
            moon = astronomy.Illumination(astronomy.Body.Moon, time)
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
                    to_datetime(time),
                    payload,
                    round(significance, 1),
                )
            )
            search_from = time.AddDays(300.0)
    return events
