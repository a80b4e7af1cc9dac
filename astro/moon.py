"""Moon phases and apsides on DE421 (apparent longitudes of date), supermoons, micromoons."""

from typing import Final

import astronomy
import numpy as np
from skyfield.timelib import Time

from astro.kinds import EventKind
from astro.sky import Values, body, crossings, extrema, longitude_gap
from astro.sky_event import Payload, SkyEvent
from astro.timescale import engine_time, sky_to_datetime

KM_PER_AU: Final = float(astronomy.KM_PER_AU)
# Our definition, after timeanddate.com and most press usage: a full or new moon closer than
# 360,000 km is a supermoon, one farther than 405,000 km a micromoon.
SUPERMOON_MAX_KM: Final = 360_000.0
MICROMOON_MIN_KM: Final = 405_000.0
_CLOSEST_PERIGEE_KM: Final = 356_400.0
_FARTHEST_APOGEE_KM: Final = 406_700.0
_QUARTER_KINDS: Final = (
    EventKind.NEW_MOON,
    EventKind.FIRST_QUARTER,
    EventKind.FULL_MOON,
    EventKind.LAST_QUARTER,
)
_QUARTER_SIGNIFICANCE: Final = {
    EventKind.NEW_MOON: 35.0,
    EventKind.FIRST_QUARTER: 20.0,
    EventKind.FULL_MOON: 45.0,
    EventKind.LAST_QUARTER: 20.0,
}
ZODIAC_SIGNS: Final = (
    "aries", "taurus", "gemini", "cancer", "leo", "virgo",
    "libra", "scorpio", "sagittarius", "capricorn", "aquarius", "pisces",
)  # fmt: skip
# Sampling steps (days): quarters come a week apart, apsides two weeks.
_PHASE_STEP: Final = 2.0
_APSIS_STEP: Final = 2.0


def apparent_phase(time: astronomy.Time) -> float:
    """Moon's ecliptic longitude minus the apparent (aberrated) Sun's, in degrees [0, 360)."""
    moon = astronomy.Ecliptic(astronomy.GeoMoon(time))
    sun = astronomy.Ecliptic(astronomy.GeoVector(astronomy.Body.Sun, time, True))
    return float((moon.elon - sun.elon) % 360.0)


def moon_km(time: Time) -> Values:
    """Geocentric distance of the Moon's centre on DE421, km."""
    return np.asarray((body("moon") - body("earth")).at(time).distance().km, dtype=np.float64)


def moon_distance_km(time: astronomy.Time) -> float:
    """Geocentric distance of the Moon's centre."""
    return float(astronomy.GeoMoon(time).Length()) * KM_PER_AU


def moon_details(time: astronomy.Time) -> Payload:
    """What a user wants to know about the Moon at an instant."""
    vector = astronomy.GeoMoon(time)
    equatorial = astronomy.EquatorFromVector(vector)
    ecliptic = astronomy.EclipticGeoMoon(time)
    illumination = astronomy.Illumination(astronomy.Body.Moon, time)
    return {
        "illumination": round(float(illumination.phase_fraction), 4),
        "distance_km": round(moon_distance_km(time)),
        "constellation": str(astronomy.Constellation(equatorial.ra, equatorial.dec).symbol),
        "zodiac_sign": ZODIAC_SIGNS[int(float(ecliptic.lon) // 30.0) % 12],
    }


def _size_event(kind: EventKind, phase: SkyEvent, km: float) -> SkyEvent:
    closeness = (SUPERMOON_MAX_KM - km) / (SUPERMOON_MAX_KM - _CLOSEST_PERIGEE_KM)
    if kind is EventKind.MICROMOON:
        closeness = (km - MICROMOON_MIN_KM) / (_FARTHEST_APOGEE_KM - MICROMOON_MIN_KM)
    base = {EventKind.SUPERMOON: 50.0, EventKind.MICROMOON: 25.0}[kind]
    # A new moon cannot be seen, so its size matters less than a full moon's.
    visible_factor = 1.0 if phase.kind is EventKind.FULL_MOON else 0.5
    significance = (base + 20.0 * min(max(closeness, 0.0), 1.0)) * visible_factor
    payload: Payload = {**phase.payload, "phase": phase.kind.value.removesuffix("_moon")}
    return SkyEvent(kind, "", phase.occurs_at, payload, round(significance, 1))


def moon_phases(start: Time, end: Time, kinds: frozenset[EventKind]) -> list[SkyEvent]:
    """Quarters around a window, plus supermoons/micromoons among the new and full moons."""
    events: list[SkyEvent] = []
    gap = longitude_gap("moon", "sun")
    for time, quarter in crossings(gap, 4, start, end, _PHASE_STEP):
        phase = _QUARTER_KINDS[quarter]
        km = float(moon_km(time))
        details = moon_details(engine_time(time))
        # The size definition and the distance shown both come from DE421.
        details["distance_km"] = round(km)
        event = SkyEvent(phase, "", sky_to_datetime(time), details, _QUARTER_SIGNIFICANCE[phase])
        if phase in kinds:
            events.append(event)
        if phase in (EventKind.NEW_MOON, EventKind.FULL_MOON):
            if km <= SUPERMOON_MAX_KM and EventKind.SUPERMOON in kinds:
                events.append(_size_event(EventKind.SUPERMOON, event, km))
            if km >= MICROMOON_MIN_KM and EventKind.MICROMOON in kinds:
                events.append(_size_event(EventKind.MICROMOON, event, km))
    return events


def lunar_apsides(start: Time, end: Time, kinds: frozenset[EventKind]) -> list[SkyEvent]:
    """Perigees and apogees of the Moon around a window."""
    events: list[SkyEvent] = []
    for time, farthest in extrema(moon_km, start, end, _APSIS_STEP):
        km = float(moon_km(time))
        if farthest:
            kind = EventKind.LUNAR_APOGEE
            closeness = (km - 404_000.0) / (_FARTHEST_APOGEE_KM - 404_000.0)
        else:
            kind = EventKind.LUNAR_PERIGEE
            closeness = (370_000.0 - km) / (370_000.0 - _CLOSEST_PERIGEE_KM)
        if kind in kinds:
            significance = 10.0 + 15.0 * min(max(closeness, 0.0), 1.0)
            payload: Payload = {"distance_km": round(km)}
            events.append(
                SkyEvent(kind, "", sky_to_datetime(time), payload, round(significance, 1))
            )
    return events
