"""Finding a user's IANA timezone offline: by shared location, typed city, or UTC offset."""

import unicodedata
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo

import babel.dates
from babel import Locale
from timezonefinder import TimezoneFinder

from core.i18n import CLDR_LOCALES
from core.languages import LANGUAGES

# Zones named after a place; Etc/, US/ and other legacy aliases have no city to type.
_PLACE_AREAS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
# Near a pole every meridian meets and a zone says nothing about the local clock.
POLAR_LATITUDE = 89.0
MAX_MATCHES = 8
MIN_QUERY_LENGTH = 2
MAX_QUERY_LENGTH = 64
# Whole-hour offsets in use somewhere, UTC-12 to UTC+14.
UTC_OFFSETS = tuple(range(-12, 15))


@dataclass(frozen=True, slots=True)
class ZoneMatch:
    """A timezone that matches what the user typed, with the city name to show."""

    zone: str
    city: str


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, so "sao paulo" finds "São Paulo"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.replace("_", " ").replace("-", " ").split())


@cache
def place_zones() -> tuple[str, ...]:
    """Every IANA zone named after a place, sorted."""
    return tuple(
        sorted(z for z in zoneinfo.available_timezones() if z.split("/", 1)[0] in _PLACE_AREAS)
    )


def city_name(zone: str, language: str) -> str:
    """The zone's exemplar city as CLDR writes it in `language` ("Берлин", "東京")."""
    locale = Locale.parse(CLDR_LOCALES.get(language, "en_GB"))
    return str(babel.dates.get_timezone_location(zone, locale=locale, return_city=True))


@cache
def _city_index(language: str) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(zone, localized city, folded names in this language and English) for every place zone."""
    index = []
    for zone in place_zones():
        local = city_name(zone, language)
        names = {_fold(local), _fold(city_name(zone, "en")), _fold(zone.rsplit("/", 1)[-1])}
        index.append((zone, local, frozenset(names)))
    return tuple(index)


def find_zones(query: str, language: str) -> list[ZoneMatch]:
    """Zones whose city name equals, then starts with, then contains what the user typed."""
    folded = _fold(query)
    if not MIN_QUERY_LENGTH <= len(folded) <= MAX_QUERY_LENGTH:
        return []
    ranked: list[tuple[int, str, ZoneMatch]] = []
    for zone, city, names in _city_index(language if language in LANGUAGES else "en"):
        if folded in names:
            rank = 0
        elif any(name.startswith(folded) for name in names):
            rank = 1
        elif any(folded in name for name in names):
            rank = 2
        else:
            continue
        ranked.append((rank, city, ZoneMatch(zone, city)))
    ranked.sort(key=lambda item: (item[0], item[1]))
    return [match for _, _, match in ranked[:MAX_MATCHES]]


def offset_zone(hours: int) -> str:
    """The Etc zone of a whole-hour offset (POSIX signs are inverted: UTC+3 is Etc/GMT-3)."""
    if hours not in UTC_OFFSETS:
        raise ValueError(f"no zone for UTC offset {hours}")
    return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"


def utc_offset_label(zone: str, now: datetime | None = None) -> str:
    """The zone's current offset as "UTC+5:30", "UTC-3" or "UTC"."""
    offset = (now or datetime.now(UTC)).astimezone(ZoneInfo(zone)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def is_known_zone(zone: str) -> bool:
    """True for an IANA zone this system knows (guards callback data against forgery)."""
    return zone in zoneinfo.available_timezones()


@cache
def _finder() -> TimezoneFinder:
    # Loading the boundary data takes a moment; do it once, on the first shared location.
    return TimezoneFinder()


def zone_at(latitude: float, longitude: float) -> str | None:
    """The timezone at a place, or None where none applies (near the poles)."""
    if abs(latitude) >= POLAR_LATITUDE:
        return None
    found = _finder().timezone_at(lng=longitude, lat=latitude)
    return found if found and is_known_zone(found) else None
