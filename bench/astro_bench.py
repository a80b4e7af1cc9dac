"""Benchmark the astronomy engine: `taskset -c 0 python -m bench.astro_bench` (one core).

Prints: loading the ephemeris (time, memory, install size), a year of every kind for the
globe, a month on demand (cold: computed; warm: sliced from the per-process month cache),
a year of rise/set at one place, and one user's local circumstances of a year's events.
"""

import gc
import resource
import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from importlib.resources import files
from pathlib import Path

YEARS = (2025, 2030, 2035)
# Users spread over the globe; Moscow sees the 2026 and 2027 eclipses' partial phases.
PLACES = ((55.75, 37.62), (40.71, -74.01), (-33.87, 151.21), (25.7, 32.6), (64.1, -21.9))
REPEATS = 3


def _best(action: Callable[[], object]) -> float:
    return _best_both(action)[0]


def _best_both(action: Callable[[], object]) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds (CPU is what a loaded machine cannot inflate)."""
    walls, cpus = [], []
    for _ in range(REPEATS):
        started, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return 0.0


def _folder_mb(package: str) -> float:
    root = Path(str(files(package)))
    return sum(path.stat().st_size for path in root.rglob("*") if path.is_file()) / 1e6


def _load() -> None:
    before = _rss_mb()
    started = time.perf_counter()
    from astro.ephemeris import ephemeris, timescale  # noqa: PLC0415 - timed on purpose

    timescale()
    ephemeris()
    seconds = time.perf_counter() - started
    from astro.ephemeris import EPHEMERIS_FILE  # noqa: PLC0415

    size = Path(str(files("skyfield_data") / "data" / EPHEMERIS_FILE)).stat().st_size / 1e6
    print(
        f"ephemeris load (once per process): {seconds * 1000:.0f} ms, "
        f"RSS +{_rss_mb() - before:.1f} MB (file memory-mapped), {EPHEMERIS_FILE} {size:.1f} MB"
    )
    installed = {name: _folder_mb(name) for name in ("skyfield", "skyfield_data", "jplephem")}
    print("installed: " + ", ".join(f"{name} {mb:.1f} MB" for name, mb in installed.items()))


def main() -> None:
    """Print the figures of README's benchmark table."""
    _load()
    from astro.events import SkyEvent, compute_events  # noqa: PLC0415 - after the load above
    from astro.local import local_circumstances  # noqa: PLC0415
    from astro.month_cache import cached_events, clear  # noqa: PLC0415
    from astro.riseset import rise_set_days  # noqa: PLC0415

    def local_year(events: list[SkyEvent], latitude: float, longitude: float) -> None:
        for event in events:
            local_circumstances(event, latitude, longitude)

    print(f"best of {REPEATS} runs")
    for year in YEARS:
        start = datetime(year, 1, 1, tzinfo=UTC)
        end = datetime(year, 12, 31, 23, 59, 59, tzinfo=UTC)
        events = compute_events(start, end)
        seconds, cpu = _best_both(partial(compute_events, start, end))
        print(f"{year}: all {len(events)} events for the globe: {seconds:.3f} s (CPU {cpu:.3f} s)")
        month = (datetime(year, 3, 1, tzinfo=UTC), datetime(year, 3, 31, 23, 59, 59, tzinfo=UTC))
        clear()
        started, cpu = time.perf_counter(), time.process_time()
        cached_events(*month)
        cold, cold_cpu = time.perf_counter() - started, time.process_time() - cpu
        warm = _best(partial(cached_events, *month))
        print(
            f"{year}: a month on demand: cold (its month computed) {cold * 1000:.0f} ms "
            f"(CPU {cold_cpu * 1000:.0f} ms), "
            f"warm (month cached) {warm * 1000:.2f} ms"
        )
        riseset = _best(
            partial(rise_set_days, date(year, 1, 1), date(year, 12, 31), 52.52, 13.4, "UTC")
        )
        print(f"{year}: a year of sunrise/sunset/moonrise/moonset at one place: {riseset:.3f} s")
        local = [_best(partial(local_year, events, *place)) for place in PLACES]
        print(
            f"{year}: local circumstances of all events for one user: "
            f"median {statistics.median(local) * 1000:.1f} ms, "
            f"max {max(local) * 1000:.1f} ms over {len(PLACES)} places"
        )
        gc.collect()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"peak RSS of the process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
