"""The calendar page: its HTML shell ("/", "/login"), static assets and localized texts."""

from datetime import date, datetime
from typing import Final

import babel.dates
import orjson
from aiohttp import web
from babel import Locale
from babel.core import get_global
from pydantic import BaseModel, ConfigDict, Field

from astro.timescale import FIRST_YEAR, LAST_YEAR
from astro.zones import resolve_zone
from core.errors import InvalidLanguageError, NotFoundError
from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_NATIVE_NAMES, I18n, Translator, normalize_language
from web.assets import IMMUTABLE, REVALIDATE, Assets, build_assets
from web.errors import json_response, request_translator
from web.keys import I18N
from web.openapi import describe
from web.validation import read_query

MESSAGE_PREFIX: Final = "page-"
# A year no month name contains; replaced by "{year}" so one template serves every year.
_SAMPLE_YEAR: Final = 2000
_TEXTS_CACHE: Final = "public, max-age=300"

routes = web.RouteTableDef()


class PageTextsQuery(BaseModel):
    """Which language to send; without one, Accept-Language decides."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    lang: str | None = Field(default=None, max_length=35, description="One of the ten languages.")


class CalendarTexts(BaseModel):
    """CLDR data the month grid needs where the browser's Intl lacks the language (Armenian)."""

    month_titles: list[str] = Field(description='Twelve titles with a "{year}" placeholder.')
    months: list[str] = Field(description="Month names as a date writes them (genitive).")
    weekdays: list[str] = Field(description="Abbreviated weekday names, Monday first.")
    weekdays_long: list[str] = Field(description="Full weekday names, Monday first.")
    first_weekday: int = Field(description="The first column of the grid, 0 = Monday.")
    first_year: int = Field(description="The first year the calendar covers.")
    last_year: int = Field(description="The last year the calendar covers.")


class PageTexts(BaseModel):
    """Everything the page says, in one language."""

    language: str
    languages: dict[str, str] = Field(description="Every language by code, in its own name.")
    messages: dict[str, str]
    calendar: CalendarTexts


def _week_locale(locale: Locale) -> Locale:
    """The locale with a territory, which decides the first day of the week."""
    if locale.territory:
        return locale
    return Locale.parse(get_global("likely_subtags")[locale.language])


def _calendar_texts(tr: Translator) -> CalendarTexts:
    locale = tr.babel_locale
    titles = [
        babel.dates.format_skeleton("yMMMM", date(_SAMPLE_YEAR, month, 1), locale=locale)
        for month in range(1, 13)
    ]
    return CalendarTexts(
        month_titles=[title.replace(str(_SAMPLE_YEAR), "{year}") for title in titles],
        months=[locale.months["format"]["wide"][month] for month in range(1, 13)],
        weekdays=[locale.days["stand-alone"]["abbreviated"][day] for day in range(7)],
        weekdays_long=[locale.days["stand-alone"]["wide"][day] for day in range(7)],
        first_weekday=_week_locale(locale).first_week_day,
        first_year=FIRST_YEAR,
        last_year=LAST_YEAR,
    )


def render_page_texts(i18n: I18n, language: str) -> PageTexts:
    """The page's messages (ids starting with "page-") and calendar data in `language`."""
    tr = i18n.get(language)
    ids = sorted(i for i in i18n.get(DEFAULT_LANGUAGE).message_ids if i.startswith(MESSAGE_PREFIX))
    return PageTexts(
        language=tr.locale,
        languages=dict(LANGUAGE_NATIVE_NAMES),
        messages={msg_id: tr(msg_id) for msg_id in ids},
        calendar=_calendar_texts(tr),
    )


PAGE_TEXTS = web.AppKey("page_texts", dict[str, bytes])
# Built once at start; only these files are served, which leaves no path to traverse.
ASSETS = web.AppKey("assets", Assets)


def _refuse_unknown_language(lang: str | None) -> None:
    """An explicit ?lang= must name one of our languages (422 invalid_language)."""
    if lang is not None and normalize_language(lang) is None:
        raise InvalidLanguageError(f"unknown language {lang!r}", language=lang)


@routes.get("/api/i18n/page")
@describe(
    "The calendar page's texts in one language",
    tags=("page",),
    query=PageTextsQuery,
    response=PageTexts,
    errors=(422,),
)
async def page_texts(request: web.Request) -> web.Response:
    """Rendered once per language at start-up; ?lang= first, then Accept-Language."""
    query = read_query(request, PageTextsQuery)
    _refuse_unknown_language(query.lang)
    language = request_translator(request).locale
    return web.Response(
        body=request.app[PAGE_TEXTS][language],
        content_type="application/json",
        headers={"Cache-Control": _TEXTS_CACHE, "Vary": "Accept-Language"},
    )


class ZoneNameQuery(BaseModel):
    """The zone to name, and the language (else Accept-Language)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tz: str = Field(max_length=64, description="An IANA time zone.")
    lang: str | None = Field(default=None, max_length=35)


class ZoneName(BaseModel):
    """A time zone as people say it in one language ("Moscow Standard Time")."""

    zone: str
    name: str


@routes.get("/api/i18n/zone")
@describe(
    "A time zone's name as people say it (CLDR), for languages the browser cannot name it in",
    tags=("page",),
    query=ZoneNameQuery,
    response=ZoneName,
    errors=(422,),
)
async def zone_name(request: web.Request) -> web.Response:
    """CLDR's metazone name at this moment (standard or summer time), else its exemplar city."""
    query = read_query(request, ZoneNameQuery)
    _refuse_unknown_language(query.lang)
    zone = resolve_zone(query.tz)
    locale = request_translator(request).babel_locale
    name = babel.dates.get_timezone_name(datetime.now(zone), "long", locale=locale)
    return json_response(
        ZoneName(zone=query.tz, name=name).model_dump(),
        headers={"Cache-Control": _TEXTS_CACHE, "Vary": "Accept-Language"},
    )


@routes.get("/")
async def index(request: web.Request) -> web.Response:
    """The calendar page; revalidated, so that a deploy shows at once."""
    return request.app[ASSETS].index.respond(request, REVALIDATE)


@routes.get("/login")
async def login(request: web.Request) -> web.Response:
    """The same page; its script exchanges ?token= and removes it from the address bar."""
    # The address carries a one-time secret: keep it out of every cache.
    return request.app[ASSETS].index.respond(request, "no-store")


@routes.get("/static/{name}")
async def asset(request: web.Request) -> web.Response:
    """A script, style or image: cached forever under its hashed name, else revalidated."""
    assets = request.app[ASSETS]
    name = request.match_info["name"]
    if name in assets.hashed:
        return assets.hashed[name].respond(request, IMMUTABLE)
    if name in assets.plain:
        return assets.plain[name].respond(request, REVALIDATE)
    raise NotFoundError("no such asset")


def setup_page(app: web.Application) -> None:
    """Serve the page and its texts (needs I18N)."""
    i18n = app[I18N]
    app[PAGE_TEXTS] = {
        language: orjson.dumps(render_page_texts(i18n, language).model_dump())
        for language in i18n.translators
    }
    app[ASSETS] = build_assets()
    app.add_routes(routes)
