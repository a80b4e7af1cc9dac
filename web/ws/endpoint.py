"""GET /ws: authenticate with the first message, then hear pushes until the token runs out."""

import asyncio
from typing import Any

from aiohttp import WSMsgType, web
from pydantic import ValidationError

from astro.zones import hemisphere
from core.errors import TokenError, TokenExpiredError
from web.auth.errors import RateLimitedError
from web.auth.jwt import ACCESS_TOKENS, AuthUser
from web.errors import http_error_response
from web.keys import WEB_SETTINGS
from web.metrics import METRICS, count_request
from web.openapi import describe
from web.security import client_ip, limited_response
from web.ws.active import ACTIVE_ACCOUNTS
from web.ws.connection import Connection
from web.ws.hub import HUB
from web.ws.limits import SOCKET_LIMITS
from web.ws.protocol import (
    MAX_CLIENT_MESSAGE_BYTES,
    WS_PATH,
    AuthMessage,
    CloseCode,
    close_reason,
)
from web.ws.upgrade import release_http_state, share_writer_state

routes = web.RouteTableDef()
_ENDED = frozenset({WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED, WSMsgType.ERROR})


class _RejectError(Exception):
    """The client's message ends the connection with `code`."""

    def __init__(self, code: CloseCode) -> None:
        super().__init__(code.name)
        self.code = code


@routes.get(WS_PATH)
@describe(
    "Live pushes over WebSocket",
    tags=("live",),
    response_status=101,
    errors=(400, 429),
    description=(
        'Send {"type": "auth", "token": "<access token>"} first (within a few seconds); then '
        'receive {"type", "id", "data"} messages: auth.ok, auth.refresh (answer with a new '
        "auth message), event.upcoming, profile.updated, reminder. Close codes: 1001 server "
        "shutdown, 4400 bad_message, 4401 token_invalid, 4403 account_deactivated, "
        "4408 auth_timeout, 4419 token_expired, 4429 too_many_connections (a newer socket of "
        "the same user took this one's place)."
    ),
)
async def websocket(request: web.Request) -> web.StreamResponse:
    """Upgrade, authenticate, register with the hub and stay until either side ends it."""
    limits = request.app[SOCKET_LIMITS]
    ip = client_ip(request)
    try:
        limits.admit(ip)
    except RateLimitedError as exc:
        count_request(request, exc.status)
        return limited_response(request, exc)
    try:
        return await _serve(request)
    finally:
        limits.release(ip)


async def _serve(request: web.Request) -> web.WebSocketResponse | web.Response:
    settings = request.app[WEB_SETTINGS]
    # permessage-deflate stays off: its per-connection compressor state dwarfs the socket's own
    # memory and it compresses every frame again per socket, defeating the encode-once broadcast.
    ws = web.WebSocketResponse(
        heartbeat=settings.ws_heartbeat_seconds,
        compress=False,
        max_msg_size=MAX_CLIENT_MESSAGE_BYTES,
    )
    try:
        await ws.prepare(request)
    except web.HTTPException as exc:
        count_request(request, exc.status)
        return http_error_response(request, exc)
    count_request(request, ws.status)
    release_http_state(request)
    share_writer_state(ws)
    transport = request.transport
    try:
        with request.app[METRICS].ws_unauthenticated.track_inprogress():
            user = await _first_token(ws, request, settings.ws_auth_timeout_seconds)
            if user is not None:
                await _check_active(request, user)
    except _RejectError as rejected:
        await _close(ws, rejected.code)
        return ws
    if user is None or transport is None:
        return ws
    hub = request.app[HUB]
    connection = Connection(
        ws,
        transport,
        token=user,
        language=user.language,
        hemisphere=hemisphere(user.latitude, user.timezone),
        limit=settings.ws_send_buffer_bytes,
    )
    hub.add(connection)
    # Renewals are read in this frame, without a timeout: the hub's one timer sends the
    # refresh requests and closes expired connections (one timer instead of one per socket).
    try:
        hub.renew(connection, user)
        del user
        while True:
            message = await ws.receive()
            if message.type in _ENDED:
                break
            renewed = _verify(request, message.type, message.data)
            del message  # the token text is not kept while the socket idles
            if renewed.user_id != connection.user_id:
                raise _RejectError(CloseCode.TOKEN_INVALID)
            await _check_active(request, renewed)
            hub.renew(connection, renewed)
    except _RejectError as rejected:
        await _close(ws, rejected.code)
    finally:
        hub.remove(connection)
    return ws


async def _first_token(
    ws: web.WebSocketResponse, request: web.Request, wait_seconds: float
) -> AuthUser | None:
    """The user of the first message's token; None when the client left before sending one."""
    # One deadline for the whole phase: aiohttp answers pings inside receive(), and a
    # receive(timeout=...) would start again after each one.
    try:
        async with asyncio.timeout(wait_seconds):
            message = await ws.receive()
    except TimeoutError:
        raise _RejectError(CloseCode.AUTH_TIMEOUT) from None
    if message.type in _ENDED:
        return None
    return _verify(request, message.type, message.data)


async def _check_active(request: web.Request, user: AuthUser) -> None:
    """Refuse a token whose account has been deactivated (4403) or deleted (4401) since."""
    active = await request.app[ACTIVE_ACCOUNTS].is_active(user.user_id)
    if active is None:
        raise _RejectError(CloseCode.TOKEN_INVALID)
    if not active:
        raise _RejectError(CloseCode.ACCOUNT_DEACTIVATED)


def _verify(request: web.Request, kind: WSMsgType, data: Any) -> AuthUser:
    """Check an auth message and its token, or name the close code that rejects it."""
    if kind is not WSMsgType.TEXT:
        raise _RejectError(CloseCode.BAD_MESSAGE)
    try:
        token = AuthMessage.model_validate_json(data).token
    except ValidationError:
        raise _RejectError(CloseCode.BAD_MESSAGE) from None
    try:
        return request.app[ACCESS_TOKENS].verify(token)
    except TokenExpiredError:
        raise _RejectError(CloseCode.TOKEN_EXPIRED) from None
    except TokenError:
        raise _RejectError(CloseCode.TOKEN_INVALID) from None


async def _close(ws: web.WebSocketResponse, code: CloseCode) -> None:
    await ws.close(code=code, message=close_reason(code))
