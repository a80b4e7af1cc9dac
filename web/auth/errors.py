"""Errors of web sign-in, each with its stable code and HTTP status."""

from core.errors import AppError, ValidationFailedError


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
