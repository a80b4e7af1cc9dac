"""Close conjunctions of the Moon with the bright planets (same geocentric ecliptic longitude)."""

import math
from typing import Final

import astronomy

from astro.kinds import Body, EventKind
from astro.planets import BODIES, planet_details
from astro.shadow import angle_between
from astro.sky_event import SkyEvent
from astro.timescale import to_datetime

BRIGHT_PLANETS: Final = (Body.MERCURY, Body.VENUS, Body.MARS, Body.JUPITER, Body.SATURN)
# Our definition of "close": the Moon passes within 5 degrees of the planet...
MAX_SEPARATION_DEG: Final = 5.0
# ...and the planet stands far enough from the Sun to be seen at all.
MIN_ELONGATION_DEG: Final = 12.0
# The Moon gains on any planet by 10-16 degrees a day: once a conjunction is within this many
# days by the mean rate, it lies inside a search window of twice that, where the longitude
# difference only grows.
_SEARCH_WINDOW: Final = 1.5
_MEAN_RELATIVE_RATE: Final = 12.2
_BASE_SIGNIFICANCE: Final = {
    Body.MERCURY: 25.0,
    Body.VENUS: 40.0,
    Body.MARS: 30.0,
    Body.JUPITER: 35.0,
    Body.SATURN: 30.0,
}


def _longitude_gap(body: astronomy.Body, time: astronomy.Time) -> float:
    moon = float(astronomy.EclipticGeoMoon(time).lon)
    planet = float(astronomy.Ecliptic(astronomy.GeoVector(body, time, True)).elon)
    return (moon - planet + 180.0) % 360.0 - 180.0


def _conjunction_times(
    body: astronomy.Body, start: astronomy.Time, end: astronomy.Time
) -> list[astronomy.Time]:
    times: list[astronomy.Time] = []
    time = start
    while time.ut <= end.ut:
        ahead = (-_longitude_gap(body, time) % 360.0) / _MEAN_RELATIVE_RATE
        if ahead > _SEARCH_WINDOW:
            # The mean rate misjudges a month ahead by days: approach, then estimate again
            # (stepping at least half a window, so the approach ends).
            time = time.AddDays(ahead - _SEARCH_WINDOW / 3.0)
            continue
        found = astronomy.Search(
            _longitude_gap, body, time, time.AddDays(2.0 * _SEARCH_WINDOW), 1.0
        )
        if found is None or found.ut > end.ut:
            break
        times.append(found)
        time = found.AddDays(20.0)
    return times


def moon_conjunctions(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Conjunctions closer than MAX_SEPARATION_DEG of planets visible away from the Sun."""
    events: list[SkyEvent] = []
    for body in BRIGHT_PLANETS:
        planet = BODIES[body]
        for time in _conjunction_times(planet, start, end):
            moon = astronomy.GeoMoon(time)
            target = astronomy.GeoVector(planet, time, True)
            separation = math.degrees(angle_between(moon, target))
            elongation = float(astronomy.AngleFromSun(planet, time))
            if separation > MAX_SEPARATION_DEG or elongation < MIN_ELONGATION_DEG:
                continue
            moon_latitude = float(astronomy.EclipticGeoMoon(time).lat)
            planet_latitude = float(astronomy.Ecliptic(target).elat)
            payload = planet_details(body, time)
            payload["separation_deg"] = round(separation, 2)
            payload["moon_position"] = "north" if moon_latitude > planet_latitude else "south"
            payload["elongation_deg"] = round(elongation, 1)
            closeness = 1.0 - separation / MAX_SEPARATION_DEG
            significance = _BASE_SIGNIFICANCE[body] + 25.0 * closeness
            events.append(
                SkyEvent(
                    EventKind.MOON_CONJUNCTION,
                    body.value,
                    to_datetime(time),
                    payload,
                    round(significance, 1),
                )
            )
    return events
