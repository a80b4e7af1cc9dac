"""The members' gate: getChatMember statuses, chat_member updates, "I've joined", broken checks."""

import pytest

from bot.keyboards.callbacks import JoinedCheck, LanguagePick, StepDone, ZonePick
from core.i18n import I18n
from tests.bot.conftest import ADMIN_ID, StartBot
from tests.bot.helpers import plain, press, reply_to, user_when
from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram.state import Membership, MemberStatus

pytestmark = pytest.mark.postgres
CHANNEL = "@sky_events"
LOGIN_PREFIX = "http://127.0.0.1:8080/login?token="


@pytest.mark.parametrize(
    ("status", "is_member", "allowed"),
    [
        ("creator", True, True),
        ("administrator", True, True),
        ("member", True, True),
        ("restricted", True, True),
        ("restricted", False, False),
        ("left", True, False),
        ("kicked", True, False),
    ],
)
async def test_calendar_is_gated_by_the_channel_status(
    tg: FakeTelegram,
    start_bot: StartBot,
    bot_i18n: I18n,
    status: MemberStatus,
    is_member: bool,
    allowed: bool,
) -> None:
    tr = bot_i18n.get("en")
    channel = tg.add_channel(username="sky_events")
    person = tg.add_user("Ada")
    channel.members[person.id] = Membership(status, is_member=is_member)
    async with start_bot(members_channel=CHANNEL) as running:
        [answer] = await reply_to(tg.user(person), "/calendar")
        assert answer.text is not None
        if allowed:
            assert LOGIN_PREFIX in answer.text
        else:
            expected = tr("bot-gate-required", channel=CHANNEL, feature="calendar")
            assert answer.text == plain(expected)
            buttons = answer.reply_markup["inline_keyboard"] if answer.reply_markup else []
            assert buttons[0][0]["url"] == "https://t.me/sky_events"
            assert JoinedCheck(feature="calendar").pack() in answer.callback_buttons()
        stored = await user_when(
            running.sessionmaker, person.id, lambda u: u.subscription_checked_at is not None
        )
        assert stored.is_telegram_subscribed is allowed


async def test_joining_then_pressing_ive_joined_opens_the_feature(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    channel = tg.add_channel(username="sky_events")
    person = tg.add_user("Ada")
    driver = tg.user(person)
    async with start_bot(members_channel=CHANNEL) as running:
        [prompt] = await reply_to(driver, "/calendar")
        joined = JoinedCheck(feature="calendar")
        answer, _ = await press(driver, prompt, joined)
        assert answer == tr("bot-gate-still-not-member")

        tg.set_member_status(channel, person, "member")
        await user_when(running.sessionmaker, person.id, lambda u: u.is_telegram_subscribed)
        answer, [link] = await press(driver, prompt, joined, 1)
        assert answer == tr("bot-gate-welcome")
        assert link.text is not None
        assert LOGIN_PREFIX in link.text


async def test_chat_member_updates_refresh_the_stored_membership(
    tg: FakeTelegram, start_bot: StartBot
) -> None:
    channel = tg.add_channel(username="sky_events")
    person = tg.add_user("Ada")
    channel.members[person.id] = Membership("member")
    async with start_bot(members_channel=CHANNEL) as running:
        await reply_to(tg.user(person), "/calendar")
        await user_when(running.sessionmaker, person.id, lambda u: u.is_telegram_subscribed)
        assert tg.queue.allowed_updates is not None
        assert "chat_member" in tg.queue.allowed_updates
        assert tg.set_member_status(channel, person, "left") is not None
        await user_when(running.sessionmaker, person.id, lambda u: not u.is_telegram_subscribed)
        tg.set_member_status(channel, person, "restricted", is_member=True)
        await user_when(running.sessionmaker, person.id, lambda u: u.is_telegram_subscribed)


async def test_a_check_the_bot_cannot_make_tells_admins_and_lets_users_in(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tg.add_channel(username="sky_events", bot_status="member")  # not an administrator
    admin = tg.add_user("Admin", user_id=ADMIN_ID)
    person = tg.add_user("Ada")
    async with start_bot(members_channel=CHANNEL):
        [answer] = await reply_to(tg.user(person), "/calendar")
        assert answer.text is not None
        assert LOGIN_PREFIX in answer.text
        [alert] = await tg.wait_for_messages(admin)
        assert alert.text == bot_i18n.get("en")(
            "bot-admin-gate-broken",
            channel=CHANNEL,
            reason="Bad Request: member list is inaccessible",
        )
        # A second user's check does not flood the admins.
        [again] = await reply_to(tg.user(tg.add_user("Bo")), "/calendar")
        assert again.text is not None
        assert LOGIN_PREFIX in again.text
        assert len(tg.messages_to(admin)) == 1


async def test_finishing_onboarding_as_a_non_member_shows_the_join_prompt(
    tg: FakeTelegram, start_bot: StartBot, bot_i18n: I18n
) -> None:
    tr = bot_i18n.get("en")
    tg.add_channel(username="sky_events")
    driver = tg.user(tg.add_user("Ada"))
    async with start_bot(members_channel=CHANNEL, gated_features=["reminders"]):
        [languages] = await reply_to(driver, "/start")
        await press(driver, languages, LanguagePick(code="en", onboarding=True), 1)
        [offsets] = await reply_to(driver, tr("bot-tz-offset-button"))
        _, [_, kinds] = await press(
            driver, offsets, ZonePick(zone="Etc/GMT-3", onboarding=True), 2
        )
        _, [leads] = await press(driver, kinds, StepDone(step="kinds", onboarding=True), 1)
        _, [summary, prompt] = await press(
            driver, leads, StepDone(step="leads", onboarding=True), 2
        )
        assert summary.text is not None
        assert "UTC+3" in summary.text
        assert prompt.text == plain(tr("bot-gate-required", channel=CHANNEL, feature="reminders"))
        assert JoinedCheck(feature="reminders").pack() in prompt.callback_buttons()
        # The calendar is not gated in this configuration.
        [calendar] = await reply_to(driver, "/calendar")
        assert calendar.text is not None
        assert LOGIN_PREFIX in calendar.text
