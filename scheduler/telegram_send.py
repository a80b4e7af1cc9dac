"""sendMessage for the delivery worker: JSON over one HTTP session, every outcome in a closed set.

The worker does not go through aiogram's Bot here: aiogram builds a pydantic request model and a
multipart form per call and validates the whole Message it gets back, more CPU per message than
the rest of the worker (the README's benchmark table). The worker needs one field of the
answer, so it posts orjson and reads `message_id` itself; error codes map as aiogram maps them.
"""

from dataclasses import dataclass
from enum import StrEnum
from http import HTTPStatus
from typing import Any

import aiohttp
import orjson

from core.bot_api import method_url
from core.config import TelegramSettings
from core.errors import ConfigError
from core.metrics import count_bot_api

# Telegram's descriptions can be long; the outbox keeps enough to diagnose.
_MAX_REASON = 500
_JSON = {"Content-Type": "application/json"}
# 400, 404 and 413 mean the request itself is wrong: sending it again cannot help.
_REJECTED = frozenset(
    {HTTPStatus.BAD_REQUEST, HTTPStatus.NOT_FOUND, HTTPStatus.REQUEST_ENTITY_TOO_LARGE}
)


class SendStatus(StrEnum):
    """How a send ended, by what the worker must do next."""

    SENT = "sent"
    RETRY_AFTER = "retry_after"  # 429: wait exactly retry_after, then send again
    FORBIDDEN = "forbidden"  # 403: blocked, deactivated, kicked; never retried
    REJECTED = "rejected"  # 400/404/413: the request is wrong; never retried
    TRANSIENT = "transient"  # 5xx, network, undecodable answers: back off and retry


@dataclass(frozen=True, slots=True)
class SendResult:
    """The result of one send: the message id when sent, else the reason."""

    status: SendStatus
    message_id: int | None = None
    retry_after: float = 0.0
    reason: str = ""


class TelegramSender:
    """Sends text messages to TELEGRAM_API_URL with the bot's token; one keep-alive session."""

    def __init__(self, url: str) -> None:
        self._url = url
        # getMe beside sendMessage: the cheapest call that says whether the Bot API answers.
        self._probe_url = f"{url.rsplit('/', 1)[0]}/getMe"
        self._session: aiohttp.ClientSession | None = None

    @classmethod
    def from_settings(cls, settings: TelegramSettings) -> "TelegramSender":
        """The sender for the configured bot (TELEGRAM_BOT_TOKEN must be set)."""
        if settings.bot_token is None:
            raise ConfigError("TELEGRAM_BOT_TOKEN", "is not set")
        return cls(method_url(settings, settings.bot_token.get_secret_value(), "sendMessage"))

    async def close(self) -> None:
        """Close the HTTP session (sending again opens a new one)."""
        session, self._session = self._session, None
        if session is not None:
            await session.close()

    async def send(
        self,
        chat_id: int | str,
        text: str,
        *,
        html: bool,
        paid_broadcast: bool,
        timeout: float,  # noqa: ASYNC109 - a per-request limit handed to aiohttp
    ) -> SendResult:
        """Send one text message; never raises for anything Telegram or the network does."""
        request: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if html:
            request["parse_mode"] = "HTML"
        if paid_broadcast:
            request["allow_paid_broadcast"] = True
        try:
            async with self._http().post(
                self._url,
                data=orjson.dumps(request),
                headers=_JSON,
                timeout=aiohttp.ClientTimeout(total=timeout),
            ) as response:
                status, body = response.status, await response.read()
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            count_bot_api("sendMessage", None)
            return SendResult(SendStatus.TRANSIENT, reason=_reason(type(exc).__name__, exc))
        count_bot_api("sendMessage", status)
        return interpret(status, body)

    async def probe(self, timeout: float) -> bool:  # noqa: ASYNC109 - handed to aiohttp
        """Whether the Bot API answers at all: getMe gets a JSON answer that is not a 5xx."""
        try:
            async with self._http().post(
                self._probe_url, timeout=aiohttp.ClientTimeout(total=timeout)
            ) as response:
                status, body = response.status, await response.read()
        except (TimeoutError, aiohttp.ClientError, OSError):
            count_bot_api("getMe", None)
            return False
        count_bot_api("getMe", status)
        return status < HTTPStatus.INTERNAL_SERVER_ERROR and body.startswith(b"{")

    def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        return self._session


def interpret(status: int, body: bytes) -> SendResult:
    """What a Bot API answer means for the worker; unknown shapes are transient."""
    try:
        answer = orjson.loads(body)
    except orjson.JSONDecodeError:
        return _undecodable(status, body)
    if not isinstance(answer, dict) or not isinstance(answer.get("ok"), bool):
        return _undecodable(status, body)
    if answer["ok"]:
        result = answer.get("result")
        message_id = result.get("message_id") if isinstance(result, dict) else None
        if isinstance(message_id, int) and HTTPStatus.OK <= status < HTTPStatus.MULTIPLE_CHOICES:
            return SendResult(SendStatus.SENT, message_id=message_id)
        return _undecodable(status, body)
    description = str(answer.get("description") or f"HTTP {status}")
    parameters = answer.get("parameters")
    parameters = parameters if isinstance(parameters, dict) else {}
    retry_after = parameters.get("retry_after")
    if isinstance(retry_after, int | float) and retry_after > 0:
        return SendResult(SendStatus.RETRY_AFTER, retry_after=float(retry_after))
    if parameters.get("migrate_to_chat_id") is not None:
        reason = f"migrated to chat {parameters['migrate_to_chat_id']}"
        return SendResult(SendStatus.REJECTED, reason=_reason("bad_request", reason))
    if status == HTTPStatus.FORBIDDEN:
        return SendResult(SendStatus.FORBIDDEN, reason=_reason("forbidden", description))
    if status in _REJECTED:
        return SendResult(SendStatus.REJECTED, reason=_reason("bad_request", description))
    # 5xx, 401, 409 and anything Telegram may add later.
    return SendResult(SendStatus.TRANSIENT, reason=_reason(f"http_{status}", description))


def _undecodable(status: int, body: bytes) -> SendResult:
    text = body[:200].decode("utf-8", "replace")
    return SendResult(SendStatus.TRANSIENT, reason=_reason(f"undecodable_{status}", text))


def _reason(code: str, detail: object) -> str:
    text = str(detail).strip() or code
    return f"{code}: {text}"[:_MAX_REASON]
