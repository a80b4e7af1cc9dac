"""Equinoxes and solstices, and the season each starts in either hemisphere."""

from typing import Final, Literal

import astronomy

from astro.kinds import EventKind
from astro.sky_event import Payload, SkyEvent
from astro.timescale import to_datetime

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


def season_starting(kind: EventKind, hemisphere: Hemisphere) -> Season:
    """The astronomical season an equinox or solstice begins in a hemisphere."""
    season = _NORTHERN[kind]
    return season if hemisphere == "north" else _OPPOSITE[season]


def seasons(start: astronomy.Time, end: astronomy.Time) -> list[SkyEvent]:
    """Equinoxes and solstices between two times."""
    first_year = int(start.Calendar()[0])
    last_year = int(end.Calendar()[0])
    events: list[SkyEvent] = []
    for year in range(first_year, last_year + 1):
        info = astronomy.Seasons(year)
        times = (info.mar_equinox, info.jun_solstice, info.sep_equinox, info.dec_solstice)
        for kind, time in zip(SEASON_KINDS, times, strict=True):
            if start.ut <= time.ut <= end.ut:
                payload: Payload = {
                    "season_north": season_starting(kind, "north"),
                    "season_south": season_starting(kind, "south"),
                }
                events.append(SkyEvent(kind, "", to_datetime(time), payload, _SIGNIFICANCE))
    return events
