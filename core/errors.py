"""The root of the platform's domain errors: each carries a stable code, never user-facing text."""

from typing import Any, ClassVar

from astro.errors import AstroError


class AppError(Exception):
    """Base of every error the platform expects and explains to a user."""

    code: ClassVar[str] = "internal_error"
    status: ClassVar[int] = 500

    def __init__(self, detail: str = "", **data: Any) -> None:
        super().__init__(detail or self.code)
        self.detail = detail
        self.data = data


class ConfigError(AppError):
    """A configuration variable has a value the platform cannot start with."""

    code = "config_error"

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}", variable=variable)
        self.variable = variable
        self.problem = problem


class ValidationFailedError(AppError):
    """Input does not have the shape or values an operation needs."""

    code = "validation_failed"
    status = 422


class InvalidLanguageError(ValidationFailedError):
    """A language is not one of the ten the platform speaks."""

    code = "invalid_language"


class NotFoundError(AppError):
    """The requested object does not exist (or is not visible to the caller)."""

    code = "not_found"
    status = 404


class TokenError(AppError):
    """A one-time or refresh token cannot be used."""

    code = "token_invalid"
    status = 401


class TokenExpiredError(TokenError):
    """The token was valid once but its lifetime is over."""

    code = "token_expired"


class TokenUsedError(TokenError):
    """The single-use token was already consumed."""

    code = "token_used"


class AccountAlreadyLinkedError(AppError):
    """The account is linked to another Telegram user (or that user to another account)."""

    code = "account_already_linked"
    status = 409


# What a door catches to answer bad input (astro/ has its own root, free of transport meaning).
DOMAIN_ERRORS: tuple[type[AppError], type[AstroError]] = (AppError, AstroError)
