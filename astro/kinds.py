"""The kinds of sky events StarsCalendars computes, stores and announces."""

from enum import StrEnum


class EventKind(StrEnum):
    """One kind of astronomical event; the value is stored in the database."""

    NEW_MOON = "new_moon"
    FIRST_QUARTER = "first_quarter"
    FULL_MOON = "full_moon"
    LAST_QUARTER = "last_quarter"
    SUPERMOON = "supermoon"
    MICROMOON = "micromoon"
    LUNAR_PERIGEE = "lunar_perigee"
    LUNAR_APOGEE = "lunar_apogee"
    SOLAR_ECLIPSE = "solar_eclipse"
    LUNAR_ECLIPSE = "lunar_eclipse"
    EQUINOX_MARCH = "equinox_march"
    SOLSTICE_JUNE = "solstice_june"
    EQUINOX_SEPTEMBER = "equinox_september"
    SOLSTICE_DECEMBER = "solstice_december"
    OPPOSITION = "opposition"
    SOLAR_CONJUNCTION = "solar_conjunction"
    GREATEST_ELONGATION = "greatest_elongation"
    MOON_CONJUNCTION = "moon_conjunction"
    METEOR_SHOWER = "meteor_shower"


# The Moon's phases and the sizes of new and full moons: the events the Moon's face tells.
MOON_PHASE_KINDS = frozenset(
    {
        EventKind.NEW_MOON,
        EventKind.FIRST_QUARTER,
        EventKind.FULL_MOON,
        EventKind.LAST_QUARTER,
        EventKind.SUPERMOON,
        EventKind.MICROMOON,
    }
)


class Body(StrEnum):
    """Bodies an event can be about (stored as the event's subject)."""

    MERCURY = "mercury"
    VENUS = "venus"
    MARS = "mars"
    JUPITER = "jupiter"
    SATURN = "saturn"
    URANUS = "uranus"
    NEPTUNE = "neptune"


class MeteorShower(StrEnum):
    """The IMO major annual showers whose peaks we announce (stored as the subject)."""

    QUADRANTIDS = "quadrantids"
    LYRIDS = "lyrids"
    ETA_AQUARIIDS = "eta_aquariids"
    PERSEIDS = "perseids"
    ORIONIDS = "orionids"
    LEONIDS = "leonids"
    GEMINIDS = "geminids"
