"""`starscalendars picture`: draw one event's picture into a file, for a person to look at."""

import argparse
import sys
import uuid
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from app.events_cli import iso_date
from app.process import run
from astro.events import compute_events, parse_kinds
from astro.local import EventLike
from astro.zones import check_coordinates, hemisphere, resolve_zone
from core.config import Settings
from core.errors import NotFoundError, ValidationFailedError
from core.i18n import LANGUAGES, I18n
from models.db import create_engine, create_sessionmaker
from models.event import AstroEvent
from pictures.render import PictureFormat, Place, render_picture

_SUFFIXES = {".png": PictureFormat.PNG, ".webp": PictureFormat.WEBP, ".jpg": PictureFormat.JPEG}


def add_parser(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register the `picture` subcommand."""
    text = "draw the picture of an event (Moon phase or eclipse map) into a file"
    parser = subparsers.add_parser("picture", help=text, description=text)
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--kind", help="event kind, e.g. full_moon or solar_eclipse (with --date)")
    which.add_argument("--event-id", type=uuid.UUID, help="a stored event's id")
    parser.add_argument("--date", type=iso_date, help="the day of the event (YYYY-MM-DD)")
    parser.add_argument("--lang", default="en", help="one of " + ", ".join(LANGUAGES))
    parser.add_argument("--tz", default="UTC", help="IANA timezone of --date and the times")
    parser.add_argument("--lat", type=float, help="the viewer's latitude")
    parser.add_argument("--lon", type=float, help="the viewer's longitude")
    parser.add_argument("--width", type=int, help="pixels (a map is half as tall)")
    parser.add_argument("--out", type=Path, required=True, help="file: .png, .webp or .jpg")


def _on_day(kind: str, day: date, zone_name: str) -> EventLike:
    zone = resolve_zone(zone_name)
    start = datetime.combine(day, time(), zone).astimezone(UTC)
    end = start + timedelta(days=1) - timedelta(seconds=1)
    events = compute_events(start, end, parse_kinds([kind]))
    if not events:
        raise NotFoundError(f"no {kind} on {day.isoformat()}", kind=kind, date=day.isoformat())
    return events[0]


async def _stored(settings: Settings, event_id: uuid.UUID) -> EventLike:
    engine = create_engine(settings.database.url)
    try:
        async with create_sessionmaker(engine)() as session:
            event = await session.get(AstroEvent, event_id)
    finally:
        await engine.dispose()
    if event is None:
        raise NotFoundError("event", event_id=str(event_id))
    return event


def _place(args: argparse.Namespace) -> Place | None:
    if args.lat is None and args.lon is None:
        return None
    if args.lat is None or args.lon is None:
        raise ValidationFailedError("--lat and --lon go together", value="lat/lon")
    check_coordinates(args.lat, args.lon)
    return Place(args.lat, args.lon)


def run_picture(settings: Settings, args: argparse.Namespace) -> int:
    """Render the event's picture into --out; bad input raises an AppError naming it."""
    if args.lang not in LANGUAGES:
        raise ValidationFailedError(f"unknown language {args.lang!r}", value=args.lang)
    fmt = _SUFFIXES.get(args.out.suffix.lower())
    if fmt is None:
        raise ValidationFailedError("--out must end in .png, .webp or .jpg", value=str(args.out))
    if args.kind is not None:
        if args.date is None:
            raise ValidationFailedError("--kind needs --date", value="date")
        event = _on_day(args.kind, args.date, args.tz)
    else:
        event = run(_stored(settings, args.event_id))
    place = _place(args)
    side = hemisphere(None if place is None else place.latitude, args.tz)
    data = render_picture(
        event,
        width=args.width,
        fmt=fmt,
        hemisphere=side,
        place=place,
        tr=I18n.load().get(args.lang),
        timezone=args.tz,
    )
    args.out.write_bytes(data)
    sys.stdout.write(f"{args.out}\n")
    return 0
