"""Headers aiohttp's own answers carry, the Server header, and the private hook they rely on."""

import asyncio

import pytest
from aiohttp import web

from tests.web.conftest import Client
from web.protocol_errors import cover_protocol_errors

pytestmark = pytest.mark.postgres


async def _raw_exchange(client: Client, request: bytes) -> tuple[int, dict[str, str]]:
    """Send bytes as they are (no client library fixing them up); the status and headers."""
    reader, writer = await asyncio.open_connection(client.host, client.port)
    try:
        writer.write(request)
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
    finally:
        writer.close()
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        if line:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
    return int(status_line.split()[1]), headers


async def test_an_oversized_header_is_refused_with_our_headers(client: Client) -> None:
    request = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 20_000 + b"\r\n\r\n"
    status, headers = await _raw_exchange(client, request)
    assert status == 400
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["server"] == "StarsCalendars"


async def test_the_server_header_names_no_versions(client: Client) -> None:
    for path in ("/health", "/no/such/page"):
        response = await client.get(path)
        assert response.headers["Server"] == "StarsCalendars"
    status, headers = await _raw_exchange(client, b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    assert status == 200
    assert headers["server"] == "StarsCalendars"


def test_aiohttp_still_offers_the_private_hook() -> None:
    # If this fails, aiohttp changed Application._make_request or Request._prepare_hook:
    # web/protocol_errors.py must find another way in.
    app = web.Application()
    assert cover_protocol_errors(app, lambda response: None)
