"""`starscalendars sky` as a real process: a place's days in JSON, bad input named in one line."""

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

REFERENCE = Path(__file__).parents[1] / "astro" / "data" / "de421_2025_2035.json"


def _sky(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "sky", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])},
        check=False,
    )


def test_json_days_match_the_de421_reference() -> None:
    reference = json.loads(REFERENCE.read_text())
    latitude, longitude, zone = reference["places"]["sydney"]
    rows = [row for row in reference["rise_set"] if row["place"] == "sydney"][:3]
    first, last = rows[0]["date"], rows[-1]["date"]
    done = _sky(
        "--lat", str(latitude), "--lon", str(longitude), "--tz", zone,
        "--from", first, "--to", last, "--format", "json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    days = {day["date"]: day for day in json.loads(done.stdout)}
    assert len(days) == (datetime.fromisoformat(last) - datetime.fromisoformat(first)).days + 1
    for row in rows:
        day = days[row["date"]]
        assert 0.0 <= day["moon_illumination"] <= 1.0
        assert day["moon_phase"]
        for name in ("sunrise", "sunset", "moonrise", "moonset"):
            if row[name] is None:
                assert day[name] is None
                continue
            ours = datetime.fromisoformat(day[name])
            assert ours.utcoffset() in (timedelta(hours=10), timedelta(hours=11))
            assert abs(ours - datetime.fromisoformat(row[name])) <= timedelta(seconds=2)


def test_outside_the_ephemeris_is_one_line_naming_the_range() -> None:
    done = _sky("--lat", "10", "--lon", "10", "--from", "2060-01-01", "--to", "2060-01-02")
    assert done.returncode == 2
    assert "1900-2052" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_bad_coordinates_are_named() -> None:
    done = _sky("--lat", "95", "--lon", "10", "--from", "2027-01-01", "--to", "2027-01-02")
    assert done.returncode != 0
    assert "95" in done.stderr
    assert "Traceback" not in done.stderr
