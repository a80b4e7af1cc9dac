"""Oppositions, conjunctions with the Sun and greatest elongations of the planets."""

from typing import Final

import astronomy

from astro.kinds import Body, EventKind
from astro.sky_event import Payload, SkyEvent
from astro.timescale import to_datetime

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
# Skip this far past an event before searching for the next of the same kind (days);
# shorter than any planet's synodic period.
_RESUME_AFTER_DAYS: Final = 30.0


def planet_details(body: Body, time: astronomy.Time) -> Payload:
    """Brightness, distance and constellation of a planet at an instant."""
    planet = BODIES[body]
    illumination = astronomy.Illumination(planet, time)
    vector = astronomy.GeoVector(planet, time, True)
    equatorial = astronomy.EquatorFromVector(vector)
    return {
        "magnitude": round(float(illumination.mag), 2),
        "distance_au": round(float(vector.Length()), 4),
        "constellation": str(astronomy.Constellation(equatorial.ra, equatorial.dec).symbol),
    }


def _relative_longitude_events(
    body: Body, target: float, start: astronomy.Time, end: astronomy.Time
) -> list[astronomy.Time]:
    times: list[astronomy.Time] = []
    time = astronomy.SearchRelativeLongitude(BODIES[body], target, start)
    while time.ut <= end.ut:
        times.append(time)
        time = astronomy.SearchRelativeLongitude(
            BODIES[body], target, time.AddDays(_RESUME_AFTER_DAYS)
        )
    return times


def oppositions(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Oppositions of Mars to Neptune (Earth between the Sun and the planet)."""
    return [
        SkyEvent(
            EventKind.OPPOSITION,
            body.value,
            to_datetime(time),
            planet_details(body, time),
            _OPPOSITION_SIGNIFICANCE[body],
        )
        for body in OUTER
        for time in _relative_longitude_events(body, 0.0, start, end)
    ]


def solar_conjunctions(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Conjunctions of each planet with the Sun (inferior and superior for Mercury and Venus)."""
    events: list[SkyEvent] = []
    for body in BODIES:
        # Relative longitude 0 is an inferior conjunction for Mercury and Venus and an
        # opposition for the outer planets; 180 is always a (superior) conjunction.
        targets = ((0.0, "inferior"), (180.0, "superior")) if body in INNER else ((180.0, ""),)
        for target, conjunction in targets:
            for time in _relative_longitude_events(body, target, start, end):
                payload = planet_details(body, time)
                if conjunction:
                    payload["conjunction"] = conjunction
                events.append(
                    SkyEvent(
                        EventKind.SOLAR_CONJUNCTION,
                        body.value,
                        to_datetime(time),
                        payload,
                        _CONJUNCTION_SIGNIFICANCE,
                    )
                )
    return events


def greatest_elongations(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Greatest eastern (evening) and western (morning) elongations of Mercury and Venus."""
    events: list[SkyEvent] = []
    for body in INNER:
        found = astronomy.SearchMaxElongation(BODIES[body], start)
        while found is not None and found.time.ut <= end.ut:
            payload = planet_details(body, found.time)
            evening = found.visibility is astronomy.Visibility.Evening
            payload["direction"] = "east" if evening else "west"
            payload["elongation_deg"] = round(float(found.elongation), 2)
            events.append(
                SkyEvent(
                    EventKind.GREATEST_ELONGATION,
                    body.value,
                    to_datetime(found.time),
                    payload,
                    _ELONGATION_SIGNIFICANCE[body],
                )
            )
            found = astronomy.SearchMaxElongation(
                BODIES[body], found.time.AddDays(_RESUME_AFTER_DAYS)
            )
    return events
