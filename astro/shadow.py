"""Shadow-cone geometry of solar eclipses (vectors in AU, radii in km)."""

import math
from dataclasses import dataclass
from typing import Final

import astronomy

SUN_RADIUS_KM: Final = 695_700.0
# astronomy-engine's polar radius decides total versus annular at a point, as NASA's k does.
MOON_EDGE_RADIUS_KM: Final = 1736.0
EARTH_RADIUS_KM: Final = 6378.1366


@dataclass(frozen=True, slots=True)
class Shadow:
    """A body's shadow at the plane through a target, perpendicular to the shadow axis."""

    axis_distance_km: float
    umbra_km: float
    penumbra_km: float


def _dot(a: astronomy.Vector, b: astronomy.Vector) -> float:
    return float(a.x * b.x + a.y * b.y + a.z * b.z)


def shadow_at(
    body_radius_km: float, target: astronomy.Vector, direction: astronomy.Vector
) -> Shadow:
    """Shadow cast along `direction` (Sun to body) at `target` (relative to the body)."""
    u = _dot(direction, target) / _dot(direction, direction)
    dx = u * direction.x - target.x
    dy = u * direction.y - target.y
    dz = u * direction.z - target.z
    distance = astronomy.KM_PER_AU * math.sqrt(dx * dx + dy * dy + dz * dz)
    umbra = SUN_RADIUS_KM - (1.0 + u) * (SUN_RADIUS_KM - body_radius_km)
    penumbra = -SUN_RADIUS_KM + (1.0 + u) * (SUN_RADIUS_KM + body_radius_km)
    return Shadow(distance, umbra, penumbra)


def moon_shadow_on_earth(time: astronomy.Time) -> Shadow:
    """The Moon's shadow at the plane through the Earth's centre."""
    sun = astronomy.GeoVector(astronomy.Body.Sun, time, True)
    moon = astronomy.GeoMoon(time)
    return shadow_at(MOON_EDGE_RADIUS_KM, -moon, moon - sun)


def angle_between(a: astronomy.Vector, b: astronomy.Vector) -> float:
    """Angle between two vectors, in radians."""
    cosine = _dot(a, b) / (float(a.Length()) * float(b.Length()))
    return math.acos(min(1.0, max(-1.0, cosine)))
