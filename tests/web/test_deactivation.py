"""A deactivated account: refused on every sign-in path, refresh, the API and /ws."""

import asyncio
import uuid
from typing import Any

import orjson
import pytest
from aiohttp import WSMsgType
from sqlalchemy import update

from core.push import ACCOUNT_DEACTIVATED, WS_CHANNEL, PushEnvelope, ToUser
from models.token import TokenPurpose
from models.tokens import issue_one_time_token
from models.user import User
from tests.web.conftest import Client, MakeClient, MakeUser, WebUser
from tests.web.test_auth_telegram import BOT_TOKEN, init_data, widget_payload
from web.auth.cookie import SESSION_HEADER, SESSION_PATH
from web.keys import BUS, SESSIONMAKER

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery"


async def _deactivate(client: Client, user_id: uuid.UUID | str) -> None:
    """Flip the flag only (sessions left alive), so that each check is exercised on its own."""
    async with client.app[SESSIONMAKER].begin() as session:
        await session.execute(
            update(User).where(User.id == uuid.UUID(str(user_id))).values(is_active=False)
        )


async def _refused(response: Any) -> None:
    assert response.status == 403, await response.text()
    assert (await response.json())["error"]["code"] == "account_deactivated"


async def test_password_sign_in_refresh_and_api_are_refused(client: Client) -> None:
    signed_up = await client.post(
        "/api/auth/register", json={"email": "ada@example.org", "password": PASSWORD}
    )
    body = await signed_up.json()
    await _deactivate(client, body["user"]["id"])
    await _refused(
        await client.post(
            "/api/auth/login", json={"email": "ada@example.org", "password": PASSWORD}
        )
    )
    # A wrong password still says only that the credentials are wrong.
    wrong = await client.post(
        "/api/auth/login", json={"email": "ada@example.org", "password": "not the password"}
    )
    assert wrong.status == 401
    await _refused(
        await client.post("/api/auth/refresh", json={"refresh_token": body["refresh_token"]})
    )
    await _refused(
        await client.get("/api/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    )


async def test_the_pages_cookie_refresh_is_refused(client: Client) -> None:
    page = {SESSION_HEADER: "cookie"}
    signed_up = await client.post(
        "/api/auth/register",
        json={"email": "ada@example.org", "password": PASSWORD},
        headers=page,
    )
    await _deactivate(client, (await signed_up.json())["user"]["id"])
    await _refused(await client.post(f"{SESSION_PATH}/refresh", headers=page))


async def test_telegram_sign_in_paths_are_refused(make_client: MakeClient) -> None:
    client = await make_client(telegram={"bot_token": BOT_TOKEN})
    first = await client.post("/api/auth/telegram", json=widget_payload())
    assert first.status == 200
    await _deactivate(client, (await first.json())["user"]["id"])
    await _refused(await client.post("/api/auth/telegram", json=widget_payload()))
    mini_app = await client.post("/api/auth/webapp", json={"init_data": init_data()})
    assert mini_app.status == 200
    await _deactivate(client, (await mini_app.json())["user"]["id"])
    await _refused(await client.post("/api/auth/webapp", json={"init_data": init_data()}))


async def test_one_time_login_token_is_refused(client: Client, make_user: MakeUser) -> None:
    user = await make_user(telegram_user_id=4242)
    async with client.app[SESSIONMAKER].begin() as session:
        token = await issue_one_time_token(session, user.user_id, TokenPurpose.WEB_LOGIN)
    await _deactivate(client, user.user_id)
    await _refused(await client.post("/api/auth/token", json={"token": token}))


async def test_websocket_auth_is_refused_with_4403(client: Client, make_user: MakeUser) -> None:
    user = await make_user()
    await _deactivate(client, user.user_id)
    ws = await client.ws_connect("/ws")
    await ws.send_json({"type": "auth", "token": user.access_token})
    message = await ws.receive(timeout=5)
    assert message.type is WSMsgType.CLOSE
    assert (int(message.data), message.extra) == (4403, "account_deactivated")


async def test_deactivation_push_closes_the_users_sockets_only(
    client: Client, make_user: MakeUser
) -> None:
    ada, bob = await make_user(), await make_user()
    sockets = []
    for user in (ada, ada, bob):
        ws = await client.ws_connect("/ws")
        await ws.send_json({"type": "auth", "token": user.access_token})
        assert (await ws.receive_json(timeout=5))["type"] == "auth.ok"
        sockets.append(ws)
    push = PushEnvelope(ToUser(ada.user_id), ACCOUNT_DEACTIVATED, "deactivated")
    await client.app[BUS].publish(WS_CHANNEL, push.encode())
    for ws in sockets[:2]:
        message = await ws.receive(timeout=5)
        assert message.type is WSMsgType.CLOSE
        assert int(message.data) == 4403
    await client.app[BUS].publish(
        WS_CHANNEL,
        orjson.dumps({"audience": {"all": True}, "type": "reminder", "id": "r1", "data": {}}),
    )
    assert (await sockets[2].receive_json(timeout=5))["id"] == "r1"


async def test_sockets_authenticating_together_each_get_their_accounts_answer(
    client: Client, make_user: MakeUser
) -> None:
    users = [await make_user() for _ in range(12)]
    for user in users[::3]:
        await _deactivate(client, user.user_id)

    async def first_answer(user: WebUser) -> Any:
        ws = await client.ws_connect("/ws")
        await ws.send_json({"type": "auth", "token": user.access_token})
        return await ws.receive(timeout=5)

    answers = await asyncio.gather(*(first_answer(user) for user in users))
    for index, answer in enumerate(answers):
        if index % 3 == 0:
            assert answer.type is WSMsgType.CLOSE
            assert int(answer.data) == 4403
        else:
            assert answer.type is WSMsgType.TEXT
            assert orjson.loads(answer.data)["type"] == "auth.ok"
