"""Small helpers for playing a user through conversations with the bot."""

import asyncio
import html
import re
from collections.abc import Callable

from aiogram.filters.callback_data import CallbackData
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.keyboards.callbacks import KindToggle, LanguagePick, SettingsOpen
from models.user import User
from tests.fakes.telegram import FakeTelegram, StoredMessage, UserDriver
from tests.fakes.telegram.objects import user_json

# The first typed city builds the search index (about two seconds on a busy machine).
CITY_INDEX_TIMEOUT = 20.0


async def reply_to(driver: UserDriver, text: str, count: int = 1) -> list[StoredMessage]:
    """Send `text` as the user and return the bot's next `count` messages."""
    driver.send_text(text)
    return await driver.wait_for_messages(count)


async def press(
    driver: UserDriver, message: StoredMessage, data: CallbackData | str, count: int = 0
) -> tuple[str | None, list[StoredMessage]]:
    """Press a button; return the bot's callback answer text and its next `count` messages."""
    query_id = driver.press(message, data if isinstance(data, str) else data.pack())
    answer = await driver.wait_for_answer(query_id)
    messages = await driver.wait_for_messages(count) if count else []
    return answer.text, messages


async def stored_user(
    sessionmaker: async_sessionmaker[AsyncSession], telegram_user_id: int
) -> User:
    """The user row of a Telegram account, read fresh."""
    async with sessionmaker() as session:
        return (
            await session.execute(select(User).where(User.telegram_user_id == telegram_user_id))
        ).scalar_one()


async def user_when(
    sessionmaker: async_sessionmaker[AsyncSession],
    telegram_user_id: int,
    condition: Callable[[User], bool],
    timeout: float = 5.0,  # noqa: ASYNC109 - a test-facing deadline
) -> User:
    """The user row once `condition` holds (the bot commits just after it replies)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        async with sessionmaker() as session:
            user = (
                await session.execute(
                    select(User).where(User.telegram_user_id == telegram_user_id)
                )
            ).scalar_one_or_none()
        if user is not None and condition(user):
            return user
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"user {telegram_user_id} never reached the expected state")
        await asyncio.sleep(0.02)


def forge_press(tg: FakeTelegram, driver: UserDriver, message: StoredMessage, data: str) -> str:
    """Send a callback query with any data, as a modified client could; return its id."""
    state = tg.state
    query_id = str(4_100_000_000_000_000 + state.next_id())
    state.pending_callbacks[query_id] = message.chat_id
    tg.queue.push(
        "callback_query",
        {
            "id": query_id,
            "from": user_json(driver.user),
            "message": tg.message(message.chat_id, message.message_id).payload,
            "chat_instance": "1",
            "data": data,
        },
    )
    return query_id


async def edited_to(tg: FakeTelegram, message: StoredMessage, text: str) -> None:
    """Wait until the bot has edited `message` to `text`."""
    await tg.wait_until(lambda: tg.message(message.chat_id, message.message_id).text == text)


def plain(html_text: str) -> str:
    """What a Telegram client shows for an HTML message: tags gone, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


# Groups off by default (models.user.DEFAULT_REMINDER_KINDS), each switched on by one press.
GROUPS = {"meteors": "meteor_shower", "planets": "opposition", "conjunctions": "moon_conjunction"}


async def open_kinds(driver: UserDriver) -> StoredMessage:
    """/settings, then the reminder kinds step; return the toggles' message."""
    [summary] = await reply_to(driver, "/settings")
    _, [kinds] = await press(driver, summary, SettingsOpen(step="kinds"), 1)
    return kinds


async def press_at_once(driver: UserDriver, kinds: StoredMessage, groups: list[str]) -> list[str]:
    """Press the toggles of `groups` without waiting in between (one getUpdates batch)."""
    return [
        driver.press(kinds, KindToggle(group=group, onboarding=False).pack()) for group in groups
    ]


async def both_toggles_kept(
    tg: FakeTelegram, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    """Two quick presses on two toggles: both groups end up on."""
    person = tg.add_user("Ada")
    driver = tg.user(person)
    kinds = await open_kinds(driver)
    for query_id in await press_at_once(driver, kinds, ["meteors", "planets"]):
        await driver.wait_for_answer(query_id)
    row = await user_when(
        sessionmaker,
        person.id,
        lambda u: {GROUPS["meteors"], GROUPS["planets"]} <= set(u.reminder_kinds),
    )
    assert GROUPS["conjunctions"] not in row.reminder_kinds


async def to_timezone_step(driver: UserDriver, language: str = "en") -> StoredMessage:
    """/start and pick `language`: return the time zone prompt."""
    [languages] = await reply_to(driver, "/start")
    _, [prompt] = await press(driver, languages, LanguagePick(code=language, onboarding=True), 1)
    return prompt
