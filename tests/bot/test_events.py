"""/next, /today, /month and /eclipses: computed on a fresh start, read from the horizon after."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from astro.events import compute_events
from astro.kinds import EventKind
from astro.riseset import rise_set
from bot.sky import ECLIPSE_KINDS, ECLIPSE_WINDOW
from core.event_text import event_title
from core.i18n import I18n
from models.event import AstroEvent
from tests.bot.conftest import StartBot
from tests.bot.helpers import reply_to, user_when
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


async def test_next_is_computed_when_the_horizon_is_empty(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("fr")
    async with start_bot():
        [answer] = await reply_to(tg.user(tg.add_user("Léa", language_code="fr")), "/next")
        now = datetime.now(UTC)
        first = compute_events(now, now + timedelta(days=60))[0]
        assert answer.text is not None
        assert answer.text.startswith("Bientôt dans le ciel")
        assert event_title(tr, first.kind, first.subject, first.payload, "north") in answer.text


async def test_next_reads_the_stored_horizon(tg: FakeTelegram, start_bot: StartBot) -> None:
    async with start_bot() as running:
        now = datetime.now(UTC)
        async with running.sessionmaker() as session:
            session.add_all(
                [
                    AstroEvent(
                        kind="opposition",
                        subject="neptune",
                        occurs_at=now + timedelta(hours=5),
                        payload={"magnitude": 7.8},
                    ),
                    # An event past the window's end: the horizon covers the window.
                    AstroEvent(kind="full_moon", occurs_at=now + timedelta(days=90), payload={}),
                ]
            )
            await session.commit()
        [answer] = await reply_to(tg.user(tg.add_user("Ada")), "/next")
        assert answer.text is not None
        # Only the stored event: nothing was computed for the covered window.
        heading, event = answer.text.split("\n\n")
        assert heading == "Coming up in the sky"
        assert event.splitlines()[0] == "Neptune at opposition"


async def test_eclipses_with_and_without_a_place(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        person = tg.add_user("Ada")
        driver = tg.user(person)
        [answer] = await reply_to(driver, "/eclipses")
        now = datetime.now(UTC)
        coming = compute_events(now, now + ECLIPSE_WINDOW, ECLIPSE_KINDS)
        assert answer.text is not None
        titles = [event_title(tr, e.kind, e.subject, e.payload, "north") for e in coming]
        assert titles[0] in answer.text
        assert answer.text.endswith(tr("bot-eclipses-share-location"))

        driver.send_location(-33.87, 151.21)  # Sydney
        await driver.wait_for_messages()
        await user_when(running.sessionmaker, person.id, lambda u: u.latitude is not None)
        [local] = await reply_to(driver, "/eclipses")
        assert local.text is not None
        verdicts = [
            line
            for line in local.text.splitlines()
            if line.startswith(("Visible from your place", "Not visible from your place"))
        ]
        assert len(verdicts) == min(len(coming), 6)


async def test_today_shows_the_moon_and_local_rise_and_set(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("de")
    async with start_bot() as running:
        person = tg.add_user("Jan", language_code="de")
        driver = tg.user(person)
        [before] = await reply_to(driver, "/today")
        # The Moon drawn as it looks now, the day's text as its caption.
        assert before.payload["photo"][-1]["width"] == 640
        assert tr("bot-today-no-location") in before.payload["caption"]

        driver.send_location(52.52, 13.40)  # Berlin
        await driver.wait_for_messages()
        await user_when(running.sessionmaker, person.id, lambda u: u.timezone == "Europe/Berlin")
        berlin = ZoneInfo("Europe/Berlin")
        asked_on = datetime.now(berlin).date()
        [after] = await reply_to(driver, "/today")
        # The reply is for the local day it was written on: either side of midnight.
        days = {asked_on, datetime.now(berlin).date()}
        sunrises = [rise_set(day, 52.52, 13.40, "Europe/Berlin")["sunrise"] for day in days]
        expected = {
            tr(
                "bot-today-sunrise",
                time=tr.format_time(datetime.fromisoformat(s), "Europe/Berlin"),
            )
            for s in sunrises
            if isinstance(s, str)
        }
        assert len(expected) == len(days)
        caption = after.payload["caption"]
        assert any(line in caption for line in expected)
        assert caption.startswith("Heute, ")


async def test_month_lists_the_events_of_the_local_month(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot():
        [answer] = await reply_to(tg.user(tg.add_user("Ada")), "/month")
        now = datetime.now(UTC)
        first_day = date(now.year, now.month, 1)
        start = datetime(first_day.year, first_day.month, 1, tzinfo=UTC)
        end = (start + timedelta(days=32)).replace(day=1) - timedelta(microseconds=1)
        phases = compute_events(start, end, [EventKind.FULL_MOON, EventKind.SUPERMOON])
        supermoons = {p.occurs_at for p in phases if p.kind is EventKind.SUPERMOON}
        # A full supermoon is listed once, as the supermoon.
        plain = [
            p for p in phases if p.kind is EventKind.FULL_MOON and p.occurs_at not in supermoons
        ]
        assert answer.text is not None
        assert answer.text.count(tr("event-full-moon")) >= len(plain)
        assert answer.text.count(tr("event-supermoon", phase="full")) >= len(supermoons)
