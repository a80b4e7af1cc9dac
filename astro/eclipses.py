"""Solar eclipses (with hybrid ones told apart from total) and lunar eclipses with contacts."""

import math
from typing import Final

import astronomy

from astro.kinds import EventKind
from astro.moon import moon_details
from astro.shadow import (
    EARTH_RADIUS_KM,
    MOON_EDGE_RADIUS_KM,
    MOON_RADIUS_KM,
    SUN_RADIUS_KM,
    angle_between,
    earth_shadow_on_moon,
    moon_shadow_on_earth,
)
from astro.sky_event import Payload, SkyEvent
from astro.timescale import to_datetime

_SOLAR_TYPES: Final = {
    astronomy.EclipseKind.Partial: "partial",
    astronomy.EclipseKind.Annular: "annular",
    astronomy.EclipseKind.Total: "total",
}
_LUNAR_TYPES: Final = {
    astronomy.EclipseKind.Penumbral: "penumbral",
    astronomy.EclipseKind.Partial: "partial",
    astronomy.EclipseKind.Total: "total",
}
# The axis of a central eclipse's shadow enters and leaves the Earth within this many days
# of greatest eclipse (the longest central paths last under four hours).
_CENTRAL_PATH_WINDOW: Final = 0.12
# astronomy-engine's bias (km of umbra radius) between total and annular, fitted to Espenak.
_TOTAL_UMBRA_BIAS_KM: Final = 0.014


def _axis_gap_km(sign: float, time: astronomy.Time) -> float:
    return sign * (moon_shadow_on_earth(time).axis_distance_km - EARTH_RADIUS_KM)


def _is_hybrid(peak: astronomy.Time) -> bool:
    """A total eclipse is hybrid when its shadow is annular where the path meets the limb."""
    # astronomy-engine classifies by the greatest-eclipse point only, the one nearest the
    # Moon; the path's ends are an Earth radius farther, where the umbra may no longer reach.
    entry = astronomy.Search(_axis_gap_km, -1.0, peak.AddDays(-_CENTRAL_PATH_WINDOW), peak, 1.0)
    leave = astronomy.Search(_axis_gap_km, 1.0, peak, peak.AddDays(_CENTRAL_PATH_WINDOW), 1.0)
    ends = [time for time in (entry, leave) if time is not None]
    return any(moon_shadow_on_earth(time).umbra_km <= _TOTAL_UMBRA_BIAS_KM for time in ends)


def _greatest_place(info: astronomy.GlobalSolarEclipseInfo) -> astronomy.Observer:
    """Where greatest eclipse is seen: on the shadow axis if central, else the nearest limb."""
    if info.kind is not astronomy.EclipseKind.Partial:
        return astronomy.Observer(info.latitude, info.longitude, 0.0)
    sun = astronomy.GeoVector(astronomy.Body.Sun, info.peak, True)
    moon = astronomy.GeoMoon(info.peak)
    axis = moon - sun
    along = -(moon.x * axis.x + moon.y * axis.y + moon.z * axis.z) / axis.Length() ** 2
    foot = astronomy.Vector(
        moon.x + along * axis.x, moon.y + along * axis.y, moon.z + along * axis.z, info.peak
    )
    scale = EARTH_RADIUS_KM / astronomy.KM_PER_AU / float(foot.Length())
    limb = astronomy.Vector(foot.x * scale, foot.y * scale, foot.z * scale, info.peak)
    place = astronomy.VectorObserver(limb, False)
    return astronomy.Observer(place.latitude, place.longitude, 0.0)


def _solar_magnitude(info: astronomy.GlobalSolarEclipseInfo, place: astronomy.Observer) -> float:
    """NASA's eclipse magnitude at greatest eclipse (diameter ratio when central)."""
    point = astronomy.ObserverVector(info.peak, place, False)
    to_moon = astronomy.GeoMoon(info.peak) - point
    to_sun = astronomy.GeoVector(astronomy.Body.Sun, info.peak, True) - point
    moon_radius = math.asin(MOON_EDGE_RADIUS_KM / (float(to_moon.Length()) * astronomy.KM_PER_AU))
    sun_radius = math.asin(SUN_RADIUS_KM / (float(to_sun.Length()) * astronomy.KM_PER_AU))
    if info.kind is not astronomy.EclipseKind.Partial:
        return moon_radius / sun_radius
    separation = angle_between(to_moon, to_sun)
    return (sun_radius + moon_radius - separation) / (2.0 * sun_radius)


def _solar_event(info: astronomy.GlobalSolarEclipseInfo) -> SkyEvent:
    kind = _SOLAR_TYPES[info.kind]
    if kind == "total" and _is_hybrid(info.peak):
        kind = "hybrid"
    place = _greatest_place(info)
    magnitude = _solar_magnitude(info, place)
    payload: Payload = {
        "type": kind,
        "magnitude": round(magnitude, 4),
        "latitude": round(float(place.latitude), 2),
        "longitude": round(float(place.longitude), 2),
    }
    if info.obscuration is not None:
        payload["obscuration"] = round(float(info.obscuration), 4)
    base = {"total": 100.0, "hybrid": 95.0, "annular": 85.0}.get(kind, 45.0 + 30.0 * magnitude)
    return SkyEvent(
        EventKind.SOLAR_ECLIPSE, "", to_datetime(info.peak), payload, round(min(base, 100.0), 1)
    )


def solar_eclipses(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Solar eclipses whose greatest eclipse falls between two times."""
    events: list[SkyEvent] = []
    info = astronomy.SearchGlobalSolarEclipse(start)
    while info.peak.ut <= end.ut:
        if info.peak.ut >= start.ut:
            events.append(_solar_event(info))
        info = astronomy.NextGlobalSolarEclipse(info.peak)
    return events


def _contact(peak: astronomy.Time, minutes: float) -> str:
    return to_datetime(peak.AddDays(minutes / 1440.0)).isoformat()


def _lunar_event(info: astronomy.LunarEclipseInfo) -> SkyEvent:
    kind = _LUNAR_TYPES[info.kind]
    shadow = earth_shadow_on_moon(info.peak)
    umbral = (shadow.umbra_km + MOON_RADIUS_KM - shadow.axis_distance_km) / (2 * MOON_RADIUS_KM)
    penumbral = (shadow.penumbra_km + MOON_RADIUS_KM - shadow.axis_distance_km) / (
        2 * MOON_RADIUS_KM
    )
    payload: Payload = {
        "type": kind,
        "magnitude": round(umbral, 4),
        "penumbral_magnitude": round(penumbral, 4),
        "obscuration": round(float(info.obscuration), 4),
        **moon_details(info.peak),
    }
    phases = (
        ("penumbral", float(info.sd_penum)),
        ("partial", float(info.sd_partial)),
        ("total", float(info.sd_total)),
    )
    for phase, semi_duration in phases:
        if semi_duration > 0.0:
            payload[f"{phase}_begin"] = _contact(info.peak, -semi_duration)
            payload[f"{phase}_end"] = _contact(info.peak, semi_duration)
    significance = {
        "total": 85.0,
        "partial": 50.0 + 25.0 * min(umbral, 1.0),
        "penumbral": 15.0 + 15.0 * min(penumbral, 1.0),
    }[kind]
    return SkyEvent(
        EventKind.LUNAR_ECLIPSE, "", to_datetime(info.peak), payload, round(significance, 1)
    )


def lunar_eclipses(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Lunar eclipses whose peak falls between two times."""
    events: list[SkyEvent] = []
    info = astronomy.SearchLunarEclipse(start)
    while info.peak.ut <= end.ut:
        if info.peak.ut >= start.ut:
            events.append(_lunar_event(info))
        info = astronomy.NextLunarEclipse(info.peak)
    return events
