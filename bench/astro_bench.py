"""Benchmark the events engine: `python -m bench.astro_bench` (one process, one core)."""

import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from astro.events import SkyEvent, compute_events
from astro.local import local_circumstances

YEARS = (2025, 2026, 2027)
# Users spread over the globe; Moscow sees the 2026 and 2027 eclipses' partial phases.
PLACES = ((55.75, 37.62), (40.71, -74.01), (-33.87, 151.21), (25.7, 32.6), (64.1, -21.9))
REPEATS = 3


def _best(action: Callable[[], object]) -> float:
    timings = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def _local_year(events: list[SkyEvent], latitude: float, longitude: float) -> None:
    for event in events:
        local_circumstances(event, latitude, longitude)


def main() -> None:
    """Print the time for a year of events and for one user's local circumstances."""
    print(f"best of {REPEATS} runs, seconds")
    for year in YEARS:
        start = datetime(year, 1, 1, tzinfo=UTC)
        end = datetime(year, 12, 31, 23, 59, 59, tzinfo=UTC)
        events = compute_events(start, end)
        seconds = _best(partial(compute_events, start, end))
        print(f"{year}: all {len(events)} events for the globe: {seconds:.3f} s")
        local = [_best(partial(_local_year, events, *place)) for place in PLACES]
        print(
            f"{year}: local circumstances of all events for one user: "
            f"median {statistics.median(local) * 1000:.1f} ms, "
            f"max {max(local) * 1000:.1f} ms over {len(PLACES)} places"
        )


if __name__ == "__main__":
    main()
