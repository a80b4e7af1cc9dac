"""Linking a web account and a Telegram account into one user (called by the bot and the web)."""

import uuid
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import AccountAlreadyLinkedError
from models.token import TokenPurpose
from models.tokens import consume_one_time_token
from models.user import User
from models.users import UserRepository

# What a person set in the bot before linking; it wins over a web account's untouched defaults.
_BOT_PREFERENCES = (
    "language",
    "language_chosen",
    "timezone",
    "latitude",
    "longitude",
    "reminder_kinds",
    "reminder_leads_minutes",
    "reminder_hour",
    "quiet_hours_start",
    "quiet_hours_end",
    "onboarded_at",
)
_TELEGRAM_STATE = ("is_telegram_subscribed", "subscription_checked_at", "bot_blocked_at")


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The account now holding the Telegram identity; `merged` if a bot-only row was folded in."""

    user_id: uuid.UUID
    merged: bool
    already_linked: bool


def _is_web_account(user: User) -> bool:
    return user.email is not None or user.password_hash is not None


async def link_telegram(
    session: AsyncSession, token: str, telegram_user_id: int, telegram_username: str | None
) -> LinkResult:
    """Consume a link token and attach the Telegram account to the web account that issued it.

    Never overwrites silently: a web account linked to another Telegram user, or a Telegram
    user already linked to another web account, raises AccountAlreadyLinkedError (the token
    stays consumed, so a leaked link cannot be retried against someone else).
    """
    users = UserRepository(session)
    web_user = await users.get(
        await consume_one_time_token(session, token, TokenPurpose.LINK_TELEGRAM)
    )
    if web_user.telegram_user_id == telegram_user_id:
        return LinkResult(web_user.id, merged=False, already_linked=True)
    if web_user.telegram_user_id is not None:
        raise AccountAlreadyLinkedError("web account is linked to another Telegram user")
    bot_user = await users.by_telegram_id(telegram_user_id)
    merged = False
    if bot_user is not None:
        if _is_web_account(bot_user):
            raise AccountAlreadyLinkedError("Telegram user is linked to another web account")
        if web_user.onboarded_at is None:
            for name in _BOT_PREFERENCES:
                setattr(web_user, name, getattr(bot_user, name))
        for name in _TELEGRAM_STATE:
            setattr(web_user, name, getattr(bot_user, name))
        # The unique telegram_user_id must leave the bot-only row before it lands on the web one.
        await session.delete(bot_user)
        await session.flush()
        merged = True
    web_user.telegram_user_id = telegram_user_id
    web_user.telegram_username = telegram_username
    await session.flush()
    return LinkResult(web_user.id, merged=merged, already_linked=False)
