"""Real `starscalendars <role>` processes for tests: started with env vars, watched, stopped."""

import asyncio
import os
import signal
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class RoleProcess:
    """One `python -m app.cli <role>` process whose merged output is kept for assertions."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.output: list[str] = []
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while line := await stream.readline():
            self.output.append(line.decode(errors="replace"))

    def said(self, text: str) -> bool:
        """True when a line of output so far contains `text`."""
        return any(text in line for line in self.output)

    async def stop(self, timeout: float = 20.0) -> int:  # noqa: ASYNC109 - bounded by design
        """SIGTERM, then the exit code (SIGKILL and a failure if it does not end in time)."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            code = await asyncio.wait_for(self.process.wait(), timeout)
        except TimeoutError:
            self.process.kill()
            raise
        await self._reader
        return code

    async def kill(self) -> None:
        """SIGKILL: no cleanup at all, as when a machine dies."""
        self.process.kill()
        await self.process.wait()
        await self._reader


class RoleLauncher:
    """Starts role processes with shared env vars; `close` kills whatever still runs."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.started: list[RoleProcess] = []

    async def start(self, role: str, **env: str) -> RoleProcess:
        """Start `starscalendars <role>` with the shared env vars plus `env`."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "app.cli",
            role,
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), **self.env, **env},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        self.started.append(RoleProcess(process))
        return self.started[-1]

    async def close(self) -> None:
        """Kill every process that is still running."""
        for role in self.started:
            if role.process.returncode is None:
                await role.kill()
