"""Conversions between datetimes and astronomy-engine times, and the ΔT model."""

from datetime import UTC, datetime

import pytest

from astro.timescale import delta_t, to_datetime, to_time


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1900, 1, 1, tzinfo=UTC),
        datetime(2024, 4, 8, 18, 17, 24, tzinfo=UTC),
        datetime(2199, 12, 31, 23, 59, 59, tzinfo=UTC),
    ],
)
def test_round_trip_is_exact_to_the_second(moment: datetime) -> None:
    assert to_datetime(to_time(moment)) == moment


def test_delta_t_follows_measurements_and_continues_without_a_jump() -> None:
    # IERS: TT - UT1 was 69.36 s on 1 January 2020.
    assert delta_t(2020.0) == pytest.approx(69.36)
    assert delta_t(2025.0 + 1e-9) - delta_t(2025.0 - 1e-9) == pytest.approx(0.0, abs=1e-3)
    assert 60.0 < delta_t(1999.0) < 66.0
