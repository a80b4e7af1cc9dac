"""One middleware turns every failure into {"error": {"code", "message"}} with the right status."""

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
import structlog
from aiohttp import web
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError

from astro.errors import AstroError
from core.errors import AppError
from core.i18n import Translator, negotiate_web_language
from web.keys import I18N, LANGUAGE
from web.ws.protocol import is_live_socket

log = structlog.get_logger(__name__)
# What a caller refused for want of a database connection is told to wait.
POOL_RETRY_SECONDS = 1
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# aiohttp's own HTTP errors, mapped to our stable codes.
_HTTP_CODES = {
    400: "validation_failed",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    429: "rate_limited",
}


def request_translator(request: web.Request) -> Translator:
    """The translator for this request: profile language (set by auth), ?lang=, Accept-Language."""
    language = negotiate_web_language(
        request.get(LANGUAGE),
        request.query.get("lang"),
        request.headers.get("Accept-Language"),
    )
    return request.app[I18N].get(language)


def error_response(
    request: web.Request,
    status: int,
    code: str,
    headers: dict[str, str] | None = None,
    **args: Any,
) -> web.Response:
    """A JSON error whose message is in the caller's language; never includes request secrets."""
    message = request_translator(request).error(code, **args)
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    extra = {key: value for key, value in args.items() if key in {"channel", "fields", "seconds"}}
    if extra:
        body["error"]["details"] = extra
    return web.Response(
        status=status,
        body=orjson.dumps(body),
        content_type="application/json",
        headers=headers,
    )


def http_error_response(request: web.Request, exc: web.HTTPException) -> web.Response:
    """aiohttp's HTTP error (status 400 or more) as our JSON error with its stable code."""
    fallback = "validation_failed" if exc.status < 500 else "internal_error"
    code = _HTTP_CODES.get(exc.status, fallback)
    headers = {key: value for key, value in exc.headers.items() if key == "Retry-After"}
    return error_response(request, exc.status, code, headers=headers or None)


@web.middleware
def error_middleware(request: web.Request, handler: Handler) -> Awaitable[web.StreamResponse]:
    """Translate domain errors and aiohttp's HTTP errors; log anything unexpected, answer 500."""
    # /ws answers its own handshake errors: a frame of ours here would live as long as the
    # socket (see bench.web_ws_bench's memory per connection), and nothing can be answered once
    # it is upgraded.
    if is_live_socket(request):
        return handler(request)
    return _translated(request, handler)


async def _translated(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except AppError as exc:
        # A refusal that passes with time (429, 503) says how long: `retry_after` seconds.
        wait = getattr(exc, "retry_after", None)
        headers = {"Retry-After": str(wait)} if isinstance(wait, int) else None
        return error_response(request, exc.status, exc.code, headers=headers, **exc.data)
    except SQLAlchemyTimeoutError:
        # Every pooled connection is busy (a reconnect storm, a slow database): a refusal that
        # passes, not a fault of ours.
        log.warning("database pool exhausted", path=request.path)
        return error_response(
            request, 503, "server_busy", headers={"Retry-After": str(POOL_RETRY_SECONDS)}
        )
    except AstroError as exc:  # a question astronomy cannot answer: the input is at fault
        return error_response(request, 422, exc.code, **exc.data)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return http_error_response(request, exc)
    except Exception:
        log.exception("unhandled error", path=request.path, method=request.method)
        return error_response(request, 500, "internal_error")


def json_response(
    data: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    """Serialize with orjson (datetimes, UUIDs, dataclasses) into a JSON response."""
    return web.Response(
        status=status, body=orjson.dumps(data), content_type="application/json", headers=headers
    )
