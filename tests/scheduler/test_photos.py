"""Posts and reminders with the event's picture: one upload per picture, then its file_id."""

from collections import Counter
from datetime import UTC, datetime
from uuid import uuid4

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from astro.events import compute_events
from astro.kinds import EventKind
from astro.zones import hemisphere
from core.event_text import event_title
from core.i18n import I18n
from models.picture_file import PictureFile, remember_file_id
from scheduler.outbox import EventInfo
from scheduler.photos import CAPTION_LIMIT, PhotoPoster
from scheduler.planner import plan_deliveries
from scheduler.render import Audience
from scheduler.telegram_send import TelegramSender
from scheduler.worker import DeliveryWorker
from tests.pictures.conftest import ARTIFACTS
from tests.scheduler.conftest import WorkerFactory, add_event, add_users, soon, user_rows
from tests.scheduler.helpers import count_by_status, eventually, running

pytestmark = pytest.mark.postgres
USERS = 40


def _worker(workers: WorkerFactory) -> DeliveryWorker:
    settings = workers.settings(
        telegram={"channels": {"ru": "@nebo", "*": "@sky_events"}}, announce_leads_minutes=[60]
    )
    return workers.worker(settings, photos=True)


async def _deliver(workers: WorkerFactory, worker: DeliveryWorker, expected: int) -> None:
    async with running(worker):
        await eventually(lambda: len(workers.telegram.sent) >= expected, timeout=60)
        await eventually(lambda: _settled(workers), timeout=20)


async def _settled(workers: WorkerFactory) -> bool:
    return "pending" not in await count_by_status(workers.sessionmaker)


def _channels(workers: WorkerFactory) -> None:
    workers.telegram.add_channel("Небо", username="nebo")
    workers.telegram.add_channel("Sky", username="sky_events")


async def test_a_moon_broadcast_uploads_one_picture_per_hemisphere(
    workers: WorkerFactory,
) -> None:
    telegram = workers.telegram
    _channels(workers)
    rows = user_rows(USERS)
    for row in rows:
        telegram.add_user(user_id=row["telegram_user_id"], language_code=row["language"])
    async with workers.sessionmaker.begin() as session:
        await add_users(session, rows)
        await add_event(session, soon(30))
    worker = _worker(workers)
    async with workers.sessionmaker.begin() as session:
        await plan_deliveries(session, worker.settings, datetime.now(UTC))
    await _deliver(workers, worker, USERS + 2)

    assert all("photo" in message.payload for message in telegram.sent)
    assert Counter(message.chat_id for message in telegram.sent).most_common(1)[0][1] == 1
    sides = {hemisphere(None, row["timezone"]) for row in rows} | {"north"}
    assert len(telegram.photo_uploads) == len(sides)
    # Every other send passed a file_id of one of the uploads.
    uploaded = {size["file_id"] for photo in telegram.photo_uploads for size in photo.sizes}
    reused = [c.params["photo"] for c in telegram.calls("sendPhoto") if c.status == 200]
    assert sum(1 for photo in reused if photo in uploaded) == USERS + 2 - len(sides)
    for row in rows[:10]:
        (message,) = telegram.messages_to(row["telegram_user_id"])
        title = event_title(workers.i18n.get(row["language"]), "full_moon", "", {}, "north")
        assert title in message.payload["caption"]
        assert len(message.payload["caption"]) <= CAPTION_LIMIT
    async with workers.sessionmaker() as session:
        stored = (await session.scalars(select(PictureFile))).all()
    assert len(stored) == len(sides)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for index, photo in enumerate(telegram.photo_uploads):
        (ARTIFACTS / f"telegram-moon-{index}.png").write_bytes(photo.data)

    # A later process finds the file_ids in the database: nothing is uploaded again.
    async with workers.sessionmaker.begin() as session:
        await add_users(session, user_rows(1, telegram_user_id=9_000_001, language="de"))
        telegram.add_user(user_id=9_000_001, language_code="de")
        await plan_deliveries(session, worker.settings, datetime.now(UTC))
    await _deliver(workers, _worker(workers), USERS + 3)
    assert len(telegram.photo_uploads) == len(sides)


async def test_eclipse_maps_carry_words_per_language(workers: WorkerFactory) -> None:
    telegram = workers.telegram
    _channels(workers)
    rows = user_rows(6, reminder_kinds=["solar_eclipse"])  # en zh es hi pt de
    for row in rows:
        telegram.add_user(user_id=row["telegram_user_id"], language_code=row["language"])
    day = datetime(2027, 8, 2, tzinfo=UTC)
    eclipse = compute_events(day, day.replace(hour=23), frozenset({EventKind.SOLAR_ECLIPSE}))[0]
    async with workers.sessionmaker.begin() as session:
        await add_users(session, rows)
        # Planned as if it were half an hour away: the map is drawn for that instant.
        await add_event(session, soon(30), "solar_eclipse", 100.0, **eclipse.payload)
    worker = _worker(workers)
    async with workers.sessionmaker.begin() as session:
        await plan_deliveries(session, worker.settings, datetime.now(UTC))
    await _deliver(workers, worker, len(rows) + 2)
    # One map per language: the six users' and the Russian channel's (the other is English).
    languages = {row["language"] for row in rows} | {"ru", "en"}
    assert len(telegram.photo_uploads) == len(languages)
    for index, photo in enumerate(telegram.photo_uploads):
        (ARTIFACTS / f"telegram-eclipse-{index}.png").write_bytes(photo.data)


async def test_a_stale_file_id_is_replaced_by_one_upload(workers: WorkerFactory) -> None:
    _channels(workers)
    async with workers.sessionmaker.begin() as session:
        event_id = await add_event(session, soon(30))
    worker = _worker(workers)
    async with workers.sessionmaker.begin() as session:
        for side in ("north", "south"):
            await remember_file_id(session, f"{event_id}:{side}", "AgACforgotten")
        await plan_deliveries(session, worker.settings, datetime.now(UTC))
    await _deliver(workers, worker, 2)
    assert len(workers.telegram.photo_uploads) == 1
    assert await count_by_status(workers.sessionmaker) == {"sent": 3}
    async with workers.sessionmaker() as session:
        stored = await session.get(PictureFile, f"{event_id}:north")
    assert stored is not None
    assert stored.file_id != "AgACforgotten"


async def test_a_picture_that_cannot_be_drawn_leaves_the_text(workers: WorkerFactory) -> None:
    telegram = workers.telegram
    _channels(workers)
    async with workers.sessionmaker.begin() as session:
        await add_event(
            session, soon(30), kind="lunar_eclipse", type="total", partial_begin="not a time"
        )
    worker = _worker(workers)
    async with workers.sessionmaker.begin() as session:
        await plan_deliveries(session, worker.settings, datetime.now(UTC))
    await _deliver(workers, worker, 2)
    assert telegram.photo_uploads == []
    assert all(message.text for message in telegram.sent)
    assert await count_by_status(workers.sessionmaker) == {"sent": 3}


def test_kinds_without_a_picture_or_long_texts_stay_text(i18n: I18n) -> None:
    unused = "http://127.0.0.1:9/unused"
    photos = PhotoPoster(unused, TelegramSender(unused), async_sessionmaker(), i18n)
    audience = Audience("en", "UTC")
    moon = EventInfo(uuid4(), "full_moon", "", datetime.now(UTC), {})
    equinox = EventInfo(uuid4(), "equinox_march", "", datetime.now(UTC), {})
    assert photos.picture(moon, audience, "<b>Full moon</b> &amp; more") is not None
    assert photos.picture(equinox, audience, "Equinox") is None
    long_text = "<b>" + "x" * (CAPTION_LIMIT + 1) + "</b>"
    assert photos.picture(moon, audience, long_text) is None
    assert photos.picture(moon, audience, "&lt;" * CAPTION_LIMIT) is not None
