"""Write the DE421 reference set the engine is tested against: `python scripts/astro_reference.py`.

An independent computation of 2025-2035: skyfield's public positions with its full IAU 2000A
nutation and default light deflection, sampled densely (minutes to a day apart) and every
root bracketed by a sign change refined by plain bisection to a millisecond. Nothing of
astro/'s searches, lattices or shadow code is used; only the ephemeris file and time scale
are loaded through astro.ephemeris, and the IMO's peak longitudes read from astro.meteors
(they are catalogue data, not computation). Lunar eclipses are found by skyfield's own
eclipselib; their contacts are solved here on apparent positions with Danjon's 1 %
enlargement of the Earth, as NASA's catalogue and the engine's magnitudes use.

Output: tests/astro/data/de421_2025_2035.json (UTC to the millisecond, IERS ΔT of skyfield's
built-in table).
"""

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from functools import partial
from pathlib import Path
from typing import Any, Final
from zoneinfo import ZoneInfo

import numpy as np
from numpy.typing import NDArray
from skyfield.api import wgs84
from skyfield.eclipselib import lunar_eclipses
from skyfield.framelib import ecliptic_frame, ecliptic_J2000_frame
from skyfield.positionlib import Apparent
from skyfield.timelib import Time

from astro.ephemeris import ephemeris, timescale
from astro.meteors import SHOWERS

Array = NDArray[np.float64]
Flags = NDArray[np.bool_]
Curve = Callable[[Array], Array]
OUTPUT: Final = Path(__file__).resolve().parent.parent / "tests/astro/data/de421_2025_2035.json"
START: Final = datetime(2025, 1, 1, tzinfo=UTC)
END: Final = datetime(2036, 1, 1, tzinfo=UTC)
# Bisection stops when the bracket is this short (days): a millisecond.
PRECISION: Final = 1e-3 / 86400.0
# Half the interval of the central differences whose sign change marks an extremum (days).
SLOPE: Final = 30.0 / 86400.0
NAMES: Final = {
    "sun": "sun",
    "moon": "moon",
    "mercury": "mercury",
    "venus": "venus",
    "mars": "mars barycenter",
    "jupiter": "jupiter barycenter",
    "saturn": "saturn barycenter",
    "uranus": "uranus barycenter",
    "neptune": "neptune barycenter",
}
PLANETS: Final = ("mercury", "venus", "mars", "jupiter", "saturn", "uranus", "neptune")
BRIGHT: Final = ("mercury", "venus", "mars", "jupiter", "saturn")
PHASES: Final = ("new_moon", "first_quarter", "full_moon", "last_quarter")
SEASONS: Final = ("equinox_march", "solstice_june", "equinox_september", "solstice_december")
EARTH_KM: Final = 6378.137
MOON_KM: Final = 1737.1
SUN_KM: Final = 695_700.0
ERAD_KM: Final = 6378.1366
# Standard refraction at the horizon, degrees.
REFRACTION: Final = 34.0 / 60.0
# Places and days of the rise/set references: every 23rd day, so each weekday, season and
# lunar phase comes round; a high latitude where the Sun rises at a shallow angle.
PLACES: Final = (
    ("berlin", 52.52, 13.40, "Europe/Berlin"),
    ("sydney", -33.87, 151.21, "Australia/Sydney"),
    ("reykjavik", 64.15, -21.94, "Atlantic/Reykjavik"),
)
RISE_SET_EVERY_DAYS: Final = 23


def jd_range(step: float) -> Array:
    """TT Julian dates from a day before START to a day after END, `step` days apart."""
    ts = timescale()
    first = ts.from_datetime(START).tt - 1.0
    last = ts.from_datetime(END).tt + 1.0
    return np.arange(first, last + step, step)


def at(jd: Array) -> Time:
    """Skyfield times of TT Julian dates."""
    return timescale().tt_jd(jd)


def position(name: str, jd: Array) -> Apparent:
    """Apparent geocentric position (light time, aberration, deflection, IAU 2000A).

    Behind the Sun's disc the deflection formula diverges (the planet is hidden there):
    such a planet's place is taken undeflected.
    """
    eph = ephemeris()
    earth = eph["earth"].at(at(jd))
    astrometric = earth.observe(eph[NAMES[name]])
    seen = astrometric.apparent()
    if name in ("sun", "moon"):
        return seen
    sun = earth.observe(eph["sun"])
    radius = np.arcsin(SUN_KM / sun.distance().km)
    hidden = astrometric.separation_from(sun).radians < radius
    if np.any(hidden):
        bare = astrometric.apparent(())
        seen.position.au[:, hidden] = bare.position.au[:, hidden]
    return seen


def longitude(name: str, jd: Array) -> Array:
    """Apparent ecliptic longitude of date, degrees."""
    return np.asarray(position(name, jd).frame_latlon(ecliptic_frame)[1].degrees)


def wrap(degrees: Array) -> Array:
    """An angle into [-180, 180)."""
    return np.asarray((degrees + 180.0) % 360.0 - 180.0)


def of(name: str) -> Curve:
    """A body's apparent ecliptic longitude as a curve."""
    return partial(longitude, name)


def gap(first: Curve, second: Curve | None = None, offset: float = 0.0) -> Curve:
    """first - second - offset, wrapped to ±180 degrees."""

    def curve(jd: Array) -> Array:
        return wrap(first(jd) - (0.0 if second is None else second(jd)) - offset)

    return curve


def bisect(curve: Curve, low: Array, high: Array) -> Array:
    """Roots of `curve` inside brackets [low, high] with a sign change, all at once."""
    if len(low) == 0:
        return low
    value_low = curve(low)
    while float(np.max(high - low)) > PRECISION:
        middle = (low + high) / 2.0
        value = curve(middle)
        same = np.sign(value) == np.sign(value_low)
        low = np.where(same, middle, low)
        value_low = np.where(same, value, value_low)
        high = np.where(same, high, middle)
    return (low + high) / 2.0


def roots(curve: Curve, grid: Array) -> tuple[Array, Flags]:
    """Where a continuous curve (an angle wrapped to ±180°) changes sign on a sampled grid.

    A sign change between two samples far from zero is the wrap at ±180°, not a root.
    Returns the roots and whether each is a rise through zero.
    """
    values = curve(grid)
    near = (np.abs(values[:-1]) < 90.0) & (np.abs(values[1:]) < 90.0)
    index = np.flatnonzero((np.sign(values[:-1]) != np.sign(values[1:])) & near)
    return bisect(curve, grid[index], grid[index + 1]), np.asarray(values[index] < 0.0)


def extremes(curve: Curve, grid: Array) -> tuple[Array, Flags]:
    """Local maxima (True) and minima (False) of a smooth curve, from its central differences."""

    def slope(jd: Array) -> Array:
        return curve(jd + SLOPE) - curve(jd - SLOPE)

    found, rising = roots(slope, grid)
    return found, ~rising


def utc(jd: Array) -> list[str]:
    """ISO UTC strings to the millisecond."""
    if len(jd) == 0:
        return []
    return [str(text) for text in at(jd).utc_iso(places=3)]


def row(kind: str, subject: str, jd: float, **extra: Any) -> dict[str, Any]:
    """One reference event."""
    return {"kind": kind, "subject": subject, "utc": utc(np.array([jd]))[0], **extra}


def in_range(jd: Array) -> Flags:
    """Which TT dates fall between START and END."""
    ts = timescale()
    return np.asarray((jd >= ts.from_datetime(START).tt) & (jd < ts.from_datetime(END).tt))


def quarter_crossings(curve: Curve, grid: Array) -> list[tuple[float, int]]:
    """Instants an increasing angle passes 0, 90, 180 and 270 degrees, with the quarter."""
    found: list[tuple[float, int]] = []
    for quarter in range(4):
        times, _ = roots(gap(curve, offset=90.0 * quarter), grid)
        found += [(float(t), quarter) for t in times[in_range(times)]]
    return sorted(found)


def moon_km(jd: Array) -> Array:
    """Geocentric distance of the Moon's centre (geometric), km."""
    eph = ephemeris()
    return np.asarray((eph["moon"] - eph["earth"]).at(at(jd)).distance().km)


def phases() -> list[dict[str, Any]]:
    """Quarters of the Moon, with its distance for supermoons and micromoons."""
    crossings = quarter_crossings(gap(of("moon"), of("sun")), jd_range(1.0 / 24.0))
    distances = moon_km(np.array([t for t, _ in crossings]))
    return [
        row(PHASES[q], "", t, distance_km=round(float(km), 1))
        for (t, q), km in zip(crossings, distances, strict=True)
    ]


def seasons() -> list[dict[str, Any]]:
    """Equinoxes and solstices: the apparent Sun at a multiple of 90 degrees."""
    crossings = quarter_crossings(of("sun"), jd_range(1.0))
    return [row(SEASONS[q], "", t) for t, q in crossings]


def apsides() -> list[dict[str, Any]]:
    """Perigees and apogees: extrema of the Moon's geocentric distance."""
    times, maxima = extremes(moon_km, jd_range(1.0 / 24.0))
    keep = in_range(times)
    return [
        row("lunar_apogee" if farthest else "lunar_perigee", "", float(t))
        for t, farthest in zip(times[keep], maxima[keep], strict=True)
    ]


def separation(first: str, second: str, jd: Array) -> Array:
    """Angle between two apparent positions, degrees."""
    return np.asarray(position(first, jd).separation_from(position(second, jd)).degrees)


def moon_conjunctions() -> list[dict[str, Any]]:
    """Every Moon-planet conjunction in longitude, with separation and the planet's elongation."""
    events = []
    grid = jd_range(1.0 / 24.0)
    for planet in BRIGHT:
        times, _ = roots(gap(of("moon"), of(planet)), grid)
        times = times[in_range(times)]
        apart = separation("moon", planet, times)
        elongation = separation(planet, "sun", times)
        events += [
            row(
                "moon_conjunction",
                planet,
                float(t),
                separation_deg=round(float(s), 4),
                elongation_deg=round(float(e), 4),
            )
            for t, s, e in zip(times, apart, elongation, strict=True)
        ]
    return events


def sun_passages() -> list[dict[str, Any]]:
    """Oppositions (outer planets) and conjunctions with the Sun in apparent longitude."""
    events = []
    grid = jd_range(0.25)
    for planet in PLANETS:
        for target, kind in ((0.0, "solar_conjunction"), (180.0, "opposition")):
            if kind == "opposition" and planet in ("mercury", "venus"):
                continue
            times, _ = roots(gap(of(planet), of("sun"), target), grid)
            events += [row(kind, planet, float(t)) for t in times[in_range(times)]]
    return events


def elongations() -> list[dict[str, Any]]:
    """Greatest elongations of Mercury and Venus: maxima of their angle from the Sun."""
    events = []
    for planet in ("mercury", "venus"):
        times, maxima = extremes(partial(separation, planet, "sun"), jd_range(0.25))
        keep = in_range(times) & maxima
        angles = separation(planet, "sun", times[keep])
        events += [
            row("greatest_elongation", planet, float(t), elongation_deg=round(float(a), 3))
            for t, a in zip(times[keep], angles, strict=True)
        ]
    return events


def meteor_showers() -> list[dict[str, Any]]:
    """Shower peaks: the apparent Sun's longitude on the J2000 ecliptic at the IMO's value."""

    def sun_j2000(jd: Array) -> Array:
        return np.asarray(position("sun", jd).frame_latlon(ecliptic_J2000_frame)[1].degrees)

    events = []
    grid = jd_range(1.0)
    for shower in SHOWERS:
        times, _ = roots(gap(sun_j2000, offset=shower.peak_longitude), grid)
        events += [
            row("meteor_shower", shower.shower.value, float(t)) for t in times[in_range(times)]
        ]
    return events


def axis_distance_km(jd: Array) -> Array:
    """Distance from the Earth's centre to the axis of the Moon's shadow."""
    moon = position("moon", jd).xyz.km
    sun = position("sun", jd).xyz.km
    axis = moon - sun
    return np.asarray(
        np.linalg.norm(np.cross(moon, axis, axis=0), axis=0) / np.linalg.norm(axis, axis=0)
    )


def penumbra_reach_km(jd: Array) -> Array:
    """How far from the Earth's centre the Moon's penumbra can touch the Earth."""
    moon = position("moon", jd).xyz.km
    sun = position("sun", jd).xyz.km
    moon_sun = np.linalg.norm(moon - sun, axis=0)
    behind = np.linalg.norm(moon, axis=0)
    return np.asarray(EARTH_KM + MOON_KM + behind * (SUN_KM + MOON_KM) / moon_sun)


def solar_eclipses(new_moons: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Greatest solar eclipses: least distance of the shadow axis, where the penumbra touches."""
    ts = timescale()
    events = []
    for new_moon in new_moons:
        centre = ts.from_datetime(datetime.fromisoformat(new_moon["utc"])).tt
        grid = centre + np.arange(-0.5, 0.5, 10.0 / 1440.0)
        times, maxima = extremes(axis_distance_km, grid)
        times = times[~maxima]
        if len(times) and axis_distance_km(times)[0] < penumbra_reach_km(times)[0]:
            gamma = float(axis_distance_km(times)[0]) / EARTH_KM
            events.append(row("solar_eclipse", "", float(times[0]), gamma=round(gamma, 4)))
    return events


def shadow_margin(level: int, jd: Array) -> Array:
    """Moon-to-axis angle minus a contact's limit: penumbral (0), umbral (1), total (2), deg."""
    moon = position("moon", jd)
    sun = position("sun", jd)
    moon_km_ = moon.distance().km
    sun_km = sun.distance().km
    distance = 180.0 - np.asarray(moon.separation_from(sun).degrees)
    radius = np.degrees(np.arcsin(MOON_KM / moon_km_))
    parallaxes = np.degrees(1.01 * ERAD_KM / moon_km_ + ERAD_KM / sun_km)
    sun_radius = np.degrees(np.arcsin(696_340.0 / sun_km))
    penumbra = parallaxes + sun_radius
    umbra = parallaxes - sun_radius
    limits = (penumbra + radius, umbra + radius, umbra - radius)
    return np.asarray(distance - limits[level])


def lunar() -> list[dict[str, Any]]:
    """Lunar eclipses (skyfield's eclipselib) with contacts solved on the Danjon shadow."""
    ts = timescale()
    times, kinds, details = lunar_eclipses(
        ts.from_datetime(START), ts.from_datetime(END), ephemeris()
    )
    names = ("penumbral", "partial", "total")
    events = []
    for index, peak in enumerate(times.tt):
        grid = peak + np.arange(-0.3, 0.3, 2.0 / 1440.0)
        contacts: dict[str, str] = {}
        for level, phase in enumerate(names):
            margin = partial(shadow_margin, level)
            # The margin grows through zero as the Moon leaves that part of the shadow.
            found, leaving = roots(margin, grid)
            for t, ends in zip(found, leaving, strict=True):
                contacts[f"{phase}_{'end' if ends else 'begin'}"] = utc(np.array([t]))[0]
        events.append(
            row(
                "lunar_eclipse",
                "",
                float(peak),
                type=names[int(kinds[index])],
                magnitude=round(float(details["umbral_magnitude"][index]), 4),
                **contacts,
            )
        )
    return events


def horizon_margin(body: str, latitude: float, longitude: float) -> Curve:
    """Altitude of the body's upper limb above the refracted horizon, degrees."""
    eph = ephemeris()
    place = eph["earth"] + wgs84.latlon(latitude, longitude)
    radius_km = {"sun": SUN_KM, "moon": MOON_KM}[body]

    def margin(jd: Array) -> Array:
        seen = place.at(at(jd)).observe(eph[NAMES[body]]).apparent()
        altitude, _, distance = seen.altaz()
        limb = np.degrees(np.arcsin(radius_km / distance.km))
        return np.asarray(altitude.degrees + limb + REFRACTION)

    return margin


def rise_set() -> list[dict[str, Any]]:
    """Sunrise, sunset, moonrise and moonset of local days at three places."""
    ts = timescale()
    rows = []
    for name, latitude, longitude, zone_name in PLACES:
        zone = ZoneInfo(zone_name)
        day = START.date()
        while day < END.date():
            midnight = ts.from_datetime(datetime.combine(day, time(), zone)).tt
            next_midnight = ts.from_datetime(
                datetime.combine(day + timedelta(days=1), time(), zone)
            ).tt
            grid = np.append(np.arange(midnight, next_midnight, 5.0 / 1440.0), next_midnight)
            entry: dict[str, Any] = {"place": name, "date": day.isoformat()}
            for body in ("sun", "moon"):
                found, rising = roots(horizon_margin(body, latitude, longitude), grid)
                rises, sets = found[rising], found[~rising]
                entry[f"{body}rise"] = utc(rises[:1])[0] if len(rises) else None
                entry[f"{body}set"] = utc(sets[:1])[0] if len(sets) else None
            rows.append(entry)
            day += timedelta(days=RISE_SET_EVERY_DAYS)
    return rows


def main() -> None:
    """Compute every reference and write them, sorted, as one JSON file."""
    quarters = phases()
    new_moons = [q for q in quarters if q["kind"] == "new_moon"]
    events = list(quarters)
    for part in (seasons, apsides, moon_conjunctions, sun_passages, elongations, meteor_showers):
        events += part()
        sys.stderr.write(f"{part.__name__} done\n")
    events += solar_eclipses(new_moons) + lunar()
    events.sort(key=lambda event: (event["utc"], event["kind"], event["subject"]))
    document = {
        "_about": __doc__,
        "start": START.isoformat(),
        "end": END.isoformat(),
        "events": events,
        "places": {name: [lat, lon, zone] for name, lat, lon, zone in PLACES},
        "rise_set": rise_set(),
    }
    OUTPUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
