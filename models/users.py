"""Reading and creating users; the caller's boundary owns the transaction."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFoundError
from models.upsert import dialect_insert
from models.user import DEFAULT_REMINDER_KINDS, User


class UserRepository:
    """Queries on the users table."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def get(self, user_id: uuid.UUID) -> User:
        """The user with `user_id`, or NotFoundError."""
        user = await self.session.get(User, user_id)
        if user is None:
            raise NotFoundError("user", user_id=str(user_id))
        return user

    async def by_telegram_id(self, telegram_user_id: int) -> User | None:
        """The user linked to a Telegram account, if any."""
        result = await self.session.execute(
            select(User).where(User.telegram_user_id == telegram_user_id)
        )
        return result.scalar_one_or_none()

    async def by_email(self, email: str) -> User | None:
        """The user with this (normalized) email, if any."""
        result = await self.session.execute(select(User).where(User.email == email))
        return result.scalar_one_or_none()

    async def get_or_create_telegram(
        self, telegram_user_id: int, telegram_username: str | None, language: str
    ) -> tuple[User, bool]:
        """The Telegram user's row, created race-free on first contact; True if new.

        A known user costs one read and no write, so on SQLite the update holds no write lock
        while its handler works (the username, when changed, is written at commit).
        """
        known = await self.by_telegram_id(telegram_user_id)
        if known is not None:
            if telegram_username != known.telegram_username:
                known.telegram_username = telegram_username
            return known, False
        now = datetime.now(UTC)
        statement = (
            dialect_insert(self.session, User)
            .values(
                id=uuid.uuid4(),
                telegram_user_id=telegram_user_id,
                telegram_username=telegram_username,
                language=language,
                reminder_kinds=list(DEFAULT_REMINDER_KINDS),
                reminder_leads_minutes=[24 * 60],
                created_at=now,
                updated_at=now,
            )
            .on_conflict_do_nothing(index_elements=[User.telegram_user_id])
            .returning(User.id)
        )
        created = (await self.session.execute(statement)).scalar_one_or_none() is not None
        user = await self.by_telegram_id(telegram_user_id)
        if user is None:  # deleted between the insert and the read: a real anomaly
            raise NotFoundError("user", telegram_user_id=telegram_user_id)
        if not created and telegram_username != user.telegram_username:
            user.telegram_username = telegram_username
        return user, created
