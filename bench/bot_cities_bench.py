"""City search: index build time, resident memory it adds, and search latency.

Run with ``python -m bench.bot_cities_bench``; each measurement starts a fresh interpreter, so
the build and its memory are those of a bot process at start-up. Besides wall-clock times it
prints CPU times (the build's child process, and the searches' own), which a busy machine does
not inflate.
"""

import subprocess
import sys

QUERIES = ("Москва", "東京", "sao paulo", "Ереван", "Springfield", "Qwxzyville", "Berl", "Новос")
REPEATS = 3

_PROBE = """
import gc, resource, statistics, time, timeit
def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / 1e6
import core.cities
gc.collect()
before = rss_mb()
start = time.perf_counter()
index = core.cities.city_index()
build = time.perf_counter() - start
child = resource.getrusage(resource.RUSAGE_CHILDREN)
build_cpu = child.ru_utime + child.ru_stime
gc.collect()
after = rss_mb()
queries = {queries!r}
def per_query(timer):
    return [
        min(timeit.repeat(lambda q=q: index.search(q), number=200, repeat=3, timer=timer)) / 200
        for q in queries
    ]
wall, cpu = per_query(time.perf_counter), per_query(time.process_time)
print(
    build, after - before, len(index), index.name_count,
    statistics.median(wall), max(wall), build_cpu, statistics.median(cpu), max(cpu),
)
"""


def probe() -> list[float]:
    """One fresh interpreter's numbers: build s, RSS MB, cities, names, median and max search s,
    then the build's CPU s and the median and max search CPU s."""
    out = subprocess.run(
        [sys.executable, "-c", _PROBE.format(queries=QUERIES)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [float(value) for value in out.split()]


def main() -> None:
    """Print the best of REPEATS fresh builds."""
    runs = [probe() for _ in range(REPEATS)]
    build, _, cities, names, median_s, max_s, _, _, _ = min(runs)
    print(f"cities indexed         {cities:>10.0f}")
    print(f"names indexed          {names:>10.0f}")
    print(f"index build (best)     {build * 1e3:>10.0f} ms")
    print(f"index build CPU (best) {min(r[6] for r in runs) * 1e3:>10.0f} ms")
    print(f"RSS added by the index {min(r[1] for r in runs):>10.1f} MB")
    print(f"search, median query   {median_s * 1e6:>10.1f} µs")
    print(f"search, slowest query  {max_s * 1e6:>10.1f} µs")
    print(f"search CPU, median     {min(r[7] for r in runs) * 1e6:>10.1f} µs")
    print(f"search CPU, slowest    {min(r[8] for r in runs) * 1e6:>10.1f} µs")


if __name__ == "__main__":
    main()
