"""Errors for astronomy requests the engine cannot answer (each names the offending value)."""

from core.errors import ValidationFailedError


class DateOutOfRangeError(ValidationFailedError):
    """A date lies outside the years the engine supports."""

    code = "date_out_of_range"


class InvalidDateRangeError(ValidationFailedError):
    """A time window ends before it starts, or a datetime has no timezone."""

    code = "invalid_date_range"


class UnknownEventKindError(ValidationFailedError):
    """An event kind is not one the engine computes."""

    code = "unknown_event_kind"
