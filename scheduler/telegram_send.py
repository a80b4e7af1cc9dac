"""One sendMessage call, with every way it can end mapped to a small closed set of results."""

from dataclasses import dataclass
from enum import StrEnum

from aiogram import Bot
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    AiogramError,
    TelegramBadRequest,
    TelegramEntityTooLarge,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNotFound,
    TelegramRetryAfter,
)

# Telegram's descriptions can be long; the outbox keeps enough to diagnose.
_MAX_REASON = 500


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


async def send_text(
    bot: Bot,
    chat_id: int | str,
    text: str,
    *,
    html: bool,
    paid_broadcast: bool,
    timeout: float,  # noqa: ASYNC109 - passed on to aiogram's request timeout
) -> SendResult:
    """Send one text message; never raises for anything Telegram or the network does."""
    try:
        message = await bot.send_message(
            chat_id,
            text,
            parse_mode=ParseMode.HTML if html else None,
            allow_paid_broadcast=True if paid_broadcast else None,
            request_timeout=int(max(1, timeout)),
        )
    except TelegramRetryAfter as exc:
        return SendResult(SendStatus.RETRY_AFTER, retry_after=float(exc.retry_after))
    except TelegramForbiddenError as exc:
        return SendResult(SendStatus.FORBIDDEN, reason=_reason("forbidden", exc))
    except TelegramMigrateToChat as exc:
        reason = f"migrated to chat {exc.migrate_to_chat_id}"
        return SendResult(SendStatus.REJECTED, reason=_reason("bad_request", reason))
    except (TelegramBadRequest, TelegramNotFound, TelegramEntityTooLarge) as exc:
        return SendResult(SendStatus.REJECTED, reason=_reason("bad_request", exc))
    except (TimeoutError, AiogramError, OSError) as exc:
        # 5xx, 401, 409, network failures and answers that are not Bot API JSON at all.
        return SendResult(SendStatus.TRANSIENT, reason=_reason(type(exc).__name__, exc))
    return SendResult(SendStatus.SENT, message_id=message.message_id)


def _reason(code: str, detail: object) -> str:
    text = str(detail).strip() or code
    return f"{code}: {text}"[:_MAX_REASON]
