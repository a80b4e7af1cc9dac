"""`starscalendars sky`: each day's rise and set of the Sun and Moon, and the Moon's phase."""

import argparse
import sys

import orjson

from app.events_cli import iso_date
from astro.daily_sky import daily_sky
from core.errors import ValidationFailedError

FORMATS = ("table", "json")
# A table of four times and the Moon per day.
_COLUMNS = ("sunrise", "sunset", "moonrise", "moonset")


def add_parser(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Register the `sky` subcommand."""
    parser = subparsers.add_parser(
        "sky", help="print each day's rise and set times and the Moon's phase at a place"
    )
    parser.add_argument("--lat", type=float, required=True, help="latitude, degrees north")
    parser.add_argument("--lon", type=float, required=True, help="longitude, degrees east")
    parser.add_argument("--tz", default="UTC", help="IANA timezone of the local days and times")
    parser.add_argument("--from", dest="start", type=iso_date, required=True, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_date, required=True, help="YYYY-MM-DD")
    parser.add_argument("--format", choices=FORMATS, default="table")


def run(args: argparse.Namespace) -> int:
    """Compute and print the days; bad input raises an error naming it."""
    if args.end < args.start:
        raise ValidationFailedError("--to is before --from", value=args.end.isoformat())
    days = daily_sky(args.start, args.end, args.lat, args.lon, args.tz)
    if args.format == "json":
        sys.stdout.buffer.write(orjson.dumps(days, option=orjson.OPT_INDENT_2) + b"\n")
        return 0
    for day in days:
        times = [str(day[name])[11:19] if day[name] else "--:--:--" for name in _COLUMNS]
        print(day["date"], *times, day["moon_phase"], f"{day['moon_illumination']:.0%}")
    return 0
