"""`starscalendars backup PATH` / `restore PATH` for the embedded SQLite database.

SQLite's online backup API copies a consistent snapshot page by page while the processes keep
running (WAL readers and writers are not blocked for long). PostgreSQL has its own tools,
pg_dump and pg_restore (README, "Backups"): these commands say so instead of half-doing it.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from app.migrate import upgrade_to_head
from core.config import Settings
from core.errors import AppError
from models.db import sqlite_file

# Pages copied per step: small steps let the running processes write in between.
PAGES_PER_STEP = 1024


class BackupError(AppError):
    """A backup or restore that cannot be done as asked (one line on stderr, exit 1)."""

    code = "backup_error"

    def __init__(self, subject: str, problem: str) -> None:
        super().__init__(f"{subject}: {problem}")


def _database_file(settings: Settings) -> Path:
    path = sqlite_file(settings.database.url)
    if path is None:
        raise BackupError(
            "DATABASE_URL",
            "is not an SQLite file: back PostgreSQL up with pg_dump and restore it with "
            "pg_restore (README, Backups)",
        )
    return path


def _check(connection: sqlite3.Connection, what: Path) -> None:
    verdict = connection.execute("PRAGMA integrity_check").fetchone()
    if verdict is None or verdict[0] != "ok":
        raise BackupError(str(what), f"fails SQLite's integrity check: {verdict}")
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    if "alembic_version" not in tables:
        raise BackupError(str(what), "is not a StarsCalendars database (no alembic_version)")


def backup(settings: Settings, target: Path) -> Path:
    """Copy the live database into `target` (a new file) and check the copy."""
    source_path = _database_file(settings)
    if not source_path.exists():
        raise BackupError("DATABASE_URL", f"{source_path} does not exist")
    if target.exists():
        raise BackupError(str(target), "exists already: choose a new file")
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(source_path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy, pages=PAGES_PER_STEP)
        _check(copy, target)
    return target


def restore(settings: Settings, backup_file: Path) -> Path:
    """Replace the database's content with `backup_file`'s, then migrate it to this code's head.

    Stop every process that uses the database first: they would keep their own view of it.
    """
    target_path = _database_file(settings)
    if not backup_file.is_file():
        raise BackupError(str(backup_file), "is not a file")
    target_path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(backup_file)) as source:
        _check(source, backup_file)
        with closing(sqlite3.connect(target_path)) as live:
            source.backup(live, pages=PAGES_PER_STEP)
    # A backup from an older release catches up with this one's schema.
    upgrade_to_head(settings.database.url)
    return target_path
