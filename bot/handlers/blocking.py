"""A person blocking (or unblocking) the bot in their private chat."""

from datetime import UTC, datetime

from aiogram import F, Router
from aiogram.enums import ChatType
from aiogram.filters import KICKED, MEMBER, ChatMemberUpdatedFilter
from aiogram.types import ChatMemberUpdated

from models.user import User


async def blocked(update: ChatMemberUpdated, user: User) -> None:
    """Stop sending to a person who blocked the bot (the scheduler skips bot_blocked users)."""
    user.bot_blocked_at = datetime.now(UTC)


async def unblocked(update: ChatMemberUpdated, user: User) -> None:
    """The person let the bot write again."""
    user.bot_blocked_at = None


def create_router() -> Router:
    """Blocking and unblocking the bot in private chats. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.my_chat_member.filter(F.chat.type == ChatType.PRIVATE)
    router.my_chat_member.register(blocked, ChatMemberUpdatedFilter(member_status_changed=KICKED))
    router.my_chat_member.register(
        unblocked, ChatMemberUpdatedFilter(member_status_changed=MEMBER)
    )
    return router
