"""Channel membership: who counts as a member, and the cached result of the last check."""

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from models.user import User

MEMBER_STATUSES = frozenset({"creator", "administrator", "member"})
# chat_member updates keep the cache fresh; a periodic re-check covers missed updates.
MEMBERSHIP_MAX_AGE = timedelta(hours=24)

# (channel, telegram_user_id) -> (status, is_member flag for "restricted")
StatusFetcher = Callable[[int | str, int], Awaitable[tuple[str, bool | None]]]


def counts_as_member(status: str, is_member: bool | None = None) -> bool:
    """creator/administrator/member count; restricted only with is_member; left/kicked never."""
    if status in MEMBER_STATUSES:
        return True
    return status == "restricted" and bool(is_member)


def membership_is_current(
    user: User, *, now: datetime | None = None, max_age: timedelta = MEMBERSHIP_MAX_AGE
) -> bool:
    """True when the stored membership is positive and was checked recently enough."""
    checked = user.subscription_checked_at
    if not user.is_telegram_subscribed or checked is None:
        return False
    return (now or datetime.now(UTC)) - checked <= max_age


async def record_membership(
    session: AsyncSession, telegram_user_id: int, is_member: bool, *, now: datetime | None = None
) -> None:
    """Store a check's result with its time on the user linked to `telegram_user_id`."""
    await session.execute(
        update(User)
        .where(User.telegram_user_id == telegram_user_id)
        .values(is_telegram_subscribed=is_member, subscription_checked_at=now or datetime.now(UTC))
    )


async def check_membership(
    fetch: StatusFetcher,
    session: AsyncSession,
    channel: int | str,
    telegram_user_id: int,
    *,
    now: datetime | None = None,
) -> bool:
    """Ask Telegram through `fetch`, store the answer with its time, and return it."""
    status, is_member = await fetch(channel, telegram_user_id)
    member = counts_as_member(status, is_member)
    await record_membership(session, telegram_user_id, member, now=now)
    return member
