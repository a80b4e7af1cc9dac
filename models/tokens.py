"""One-time tokens: issued hashed, consumed atomically exactly once, within their lifetime."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import TokenError, TokenExpiredError, TokenUsedError
from models.secrets import hash_token, new_token
from models.token import OneTimeToken, TokenPurpose

ONE_TIME_TOKEN_TTL = timedelta(minutes=15)
MAX_TOKEN_LENGTH = 64  # Telegram's /start payload limit; anything longer cannot be ours


async def issue_one_time_token(
    session: AsyncSession,
    user_id: uuid.UUID,
    purpose: TokenPurpose,
    *,
    ttl: timedelta = ONE_TIME_TOKEN_TTL,
    now: datetime | None = None,
) -> str:
    """Store the hash of a new token for `user_id` and return the token itself (shown once)."""
    token = new_token()
    issued = now or datetime.now(UTC)
    session.add(
        OneTimeToken(
            token_hash=hash_token(token),
            purpose=purpose,
            user_id=user_id,
            expires_at=issued + ttl,
            created_at=issued,
        )
    )
    await session.flush()
    return token


async def _explain_unusable(
    session: AsyncSession, token_hash: str, purpose: TokenPurpose, now: datetime
) -> TokenError:
    row = (
        await session.execute(
            select(OneTimeToken).where(
                OneTimeToken.token_hash == token_hash, OneTimeToken.purpose == purpose
            )
        )
    ).scalar_one_or_none()
    if row is None:
        return TokenError("unknown token")
    if row.used_at is not None:
        return TokenUsedError("token already used")
    return TokenExpiredError("token expired")


def _usable(token: str, purpose: TokenPurpose, moment: datetime) -> ColumnElement[bool]:
    """The row of `token` for `purpose`, if unused and unexpired at `moment`."""
    if len(token) > MAX_TOKEN_LENGTH:
        raise TokenError("unknown token")
    return and_(
        OneTimeToken.token_hash == hash_token(token),
        OneTimeToken.purpose == purpose,
        OneTimeToken.used_at.is_(None),
        OneTimeToken.expires_at > moment,
    )


async def peek_one_time_token(
    session: AsyncSession, token: str, purpose: TokenPurpose, *, now: datetime | None = None
) -> uuid.UUID:
    """The user a still-usable token belongs to, without consuming it (to ask for confirmation)."""
    moment = now or datetime.now(UTC)
    user_id = (
        await session.execute(select(OneTimeToken.user_id).where(_usable(token, purpose, moment)))
    ).scalar_one_or_none()
    if user_id is None:
        raise await _explain_unusable(session, hash_token(token), purpose, moment)
    return user_id


async def consume_one_time_token(
    session: AsyncSession, token: str, purpose: TokenPurpose, *, now: datetime | None = None
) -> uuid.UUID:
    """Mark the token used and return its user; any second consumer, even a racing one, fails."""
    moment = now or datetime.now(UTC)
    # One conditional UPDATE: the database decides which of two racing consumers wins.
    user_id = (
        await session.execute(
            update(OneTimeToken)
            .where(_usable(token, purpose, moment))
            .values(used_at=moment)
            .returning(OneTimeToken.user_id)
        )
    ).scalar_one_or_none()
    if user_id is None:
        raise await _explain_unusable(session, hash_token(token), purpose, moment)
    return user_id
