"""Moon phases (aberration-corrected), supermoons and micromoons, lunar perigee and apogee."""

from typing import Final

import astronomy

from astro.kinds import EventKind
from astro.sky_event import Payload, SkyEvent
from astro.timescale import to_datetime

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
# astronomy-engine's quarters come from the geometric Sun; the apparent Sun is 20.5" behind,
# which moves each phase about 40 s earlier. Refine within this window (days) around it.
_PHASE_REFINE_WINDOW: Final = 0.02


def _wrap180(angle: float) -> float:
    return (angle + 180.0) % 360.0 - 180.0


def apparent_phase(time: astronomy.Time) -> float:
    """Moon's ecliptic longitude minus the apparent (aberrated) Sun's, in degrees [0, 360)."""
    moon = astronomy.Ecliptic(astronomy.GeoMoon(time))
    sun = astronomy.Ecliptic(astronomy.GeoVector(astronomy.Body.Sun, time, True))
    return float((moon.elon - sun.elon) % 360.0)


def _phase_offset(target: float, time: astronomy.Time) -> float:
    return _wrap180(apparent_phase(time) - target)


def _refine_quarter(quarter: astronomy.MoonQuarter) -> astronomy.Time:
    target = 90.0 * quarter.quarter
    found = astronomy.Search(
        _phase_offset,
        target,
        quarter.time.AddDays(-_PHASE_REFINE_WINDOW),
        quarter.time.AddDays(_PHASE_REFINE_WINDOW),
        1.0,
    )
    return quarter.time if found is None else found


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


def moon_phases(
    start: astronomy.Time, end: astronomy.Time, kinds: frozenset[EventKind]
) -> list[SkyEvent]:
    """Quarters between two times, plus supermoons/micromoons among the new and full moons."""
    events: list[SkyEvent] = []
    # Start a little early: the refined instant can precede astronomy-engine's by ~40 s.
    quarter = astronomy.SearchMoonQuarter(start.AddDays(-_PHASE_REFINE_WINDOW))
    while quarter.time.ut <= end.ut + _PHASE_REFINE_WINDOW:
        time = _refine_quarter(quarter)
        if start.ut <= time.ut <= end.ut:
            phase = _QUARTER_KINDS[quarter.quarter]
            event = SkyEvent(
                phase, "", to_datetime(time), moon_details(time), _QUARTER_SIGNIFICANCE[phase]
            )
            if phase in kinds:
                events.append(event)
            if phase in (EventKind.NEW_MOON, EventKind.FULL_MOON):
                km = moon_distance_km(time)
                if km <= SUPERMOON_MAX_KM and EventKind.SUPERMOON in kinds:
                    events.append(_size_event(EventKind.SUPERMOON, event, km))
                if km >= MICROMOON_MIN_KM and EventKind.MICROMOON in kinds:
                    events.append(_size_event(EventKind.MICROMOON, event, km))
        quarter = astronomy.NextMoonQuarter(quarter)
    return events


def lunar_apsides(
    start: astronomy.Time, end: astronomy.Time, kinds: frozenset[EventKind]
) -> list[SkyEvent]:
    """Perigees and apogees of the Moon between two times."""
    events: list[SkyEvent] = []
    apsis = astronomy.SearchLunarApsis(start)
    while apsis.time.ut <= end.ut:
        km = float(apsis.dist_km)
        if apsis.kind is astronomy.ApsisKind.Pericenter:
            kind = EventKind.LUNAR_PERIGEE
            closeness = (370_000.0 - km) / (370_000.0 - _CLOSEST_PERIGEE_KM)
        else:
            kind = EventKind.LUNAR_APOGEE
            closeness = (km - 404_000.0) / (_FARTHEST_APOGEE_KM - 404_000.0)
        if kind in kinds:
            significance = 10.0 + 15.0 * min(max(closeness, 0.0), 1.0)
            payload: Payload = {"distance_km": round(km)}
            events.append(
                SkyEvent(kind, "", to_datetime(apsis.time), payload, round(significance, 1))
            )
        apsis = astronomy.NextLunarApsis(apsis)
    return events
