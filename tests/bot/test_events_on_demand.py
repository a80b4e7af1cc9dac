"""Windows the stored horizon does not span are computed: the bot answers for any date."""

from datetime import UTC, date, datetime, timedelta

import pytest

from astro.events import compute_events
from core.event_text import event_title
from core.i18n import I18n
from models.event import AstroEvent
from tests.bot.conftest import StartBot
from tests.bot.helpers import reply_to
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


async def test_month_before_the_horizon_began_is_computed(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        now = datetime.now(UTC)
        async with running.sessionmaker() as session:
            # A horizon that begins after this month: it lies past the month's end, yet holds
            # none of the month's events.
            session.add(
                AstroEvent(kind="full_moon", occurs_at=now + timedelta(days=400), payload={})
            )
            await session.commit()
        [answer] = await reply_to(tg.user(tg.add_user("Ada")), "/month")
    first_day = date(now.year, now.month, 1)
    start = datetime(first_day.year, first_day.month, 1, tzinfo=UTC)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(microseconds=1)
    computed = compute_events(start, end)
    titles = {event_title(tr, e.kind, e.subject, e.payload, "north") for e in computed}
    assert answer.text is not None
    assert answer.text != tr("bot-no-events")
    # The month's computed events are listed (a supermoon stands for its full moon).
    assert sum(title in answer.text for title in titles) >= min(len(titles), 3) > 0
