"""One-time tokens on real databases: hashed, single use under races, expiring."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from core.errors import TokenError, TokenExpiredError, TokenUsedError
from models import OneTimeToken, TokenPurpose, User
from models.secrets import hash_token
from models.tokens import consume_one_time_token, issue_one_time_token, peek_one_time_token


async def _user(session: AsyncSession) -> User:
    user = User(email="moon@example.org", display_name="Moon")
    session.add(user)
    await session.flush()
    return user


@pytest.mark.postgres
async def test_token_is_random_url_safe_and_only_its_hash_is_stored(
    pg_session: AsyncSession,
) -> None:
    user = await _user(pg_session)
    token = await issue_one_time_token(pg_session, user.id, TokenPurpose.WEB_LOGIN)
    assert len(token) <= 64
    assert all(c.isalnum() or c in "-_" for c in token)
    stored = (await pg_session.execute(select(OneTimeToken))).scalar_one()
    assert stored.token_hash == hash_token(token)
    assert token not in stored.token_hash
    assert await peek_one_time_token(pg_session, token, TokenPurpose.WEB_LOGIN) == user.id
    assert await consume_one_time_token(pg_session, token, TokenPurpose.WEB_LOGIN) == user.id
    with pytest.raises(TokenUsedError):
        await consume_one_time_token(pg_session, token, TokenPurpose.WEB_LOGIN)


@pytest.mark.postgres
async def test_wrong_purpose_unknown_and_expired_tokens(pg_session: AsyncSession) -> None:
    user = await _user(pg_session)
    past = datetime.now(UTC) - timedelta(minutes=20)
    expired = await issue_one_time_token(pg_session, user.id, TokenPurpose.WEB_LOGIN, now=past)
    with pytest.raises(TokenExpiredError):
        await consume_one_time_token(pg_session, expired, TokenPurpose.WEB_LOGIN)
    fresh = await issue_one_time_token(pg_session, user.id, TokenPurpose.LINK_TELEGRAM)
    with pytest.raises(TokenError) as caught:
        await consume_one_time_token(pg_session, fresh, TokenPurpose.WEB_LOGIN)
    assert caught.value.code == "token_invalid"
    with pytest.raises(TokenError):
        await consume_one_time_token(pg_session, "x" * 65, TokenPurpose.WEB_LOGIN)


@pytest.mark.postgres
async def test_racing_consumers_get_exactly_one_success(
    pg_sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with pg_sessionmaker.begin() as session:
        user = await _user(session)
        token = await issue_one_time_token(session, user.id, TokenPurpose.WEB_LOGIN)

    async def consume() -> bool:
        async with pg_sessionmaker.begin() as session:
            try:
                await consume_one_time_token(session, token, TokenPurpose.WEB_LOGIN)
            except TokenUsedError:
                return False
            return True

    results = await asyncio.gather(*(consume() for _ in range(8)))
    assert sorted(results) == [False] * 7 + [True]


async def test_tokens_work_on_the_embedded_default(sqlite_session: AsyncSession) -> None:
    user = await _user(sqlite_session)
    token = await issue_one_time_token(sqlite_session, user.id, TokenPurpose.WEB_LOGIN)
    await sqlite_session.commit()
    assert await consume_one_time_token(sqlite_session, token, TokenPurpose.WEB_LOGIN) == user.id
    with pytest.raises(TokenUsedError):
        await consume_one_time_token(sqlite_session, token, TokenPurpose.WEB_LOGIN)
