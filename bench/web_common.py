"""Shared pieces of the web benchmarks: limits, memory, percentiles, the load-generator pipe."""

import asyncio
import math
import resource
import sys
from collections.abc import Sequence
from typing import Any

import orjson

HOST = "127.0.0.1"


def raise_fd_limit(wanted: int) -> int:
    """Raise this process's open-file limit towards `wanted` (up to the hard limit)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft < target:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    return max(soft, target)


def rss_mb() -> float:
    """This process's resident memory, in MB (from /proc)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def cpu_seconds() -> float:
    """CPU time (user + system) this process has used so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values: Sequence[float], fraction: float) -> float:
    """The nearest-rank percentile of `values` (fraction 0..1)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(fraction * len(ordered)))
    return ordered[rank - 1]


class LoadGenerator:
    """The load generator as a child process, spoken to in JSON lines over its stdin/stdout."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self._process = process

    @classmethod
    async def start(cls, module: str, *args: str) -> "LoadGenerator":
        """Run `python -m module *args` with pipes (stderr passes through)."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            module,
            *args,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**24,
        )
        return cls(process)

    async def ask(self, command: dict[str, Any], wait_seconds: float = 300.0) -> dict[str, Any]:
        """Send one command and wait for its one-line answer."""
        assert self._process.stdin is not None
        assert self._process.stdout is not None
        self._process.stdin.write(orjson.dumps(command) + b"\n")
        await self._process.stdin.drain()
        line = await asyncio.wait_for(self._process.stdout.readline(), wait_seconds)
        if not line:
            raise RuntimeError("the load generator exited")
        answer: dict[str, Any] = orjson.loads(line)
        return answer

    async def stop(self) -> None:
        """Tell the generator to quit and wait for it (killing it after a grace period)."""
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            await asyncio.wait_for(self._process.wait(), 30)
        except TimeoutError:
            self._process.kill()
            await self._process.wait()


async def read_commands() -> asyncio.StreamReader:
    """The child side: stdin as an asyncio stream of JSON-line commands."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=2**24)
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    return reader


def answer(message: dict[str, Any]) -> None:
    """The child side: one JSON line on stdout."""
    sys.stdout.buffer.write(orjson.dumps(message) + b"\n")
    sys.stdout.buffer.flush()
