"""The bot's lists show a supermoon as one entry with its full moon."""

from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from astro.kinds import EventKind
from bot.sky import events_between
from models.event import AstroEvent

START = datetime(2026, 12, 20, tzinfo=UTC)
END = datetime(2026, 12, 28, tzinfo=UTC)
KINDS = {EventKind.FULL_MOON, EventKind.SUPERMOON}


async def test_a_computed_supermoon_is_one_entry(sqlite_session: AsyncSession) -> None:
    items = await events_between(sqlite_session, START, END, KINDS)
    assert [item.kind for item in items] == ["supermoon"]
    assert items[0].payload["phase"] == "full"


async def test_a_stored_supermoon_is_one_entry(sqlite_session: AsyncSession) -> None:
    moment = datetime(2026, 12, 24, 1, 28, tzinfo=UTC)
    sqlite_session.add_all(
        [
            AstroEvent(kind="full_moon", occurs_at=moment, payload={}),
            AstroEvent(kind="supermoon", occurs_at=moment, payload={"phase": "full"}),
            # Stored rows past the window: the store covers it, nothing is computed.
            AstroEvent(kind="new_moon", occurs_at=datetime(2027, 1, 8, tzinfo=UTC), payload={}),
        ]
    )
    await sqlite_session.flush()
    items = await events_between(sqlite_session, START, END, KINDS)
    assert [item.kind for item in items] == ["supermoon"]
