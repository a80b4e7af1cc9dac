"""Sign-in sessions: opaque refresh tokens (hashed, rotated, reuse revokes the family)."""

import base64
import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import structlog
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from core.config import AuthSettings
from core.errors import TokenError, TokenExpiredError
from models.secrets import TOKEN_BYTES, hash_token, new_token
from models.token import RefreshToken
from models.tokens import MAX_TOKEN_LENGTH
from models.user import User
from web.auth.errors import AccountDeactivatedError, RefreshTokenReusedError
from web.auth.jwt import AccessTokens, IssuedAccessToken

log = structlog.get_logger(__name__)


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


def successor_token(token: str, successor_id: uuid.UUID) -> str:
    """The refresh token that replaces `token`, as the row `successor_id` stores its hash.

    Derived rather than random so that a repeat of the same refresh can be answered with the
    same successor without keeping it: computing it takes the spent token, which only its
    holder has, and the successor's row id, which never leaves the database.
    """
    digest = hmac.digest(token.encode(), successor_id.bytes, hashlib.sha256)
    return base64.urlsafe_b64encode(digest[:TOKEN_BYTES]).decode()


async def issue_refresh_token(
    session: AsyncSession,
    user_id: uuid.UUID,
    ttl: timedelta,
    *,
    family_id: uuid.UUID | None = None,
    replacing: str | None = None,
    now: datetime | None = None,
) -> tuple[IssuedRefreshToken, uuid.UUID]:
    """Store the hash of a new refresh token (a new family unless given); returns it and its id.

    With `replacing` (the spent token of the family) the new token is its successor_token.
    """
    moment = now or datetime.now(UTC)
    row_id = uuid.uuid4()
    token = new_token() if replacing is None else successor_token(replacing, row_id)
    row = RefreshToken(
        id=row_id,
        token_hash=hash_token(token),
        family_id=family_id or uuid.uuid4(),
        user_id=user_id,
        expires_at=moment + ttl,
    )
    session.add(row)
    await session.flush()
    return IssuedRefreshToken(token, user_id, row.expires_at), row.id


async def rotate_refresh_token(
    session: AsyncSession,
    token: str,
    ttl: timedelta,
    *,
    grace: timedelta = timedelta(0),
    now: datetime | None = None,
) -> IssuedRefreshToken:
    """Spend `token` for a successor in its family; a spent token coming back revokes the family.

    Within `grace` of its rotation a spent token gets the same, still unused successor again
    (two tabs refreshing at once). On RefreshTokenReusedError the revocation is already in the
    session: the caller commits it.
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
        row = (
            await session.execute(
                select(RefreshToken).where(RefreshToken.token_hash == token_hash)
            )
        ).scalar_one_or_none()
        if row is not None:
            repeated = await _successor_within_grace(session, row, token, moment, grace)
            if repeated is not None:
                return repeated
        raise await _explain_unusable(session, row, moment)
    old_id, family_id, user_id = spent
    issued, new_id = await issue_refresh_token(
        session, user_id, ttl, family_id=family_id, replacing=token, now=moment
    )
    await session.execute(
        update(RefreshToken).where(RefreshToken.id == old_id).values(replaced_by=new_id)
    )
    return issued


async def renew_session(
    session: AsyncSession, token: str, settings: AuthSettings
) -> tuple[User, IssuedRefreshToken]:
    """Rotate `token` (JWT_REFRESH_* lifetime and reuse grace) for its active user; commits.

    A reused token's family revocation is committed before RefreshTokenReusedError leaves.
    """
    try:
        issued = await rotate_refresh_token(
            session,
            token,
            timedelta(days=settings.refresh_ttl_days),
            grace=timedelta(seconds=settings.refresh_reuse_grace_seconds),
        )
    except RefreshTokenReusedError:
        await session.commit()
        log.warning("refresh token reuse detected; session family revoked")
        raise
    user = await session.get(User, issued.user_id)
    if user is None:
        raise TokenError("user no longer exists")
    if not user.is_active:
        raise AccountDeactivatedError("account deactivated")
    await session.commit()
    return user, issued


async def _successor_within_grace(
    session: AsyncSession, row: RefreshToken, token: str, moment: datetime, grace: timedelta
) -> IssuedRefreshToken | None:
    """The unused successor of `row` when `token` (its spender) comes back within `grace`."""
    if row.replaced_by is None or row.revoked_at is None or moment - row.revoked_at > grace:
        return None
    successor = await session.get(RefreshToken, row.replaced_by)
    if successor is None or successor.revoked_at is not None or successor.expires_at <= moment:
        return None
    again = successor_token(token, successor.id)
    if not hmac.compare_digest(hash_token(again), successor.token_hash):
        return None
    return IssuedRefreshToken(again, successor.user_id, successor.expires_at)


async def _explain_unusable(
    session: AsyncSession, row: RefreshToken | None, moment: datetime
) -> TokenError:
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
