"""The members' gate: features that need a current membership of the configured channel."""

from datetime import UTC, datetime, timedelta

import structlog
from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from core.config import GatedFeature
from models.membership import check_membership, membership_is_current
from models.user import User
from web.auth.errors import SubscriptionRequiredError
from web.auth.guard import AuthUser, load_user, require_user
from web.auth.telegram_api import TELEGRAM_API, TELEGRAM_FAILURES
from web.keys import SESSIONMAKER, TELEGRAM_SETTINGS

log = structlog.get_logger(__name__)
# A "not a member" answer is trusted this long before Telegram is asked again.
NEGATIVE_ANSWER_MAX_AGE = timedelta(minutes=1)


def channel_link(channel: int | str) -> str:
    """A link people can open: t.me/<name> for public channels, else the channel as configured."""
    text = str(channel)
    return f"https://t.me/{text[1:]}" if text.startswith("@") else text


def _worth_asking(user: User, now: datetime) -> bool:
    checked = user.subscription_checked_at
    return (
        user.is_telegram_subscribed or checked is None or now - checked > NEGATIVE_ANSWER_MAX_AGE
    )


async def _recheck(
    request: web.Request, session: AsyncSession, user: User, channel: int | str
) -> bool:
    """Ask Telegram again; when it cannot answer, an old positive answer still counts."""
    api = request.app[TELEGRAM_API]
    if not api.configured or user.telegram_user_id is None:
        return False
    if not _worth_asking(user, datetime.now(UTC)):
        return False
    try:
        return await check_membership(api.member_status, session, channel, user.telegram_user_id)
    except TELEGRAM_FAILURES as exc:
        log.warning("membership check failed", error=exc.__class__.__name__)
        return user.is_telegram_subscribed


async def require_member(request: web.Request, feature: GatedFeature) -> AuthUser:
    """The caller, when `feature` is open to them; else 403 subscription_required with the link."""
    caller = await require_user(request)
    telegram = request.app[TELEGRAM_SETTINGS]
    channel = telegram.members_channel
    if channel is None or feature not in telegram.gated_features:
        return caller
    async with request.app[SESSIONMAKER]() as session:
        user = await load_user(session, caller)
        allowed = membership_is_current(user) or await _recheck(request, session, user, channel)
        await session.commit()
    if not allowed:
        raise SubscriptionRequiredError("not a member", channel=channel_link(channel))
    return caller
