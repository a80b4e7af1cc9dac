"""Close conjunctions of the Moon with the bright planets (same apparent longitude of date)."""

from typing import Final

from skyfield.framelib import ecliptic_frame
from skyfield.timelib import Time

from astro.kinds import Body, EventKind
from astro.planets import planet_details
from astro.sky import apparent, crossings, longitude_gap
from astro.sky_event import SkyEvent
from astro.timescale import sky_to_datetime

BRIGHT_PLANETS: Final = (Body.MERCURY, Body.VENUS, Body.MARS, Body.JUPITER, Body.SATURN)
# Our definition of "close": the Moon passes within 5 degrees of the planet...
MAX_SEPARATION_DEG: Final = 5.0
# ...and the planet stands far enough from the Sun to be seen at all.
MIN_ELONGATION_DEG: Final = 12.0
# The Moon gains on any planet by 10-16 degrees a day, so passes 0° and 180° of longitude
# difference at least 11 days apart.
_STEP_DAYS: Final = 3.0
_BASE_SIGNIFICANCE: Final = {
    Body.MERCURY: 25.0,
    Body.VENUS: 40.0,
    Body.MARS: 30.0,
    Body.JUPITER: 35.0,
    Body.SATURN: 30.0,
}


def moon_conjunctions(start: Time, end: Time) -> list[SkyEvent]:
    """Conjunctions closer than MAX_SEPARATION_DEG of planets visible away from the Sun."""
    events: list[SkyEvent] = []
    for body in BRIGHT_PLANETS:
        gap = longitude_gap("moon", body.value)
        found = [time for time, half in crossings(gap, 2, start, end, _STEP_DAYS) if not half]
        if not found:
            continue
        # One vectorized look at every conjunction of this planet.
        times = found[0].ts.tt_jd([time.tt for time in found])
        moon, planet = apparent("moon", times), apparent(body.value, times)
        separations = moon.separation_from(planet).degrees
        elongations = planet.separation_from(apparent("sun", times)).degrees
        moon_latitudes = moon.frame_latlon(ecliptic_frame)[0].degrees
        planet_latitudes = planet.frame_latlon(ecliptic_frame)[0].degrees
        for index, time in enumerate(found):
            separation = float(separations[index])
            elongation = float(elongations[index])
            if separation > MAX_SEPARATION_DEG or elongation < MIN_ELONGATION_DEG:
                continue
            north = moon_latitudes[index] > planet_latitudes[index]
            payload = planet_details(body, time)
            payload["separation_deg"] = round(separation, 2)
            payload["moon_position"] = "north" if north else "south"
            payload["elongation_deg"] = round(elongation, 1)
            closeness = 1.0 - separation / MAX_SEPARATION_DEG
            significance = _BASE_SIGNIFICANCE[body] + 25.0 * closeness
            events.append(
                SkyEvent(
                    EventKind.MOON_CONJUNCTION,
                    body.value,
                    sky_to_datetime(time),
                    payload,
                    round(significance, 1),
                )
            )
    return events
