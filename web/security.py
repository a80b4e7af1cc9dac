"""Security at the edge: headers, CORS allow-list, body size limits and rate limits."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial

from aiohttp import hdrs, web

from core.config import WebSettings
from web.auth.errors import RateLimitedError
from web.auth.throttle import FailureThrottle, TokenBuckets
from web.errors import error_response
from web.keys import WEB_SETTINGS
from web.protocol_errors import cover_protocol_errors

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

AUTH_PREFIX = "/api/auth/"
# Telegram's web clients embed the Mini App in a frame; nobody else may.
TELEGRAM_FRAME_ANCESTORS = (
    "https://web.telegram.org",
    "https://webk.telegram.org",
    "https://webz.telegram.org",
)
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        # The Login Widget and the Mini App SDK are scripts served by telegram.org.
        "script-src 'self' https://telegram.org",
        "frame-src https://oauth.telegram.org",
        "img-src 'self' data: https://t.me https://*.telegram.org",
        "style-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        f"frame-ancestors 'self' {' '.join(TELEGRAM_FRAME_ANCESTORS)}",
    )
)
CORS_METHODS = "GET, POST, PATCH, DELETE, OPTIONS"
CORS_HEADERS = "Authorization, Content-Type, Accept-Language"
HSTS = "max-age=31536000; includeSubDomains"
SERVER_NAME = "StarsCalendars"
# The first delay once an email's failures from all addresses pass their free count; it doubles.
EMAIL_DELAY_BASE_SECONDS = 0.25


@dataclass(frozen=True, slots=True)
class Limits:
    """The process's rate limiters."""

    per_ip: TokenBuckets
    auth_per_ip: TokenBuckets
    per_user: TokenBuckets
    # Keyed by email and client IP: a guesser elsewhere cannot lock the owner out.
    login_failures: FailureThrottle
    # Keyed by email alone: failures from every address slow its sign-ins, never refuse them.
    email_failures: FailureThrottle

    @classmethod
    def from_settings(cls, settings: WebSettings) -> "Limits":
        """Limiters sized by WEB_RATE_* settings."""
        return cls(
            per_ip=TokenBuckets(settings.rate_ip_per_minute),
            auth_per_ip=TokenBuckets(settings.rate_auth_per_minute),
            per_user=TokenBuckets(settings.rate_user_per_minute),
            login_failures=FailureThrottle(
                free=settings.login_free_failures, cap_seconds=settings.login_lockout_max_seconds
            ),
            email_failures=FailureThrottle(
                free=settings.login_email_free_failures,
                base_seconds=EMAIL_DELAY_BASE_SECONDS,
                cap_seconds=settings.login_email_delay_max_seconds,
            ),
        )


LIMITS = web.AppKey("limits", Limits)


def client_ip(request: web.Request) -> str:
    """The client's address; behind a trusted proxy, the last hop it recorded."""
    if request.app[WEB_SETTINGS].trust_proxy:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.remote or "unknown"


def check_rate(buckets: TokenBuckets, key: str) -> None:
    """Spend one request of `key`, or raise RateLimitedError with the wait."""
    wait = buckets.take(key)
    if wait > 0:
        raise RateLimitedError(wait)


def _allowed_origin(request: web.Request) -> str | None:
    origin = request.headers.get(hdrs.ORIGIN)
    if origin and origin in request.app[WEB_SETTINGS].cors_origins:
        return origin
    return None


def limited_response(request: web.Request, exc: RateLimitedError) -> web.Response:
    """The 429 of a rate limit, with its Retry-After."""
    return error_response(
        request,
        exc.status,
        exc.code,
        headers={hdrs.RETRY_AFTER: str(exc.retry_after)},
        **exc.data,
    )


def _preflight(request: web.Request) -> web.Response:
    origin = _allowed_origin(request)
    if origin is None:
        return error_response(request, 403, "forbidden")
    return web.Response(
        status=204,
        headers={
            hdrs.ACCESS_CONTROL_ALLOW_METHODS: CORS_METHODS,
            hdrs.ACCESS_CONTROL_ALLOW_HEADERS: CORS_HEADERS,
            hdrs.ACCESS_CONTROL_MAX_AGE: "600",
        },
    )


def _is_websocket_upgrade(request: web.Request) -> bool:
    return (
        request.method == hdrs.METH_GET
        and request.headers.get(hdrs.UPGRADE, "").lower() == "websocket"
        and not request.path.startswith("/api/")
    )


@web.middleware
def security_middleware(request: web.Request, handler: Handler) -> Awaitable[web.StreamResponse]:
    """CORS preflights, early body-size refusal and per-IP limits before any handler runs."""
    # An upgrade has no body, no preflight and no /api/ limit; handing its handler on unawaited
    # keeps no frame of ours alive for the hours the socket lasts.
    if _is_websocket_upgrade(request):
        return handler(request)
    return _secured(request, handler)


async def _secured(request: web.Request, handler: Handler) -> web.StreamResponse:
    if (
        request.method == hdrs.METH_OPTIONS
        and hdrs.ACCESS_CONTROL_REQUEST_METHOD in request.headers
    ):
        return _preflight(request)
    is_auth = request.path.startswith(AUTH_PREFIX)
    # Refused from the declared length, before a byte of the body is read.
    limit = request.app[WEB_SETTINGS].max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        return error_response(request, 413, "body_too_large")
    try:
        if request.path.startswith("/api/"):
            limits = request.app[LIMITS]
            ip = client_ip(request)
            check_rate(limits.per_ip, ip)
            if is_auth and request.method == hdrs.METH_POST:
                check_rate(limits.auth_per_ip, ip)
        return await handler(request)
    except RateLimitedError as exc:
        return limited_response(request, exc)


def _document_headers(settings: WebSettings, response: web.StreamResponse) -> None:
    """What every response carries, aiohttp's own error answers included."""
    headers = response.headers
    # No product versions for scanners to match against known flaws.
    headers[hdrs.SERVER] = SERVER_NAME
    # A 101 switches to WebSocket frames: no document for these headers to govern, and each
    # one would stay in memory as long as the socket.
    if response.status == 101:
        return
    headers.setdefault("X-Content-Type-Options", "nosniff")
    # Feed URLs carry their secret in the query; no page may leak it through Referer.
    headers.setdefault("Referrer-Policy", "no-referrer")
    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    if settings.public_url.scheme == "https":
        headers.setdefault("Strict-Transport-Security", HSTS)


async def _add_headers(request: web.Request, response: web.StreamResponse) -> None:
    _document_headers(request.app[WEB_SETTINGS], response)
    if response.status == 101:
        return
    headers = response.headers
    if request.path.startswith(AUTH_PREFIX):
        headers[hdrs.CACHE_CONTROL] = "no-store"
    origin = _allowed_origin(request)
    if origin is not None:
        headers[hdrs.ACCESS_CONTROL_ALLOW_ORIGIN] = origin
        headers[hdrs.ACCESS_CONTROL_EXPOSE_HEADERS] = hdrs.RETRY_AFTER
        headers.add(hdrs.VARY, hdrs.ORIGIN)


def setup_security(app: web.Application) -> None:
    """Install the limiters and the headers every response gets (errors included)."""
    settings = app[WEB_SETTINGS]
    app[LIMITS] = Limits.from_settings(settings)
    app.on_response_prepare.append(_add_headers)
    cover_protocol_errors(app, partial(_document_headers, settings))
