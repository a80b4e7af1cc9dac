"""What an event looks like from one place: visibility, local times, altitudes, obscuration."""

from collections.abc import Mapping
from datetime import datetime
from importlib import import_module
from typing import Any, Final, Protocol

import astronomy

from astro.kinds import MOON_PHASE_KINDS, Body, EventKind, MeteorShower
from astro.meteors import SHOWER_BY_ID
from astro.planets import BODIES
from astro.sky_event import JSONValue, Payload
from astro.timescale import to_datetime, to_time
from astro.zones import check_coordinates

# The engine's module proper (its package re-exports only the public names).
_ENGINE: Final = import_module("astronomy.astronomy")
_LUNAR_KINDS: Final = MOON_PHASE_KINDS | {EventKind.MOON_CONJUNCTION}
_PLANET_KINDS: Final = frozenset({EventKind.OPPOSITION, EventKind.GREATEST_ELONGATION})
# The Sun this far below the horizon leaves the sky dark enough for planets and meteors.
_DARK_SUN_ALTITUDE: Final = -6.0
_LOCAL_TYPES: Final = {
    astronomy.EclipseKind.Partial: "partial",
    astronomy.EclipseKind.Annular: "annular",
    astronomy.EclipseKind.Total: "total",
}


def _iso(time: astronomy.Time) -> str:
    return to_datetime(time).isoformat()


def _altitude(body: astronomy.Body, time: astronomy.Time, observer: astronomy.Observer) -> float:
    # Aberration (20") is far below what matters for being above the horizon; skip its cost.
    equator = astronomy.Equator(body, time, observer, True, False)
    horizon = astronomy.Horizon(
        time, observer, equator.ra, equator.dec, astronomy.Refraction.Normal
    )
    return round(float(horizon.altitude), 1)


def _visible_span(
    body: astronomy.Body, observer: astronomy.Observer, begin: astronomy.Time, end: astronomy.Time
) -> tuple[astronomy.Time, astronomy.Time] | None:
    """The first stretch of [begin, end] with the body above the horizon."""
    days = end.ut - begin.ut
    if _altitude(body, begin, observer) > 0.0:
        rise = begin
    else:
        rise = astronomy.SearchRiseSet(body, observer, astronomy.Direction.Rise, begin, days)
        if rise is None:
            return None
    set_ = astronomy.SearchRiseSet(body, observer, astronomy.Direction.Set, rise, end.ut - rise.ut)
    return rise, (end if set_ is None else set_)


def _solar_eclipse(time: astronomy.Time, observer: astronomy.Observer) -> Payload:
    # The public SearchLocalSolarEclipse walks on to later eclipses when this one is not seen
    # here; the shadow search around this eclipse's peak answers for this eclipse only.
    shadow = _ENGINE._PeakLocalMoonShadow(time, observer)
    if shadow.r >= shadow.p:
        return {"visible": False}
    info = _ENGINE._LocalEclipse(shadow, observer)
    span = _visible_span(
        astronomy.Body.Sun, observer, info.partial_begin.time, info.partial_end.time
    )
    result: Payload = {
        "visible": span is not None,
        "type": _LOCAL_TYPES[info.kind],
        "obscuration": round(float(info.obscuration), 4),
        "partial_begin": _iso(info.partial_begin.time),
        "peak": _iso(info.peak.time),
        "partial_end": _iso(info.partial_end.time),
        "sun_altitude": round(float(info.peak.altitude), 1),
    }
    if info.total_begin is not None:
        result["total_begin"] = _iso(info.total_begin.time)
        result["total_end"] = _iso(info.total_end.time)
    if span is not None:
        result["visible_from"], result["visible_to"] = _iso(span[0]), _iso(span[1])
    return result


def _lunar_eclipse(
    time: astronomy.Time, payload: Mapping[str, JSONValue], observer: astronomy.Observer
) -> Payload:
    # What counts is the umbral phase; a penumbral eclipse only has its penumbral one.
    phase = "penumbral" if payload["type"] == "penumbral" else "partial"
    begin = to_time(datetime.fromisoformat(str(payload[f"{phase}_begin"])))
    end = to_time(datetime.fromisoformat(str(payload[f"{phase}_end"])))
    span = _visible_span(astronomy.Body.Moon, observer, begin, end)
    result: Payload = {
        "visible": span is not None,
        "moon_altitude": _altitude(astronomy.Body.Moon, time, observer),
    }
    if span is not None:
        result["visible_from"], result["visible_to"] = _iso(span[0]), _iso(span[1])
    return result


def _sky_object(
    body: astronomy.Body, time: astronomy.Time, observer: astronomy.Observer, dark: bool
) -> Payload:
    altitude = _altitude(body, time, observer)
    if not dark:
        return {"visible": altitude > 0.0, "altitude": altitude}
    sun_altitude = _altitude(astronomy.Body.Sun, time, observer)
    visible = altitude > 0.0 and sun_altitude < _DARK_SUN_ALTITUDE
    return {"visible": visible, "altitude": altitude, "sun_altitude": sun_altitude}


def _meteor_radiant(shower: str, time: astronomy.Time, observer: astronomy.Observer) -> Payload:
    radiant = SHOWER_BY_ID[MeteorShower(shower)]
    horizon = astronomy.Horizon(
        time,
        observer,
        radiant.radiant_ra_deg / 15.0,
        radiant.radiant_dec_deg,
        astronomy.Refraction.Normal,
    )
    altitude = round(float(horizon.altitude), 1)
    sun_altitude = _altitude(astronomy.Body.Sun, time, observer)
    visible = altitude > 0.0 and sun_altitude < _DARK_SUN_ALTITUDE
    return {"visible": visible, "radiant_altitude": altitude, "sun_altitude": sun_altitude}


class EventLike(Protocol):
    """Anything shaped like a SkyEvent: the dataclass itself or a stored row."""

    @property
    def kind(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def occurs_at(self) -> datetime: ...
    @property
    def payload(self) -> Mapping[str, Any]: ...


def local_circumstances(event: EventLike, latitude: float, longitude: float) -> Payload:
    """How an event shows from a place; times are ISO UTC (render them in the user's zone).

    visible means: eclipses - the Sun/Moon is up during the eclipse (visible_from/visible_to
    give the stretch); Moon events - the Moon is above the horizon at the instant; planets and
    meteor radiants - above the horizon in a dark sky at the instant. Equinoxes, solstices
    and apsides happen everywhere at once (visible true, no position data).
    """
    check_coordinates(latitude, longitude)
    observer = astronomy.Observer(latitude, longitude, 0.0)
    time = to_time(event.occurs_at)
    kind, subject = EventKind(event.kind), event.subject
    if kind is EventKind.SOLAR_ECLIPSE:
        return _solar_eclipse(time, observer)
    if kind is EventKind.LUNAR_ECLIPSE:
        return _lunar_eclipse(time, event.payload, observer)
    if kind in _LUNAR_KINDS:
        return _sky_object(astronomy.Body.Moon, time, observer, dark=False)
    if kind in _PLANET_KINDS:
        return _sky_object(BODIES[Body(subject)], time, observer, dark=True)
    if kind is EventKind.METEOR_SHOWER:
        return _meteor_radiant(subject, time, observer)
    return {"visible": True}
