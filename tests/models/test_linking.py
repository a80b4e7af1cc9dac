"""Linking a web account to Telegram: merges a bot-only profile, never overwrites silently."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import AccountAlreadyLinkedError, TokenUsedError
from models import TokenPurpose, User
from models.linking import link_telegram
from models.tokens import issue_one_time_token
from models.users import UserRepository


async def _web_user(session: AsyncSession, email: str) -> User:
    user = User(email=email, password_hash="argon2-hash", display_name=email.split("@", 1)[0])
    session.add(user)
    await session.flush()
    return user


@pytest.mark.postgres
async def test_link_merges_the_bot_profile_into_the_web_account(pg_session: AsyncSession) -> None:
    web = await _web_user(pg_session, "luna@example.org")
    bot_user, created = await UserRepository(pg_session).get_or_create_telegram(777, "luna", "ru")
    assert created
    bot_user.timezone = "Asia/Yerevan"
    bot_user_id = bot_user.id
    token = await issue_one_time_token(pg_session, web.id, TokenPurpose.LINK_TELEGRAM)

    result = await link_telegram(pg_session, token, 777, "luna")

    assert result.user_id == web.id
    assert result.merged
    linked = await UserRepository(pg_session).by_telegram_id(777)
    assert linked is not None
    assert linked.id == web.id
    assert linked.email == "luna@example.org"
    assert (linked.language, linked.timezone) == ("ru", "Asia/Yerevan")
    # The bot-only row is folded into the web account, not left beside it.
    assert await pg_session.scalar(select(func.count()).where(User.id == bot_user_id)) == 0
    with pytest.raises(TokenUsedError):
        await link_telegram(pg_session, token, 777, "luna")


@pytest.mark.postgres
async def test_an_account_linked_elsewhere_is_never_overwritten(pg_session: AsyncSession) -> None:
    web = await _web_user(pg_session, "sol@example.org")
    web.telegram_user_id = 1
    other = await _web_user(pg_session, "stella@example.org")
    other.telegram_user_id = 2
    await pg_session.flush()

    token = await issue_one_time_token(pg_session, web.id, TokenPurpose.LINK_TELEGRAM)
    with pytest.raises(AccountAlreadyLinkedError):
        await link_telegram(pg_session, token, 3, None)

    fresh = await _web_user(pg_session, "nova@example.org")
    token = await issue_one_time_token(pg_session, fresh.id, TokenPurpose.LINK_TELEGRAM)
    with pytest.raises(AccountAlreadyLinkedError):
        await link_telegram(pg_session, token, 2, None)
    assert (await UserRepository(pg_session).get(other.id)).telegram_user_id == 2


@pytest.mark.postgres
async def test_get_or_create_is_idempotent(pg_session: AsyncSession) -> None:
    repo = UserRepository(pg_session)
    first, created = await repo.get_or_create_telegram(42, "a", "en")
    second, created_again = await repo.get_or_create_telegram(42, "b", "de")
    assert created
    assert not created_again
    assert first.id == second.id
    assert second.telegram_username == "b"
    assert second.language == "en"  # a later language_code never overrides the stored choice
