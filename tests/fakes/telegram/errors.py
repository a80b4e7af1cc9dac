"""Bot API error answers, shaped and worded as Telegram sends them."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """A failed Bot API call: HTTP status, description and optional retry_after."""

    def __init__(self, error_code: int, description: str, *, retry_after: int | None = None):
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        """Return the JSON body Telegram answers with."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


class FakeUsageError(Exception):
    """A test drove the fake into a state Telegram could not be in (e.g. pressing no button)."""


def bad_request(detail: str) -> ApiError:
    """Return a 400 error with Telegram's 'Bad Request: ' prefix."""
    return ApiError(400, f"Bad Request: {detail}")


def forbidden(detail: str) -> ApiError:
    """Return a 403 error with Telegram's 'Forbidden: ' prefix."""
    return ApiError(403, f"Forbidden: {detail}")


def conflict(detail: str) -> ApiError:
    """Return a 409 error with Telegram's 'Conflict: ' prefix."""
    return ApiError(409, f"Conflict: {detail}")


def too_many_requests(retry_after: int) -> ApiError:
    """Return Telegram's flood-control answer."""
    return ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


def not_found() -> ApiError:
    """Return the answer for an unknown method or path."""
    return ApiError(404, "Not Found")


def unauthorized() -> ApiError:
    """Return the answer for a token Telegram does not know."""
    return ApiError(401, "Unauthorized")


def chat_not_found() -> ApiError:
    """Return the answer for a chat the bot cannot see."""
    return bad_request("chat not found")
