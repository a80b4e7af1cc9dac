"""Letting go of per-connection state aiohttp keeps for a socket that has become a WebSocket.

These are private aiohttp (<4) attributes: unless each is there in the expected state, nothing
is touched, and tests/web/test_ws_release.py fails when aiohttp changes them. What they save per
connection is in the README's benchmark table (`bench.web_ws_bench` against its
`--keep-aiohttp-state`; `--tracemalloc` names the owners).
"""

from collections import deque
from functools import partial
from typing import Any

from aiohttp import web

# Always empty (maxlen 0 discards appends), so one serves every upgraded connection.
_NOTHING_QUEUED: deque[Any] = deque(maxlen=0)
# Every writer wraps the same default Random in a partial of its own (and a server never masks):
# the first writer's partial serves them all.
_RANDOM_BITS: list[partial[int]] = []
# It only holds compressed sends' tasks until they finish: a set shared by writers does the same.
_SENDS_IN_FLIGHT: set[Any] = set()


def release_http_state(request: web.Request) -> bool:
    """Drop the HTTP parser and request queue of an accepted upgrade; False if none were dropped.

    aiohttp keeps both for the socket's life although an accepted upgrade never parses HTTP
    again.
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


def share_writer_state(ws: web.WebSocketResponse) -> bool:
    """Give a prepared socket's frame writer the shared helpers above; False if it has none.

    Each writer otherwise builds its own random-bits function and task set.
    """
    writer = ws._writer
    bits = getattr(writer, "get_random_bits", None)
    if not (
        writer is not None
        and isinstance(bits, partial)
        and type(getattr(writer, "_background_tasks", None)) is set
        and not writer._background_tasks
    ):
        return False
    if not _RANDOM_BITS:
        _RANDOM_BITS.append(bits)
    writer.get_random_bits = _RANDOM_BITS[0]
    writer._background_tasks = _SENDS_IN_FLIGHT
    return True
