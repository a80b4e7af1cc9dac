"""Any window gets exactly the events of one long computation that fall inside it."""

import math
from datetime import UTC, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from astro.events import SkyEvent, compute_events
from astro.month_cache import cached_events
from tests.astro.conftest import DECADE_END, DECADE_START

DAY_S = 86_400.0
DECADE_S = (DECADE_END - DECADE_START).total_seconds()


@settings(max_examples=20, deadline=None, derandomize=True)
@given(
    offset=st.floats(min_value=0.0, max_value=DECADE_S - DAY_S),
    log_length=st.floats(min_value=math.log(DAY_S), max_value=math.log(DECADE_S)),
)
# A 400-day window from June once missed the next Quadrantids; an eleven-year one lost most
# Moon-planet conjunctions and showers.
@example(offset=(datetime(2026, 6, 10, tzinfo=UTC) - DECADE_START).total_seconds(),
         log_length=math.log(400 * DAY_S))  # fmt: skip
@example(offset=0.0, log_length=math.log(DECADE_S))
def test_a_window_holds_the_long_computations_events(
    decade: list[SkyEvent], offset: float, log_length: float
) -> None:
    start = DECADE_START + timedelta(seconds=round(offset))
    end = min(start + timedelta(seconds=round(math.exp(log_length))), DECADE_END)
    inside = [event for event in decade if start <= event.occurs_at <= end]
    assert compute_events(start, end) == inside
    # The per-month cache that serves on-demand requests answers alike.
    assert cached_events(start, end) == inside
