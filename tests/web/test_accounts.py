"""/api/me and /api/telegram/link on the real application."""

from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlparse

import orjson
import pytest

from models.linking import link_telegram
from models.user import User
from tests.fakes.telegram import FakeTelegram
from tests.web.conftest import Client, MakeClient, MakeUser
from web.auth.jwt import ACCESS_TOKENS
from web.keys import BUS, I18N, SESSIONMAKER

pytestmark = pytest.mark.postgres


async def _patch(client: Client, headers: dict[str, str], body: Any) -> Any:
    return await client.patch("/api/me", json=body, headers=headers)


async def _stored(client: Client, user_id: Any) -> User:
    async with client.app[SESSIONMAKER]() as session:
        user = await session.get(User, user_id)
        assert user is not None
        return user


async def test_get_me(client: Client, make_user: MakeUser) -> None:
    user = await make_user(display_name="Ada", language="hy", timezone="Asia/Yerevan")
    response = await client.get("/api/me", headers=user.headers)
    body = await response.json()
    assert response.status == 200
    assert (body["id"], body["display_name"]) == (str(user.user_id), "Ada")
    assert (body["language"], body["timezone"]) == ("hy", "Asia/Yerevan")
    assert body["is_member"] is False


async def test_patch_changes_profile_publishes_and_reissues(
    client: Client, make_user: MakeUser
) -> None:
    user = await make_user()
    async with client.app[BUS].subscribe("ws") as queue:
        response = await _patch(
            client,
            user.headers,
            {
                "display_name": "  Ada L. ",
                "language": "ja",
                "timezone": "Asia/Tokyo",
                "latitude": 35.68,
                "longitude": 139.76,
                "reminder_kinds": ["full_moon", "solar_eclipse", "full_moon"],
                "reminder_leads_minutes": [60, 1440],
                "reminder_hour": 21,
            },
        )
        assert response.status == 200, await response.text()
        event = orjson.loads(queue.get_nowait())
    body = await response.json()
    assert body["user"]["display_name"] == "Ada L."
    assert body["user"]["reminder_kinds"] == ["full_moon", "solar_eclipse"]
    assert event["type"] == "profile.updated"
    assert event["audience"] == {"user": str(user.user_id)}
    assert event["data"]["timezone"] == "Asia/Tokyo"
    claims = client.app[ACCESS_TOKENS].verify(body["access_token"])
    assert (claims.language, claims.timezone, claims.latitude) == ("ja", "Asia/Tokyo", 35.68)
    stored = await _stored(client, user.user_id)
    assert (stored.language, stored.language_chosen, stored.reminder_hour) == ("ja", True, 21)


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"timezone": "Mars/Olympus"}, "invalid_timezone"),
        ({"language": "xx"}, "invalid_language"),
        ({"latitude": 10.0}, "invalid_coordinates"),
        ({"latitude": 91.0, "longitude": 0.0}, "invalid_coordinates"),
        ({"latitude": None, "longitude": 5.0}, "invalid_coordinates"),
        ({"latitude": "north", "longitude": 5.0}, "validation_failed"),
        ({"reminder_kinds": ["dragon"]}, "validation_failed"),
        ({"reminder_hour": 24}, "validation_failed"),
        ({"reminder_leads_minutes": [-5]}, "validation_failed"),
        ({"timezone": None}, "validation_failed"),
        ({"is_admin": True}, "validation_failed"),
        ({"display_name": "bad\u0000name"}, "validation_failed"),
        ([], "validation_failed"),
    ],
)
async def test_bad_patches_change_nothing(
    client: Client, make_user: MakeUser, body: Any, code: str
) -> None:
    user = await make_user(display_name="Ada")
    response = await _patch(
        client,
        {**user.headers},
        {"display_name": "Changed", **body} if isinstance(body, dict) else body,
    )
    assert response.status == 422
    assert (await response.json())["error"]["code"] == code
    assert (await _stored(client, user.user_id)).display_name == "Ada"


async def test_nan_coordinates_are_refused(client: Client, make_user: MakeUser) -> None:
    user = await make_user()
    response = await client.patch(
        "/api/me",
        data=b'{"latitude": NaN, "longitude": 1}',
        headers={**user.headers, "Content-Type": "application/json"},
    )
    assert response.status in {400, 422}
    assert (await _stored(client, user.user_id)).latitude is None


async def test_location_can_be_cleared(client: Client, make_user: MakeUser) -> None:
    user = await make_user(latitude=1.0, longitude=2.0)
    response = await _patch(client, user.headers, {"latitude": None, "longitude": None})
    assert response.status == 200
    assert (await _stored(client, user.user_id)).longitude is None


async def test_me_requires_a_token(client: Client) -> None:
    assert (await client.get("/api/me")).status == 401
    assert (await client.patch("/api/me", json={})).status == 401


async def test_token_of_a_deleted_user_is_invalid(client: Client, make_user: MakeUser) -> None:
    user = await make_user()
    async with client.app[SESSIONMAKER].begin() as session:
        await session.delete(await session.get(User, user.user_id))
    response = await client.get("/api/me", headers=user.headers)
    assert (await response.json())["error"]["code"] == "token_invalid"


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A fake Bot API server."""
    async with FakeTelegram(bot_username="SkyCalBot") as fake:
        yield fake


async def test_link_returns_a_deep_link_the_bot_can_consume(
    make_client: MakeClient, make_user: MakeUser, tg: FakeTelegram
) -> None:
    client = await make_client(telegram={"bot_token": tg.token, "api_url": tg.api_url})
    user = await make_user(on=client, language="ru")
    response = await client.post("/api/telegram/link", headers=user.headers)
    assert response.status == 200, await response.text()
    body = await response.json()
    url = urlparse(body["url"])
    assert (url.netloc, url.path) == ("t.me", "/SkyCalBot")
    token = url.query.removeprefix("start=")
    assert len(token) <= 64
    assert body["hint"] == client.app[I18N].get("ru")("web-link-telegram-hint", minutes=15)
    async with client.app[SESSIONMAKER].begin() as session:
        result = await link_telegram(session, token, 5550, "ada")
    assert result.user_id == user.user_id
    again = await client.post("/api/telegram/link", headers=user.headers)
    assert again.status == 409
    assert (await again.json())["error"]["code"] == "account_already_linked"
    assert len(tg.calls("getMe")) == 1  # the username is asked once


async def test_link_without_bot_is_unavailable(client: Client, make_user: MakeUser) -> None:
    user = await make_user()
    response = await client.post("/api/telegram/link", headers=user.headers)
    assert response.status == 503
    assert (await response.json())["error"]["code"] == "telegram_not_configured"
