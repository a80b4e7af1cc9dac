"""Photos in the fake: uploads (multipart), file_id reuse, PhotoSize arrays, caption limits.

As Telegram does: an uploaded photo is stored once and answered with several PhotoSize
entries (thumbnails up to its own size, at most 1280 px on the long side), each with a
file_id that later sendPhoto calls may pass instead of the bytes; an unknown file_id, a
file that is not an image, or a photo too large, too big or too elongated gets a 400.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from typing import Any

from PIL import Image, UnidentifiedImageError

from tests.fakes.telegram.entities import parse_html
from tests.fakes.telegram.errors import bad_request
from tests.fakes.telegram.params import Params

MAX_CAPTION_LENGTH = 1024
MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_SIDES = 10_000
MAX_PHOTO_RATIO = 20.0
_SIZES = (90, 320, 800, 1280)


@dataclass(frozen=True)
class Upload:
    """A file sent in a multipart body."""

    filename: str
    content_type: str
    data: bytes


@dataclass
class StoredPhoto:
    """One uploaded photo and the PhotoSize objects Telegram made of it."""

    digest: str
    sizes: list[dict[str, Any]]
    data: bytes


@dataclass
class PhotoStore:
    """Uploaded photos by file_id; `uploads` counts the bytes that travelled."""

    by_file_id: dict[str, StoredPhoto] = field(default_factory=dict)
    uploads: list[StoredPhoto] = field(default_factory=list)

    def _upload(self, upload: Upload) -> StoredPhoto:
        if len(upload.data) > MAX_PHOTO_BYTES:
            raise bad_request("file is too big")
        try:
            with Image.open(io.BytesIO(upload.data)) as image:
                image.load()
                width, height = image.size
        except (UnidentifiedImageError, OSError):
            raise bad_request("IMAGE_PROCESS_FAILED") from None
        if (
            width + height > MAX_PHOTO_SIDES
            or max(width, height) / max(1, min(width, height)) > MAX_PHOTO_RATIO
        ):
            raise bad_request("PHOTO_INVALID_DIMENSIONS")
        digest = hashlib.sha256(upload.data).hexdigest()
        unique = digest[:16]
        sizes: list[dict[str, Any]] = []
        longest = max(width, height)
        for step, limit in enumerate(_SIZES):
            scale = min(1.0, limit / longest)
            sizes.append(
                {
                    "file_id": f"AgAC{unique}{step}x{len(self.uploads)}",
                    "file_unique_id": f"AQAD{unique}{step}",
                    "file_size": max(1, int(len(upload.data) * scale * scale)),
                    "width": max(1, round(width * scale)),
                    "height": max(1, round(height * scale)),
                }
            )
            if limit >= longest:
                break
        photo = StoredPhoto(digest, sizes, upload.data)
        self.uploads.append(photo)
        for size in sizes:
            self.by_file_id[str(size["file_id"])] = photo
        return photo

    def photo_sizes(self, params: Params) -> list[dict[str, Any]]:
        """The PhotoSize array of the `photo` parameter: a new upload or a known file_id."""
        value = params.raw.get("photo")
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.raw.get(value.removeprefix("attach://"))
        if isinstance(value, Upload):
            return self._upload(value).sizes
        if not isinstance(value, str) or not value:
            raise bad_request("there is no photo in the request")
        file_id: str = value
        if file_id.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content")
        stored = self.by_file_id.get(file_id)
        if stored is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        return stored.sizes


def caption(params: Params) -> tuple[str, list[dict[str, Any]]]:
    """The caption and its entities after parse_mode; at most 1024 characters."""
    raw = params.text("caption") or ""
    parse_mode = (params.text("parse_mode") or "").strip().lower()
    if parse_mode == "html":
        text, entities = parse_html(raw)
    elif not parse_mode:
        text, entities = raw, []
    else:
        raise bad_request(f"unsupported parse_mode {parse_mode!r} in the fake; use HTML")
    if len(text) > MAX_CAPTION_LENGTH:
        raise bad_request("message caption is too long")
    return text, entities
