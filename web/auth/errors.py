"""Errors of web sign-in, each with its stable code and HTTP status."""

import math

from core.errors import AppError, TokenError, ValidationFailedError


class UnauthorizedError(AppError):
    """The request carries no access token where one is required."""

    code = "unauthorized"
    status = 401


class InvalidCredentialsError(AppError):
    """The email is unknown or the password wrong (deliberately indistinguishable)."""

    code = "invalid_credentials"
    status = 401


class EmailTakenError(AppError):
    """An account with this email already exists."""

    code = "email_taken"
    status = 409


class WeakPasswordError(ValidationFailedError):
    """The password breaks the policy: too short, too common, or the email itself."""

    code = "weak_password"


class TelegramAuthError(AppError):
    """A Telegram Login Widget or Mini App payload fails its signature or freshness check."""

    code = "telegram_auth_invalid"
    status = 401


class TelegramNotConfiguredError(AppError):
    """Telegram sign-in needs a bot token and none is configured."""

    code = "telegram_not_configured"
    status = 503


class TelegramUnavailableError(AppError):
    """The Bot API could not be reached or refused the call."""

    code = "telegram_unavailable"
    status = 503


class RateLimitedError(AppError):
    """Too many requests from one client, account or user; retry after `seconds`."""

    code = "rate_limited"
    status = 429

    def __init__(self, seconds: float) -> None:
        whole = max(1, math.ceil(seconds))
        super().__init__(f"retry after {whole}s", seconds=whole)
        self.retry_after = whole


class ServerBusyError(AppError):
    """Every password-hashing slot is taken; retry after `seconds`."""

    code = "server_busy"
    status = 503

    def __init__(self, seconds: int) -> None:
        super().__init__(f"retry after {seconds}s", seconds=seconds)
        self.retry_after = seconds


class AccountDeactivatedError(AppError):
    """The account was deactivated by an operator: no sign-in, refresh or API use."""

    code = "account_deactivated"
    status = 403


class RefreshTokenReusedError(TokenError):
    """A rotated refresh token came back: its whole family is revoked."""

    code = "refresh_token_reused"


class SubscriptionRequiredError(AppError):
    """A members' feature needs a current membership of the channel."""

    code = "subscription_required"
    status = 403
