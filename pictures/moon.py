"""The Moon's disc at an instant: the lit part from the ephemeris, the maria for recognition.

No freely licensed lunar photograph ships in a package we can depend on, so the disc is drawn:
a sphere lit from the Sun's direction (the terminator is exact, so the lit share of the disc is
the ephemeris' illuminated fraction) with the large maria as soft darker patches.
"""

import math
from functools import lru_cache
from typing import Final

import numpy as np
from numpy.typing import NDArray
from PIL import Image

from astro.moon_view import MoonView

Grid = NDArray[np.floating]
_SKY: Final = (11, 16, 32)
# Albedo of the highlands; a mare is darker by its weight.
_HIGHLAND: Final = np.array([236.0, 233.0, 224.0])
# The unlit side keeps a trace of earthshine so that the whole disc reads as the Moon.
_EARTHSHINE: Final = 0.09
# Large maria: selenographic longitude and latitude of the centre (degrees), radius
# (degrees of arc on the sphere) and darkness (0..1).
_MARIA: Final = (
    (-57.0, 18.0, 30.0, 0.30),  # Oceanus Procellarum
    (-16.0, 33.0, 17.0, 0.34),  # Mare Imbrium
    (17.5, 28.0, 10.0, 0.32),  # Mare Serenitatis
    (31.4, 8.5, 11.0, 0.34),  # Mare Tranquillitatis
    (59.1, 17.0, 7.0, 0.38),  # Mare Crisium
    (51.3, -7.8, 8.0, 0.30),  # Mare Fecunditatis
    (35.5, -13.3, 5.5, 0.28),  # Mare Nectaris
    (-16.6, -21.3, 9.0, 0.26),  # Mare Nubium
    (-3.6, 4.0, 6.0, 0.24),  # Sinus Medii and Mare Vaporum
    (-38.6, -24.4, 6.0, 0.26),  # Mare Humorum
)


def _rotated(x: Grid, y: Grid, angle: float) -> tuple[Grid, Grid]:
    """Components along the direction `angle` from the top (counter-clockwise) and across it."""
    rad = math.radians(angle)
    along_x, along_y = -math.sin(rad), -math.cos(rad)
    return x * along_x + y * along_y, x * along_y - y * along_x


@lru_cache(maxsize=8)
def _albedo(size: int) -> Image.Image:
    """The surface's brightness (0..1) with the Moon's north at the top, as a float image."""
    radius = size * 0.46
    coords = (np.arange(size, dtype=np.float64) + 0.5 - size / 2.0) / radius
    x, y = np.meshgrid(coords, coords)
    depth = np.sqrt(np.clip(1.0 - x * x - y * y, 0.0, None))
    darkness = np.zeros_like(x)
    for longitude, latitude, radius_deg, weight in _MARIA:
        lon, lat = math.radians(longitude), math.radians(latitude)
        # Selenographic east (toward Crisium) faces the sky's west: right when north is up.
        cosine = (
            x * math.cos(lat) * math.sin(lon)
            - y * math.sin(lat)
            + depth * math.cos(lat) * math.cos(lon)
        )
        angle = np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0)))
        darkness += weight * np.clip((radius_deg - angle) / (0.4 * radius_deg), 0.0, 1.0)
    albedo = (1.0 - np.clip(darkness, 0.0, 0.5)).astype(np.float32)
    return Image.fromarray(albedo, "F")


def draw_moon(view: MoonView, size: int = 512) -> Image.Image:
    """An RGB picture of the Moon as the view describes it, `size` pixels square."""
    radius = size * 0.46
    coords = (np.arange(size, dtype=np.float32) + 0.5 - size / 2.0) / radius
    x, y = np.meshgrid(coords, coords)
    rr = x * x + y * y
    depth = np.sqrt(np.clip(1.0 - rr, 0.0, None))
    toward, _ = _rotated(x, y, view.tilt)
    phase = math.radians(view.phase_angle)
    sunlit = toward * math.sin(phase) + depth * math.cos(phase)
    # A soft terminator a pixel or two wide, and a gentle darkening toward the limb.
    light = np.clip(sunlit * radius / 1.5 + 0.5, 0.0, 1.0) * (0.82 + 0.18 * depth)
    light = np.maximum(light, _EARTHSHINE)
    albedo = np.asarray(
        _albedo(size).rotate(view.north, Image.Resampling.BILINEAR, fillcolor=1.0),
        dtype=np.float32,
    )
    edge = np.clip((1.0 - np.sqrt(rr)) * radius + 0.5, 0.0, 1.0)
    shade = (light * albedo * edge)[..., None] * _HIGHLAND.astype(np.float32)
    pixels = shade + np.asarray(_SKY, dtype=np.float32) * (1.0 - edge)[..., None]
    return Image.fromarray(np.clip(pixels, 0.0, 255.0).astype(np.uint8), "RGB")
