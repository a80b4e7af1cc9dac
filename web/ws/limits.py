"""What one client address may hold of the hub: open sockets and handshakes per minute."""

from aiohttp import web

from core.config import WebSettings
from web.auth.errors import RateLimitedError
from web.auth.throttle import TokenBuckets

# A refused address is told to wait this long before opening another socket.
FULL_RETRY_SECONDS = 5


class SocketLimits:
    """Per-IP caps checked before an upgrade; each admitted socket is released when it ends."""

    def __init__(self, *, max_per_ip: int, handshakes_per_minute: int) -> None:
        self._max_per_ip = max_per_ip
        self._handshakes = TokenBuckets(handshakes_per_minute)
        self._open: dict[str, int] = {}

    @classmethod
    def from_settings(cls, settings: WebSettings) -> "SocketLimits":
        """Limits of WEB_WS_MAX_PER_IP and WEB_WS_HANDSHAKES_PER_MINUTE."""
        return cls(
            max_per_ip=settings.ws_max_per_ip,
            handshakes_per_minute=settings.ws_handshakes_per_minute,
        )

    def admit(self, ip: str) -> None:
        """Count one more socket of `ip`, or raise RateLimitedError with the wait."""
        wait = self._handshakes.take(ip)
        if wait > 0:
            raise RateLimitedError(wait)
        held = self._open.get(ip, 0)
        if held >= self._max_per_ip:
            raise RateLimitedError(FULL_RETRY_SECONDS)
        self._open[ip] = held + 1

    def release(self, ip: str) -> None:
        """One socket of `ip` has ended."""
        held = self._open.pop(ip, 0) - 1
        if held > 0:
            self._open[ip] = held


SOCKET_LIMITS = web.AppKey("ws_socket_limits", SocketLimits)
