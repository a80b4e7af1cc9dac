"""What importing a heavy library adds to a process's RSS: `python -m bench.import_rss_bench`.

Each library is imported in a fresh interpreter that has already loaded what a web process
loads first (aiohttp, SQLAlchemy, pydantic, the catalogues' Fluent and Babel), so the figure
is what a role that skips the library saves.
"""

import subprocess
import sys

# The libraries some roles avoid, with the import that pulls in what they would use.
LIBRARIES = {
    "aiogram": "import aiogram; from aiogram import Bot, Dispatcher",
    "alembic": "import alembic.command, alembic.config",
    "sentry_sdk": "import sentry_sdk",
}
BASELINE = "import aiohttp.web, sqlalchemy.ext.asyncio, pydantic, fluent.runtime, babel.dates"
PROBE = f"""
def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
{BASELINE}
before = rss_kb()
exec(IMPORT)
print(rss_kb() - before)
"""


def added_mb(statement: str) -> float:
    """RSS a fresh interpreter gains by running `statement` after the baseline imports."""
    code = f"IMPORT = {statement!r}\n{PROBE}"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return int(out.stdout) / 1024


def main() -> None:
    """Print each library's cost, median of three fresh processes."""
    for name, statement in LIBRARIES.items():
        runs = sorted(added_mb(statement) for _ in range(3))
        print(f"import {name}: +{runs[1]:.1f} MB RSS (runs {runs[0]:.1f}–{runs[2]:.1f})")


if __name__ == "__main__":
    main()
