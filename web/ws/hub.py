"""The registry of live connections and the routing of bus messages to them."""

import asyncio
import time
import uuid
from collections.abc import Iterable
from typing import Any

import structlog
from aiohttp import web

from core.i18n import I18n
from core.push import (
    ACCOUNT_DEACTIVATED,
    Everyone,
    InvalidPushError,
    PushAudience,
    PushEnvelope,
    ToLanguage,
    ToUser,
)
from web.auth.jwt import AuthUser
from web.metrics import Metrics
from web.ws.connection import Connection, Push
from web.ws.deadlines import Deadlines
from web.ws.frames import message_frame
from web.ws.protocol import CloseCode, close_reason
from web.ws.render import localize, needs_localizing

log = structlog.get_logger(__name__)
Group = tuple[str, str]
# Seconds each socket gets to answer the server's close frame on shutdown.
CLOSE_TIMEOUT = 5.0
# The refresh request goes out this long before expiry (or halfway, for shorter tokens).
REFRESH_LEAD_SECONDS = 60.0


class Hub:
    """Every authenticated connection of this process, indexed by user and by group."""

    def __init__(self, i18n: I18n, metrics: Metrics, *, max_per_user: int) -> None:
        self._i18n = i18n
        self._metrics = metrics
        self._max_per_user = max_per_user
        self._groups: dict[Group, set[Connection]] = {}
        # A list, not a set: a user has one or two sockets, and an empty set alone is 216 bytes.
        self._users: dict[uuid.UUID, list[Connection]] = {}
        self._inbox: asyncio.Queue[bytes] | None = None
        self._deadlines = Deadlines(self._token_due)
        self._closing: set[asyncio.Task[bool]] = set()

    def __len__(self) -> int:
        return sum(len(members) for members in self._groups.values())

    def add(self, connection: Connection) -> None:
        """Start delivering pushes to `connection`; past the user's cap their oldest one closes."""
        owned = self._users.get(connection.user_id, ())
        for oldest in list(owned)[: max(0, len(owned) - self._max_per_user + 1)]:
            self.remove(oldest)
            self._close_later(oldest, CloseCode.TOO_MANY_CONNECTIONS)
        self._join(connection)

    def _join(self, connection: Connection) -> None:
        self._groups.setdefault(connection.group, set()).add(connection)
        self._users.setdefault(connection.user_id, []).append(connection)
        self._metrics.ws_connections.inc()

    def remove(self, connection: Connection) -> None:
        """Stop delivering to `connection`; removing it twice is harmless."""
        members = self._groups.get(connection.group)
        if members is None or connection not in members:
            return
        members.discard(connection)
        if not members:
            del self._groups[connection.group]
        self._deadlines.clear(connection)
        owned = self._users[connection.user_id]
        owned.remove(connection)
        if not owned:
            del self._users[connection.user_id]
        self._metrics.ws_connections.dec()

    def renew(self, connection: Connection, token: AuthUser) -> None:
        """Acknowledge `token` and ask for the next one shortly before it expires."""
        connection.token = token
        connection.push(
            message_frame(
                "auth.ok",
                token.jti,
                {"user_id": token.user_id, "expires_at": token.expires_at},
            )
        )
        expires = token.expires_at.timestamp()
        remaining = expires - time.time()
        self._deadlines.set(connection, expires - min(REFRESH_LEAD_SECONDS, remaining / 2))

    def _token_due(self, connection: Connection) -> None:
        """At the refresh moment ask for a new token; at expiry close the connection."""
        token = connection.token
        expires = token.expires_at.timestamp()
        if time.time() < expires:
            connection.push(
                message_frame(
                    "auth.refresh", f"refresh-{token.jti}", {"expires_at": token.expires_at}
                )
            )
            self._deadlines.set(connection, expires)
            return
        self._close_later(connection, CloseCode.TOKEN_EXPIRED)

    def close_user(self, user_id: uuid.UUID, code: CloseCode) -> int:
        """Close every socket of `user_id` with `code`; returns how many there were."""
        owned = list(self._users.get(user_id, ()))
        for connection in owned:
            self.remove(connection)
            self._close_later(connection, code)
        return len(owned)

    def _close_later(self, connection: Connection, code: CloseCode) -> None:
        """Send the close frame without waiting here; the socket's handler then removes it."""
        task = asyncio.create_task(connection.ws.close(code=code, message=close_reason(code)))
        self._closing.add(task)
        task.add_done_callback(self._closing.discard)

    async def run(self, inbox: asyncio.Queue[bytes]) -> None:
        """Deliver the bus's messages from `inbox` until cancelled."""
        self._inbox = inbox
        while True:
            raw = await inbox.get()
            try:
                self.dispatch(raw)
            except Exception:  # one bad message must not stop every later push
                log.exception("push failed", size=len(raw))

    def flush(self) -> None:
        """Deliver what the bus has already handed over and is still waiting in the inbox."""
        while self._inbox is not None and not self._inbox.empty():
            self.dispatch(self._inbox.get_nowait())

    def dispatch(self, raw: bytes) -> int:
        """Route one bus message to its audience; returns how many sockets it was written to."""
        try:
            push = PushEnvelope.decode(raw)
        except InvalidPushError as exc:
            log.warning("bus message ignored", error=str(exc), size=len(raw))
            return 0
        if push.type == ACCOUNT_DEACTIVATED and isinstance(push.audience, ToUser):
            self.close_user(push.audience.user_id, CloseCode.ACCOUNT_DEACTIVATED)
            return 0
        targets = self._audience(push.audience)
        if push.type == "profile.updated" and isinstance(push.audience, ToUser):
            self._regroup([conn for _, members in targets for conn in members], push.data)
        return self._deliver(targets, push.type, push.id, push.data)

    def _audience(self, audience: PushAudience) -> list[tuple[Group, list[Connection]]]:
        """The connections an audience names, by group (a snapshot: delivery may remove some)."""
        match audience:
            case Everyone():
                return [(group, list(members)) for group, members in self._groups.items()]
            case ToUser(user_id):
                owned: dict[Group, list[Connection]] = {}
                for conn in self._users.get(user_id, ()):
                    owned.setdefault(conn.group, []).append(conn)
                return list(owned.items())
            case ToLanguage(language):
                return [
                    (group, list(members))
                    for group, members in self._groups.items()
                    if group[0] == language
                ]

    def _regroup(self, connections: Iterable[Connection], profile: dict[str, Any]) -> None:
        """Move a user's connections to the group their changed profile now belongs to."""
        for conn in connections:
            deadline = conn.deadline
            self.remove(conn)
            if isinstance(profile.get("language"), str):
                conn.language = profile["language"]
            if profile.get("hemisphere") in ("north", "south"):
                conn.hemisphere = profile["hemisphere"]
            self._join(conn)
            if deadline is not None:  # the token's refresh and expiry still stand
                self._deadlines.set(conn, deadline)

    def _deliver(
        self,
        targets: list[tuple[Group, list[Connection]]],
        message_type: str,
        message_id: str,
        data: dict[str, Any],
    ) -> int:
        # Group by group: one encoding per group when the text depends on it, else one for all;
        # per socket only the push.
        per_group = needs_localizing(data)
        shared = b"" if per_group else message_frame(message_type, message_id, data)
        sent = dropped = 0
        for group, members in targets:
            frame = shared
            if per_group:
                localized = localize(self._i18n, data, *group)
                frame = message_frame(message_type, message_id, localized)
            for conn in members:
                result = conn.push(frame)
                if result is Push.SENT:
                    sent += 1
                elif result is Push.OVERFLOW:
                    dropped += 1
                    self.remove(conn)
        self._metrics.ws_pushes_sent.inc(sent)
        if dropped:
            self._metrics.ws_pushes_dropped.inc(dropped)
            log.info("slow clients disconnected", count=dropped, type=message_type)
        return sent

    async def close_all(self, code: CloseCode = CloseCode.GOING_AWAY) -> None:
        """Close every connection with `code`, after the pushes already received are written."""
        self.flush()
        sockets = [conn.ws for members in self._groups.values() for conn in members]
        if not sockets:
            return
        log.info("closing websockets", count=len(sockets), code=int(code))
        await asyncio.gather(
            *(
                asyncio.wait_for(ws.close(code=code, message=close_reason(code)), CLOSE_TIMEOUT)
                for ws in sockets
            ),
            return_exceptions=True,
        )


HUB = web.AppKey("ws_hub", Hub)
