"""Equinoxes and solstices, and the season each starts in either hemisphere."""

from functools import partial
from typing import Final, Literal

from skyfield.timelib import Time

from astro.kinds import EventKind
from astro.sky import crossings, ecliptic_longitude
from astro.sky_event import Payload, SkyEvent
from astro.timescale import sky_to_datetime

Hemisphere = Literal["north", "south"]
Season = Literal["spring", "summer", "autumn", "winter"]

SEASON_KINDS: Final = (
    EventKind.EQUINOX_MARCH,
    EventKind.SOLSTICE_JUNE,
    EventKind.EQUINOX_SEPTEMBER,
    EventKind.SOLSTICE_DECEMBER,
)
_NORTHERN: Final[dict[EventKind, Season]] = {
    EventKind.EQUINOX_MARCH: "spring",
    EventKind.SOLSTICE_JUNE: "summer",
    EventKind.EQUINOX_SEPTEMBER: "autumn",
    EventKind.SOLSTICE_DECEMBER: "winter",
}
_OPPOSITE: Final[dict[Season, Season]] = {
    "spring": "autumn",
    "summer": "winter",
    "autumn": "spring",
    "winter": "summer",
}
_SIGNIFICANCE: Final = 60.0
_STEP_DAYS: Final = 20.0


def season_starting(kind: EventKind, hemisphere: Hemisphere) -> Season:
    """The astronomical season an equinox or solstice begins in a hemisphere."""
    season = _NORTHERN[kind]
    return season if hemisphere == "north" else _OPPOSITE[season]


def seasons(start: Time, end: Time) -> list[SkyEvent]:
    """Equinoxes and solstices around a window: the apparent Sun at a multiple of 90°."""
    events: list[SkyEvent] = []
    sun = partial(ecliptic_longitude, "sun")
    for time, quarter in crossings(sun, 4, start, end, _STEP_DAYS):
        kind = SEASON_KINDS[quarter]
        payload: Payload = {
            "season_north": season_starting(kind, "north"),
            "season_south": season_starting(kind, "south"),
        }
        events.append(SkyEvent(kind, "", sky_to_datetime(time), payload, _SIGNIFICANCE))
    return events
