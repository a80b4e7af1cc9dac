"""GET /api/sky: each local day's sunrise, sunset, moonrise, moonset and the Moon's phase."""

import asyncio
from collections.abc import Hashable
from datetime import date
from typing import Final

import orjson
from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

from astro.daily_sky import daily_sky
from astro.errors import InvalidDateRangeError
from web.events import RangeTooLargeError
from web.openapi import describe
from web.ttl_cache import TTLCache
from web.validation import read_query

routes = web.RouteTableDef()
# A year of days per request; the answer for a place and span never changes.
MAX_DAYS: Final = 366
CACHE_SIZE: Final = 512
CACHE_SECONDS: Final = 3600.0


class SkyQuery(BaseModel):
    """A place, its timezone and a span of local days."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lat: float = Field(ge=-90, le=90, description="Latitude, degrees north.")
    lon: float = Field(ge=-180, le=180, description="Longitude, degrees east.")
    tz: str = Field(default="UTC", max_length=64, description="IANA timezone of the days.")
    start: date = Field(alias="from", description="First local day (YYYY-MM-DD).")
    end: date = Field(alias="to", description="Last local day (inclusive).")


class SkyDay(BaseModel):
    """One local day: times are local ISO 8601, null when the body does not rise or set."""

    date: date
    sunrise: str | None
    sunset: str | None
    moonrise: str | None
    moonset: str | None
    moon_phase: str = Field(description="One of eight named phases, at local noon.")
    moon_illumination: float = Field(description="Illuminated fraction of the disc, at noon.")


class SkyDays(BaseModel):
    """The days of the span, in order."""

    timezone: str
    days: list[SkyDay]


_BODIES = web.AppKey("sky_bodies", TTLCache[Hashable, bytes])


@routes.get("/api/sky")
@describe(
    "Rise and set of the Sun and Moon and the Moon's phase, day by day, at a place",
    tags=("sky",),
    query=SkyQuery,
    response=SkyDays,
    errors=(422,),
)
async def sky_days(request: web.Request) -> web.Response:
    """Computed off the event loop on DE421, then kept for an hour per place and span."""
    query = read_query(request, SkyQuery)
    if query.end < query.start:
        raise InvalidDateRangeError("to is before from", value=query.end.isoformat())
    if (query.end - query.start).days >= MAX_DAYS:
        raise RangeTooLargeError(f"over {MAX_DAYS} days", max_days=MAX_DAYS)
    key = (query.lat, query.lon, query.tz, query.start, query.end)
    bodies = request.app[_BODIES]
    body = bodies.get(key)
    if body is None:
        days = await asyncio.to_thread(
            daily_sky, query.start, query.end, query.lat, query.lon, query.tz
        )
        body = orjson.dumps({"timezone": query.tz, "days": days})
        bodies.put(key, body)
    return web.Response(body=body, content_type="application/json")


def setup_sky(app: web.Application) -> None:
    """Serve the sky API on `app`."""
    app[_BODIES] = TTLCache(CACHE_SIZE, CACHE_SECONDS)
    app.add_routes(routes)
