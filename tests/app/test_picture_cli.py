"""`starscalendars picture`: one event's picture into a file, by kind and date or by stored id."""

import shutil
import subprocess
import sys
import uuid
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from app.cli import main
from models.db import create_engine, create_sessionmaker
from models.event import AstroEvent
from tests.conftest import run_sync
from tests.pictures.conftest import ARTIFACTS

ROOT = Path(__file__).resolve().parents[2]
MOON = ("--kind", "full_moon", "--date", "2026-12-24")


def _image(path: Path) -> Image.Image:
    Image.open(BytesIO(path.read_bytes())).verify()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copy(path, ARTIFACTS / f"cli-{path.name}")
    return Image.open(BytesIO(path.read_bytes()))


def test_full_moon_by_kind_and_date_in_a_real_process(tmp_path: Path) -> None:
    out = tmp_path / "moon.png"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "picture", *MOON, "--lang", "ru", "--out", str(out)],
        env={"PYTHONPATH": str(ROOT), "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/x.db"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    image = _image(out)
    assert image.format == "PNG"
    assert image.width == image.height


def test_eclipse_map_for_a_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "eclipse-2026-bilbao.webp"
    args = ["picture", "--kind", "solar_eclipse", "--date", "2026-08-12", "--lang", "hy"]
    code = main(
        [*args, "--lat", "43.26", "--lon", "-2.93", "--tz", "Europe/Madrid", "--out", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    image = _image(out)
    assert image.format == "WEBP"
    assert image.size == (1200, 600)


async def _store(url: str, event: AstroEvent) -> None:
    engine = create_engine(url)
    try:
        async with create_sessionmaker(engine).begin() as session:
            session.add(event)
    finally:
        await engine.dispose()


def test_stored_event_by_id(
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    event = AstroEvent(
        id=uuid.uuid4(),
        kind="lunar_eclipse",
        occurs_at=datetime(2025, 9, 7, 18, 11, 47, tzinfo=UTC),
        payload={
            "type": "total",
            "partial_begin": "2025-09-07T16:27:00+00:00",
            "partial_end": "2025-09-07T19:56:00+00:00",
        },
    )
    run_sync(_store(sqlite_url, event))
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    out = tmp_path / "lunar.jpg"
    code = main(["picture", "--event-id", str(event.id), "--width", "800", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    assert _image(out).size == (800, 400)
    missing = ["picture", "--event-id", str(uuid.uuid4()), "--out", str(out)]
    assert main(missing) == 1
    assert "not_found" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (["--kind", "nonsense", "--date", "2026-12-24"], 2, "unknown_event_kind"),
        (["--kind", "full_moon", "--date", "2026-12-23"], 1, "not_found"),
        (["--kind", "equinox_march", "--date", "2026-03-20"], 1, "picture_unavailable"),
        (
            ["--kind", "full_moon", "--date", "2026-12-24", "--lat", "91", "--lon", "0"],
            2,
            "invalid_coordinates",
        ),
        (["--kind", "full_moon"], 1, "validation_failed"),
    ],
)
def test_bad_input_is_one_named_line(
    extra: list[str], code: int, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["picture", *extra, "--out", str(tmp_path / "x.png")]) == code
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert message in error
