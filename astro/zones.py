"""IANA timezones: validation, local times, and the hemisphere a user lives in."""

from datetime import datetime
from functools import cache
from importlib.resources import files
from zoneinfo import ZoneInfo, available_timezones

from astro.errors import InvalidCoordinatesError, InvalidTimezoneError
from astro.seasons import Hemisphere


@cache
def known_zones() -> frozenset[str]:
    """Every IANA zone name this system can load (read once: listing walks the tz database)."""
    return frozenset(available_timezones())


def resolve_zone(name: str) -> ZoneInfo:
    """The zone of an IANA name; anything else is an error naming it.

    The one time-zone rule of the platform: checking the list first also refuses what ZoneInfo
    would turn into other exceptions (a folder such as "America" raises IsADirectoryError, a NUL
    ValueError) and keeps forged names from probing the file system.
    """
    if not isinstance(name, str) or name not in known_zones():
        raise InvalidTimezoneError(f"unknown timezone {name!r}", value=str(name))
    return ZoneInfo(name)


def local_time(moment: datetime, zone_name: str) -> datetime:
    """An aware instant as wall-clock time in a zone (DST and :30/:45 offsets included)."""
    return moment.astimezone(resolve_zone(zone_name))


def check_coordinates(latitude: float, longitude: float) -> None:
    """Reject a latitude past ±90 or a longitude past ±180."""
    if not -90.0 <= latitude <= 90.0:
        raise InvalidCoordinatesError(f"latitude {latitude} is outside ±90", value=latitude)
    if not -180.0 <= longitude <= 180.0:
        raise InvalidCoordinatesError(f"longitude {longitude} is outside ±180", value=longitude)


@cache
def _zone_latitude_signs() -> dict[str, str]:
    """Zone name to the sign of its principal location's latitude, from tzdata's tables."""
    signs: dict[str, str] = {}
    folder = files("tzdata").joinpath("zoneinfo")
    # zone.tab lists backward-compatible names that zone1970.tab merged away.
    for table in ("zone.tab", "zone1970.tab"):
        for line in folder.joinpath(table).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                _codes, coordinates, zone = line.split("\t")[:3]
                signs[zone] = coordinates[0]
    return signs


def hemisphere(latitude: float | None, timezone: str) -> Hemisphere:
    """The user's hemisphere: by latitude when known, else by the timezone's location."""
    resolve_zone(timezone)
    if latitude is None:
        # Zones without a place (UTC, Etc/GMT+3) count as northern, where most users live.
        return "south" if _zone_latitude_signs().get(timezone) == "-" else "north"
    check_coordinates(latitude, 0.0)
    return "south" if latitude < 0.0 else "north"
