"""Sunrise, sunset, moonrise and moonset on a local calendar day."""

from datetime import date, datetime, time, timedelta

import astronomy

from astro.sky_event import Payload
from astro.timescale import to_datetime, to_time
from astro.zones import check_coordinates, resolve_zone

_EVENTS = (
    ("sunrise", astronomy.Body.Sun, astronomy.Direction.Rise),
    ("sunset", astronomy.Body.Sun, astronomy.Direction.Set),
    ("moonrise", astronomy.Body.Moon, astronomy.Direction.Rise),
    ("moonset", astronomy.Body.Moon, astronomy.Direction.Set),
)


def rise_set(day: date, latitude: float, longitude: float, timezone: str) -> Payload:
    """Local ISO times of the Sun's and Moon's rising and setting that day (None if none)."""
    check_coordinates(latitude, longitude)
    zone = resolve_zone(timezone)
    # The local day can be 23 or 25 hours long across a daylight-saving change.
    midnight = datetime.combine(day, time(), zone)
    next_midnight = datetime.combine(day + timedelta(days=1), time(), zone)
    length_days = (next_midnight - midnight) / timedelta(days=1)
    observer = astronomy.Observer(latitude, longitude, 0.0)
    start = to_time(midnight)
    result: Payload = {}
    for name, body, direction in _EVENTS:
        found = astronomy.SearchRiseSet(body, observer, direction, start, length_days)
        result[name] = None if found is None else to_datetime(found).astimezone(zone).isoformat()
    return result
