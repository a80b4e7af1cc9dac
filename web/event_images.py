"""GET /api/events/{id}/image: the event's picture, cacheable by browsers, proxies and calendars.

The picture depends only on the URL and the Accept-Language it is read in (no credentials), so
one answer serves everyone who asks the same: public caching, an ETag and 304s.
"""

import asyncio
import hashlib
import uuid
from typing import Literal

from aiohttp import hdrs, web
from pydantic import BaseModel, ConfigDict, Field

from astro.zones import hemisphere
from core.errors import ValidationFailedError
from core.i18n import resolve_timezone
from pictures.render import (
    MAX_WIDTH,
    MEDIA_TYPES,
    MIN_WIDTH,
    PictureFormat,
    PictureUnavailableError,
    Place,
    has_picture,
    render_picture,
)
from web.errors import request_translator
from web.events import EVENT_STORE, EventPath
from web.keys import DEFAULT_ZONE
from web.openapi import describe
from web.validation import read_query

routes = web.RouteTableDef()
# A stored event is recomputed at most daily and moves by seconds; its picture does not change.
CACHE_SECONDS = 86_400


class ImageQuery(BaseModel):
    """How to draw the picture; without lat/lon no place is marked."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    width: int | None = Field(
        default=None, ge=MIN_WIDTH, le=MAX_WIDTH, description="Pixels (a map is half as tall)."
    )
    format: PictureFormat = Field(default=PictureFormat.PNG, description="png, webp or jpeg.")
    lang: str | None = Field(default=None, max_length=35, description="Language of its words.")
    tz: str | None = Field(default=None, max_length=64, description="IANA timezone of times.")
    hemisphere: Literal["north", "south"] | None = Field(
        default=None, description="Turns the Moon (default: from lat, else from tz)."
    )
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)


@routes.get("/api/events/{id}/image")
@describe(
    "The event's picture: the Moon's phase, or an eclipse map",
    tags=("events",),
    path=EventPath,
    query=ImageQuery,
    response_media_type=MEDIA_TYPES[PictureFormat.PNG],
    other_media_types=(MEDIA_TYPES[PictureFormat.WEBP], MEDIA_TYPES[PictureFormat.JPEG]),
    errors=(404, 422),
)
async def event_image(request: web.Request) -> web.Response:
    """Render (or serve from the cache) one event's picture."""
    query = read_query(request, ImageQuery)
    try:
        event_id = uuid.UUID(request.match_info["id"])
    except ValueError:
        raise ValidationFailedError("bad event id", fields=["id"]) from None
    if (query.lat is None) != (query.lon is None):
        raise ValidationFailedError("lat and lon go together", fields=["lat", "lon"])
    row = await request.app[EVENT_STORE].get(event_id)
    if not has_picture(row.kind):
        raise PictureUnavailableError(row.kind, kind=row.kind)
    zone = resolve_timezone(query.tz or request.app[DEFAULT_ZONE])
    place = None
    if query.lat is not None and query.lon is not None:
        place = Place(query.lat, query.lon)
    side = query.hemisphere or hemisphere(query.lat, zone.key)
    # The first drawing of a picture takes CPU for a while: off the event loop.
    data = await asyncio.to_thread(
        render_picture,
        row,
        width=query.width,
        fmt=query.format,
        hemisphere=side,
        place=place,
        tr=request_translator(request),
        timezone=zone.key,
    )
    headers = {
        hdrs.CACHE_CONTROL: f"public, max-age={CACHE_SECONDS}",
        hdrs.ETAG: f'"{hashlib.sha256(data).hexdigest()[:32]}"',
        hdrs.VARY: "Accept-Language",
    }
    if request.headers.get(hdrs.IF_NONE_MATCH) == headers[hdrs.ETAG]:
        return web.Response(status=304, headers=headers)
    return web.Response(body=data, content_type=MEDIA_TYPES[query.format], headers=headers)


def setup_event_images(app: web.Application) -> None:
    """Serve the events' pictures on `app` (after setup_events, whose store it reads)."""
    app.add_routes(routes)
