"""The members' channel: chat_member updates keep the stored membership fresh; "I've joined"."""

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, ChatMemberUpdated, Message
from sqlalchemy.ext.asyncio import AsyncSession

from bot.gate import GateAlerts, feature_open, member_status
from bot.keyboards.callbacks import JoinedCheck
from bot.replies import send_calendar_link
from core.config import GATED_FEATURES, Settings
from core.i18n import Translator
from models.membership import counts_as_member, record_membership
from models.user import User


def _is_members_channel(update: ChatMemberUpdated, settings: Settings) -> bool:
    channel = settings.telegram.members_channel
    if channel is None:
        return False
    if isinstance(channel, int):
        return update.chat.id == channel
    return update.chat.username is not None and (
        update.chat.username.lower() == str(channel).removeprefix("@").lower()
    )


async def member_changed(
    update: ChatMemberUpdated, session: AsyncSession, settings: Settings
) -> None:
    """Store a member's new status in the members' channel as a fresh check."""
    if not _is_members_channel(update, settings):
        return
    member = update.new_chat_member
    await record_membership(session, member.user.id, counts_as_member(*member_status(member)))


async def joined(
    query: CallbackQuery,
    *,
    callback_data: JoinedCheck,
    tr: Translator,
    bot: Bot,
    session: AsyncSession,
    user: User,
    settings: Settings,
    gate_alerts: GateAlerts,
) -> None:
    """Check again; a member gets the feature right away, others a gentle reminder."""
    message = query.message if isinstance(query.message, Message) else None
    feature = next((f for f in GATED_FEATURES if f == callback_data.feature), None)
    if feature is None or message is None:
        await query.answer(tr("bot-stale-button"))
        return
    if not await feature_open(
        bot,
        session,
        user,
        settings=settings.telegram,
        feature=feature,
        alerts=gate_alerts,
        fresh=True,
    ):
        await query.answer(tr("bot-gate-still-not-member"), show_alert=True)
        return
    await query.answer(tr("bot-gate-welcome"))
    await message.edit_reply_markup(reply_markup=None)
    if feature == "calendar":
        await send_calendar_link(message, tr, session, user, settings)
    else:
        await message.answer(tr("bot-gate-reminders-on"))


def create_router() -> Router:
    """Membership updates and the "I've joined" button. A fresh router per dispatcher."""
    router = Router(name=__name__)
    router.chat_member.register(member_changed)
    router.callback_query.register(joined, JoinedCheck.filter())
    return router
