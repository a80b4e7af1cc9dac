"""Events of any window served from whole UTC months computed once per process.

A window's events do not depend on the window (tests/astro/test_windows.py), so a month
computed once answers every window that overlaps it: after its first request a month costs
only a slice. The months a request lacks are computed together, in one call per run of
consecutive months, since each call has a fixed cost of its own.
"""

import threading
from collections import OrderedDict
from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Final

from astro.events import compute_events
from astro.kinds import EventKind
from astro.sky_event import SkyEvent
from astro.timescale import ensure_window

# Months kept per process: two decades of them.
CACHED_MONTHS: Final = 240
Kinds = frozenset[EventKind] | None
# Keyed by the kinds asked for (None: all) and the month: a request for a few kinds over years
# (the coming eclipses) computes only those.
_months: OrderedDict[tuple[Kinds, int], tuple[SkyEvent, ...]] = OrderedDict()
_lock = threading.Lock()


def _first_instant(index: int) -> datetime:
    """The first instant of month number `index` (year * 12 + month - 1)."""
    return datetime(index // 12, index % 12 + 1, 1, tzinfo=UTC)


def _index(moment: datetime) -> int:
    utc = moment.astimezone(UTC)
    return utc.year * 12 + utc.month - 1


def _compute(kinds: Kinds, first: int, last: int) -> dict[int, tuple[SkyEvent, ...]]:
    """Compute months first..last in one call and keep each."""
    end = _first_instant(last + 1) - timedelta(seconds=1)
    events = compute_events(_first_instant(first), end, kinds)
    by_month: dict[int, list[SkyEvent]] = {index: [] for index in range(first, last + 1)}
    for event in events:
        by_month[_index(event.occurs_at)].append(event)
    computed = {index: tuple(found) for index, found in by_month.items()}
    with _lock:
        for index, found in computed.items():
            _months[kinds, index] = found
            _months.move_to_end((kinds, index))
        while len(_months) > CACHED_MONTHS:
            _months.popitem(last=False)
    return computed


def _months_of(kinds: Kinds, first: int, last: int) -> list[tuple[SkyEvent, ...]]:
    with _lock:
        known = {
            index: _months[kinds, index]
            for index in range(first, last + 1)
            if (kinds, index) in _months
        }
    runs: list[list[int]] = []
    for index in range(first, last + 1):
        if index in known:
            continue
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    for run in runs:
        known.update(_compute(kinds, run[0], run[-1]))
    return [known[index] for index in range(first, last + 1)]


def cached_events(
    start: datetime, end: datetime, kinds: Collection[EventKind] | None = None
) -> list[SkyEvent]:
    """compute_events(start, end, kinds), answered from the cached months the window spans."""
    ensure_window(start, end)
    first, last = _index(start), _index(end)
    if last - first >= CACHED_MONTHS:
        return compute_events(start, end, kinds)
    wanted = None if kinds is None else frozenset(kinds)
    return [
        event
        for month in _months_of(wanted, first, last)
        for event in month
        if start <= event.occurs_at <= end
    ]


def clear() -> None:
    """Forget every cached month (benchmarks measure cold requests)."""
    with _lock:
        _months.clear()
