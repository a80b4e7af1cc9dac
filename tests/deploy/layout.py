"""deploy/loopback.sh driven from Python: start the layout, find its processes, stop it."""

import asyncio
import contextlib
import functools
import os
import signal
import sys
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import yaml
from sqlalchemy import insert

from core.config import Settings
from core.keys import load_keyring
from models.db import create_engine, create_sessionmaker
from models.user import User
from tests.ports import free_port
from web.auth.jwt import AccessTokens

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "loopback.sh"
# The script's line once every process has been started.
STARTED = "loopback: proxy on"


@dataclass
class Layout:
    """One running deploy/loopback.sh: nginx, web and scheduler processes (and the bot)."""

    directory: Path
    process: asyncio.subprocess.Process
    proxy_port: int
    web_ports: list[int]
    scheduler_ports: list[int]
    bot_port: int
    output: list[str] = field(default_factory=list)
    reader: "asyncio.Task[None] | None" = None

    async def read_output(self) -> None:
        """Keep the script's own lines (starts, restarts, stops) in `output`."""
        assert self.process.stdout is not None
        while line := await self.process.stdout.readline():
            self.output.append(line.decode(errors="replace"))

    @property
    def proxy_url(self) -> str:
        """The proxy's base URL, as clients see the service."""
        return f"http://127.0.0.1:{self.proxy_port}"

    def pid(self, name: str) -> int:
        """The current process id of `web-1`, `scheduler-2`, `bot`, `nginx`..."""
        return int((self.directory / f"{name}.pid").read_text())

    def targets(self) -> dict[str, list[str]]:
        """The metrics URLs of every role, read from the Prometheus file the script wrote."""
        config = yaml.safe_load((self.directory / "prometheus.yml").read_text())
        return {
            job["job_name"].removeprefix("starscalendars-"): [
                f"http://{target}/metrics"
                for static in job["static_configs"]
                for target in static["targets"]
            ]
            for job in config["scrape_configs"]
        }

    def log(self, name: str) -> str:
        """Everything process `name` has written so far (all its restarts)."""
        return (self.directory / f"{name}.log").read_text(errors="replace")

    async def wait_ready(self, timeout: float = 120.0) -> None:  # noqa: ASYNC109 - bounded
        """Until the proxy and every metrics endpoint answer (fails if the script ends)."""
        deadline = asyncio.get_running_loop().time() + timeout

        async def until(condition: Callable[[], Awaitable[bool]], what: str) -> None:
            while not await condition():
                if self.process.returncode is not None:
                    raise RuntimeError("loopback.sh ended:\n" + "".join(self.output))
                if asyncio.get_running_loop().time() > deadline:
                    raise TimeoutError(f"{what} within {timeout}s")
                await asyncio.sleep(0.3)

        async def started() -> bool:
            return any(STARTED in line for line in self.output)

        await until(started, "loopback.sh did not start every process")
        urls = [f"{self.proxy_url}/ready"] + [
            url for urls in self.targets().values() for url in urls
        ]
        async with aiohttp.ClientSession() as http:
            for url in urls:
                await until(functools.partial(_answers, http, url), f"{url} did not answer")

    async def stop(self, timeout: float = 60.0) -> int:  # noqa: ASYNC109 - bounded
        """SIGTERM to the script, which stops every process it started; its exit code.

        Past `timeout` everything is SIGKILLed and the code is the script's -9.
        """
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.kill_all()
            code = await self.process.wait()
        if self.reader is not None:
            await self.reader
        return code

    def kill_all(self) -> None:
        """SIGKILL the script and everything it started: they share its process group."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)


async def _answers(http: aiohttp.ClientSession, url: str) -> bool:
    try:
        async with http.get(url, timeout=aiohttp.ClientTimeout(total=5)) as response:
            return response.status == 200
    except (aiohttp.ClientError, TimeoutError):
        return False


async def start_layout(
    directory: Path, env: dict[str, str], web: int = 2, schedulers: int = 2
) -> Layout:
    """Start deploy/loopback.sh on free ports, this checkout's code and `env`'s settings."""
    web_ports = [free_port() for _ in range(web)]
    scheduler_ports = [free_port() for _ in range(schedulers)]
    proxy_port, bot_port = free_port(), free_port()
    process = await asyncio.create_subprocess_exec(
        "bash",
        str(SCRIPT),
        cwd=directory,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "STARSCALENDARS": f"{sys.executable} -m app.cli",
            "LOOPBACK_DIR": str(directory),
            "PROXY_PORT": str(proxy_port),
            "WEB_PORTS": " ".join(map(str, web_ports)),
            "SCHEDULER_METRICS_PORTS": " ".join(map(str, scheduler_ports)),
            "BOT_METRICS_PORT": str(bot_port),
            **env,
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        start_new_session=True,
    )
    layout = Layout(directory, process, proxy_port, web_ports, scheduler_ports, bot_port)
    layout.reader = asyncio.create_task(layout.read_output())
    return layout


async def sign_in_user(database: str, settings: Settings, language: str = "ja") -> str:
    """A new user in `database` and an access token for them, signed with the layout's key."""
    user_id = uuid.uuid4()
    engine = create_engine(database)
    try:
        async with create_sessionmaker(engine).begin() as session:
            await session.execute(insert(User).values(id=user_id, language=language))
    finally:
        await engine.dispose()
    keyring = load_keyring(settings.auth.keys_dir, generate=False)
    return (
        AccessTokens(keyring, settings.auth)
        .issue(user_id, language=language, timezone="UTC", latitude=None, longitude=None)
        .token
    )
