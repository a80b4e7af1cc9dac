"""/ws on the real application: first-message authentication, pushes, renewals, shutdown."""

import asyncio
import time
from typing import Any

import orjson
import pytest
from aiohttp import ClientWebSocketResponse, WSMsgType

from core.event_text import event_title
from tests.web.conftest import Client, MakeClient, MakeUser, WebUser
from web.auth.jwt import ACCESS_TOKENS
from web.keys import AUTH_SETTINGS, BUS, I18N
from web.metrics import METRICS
from web.ws.frames import message_frame
from web.ws.hub import HUB

pytestmark = pytest.mark.postgres

EQUINOX = {"kind": "equinox_march", "subject": "", "payload": {}, "occurs_at": "2031-03-20"}


async def _signed_in(client: Client, user: WebUser, **kwargs: Any) -> ClientWebSocketResponse:
    ws: ClientWebSocketResponse = await client.ws_connect("/ws", **kwargs)
    await ws.send_json({"type": "auth", "token": user.access_token})
    hello = await ws.receive_json(timeout=5)
    assert hello["type"] == "auth.ok"
    assert hello["data"]["user_id"] == str(user.user_id)
    return ws


async def _publish(client: Client, audience: dict[str, Any], **message: Any) -> None:
    envelope = {"audience": audience, "type": "event.upcoming", "id": "e1", "data": {}, **message}
    await client.app[BUS].publish("ws", orjson.dumps(envelope))


async def _hub_empties(client: Client) -> bool:
    """Wait (a few seconds at most) until the server has let go of every connection."""
    for _ in range(50):
        if len(client.app[HUB]) == 0:
            return True
        await asyncio.sleep(0.1)
    return False


async def _closed_with(ws: ClientWebSocketResponse) -> tuple[int, str]:
    """The code and reason of the server's close frame."""
    message = await ws.receive(timeout=5)
    assert message.type is WSMsgType.CLOSE
    return int(message.data), message.extra or ""


async def test_push_to_one_user_reaches_only_their_connections(
    client: Client, make_user: MakeUser
) -> None:
    alice, bob = await make_user(), await make_user()
    alice_phone, alice_laptop = await _signed_in(client, alice), await _signed_in(client, alice)
    bob_ws = await _signed_in(client, bob)
    await _publish(
        client, {"user": str(alice.user_id)}, type="reminder", id="r-42", data={"minutes": 60}
    )
    for ws in (alice_phone, alice_laptop):
        assert await ws.receive_json(timeout=5) == {
            "type": "reminder",
            "id": "r-42",
            "data": {"minutes": 60},
        }
    with pytest.raises(TimeoutError):
        await bob_ws.receive_json(timeout=0.3)


async def test_broadcast_is_localized_and_encoded_once_per_group(
    client: Client, make_user: MakeUser, monkeypatch: pytest.MonkeyPatch
) -> None:
    encodings: list[dict[str, Any]] = []

    def counting(message_type: str, message_id: str, data: dict[str, Any]) -> bytes:
        encodings.append(data)
        return message_frame(message_type, message_id, data)

    monkeypatch.setattr("web.ws.hub.message_frame", counting)
    north_ru = [await make_user(language="ru", latitude=55.7) for _ in range(3)]
    south_ru = await make_user(language="ru", latitude=-34.6)
    english = await make_user(language="en")
    sockets = {user: await _signed_in(client, user) for user in [*north_ru, south_ru, english]}
    encodings.clear()
    await _publish(client, {"all": True}, data=EQUINOX)
    i18n = client.app[I18N]
    for user, ws in sockets.items():
        message = await ws.receive_json(timeout=5)
        language = "en" if user is english else "ru"
        hemisphere = "south" if user is south_ru else "north"
        expected = event_title(i18n.get(language), "equinox_march", "", {}, hemisphere)
        assert message["data"] == {**EQUINOX, "title": expected}
    assert len(encodings) == 3  # (ru, north), (ru, south), (en, north)


async def test_language_audience(client: Client, make_user: MakeUser) -> None:
    french, german = await make_user(language="fr"), await make_user(language="de")
    fr_ws, de_ws = await _signed_in(client, french), await _signed_in(client, german)
    await _publish(client, {"language": "de"}, id="de-only")
    assert (await de_ws.receive_json(timeout=5))["id"] == "de-only"
    with pytest.raises(TimeoutError):
        await fr_ws.receive_json(timeout=0.3)


async def test_profile_change_moves_the_connection_to_its_new_language(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user(language="en")
    ws = await _signed_in(client, user)
    await _publish(
        client,
        {"user": str(user.user_id)},
        type="profile.updated",
        id="p1",
        data={"language": "ja", "latitude": -10.0, "hemisphere": "south"},
    )
    assert (await ws.receive_json(timeout=5))["type"] == "profile.updated"
    await _publish(client, {"language": "ja"}, data=EQUINOX)
    message = await ws.receive_json(timeout=5)
    ja = client.app[I18N].get("ja")
    assert message["data"]["title"] == event_title(ja, "equinox_march", "", {}, "south")


async def test_malformed_bus_messages_are_skipped(client: Client, make_user: MakeUser) -> None:
    ws = await _signed_in(client, await make_user())
    bus = client.app[BUS]
    for junk in (b"not json", b"[]", b'{"audience": {"all": true}}', b'{"audience": 1}'):
        await bus.publish("ws", junk)
    await _publish(client, {"all": True}, id="after-junk")
    assert (await ws.receive_json(timeout=5))["id"] == "after-junk"


async def test_silent_client_is_closed_after_the_auth_timeout(make_client: MakeClient) -> None:
    client = await make_client(web={"ws_auth_timeout_seconds": 0.2})
    ws = await client.ws_connect("/ws")
    assert await _closed_with(ws) == (4408, "auth_timeout")


@pytest.mark.parametrize(
    ("first", "code", "reason"),
    [
        ("hello", 4400, "bad_message"),
        ('{"type": "auth"}', 4400, "bad_message"),
        ('{"type": "auth", "token": "x", "extra": 1}', 4400, "bad_message"),
        ('{"type": "auth", "token": "not.a.jwt"}', 4401, "token_invalid"),
    ],
)
async def test_bad_first_message_closes_with_a_clear_code(
    client: Client, first: str, code: int, reason: str
) -> None:
    ws = await client.ws_connect("/ws")
    await ws.send_str(first)
    assert await _closed_with(ws) == (code, reason)


async def test_binary_first_message_is_rejected(client: Client) -> None:
    ws = await client.ws_connect("/ws")
    await ws.send_bytes(b"\x00\x01")
    assert await _closed_with(ws) == (4400, "bad_message")


def _short_lived(client: Client, user: WebUser, seconds: float) -> str:
    """A token for `user` that expires `seconds` from now."""
    ttl = client.app[AUTH_SETTINGS].access_ttl_seconds
    return (
        client.app[ACCESS_TOKENS]
        .issue(
            user.user_id,
            language="en",
            timezone="UTC",
            latitude=None,
            longitude=None,
            now=time.time() - ttl + seconds,
        )
        .token
    )


async def test_expired_token_is_refused(client: Client, make_user: MakeUser) -> None:
    user = await make_user()
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "auth", "token": _short_lived(client, user, -5)})
    assert await _closed_with(ws) == (4419, "token_expired")


async def test_token_is_renewed_on_request_and_the_connection_closes_without_one(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user()
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "auth", "token": _short_lived(client, user, 2)})
    assert (await ws.receive_json(timeout=5))["type"] == "auth.ok"
    refresh = await ws.receive_json(timeout=5)
    assert refresh["type"] == "auth.refresh"
    await ws.send_json({"type": "auth", "token": _short_lived(client, user, 2)})
    renewed = await ws.receive_json(timeout=5)
    assert renewed["type"] == "auth.ok"
    assert renewed["id"] != refresh["id"].removeprefix("refresh-")
    assert (await ws.receive_json(timeout=5))["type"] == "auth.refresh"
    assert await _closed_with(ws) == (4419, "token_expired")
    assert await _hub_empties(client)


async def test_profile_change_keeps_the_token_deadlines(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user()
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "auth", "token": _short_lived(client, user, 2)})
    assert (await ws.receive_json(timeout=5))["type"] == "auth.ok"
    await _publish(
        client,
        {"user": str(user.user_id)},
        type="profile.updated",
        id="p1",
        data={"language": "de"},
    )
    assert (await ws.receive_json(timeout=5))["type"] == "profile.updated"
    assert (await ws.receive_json(timeout=5))["type"] == "auth.refresh"
    assert await _closed_with(ws) == (4419, "token_expired")


async def test_renewal_with_another_users_token_is_refused(
    client: Client, make_user: MakeUser
) -> None:
    alice, mallory = await make_user(), await make_user()
    ws = await _signed_in(client, alice)
    await ws.send_json({"type": "auth", "token": mallory.access_token})
    assert await _closed_with(ws) == (4401, "token_invalid")


async def test_heartbeat_pings_and_drops_a_dead_peer(
    make_client: MakeClient, make_user: MakeUser
) -> None:
    client = await make_client(web={"ws_heartbeat_seconds": 1})
    user = await make_user(on=client)
    ws = await _signed_in(client, user, autoping=False)
    assert (await ws.receive(timeout=3)).type is WSMsgType.PING
    # No pong: the server gives up on this peer half a heartbeat later.
    assert await _hub_empties(client)
    assert client.app[METRICS].ws_connections._value.get() == 0


async def test_shutdown_sends_pushes_in_hand_then_closes_with_1001(
    client: Client, make_user: MakeUser
) -> None:
    ws = await _signed_in(client, await make_user())
    await _publish(client, {"all": True}, id="last-words")
    await client.app.shutdown()
    assert (await ws.receive_json(timeout=5))["id"] == "last-words"
    assert await _closed_with(ws) == (1001, "going_away")


async def test_plain_get_is_a_validation_error(client: Client) -> None:
    response = await client.get("/ws")
    assert response.status == 400
    assert (await response.json())["error"]["code"] == "validation_failed"
