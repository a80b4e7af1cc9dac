"""The compression middleware stays out of the way of live sockets."""

import gc
import inspect

import pytest

from tests.web.conftest import Client, MakeUser
from web import compression

pytestmark = pytest.mark.postgres


def _our_frames() -> list[object]:
    return [
        obj
        for obj in gc.get_objects()
        if inspect.iscoroutine(obj)
        and obj.cr_frame is not None
        and obj.cr_code.co_filename == compression.__file__
    ]


async def test_a_live_socket_keeps_no_frame_of_the_middleware(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user()
    async with client.ws_connect("/ws") as socket:
        await socket.send_json({"type": "auth", "token": user.access_token})
        assert (await socket.receive_json())["type"] == "auth.ok"
        # The socket's handler runs for hours; nothing of the compression layer waits on it.
        assert _our_frames() == []
    # An ordinary GET does pass through it (and leaves nothing behind either).
    assert (await client.get("/api/i18n/page?lang=en")).status == 200
    assert _our_frames() == []


async def test_pictures_are_not_compressed_again(client: Client) -> None:
    events = await client.get("/api/events", params={"from": "2026-12-20", "to": "2026-12-28"})
    supermoon = next(e for e in (await events.json())["events"] if e["kind"] == "supermoon")
    detail = await (await client.get(f"/api/events/{supermoon['id']}")).json()
    picture = await client.get(detail["picture"], headers={"Accept-Encoding": "gzip"})
    assert picture.status == 200
    assert picture.content_type.startswith("image/")
    assert "Content-Encoding" not in picture.headers
