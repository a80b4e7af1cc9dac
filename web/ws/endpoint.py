"""GET /ws: authenticate with the first message, then hear pushes until the token runs out."""

import time
from typing import Any

import orjson
from aiohttp import WSMsgType, web
from pydantic import ValidationError

from core.errors import TokenError, TokenExpiredError
from web.auth.jwt import ACCESS_TOKENS, AuthUser
from web.errors import http_error_response
from web.keys import RUNTIME
from web.metrics import count_request
from web.openapi import describe
from web.ws.connection import Connection, hemisphere_of
from web.ws.frames import text_frame
from web.ws.hub import HUB
from web.ws.protocol import (
    MAX_CLIENT_MESSAGE_BYTES,
    WS_PATH,
    AuthMessage,
    CloseCode,
    close_reason,
)
from web.ws.upgrade import release_http_state, share_writer_state

routes = web.RouteTableDef()
# The refresh request goes out this long before expiry (or halfway, for shorter tokens).
REFRESH_LEAD_SECONDS = 60.0
_MIN_WAIT = 0.001
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
    errors=(400,),
    description=(
        'Send {"type": "auth", "token": "<access token>"} first (within a few seconds); then '
        'receive {"type", "id", "data"} messages: auth.ok, auth.refresh (answer with a new '
        "auth message), event.upcoming, profile.updated, reminder. Close codes: 1001 server "
        "shutdown, 4400 bad_message, 4401 token_invalid, 4408 auth_timeout, 4419 token_expired."
    ),
)
async def websocket(request: web.Request) -> web.StreamResponse:
    """Upgrade, authenticate, register with the hub and stay until either side ends it."""
    settings = request.app[RUNTIME].settings.web
    # permessage-deflate stays off: it costs ~95 KB per connection and halves broadcast speed.
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
        user = await _first_token(ws, request, settings.ws_auth_timeout_seconds)
    except _RejectError as rejected:
        await _close(ws, rejected.code)
        return ws
    if user is None or transport is None:
        return ws
    hub = request.app[HUB]
    connection = Connection(
        ws,
        transport,
        user_id=user.user_id,
        language=user.language,
        hemisphere=hemisphere_of(user.latitude),
        limit=settings.ws_send_buffer_bytes,
    )
    hub.add(connection)
    # The renewal loop runs in this frame rather than a coroutine of its own: one frame fewer
    # for the life of every socket (~0.3 KB each).
    try:
        while True:
            connection.push(
                _control("auth.ok", user.jti, user_id=user.user_id, expires_at=user.expires_at)
            )
            expires = user.expires_at.timestamp()
            try:
                message = await ws.receive(timeout=_wait_until(_refresh_time(expires)))
            except TimeoutError:
                connection.push(
                    _control("auth.refresh", f"refresh-{user.jti}", expires_at=user.expires_at)
                )
                try:
                    message = await ws.receive(timeout=_wait_until(expires))
                except TimeoutError:
                    raise _RejectError(CloseCode.TOKEN_EXPIRED) from None
            if message.type in _ENDED:
                break
            renewed = _verify(request, message.type, message.data)
            del message  # the token text is not kept while the socket idles
            if renewed.user_id != user.user_id:
                raise _RejectError(CloseCode.TOKEN_INVALID)
            user = renewed
    except _RejectError as rejected:
        await _close(ws, rejected.code)
    finally:
        hub.remove(connection)
    return ws


async def _first_token(
    ws: web.WebSocketResponse, request: web.Request, wait_seconds: float
) -> AuthUser | None:
    """The user of the first message's token; None when the client left before sending one."""
    try:
        message = await ws.receive(timeout=wait_seconds)
    except TimeoutError:
        raise _RejectError(CloseCode.AUTH_TIMEOUT) from None
    if message.type in _ENDED:
        return None
    return _verify(request, message.type, message.data)


def _wait_until(moment: float) -> float:
    # aiohttp reads a zero receive timeout as "no timeout", hence the floor.
    return max(moment - time.time(), _MIN_WAIT)


def _refresh_time(expires: float) -> float:
    """When to ask for a new token: a minute before expiry, or halfway for short-lived ones."""
    remaining = expires - time.time()
    return expires - min(REFRESH_LEAD_SECONDS, remaining / 2)


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


def _control(message_type: str, message_id: str, **data: Any) -> bytes:
    """A server message about the connection itself, as a ready frame."""
    return text_frame(orjson.dumps({"type": message_type, "id": message_id, "data": data}))


async def _close(ws: web.WebSocketResponse, code: CloseCode) -> None:
    await ws.close(code=code, message=close_reason(code))
