"""The members' gate in the bot: getChatMember through aiogram, cached in the user row."""

import time
from dataclasses import dataclass, field
from enum import Enum

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import (
    ChatMemberAdministrator,
    ChatMemberBanned,
    ChatMemberLeft,
    ChatMemberMember,
    ChatMemberOwner,
    ChatMemberRestricted,
)
from sqlalchemy.ext.asyncio import AsyncSession

from bot.errors import MembershipUnavailableError
from core.config import GatedFeature, TelegramSettings
from core.i18n import I18n, negotiate_bot_language
from models.membership import StatusFetcher, check_membership, membership_is_current
from models.user import User
from models.users import UserRepository

log = structlog.get_logger(__name__)
ChatMember = (
    ChatMemberOwner
    | ChatMemberAdministrator
    | ChatMemberMember
    | ChatMemberRestricted
    | ChatMemberLeft
    | ChatMemberBanned
)
# Admins hear about a broken check at most this often (seconds), not on every user's tap.
ADMIN_ALERT_INTERVAL = 600.0


@dataclass
class GateAlerts:
    """When the admins were last told that membership cannot be checked, and in what words."""

    i18n: I18n
    interval: float = ADMIN_ALERT_INTERVAL
    _last: float = field(default=float("-inf"))

    def due(self) -> bool:
        """True (and reset) when the admins have not been told recently."""
        now = time.monotonic()
        if now - self._last < self.interval:
            return False
        self._last = now
        return True


def member_status(member: ChatMember) -> tuple[str, bool | None]:
    """(status, is_member) of a ChatMember* for models.membership.counts_as_member."""
    # aiogram stores enum values as plain strings at run time although typed as the enum.
    status = member.status
    name = status.value if isinstance(status, Enum) else str(status)
    return name, member.is_member if isinstance(member, ChatMemberRestricted) else None


def member_fetcher(bot: Bot) -> StatusFetcher:
    """The StatusFetcher of models.membership.check_membership, backed by getChatMember."""

    async def fetch(channel: int | str, telegram_user_id: int) -> tuple[str, bool | None]:
        try:
            member = await bot.get_chat_member(channel, telegram_user_id)
        except (TelegramAPIError, TelegramNetworkError) as exc:
            raise MembershipUnavailableError(exc.message, channel=str(channel)) from exc
        return member_status(member)

    return fetch


def is_gated(settings: TelegramSettings, feature: GatedFeature) -> bool:
    """True when `feature` needs membership of a configured channel."""
    return settings.members_channel is not None and feature in settings.gated_features


async def feature_open(
    bot: Bot,
    session: AsyncSession,
    user: User,
    *,
    settings: TelegramSettings,
    feature: GatedFeature,
    alerts: GateAlerts,
    fresh: bool = False,
) -> bool:
    """Whether `user` may use `feature`; asks Telegram unless a recent positive answer is stored.

    When Telegram cannot answer, the admins are told and the user is let through: a broken
    configuration is ours to fix, not the user's to suffer.
    """
    channel = settings.members_channel
    if channel is None or feature not in settings.gated_features:
        return True
    if not fresh and membership_is_current(user):
        return True
    if user.telegram_user_id is None:
        return False
    try:
        return await check_membership(member_fetcher(bot), session, channel, user.telegram_user_id)
    except MembershipUnavailableError as exc:
        log.warning("membership check unavailable", channel=str(channel), error=exc.detail)
        if alerts.due():
            await _alert_admins(bot, session, settings, alerts.i18n, exc.detail)
        return True


async def _alert_admins(
    bot: Bot, session: AsyncSession, settings: TelegramSettings, i18n: I18n, reason: str
) -> None:
    users = UserRepository(session)
    for admin_id in settings.admin_ids:
        admin = await users.by_telegram_id(admin_id)
        stored = admin.language if admin is not None and admin.language_chosen else None
        tr = i18n.get(negotiate_bot_language(stored, None))
        text = tr("bot-admin-gate-broken", channel=str(settings.members_channel), reason=reason)
        try:
            await bot.send_message(admin_id, text, parse_mode=None)
        except (TelegramAPIError, TelegramNetworkError) as exc:
            log.warning("cannot alert admin", admin_id=admin_id, error=str(exc))


async def channel_url(bot: Bot, channel: int | str) -> str | None:
    """A link people can open to join: t.me/<name>, or the channel's invite link."""
    text = str(channel)
    if text.startswith("@"):
        return f"https://t.me/{text[1:]}"
    try:
        chat = await bot.get_chat(channel)
    except (TelegramAPIError, TelegramNetworkError):
        return None
    if chat.username:
        return f"https://t.me/{chat.username}"
    return chat.invite_link
