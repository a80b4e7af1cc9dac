"""`starscalendars run` in a fresh directory: no configuration, serves, stops on SIGTERM."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import orjson

from tests.ports import free_port

STARTUP_SECONDS = 60


def _get(url: str) -> tuple[int, dict[str, object]]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, orjson.loads(response.read())
    except urllib.error.HTTPError as exc:
        return exc.code, orjson.loads(exc.read())


def test_run_serves_on_the_embedded_default_and_stops_on_sigterm(tmp_path: Path) -> None:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "WEB_PORT": str(port),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "run"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        status, body = 0, dict[str, object]()
        while time.monotonic() < deadline and process.poll() is None:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/health")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200, "the web role never answered /health"
        assert body == {"status": "ok"}
        status, body = _get(f"http://127.0.0.1:{port}/ready")
        assert status == 200, body
        assert (tmp_path / "var" / "starscalendars.db").exists()
        assert list((tmp_path / "var" / "keys").glob("*.pem"))
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 0, stderr
    assert "bot role is off: TELEGRAM_BOT_TOKEN is not set" in stderr
    assert "Traceback" not in stderr
