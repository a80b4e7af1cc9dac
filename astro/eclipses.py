"""Solar eclipses (with hybrid ones told apart from total) and lunar eclipses with contacts."""

import math
from typing import Final

import astronomy
import numpy as np
from skyfield.timelib import Time

from astro.earth_shadow import earth_shadow, lunar_contacts, shadow_axis_angle
from astro.kinds import EventKind
from astro.moon import moon_details
from astro.shadow import (
    EARTH_RADIUS_KM,
    MOON_EDGE_RADIUS_KM,
    SUN_RADIUS_KM,
    angle_between,
    moon_shadow_on_earth,
)
from astro.sky import Values, apparent, extrema
from astro.sky_event import Payload, SkyEvent
from astro.timescale import engine_time, engine_to_sky, sky_to_datetime

_SOLAR_TYPES: Final = {
    astronomy.EclipseKind.Partial: "partial",
    astronomy.EclipseKind.Annular: "annular",
    astronomy.EclipseKind.Total: "total",
}
# The axis of a central eclipse's shadow enters and leaves the Earth within this many days
# of greatest eclipse (the longest central paths last under four hours).
_CENTRAL_PATH_WINDOW: Final = 0.12
# astronomy-engine's bias (km of umbra radius) between total and annular, fitted to Espenak.
_TOTAL_UMBRA_BIAS_KM: Final = 0.014
# astronomy-engine's greatest eclipse is refined on DE421 within this many days, sampled at
# this step (days).
_REFINE_WINDOW: Final = 0.05
_REFINE_STEP: Final = 0.01
# The Moon's distance from the shadow axis is least at each full moon, 29.5 days apart.
_FULL_MOON_STEP: Final = 5.0


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


def _axis_distance_km(time: Time) -> Values:
    """Distance from the Earth's centre to the axis of the Moon's shadow (apparent places)."""
    moon = apparent("moon", time).xyz.km
    sun = apparent("sun", time).xyz.km
    axis = moon - sun
    across = np.cross(moon, axis, axis=0)
    return np.asarray(
        np.linalg.norm(across, axis=0) / np.linalg.norm(axis, axis=0), dtype=np.float64
    )


def _greatest_eclipse(peak: astronomy.Time) -> Time:
    """Greatest eclipse on DE421: the shadow axis closest to the Earth's centre (NASA's)."""
    near = engine_to_sky(peak)
    scale = near.ts
    start = scale.tt_jd(near.tt - _REFINE_WINDOW)
    end = scale.tt_jd(near.tt + _REFINE_WINDOW)
    minima = [
        t for t, greatest in extrema(_axis_distance_km, start, end, _REFINE_STEP) if not greatest
    ]
    return min(minima, key=lambda t: abs(t.tt - near.tt)) if minima else near


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
    peak = sky_to_datetime(_greatest_eclipse(info.peak))
    return SkyEvent(EventKind.SOLAR_ECLIPSE, "", peak, payload, round(min(base, 100.0), 1))


def solar_eclipses(start: Time, end: Time) -> list[SkyEvent]:
    """Solar eclipses (found by astronomy-engine, timed on DE421) around a window."""
    events: list[SkyEvent] = []
    last = engine_time(end).ut + _REFINE_WINDOW
    info = astronomy.SearchGlobalSolarEclipse(engine_time(start).AddDays(-_REFINE_WINDOW))
    while info.peak.ut <= last:
        events.append(_solar_event(info))
        info = astronomy.NextGlobalSolarEclipse(info.peak)
    return events


def _overlap_fraction(distance: float, radius: float, shadow: float) -> float:
    """Fraction of a disc (radius) inside a concentric-plane circle (shadow) at a distance."""
    if distance >= radius + shadow:
        return 0.0
    if distance <= shadow - radius:
        return 1.0
    # The lens where two circles intersect, as a share of the disc's area.
    a = (
        radius
        * radius
        * math.acos((distance**2 + radius**2 - shadow**2) / (2.0 * distance * radius))
    )
    b = (
        shadow
        * shadow
        * math.acos((distance**2 + shadow**2 - radius**2) / (2.0 * distance * shadow))
    )
    c = 0.5 * math.sqrt(
        max(
            0.0,
            (-distance + radius + shadow)
            * (distance + radius - shadow)
            * (distance - radius + shadow)
            * (distance + radius + shadow),
        )
    )
    return (a + b - c) / (math.pi * radius * radius)


def _lunar_event(peak: Time) -> SkyEvent | None:
    shadow = earth_shadow(peak)
    distance, moon, penumbra, umbra = (float(value) for value in shadow)
    if distance >= penumbra + moon:
        return None
    kind = (
        "total"
        if distance < umbra - moon
        else "partial"
        if distance < umbra + moon
        else "penumbral"
    )
    umbral = (umbra + moon - distance) / (2.0 * moon)
    payload: Payload = {
        "type": kind,
        "magnitude": round(umbral, 4),
        "penumbral_magnitude": round((penumbra + moon - distance) / (2.0 * moon), 4),
        "obscuration": round(_overlap_fraction(distance, moon, umbra), 4),
        **moon_details(engine_time(peak)),
    }
    payload.update(lunar_contacts(peak))
    significance = {
        "total": 85.0,
        "partial": 50.0 + 25.0 * min(umbral, 1.0),
        "penumbral": 15.0 + 15.0 * min((penumbra + moon - distance) / (2.0 * moon), 1.0),
    }[kind]
    return SkyEvent(
        EventKind.LUNAR_ECLIPSE, "", sky_to_datetime(peak), payload, round(significance, 1)
    )


def lunar_eclipses(start: Time, end: Time) -> list[SkyEvent]:
    """Lunar eclipses around a window: full moons near enough the Earth's shadow axis."""
    events = []
    for time, full in extrema(shadow_axis_angle, start, end, _FULL_MOON_STEP):
        if full:
            event = _lunar_event(time)
            if event is not None:
                events.append(event)
    return events
