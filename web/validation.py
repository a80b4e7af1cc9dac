"""Reading request input into pydantic models; every failure is a 4xx with a stable code."""

from typing import Annotated, Any, TypeVar

from aiohttp import web
from pydantic import AfterValidator, BaseModel, Field, ValidationError

from core.errors import AppError, ValidationFailedError

ModelT = TypeVar("ModelT", bound=BaseModel)
# The joiner inside emoji sequences is the one format character a name may keep.
_ZERO_WIDTH_JOINER = "\u200d"


def _display_name(value: str) -> str:
    value = value.strip()
    # Other (control, format: bidi overrides) and separator characters but the space: what
    # would let a name rearrange or hide text where the bot or the page shows it.
    if any(not char.isprintable() and char != _ZERO_WIDTH_JOINER for char in value):
        raise ValueError("contains control or formatting characters")
    return value


# The one rule for a display name, at registration and in a profile change.
DisplayName = Annotated[str, Field(max_length=128), AfterValidator(_display_name)]


class InvalidJSONError(AppError):
    """The request body is not a JSON document."""

    code = "invalid_json"
    status = 400


class BodyTooLargeError(AppError):
    """The request body is over the configured limit."""

    code = "body_too_large"
    status = 413


def _fields(error: ValidationError) -> list[str]:
    return sorted(
        {".".join(str(part) for part in item["loc"]) or "body" for item in error.errors()}
    )


def _nul_fields(value: Any, path: str) -> list[str]:
    """The fields of a validated body whose text holds a NUL (PostgreSQL text cannot)."""
    if isinstance(value, str):
        return [path or "body"] if "\x00" in value else []
    if isinstance(value, dict):
        return [
            field
            for key, item in value.items()
            for field in _nul_fields(item, f"{path}.{key}" if path else str(key))
        ]
    if isinstance(value, list):
        return [field for item in value for field in _nul_fields(item, path)]
    return []


async def read_json(request: web.Request, model: type[ModelT]) -> ModelT:
    """Parse and validate the JSON body; the field names at fault travel in the error."""
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        raise BodyTooLargeError() from None
    try:
        parsed = model.model_validate_json(raw or b"null")
    except ValidationError as exc:
        if any(item["type"] == "json_invalid" for item in exc.errors()):
            raise InvalidJSONError() from None
        raise ValidationFailedError(fields=_fields(exc)) from None
    if b"\\u0000" in raw:
        nul = sorted(set(_nul_fields(parsed.model_dump(), "")))
        if nul:
            raise ValidationFailedError("NUL character", fields=nul)
    return parsed


def read_query(request: web.Request, model: type[ModelT]) -> ModelT:
    """Validate the query string against `model` (repeated keys become lists)."""
    data: dict[str, Any] = {}
    for key in request.query:
        values = request.query.getall(key)
        data[key] = values if len(values) > 1 else values[0]
    nul = sorted(set(_nul_fields(data, "")))
    if nul:
        raise ValidationFailedError("NUL character", fields=nul)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ValidationFailedError(fields=_fields(exc)) from None
