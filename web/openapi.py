"""OpenAPI 3.1 from the same pydantic models the handlers validate with."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from importlib import metadata
from typing import Any, TypeVar

import orjson
from aiohttp import web
from pydantic import BaseModel

from web.keys import WEB_SETTINGS

HandlerT = TypeVar("HandlerT", bound=Callable[..., Awaitable[web.StreamResponse]])
_ATTRIBUTE = "__openapi_operation__"
_JSON = "application/json"


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
    # Further media types the same success may come in (e.g. a picture's other encodings).
    other_media_types: tuple[str, ...] = ()
    auth: bool = False
    errors: tuple[int, ...] = field(default=())
    path: type[BaseModel] | None = None
    description: str = ""


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


class ErrorDetail(BaseModel):
    """The error itself: a stable code to branch on and a message to show."""

    code: str
    message: str
    details: dict[str, Any] | None = None


class ErrorResponse(BaseModel):
    """Every 4xx answer of the API."""

    error: ErrorDetail


_REF = "#/components/schemas/{model}"
_SECURITY_SCHEME = "bearerAuth"


class _Schemas:
    """Collects component schemas by model name as operations refer to them."""

    def __init__(self) -> None:
        self.components: dict[str, Any] = {}

    def ref(self, model: type[BaseModel], mode: str = "serialization") -> dict[str, str]:
        """A $ref to `model`, adding it (and the models it nests) to the components."""
        schema = model.model_json_schema(ref_template=_REF, mode=mode)  # type: ignore[arg-type]
        self.components.update(schema.pop("$defs", {}))
        self.components[model.__name__] = schema
        return {"$ref": _REF.format(model=model.__name__)}

    def parameters(self, model: type[BaseModel], where: str) -> list[dict[str, Any]]:
        """One OpenAPI parameter per field of a query or path model."""
        schema = model.model_json_schema(ref_template=_REF, mode="validation")
        self.components.update(schema.pop("$defs", {}))
        required = set(schema.get("required", ()))
        parameters = []
        for name, prop in schema.get("properties", {}).items():
            parameter: dict[str, Any] = {
                "name": name,
                "in": where,
                "required": where == "path" or name in required,
                "schema": {key: value for key, value in prop.items() if key != "title"},
            }
            if "description" in prop:
                parameter["description"] = prop["description"]
            parameters.append(parameter)
        return parameters


def _operation(handler_name: str, operation: Operation, schemas: _Schemas) -> dict[str, Any]:
    result: dict[str, Any] = {"operationId": handler_name, "summary": operation.summary}
    if operation.description:
        result["description"] = operation.description
    if operation.tags:
        result["tags"] = list(operation.tags)
    parameters = []
    if operation.path is not None:
        parameters += schemas.parameters(operation.path, "path")
    if operation.query is not None:
        parameters += schemas.parameters(operation.query, "query")
    if parameters:
        result["parameters"] = parameters
    if operation.request is not None:
        result["requestBody"] = {
            "required": True,
            "content": {
                "application/json": {"schema": schemas.ref(operation.request, "validation")}
            },
        }
    body: dict[str, Any] = {}
    if operation.response is not None:
        body = {operation.response_media_type: {"schema": schemas.ref(operation.response)}}
    elif operation.response_status not in {101, 204}:
        body = {
            media_type: {"schema": {"type": "object" if media_type == _JSON else "string"}}
            for media_type in (operation.response_media_type, *operation.other_media_types)
        }
    success: dict[str, Any] = {"description": operation.summary}
    if body:
        success["content"] = body
    responses: dict[str, Any] = {str(operation.response_status): success}
    errors = set(operation.errors) | ({401} if operation.auth else set())
    if errors:
        error_schema = schemas.ref(ErrorResponse)
        for status in sorted(errors):
            responses[str(status)] = {
                "description": HTTPStatus(status).phrase,
                "content": {"application/json": {"schema": error_schema}},
            }
    result["responses"] = responses
    if operation.auth:
        result["security"] = [{_SECURITY_SCHEME: []}]
    return result


def build_openapi(
    app: web.Application, *, title: str, version: str, server: str
) -> dict[str, Any]:
    """The OpenAPI 3.1 document of every described route of `app`."""
    schemas = _Schemas()
    paths: dict[str, dict[str, Any]] = {}
    for route in app.router.routes():
        operation = operation_of(route.handler)
        if operation is None or route.method == "HEAD" or route.resource is None:
            continue
        name = getattr(route.handler, "__name__", route.method.lower())
        paths.setdefault(route.resource.canonical, {})[route.method.lower()] = _operation(
            name, operation, schemas
        )
    return {
        "openapi": "3.1.0",
        "info": {"title": title, "version": version},
        "servers": [{"url": server}],
        "paths": dict(sorted(paths.items())),
        "components": {
            "schemas": dict(sorted(schemas.components.items())),
            "securitySchemes": {
                _SECURITY_SCHEME: {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            },
        },
    }


class _Document:
    """The document, built on first request (every route is known by then) and kept."""

    def __init__(self) -> None:
        self.body: bytes = b""


_DOCUMENT = web.AppKey("openapi_document", _Document)
routes = web.RouteTableDef()


@routes.get("/api/openapi.json")
@describe("This OpenAPI document", tags=("meta",))
async def openapi_document(request: web.Request) -> web.Response:
    """Serve the OpenAPI document of this application."""
    document = request.app[_DOCUMENT]
    if not document.body:
        settings = request.app[WEB_SETTINGS]
        document.body = orjson.dumps(
            build_openapi(
                request.app,
                title="StarsCalendars API",
                version=_version(),
                server=str(settings.public_url).rstrip("/"),
            )
        )
    return web.Response(body=document.body, content_type="application/json")


def _version() -> str:
    try:
        return metadata.version("starscalendars")
    except metadata.PackageNotFoundError:
        return "0"


def setup_openapi(app: web.Application) -> None:
    """Serve /api/openapi.json on `app`."""
    app[_DOCUMENT] = _Document()
    app.add_routes(routes)
