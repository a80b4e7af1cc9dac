"""The drawn Moon against the ephemeris: lit share of the disc and the side of the bright limb.

The expected illuminated fraction comes from astronomy-engine (its own lunar theory), not from
the skyfield computation the picture is drawn from.
"""

from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import astronomy
import numpy as np
import pytest
from PIL import Image

from astro.moon_view import moon_view
from pictures.moon import draw_moon

SIZE = 400
# The drawn disc's radius as a share of the picture's side.
RADIUS = 0.46
# Lit pixels are far brighter than the earthshine and the darkest mare in sunlight.
LIT_LEVEL = 60


def _engine_fraction(moment: datetime) -> float:
    time = astronomy.Time.Make(
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second
    )
    return float(astronomy.Illumination(astronomy.Body.Moon, time).phase_fraction)


def _disc(image: Image.Image) -> tuple[np.ndarray, np.ndarray]:
    """The pixels inside the disc and which of them are lit."""
    gray = np.asarray(image.convert("L"), dtype=np.float64)
    coords = np.arange(SIZE) + 0.5 - SIZE / 2.0
    x, y = np.meshgrid(coords, coords)
    inside = np.hypot(x, y) < RADIUS * SIZE - 1.5
    return inside, inside & (gray > LIT_LEVEL)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 12, 18, 0, tzinfo=UTC),  # young crescent
        datetime(2026, 12, 17, 5, 43, tzinfo=UTC),  # near first quarter
        datetime(2026, 12, 20, 0, 0, tzinfo=UTC),  # waxing gibbous
        datetime(2026, 12, 24, 1, 28, tzinfo=UTC),  # full
        datetime(2027, 1, 3, 12, 0, tzinfo=UTC),  # waning crescent
    ],
)
def test_lit_share_of_the_drawn_disc_is_the_ephemeris_fraction(
    moment: datetime, artifacts: Path
) -> None:
    image = draw_moon(moon_view(moment), SIZE)
    image.save(artifacts / f"moon-{moment:%Y%m%dT%H%M}.png")
    inside, lit = _disc(image)
    assert abs(lit.sum() / inside.sum() - _engine_fraction(moment)) < 0.02


@pytest.mark.parametrize(
    ("moment", "hemisphere", "bright_right"),
    [
        (datetime(2026, 12, 20, tzinfo=UTC), "north", True),
        (datetime(2026, 12, 20, tzinfo=UTC), "south", False),
        (datetime(2026, 12, 28, tzinfo=UTC), "north", False),
        (datetime(2026, 12, 28, tzinfo=UTC), "south", True),
    ],
)
def test_bright_limb_side(
    moment: datetime, hemisphere: str, bright_right: bool, artifacts: Path
) -> None:
    view = moon_view(moment, "north" if hemisphere == "north" else "south")
    assert view.waxing is (moment.day == 20)
    image = draw_moon(view, SIZE)
    image.save(artifacts / f"moon-limb-{moment:%Y%m%d}-{hemisphere}.png")
    _inside, lit = _disc(image)
    columns = np.nonzero(lit)[1]
    assert bool(columns.mean() > SIZE / 2) is bright_right


def test_a_place_turns_the_disc_to_its_zenith() -> None:
    # An evening waxing Moon low in the west of Sydney: its bright limb points down-left
    # toward the set Sun, far from where it points on a north-up drawing.
    moment = datetime(2026, 12, 17, 9, 0, tzinfo=UTC)
    north_up = moon_view(moment, "north")
    sydney = moon_view(moment, "south", latitude=-33.87, longitude=151.21)
    assert north_up.illuminated == pytest.approx(sydney.illuminated, abs=0.01)
    difference = abs((sydney.tilt - north_up.tilt + 180.0) % 360.0 - 180.0)
    assert difference > 30.0


def test_picture_is_a_valid_non_empty_png() -> None:
    image = draw_moon(moon_view(datetime(2026, 12, 24, tzinfo=UTC)), 256)
    buffer = BytesIO()
    image.save(buffer, "PNG")
    decoded = Image.open(BytesIO(buffer.getvalue()))
    decoded.verify()
    assert decoded.size == (256, 256)
    assert np.asarray(image).std() > 20.0
