"""One picture for one event, encoded, cached: what the CLI, the web and the channel posts use.

A picture carries words (a map's title, the local times at the user's place) only in languages
whose script renders right (pictures/text.py); it is then cached per language, else once for
all languages.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from functools import lru_cache
from io import BytesIO
from typing import Any, Final

from PIL import Image

from astro.eclipse_path import EclipsePath, solar_eclipse_path
from astro.kinds import MOON_PHASE_KINDS, EventKind
from astro.local import EventLike, local_circumstances
from astro.moon_view import moon_view
from astro.seasons import Hemisphere
from core.errors import AppError
from core.event_text import event_title
from core.i18n import Translator
from pictures.eclipse_map import Marker, Words, lunar_eclipse_map, solar_eclipse_map
from pictures.moon import draw_moon
from pictures.text import clean, words_render

MAP_KINDS: Final = frozenset({EventKind.SOLAR_ECLIPSE, EventKind.LUNAR_ECLIPSE})
PICTURE_KINDS: Final = MOON_PHASE_KINDS | MAP_KINDS
MIN_WIDTH: Final = 160
MAX_WIDTH: Final = 2400
MAP_WIDTH: Final = 1200
MOON_WIDTH: Final = 640
# Rendered pictures kept per process (a map is a few hundred kB, a Moon less).
_CACHE_SIZE: Final = 64


class PictureFormat(StrEnum):
    """The encodings a picture can be asked for."""

    PNG = "png"
    WEBP = "webp"
    JPEG = "jpeg"


MEDIA_TYPES: Final = {
    PictureFormat.PNG: "image/png",
    PictureFormat.WEBP: "image/webp",
    PictureFormat.JPEG: "image/jpeg",
}


class PictureUnavailableError(AppError):
    """The event's kind has no picture."""

    code = "picture_unavailable"
    status = 404


@dataclass(frozen=True, slots=True)
class Place:
    """Where the user is; the picture marks it and turns the Moon to its zenith."""

    latitude: float
    longitude: float


def has_picture(kind: str) -> bool:
    """Whether events of this kind get a picture."""
    return kind in PICTURE_KINDS


def carries_words(kind: str, language: str) -> bool:
    """Whether this kind's picture has words in this language (else one picture serves all)."""
    return kind in MAP_KINDS and words_render(language)


@lru_cache(maxsize=8)
def _solar_path(peak: datetime) -> EclipsePath:
    return solar_eclipse_path(peak)


def _encode(image: Image.Image, fmt: PictureFormat) -> bytes:
    buffer = BytesIO()
    if fmt is PictureFormat.PNG:
        # zlib's fastest level: several times quicker than its default for a few % more bytes.
        image.save(buffer, "PNG", compress_level=1)
    elif fmt is PictureFormat.WEBP:
        image.save(buffer, "WEBP", quality=85, method=4)
    else:
        image.convert("RGB").save(buffer, "JPEG", quality=88, optimize=True)
    return buffer.getvalue()


def _times(payload: Mapping[str, Any], *names: str) -> list[datetime]:
    return [datetime.fromisoformat(str(payload[name])) for name in names if name in payload]


def _place_label(event: EventLike, place: Place, tr: Translator, timezone: str) -> str | None:
    """The local circumstances at the place: when the eclipse is seen, and how deep."""
    seen = local_circumstances(event, place.latitude, place.longitude)
    if not seen.get("visible"):
        return None
    span = f"{tr.format_time(_times(seen, 'visible_from')[0], timezone)}–" + tr.format_time(
        _times(seen, "visible_to")[0], timezone
    )
    obscuration = seen.get("obscuration")
    if isinstance(obscuration, float):
        return f"{span}   {tr.format_percent(obscuration)}"
    return span


@dataclass(frozen=True, slots=True)
class _Key:
    kind: str
    subject: str
    occurs_at: datetime
    payload: str
    width: int
    fmt: PictureFormat
    hemisphere: Hemisphere
    place: Place | None
    title: str | None
    label: str | None
    language: str | None


def render_picture(
    event: EventLike,
    *,
    width: int | None = None,
    fmt: PictureFormat = PictureFormat.PNG,
    hemisphere: Hemisphere = "north",
    place: Place | None = None,
    tr: Translator | None = None,
    timezone: str = "UTC",
    dated: bool = True,
) -> bytes:
    """The event's picture, encoded; words only where `tr`'s language renders on pictures.

    `dated` puts the date (in `timezone`) beside a map's title; a picture shared by readers in
    many zones goes without it, their caption saying when.
    """
    if not has_picture(event.kind):
        raise PictureUnavailableError(event.kind, kind=event.kind)
    if width is None:
        width = MAP_WIDTH if event.kind in MAP_KINDS else MOON_WIDTH
    width = max(MIN_WIDTH, min(MAX_WIDTH, width))
    title = label = language = None
    if tr is not None and carries_words(event.kind, tr.locale):
        language = tr.locale
        title = clean(event_title(tr, event.kind, event.subject, event.payload, hemisphere))
        if dated:
            # Three spaces part name and date: some scripts' fonts lack a separator glyph.
            title = f"{title}   {clean(tr.format_date(event.occurs_at, timezone))}"
        if place is not None:
            label = _place_label(event, place, tr, timezone)
    key = _Key(
        event.kind,
        event.subject,
        event.occurs_at,
        json.dumps(event.payload, sort_keys=True, default=str),
        width,
        fmt,
        hemisphere,
        place,
        title,
        label and clean(label),
        language,
    )
    return _render(key)


def moon_picture(
    moment: datetime,
    *,
    hemisphere: Hemisphere = "north",
    place: Place | None = None,
    width: int = MOON_WIDTH,
) -> bytes:
    """The Moon as it looks at an instant (to the minute), as a PNG: the bot's /today."""
    minute = moment.replace(second=0, microsecond=0)
    return _moon_png(minute, hemisphere, place, max(MIN_WIDTH, min(MAX_WIDTH, width)))


@lru_cache(maxsize=_CACHE_SIZE)
def _moon_png(moment: datetime, hemisphere: Hemisphere, place: Place | None, width: int) -> bytes:
    latitude = place.latitude if place else None
    longitude = place.longitude if place else None
    view = moon_view(moment, hemisphere, latitude, longitude)
    return _encode(draw_moon(view, width), PictureFormat.PNG)


@lru_cache(maxsize=_CACHE_SIZE)
def _render(key: _Key) -> bytes:
    return _encode(_draw(key), key.fmt)


def _draw(key: _Key) -> Image.Image:
    payload = json.loads(key.payload)
    words = Words(key.title, key.language) if key.title and key.language else None
    marker = None
    if key.place is not None:
        marker = Marker(key.place.latitude, key.place.longitude, key.label)
    if key.kind == EventKind.SOLAR_ECLIPSE:
        path = _solar_path(key.occurs_at)
        greatest = (
            float(payload.get("latitude", path.greatest[0])),
            float(payload.get("longitude", path.greatest[1])),
        )
        return solar_eclipse_map(path, greatest, key.width, marker, words)
    if key.kind == EventKind.LUNAR_ECLIPSE:
        phase = "penumbral" if payload.get("type") == "penumbral" else "partial"
        contacts = _times(payload, f"{phase}_begin", f"{phase}_end")
        return lunar_eclipse_map(key.occurs_at, contacts, key.width, marker, words)
    latitude = key.place.latitude if key.place else None
    longitude = key.place.longitude if key.place else None
    return draw_moon(moon_view(key.occurs_at, key.hemisphere, latitude, longitude), key.width)
