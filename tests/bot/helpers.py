"""Small helpers for playing a user through conversations with the bot."""

import asyncio
from collections.abc import Callable

from aiogram.filters.callback_data import CallbackData
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from models.user import User
from tests.fakes.telegram import StoredMessage, UserDriver


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
        user = await stored_user(sessionmaker, telegram_user_id)
        if condition(user):
            return user
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError(f"user {telegram_user_id} never reached the expected state")
        await asyncio.sleep(0.02)
