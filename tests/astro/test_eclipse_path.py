"""Solar eclipse paths against NASA's.

The reference central lines are computed here, independently of astro/, from NASA's published
polynomial Besselian elements (F. Espenak, Five Millennium Canon of Solar Eclipses, NASA/GSFC;
VSOP87/ELP2000-85, with NASA's ΔT), by the textbook fundamental-plane method: no skyfield, no
DE421 and no code of ours. NASA's greatest-eclipse points are typed from the same tables.
"""

import itertools
import math
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import pytest

from astro.eclipse_path import moon_up, solar_eclipse_path

_FLATTENING = 1.0 / 298.257223563
_E2 = _FLATTENING * (2.0 - _FLATTENING)
# Earth's rotation per second of ΔT (degrees): NASA's μ runs on TDT, longitudes on UT.
_ROTATION_PER_SECOND = 0.00417807


@dataclass(frozen=True)
class Elements:
    """NASA's polynomial Besselian elements (t in hours from t0 TDT)."""

    x: tuple[float, ...]
    y: tuple[float, ...]
    d: tuple[float, ...]
    mu: tuple[float, ...]
    delta_t: float
    greatest_utc: datetime
    greatest: tuple[float, float]
    width_km: float


NASA = {
    "2026-08-12": Elements(
        x=(0.4755140, 0.5189249, -0.0000773, -0.0000080),
        y=(0.7711830, -0.2301680, -0.0001246, 0.0000038),
        d=(14.7966700, -0.0120650, -0.0000030),
        mu=(88.747787, 15.003090),
        delta_t=75.4,
        greatest_utc=datetime(2026, 8, 12, 17, 45, 51, tzinfo=UTC),
        greatest=(65.2, -25.2),
        width_km=293.9,
    ),
    "2027-08-02": Elements(
        x=(-0.0197720, 0.5447123, -0.0000446, -0.0000092),
        y=(0.1600610, -0.2111582, -0.0001217, 0.0000038),
        d=(17.7624702, -0.0101810, -0.0000040),
        mu=(328.422546, 15.002100),
        delta_t=76.0,
        greatest_utc=datetime(2027, 8, 2, 10, 6, 34, tzinfo=UTC),
        greatest=(25.5, 33.2),
        width_km=257.7,
    ),
    "2028-07-22": Elements(
        x=(-0.1544090, 0.5449892, -0.0000214, -0.0000087),
        y=(-0.5864240, -0.1746085, -0.0001021, 0.0000030),
        d=(20.1823101, -0.0079740, -0.0000050),
        mu=(223.378677, 15.001020),
        delta_t=76.6,
        greatest_utc=datetime(2028, 7, 22, 2, 55, 23, tzinfo=UTC),
        greatest=(-15.6, 126.7),
        width_km=230.2,
    ),
}


def _poly(coefficients: tuple[float, ...], t: float) -> float:
    return sum(c * t**n for n, c in enumerate(coefficients))


def _nasa_central_line(elements: Elements) -> list[tuple[float, float]]:
    """The central line from the elements: the shadow axis met on the WGS 84 ellipsoid."""
    line = []
    for t in np.arange(-3.5, 3.5, 0.002):
        x, y = _poly(elements.x, t), _poly(elements.y, t)
        d = math.radians(_poly(elements.d, t))
        hour_angle = _poly(elements.mu, t) - _ROTATION_PER_SECOND * elements.delta_t
        lam = -math.radians(hour_angle)
        k = np.array([math.cos(d) * math.cos(lam), math.cos(d) * math.sin(lam), math.sin(d)])
        i = np.array([-math.sin(lam), math.cos(lam), 0.0])
        j = np.cross(k, i)
        scale = np.array([1.0, 1.0, 1.0 / (1.0 - _FLATTENING)])
        origin, direction = (x * i + y * j) * scale, k * scale
        a, b = direction @ direction, 2.0 * origin @ direction
        disc = b * b - 4.0 * a * (origin @ origin - 1.0)
        if disc < 0.0:
            continue
        point = x * i + y * j + (-b + math.sqrt(disc)) / (2.0 * a) * k
        latitude = math.atan2(point[2], (1.0 - _E2) * math.hypot(point[0], point[1]))
        line.append((math.degrees(latitude), math.degrees(math.atan2(point[1], point[0]))))
    return line


def _latitude_at(
    line: list[tuple[float, float]], longitude: float, band: tuple[float, float]
) -> float:
    """The line's latitude where it crosses a meridian, within a band of latitudes."""
    points = [p for p in line if band[0] <= p[0] <= band[1]]
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(points):
        if (lon1 - longitude) * (lon2 - longitude) <= 0.0 and lon1 != lon2:
            return lat1 + (lat2 - lat1) * (longitude - lon1) / (lon2 - lon1)
    raise AssertionError(f"the line does not cross {longitude}° within {band}")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2.0 * 6371.0 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("date", "longitudes", "band"),
    [
        # Iceland to Spain, after the path has come down from the pole.
        ("2026-08-12", (-20.0, -10.0, -3.0), (35.0, 66.0)),
        ("2027-08-02", (-5.0, 20.0, 33.0), (-90.0, 90.0)),
        ("2028-07-22", (115.0, 135.0, 150.0), (-90.0, 90.0)),
    ],
)
def test_central_line_latitudes_match_nasa(
    date: str, longitudes: tuple[float, ...], band: tuple[float, float]
) -> None:
    elements = NASA[date]
    path = solar_eclipse_path(elements.greatest_utc)
    nasa = _nasa_central_line(elements)
    for longitude in longitudes:
        ours = _latitude_at(path.central, longitude, band)
        theirs = _latitude_at(nasa, longitude, band)
        assert abs(ours - theirs) < 0.2, (longitude, ours, theirs)


@pytest.mark.parametrize("date", list(NASA))
def test_greatest_eclipse_and_path_width_match_nasa(date: str) -> None:
    elements = NASA[date]
    path = solar_eclipse_path(elements.greatest_utc)
    assert path.total
    assert path.greatest[0] == pytest.approx(elements.greatest[0], abs=0.1)
    assert path.greatest[1] == pytest.approx(elements.greatest[1], abs=0.1)
    north = min(_km(path.greatest, point) for point in path.north_limit)
    south = min(_km(path.greatest, point) for point in path.south_limit)
    assert north + south == pytest.approx(elements.width_km, rel=0.1)


def test_partial_zone_surrounds_the_central_path() -> None:
    path = solar_eclipse_path(NASA["2027-08-02"].greatest_utc)
    magnitude = path.magnitude
    inside = magnitude > 0.0
    # A large partial zone (Europe, Africa, southern Asia), the central path inside it.
    assert 0.1 < inside.mean() < 0.5
    row = int((90.0 - 25.5) / 1.5)
    column = int((33.2 + 180.0) / 1.5)
    assert magnitude[row, column] > 0.9
    # No eclipse at all in the Americas' Pacific coast.
    assert magnitude[int((90.0 - 34.0) / 1.5), int((-118.0 + 180.0) / 1.5)] < 0.0


def test_moon_up_is_the_hemisphere_under_the_moon() -> None:
    # Total lunar eclipse of 2025-09-07 (18:11 UTC): seen from Asia and Australia, not America.
    up = moon_up(datetime(2025, 9, 7, 18, 11, tzinfo=UTC))
    assert 0.45 < up.mean() < 0.55
    assert up[int((90.0 - 28.6) / 1.5), int((77.2 + 180.0) / 1.5)]  # Delhi
    assert not up[int((90.0 - 40.7) / 1.5), int((-74.0 + 180.0) / 1.5)]  # New York


def test_an_instant_without_an_eclipse_has_no_path_and_no_zone() -> None:
    path = solar_eclipse_path(datetime(2027, 9, 15, 12, tzinfo=UTC))
    assert path.central == []
    assert path.north_limit == []
    assert (path.magnitude < 0.0).all()
