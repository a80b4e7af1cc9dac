"""A pg_dump of a live database, restored into a fresh one, carries on without sending twice."""

import asyncio
import subprocess
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from app.migrate import upgrade_to_head_async
from core.config import Settings
from core.i18n import I18n
from models.db import create_engine, create_sessionmaker
from models.delivery import Delivery, DeliveryStatus
from models.token import TokenPurpose
from models.tokens import consume_one_time_token, issue_one_time_token
from scheduler.planner import plan_deliveries
from tests.conftest import create_database, drop_database
from tests.fakes.telegram import FakeTelegram
from tests.scheduler.conftest import WorkerFactory, add_event, add_users, user_rows
from tests.scheduler.helpers import eventually, running, settled
from web.auth.sessions import issue_refresh_token

pytestmark = pytest.mark.postgres
USERS = 6
TABLES = ("users", "one_time_tokens", "refresh_tokens", "astro_events", "deliveries")


def _pg_args(url: str) -> list[str]:
    parts = make_url(url)
    return ["-h", str(parts.host), "-p", str(parts.port or 5432), "-U", str(parts.username)]


async def _contents(engine: AsyncEngine) -> dict[str, list[tuple[object, ...]]]:
    async with engine.connect() as connection:
        return {
            table: [
                tuple(row)
                for row in await connection.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            ]
            for table in TABLES
        }


async def test_a_restored_dump_has_everything_and_sends_nothing_twice(
    tmp_path: Path, make_settings: Callable[..., Settings]
) -> None:
    source_url, copy_url = create_database(), create_database()
    source = create_engine(source_url, pool_size=2)
    copy = create_engine(copy_url, pool_size=2)
    try:
        await upgrade_to_head_async(source_url)
        async with FakeTelegram() as telegram:
            settings = make_settings(
                database={"url": copy_url},
                telegram={"bot_token": telegram.token, "api_url": telegram.api_url},
                scheduler={"rate_per_second": 200.0, "idle_poll_seconds": 0.05},
            )
            rows = user_rows(USERS)
            for row in rows:
                telegram.add_user(user_id=row["telegram_user_id"])
            now = datetime.now(UTC)
            async with create_sessionmaker(source).begin() as session:
                await add_users(session, rows)
                # A full moon 59 minutes away: each user's 60-minute reminder is due now.
                await add_event(session, now + timedelta(minutes=59))
                link = await issue_one_time_token(session, rows[0]["id"], TokenPurpose.WEB_LOGIN)
                await issue_refresh_token(session, rows[1]["id"], timedelta(days=30))
                report = await plan_deliveries(session, settings, now)
                assert report.reminders == USERS
                # Half of them went out before the dump.
                sent_before = await session.scalars(
                    select(Delivery.id).where(Delivery.kind == "reminder").limit(USERS // 2)
                )
                await session.execute(
                    update(Delivery)
                    .where(Delivery.id.in_(list(sent_before)))
                    .values(status=DeliveryStatus.SENT, sent_at=now, telegram_message_id=1)
                )
            before = await _contents(source)
            dump = tmp_path / "starscalendars.dump"
            await asyncio.to_thread(
                subprocess.run,
                [
                    "pg_dump",
                    *_pg_args(source_url),
                    "--format=custom",
                    "--file",
                    str(dump),
                    str(make_url(source_url).database),
                ],
                check=True,
                timeout=120,
            )
            await asyncio.to_thread(
                subprocess.run,
                [
                    "pg_restore",
                    *_pg_args(copy_url),
                    "--no-owner",
                    "--exit-on-error",
                    "--dbname",
                    str(make_url(copy_url).database),
                    str(dump),
                ],
                check=True,
                timeout=120,
            )
            assert await _contents(copy) == before
            assert all(before.values()), "every table has rows to compare"
            sessionmaker = create_sessionmaker(copy)
            async with sessionmaker.begin() as session:
                # The planner finds everything planned already; the one-time token still works.
                again = await plan_deliveries(session, settings, datetime.now(UTC))
                assert (again.reminders, again.announcements) == (0, 0)
                assert (
                    await consume_one_time_token(session, link, TokenPurpose.WEB_LOGIN)
                    == (rows[0]["id"])
                )
            factory = WorkerFactory(make_settings, sessionmaker, copy_url, telegram, I18n.load())
            worker = factory.worker(settings)
            async with running(worker):
                await eventually(lambda: settled(sessionmaker))
            for sender in factory.senders:
                await sender.close()
            sent_to = [
                row["telegram_user_id"]
                for row in rows
                if telegram.messages_to(row["telegram_user_id"])
            ]
            assert len(sent_to) == USERS - USERS // 2
            assert all(len(telegram.messages_to(chat)) == 1 for chat in sent_to)
    finally:
        await source.dispose()
        await copy.dispose()
        drop_database(source_url)
        drop_database(copy_url)
