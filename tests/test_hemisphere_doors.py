"""One hemisphere rule at every door: Sydney without coordinates lives by southern seasons.

One process's runtime serves the real bot (against the fake Bot API), the real web application
and a delivery worker, as `starscalendars run` does, on PostgreSQL.
"""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from aiohttp import web
from icalendar import Calendar
from pytest_aiohttp import AiohttpClient
from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.config import Settings
from core.event_text import event_title
from core.i18n import I18n
from core.keys import load_keyring
from core.push import WS_CHANNEL, Everyone, PushEnvelope
from core.runtime import Runtime
from models.delivery import Delivery, DeliveryKind, TargetType
from models.event import AstroEvent
from scheduler.limiter import Limits, RateLimiter
from scheduler.render import MessageRenderer
from scheduler.telegram_send import TelegramSender
from scheduler.worker import DeliveryWorker
from tests.bot.conftest import _running, _telegram_section
from tests.bot.helpers import reply_to
from tests.fakes.telegram import FakeTelegram
from tests.scheduler.helpers import eventually, running, settled
from tests.web.conftest import WebUser, create_web_user
from web.app import create_app

pytestmark = pytest.mark.postgres


async def _add_equinox(sessionmaker: async_sessionmaker[AsyncSession]) -> uuid.UUID:
    """A March equinox in two hours; an event past the bot's window marks the horizon covered."""
    now = datetime.now(UTC).replace(microsecond=0)
    equinox = AstroEvent(kind="equinox_march", occurs_at=now + timedelta(hours=2), payload={})
    async with sessionmaker.begin() as session:
        session.add_all(
            [equinox, AstroEvent(kind="full_moon", occurs_at=now + timedelta(days=90), payload={})]
        )
    return equinox.id


async def _remind(
    sessionmaker: async_sessionmaker[AsyncSession], event_id: uuid.UUID, user: WebUser
) -> None:
    """A reminder of the event, due now, as the planner would have written it."""
    async with sessionmaker.begin() as session:
        await session.execute(
            insert(Delivery).values(
                event_id=event_id,
                target_type=TargetType.USER,
                target_id=str(user.user_id),
                user_id=user.user_id,
                kind=DeliveryKind.REMINDER,
                lead_minutes=120,
                next_attempt_at=datetime.now(UTC),
            )
        )


def _worker(runtime: Runtime, sender: TelegramSender) -> DeliveryWorker:
    """The scheduler's delivery worker on the same runtime."""
    settings = runtime.settings
    return DeliveryWorker(
        settings=settings,
        sessionmaker=runtime.sessionmaker,
        bus=runtime.bus,
        sender=sender,
        limiter=RateLimiter(Limits.from_settings(settings.scheduler)),
        renderer=MessageRenderer(runtime.i18n),
    )


async def test_sydney_without_coordinates_reads_the_autumn_equinox_at_every_door(
    make_settings: Callable[..., Settings],
    pg_engine: AsyncEngine,
    pg_sessionmaker: async_sessionmaker[AsyncSession],
    aiohttp_client: AiohttpClient,
    tmp_path: Path,
) -> None:
    i18n = I18n.load()
    tr = i18n.get("en")
    autumn = event_title(tr, "equinox_march", "", {}, "south")
    assert autumn != event_title(tr, "equinox_march", "", {}, "north")
    async with FakeTelegram() as tg:
        settings = make_settings(
            database={"url": pg_engine.url.render_as_string(hide_password=False)},
            telegram=_telegram_section(tg, {}),
            scheduler={"idle_poll_seconds": 0.05},
        )
        keyring = load_keyring(tmp_path / "keys")
        async with _running(tg, settings, pg_engine, pg_sessionmaker, i18n, keyring) as bot:
            app: web.Application = create_app(bot.runtime)
            client = await aiohttp_client(app)
            event_id = await _add_equinox(pg_sessionmaker)
            person = tg.add_user("Sam", language_code="en")
            user = await create_web_user(
                app,
                telegram_user_id=person.id,
                language="en",
                language_chosen=True,
                timezone="Australia/Sydney",
                reminder_kinds=["equinox_march"],
            )

            # The bot.
            [answer] = await reply_to(tg.user(person), "/next")
            assert answer.text is not None
            assert autumn in answer.text

            # /api/me tells the page, and /api/events titles the event.
            me = await (await client.get("/api/me", headers=user.headers)).json()
            assert me["hemisphere"] == "south"
            window = {
                "from": datetime.now(UTC).isoformat(),
                "to": (datetime.now(UTC) + timedelta(days=1)).isoformat(),
            }
            page = await client.get("/api/events", params=window, headers=user.headers)
            assert page.status == 200
            assert [event["title"] for event in (await page.json())["events"]] == [autumn]

            # A WebSocket push, titled for the socket's group.
            ws = await client.ws_connect("/ws")
            await ws.send_json({"type": "auth", "token": user.access_token})
            assert (await ws.receive_json(timeout=5))["type"] == "auth.ok"
            data = {"kind": "equinox_march", "subject": "", "payload": {}}
            push = PushEnvelope(Everyone(), "event.upcoming", "equinox", data)
            await bot.runtime.bus.publish(WS_CHANNEL, push.encode())
            assert (await ws.receive_json(timeout=5))["data"]["title"] == autumn
            await ws.close()

            # The calendar feed.
            created = await client.post("/api/calendar/feed", headers=user.headers)
            url = urlsplit((await created.json())["url"])
            feed = await client.get(f"{url.path}?{url.query}")
            entries = Calendar.from_ical(await feed.read()).walk("VEVENT")
            assert [str(entry["SUMMARY"]) for entry in entries] == [autumn]

            # A reminder, rendered by the delivery worker and sent through the fake Bot API.
            await _remind(pg_sessionmaker, event_id, user)
            sender = TelegramSender.from_settings(settings.telegram)
            try:
                async with running(_worker(bot.runtime, sender)):
                    await eventually(lambda: settled(pg_sessionmaker))
            finally:
                await sender.close()
            reminder = tg.messages_to(person.id)[-1]
            assert reminder.text is not None
            assert autumn in reminder.text
