"""The settings API behind the page: reminder choices, town search, password change."""

from typing import Any

import pytest

from core.reminder_choices import LEAD_CHOICES, REMINDER_GROUPS
from tests.web.conftest import Client
from web.auth.cookie import COOKIE_NAME, SESSION_HEADER, SESSION_PATH
from web.keys import I18N

pytestmark = pytest.mark.postgres
PASSWORD = "correct horse battery"
NEW_PASSWORD = "a long and quiet night sky"
PAGE = {SESSION_HEADER: "cookie"}


async def test_the_choices_are_the_bots_labelled_in_the_callers_language(client: Client) -> None:
    response = await client.get("/api/settings/choices", headers={"Accept-Language": "ru"})
    assert response.status == 200
    body = await response.json()
    ru = client.app[I18N].get("ru")
    assert [g["id"] for g in body["groups"]] == list(REMINDER_GROUPS)
    full_moon = body["groups"][0]
    assert full_moon == {"id": "full-moon", "label": "Полнолуние", "kinds": ["full_moon"]}
    assert [lead["minutes"] for lead in body["leads"]] == list(LEAD_CHOICES)
    assert body["leads"][1]["label"] == ru("bot-lead-before", span=ru("common-days", count=1))
    assert "Accept-Language" in response.headers["Vary"]


@pytest.mark.parametrize(
    ("query", "language", "zone", "country"),
    [
        ("Moscow", "en", "Europe/Moscow", "Russia"),
        ("Москва", "ru", "Europe/Moscow", "Россия"),
        ("Ереван", "hy", "Asia/Yerevan", "Հայաստան"),
        ("sao paulo", "pt", "America/Sao_Paulo", "Brasil"),
    ],
)
async def test_towns_are_found_in_any_script_with_their_zone(
    client: Client, query: str, language: str, zone: str, country: str
) -> None:
    response = await client.get(
        "/api/places", params={"q": query}, headers={"Accept-Language": language}
    )
    assert response.status == 200
    first = (await response.json())["places"][0]
    assert (first["timezone"], first["country"]) == (zone, country)
    assert -90 <= first["latitude"] <= 90


async def test_towns_are_named_in_the_pages_language(client: Client) -> None:
    response = await client.get(
        "/api/places", params={"q": "Tokio"}, headers={"Accept-Language": "de"}
    )
    first = (await response.json())["places"][0]
    assert (first["name"], first["timezone"]) == ("Tokio", "Asia/Tokyo")


@pytest.mark.parametrize("query", ["", "x" * 65])
async def test_a_bad_town_query_is_a_localized_422(client: Client, query: str) -> None:
    response = await client.get(
        "/api/places", params={"q": query}, headers={"Accept-Language": "de"}
    )
    assert response.status == 422
    error = (await response.json())["error"]
    assert error["code"] == "validation_failed"
    assert error["message"] == client.app[I18N].get("de").error("validation_failed")


async def _sign_up(client: Client) -> dict[str, Any]:
    response = await client.post(
        "/api/auth/register", json={"email": "ada@example.org", "password": PASSWORD}
    )
    assert response.status == 201
    body: dict[str, Any] = await response.json()
    return body


async def _change(client: Client, token: str, current: str, new: str) -> Any:
    return await client.post(
        "/api/auth/password",
        json={"current_password": current, "new_password": new},
        headers={"Authorization": f"Bearer {token}", **PAGE},
    )


async def test_a_password_change_needs_the_current_one_and_ends_other_sessions(
    client: Client,
) -> None:
    first = await _sign_up(client)
    other = await (
        await client.post(
            "/api/auth/login", json={"email": "ada@example.org", "password": PASSWORD}
        )
    ).json()
    wrong = await _change(client, first["access_token"], "not my password", NEW_PASSWORD)
    assert wrong.status == 401
    assert (await wrong.json())["error"]["code"] == "invalid_credentials"
    weak = await _change(client, first["access_token"], PASSWORD, "password")
    assert weak.status == 422
    assert (await weak.json())["error"]["code"] == "weak_password"

    changed = await _change(client, first["access_token"], PASSWORD, NEW_PASSWORD)
    assert changed.status == 200
    assert "refresh_token" not in await changed.json()
    # This browser keeps a fresh session; every earlier one has ended.
    assert changed.cookies[COOKIE_NAME].value
    assert (await client.post(f"{SESSION_PATH}/refresh", headers=PAGE)).status == 200
    for old in (first, other):
        refreshed = await client.post(
            "/api/auth/refresh", json={"refresh_token": old["refresh_token"]}
        )
        assert refreshed.status == 401
    login = {"email": "ada@example.org"}
    old_login = await client.post("/api/auth/login", json={**login, "password": PASSWORD})
    assert old_login.status == 401
    new_login = await client.post("/api/auth/login", json={**login, "password": NEW_PASSWORD})
    assert new_login.status == 200


async def test_a_password_change_needs_sign_in(client: Client) -> None:
    response = await client.post(
        "/api/auth/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert response.status == 401
