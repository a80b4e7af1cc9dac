"""Bot API JSON shapes (User, Chat, ChatFullInfo, ChatMember*, Message) built from state."""

from __future__ import annotations

from typing import Any

from tests.fakes.telegram.state import FakeChat, FakeUser, Membership

_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_send_welcome_messages",
)
_CHANNEL_ADMIN_RIGHTS = ("can_post_messages", "can_edit_messages")
_GROUP_ADMIN_RIGHTS = ("can_pin_messages", "can_manage_topics")
_RESTRICTED_PERMISSIONS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_react_to_messages",
    "can_edit_tag",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
)


def user_json(user: FakeUser) -> dict[str, Any]:
    """Return a User object as it appears in messages and updates."""
    data: dict[str, Any] = {"id": user.id, "is_bot": user.is_bot, "first_name": user.first_name}
    if user.last_name:
        data["last_name"] = user.last_name
    if user.username:
        data["username"] = user.username
    if user.language_code and not user.is_bot:
        data["language_code"] = user.language_code
    return data


def me_json(bot: FakeUser) -> dict[str, Any]:
    """Return the User object getMe answers, with the bot-only capability fields."""
    return {
        **user_json(bot),
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def chat_json(chat: FakeChat) -> dict[str, Any]:
    """Return a Chat object as it appears inside messages."""
    data: dict[str, Any] = {"id": chat.id}
    if chat.is_private:
        data["first_name"] = chat.first_name
        if chat.last_name:
            data["last_name"] = chat.last_name
    else:
        data["title"] = chat.title
    if chat.username:
        data["username"] = chat.username
    data["type"] = chat.type
    return data


def chat_full_info_json(chat: FakeChat) -> dict[str, Any]:
    """Return the ChatFullInfo object getChat answers."""
    return {
        **chat_json(chat),
        "accent_color_id": abs(chat.id) % 7,
        "max_reaction_count": 11,
        "accepted_gift_types": {
            "unlimited_gifts": False,
            "limited_gifts": False,
            "unique_gifts": False,
            "premium_subscription": False,
            "gifts_from_channels": False,
        },
    }


def member_json(user: FakeUser, member: Membership, chat: FakeChat) -> dict[str, Any]:
    """Return the ChatMember variant matching the membership's status."""
    data: dict[str, Any] = {"user": user_json(user), "status": member.status}
    if member.status == "creator":
        data["is_anonymous"] = False
    elif member.status == "administrator":
        rights = _ADMIN_RIGHTS + (
            _CHANNEL_ADMIN_RIGHTS if chat.type == "channel" else _GROUP_ADMIN_RIGHTS
        )
        data.update({"can_be_edited": False, "is_anonymous": False})
        data.update(dict.fromkeys(rights, True))
    elif member.status == "restricted":
        data["is_member"] = member.is_member
        data.update(dict.fromkeys(_RESTRICTED_PERMISSIONS, False))
        data["until_date"] = member.until_date
    elif member.status == "kicked":
        data["until_date"] = member.until_date
    if member.custom_title and member.status in {"creator", "administrator"}:
        data["custom_title"] = member.custom_title
    return data
