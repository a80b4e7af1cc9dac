"""Benchmark the pictures: `taskset -c 0 python -m bench.pictures_bench` (one process, one core).

Prints the CPU time to render and encode a Moon picture and an eclipse map the first time
(nothing cached) and again (served from the cache), and the process's resident memory.
"""

import argparse
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial

from astro.events import compute_events
from astro.kinds import EventKind
from astro.sky_event import SkyEvent
from core.i18n import I18n
from pictures import render
from pictures.render import Place, render_picture

ECLIPSES = (datetime(2026, 8, 12, tzinfo=UTC), datetime(2027, 8, 2, tzinfo=UTC))


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def _ms(action: Callable[[], object]) -> float:
    """CPU milliseconds of the action: on a shared machine the wall clock counts others' work."""
    started = time.process_time()
    action()
    return (time.process_time() - started) * 1000.0


def _event(kind: EventKind, day: datetime) -> SkyEvent:
    return compute_events(day, day + timedelta(days=1), frozenset({kind}))[0]


def main() -> None:
    """Print cold and cached render times and the process's RSS."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--moons", type=int, default=20, help="distinct Moon pictures")
    args = parser.parse_args()
    print(f"CPUs this process may use: {sorted(os.sched_getaffinity(0))}")
    print(f"RSS after imports: {_rss_mb():.1f} MB")
    i18n = I18n.load()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    moons = compute_events(start, start + timedelta(days=400), frozenset({EventKind.FULL_MOON}))
    moons += compute_events(start, start + timedelta(days=400), frozenset({EventKind.NEW_MOON}))
    render_picture(moons[0])  # the first call builds the surface's albedo once per size
    sample = moons[1 : args.moons + 1]
    cold = [_ms(partial(render_picture, event)) for event in sample]
    warm = [_ms(partial(render_picture, event)) for event in sample]
    print(
        f"Moon 640 px PNG, {len(cold)} instants: first median {statistics.median(cold):.1f} ms "
        f"(max {max(cold):.1f}), cached median {statistics.median(warm) * 1000:.1f} µs"
    )
    print(f"RSS after the Moon pictures: {_rss_mb():.1f} MB")
    for day in ECLIPSES:
        event = _event(EventKind.SOLAR_ECLIPSE, day)
        english = partial(render_picture, event, tr=i18n.get("en"))
        first, cached = _ms(english), _ms(english)
        other = _ms(partial(render_picture, event, tr=i18n.get("hi")))
        madrid = Place(40.4, -3.7)
        place = _ms(partial(english, place=madrid, timezone="Europe/Madrid"))
        print(
            f"solar eclipse map {day:%Y-%m-%d} 1200x600 PNG: first {first:.0f} ms, "
            f"cached {cached * 1000:.0f} µs, another language {other:.0f} ms, "
            f"with a place {place:.0f} ms"
        )
    lunar = _event(EventKind.LUNAR_ECLIPSE, datetime(2026, 3, 3, tzinfo=UTC))
    first = _ms(partial(render_picture, lunar))
    print(f"lunar eclipse map 2026-03-03 1200x600 PNG: first {first:.0f} ms")
    print(
        f"RSS after the maps (caches full of {render._render.cache_info().currsize}): "
        f"{_rss_mb():.1f} MB"
    )


if __name__ == "__main__":
    main()
