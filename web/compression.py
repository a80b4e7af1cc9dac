"""Gzip for the API's GET answers (events, texts, profile, OpenAPI) when the client accepts it."""

from collections.abc import Awaitable, Callable

from aiohttp import hdrs, web
from aiohttp.web import ContentCoding

from web.ws.protocol import is_live_socket

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Below this a compressed answer saves less than the headers and the CPU cost.
MIN_BYTES = 1024
_TEXT_TYPES = frozenset({"application/json", "image/svg+xml"})


def accepts_gzip(request: web.Request) -> bool:
    """Whether the client said it reads gzip (q=0 excluded)."""
    for part in request.headers.get(hdrs.ACCEPT_ENCODING, "").lower().split(","):
        coding, _, params = part.strip().partition(";")
        if coding.strip() in {"gzip", "*"}:
            quality = params.strip().removeprefix("q=")
            return not params or quality.strip() not in {"0", "0.0", "0.00", "0.000"}
    return False


def _is_text(content_type: str) -> bool:
    # Pictures (PNG, WebP) are compressed already; gzip would only spend CPU on them.
    return content_type.startswith("text/") or content_type in _TEXT_TYPES


def _compressible(response: web.StreamResponse) -> bool:
    # Only GET answers: those of POST and PATCH carry secrets (tokens, feed and link URLs) next
    # to what the caller sent, the mix a compression side channel (BREACH) reads sizes from.
    return (
        type(response) is web.Response
        and _is_text(response.content_type)
        and response.status == 200
        and hdrs.CONTENT_ENCODING not in response.headers
        and response.body is not None
        and isinstance(response.body, bytes)
        and len(response.body) >= MIN_BYTES
    )


@web.middleware
def compression_middleware(
    request: web.Request, handler: Handler
) -> Awaitable[web.StreamResponse]:
    """Compress a large GET answer with gzip; static files come compressed already."""
    # Only GET answers are candidates; /ws's handler lasts as long as its socket, and handing it
    # on unawaited keeps no frame of ours alive for that time.
    if request.method != hdrs.METH_GET or is_live_socket(request):
        return handler(request)
    return _compressed(request, handler)


async def _compressed(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await handler(request)
    if _compressible(response):
        vary = response.headers.get(hdrs.VARY)
        response.headers[hdrs.VARY] = (
            f"{vary}, {hdrs.ACCEPT_ENCODING}" if vary else hdrs.ACCEPT_ENCODING
        )
        if accepts_gzip(request):
            response.enable_compression(ContentCoding.gzip)
    return response
