"""Oppositions, conjunctions with the Sun and greatest elongations of the planets."""

from functools import partial
from typing import Final

import astronomy
import numpy as np
from skyfield.timelib import Time

from astro.kinds import Body, EventKind
from astro.sky import Values, apparent, crossings, extrema, longitude_gap
from astro.sky_event import Payload, SkyEvent
from astro.timescale import engine_time, sky_to_datetime

BODIES: Final = {
    Body.MERCURY: astronomy.Body.Mercury,
    Body.VENUS: astronomy.Body.Venus,
    Body.MARS: astronomy.Body.Mars,
    Body.JUPITER: astronomy.Body.Jupiter,
    Body.SATURN: astronomy.Body.Saturn,
    Body.URANUS: astronomy.Body.Uranus,
    Body.NEPTUNE: astronomy.Body.Neptune,
}
INNER: Final = (Body.MERCURY, Body.VENUS)
OUTER: Final = (Body.MARS, Body.JUPITER, Body.SATURN, Body.URANUS, Body.NEPTUNE)
_OPPOSITION_SIGNIFICANCE: Final = {
    Body.MARS: 70.0,
    Body.JUPITER: 60.0,
    Body.SATURN: 55.0,
    Body.URANUS: 30.0,
    Body.NEPTUNE: 25.0,
}
_ELONGATION_SIGNIFICANCE: Final = {Body.MERCURY: 45.0, Body.VENUS: 55.0}
_CONJUNCTION_SIGNIFICANCE: Final = 15.0
# Sampling steps (days), below the shortest gap between two events of a kind: the Sun's
# longitude minus a planet's passes 0 or 180 at least 45 days apart (Mercury's conjunctions),
# and a greatest elongation is at least 40 days from the next extremum.
_CONJUNCTION_STEP: Final = 10.0
_ELONGATION_STEP: Final = 5.0


def planet_details(body: Body, moment: Time) -> Payload:
    """Brightness, distance and constellation of a planet at an instant."""
    planet = BODIES[body]
    time = engine_time(moment)
    illumination = astronomy.Illumination(planet, time)
    vector = astronomy.GeoVector(planet, time, True)
    equatorial = astronomy.EquatorFromVector(vector)
    return {
        "magnitude": round(float(illumination.mag), 2),
        "distance_au": round(float(vector.Length()), 4),
        "constellation": str(astronomy.Constellation(equatorial.ra, equatorial.dec).symbol),
    }


def _sun_passages(body: Body, start: Time, end: Time) -> list[tuple[Time, bool]]:
    """When the apparent longitudes of a planet and the Sun differ by 0° (False) or 180° (True)."""
    gap = longitude_gap(body.value, "sun")
    return [(time, bool(k)) for time, k in crossings(gap, 2, start, end, _CONJUNCTION_STEP)]


def _planet_event(kind: EventKind, body: Body, time: Time, significance: float) -> SkyEvent:
    return SkyEvent(
        kind, body.value, sky_to_datetime(time), planet_details(body, time), significance
    )


def sun_passages(start: Time, end: Time, kinds: frozenset[EventKind]) -> list[SkyEvent]:
    """Oppositions of Mars to Neptune and conjunctions of every planet with the Sun (inferior
    and superior for Mercury and Venus): apparent geocentric longitudes 180° or 0° apart.

    One search per planet answers both kinds.
    """
    events: list[SkyEvent] = []
    for body in BODIES:
        for time, opposite in _sun_passages(body, start, end):
            if opposite and EventKind.OPPOSITION in kinds:
                significance = _OPPOSITION_SIGNIFICANCE[body]
                events.append(_planet_event(EventKind.OPPOSITION, body, time, significance))
            if opposite or EventKind.SOLAR_CONJUNCTION not in kinds:
                continue
            event = _planet_event(
                EventKind.SOLAR_CONJUNCTION, body, time, _CONJUNCTION_SIGNIFICANCE
            )
            if body in INNER:
                nearer = (
                    apparent(body.value, time).distance().au < apparent("sun", time).distance().au
                )
                event.payload["conjunction"] = "inferior" if nearer else "superior"
            events.append(event)
    return events


def elongation(body: Body, time: Time) -> Values:
    """Angle between the apparent planet and the apparent Sun, degrees."""
    separation = apparent(body.value, time).separation_from(apparent("sun", time))
    return np.asarray(separation.degrees, dtype=np.float64)


def greatest_elongations(start: Time, end: Time) -> list[SkyEvent]:
    """Greatest eastern (evening) and western (morning) elongations of Mercury and Venus."""
    events: list[SkyEvent] = []
    for body in INNER:
        for time, greatest in extrema(partial(elongation, body), start, end, _ELONGATION_STEP):
            if not greatest:
                continue
            event = _planet_event(
                EventKind.GREATEST_ELONGATION, body, time, _ELONGATION_SIGNIFICANCE[body]
            )
            east = (float(longitude_gap(body.value, "sun")(time)) + 180.0) % 360.0 > 180.0
            event.payload["direction"] = "east" if east else "west"
            event.payload["elongation_deg"] = round(float(elongation(body, time)), 2)
            events.append(event)
    return events
