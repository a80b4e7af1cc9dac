"""Words on pictures, only where they render right; elsewhere they stay in the caption.

Fonts come from Debian's Noto packages (fonts-noto-core, fonts-noto-cjk), never from the
internet. Devanagari and Armenian need a shaping engine: Pillow's raqm layout (libraqm with
FriBiDi and HarfBuzz). Without it, or without a script's font, a language gets no words.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Final

from PIL import ImageDraw, ImageFont, features

Color = tuple[int, int, int]
_NOTO: Final = Path("/usr/share/fonts/truetype/noto")
_NOTO_CJK: Final = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")


@dataclass(frozen=True, slots=True)
class FontChoice:
    """A font file (with its face inside a collection) and whether it needs shaping."""

    path: Path
    index: int = 0
    needs_shaping: bool = False


# The face inside NotoSansCJK's collection: 0 Japanese, 2 Simplified Chinese.
_FONTS: Final = {
    "hi": FontChoice(_NOTO / "NotoSansDevanagari-Bold.ttf", needs_shaping=True),
    "hy": FontChoice(_NOTO / "NotoSansArmenian-Bold.ttf", needs_shaping=True),
    "ja": FontChoice(_NOTO_CJK, index=0),
    "zh": FontChoice(_NOTO_CJK, index=2),
}
_LATIN_CYRILLIC: Final = FontChoice(_NOTO / "NotoSans-Bold.ttf")
# Strip Fluent's bidi isolation marks: a single-script title needs none, and fonts lack them.
_ISOLATES: Final = str.maketrans("", "", "\u2068\u2069")


def font_choice(language: str) -> FontChoice:
    """The font a language's words would be drawn in."""
    return _FONTS.get(language, _LATIN_CYRILLIC)


@cache
def shaping_available() -> bool:
    """Whether Pillow can lay text out with raqm (complex scripts shaped, bidi handled)."""
    return bool(features.check("raqm"))


def words_render(language: str) -> bool:
    """Whether words in this language can go on a picture and look right."""
    choice = font_choice(language)
    if not choice.path.is_file():
        return False
    return shaping_available() or not choice.needs_shaping


@cache
def font(language: str, size: int) -> ImageFont.FreeTypeFont:
    """The font for a language's words (call only where words_render is true)."""
    choice = font_choice(language)
    layout = ImageFont.Layout.RAQM if shaping_available() else ImageFont.Layout.BASIC
    return ImageFont.truetype(str(choice.path), size, index=choice.index, layout_engine=layout)


@cache
def _missing_glyph(language: str, size: int) -> bytes:
    """The bitmap a font draws for a character it does not have (its .notdef box)."""
    return _bitmap(font(language, size), "\U0010fffd")


def _bitmap(face: ImageFont.FreeTypeFont, char: str) -> bytes:
    mask = face.getmask(char)
    return bytes(mask.size) + bytes(mask)


Run = tuple[ImageFont.FreeTypeFont, str]


def runs(language: str, text: str, size: int) -> list[Run] | None:
    """The text cut into runs, each in a font that has all its characters.

    The language's own font goes first; digits and punctuation its script's font lacks (the
    Armenian one has none) come from the Latin and Cyrillic font. None when some character is
    in neither: then the words are left to the caption rather than drawn as boxes.
    """
    faces = [
        (font(name, size), _missing_glyph(name, size))
        for name in dict.fromkeys((language, "en"))
        if words_render(name)
    ]
    pieces: list[Run] = []
    for char in text:
        if char.isspace() and pieces:
            pieces[-1] = (pieces[-1][0], pieces[-1][1] + char)
            continue
        face = next((f for f, missing in faces if _bitmap(f, char) != missing), None)
        if face is None:
            return None
        if pieces and pieces[-1][0] is face:
            pieces[-1] = (face, pieces[-1][1] + char)
        else:
            pieces.append((face, char))
    return pieces


def draw_runs(
    draw: ImageDraw.ImageDraw, origin: tuple[float, float], pieces: list[Run], fill: Color
) -> None:
    """Draw runs one after another from the origin (their top left), on one baseline."""
    x, y = origin
    for face, text in pieces:
        draw.text((x, y + face.size), text, font=face, fill=fill, anchor="ls")
        x += face.getlength(text)


def runs_width(pieces: list[Run]) -> float:
    """How wide the runs are when drawn."""
    return sum(face.getlength(text) for face, text in pieces)


def clean(text: str) -> str:
    """Text as it goes on a picture: without Fluent's invisible isolation marks."""
    return text.translate(_ISOLATES)
