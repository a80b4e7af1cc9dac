"""Sign-in sessions: opaque refresh tokens (hashed, rotated, reuse revokes the family)."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import TokenError, TokenExpiredError
from models.secrets import hash_token, new_token
from models.token import RefreshToken
from models.tokens import MAX_TOKEN_LENGTH
from models.user import User
from web.auth.errors import RefreshTokenReusedError
from web.auth.jwt import AccessTokens, IssuedAccessToken


@dataclass(frozen=True, slots=True)
class IssuedRefreshToken:
    """A refresh token shown once to its owner, and the user and expiry it carries."""

    token: str
    user_id: uuid.UUID
    expires_at: datetime


def issue_access_token(tokens: AccessTokens, user: User) -> IssuedAccessToken:
    """An access token carrying `user`'s current profile claims."""
    return tokens.issue(
        user.id,
        language=user.language,
        timezone=user.timezone,
        latitude=user.latitude,
        longitude=user.longitude,
    )


async def issue_refresh_token(
    session: AsyncSession,
    user_id: uuid.UUID,
    ttl: timedelta,
    *,
    family_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> tuple[IssuedRefreshToken, uuid.UUID]:
    """Store the hash of a new refresh token (a new family unless given); returns it and its id."""
    moment = now or datetime.now(UTC)
    token = new_token()
    row = RefreshToken(
        token_hash=hash_token(token),
        family_id=family_id or uuid.uuid4(),
        user_id=user_id,
        expires_at=moment + ttl,
    )
    session.add(row)
    await session.flush()
    return IssuedRefreshToken(token, user_id, row.expires_at), row.id


async def rotate_refresh_token(
    session: AsyncSession, token: str, ttl: timedelta, *, now: datetime | None = None
) -> IssuedRefreshToken:
    """Spend `token` for a successor in its family; a spent token coming back revokes the family.

    On RefreshTokenReusedError the revocation is already in the session: the caller commits it.
    """
    moment = now or datetime.now(UTC)
    if len(token) > MAX_TOKEN_LENGTH:
        raise TokenError("unknown refresh token")
    token_hash = hash_token(token)
    # One conditional UPDATE decides which of two racing uses spends the token.
    spent = (
        await session.execute(
            update(RefreshToken)
            .where(
                RefreshToken.token_hash == token_hash,
                RefreshToken.revoked_at.is_(None),
                RefreshToken.expires_at > moment,
            )
            .values(revoked_at=moment)
            .returning(RefreshToken.id, RefreshToken.family_id, RefreshToken.user_id)
        )
    ).one_or_none()
    if spent is None:
        raise await _explain_unusable(session, token_hash, moment)
    old_id, family_id, user_id = spent
    issued, new_id = await issue_refresh_token(
        session, user_id, ttl, family_id=family_id, now=moment
    )
    await session.execute(
        update(RefreshToken).where(RefreshToken.id == old_id).values(replaced_by=new_id)
    )
    return issued


async def _explain_unusable(
    session: AsyncSession, token_hash: str, moment: datetime
) -> TokenError:
    row = (
        await session.execute(select(RefreshToken).where(RefreshToken.token_hash == token_hash))
    ).scalar_one_or_none()
    if row is None:
        return TokenError("unknown refresh token")
    if row.replaced_by is not None:
        await revoke_family(session, row.family_id, now=moment)
        return RefreshTokenReusedError("rotated refresh token reused")
    if row.revoked_at is not None:
        return TokenError("refresh token revoked")
    return TokenExpiredError("refresh token expired")


async def revoke_family(
    session: AsyncSession, family_id: uuid.UUID, *, now: datetime | None = None
) -> None:
    """End one sign-in session: every live token of the family."""
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now or datetime.now(UTC))
    )


async def revoke_session_of(
    session: AsyncSession, token: str, *, now: datetime | None = None
) -> None:
    """Log out the session `token` belongs to; an unknown token changes nothing."""
    if len(token) > MAX_TOKEN_LENGTH:
        return
    family_id = (
        await session.execute(
            select(RefreshToken.family_id).where(RefreshToken.token_hash == hash_token(token))
        )
    ).scalar_one_or_none()
    if family_id is not None:
        await revoke_family(session, family_id, now=now)
