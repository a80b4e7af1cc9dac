"""`starscalendars events`: print the sky events of a date range as a table, JSON or iCalendar."""

import argparse
import sys
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import orjson

from astro.events import SkyEvent, compute_events, parse_kinds
from astro.local import local_circumstances
from astro.zones import check_coordinates, hemisphere, resolve_zone
from core.errors import ValidationFailedError
from core.event_text import event_details, event_title
from core.i18n import LANGUAGES, I18n, Translator
from core.ics import build_calendar

FORMATS = ("table", "json", "ics")


def iso_date(value: str) -> date:
    """A YYYY-MM-DD argument as a date (argparse names the mistake otherwise)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def add_parser(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register the `events` subcommand."""
    parser = subparsers.add_parser("events", help="print the sky events of a date range")
    parser.add_argument("--from", dest="start", type=iso_date, required=True, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_date, required=True, help="YYYY-MM-DD")
    parser.add_argument("--kinds", nargs="+", help="event kinds, e.g. full_moon solar_eclipse")
    parser.add_argument("--lang", default="en", help="one of " + ", ".join(LANGUAGES))
    parser.add_argument("--tz", default="UTC", help="IANA timezone, e.g. Europe/Moscow")
    parser.add_argument("--lat", type=float, help="latitude for local circumstances")
    parser.add_argument("--lon", type=float, help="longitude for local circumstances")
    parser.add_argument("--format", choices=FORMATS, default="table")


def _window(args: argparse.Namespace) -> tuple[datetime, datetime]:
    """Local midnight of --from to the end of --to, in --tz."""
    zone = resolve_zone(args.tz)
    start = datetime.combine(args.start, time(), zone)
    end = datetime.combine(args.end + timedelta(days=1), time(), zone) - timedelta(seconds=1)
    return start.astimezone(UTC), end.astimezone(UTC)


def _location(args: argparse.Namespace) -> tuple[float, float] | None:
    if args.lat is None and args.lon is None:
        return None
    if args.lat is None or args.lon is None:
        raise ValidationFailedError("--lat and --lon go together", value="lat/lon")
    check_coordinates(args.lat, args.lon)
    return float(args.lat), float(args.lon)


def run(args: argparse.Namespace) -> int:
    """Compute, localize and print the events; bad input raises an AppError naming it."""
    if args.lang not in LANGUAGES:
        raise ValidationFailedError(f"unknown language {args.lang!r}", value=args.lang)
    start, end = _window(args)
    location = _location(args)
    kinds = parse_kinds(args.kinds) if args.kinds else None
    events = compute_events(start, end, kinds)
    tr = I18n.load().get(args.lang)
    side = hemisphere(None if location is None else location[0], args.tz)
    if args.format == "ics":
        sys.stdout.buffer.write(build_calendar(events, tr, args.tz, hemisphere=side))
        return 0
    rows = [_row(event, tr, args.tz, side, location) for event in events]
    if args.format == "json":
        sys.stdout.buffer.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    for row in rows:
        # [+] / [-]: seen or not from --lat/--lon.
        seen = "" if "local" not in row else ("  [+]" if row["local"]["visible"] else "  [-]")
        print(f"{row['local_time']}  {row['title']}{seen}  {row['details']}".rstrip())
    return 0


def _row(
    event: SkyEvent,
    tr: Translator,
    zone: str,
    side: str,
    location: tuple[float, float] | None,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "kind": event.kind.value,
        "subject": event.subject,
        "occurs_at": event.occurs_at.isoformat(),
        "local_time": tr.format_datetime(event.occurs_at, zone, "medium"),
        "title": event_title(tr, event.kind, event.subject, event.payload, side),
        "details": event_details(tr, event.kind, event.payload),
        "significance": event.significance,
        "payload": event.payload,
    }
    if location is not None:
        row["local"] = local_circumstances(event, *location)
    return row
