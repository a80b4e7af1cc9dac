"""Eclipse maps: the zones fall where the geometry says, markers sit on their places."""

from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray
from PIL import Image

from astro.events import compute_events
from astro.kinds import EventKind
from astro.sky_event import SkyEvent
from core.i18n import I18n
from pictures.render import PictureFormat, Place, render_picture
from pictures.world import base_map

WIDTH = 1200


def _event(kind: EventKind, day: datetime) -> SkyEvent:
    events = compute_events(day, day.replace(hour=23, minute=59), frozenset({kind}))
    assert len(events) == 1
    return events[0]


def _pixel(image: Image.Image, latitude: float, longitude: float) -> NDArray[np.int64]:
    x = int((longitude + 180.0) * WIDTH / 360.0)
    y = int((90.0 - latitude) * WIDTH / 360.0)
    pixels = np.asarray(image.convert("RGB"), dtype=np.int64)
    return np.asarray(pixels[y, x], dtype=np.int64)


def _decode(data: bytes) -> Image.Image:
    Image.open(BytesIO(data)).verify()
    return Image.open(BytesIO(data))


@pytest.fixture(scope="module")
def i18n() -> I18n:
    """The ten catalogues."""
    return I18n.load()


def test_solar_eclipse_map_2027(i18n: I18n, artifacts: Path) -> None:
    event = _event(EventKind.SOLAR_ECLIPSE, datetime(2027, 8, 2, tzinfo=UTC))
    data = render_picture(
        event, width=WIDTH, tr=i18n.get("en"), place=Place(36.72, -4.42), timezone="Europe/Madrid"
    )
    (artifacts / "solar-2027-08-02-en.png").write_bytes(data)
    image = _decode(data)
    assert image.size == (WIDTH, WIDTH // 2)
    base = base_map(WIDTH)
    # NASA's central line crosses 20°E at 32.02°N (Libya): drawn red; greatest eclipse yellow.
    central = _pixel(image, 32.02, 20.0)
    assert central[0] > 150
    assert central[1] < 110
    latitude, longitude = event.payload["latitude"], event.payload["longitude"]
    assert isinstance(latitude, float)
    assert isinstance(longitude, float)
    greatest = _pixel(image, latitude, longitude)
    assert greatest[0] > 200
    assert greatest[1] > 200
    assert greatest[2] < 150
    # Paris sees a partial eclipse (tinted); Los Angeles none (the bare map).
    assert not np.array_equal(_pixel(image, 48.86, 2.35), _pixel(base, 48.86, 2.35))
    assert np.array_equal(_pixel(image, 34.05, -118.24), _pixel(base, 34.05, -118.24))


def test_lunar_eclipse_map_2025_09_07(i18n: I18n, artifacts: Path) -> None:
    event = _event(EventKind.LUNAR_ECLIPSE, datetime(2025, 9, 7, tzinfo=UTC))
    data = render_picture(event, width=WIDTH, tr=i18n.get("ru"), place=Place(55.75, 37.62))
    (artifacts / "lunar-2025-09-07-ru.png").write_bytes(data)
    image = _decode(data)
    base = base_map(WIDTH)
    delhi, new_york = (28.61, 77.21), (40.71, -74.01)
    assert _pixel(image, *delhi).sum() > _pixel(base, *delhi).sum() + 60
    assert np.array_equal(_pixel(image, *new_york), _pixel(base, *new_york))


@pytest.mark.parametrize("fmt", list(PictureFormat))
def test_format_choices_decode(fmt: PictureFormat) -> None:
    event = _event(EventKind.FULL_MOON, datetime(2026, 12, 24, tzinfo=UTC))
    image = _decode(render_picture(event, width=300, fmt=fmt))
    assert image.format == fmt.value.upper()
    assert image.size == (300, 300)
