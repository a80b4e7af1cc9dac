"""One authenticated socket and the bounded, non-blocking way pushes reach it."""

import asyncio
import uuid
from enum import Enum

from aiohttp import web

from web.auth.jwt import AuthUser


class Push(Enum):
    """What became of one push."""

    SENT = "sent"
    SKIPPED = "skipped"  # the socket is already closing
    OVERFLOW = "overflow"  # the client fell too far behind and was cut


class Connection:
    """A live client: its socket, its token, and the group (language, hemisphere) it hears in."""

    __slots__ = (
        "deadline",
        "hemisphere",
        "language",
        "limit",
        "token",
        "transport",
        "ws",
    )

    def __init__(
        self,
        ws: web.WebSocketResponse,
        transport: asyncio.Transport,
        *,
        token: AuthUser,
        language: str,
        hemisphere: str,
        limit: int,
    ) -> None:
        self.ws = ws
        self.transport = transport
        self.language = language
        self.hemisphere = hemisphere
        self.limit = limit
        self.token = token
        # When the hub next acts on the token (a refresh request, then the close), wall clock.
        self.deadline: float | None = None

    @property
    def user_id(self) -> uuid.UUID:
        """The user, the same for every token the connection renews with."""
        return self.token.user_id

    @property
    def group(self) -> tuple[str, str]:
        """The key pushes are rendered and encoded once for."""
        return self.language, self.hemisphere

    def push(self, frame: bytes) -> Push:
        """Queue a pre-built frame without waiting; a client already `limit` bytes behind is cut.

        The transport's buffer is the bounded send queue (at most `limit` plus one frame):
        writing never awaits the peer, and a peer that stops reading is aborted instead.
        """
        transport = self.transport
        if self.ws.closed or transport.is_closing():
            return Push.SKIPPED
        if transport.get_write_buffer_size() > self.limit:
            transport.abort()
            return Push.OVERFLOW
        transport.write(frame)
        return Push.SENT
