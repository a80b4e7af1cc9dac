"""The WebSocket protocol's messages and close codes (4xxx codes are ours, per RFC 6455)."""

from enum import IntEnum
from typing import Literal

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field

WS_PATH = "/ws"
# An access token is a few hundred bytes; a client has nothing larger to say.
MAX_CLIENT_MESSAGE_BYTES = 8192


class CloseCode(IntEnum):
    """Why the server closed a connection; the close reason carries the same name in snake_case."""

    GOING_AWAY = 1001
    BAD_MESSAGE = 4400
    TOKEN_INVALID = 4401
    ACCOUNT_DEACTIVATED = 4403
    AUTH_TIMEOUT = 4408
    TOKEN_EXPIRED = 4419
    # The user opened more sockets than WEB_WS_MAX_PER_USER: the oldest makes room.
    TOO_MANY_CONNECTIONS = 4429


def is_live_socket(request: web.Request) -> bool:
    """Whether `request` reached the /ws handler, which lasts as long as its connection."""
    info = request.match_info
    resource = info.route.resource if info.http_exception is None else None
    return resource is not None and resource.canonical == WS_PATH


def close_reason(code: CloseCode) -> bytes:
    """The stable reason text sent with a close code ("auth_timeout")."""
    return code.name.lower().encode()


class AuthMessage(BaseModel):
    """The client's first message and each renewal: {"type": "auth", "token": "..."}."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: Literal["auth"]
    token: str = Field(min_length=1, max_length=4096)
