"""Letting go of the HTTP state aiohttp keeps for a connection that has become a WebSocket."""

from collections import deque
from typing import Any

from aiohttp import web

# Always empty (maxlen 0 discards appends), so one serves every upgraded connection.
_NOTHING_QUEUED: deque[Any] = deque(maxlen=0)


def release_http_state(request: web.Request) -> bool:
    """Drop the HTTP parser and request queue of an accepted upgrade; False if none were dropped.

    aiohttp (<4) keeps both for the socket's life although an accepted upgrade never parses
    HTTP again (~1.5 KB per connection, bench.web_ws_bench --tracemalloc). They are private:
    unless every attribute is there in the expected state, nothing is touched, and
    tests/web/test_ws_upgrade.py fails when aiohttp changes them.
    """
    protocol = request.protocol
    if not (
        getattr(protocol, "_upgraded", None) is True
        and getattr(protocol, "_payload_parser", None) is not None
        and getattr(protocol, "_parser", None) is not None
        and type(getattr(protocol, "_messages", None)) is deque
        and not protocol._messages
    ):
        return False
    protocol._parser = None
    protocol._messages = _NOTHING_QUEUED
    return True
