"""The upgrade response of /ws: no document headers, and the API keeps every security header."""

import pytest

from tests.web.conftest import Client, MakeClient

pytestmark = pytest.mark.postgres

DOCUMENT_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")
HANDSHAKE = {
    "Upgrade": "websocket",
    "Connection": "Upgrade",
    "Sec-WebSocket-Version": "13",
    "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
}


async def test_upgrade_response_carries_no_document_headers(client: Client) -> None:
    async with client.get("/ws", headers=HANDSHAKE) as response:
        assert response.status == 101
        assert response.headers["Sec-WebSocket-Accept"] == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        assert not [name for name in DOCUMENT_HEADERS if name in response.headers]


async def test_other_responses_keep_the_security_headers(client: Client) -> None:
    for path in ("/health", "/ws"):  # a plain GET of /ws is a JSON 400, not an upgrade
        response = await client.get(path)
        assert all(name in response.headers for name in DOCUMENT_HEADERS), path


async def test_upgrade_header_does_not_bypass_api_limits(make_client: MakeClient) -> None:
    # Only non-API paths are handed on unchecked: /api/ still counts against the per-IP limit.
    client = await make_client(web={"rate_ip_per_minute": 2})
    statuses = [
        (await client.get("/api/me", headers={"Upgrade": "websocket"})).status for _ in range(3)
    ]
    assert statuses == [401, 401, 429]
