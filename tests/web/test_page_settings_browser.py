"""The settings on the page, in Debian's Chromium against the real application on PostgreSQL."""

import re
import uuid
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.async_api import Page, expect
from sqlalchemy import select

from models.token import TokenPurpose
from models.tokens import issue_one_time_token
from models.user import User
from tests.fakes.telegram import FakeTelegram
from tests.web.browser import DESKTOP, PHONE, axe_violations, screenshots, visit
from tests.web.conftest import Client, MakeClient, MakeUser
from web.keys import I18N, SESSIONMAKER

pytestmark = [pytest.mark.postgres, pytest.mark.browser]
PASSWORD = "a long and quiet night sky"
NEW_PASSWORD = "another very quiet night"
# Controls a finger can reach inside the settings, with their size.
_TAP_TARGETS = """() => [...document.querySelectorAll(
    "#settings button, #settings select, #settings input:not([type=checkbox]), #settings a[href],"
    + " #settings summary, #settings .check"
)].filter((node) => node.offsetParent !== null)
  .map((node) => ({id: node.id || node.className || node.tagName,
                   height: node.getBoundingClientRect().height}))"""


async def _user(client: Client, user_id: uuid.UUID) -> User:
    async with client.app[SESSIONMAKER]() as session:
        return (await session.execute(select(User).where(User.id == user_id))).scalar_one()


async def _sign_up(page: Page, client: Client) -> uuid.UUID:
    await visit(page, client)
    await page.fill("#email", "ada@example.org")
    await page.fill("#password", PASSWORD)
    await page.locator("#signin-submit").click()
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")
    await expect(page.locator("#settings")).to_be_visible()
    async with client.app[SESSIONMAKER]() as session:
        return (await session.execute(select(User.id))).scalar_one()


async def _sign_in_by_link(page: Page, client: Client, user_id: uuid.UUID) -> None:
    async with client.app[SESSIONMAKER].begin() as session:
        token = await issue_one_time_token(session, user_id, TokenPurpose.WEB_LOGIN)
    await page.goto(str(client.make_url("/login").with_query(token=token)))
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")


def _checked(page: Page, name: str) -> Any:
    return page.eval_on_selector_all(
        f"input[name={name}]:checked", "(boxes) => boxes.map((box) => box.value)"
    )


async def test_a_new_user_sees_the_reminder_defaults_and_changes_them(
    client: Client, open_page: Any
) -> None:
    page = await open_page("en-GB", viewport=PHONE)
    user_id = await _sign_up(page, client)
    await page.locator("#set-reminders summary").click()
    stored = await _user(client, user_id)
    groups = await _checked(page, "kind")
    # The switches shown on are exactly the groups holding the stored default kinds.
    assert sorted(groups) == ["eclipses", "full-moon", "new-moon", "supermoon"]
    assert set(stored.reminder_kinds) == {
        "full_moon",
        "new_moon",
        "solar_eclipse",
        "lunar_eclipse",
        "supermoon",
    }
    assert await _checked(page, "lead") == [str(m) for m in stored.reminder_leads_minutes]
    await expect(page.locator("#reminder-hour")).to_have_value("")
    await screenshots(page, "settings-reminders")

    await page.locator("input[name=kind][value=new-moon]").uncheck()
    await page.locator("input[name=kind][value=meteors]").check()
    await page.locator("input[name=lead][value='60']").check()
    await page.select_option("#reminder-hour", "9")
    await page.select_option("#quiet-start", "22")
    await page.select_option("#quiet-end", "7")
    await page.locator("#reminders-form button[type=submit]").click()
    await expect(page.locator(".toast").last).to_have_text("Saved.")
    stored = await _user(client, user_id)
    assert set(stored.reminder_kinds) == {
        "full_moon",
        "solar_eclipse",
        "lunar_eclipse",
        "supermoon",
        "meteor_shower",
    }
    assert sorted(stored.reminder_leads_minutes) == [60, 24 * 60]
    assert (stored.reminder_hour, stored.quiet_hours_start, stored.quiet_hours_end) == (9, 22, 7)
    # A 24-hour locale writes the hours so.
    await expect(page.locator("#reminder-hour option:checked")).to_have_text("09:00")
    heights = await page.evaluate(_TAP_TARGETS)
    assert heights
    assert [t for t in heights if t["height"] < 44] == []


async def test_a_town_found_by_name_and_the_browsers_position_set_the_place(
    client: Client, make_user: MakeUser, open_page: Any
) -> None:
    user = await make_user(language="ru", timezone="Europe/Moscow")
    page = await open_page(
        "ru-RU",
        timezone="Australia/Sydney",
        geolocation={"latitude": -33.8688, "longitude": 151.2093},
        permissions=["geolocation"],
    )
    await _sign_in_by_link(page, client, user.user_id)
    await page.locator("#set-place summary").click()
    await page.fill("#town", "Ереван")
    town = page.locator("#towns .town").first
    # The first search of a process builds the town index (seconds on a busy machine).
    await expect(town).to_contain_text("Армения", timeout=60_000)
    # Its zone as people say it, not "Asia/Yerevan".
    await expect(town.locator(".hint")).to_have_text(re.compile(r"^Армения, стандартное время$"))
    await town.click()
    await expect(page.locator("#zone")).to_have_attribute("title", "Asia/Yerevan")
    stored = await _user(client, user.user_id)
    assert stored.timezone == "Asia/Yerevan"
    assert stored.latitude == pytest.approx(40.18, abs=0.05)
    await screenshots(page, "settings-town")

    await page.locator("#geolocate").click()
    await expect(page.locator("#zone")).to_have_attribute("title", "Australia/Sydney")
    stored = await _user(client, user.user_id)
    # Rounded to about a kilometre: no more is needed, no more is kept.
    assert (stored.latitude, stored.longitude) == (-33.87, 151.21)
    assert stored.timezone == "Australia/Sydney"


async def test_the_feed_telegram_password_and_sign_out_everywhere(
    make_client: MakeClient, open_page: Any
) -> None:
    async with FakeTelegram() as telegram:
        client = await make_client(
            telegram={"bot_token": telegram.token, "api_url": telegram.api_url}
        )
        page = await open_page(
            "en-US", viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"]
        )
        await _sign_up(page, client)
        other = await open_page("en-US", storage_state=await page.context.storage_state())
        await other.goto(str(client.make_url("/")))
        await expect(other.locator("body")).to_have_attribute("data-ready", "calendar")

        await page.locator("#set-feed summary").click()
        await page.locator("#feed-create").click()
        await expect(page.locator("#feed-links")).to_be_visible()
        url = await page.locator("#feed-url").input_value()
        feed = await client.get(urlsplit(url).path + "?" + urlsplit(url).query)
        assert feed.status == 200
        assert (await feed.text()).startswith("BEGIN:VCALENDAR")
        apple = await page.locator("#feed-apple").get_attribute("href")
        assert apple == url.replace("http:", "webcal:", 1)
        google = await page.locator("#feed-google").get_attribute("href")
        assert google is not None
        assert parse_qs(urlsplit(google).query)["cid"] == [apple]
        outlook = await page.locator("#feed-outlook").get_attribute("href")
        assert outlook is not None
        assert parse_qs(urlsplit(outlook).query)["url"] == [url]
        await page.locator("#feed-copy").click()
        assert await page.evaluate("navigator.clipboard.readText()") == url
        await screenshots(page, "settings-feed")
        await page.locator("#feed-revoke").click()
        await expect(page.locator("#feed-links")).to_be_hidden()
        gone = await client.get(urlsplit(url).path + "?" + urlsplit(url).query)
        assert gone.status == 404

        await page.locator("#set-telegram summary").click()
        await page.locator("#telegram-link").click()
        await expect(page.locator("#telegram-open")).to_be_visible()
        link = await page.locator("#telegram-open").get_attribute("href")
        assert link is not None
        assert link.startswith("https://t.me/StarsCalendarsBot?start=")
        await expect(page.locator("#telegram-hint")).to_be_visible()

        await page.locator("#set-password summary").click()
        await page.fill("#password-current", PASSWORD)
        await page.fill("#password-new", NEW_PASSWORD)
        await page.locator("#password-form button[type=submit]").click()
        en = client.app[I18N].get("en")
        await expect(page.locator(".toast").last).to_have_text(
            en("page-settings-password-changed")
        )
        # The other browser's session ended with the change; this one goes on.
        await other.reload()
        await expect(other.locator("body")).to_have_attribute("data-ready", "visitor")
        await page.reload()
        await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")
        login = {"email": "ada@example.org", "password": NEW_PASSWORD}
        assert (await client.post("/api/auth/login", json=login)).status == 200

        await page.locator("#signout-all").click()
        await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
        await expect(page.locator("#settings")).to_be_hidden()


@pytest.mark.parametrize("scheme", ["light", "dark"])
async def test_the_open_settings_are_axe_clean(
    client: Client, open_page: Any, scheme: str
) -> None:
    page = await open_page("de-DE", color_scheme=scheme)
    await _sign_up(page, client)
    for section in ("set-reminders", "set-place", "set-feed", "set-telegram", "set-password"):
        await page.locator(f"#{section} summary").click()
    await page.fill("#town", "Berlin")
    await expect(page.locator("#towns .town").first).to_be_visible(timeout=60_000)
    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        assert await axe_violations(page) == [], viewport
    await screenshots(page, f"settings-{scheme}")
