"""Conversions between datetimes, skyfield and astronomy-engine times, and the IERS ΔT."""

from datetime import UTC, datetime

import pytest

from astro.errors import DateOutOfRangeError
from astro.timescale import delta_t, sky_to_datetime, to_datetime, to_sky, to_time


@pytest.mark.parametrize(
    "moment",
    [
        datetime(1900, 1, 1, tzinfo=UTC),
        datetime(2016, 12, 31, 23, 59, 59, tzinfo=UTC),  # just before a leap second
        datetime(2024, 4, 8, 18, 17, 24, tzinfo=UTC),
        datetime(2052, 12, 31, 23, 59, 59, tzinfo=UTC),
    ],
)
def test_round_trip_is_exact_to_the_second(moment: datetime) -> None:
    assert to_datetime(to_time(moment)) == moment
    assert sky_to_datetime(to_sky(moment)) == moment


def test_delta_t_follows_the_iers() -> None:
    # IERS: TT - UT1 was 69.36 s on 1 January 2020; its predictions stay near 69 s to 2035,
    # where the Espenak-Meeus trend would have reached 75.7 s.
    assert delta_t(2020.0) == pytest.approx(69.36, abs=0.05)
    assert 67.0 < delta_t(2035.0) < 72.0


@pytest.mark.parametrize("year", [1899, 2053])
def test_years_outside_de421_are_refused(year: int) -> None:
    with pytest.raises(DateOutOfRangeError) as caught:
        to_sky(datetime(year, 6, 1, tzinfo=UTC))
    assert (caught.value.data["first_year"], caught.value.data["last_year"]) == (1900, 2052)
