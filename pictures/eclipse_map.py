"""Eclipse maps: where a solar eclipse is partial and central, where a lunar eclipse is seen."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

from astro.eclipse_path import EclipsePath, moon_up
from pictures.text import draw_runs, runs, runs_width
from pictures.world import base_map

Point = tuple[float, float]
Color = tuple[int, int, int]
_PARTIAL: Final = np.array([255.0, 176.0, 64.0])
_PARTIAL_EDGE: Final = (255, 206, 120)
_CENTRAL: Final = (214, 40, 40)
_CENTRAL_FILL: Final = (190, 30, 30)
_GREATEST: Final = (255, 240, 90)
_PLACE: Final = (255, 255, 255)
_MOON_UP: Final = np.array([225.0, 232.0, 255.0])
_CONTACT_COLOURS: Final = ((120, 200, 255), (255, 150, 210))
# Longitude jumps wider than this between two points mean the line crossed the date line.
_WRAP: Final = 180.0


@dataclass(frozen=True, slots=True)
class Marker:
    """The user's place on a map and, when words can be drawn, what they see there."""

    latitude: float
    longitude: float
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Words:
    """A map's title and the language (font) to draw words in; absent when they cannot render."""

    title: str
    language: str


def _xy(point: Point, width: int) -> tuple[float, float]:
    latitude, longitude = point
    scale = width / 360.0
    return (longitude + 180.0) * scale, (90.0 - latitude) * scale


def _upsampled(values: NDArray[np.float64], width: int) -> NDArray[np.float64]:
    """A grid over the globe, resampled smoothly to the map's pixels."""
    image = Image.fromarray(values.astype(np.float32), "F")
    resized = image.resize((width, width // 2), Image.Resampling.BILINEAR)
    return np.asarray(resized, dtype=np.float64)


def _outline(mask: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The pixels of a region that touch a pixel outside it."""
    inner = mask.copy()
    inner[1:, :] &= mask[:-1, :]
    inner[:-1, :] &= mask[1:, :]
    inner[:, 1:] &= mask[:, :-1]
    inner[:, :-1] &= mask[:, 1:]
    return mask & ~inner


def _tint(
    pixels: NDArray[np.float64], colour: NDArray[np.float64], alpha: NDArray[np.float64]
) -> None:
    pixels *= 1.0 - alpha[..., None]
    pixels += colour * alpha[..., None]


def _polyline(
    draw: ImageDraw.ImageDraw, points: Sequence[Point], width: int, line: int, colour: Color
) -> None:
    """A line through places, broken where it crosses the date line."""
    run: list[tuple[float, float]] = []
    previous: Point | None = None
    for point in points:
        if previous is not None and abs(point[1] - previous[1]) > _WRAP:
            if len(run) > 1:
                draw.line(run, fill=colour, width=line)
            run = []
        run.append(_xy(point, width))
        previous = point
    if len(run) > 1:
        draw.line(run, fill=colour, width=line)


def _marker(draw: ImageDraw.ImageDraw, point: Point, width: int, colour: Color) -> None:
    x, y = _xy(point, width)
    r = max(4.0, width / 150.0)
    draw.ellipse([x - r, y - r, x + r, y + r], outline=(0, 0, 0), fill=colour, width=2)
    draw.line([(x - 2 * r, y), (x - r, y)], fill=colour, width=2)
    draw.line([(x + r, y), (x + 2 * r, y)], fill=colour, width=2)


def _place(draw: ImageDraw.ImageDraw, place: Marker, width: int, words: Words | None) -> None:
    point = (place.latitude, place.longitude)
    x, y = _xy(point, width)
    r = max(5.0, width / 120.0)
    draw.ellipse([x - r, y - r, x + r, y + r], outline=_PLACE, width=3)
    draw.ellipse([x - 2, y - 2, x + 2, y + 2], fill=_PLACE)
    if place.label and words is not None:
        size = max(12, width // 60)
        pieces = runs(words.language, place.label, size)
        if pieces is None:
            return
        length = runs_width(pieces)
        left = min(x + r + 4, width - length - 6)
        top = y - size
        draw.rectangle(
            [left - 4, top - 2, left + length + 4, top + size * 1.5], fill=(0, 0, 0, 170)
        )
        draw_runs(draw, (left, top), pieces, _PLACE)


def _title(image: Image.Image, words: Words | None) -> None:
    if words is None:
        return
    width = image.width
    size = max(14, width // 40)
    pieces = runs(words.language, words.title, size)
    if pieces is None:
        return
    draw = ImageDraw.Draw(image, "RGBA")
    draw.rectangle([0, 0, width, int(size * 1.9)], fill=(0, 0, 0, 150))
    draw_runs(draw, (size * 0.6, size * 0.4), pieces, _PLACE)


def solar_eclipse_map(
    path: EclipsePath,
    greatest: Point,
    width: int,
    place: Marker | None = None,
    words: Words | None = None,
) -> Image.Image:
    """The partial zone shaded by magnitude, the central path, its line and greatest eclipse."""
    image = base_map(width).copy()
    magnitude = _upsampled(path.magnitude, width)
    pixels = np.asarray(image, dtype=np.float64).copy()
    inside = magnitude > 0.0
    _tint(pixels, _PARTIAL, np.where(inside, 0.12 + 0.4 * np.clip(magnitude, 0.0, 1.0), 0.0))
    pixels[_outline(inside)] = _PARTIAL_EDGE
    image = Image.fromarray(pixels.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image, "RGBA")
    for index in range(len(path.north_limit) - 1):
        corners = [
            path.north_limit[index],
            path.north_limit[index + 1],
            path.south_limit[index + 1],
            path.south_limit[index],
        ]
        longitudes = [corner[1] for corner in corners]
        if max(longitudes) - min(longitudes) < _WRAP:
            draw.polygon([_xy(c, width) for c in corners], fill=(*_CENTRAL_FILL, 150))
    line = max(2, width // 500)
    _polyline(draw, path.central, width, line, _CENTRAL)
    _marker(draw, greatest, width, _GREATEST)
    if place is not None:
        _place(draw, place, width, words)
    _title(image, words)
    return image


def lunar_eclipse_map(
    middle: datetime,
    contacts: Sequence[datetime],
    width: int,
    place: Marker | None = None,
    words: Words | None = None,
) -> Image.Image:
    """Where the Moon is up at mid-eclipse (lit), and its horizon at the first and last contact."""
    image = base_map(width).copy()
    pixels = np.asarray(image, dtype=np.float64).copy()
    scale = 360.0 / width
    latitudes = 90.0 - (np.arange(width // 2, dtype=np.float64) + 0.5) * scale
    longitudes = (np.arange(width, dtype=np.float64) + 0.5) * scale - 180.0
    up = moon_up(middle, latitudes, longitudes)
    _tint(pixels, _MOON_UP, np.where(up, 0.28, 0.0))
    for colour, moment in zip(_CONTACT_COLOURS, contacts, strict=False):
        pixels[_outline(moon_up(moment, latitudes, longitudes))] = colour
    image = Image.fromarray(pixels.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image, "RGBA")
    if place is not None:
        _place(draw, place, width, words)
    _title(image, words)
    return image
