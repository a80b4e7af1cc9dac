"""aiohttp's HTTP state is dropped after an upgrade, and the socket still works without it."""

from aiohttp import web
from pytest_aiohttp import AiohttpClient

from web.ws.upgrade import release_http_state


async def _echo_after_release(request: web.Request) -> web.WebSocketResponse:
    """Upgrade, release, report what was released, then echo one message."""
    ws = web.WebSocketResponse()
    await ws.prepare(request)
    released = release_http_state(request)
    protocol = request.protocol
    await ws.send_json(
        {
            "released": released,
            "parser": protocol._parser is None,
            "queue": protocol._messages.maxlen,
            "again": release_http_state(request),
        }
    )
    await ws.send_str(await ws.receive_str(timeout=5))
    await ws.close()
    return ws


async def test_upgrade_drops_http_state_keeps_the_socket(aiohttp_client: AiohttpClient) -> None:
    app = web.Application()
    app.router.add_get("/ws", _echo_after_release)
    client = await aiohttp_client(app)
    async with client.ws_connect("/ws") as ws:
        # If aiohttp renames or retypes these attributes, "released" turns false here.
        assert await ws.receive_json(timeout=5) == {
            "released": True,
            "parser": True,
            "queue": 0,
            "again": False,
        }
        await ws.send_str("still here")
        assert await ws.receive_str(timeout=5) == "still here"


async def test_plain_request_is_left_alone(aiohttp_client: AiohttpClient) -> None:
    async def plain(request: web.Request) -> web.Response:
        return web.json_response({"released": release_http_state(request)})

    app = web.Application()
    app.router.add_get("/plain", plain)
    client = await aiohttp_client(app)
    for _ in range(2):  # keep-alive: the parser serves the second request too
        response = await client.get("/plain")
        assert await response.json() == {"released": False}
