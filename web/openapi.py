"""OpenAPI 3.1 from the same pydantic models the handlers validate with."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import web
from pydantic import BaseModel

HandlerT = TypeVar("HandlerT", bound=Callable[..., Awaitable[web.StreamResponse]])
_ATTRIBUTE = "__openapi_operation__"


@dataclass(frozen=True, slots=True)
class Operation:
    """What the OpenAPI document says about one handler."""

    summary: str
    tags: tuple[str, ...] = ()
    request: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    response_status: int = 200
    response_media_type: str = "application/json"
    auth: bool = False
    errors: tuple[int, ...] = field(default=())


def describe(summary: str, **details: Any) -> Callable[[HandlerT], HandlerT]:
    """Attach an Operation to a handler; build_openapi() reads it from the router."""

    def mark(handler: HandlerT) -> HandlerT:
        setattr(handler, _ATTRIBUTE, Operation(summary=summary, **details))
        return handler

    return mark


def operation_of(handler: object) -> Operation | None:
    """The Operation a handler was described with, if any."""
    found = getattr(handler, _ATTRIBUTE, None)
    return found if isinstance(found, Operation) else None
