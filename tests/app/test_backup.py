"""SQLite backups with `starscalendars backup` / `restore`, while the database is in use."""

import asyncio
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.backup import BackupError, backup, restore
from app.migrate import upgrade_to_head_async
from core.config import Settings
from models.db import create_engine, create_sessionmaker
from models.user import User
from tests.scheduler.conftest import add_users, user_rows

ROOT = Path(__file__).resolve().parents[2]


async def _users(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    async with sessionmaker() as session:
        return int(await session.scalar(select(func.count()).select_from(User)) or 0)


async def test_a_backup_restores_what_was_there(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    await upgrade_to_head_async(settings.database.url)
    engine = create_engine(settings.database.url)
    sessionmaker = create_sessionmaker(engine)
    try:
        async with sessionmaker.begin() as session:
            await add_users(session, user_rows(5))
        # The backup is taken while the engine (a running process) holds the database open.
        copy = await asyncio.to_thread(backup, settings, tmp_path / "backups" / "one.db")
        async with sessionmaker.begin() as session:
            await session.execute(delete(User))
        assert await _users(sessionmaker) == 0
        await engine.dispose()
        await asyncio.to_thread(restore, settings, copy)
        assert await _users(sessionmaker) == 5
    finally:
        await engine.dispose()
    with pytest.raises(BackupError, match="exists already"):
        backup(settings, copy)


def test_restore_refuses_what_is_not_our_database(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    settings = make_settings()
    stranger = tmp_path / "stranger.db"
    stranger.write_bytes(b"")
    with pytest.raises(BackupError, match="not a StarsCalendars database"):
        restore(settings, stranger)
    with pytest.raises(BackupError, match="is not a file"):
        restore(settings, tmp_path / "missing.db")


def test_backup_on_postgresql_points_to_pg_dump(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "backup", str(tmp_path / "x.db")],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "DATABASE_URL": "postgresql://postgres@127.0.0.1/x"},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert "backup_error: DATABASE_URL: is not an SQLite file" in result.stderr
    assert "pg_dump" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.db").exists()
