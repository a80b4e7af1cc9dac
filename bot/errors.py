"""Errors of the bot's own making (Telegram answers the platform cannot act on)."""

from core.errors import AppError


class MembershipUnavailableError(AppError):
    """Telegram would not tell whether a user is in the members' channel (bot not admin, gone)."""

    code = "membership_unavailable"
    status = 503
