"""The `starscalendars` command as people run it: a real subprocess, real exit codes."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

COMMANDS = ["run", "web", "bot", "scheduler", "migrate", "events"]


def _cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), **(env or {})},
        cwd=cwd,
        check=False,
    )


def test_help_lists_every_role() -> None:
    result = _cli("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_has_help(command: str) -> None:
    result = _cli(command, "--help")
    assert result.returncode == 0, result.stderr
    assert f"starscalendars {command}" in result.stdout


def test_bad_configuration_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    result = _cli("migrate", env={"TELEGRAM_API_URL": "not a url"}, cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("starscalendars: configuration error: TELEGRAM_API_URL:")


def test_bot_role_without_token_names_the_variable(tmp_path: Path) -> None:
    result = _cli("bot", cwd=tmp_path)
    assert result.returncode == 2
    assert "TELEGRAM_BOT_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_command_exits_non_zero() -> None:
    result = _cli("teleport")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_migrate_on_an_unreachable_database_is_a_clear_error(tmp_path: Path) -> None:
    result = _cli(
        "migrate", env={"DATABASE_URL": "postgresql://postgres@127.0.0.1:1/nowhere"}, cwd=tmp_path
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "cannot use the database" in result.stderr


def test_migrate_creates_the_embedded_database(tmp_path: Path) -> None:
    result = _cli("migrate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "var" / "starscalendars.db").exists()


@pytest.mark.parametrize("module", ["web.server", "scheduler.runner"])
def test_web_and_scheduler_processes_do_not_load_aiogram(module: str) -> None:
    # aiogram's Bot API models cost ~120 MB and seconds of start-up; only the bot needs them.
    code = f"import sys, app.cli, {module}; print('aiogram' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=True,
    )
    assert result.stdout.strip() == "False"
