"""/next, /today, /month and /eclipses, in the user's language and timezone."""

import asyncio
from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import BufferedInputFile, Message
from sqlalchemy.ext.asyncio import AsyncSession

from astro.zones import hemisphere
from bot.sky import (
    ECLIPSE_COUNT,
    ECLIPSE_KINDS,
    ECLIPSE_WINDOW,
    NEXT_COUNT,
    NEXT_WINDOW,
    event_line,
    events_between,
    local_day_bounds,
    local_month_bounds,
    month_label,
    today_text,
    visibility_line,
)
from core.i18n import Translator
from models.user import User
from pictures.render import Place, moon_picture

# Telegram's limit on a photo's caption; a longer /today goes out as text alone.
CAPTION_LIMIT = 1024


async def next_events(message: Message, tr: Translator, session: AsyncSession, user: User) -> None:
    """The next few events."""
    now = datetime.now(UTC)
    items = await events_between(session, now, now + NEXT_WINDOW, limit=NEXT_COUNT)
    lines = [tr("bot-next-title")] + [event_line(tr, user, item, now) for item in items]
    await message.answer("\n\n".join(lines) if items else tr("bot-no-events"))


async def today(message: Message, tr: Translator, session: AsyncSession, user: User) -> None:
    """The Moon today (drawn as it looks now), rise and set times, and today's events."""
    now = datetime.now(UTC)
    start, end = local_day_bounds(user, now)
    items = await events_between(session, start, end)
    # Rise and set times are searched on the ephemeris: off the event loop.
    text = await asyncio.to_thread(today_text, tr, user, items, now)
    if len(text) > CAPTION_LIMIT:
        await message.answer(text)
        return
    place = None
    if user.latitude is not None and user.longitude is not None:
        place = Place(user.latitude, user.longitude)
    side = hemisphere(user.latitude, user.timezone)
    # Drawing takes tens of milliseconds of CPU: off the event loop that serves other users.
    moon = await asyncio.to_thread(moon_picture, now, hemisphere=side, place=place)
    await message.answer_photo(BufferedInputFile(moon, "moon.png"), caption=text)


async def month(message: Message, tr: Translator, session: AsyncSession, user: User) -> None:
    """Every event of the current local month."""
    now = datetime.now(UTC)
    start, end = local_month_bounds(user, now)
    items = await events_between(session, start, end)
    title = tr("bot-month-title", month=month_label(tr, start))
    lines = [title] + [event_line(tr, user, item, now) for item in items]
    await message.answer("\n".join(lines) if items else tr("bot-no-events"))


async def eclipses(message: Message, tr: Translator, session: AsyncSession, user: User) -> None:
    """The coming eclipses, with whether each is seen from the user's place."""
    now = datetime.now(UTC)
    items = await events_between(
        session, now, now + ECLIPSE_WINDOW, ECLIPSE_KINDS, limit=ECLIPSE_COUNT
    )
    blocks = [tr("bot-eclipses-title")]
    # Local circumstances are searched on the ephemeris: off the event loop.
    locals_ = await asyncio.to_thread(lambda: [visibility_line(tr, user, item) for item in items])
    for item, local in zip(items, locals_, strict=True):
        line = event_line(tr, user, item, now)
        blocks.append(line if local is None else f"{line}\n{local}")
    if user.latitude is None:
        blocks.append(tr("bot-eclipses-share-location"))
    await message.answer("\n\n".join(blocks) if items else tr("bot-no-events"))


def create_router() -> Router:
    """The sky commands. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.message.register(next_events, Command("next"))
    router.message.register(today, Command("today"))
    router.message.register(month, Command("month"))
    router.message.register(eclipses, Command("eclipses"))
    return router
