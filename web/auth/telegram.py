"""Verifying Telegram Login Widget payloads and Mini App initData with the bot token."""

import hashlib
import hmac
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

import orjson

from web.auth.errors import TelegramAuthError

# Telegram's clock and ours may disagree a little; a payload from further ahead is forged.
FUTURE_SKEW_SECONDS = 60
MAX_INIT_DATA_LENGTH = 8192
_HASH_LENGTH = 64


@dataclass(frozen=True, slots=True)
class TelegramIdentity:
    """A Telegram user whose identity Telegram vouched for."""

    telegram_user_id: int
    username: str | None
    language_code: str | None


def _check_hash(secret: bytes, fields: dict[str, str], received: str) -> None:
    """Compare the HMAC of the data-check-string with `received` in constant time."""
    check_string = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    expected = hmac.new(secret, check_string.encode(), hashlib.sha256).hexdigest()
    if len(received) != _HASH_LENGTH or not hmac.compare_digest(expected, received.lower()):
        raise TelegramAuthError("signature mismatch")


def _check_fresh(auth_date: str | None, max_age: int, now: float | None) -> None:
    try:
        signed_at = int(auth_date or "")
    except ValueError:
        raise TelegramAuthError("auth_date missing") from None
    moment = time.time() if now is None else now
    if signed_at > moment + FUTURE_SKEW_SECONDS or moment - signed_at > max_age:
        raise TelegramAuthError("auth_date outside the window")


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def verify_login_widget(
    bot_token: str, payload: dict[str, str], *, max_age: int, now: float | None = None
) -> TelegramIdentity:
    """Check a Login Widget payload: HMAC-SHA256 keyed with SHA256(bot token), then freshness."""
    fields = dict(payload)
    received = fields.pop("hash", "")
    _check_hash(hashlib.sha256(bot_token.encode()).digest(), fields, received)
    _check_fresh(fields.get("auth_date"), max_age, now)
    try:
        telegram_user_id = int(fields["id"])
    except (KeyError, ValueError):
        raise TelegramAuthError("id missing") from None
    return TelegramIdentity(telegram_user_id, _optional_text(fields.get("username")), None)


def verify_init_data(
    bot_token: str, init_data: str, *, max_age: int, now: float | None = None
) -> TelegramIdentity:
    """Check Mini App initData: secret HMAC_SHA256("WebAppData", bot token), then freshness."""
    if len(init_data) > MAX_INIT_DATA_LENGTH:
        raise TelegramAuthError("initData too long")
    try:
        pairs = parse_qsl(init_data, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        raise TelegramAuthError("initData is not a query string") from None
    fields = dict(pairs)
    if len(fields) != len(pairs):
        raise TelegramAuthError("initData repeats a field")
    received = fields.pop("hash", "")
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    _check_hash(secret, fields, received)
    _check_fresh(fields.get("auth_date"), max_age, now)
    try:
        user = orjson.loads(fields["user"])
        telegram_user_id = user["id"]
    except (KeyError, TypeError, orjson.JSONDecodeError):
        raise TelegramAuthError("initData has no user") from None
    if not isinstance(telegram_user_id, int) or isinstance(telegram_user_id, bool):
        raise TelegramAuthError("initData user id is not a number")
    return TelegramIdentity(
        telegram_user_id,
        _optional_text(user.get("username")),
        _optional_text(user.get("language_code")),
    )
