"""Deactivating and reactivating an account: the flag, and the sessions it ends."""

import unicodedata
import uuid
from collections.abc import Collection
from datetime import UTC, datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import NotFoundError
from models.token import RefreshToken
from models.user import User
from models.users import UserRepository


async def find_account(session: AsyncSession, key: str) -> User:
    """The user an operator names by email or by Telegram user id, or NotFoundError."""
    key = key.strip()
    repository = UserRepository(session)
    if key.lstrip("-").isdigit():
        user = await repository.by_telegram_id(int(key))
    else:
        user = await repository.by_email(unicodedata.normalize("NFKC", key).lower())
    if user is None:
        raise NotFoundError("no such account", account=key)
    return user


async def active_flags(
    session: AsyncSession, user_ids: Collection[uuid.UUID]
) -> dict[uuid.UUID, bool]:
    """Whether each account may be used; accounts that no longer exist are left out."""
    rows = await session.execute(select(User.id, User.is_active).where(User.id.in_(user_ids)))
    return dict(rows.all())


async def revoke_refresh_tokens(
    session: AsyncSession, user_id: uuid.UUID, *, now: datetime | None = None
) -> int:
    """End every sign-in session of `user_id`; returns how many live tokens were revoked."""
    result = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now or datetime.now(UTC))
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def deactivate(session: AsyncSession, user: User) -> int:
    """Turn the account off and end its sessions; returns how many refresh tokens were live.

    Open WebSockets are the web processes' to close: the caller publishes the push that asks.
    """
    user.is_active = False
    return await revoke_refresh_tokens(session, user.id)


def reactivate(user: User) -> None:
    """Turn the account on again (its ended sessions stay ended: the user signs in anew)."""
    user.is_active = True
