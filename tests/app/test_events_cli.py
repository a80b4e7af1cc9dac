"""`starscalendars events` prints localized events and names bad input in one line."""

import json

import pytest
from icalendar import Calendar

from app.cli import main


def test_json_output_is_localized_and_local(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "events", "--from", "2027-08-01", "--to", "2027-08-03", "--kinds", "solar_eclipse",
            "new_moon", "--lang", "ru", "--tz", "Africa/Cairo", "--lat", "25.7", "--lon", "32.6",
            "--format", "json",
        ]
    )  # fmt: skip
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["kind"] for row in rows} == {"solar_eclipse", "new_moon"}
    eclipse = next(row for row in rows if row["kind"] == "solar_eclipse")
    assert "затмение" in eclipse["title"].lower()
    # Luxor lies on the path of totality of 2 August 2027.
    assert eclipse["local"]["visible"] is True
    assert eclipse["local"]["type"] == "total"


def test_ics_output_is_a_calendar(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["events", "--from", "2027-01-01", "--to", "2027-01-31", "--format", "ics"]
    assert main(args) == 0
    calendar = Calendar.from_ical(capsys.readouterr().out)
    assert calendar.walk("VEVENT")


@pytest.mark.parametrize(
    ("extra", "named"),
    [
        (["--kinds", "blue_moon"], "blue_moon"),
        (["--tz", "Mars/Base"], "Mars/Base"),
        (["--lat", "95", "--lon", "10"], "95"),
        (["--lang", "tlh"], "tlh"),
    ],
)
def test_bad_input_is_one_named_line(
    extra: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["events", "--from", "2027-01-01", "--to", "2027-01-02", *extra])
    error = capsys.readouterr().err
    assert code != 0
    assert named in error
    assert "Traceback" not in error
    assert len(error.strip().splitlines()) == 1


def test_date_out_of_range_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--from", "2400-01-01", "--to", "2400-01-02"]) != 0
    assert "2400-01-01" in capsys.readouterr().err
