"""Request and response bodies of the sign-in endpoints."""

import re
import unicodedata
from datetime import datetime
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StrictInt,
    StrictStr,
    field_validator,
)

from web.accounts import Profile
from web.validation import DisplayName

MAX_EMAIL_LENGTH = 254
# Deliberately plain: one @, no spaces, a dotted domain. Deliverability is the inbox's business.
_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+")
# Longer than any policy-valid password, so the policy (not the schema) explains a refusal.
MAX_PASSWORD_INPUT = 1024
MAX_SECRET_INPUT = 128


def normalize_email(value: str) -> str:
    """NFKC, trimmed and lower-cased: one spelling per address."""
    return unicodedata.normalize("NFKC", value).strip().lower()


def _valid_email(value: str) -> str:
    email = normalize_email(value)
    if len(email) > MAX_EMAIL_LENGTH or not _EMAIL.fullmatch(email):
        raise ValueError("not an email address")
    return email


Email = Annotated[str, Field(max_length=MAX_EMAIL_LENGTH * 2), AfterValidator(_valid_email)]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegisterRequest(_Request):
    """A new account with email and password; profile fields are optional."""

    email: Email
    password: str = Field(max_length=MAX_PASSWORD_INPUT)
    display_name: DisplayName = ""
    language: str | None = Field(default=None, max_length=16)
    timezone: str | None = Field(default=None, max_length=64)


class LoginRequest(_Request):
    """Email and password."""

    email: str = Field(max_length=MAX_EMAIL_LENGTH * 2)
    password: str = Field(max_length=MAX_PASSWORD_INPUT)

    @field_validator("email")
    @classmethod
    def _normalized(cls, value: str) -> str:
        return normalize_email(value)


# What Telegram's Login Widget sends (core.telegram.org/widgets/login): anything else, even
# signed, did not come from the widget.
WIDGET_FIELDS = frozenset(
    {"id", "first_name", "last_name", "username", "photo_url", "auth_date", "hash"}
)


class TelegramWidgetRequest(RootModel[dict[str, StrictStr | StrictInt]]):
    """The Login Widget's callback object as Telegram sent it (id, names, auth_date, hash...)."""

    @field_validator("root")
    @classmethod
    def _shape(cls, fields: dict[str, str | int]) -> dict[str, str | int]:
        if not {"id", "auth_date", "hash"} <= fields.keys() <= WIDGET_FIELDS:
            raise ValueError("expected the Login Widget's fields, with id, auth_date and hash")
        if any(isinstance(value, str) and len(value) > 1024 for value in fields.values()):
            raise ValueError("field too long")
        return fields


class WebAppRequest(_Request):
    """A Mini App's Telegram.WebApp.initData string, unchanged."""

    init_data: str = Field(min_length=1, max_length=8192)


class OneTimeTokenRequest(_Request):
    """A one-time login token from the bot's /calendar link."""

    token: str = Field(min_length=1, max_length=MAX_SECRET_INPUT)


class RefreshRequest(_Request):
    """A refresh token, to rotate or to revoke."""

    refresh_token: str = Field(min_length=1, max_length=MAX_SECRET_INPUT)


class TokenPair(BaseModel):
    """What every sign-in path returns: a short access JWT, a rotating refresh token, the user."""

    access_token: str
    token_type: Literal["Bearer"] = "Bearer"  # noqa: S105 (a scheme name, not a secret)
    expires_in: int
    refresh_token: str
    refresh_expires_at: datetime
    user: Profile


class Jwk(BaseModel):
    """One RSA public key (RFC 7517)."""

    kty: Literal["RSA"]
    kid: str
    use: Literal["sig"]
    alg: Literal["RS256"]
    n: str
    e: str
    key_ops: list[str] | None = None


class Jwks(BaseModel):
    """The JSON Web Key Set of every key that may verify a live access token."""

    keys: list[Jwk]
