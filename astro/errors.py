"""Errors of astronomy requests the engine cannot answer: a stable code and the offending value.

They carry no transport meaning: each door maps them to its own answer (422 on the web, a
localized message in the bot, exit 2 on the command line).
"""

from typing import Any, ClassVar


class AstroError(Exception):
    """Base of every error astro/ raises on bad input; `code` is stable, `data` names the value."""

    code: ClassVar[str] = "astro_error"

    def __init__(self, detail: str = "", **data: Any) -> None:
        super().__init__(detail or self.code)
        self.detail = detail
        self.data = data


class DateOutOfRangeError(AstroError):
    """A date lies outside the years the engine supports."""

    code = "date_out_of_range"


class InvalidDateRangeError(AstroError):
    """A time window ends before it starts, or a datetime has no timezone."""

    code = "invalid_date_range"


class UnknownEventKindError(AstroError):
    """An event kind is not one the engine computes."""

    code = "unknown_event_kind"


class InvalidTimezoneError(AstroError):
    """A timezone name is not a known IANA zone."""

    code = "invalid_timezone"


class InvalidCoordinatesError(AstroError):
    """A latitude or longitude is outside the globe."""

    code = "invalid_coordinates"
