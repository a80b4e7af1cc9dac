"""/metrics: Prometheus text with request counts by route template and status, and WS figures."""

import asyncio
import uuid

import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.web.conftest import Client, MakeUser
from web.keys import BUS

pytestmark = pytest.mark.postgres


async def _samples(client: Client) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    response = await client.get("/metrics")
    assert response.status == 200
    assert response.content_type == "text/plain"
    text = await response.text()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


async def test_requests_are_counted_by_route_template_and_status(client: Client) -> None:
    for _ in range(2):
        await client.get(f"/api/events/{uuid.uuid4()}")
    await client.get("/health")
    await client.get("/no/such/page/" + uuid.uuid4().hex)
    samples = await _samples(client)
    route_404 = (("method", "GET"), ("route", "/api/events/{id}"), ("status", "404"))
    assert samples[("http_requests_total", route_404)] == 2
    health = (("method", "GET"), ("route", "/health"), ("status", "200"))
    assert samples[("http_requests_total", health)] == 1
    unmatched = (("method", "GET"), ("route", "unmatched"), ("status", "404"))
    assert samples[("http_requests_total", unmatched)] == 1
    count = (("method", "GET"), ("route", "/api/events/{id}"))
    assert samples[("http_request_duration_seconds_count", count)] == 2
    # The process's shared metrics (memory, pool; other roles' under `run`) come along.
    assert samples[("process_resident_memory_bytes", ())] > 0
    assert ("db_pool_in_use", ()) in samples


async def test_websocket_connections_and_pushes_are_counted(
    client: Client, make_user: MakeUser
) -> None:
    sockets = []
    for _ in range(3):
        user = await make_user()
        ws = await client.ws_connect("/ws")
        await ws.send_json({"type": "auth", "token": user.access_token})
        await ws.receive_json(timeout=5)
        sockets.append(ws)
    envelope = {"audience": {"all": True}, "type": "t", "id": "m", "data": {}}
    await client.app[BUS].publish("ws", orjson.dumps(envelope))
    for ws in sockets:
        await ws.receive_json(timeout=5)
    samples = await _samples(client)
    assert samples[("ws_connections", ())] == 3
    assert samples[("ws_pushes_sent_total", ())] == 3
    assert samples[("ws_pushes_dropped_total", ())] == 0


async def test_websocket_connections_are_counted_but_not_timed(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user()
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "auth", "token": user.access_token})
    await ws.receive_json(timeout=5)
    await ws.close()
    upgrade = ("http_requests_total", (("method", "GET"), ("route", "/ws"), ("status", "101")))
    samples = await _samples(client)
    # The request is counted when its handler returns, just after the close handshake.
    for _ in range(50):
        if samples.get(upgrade) == 1:
            break
        await asyncio.sleep(0.05)
        samples = await _samples(client)
    assert samples.get(upgrade) == 1
    timed = ("http_request_duration_seconds_count", (("method", "GET"), ("route", "/ws")))
    assert timed not in samples
    # A handshake refused before the upgrade is counted by the handler too.
    assert (await client.get("/ws")).status == 400
    refused = ("http_requests_total", (("method", "GET"), ("route", "/ws"), ("status", "400")))
    assert (await _samples(client)).get(refused) == 1
