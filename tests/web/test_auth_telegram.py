"""Telegram sign-in: Login Widget payloads and Mini App initData, genuine, forged and stale."""

import hashlib
import hmac
import time
from typing import Any
from urllib.parse import urlencode

import orjson
import pytest
from sqlalchemy import select

from models.user import User
from tests.web.conftest import Client, MakeClient
from web.keys import SESSIONMAKER

pytestmark = pytest.mark.postgres
BOT_TOKEN = "123456:TEST-secret-token"


def widget_payload(token: str = BOT_TOKEN, **fields: Any) -> dict[str, Any]:
    """Sign a Login Widget payload the way Telegram does."""
    data: dict[str, Any] = {
        "id": 777,
        "first_name": "Ada",
        "username": "ada_sky",
        "auth_date": int(time.time()),
        **fields,
    }
    check = "\n".join(f"{key}={data[key]}" for key in sorted(data))
    secret = hashlib.sha256(token.encode()).digest()
    data["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return data


def init_data(token: str = BOT_TOKEN, **fields: str) -> str:
    """Sign Mini App initData the way Telegram does."""
    data = {
        "query_id": "AAH",
        "user": orjson.dumps({"id": 888, "first_name": "Ann", "language_code": "pt-br"}).decode(),
        "auth_date": str(int(time.time())),
        **fields,
    }
    check = "\n".join(f"{key}={data[key]}" for key in sorted(data))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    data["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(data)


@pytest.fixture
async def tg_client(make_client: MakeClient) -> Client:
    """The application with a bot token configured."""
    return await make_client(telegram={"bot_token": BOT_TOKEN})


async def _code(response: Any) -> str:
    return str((await response.json())["error"]["code"])


async def test_widget_sign_in_creates_and_reuses_the_telegram_user(tg_client: Client) -> None:
    first = await tg_client.post("/api/auth/telegram", json=widget_payload())
    assert first.status == 200, await first.text()
    body = await first.json()
    assert body["user"]["telegram_user_id"] == 777
    assert body["user"]["telegram_username"] == "ada_sky"
    again = await tg_client.post("/api/auth/telegram", json=widget_payload())
    assert (await again.json())["user"]["id"] == body["user"]["id"]
    async with tg_client.app[SESSIONMAKER]() as session:
        assert len((await session.execute(select(User))).scalars().all()) == 1


@pytest.mark.parametrize(
    "forge",
    [
        lambda p: {**p, "id": 1},  # tampered after signing
        lambda p: {**p, "hash": "0" * 64},
        lambda p: {**p, "hash": p["hash"][:-2]},
        lambda p: {**p, "last_name": "x"},
        lambda p: widget_payload(token="999:other-bot"),
    ],
    ids=["tampered", "zero-hash", "short-hash", "unsigned-field", "other-bot"],
)
async def test_forged_widget_payloads_are_refused(tg_client: Client, forge: Any) -> None:
    response = await tg_client.post("/api/auth/telegram", json=forge(widget_payload()))
    assert response.status == 401
    assert await _code(response) == "telegram_auth_invalid"


async def test_stale_and_future_widget_payloads_are_refused(make_client: MakeClient) -> None:
    client = await make_client(
        telegram={"bot_token": BOT_TOKEN}, auth={"telegram_max_age_seconds": 600}
    )
    stale = widget_payload(auth_date=int(time.time()) - 601)
    future = widget_payload(auth_date=int(time.time()) + 3600)
    fresh = widget_payload(auth_date=int(time.time()) - 500)
    assert (await client.post("/api/auth/telegram", json=stale)).status == 401
    assert (await client.post("/api/auth/telegram", json=future)).status == 401
    assert (await client.post("/api/auth/telegram", json=fresh)).status == 200


@pytest.mark.parametrize(
    "body", [{"id": 1}, {"id": 1, "auth_date": 1, "hash": {"x": 1}}, [], "x", None]
)
async def test_malformed_widget_bodies_are_validation_errors(tg_client: Client, body: Any) -> None:
    response = await tg_client.post("/api/auth/telegram", json=body)
    assert response.status == 422
    assert await _code(response) == "validation_failed"


async def test_telegram_sign_in_without_a_bot_token_is_unavailable(client: Client) -> None:
    response = await client.post("/api/auth/telegram", json=widget_payload())
    assert response.status == 503
    assert await _code(response) == "telegram_not_configured"


async def test_mini_app_sign_in_takes_language_from_telegram(tg_client: Client) -> None:
    response = await tg_client.post("/api/auth/webapp", json={"init_data": init_data()})
    assert response.status == 200, await response.text()
    user = (await response.json())["user"]
    assert (user["telegram_user_id"], user["language"]) == (888, "pt")


@pytest.mark.parametrize(
    "make",
    [
        lambda: init_data().replace("888", "889"),
        lambda: init_data(token="1:other"),
        lambda: init_data(auth_date=str(int(time.time()) - 2 * 86400)),
        lambda: init_data() + "&auth_date=1",
        lambda: init_data().replace("hash=", "hush="),
        lambda: init_data(user="not json"),
        lambda: "%%%===&&&",
    ],
    ids=["tampered", "other-bot", "expired", "repeated-field", "no-hash", "bad-user", "garbage"],
)
async def test_forged_init_data_is_refused(tg_client: Client, make: Any) -> None:
    response = await tg_client.post("/api/auth/webapp", json={"init_data": make()})
    assert response.status == 401
    assert await _code(response) == "telegram_auth_invalid"
    assert "hash" not in await response.text()


async def test_signed_fields_outside_the_widgets_set_are_refused(tg_client: Client) -> None:
    response = await tg_client.post("/api/auth/telegram", json=widget_payload(x=1))
    assert response.status == 422
    assert (await response.json())["error"]["details"]["fields"] == ["body"]
    full = widget_payload(last_name="Lovelace", photo_url="https://t.me/i/userpic/ada.jpg")
    assert (await tg_client.post("/api/auth/telegram", json=full)).status == 200
