"""aiohttp's per-connection state is dropped or shared after an upgrade; the socket still works."""

from aiohttp import web
from pytest_aiohttp import AiohttpClient

from web.ws.upgrade import release_http_state, share_writer_state


async def _echo_after_release(request: web.Request) -> web.WebSocketResponse:
    """Upgrade, release, report what was released, then echo one message."""
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    released = release_http_state(request)
    shared = share_writer_state(ws)
    protocol, writer = request.protocol, ws._writer
    assert writer is not None
    await ws.send_json(
        {
            "released": released,
            "parser": protocol._parser is None,
            "queue": protocol._messages.maxlen,
            "again": release_http_state(request),
            "shared": shared,
            "writer": [id(writer.get_random_bits), id(writer._background_tasks)],
        }
    )
    await ws.send_str(await ws.receive_str(timeout=5))
    await ws.close()
    return ws


async def test_upgrade_drops_http_state_keeps_the_socket(aiohttp_client: AiohttpClient) -> None:
    app = web.Application()
    app.router.add_get("/ws", _echo_after_release)
    client = await aiohttp_client(app)
    reports = []
    for _ in range(2):
        async with client.ws_connect("/ws") as ws:
            reports.append(await ws.receive_json(timeout=5))
            await ws.send_str("still here")
            assert await ws.receive_str(timeout=5) == "still here"
    # If aiohttp renames or retypes these attributes, "released" or "shared" turns false here.
    first, second = reports
    # Equal reports: both sockets' writers hold the very same helper objects.
    assert first == second
    assert {key: first[key] for key in ("released", "parser", "queue", "again", "shared")} == {
        "released": True,
        "parser": True,
        "queue": 0,
        "again": False,
        "shared": True,
    }


async def test_plain_request_is_left_alone(aiohttp_client: AiohttpClient) -> None:
    async def plain(request: web.Request) -> web.Response:
        return web.json_response({"released": release_http_state(request)})

    app = web.Application()
    app.router.add_get("/plain", plain)
    client = await aiohttp_client(app)
    for _ in range(2):  # keep-alive: the parser serves the second request too
        response = await client.get("/plain")
        assert await response.json() == {"released": False}
