"""getChatMember, getChat and membership updates through a real aiogram Bot."""

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError
from aiogram.types import (
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberOwner,
    ChatMemberRestricted,
)

from tests.fakes.telegram import FakeTelegram
from tests.fakes.telegram.state import MemberStatus

STATUS_TYPES: dict[MemberStatus, type] = {
    "creator": ChatMemberOwner,
    "administrator": ChatMemberAdministrator,
    "member": ChatMemberMember,
    "restricted": ChatMemberRestricted,
    "left": ChatMemberLeft,
    "kicked": ChatMemberBanned,
}


@pytest.mark.parametrize("status", list(STATUS_TYPES))
async def test_each_member_status_parses_as_its_aiogram_type(
    tg: FakeTelegram, bot: Bot, status: MemberStatus
) -> None:
    channel = tg.add_channel(username="sky_events")
    user = tg.add_user()
    tg.set_member_status(channel, user, status)
    member = await bot.get_chat_member(channel.id, user.id)
    assert isinstance(member, STATUS_TYPES[status])
    assert member.user.id == user.id
    by_username = await bot.get_chat_member("@sky_events", user.id)
    assert by_username.status == status


async def test_restricted_member_reports_whether_still_in_chat(tg: FakeTelegram, bot: Bot) -> None:
    group = tg.add_group(bot_status="administrator")
    user = tg.add_user()
    tg.set_member_status(group, user, "restricted", is_member=False)
    member = await bot.get_chat_member(group.id, user.id)
    assert isinstance(member, ChatMemberRestricted)
    assert member.is_member is False


async def test_never_joined_user_is_left(tg: FakeTelegram, bot: Bot) -> None:
    channel = tg.add_channel()
    user = tg.add_user()
    assert isinstance(await bot.get_chat_member(channel.id, user.id), ChatMemberLeft)


async def test_channel_without_admin_rights_hides_members(tg: FakeTelegram, bot: Bot) -> None:
    channel = tg.add_channel(bot_status="member")
    user = tg.add_user()
    with pytest.raises(TelegramBadRequest, match="member list is inaccessible"):
        await bot.get_chat_member(channel.id, user.id)
    with pytest.raises(TelegramBadRequest, match="need administrator rights"):
        await bot.send_message(channel.id, "post")


async def test_missing_channel_is_chat_not_found(tg: FakeTelegram, bot: Bot) -> None:
    channel = tg.add_channel()
    user = tg.add_user()
    tg.remove_chat(channel)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat_member(channel.id, user.id)
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat(channel.id)


async def test_bot_removed_from_channel_cannot_post(tg: FakeTelegram, bot: Bot) -> None:
    channel = tg.add_channel(username="public_sky")
    tg.set_bot_status(channel, "kicked")
    with pytest.raises(TelegramForbiddenError, match="bot was kicked from the channel chat"):
        await bot.send_message(channel.id, "post")


async def test_channel_post_comes_from_the_channel(tg: FakeTelegram, bot: Bot) -> None:
    channel = tg.add_channel(username="sky_events")
    message = await bot.send_message("@sky_events", "Equinox")
    assert message.chat.id == channel.id
    assert message.sender_chat is not None
    assert message.sender_chat.id == channel.id
    assert message.from_user is None
    info = await bot.get_chat(channel.id)
    assert (info.type, info.title, info.username) == ("channel", channel.title, "sky_events")


async def test_member_changes_emit_chat_member_updates_only_when_asked(
    tg: FakeTelegram, bot: Bot
) -> None:
    channel = tg.add_channel()
    user = tg.add_user()
    assert tg.set_member_status(channel, user, "member") is None  # not in default updates
    await bot.get_updates(allowed_updates=["chat_member", "my_chat_member"])
    tg.set_member_status(channel, user, "kicked")
    tg.set_bot_status(channel, "member")
    joined, demoted = await bot.get_updates()
    assert joined.chat_member is not None
    assert joined.chat_member.old_chat_member.status == "member"
    assert joined.chat_member.new_chat_member.status == "kicked"
    assert demoted.my_chat_member is not None
    assert demoted.my_chat_member.new_chat_member.user.id == tg.bot_user.id
    assert demoted.update_id == joined.update_id + 1


async def test_blocking_emits_my_chat_member_kicked(tg: FakeTelegram, bot: Bot) -> None:
    user = tg.add_user()
    tg.user(user).block_bot()
    [update] = await bot.get_updates()
    assert update.my_chat_member is not None
    assert update.my_chat_member.chat.id == user.id
    assert update.my_chat_member.new_chat_member.status == "kicked"
    assert update.my_chat_member.from_user.id == user.id
