"""/ws under abuse: an absolute auth deadline, per-IP and per-user caps, a handshake rate."""

import asyncio
import contextlib

import pytest
from aiohttp import ClientWebSocketResponse, WSMsgType, WSServerHandshakeError
from prometheus_client.parser import text_string_to_metric_families

from tests.web.conftest import Client, MakeClient, MakeUser, WebUser
from web.ws.hub import HUB

pytestmark = pytest.mark.postgres


async def _authenticated(client: Client, user: WebUser) -> ClientWebSocketResponse:
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "auth", "token": user.access_token})
    assert (await ws.receive_json(timeout=5))["type"] == "auth.ok"
    return ws


async def _gauge(client: Client, name: str) -> float:
    text = await (await client.get("/metrics")).text()
    for family in text_string_to_metric_families(text):
        if family.name == name:
            return float(family.samples[0].value)
    raise AssertionError(f"{name} not exposed")


async def test_pings_do_not_extend_the_auth_deadline(make_client: MakeClient) -> None:
    client = await make_client(web={"ws_auth_timeout_seconds": 0.5})
    ws = await client.ws_connect("/ws", autoping=True)

    async def keep_pinging() -> None:
        while True:
            await ws.ping()
            await asyncio.sleep(0.1)

    pinger = asyncio.create_task(keep_pinging())
    try:
        message = await ws.receive(timeout=5)
    finally:
        pinger.cancel()
        with contextlib.suppress(asyncio.CancelledError, ConnectionError):
            await pinger
    assert message.type is WSMsgType.CLOSE
    assert (int(message.data), message.extra) == (4408, "auth_timeout")


async def test_open_sockets_per_ip_are_capped_and_unauthenticated_ones_counted(
    make_client: MakeClient,
) -> None:
    client = await make_client(web={"ws_max_per_ip": 3})
    held = [await client.ws_connect("/ws") for _ in range(3)]
    assert await _gauge(client, "ws_unauthenticated_connections") == 3
    with pytest.raises(WSServerHandshakeError) as refused:
        await client.ws_connect("/ws")
    assert refused.value.status == 429
    assert refused.value.headers is not None
    assert int(refused.value.headers["Retry-After"]) >= 1
    await held[0].close()
    for _ in range(50):  # the server lets go of the closed socket
        try:
            held[0] = await client.ws_connect("/ws")
            break
        except WSServerHandshakeError:
            await asyncio.sleep(0.05)
    else:
        raise AssertionError("a closed socket's place was never freed")
    for ws in held:
        await ws.close()


async def test_handshakes_per_ip_are_rate_limited(make_client: MakeClient) -> None:
    client = await make_client(web={"ws_handshakes_per_minute": 5})
    for _ in range(5):
        ws = await client.ws_connect("/ws")
        await ws.close()
    with pytest.raises(WSServerHandshakeError) as refused:
        await client.ws_connect("/ws")
    assert refused.value.status == 429


async def test_one_socket_too_many_closes_the_users_oldest(
    make_client: MakeClient, make_user: MakeUser
) -> None:
    client = await make_client(web={"ws_max_per_user": 2})
    user = await make_user(on=client)
    first = await _authenticated(client, user)
    second = await _authenticated(client, user)
    third = await _authenticated(client, user)
    message = await first.receive(timeout=5)
    assert message.type is WSMsgType.CLOSE
    assert (int(message.data), message.extra) == (4429, "too_many_connections")
    assert len(client.app[HUB]) == 2
    assert not second.closed
    assert not third.closed
    assert await _gauge(client, "ws_unauthenticated_connections") == 0
    assert await _gauge(client, "ws_connections") == 2
