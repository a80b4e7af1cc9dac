"""Where an eclipse is seen on the Earth: a solar eclipse's central path and partial zone, and
the part of the Earth with the Moon up during a lunar eclipse.

The shadow is the Moon's, cast along the line from the Sun through the Moon (both as their
light reaches the Earth, from DE421 through skyfield), in the Earth-fixed frame; its cones use
NASA's lunar radii (k1 for the penumbra, k2 for the umbra) so that the path matches the
Besselian elements NASA publishes. The Earth is the WGS 84 ellipsoid.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final

import numpy as np
from numpy.typing import NDArray
from skyfield.framelib import itrs
from skyfield.timelib import Time

from astro.shadow import SUN_RADIUS_KM
from astro.sky import body
from astro.skyfield_private import with_fast_nutation as fast
from astro.timescale import to_sky

Array = NDArray[np.float64]
EQUATOR_KM: Final = 6378.137
FLATTENING: Final = 1.0 / 298.257223563
_POLAR_SCALE: Final = 1.0 / (1.0 - FLATTENING)
_E2: Final = FLATTENING * (2.0 - FLATTENING)
# NASA's lunar radii in Earth radii: the mean limb (penumbra) and the limb's valleys (umbra).
_K_PENUMBRA: Final = 0.272488
_K_UMBRA: Final = 0.272281
# The Moon's penumbra touches the Earth for at most about 3.4 hours on each side of greatest
# eclipse; the central path lasts less than that.
_HALF_SPAN: Final = timedelta(hours=3, minutes=40)
_PATH_STEP: Final = timedelta(minutes=1)
_ZONE_STEP: Final = timedelta(minutes=4)
_OUTLINE_RAYS: Final = 96
# The grid of places the partial zone and the Moon's visibility are computed on (degrees).
GRID_STEP: Final = 1.5


@dataclass(frozen=True, slots=True)
class EclipsePath:
    """A solar eclipse on the Earth; lines are (latitude, longitude) in degrees, east positive."""

    central: list[tuple[float, float]]
    central_times: list[datetime]
    north_limit: list[tuple[float, float]]
    south_limit: list[tuple[float, float]]
    # Greatest magnitude seen with the Sun up, on the grid (rows from north, columns from
    # longitude -180): above 0 inside the partial zone, at least 1 inside the central path.
    magnitude: Array
    greatest: tuple[float, float]
    total: bool


def grid() -> tuple[Array, Array]:
    """Latitudes (north first) and longitudes (west first) of the grid's cell centres."""
    latitudes = np.arange(90.0 - GRID_STEP / 2.0, -90.0, -GRID_STEP)
    longitudes = np.arange(-180.0 + GRID_STEP / 2.0, 180.0, GRID_STEP)
    return latitudes, longitudes


def _times(peak: datetime, step: timedelta) -> Time:
    count = int(_HALF_SPAN / step)
    instants = [peak + step * i for i in range(-count, count + 1)]
    return fast(to_sky(peak).ts.from_datetimes(instants))


def _earth_fixed(name: str, times: Time) -> Array:
    """Where a body's light reaching the Earth's centre came from, Earth-fixed, km (3, n)."""
    astrometric = body("earth").at(times).observe(body(name))
    return np.asarray(astrometric.frame_xyz(itrs).km, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class _Shadow:
    moon: Array
    axis: Array  # unit vectors from the Sun through the Moon, (3, n)
    tan_penumbra: Array
    tan_umbra: Array


def _shadow(times: Time) -> _Shadow:
    moon = _earth_fixed("moon", times)
    sun = _earth_fixed("sun", times)
    axis = moon - sun
    distance = np.linalg.norm(axis, axis=0)
    axis = axis / distance
    return _Shadow(
        moon,
        axis,
        (SUN_RADIUS_KM + _K_PENUMBRA * EQUATOR_KM) / distance,
        (SUN_RADIUS_KM - _K_UMBRA * EQUATOR_KM) / distance,
    )


def _hit(origin: Array, direction: Array) -> Array:
    """Where rays first meet the ellipsoid (NaN where they miss), km (3, n)."""
    scale = np.array([[1.0], [1.0], [_POLAR_SCALE]])
    o, d = origin * scale, direction * scale
    a = np.sum(d * d, axis=0)
    b = 2.0 * np.sum(o * d, axis=0)
    c = np.sum(o * o, axis=0) - EQUATOR_KM**2
    disc = b * b - 4.0 * a * c
    with np.errstate(invalid="ignore"):
        s = (-b - np.sqrt(disc)) / (2.0 * a)
    s = np.where(disc >= 0.0, s, np.nan)
    return origin + s * direction


def geodetic(points: Array) -> tuple[Array, Array]:
    """Geodetic latitude and longitude (degrees) of points on the ellipsoid, km (3, n)."""
    x, y, z = points
    latitude = np.degrees(np.arctan2(z, (1.0 - _E2) * np.hypot(x, y)))
    return latitude, np.degrees(np.arctan2(y, x))


def _surface(latitudes: Array, longitudes: Array) -> tuple[Array, Array]:
    """Points of the ellipsoid at geodetic places (km, (3, n)) and their upward normals."""
    lat = np.radians(latitudes)
    lon = np.radians(longitudes)
    normal = np.stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
    radius = EQUATOR_KM / np.sqrt(1.0 - _E2 * np.sin(lat) ** 2)
    points = np.stack(
        [
            radius * np.cos(lat) * np.cos(lon),
            radius * np.cos(lat) * np.sin(lon),
            radius * (1.0 - _E2) * np.sin(lat),
        ]
    )
    return points, normal


def _limits(
    shadow: _Shadow, central: Array, valid: NDArray[np.bool_]
) -> tuple[list[tuple[float, float]], list[tuple[float, float]]]:
    """The umbra's (or antumbra's) northern and southern edges across the track."""
    north: list[tuple[float, float]] = []
    south: list[tuple[float, float]] = []
    helper = np.where(np.abs(shadow.axis[2:3]) < 0.9, [[0.0], [0.0], [1.0]], [[1.0], [0.0], [0.0]])
    first = np.cross(shadow.axis, helper, axis=0)
    first /= np.linalg.norm(first, axis=0)
    second = np.cross(shadow.axis, first, axis=0)
    angles = np.linspace(0.0, 2.0 * np.pi, _OUTLINE_RAYS, endpoint=False)
    indices = np.nonzero(valid)[0]
    for index in indices:
        previous, following = max(index - 1, indices[0]), min(index + 1, indices[-1])
        if previous == following:
            continue
        axis = shadow.axis[:, index : index + 1]
        moon = shadow.moon[:, index : index + 1]
        offsets = (
            np.cos(angles) * first[:, index : index + 1]
            + np.sin(angles) * second[:, index : index + 1]
        )
        along = float(np.dot((central[:, index] - moon[:, 0]), axis[:, 0]))
        points = moon + offsets
        for _ in range(3):
            radius = abs(_K_UMBRA * EQUATOR_KM - along * float(shadow.tan_umbra[index]))
            points = _hit(moon + radius * offsets, np.repeat(axis, _OUTLINE_RAYS, axis=1))
            along = float(np.nanmean(np.sum((points - moon) * axis, axis=0)))
        if np.isnan(points).any():
            continue
        # Across the track: the outline's points farthest to either side of its direction.
        track = central[:, following] - central[:, previous]
        up = central[:, index] / np.linalg.norm(central[:, index])
        across = np.cross(up, track)
        side = np.sum((points - central[:, index : index + 1]) * across[:, None], axis=0)
        lat, lon = geodetic(points[:, [int(np.argmax(side)), int(np.argmin(side))]])
        left, right = (float(lat[0]), float(lon[0])), (float(lat[1]), float(lon[1]))
        north.append(left if left[0] >= right[0] else right)
        south.append(right if left[0] >= right[0] else left)
    return north, south


def _magnitude_grid(peak: datetime) -> Array:
    """Greatest magnitude with the Sun above the horizon, over the grid."""
    latitudes, longitudes = grid()
    lon_mesh, lat_mesh = np.meshgrid(longitudes, latitudes)
    points, normals = _surface(lat_mesh.ravel(), lon_mesh.ravel())
    times = _times(peak, _ZONE_STEP)
    shadow = _shadow(times)
    # Only the instants the penumbra reaches the Earth (a generous bound) can add to the zone.
    moon_along = np.sum(shadow.moon * shadow.axis, axis=0)
    axis_gap = np.linalg.norm(shadow.moon - moon_along * shadow.axis, axis=0)
    reach = EQUATOR_KM + _K_PENUMBRA * EQUATOR_KM - moon_along * shadow.tan_penumbra
    near = axis_gap < reach
    if not near.any():
        return np.full(lat_mesh.shape, -1.0)
    times = times[near]
    shadow = _Shadow(
        shadow.moon[:, near],
        shadow.axis[:, near],
        shadow.tan_penumbra[near],
        shadow.tan_umbra[near],
    )
    sun = _earth_fixed("sun", times)
    # Every place against every instant at once, as (places, instants) matrices.
    moon_along = moon_along[near]
    along = points.T @ shadow.axis - moon_along
    relative_sq = (
        np.sum(points * points, axis=0)[:, None]
        - 2.0 * (points.T @ shadow.moon)
        + np.sum(shadow.moon * shadow.moon, axis=0)
    )
    across = np.sqrt(np.clip(relative_sq - along * along, 0.0, None))
    penumbra = _K_PENUMBRA * EQUATOR_KM + along * shadow.tan_penumbra
    umbra = _K_UMBRA * EQUATOR_KM - along * shadow.tan_umbra
    magnitude = (penumbra - across) / (penumbra + umbra)
    sun_up = normals.T @ sun > np.sum(points * normals, axis=0)[:, None]
    best = np.max(np.where(sun_up, magnitude, -1.0), axis=1)
    return np.asarray(best.reshape(lat_mesh.shape), dtype=np.float64)


def solar_eclipse_path(peak: datetime) -> EclipsePath:
    """The path of a solar eclipse whose greatest eclipse is at `peak` (aware datetime)."""
    times = _times(peak, _PATH_STEP)
    shadow = _shadow(times)
    central = _hit(shadow.moon, shadow.axis)
    valid = ~np.isnan(central[0])
    lat, lon = geodetic(central[:, valid])
    instants = [moment for moment, ok in zip(times.utc_datetime(), valid, strict=True) if ok]
    north, south = _limits(shadow, central, valid)
    at_peak = _shadow(fast(to_sky(peak).ts.from_datetimes([peak])))
    greatest_point = _hit(at_peak.moon, at_peak.axis)
    if np.isnan(greatest_point).any():
        # A partial eclipse: the axis misses; its closest approach to the Earth is the limb.
        toward = at_peak.moon - np.sum(at_peak.moon * at_peak.axis, axis=0) * at_peak.axis
        greatest_point = _hit(-toward * 2.0, toward / np.linalg.norm(toward, axis=0))
    g_lat, g_lon = geodetic(greatest_point)
    along = float(np.sum((greatest_point - at_peak.moon) * at_peak.axis))
    umbra = _K_UMBRA * EQUATOR_KM - along * float(at_peak.tan_umbra[0])
    return EclipsePath(
        central=[(float(a), float(b)) for a, b in zip(lat, lon, strict=True)],
        central_times=instants,
        north_limit=north,
        south_limit=south,
        magnitude=_magnitude_grid(peak),
        greatest=(float(g_lat[0]), float(g_lon[0])),
        total=umbra > 0.0,
    )


def moon_up(
    moment: datetime, latitudes: Array | None = None, longitudes: Array | None = None
) -> NDArray[np.bool_]:
    """Where the Moon's centre is above the horizon (parallax included), on a grid of places.

    The grid is the module's unless the latitudes (rows) and longitudes (columns) are given.
    """
    if latitudes is None or longitudes is None:
        latitudes, longitudes = grid()
    moon = _earth_fixed("moon", fast(to_sky(moment).ts.from_datetimes([moment])))[:, 0]
    lat = np.radians(latitudes)[:, None]
    lon = np.radians(longitudes)[None, :]
    # (moon - place) . up, split into what depends on latitude only and the rest.
    radius = EQUATOR_KM / np.sqrt(1.0 - _E2 * np.sin(lat) ** 2)
    place_up = radius * (np.cos(lat) ** 2 + (1.0 - _E2) * np.sin(lat) ** 2)
    moon_up_ = np.cos(lat) * (moon[0] * np.cos(lon) + moon[1] * np.sin(lon)) + moon[2] * np.sin(
        lat
    )
    return np.asarray(moon_up_ > place_up, dtype=np.bool_)
