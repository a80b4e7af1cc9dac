"""Fixtures for the delivery pipeline: populated databases, the fake Bot API, a ready worker."""

import uuid
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.bus import InProcessBus
from core.config import Settings
from core.i18n import I18n
from models.event import AstroEvent
from models.user import User
from scheduler.limiter import Limits, RateLimiter
from scheduler.photos import PhotoPoster
from scheduler.planner import plan_deliveries
from scheduler.render import MessageRenderer
from scheduler.telegram_send import TelegramSender
from scheduler.worker import DeliveryWorker, VisibilityFn
from tests.fakes.telegram import FakeTelegram, LimitsConfig, Rate
from tests.scheduler.fleet import Fleet

LANGUAGE_ZONES = [
    ("en", "Europe/London"),
    ("ru", "Europe/Moscow"),
    ("ja", "Asia/Tokyo"),
    ("es", "America/Mexico_City"),
    ("de", "Europe/Berlin"),
    ("hy", "Asia/Yerevan"),
    ("pt", "America/Sao_Paulo"),
    ("fr", "Europe/Paris"),
    ("hi", "Asia/Kolkata"),
    ("zh", "Asia/Shanghai"),
]
FIRST_TELEGRAM_ID = 500_000_000


@pytest.fixture(scope="session")
def i18n() -> I18n:
    """Every catalogue, loaded once."""
    return I18n.load()


def user_rows(count: int, first: int = 0, **overrides: Any) -> list[dict[str, Any]]:
    """Users with Telegram accounts, cycling through the ten languages and their time zones."""
    rows = []
    for index in range(first, first + count):
        language, zone = LANGUAGE_ZONES[index % len(LANGUAGE_ZONES)]
        rows.append(
            {
                "id": uuid.uuid4(),
                "telegram_user_id": FIRST_TELEGRAM_ID + index,
                "language": language,
                "timezone": zone,
                "reminder_kinds": ["full_moon"],
                "reminder_leads_minutes": [60],
                **overrides,
            }
        )
    return rows


async def add_users(session: AsyncSession, rows: Iterable[dict[str, Any]]) -> None:
    """Insert users in one statement."""
    await session.execute(insert(User), list(rows))


async def add_event(
    session: AsyncSession,
    occurs_at: datetime,
    kind: str = "full_moon",
    significance: float = 45.0,
    **payload: Any,
) -> uuid.UUID:
    """Insert one sky event and return its id."""
    event_id = uuid.uuid4()
    await session.execute(
        insert(AstroEvent).values(
            id=event_id,
            kind=kind,
            subject="",
            occurs_at=occurs_at,
            payload=payload or {"illumination": 1.0, "distance_km": 370_000},
            significance=significance,
        )
    )
    return event_id


def soon(minutes: float = 30) -> datetime:
    """An instant `minutes` from now, whole seconds."""
    return (datetime.now(UTC) + timedelta(minutes=minutes)).replace(microsecond=0)


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A fake Bot API server whose overall limit is raised so tests run in seconds."""
    limits = LimitsConfig(overall=Rate(per_second=400.0, burst=40))
    async with FakeTelegram(limits=limits) as fake:
        yield fake


@dataclass
class WorkerFactory:
    """Builds delivery workers on one database, talking to one fake Telegram."""

    make_settings: Callable[..., Settings]
    sessionmaker: async_sessionmaker[AsyncSession]
    database_url: str
    telegram: FakeTelegram
    i18n: I18n
    bus: InProcessBus = field(default_factory=InProcessBus)
    senders: list[TelegramSender] = field(default_factory=list)

    def settings(self, telegram: dict[str, Any] | None = None, **scheduler: Any) -> Settings:
        """Settings pointing at the database and the fake, with overrides."""
        return self.make_settings(
            database={"url": self.database_url},
            telegram={
                "bot_token": self.telegram.token,
                "api_url": self.telegram.api_url,
                **(telegram or {}),
            },
            scheduler={"rate_per_second": 200.0, "idle_poll_seconds": 0.05, **scheduler},
        )

    def worker(
        self, settings: Settings, visibility: VisibilityFn | None = None, *, photos: bool = False
    ) -> DeliveryWorker:
        """A worker with its own HTTP session and rate limiter (and pictures, if asked)."""
        sender = TelegramSender.from_settings(settings.telegram)
        self.senders.append(sender)
        poster = None
        if photos:
            poster = PhotoPoster.from_settings(
                settings.telegram, sender, self.sessionmaker, self.i18n
            )
        return DeliveryWorker(
            settings=settings,
            sessionmaker=self.sessionmaker,
            bus=self.bus,
            sender=sender,
            limiter=RateLimiter(Limits.from_settings(settings.scheduler)),
            renderer=MessageRenderer(self.i18n),
            visibility=visibility,
            photos=poster,
        )


@pytest.fixture
async def workers(
    make_settings: Callable[..., Settings],
    pg_sessionmaker: async_sessionmaker[AsyncSession],
    pg_url: str,
    fake_telegram: FakeTelegram,
    i18n: I18n,
) -> AsyncIterator[WorkerFactory]:
    """Delivery workers on PostgreSQL (tables emptied after the test) and the fake."""
    factory = WorkerFactory(make_settings, pg_sessionmaker, pg_url, fake_telegram, i18n)
    yield factory
    for sender in factory.senders:
        await sender.close()


@pytest.fixture
def fleet(pg_url: str, fake_telegram: FakeTelegram, tmp_path: Path) -> Iterator[Fleet]:
    """Real scheduler processes on the test database and the fake; killed after the test."""
    processes = Fleet(pg_url, fake_telegram, tmp_path, {})
    yield processes
    processes.close()


async def plan_reminders(
    workers: WorkerFactory, users: int, first: int = 0, kind: str = "full_moon"
) -> set[int]:
    """`users` new users (known to the fake) with a reminder each of a `kind` event due now.

    Returns their chat ids; `first` numbers them after the users of an earlier call, whose
    reminders are of another kind.
    """
    rows = user_rows(users, first, reminder_kinds=[kind])
    for row in rows:
        workers.telegram.add_user(user_id=row["telegram_user_id"])
    async with workers.sessionmaker.begin() as session:
        await add_users(session, rows)
        await add_event(session, soon(30), kind)
        report = await plan_deliveries(session, workers.settings(), datetime.now(UTC))
    assert report.reminders == users
    return {row["telegram_user_id"] for row in rows}
