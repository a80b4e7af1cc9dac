"""Linking both ways: a web account's deep link (with confirmation) and /calendar's login link."""

import secrets
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.keyboards.callbacks import LinkConfirm
from core.i18n import I18n
from models.token import TokenPurpose
from models.tokens import consume_one_time_token, issue_one_time_token
from models.user import User
from models.users import UserRepository
from tests.bot.conftest import StartBot
from tests.bot.helpers import edited_to, plain, press, reply_to, user_when
from tests.fakes.telegram import FakeTelegram

pytestmark = pytest.mark.postgres


async def _web_account(
    sessionmaker: async_sessionmaker[AsyncSession], *, ttl: timedelta = timedelta(minutes=15)
) -> tuple[uuid.UUID, str]:
    """A web account (email and password) and a link token it issued."""
    async with sessionmaker() as session:
        user = User(email="ada@example.org", password_hash="argon2-hash")
        session.add(user)
        await session.flush()
        issued = datetime.now(UTC) - timedelta(minutes=15) + ttl
        token = await issue_one_time_token(
            session, user.id, TokenPurpose.LINK_TELEGRAM, now=issued
        )
        await session.commit()
        return user.id, token


async def test_deep_link_links_only_after_confirmation(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        web_id, token = await _web_account(running.sessionmaker)
        person = tg.add_user("Ada", username="ada_sky")
        driver = tg.user(person)
        [question] = await reply_to(driver, f"/start {token}")
        assert question.text == plain(tr("bot-link-confirm", account="a•••@example.org"))
        async with running.sessionmaker() as session:
            assert (await UserRepository(session).get(web_id)).telegram_user_id is None

        _, [language_prompt] = await press(
            driver, question, LinkConfirm(token=token, confirm=True), 1
        )
        await edited_to(tg, question, plain(tr("bot-link-done", account="a•••@example.org")))
        assert language_prompt.text == tr("bot-language-prompt")
        linked = await user_when(running.sessionmaker, person.id, lambda u: u.id == web_id)
        assert linked.email == "ada@example.org"
        assert linked.telegram_username == "ada_sky"

        # The same link again, even from someone else, is spent.
        other = tg.user(tg.add_user("Eve"))
        [replay] = await reply_to(other, f"/start {token}")
        assert replay.text == tr.error("token_used")


async def test_a_chosen_name_comes_with_the_masked_email(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        web_id, token = await _web_account(running.sessionmaker)
        async with running.sessionmaker.begin() as session:
            (await UserRepository(session).get(web_id)).display_name = "Support Team"
        driver = tg.user(tg.add_user("Ada"))
        [question] = await reply_to(driver, f"/start {token}")
        label = "Support Team (a•••@example.org)"
        assert question.text == plain(tr("bot-link-confirm", account=label))


async def test_declining_a_forwarded_link_changes_nothing(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        web_id, token = await _web_account(running.sessionmaker)
        driver = tg.user(tg.add_user("Mallory"))
        [question] = await reply_to(driver, f"/start {token}")
        await press(driver, question, LinkConfirm(token=token, confirm=False))
        await edited_to(tg, question, tr("bot-link-cancelled"))
        async with running.sessionmaker() as session:
            assert (await UserRepository(session).get(web_id)).telegram_user_id is None
            # The token is still usable by its owner.
            assert (
                await consume_one_time_token(session, token, TokenPurpose.LINK_TELEGRAM) == web_id
            )


async def test_an_account_linked_to_someone_else_is_never_overwritten(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        web_id, token = await _web_account(running.sessionmaker)
        async with running.sessionmaker() as session:
            (await UserRepository(session).get(web_id)).telegram_user_id = 777
            await session.commit()
        driver = tg.user(tg.add_user("Bob"))
        [question] = await reply_to(driver, f"/start {token}")
        await press(driver, question, LinkConfirm(token=token, confirm=True))
        await edited_to(tg, question, tr.error("account_already_linked"))
        async with running.sessionmaker() as session:
            assert (await UserRepository(session).get(web_id)).telegram_user_id == 777


async def test_expired_unknown_and_garbage_payloads_get_clear_answers(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        _, expired = await _web_account(running.sessionmaker, ttl=timedelta(seconds=-1))
        driver = tg.user(tg.add_user("Ann"))
        garbage = "x" * 63 + "!"
        payloads = {
            expired: "token_expired",
            secrets.token_urlsafe(24): "token_invalid",
            garbage: "token_invalid",
            "A" * 64: "token_invalid",
        }
        for payload, code in payloads.items():
            # A newcomer hears what was wrong with the link, then is welcomed all the same.
            answer, welcome = await reply_to(driver, f"/start {payload}", 2)
            assert answer.text == tr.error(code)
            assert welcome.text == tr("bot-welcome", name="Ann") + "\n\n" + tr(
                "bot-language-prompt"
            )


async def test_calendar_gives_a_single_use_login_link(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    async with start_bot() as running:
        person = tg.add_user("Ada")
        [link] = await reply_to(tg.user(person), "/calendar")
        prefix = "http://127.0.0.1:8080/login?token="
        assert link.text is not None
        assert prefix in link.text
        token = link.text.split(prefix, 1)[1].split()[0]
        assert link.text == tr("bot-calendar-link", url=prefix + token)
        assert link.reply_markup is None  # Telegram takes buttons to https addresses only
        user = await user_when(running.sessionmaker, person.id, lambda u: True)
        async with running.sessionmaker() as session:
            assert await consume_one_time_token(session, token, TokenPurpose.WEB_LOGIN) == user.id


async def test_calendar_on_https_offers_the_mini_app(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    async with start_bot(web={"public_url": "https://sky.example"}):
        [link] = await reply_to(tg.user(tg.add_user("Ada")), "/calendar")
        assert link.reply_markup is not None
        [[open_button], [mini_app]] = link.reply_markup["inline_keyboard"]
        assert open_button["url"].startswith("https://sky.example/login?token=")
        assert mini_app["web_app"] == {"url": "https://sky.example/"}


@pytest.mark.parametrize("language_code", [None, "pt-BR"])
async def test_link_command_explains_the_web_side(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n, language_code: str | None
) -> None:
    expected_language = "pt" if language_code else "en"
    async with start_bot():
        driver = tg.user(tg.add_user("Zé", language_code=language_code))
        [answer] = await reply_to(driver, "/link")
        assert answer.text == bot_i18n.get(expected_language)(
            "bot-link-howto", url="http://127.0.0.1:8080/"
        )
