"""Words go on a picture only where every character has a glyph and the script is shaped."""

from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from astro.events import compute_events
from astro.kinds import EventKind
from core.event_text import event_title
from core.i18n import I18n
from core.languages import LANGUAGES
from pictures.render import carries_words, render_picture
from pictures.text import font, runs, shaping_available


@pytest.fixture(scope="module")
def i18n() -> I18n:
    """The ten catalogues."""
    return I18n.load()


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_title_has_glyphs(language: str, i18n: I18n) -> None:
    tr = i18n.get(language)
    title = event_title(tr, "solar_eclipse", "", {"type": "total"}, "north")
    date = tr.format_date(datetime(2027, 8, 2, tzinfo=UTC), "UTC")
    pieces = runs(language, f"{title}   {date}", 30)
    assert pieces is not None
    assert "".join(text for _face, text in pieces) == f"{title}   {date}"
    assert carries_words("solar_eclipse", language)


def test_text_no_font_has_stays_in_the_caption() -> None:
    # Tibetan: none of the fonts the pictures use has it.
    assert runs("en", "ཀཁག", 30) is None


def test_moon_pictures_carry_no_words() -> None:
    assert not carries_words("full_moon", "en")


def test_devanagari_is_shaped(artifacts: Path) -> None:
    # "पूर्ण" needs the reph and the vowel sign reordered: shaped and unshaped text differ.
    assert shaping_available()
    word = "पूर्ण सूर्य ग्रहण"
    shaped = font("hi", 40)
    basic = ImageFont.truetype(shaped.path, 40, layout_engine=ImageFont.Layout.BASIC)
    pictures = []
    for face in (shaped, basic):
        image = Image.new("L", (400, 60))
        ImageDraw.Draw(image).text((5, 5), word, font=face, fill=255)
        pictures.append(np.asarray(image))
    Image.fromarray(pictures[0]).save(artifacts / "devanagari-shaped.png")
    assert not np.array_equal(pictures[0], pictures[1])


def test_map_title_band_only_with_words(i18n: I18n) -> None:
    day = datetime(2027, 8, 2, tzinfo=UTC)
    event = compute_events(day, day.replace(hour=23), frozenset({EventKind.SOLAR_ECLIPSE}))[0]
    with_words = Image.open(BytesIO(render_picture(event, width=600, tr=i18n.get("hy"))))
    without = Image.open(BytesIO(render_picture(event, width=600)))
    band = (0, 0, 600, 20)
    assert not np.array_equal(np.asarray(with_words.crop(band)), np.asarray(without.crop(band)))
