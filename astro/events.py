"""All sky events in a time window: the engine's single entry point.

Payload keys per kind (times are ISO 8601 UTC strings, distances km unless named _au):

- new_moon, first_quarter, full_moon, last_quarter: illumination (0..1), distance_km,
  constellation (IAU symbol), zodiac_sign (tropical, e.g. "aries").
- supermoon, micromoon: the phase's keys plus phase ("new" or "full"). A supermoon is a new
  or full moon closer than 360,000 km, a micromoon one farther than 405,000 km.
- lunar_perigee, lunar_apogee: distance_km.
- solar_eclipse: type (partial/annular/total/hybrid), magnitude (NASA's, at greatest
  eclipse), latitude/longitude of greatest eclipse, obscuration there (central ones only).
- lunar_eclipse: type (penumbral/partial/total), magnitude (umbral; negative when
  penumbral), penumbral_magnitude, obscuration, the Moon's keys, and contact times
  penumbral_begin/_end, partial_begin/_end, total_begin/_end (the phases that occur).
- equinox_march, solstice_june, equinox_september, solstice_december: season_north,
  season_south (the season each hemisphere begins).
- opposition, solar_conjunction, greatest_elongation, moon_conjunction (subject = planet):
  magnitude, distance_au, constellation; solar_conjunction of Mercury/Venus adds
  conjunction (inferior/superior); greatest_elongation adds direction (east = evening,
  west = morning) and elongation_deg; moon_conjunction adds separation_deg, moon_position
  (north/south of the planet) and elongation_deg (planet from the Sun).
- meteor_shower (subject = shower): zhr, solar_longitude (J2000), speed_kms, radiant
  (IAU symbol), moon_illumination at the peak.

significance (0..100) ranks events: total solar eclipse 100, equinoxes 60, full moon 45,
quarters 20, planetary events by the planet's brightness, meteor showers by ZHR and moonlight.
"""

from collections.abc import Callable, Collection
from datetime import datetime
from typing import Final

from skyfield.timelib import Time

from astro.eclipses import lunar_eclipses, solar_eclipses
from astro.errors import UnknownEventKindError
from astro.kinds import MOON_PHASE_KINDS, EventKind
from astro.meteors import meteor_showers
from astro.moon import lunar_apsides, moon_phases
from astro.moon_conjunctions import moon_conjunctions
from astro.planets import greatest_elongations, sun_passages
from astro.seasons import SEASON_KINDS, seasons
from astro.sky_event import JSONValue, Payload, SkyEvent
from astro.timescale import ensure_window, to_sky

__all__ = ["JSONValue", "Payload", "SkyEvent", "compute_events", "parse_kinds"]

_Producer = Callable[[Time, Time], list[SkyEvent]]
# Producers search a little beyond the window; events are then kept by their rounded second.
_MARGIN_DAYS: Final = 1.0 / 24.0
_PHASE_KINDS: Final = MOON_PHASE_KINDS
_APSIS_KINDS: Final = frozenset({EventKind.LUNAR_PERIGEE, EventKind.LUNAR_APOGEE})
_SUN_PASSAGE_KINDS: Final = frozenset({EventKind.OPPOSITION, EventKind.SOLAR_CONJUNCTION})
# Producers that yield exactly one kind.
_SINGLE_KIND: Final[dict[EventKind, _Producer]] = {
    EventKind.SOLAR_ECLIPSE: solar_eclipses,
    EventKind.LUNAR_ECLIPSE: lunar_eclipses,
    EventKind.GREATEST_ELONGATION: greatest_elongations,
    EventKind.MOON_CONJUNCTION: moon_conjunctions,
    EventKind.METEOR_SHOWER: meteor_showers,
}


def parse_kinds(values: Collection[str]) -> frozenset[EventKind]:
    """Event kinds from their string values; an unknown one is an error naming it."""
    kinds: set[EventKind] = set()
    for value in values:
        try:
            kinds.add(EventKind(value))
        except ValueError:
            raise UnknownEventKindError(
                f"unknown event kind {value!r}", value=value, known=[k.value for k in EventKind]
            ) from None
    return frozenset(kinds)


def compute_events(
    start: datetime, end: datetime, kinds: Collection[EventKind] | None = None
) -> list[SkyEvent]:
    """Events of the given kinds (all when None) from start to end inclusive, sorted by time."""
    ensure_window(start, end)
    wanted = frozenset(EventKind) if kinds is None else parse_kinds([str(k) for k in kinds])
    first, last = to_sky(start), to_sky(end)
    window = (first.ts.tt_jd(first.tt - _MARGIN_DAYS), last.ts.tt_jd(last.tt + _MARGIN_DAYS))
    events: list[SkyEvent] = []
    if wanted & _PHASE_KINDS:
        events += moon_phases(*window, wanted)
    if wanted & _APSIS_KINDS:
        events += lunar_apsides(*window, wanted)
    if wanted & _SUN_PASSAGE_KINDS:
        events += sun_passages(*window, wanted)
    if wanted & set(SEASON_KINDS):
        events += [event for event in seasons(*window) if event.kind in wanted]
    for kind, producer in _SINGLE_KIND.items():
        if kind in wanted:
            events += producer(*window)
    selected = [event for event in events if start <= event.occurs_at <= end]
    return sorted(selected, key=lambda event: (event.occurs_at, event.kind.value, event.subject))
