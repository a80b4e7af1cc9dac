"""The calendar page in Debian's Chromium, against the real application on PostgreSQL."""

import os
import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any, Literal
from urllib.parse import quote
from zoneinfo import ZoneInfo

import babel.dates
import orjson
import pytest
from playwright.async_api import (
    Browser,
    ConsoleMessage,
    Page,
    Route,
    ViewportSize,
    async_playwright,
    expect,
)

from core.event_text import event_title
from core.i18n import Translator
from models.event import AstroEvent
from models.token import TokenPurpose
from models.tokens import issue_one_time_token
from tests.web.conftest import Client, MakeClient, MakeUser
from tests.web.test_auth_telegram import BOT_TOKEN, init_data
from web.keys import RUNTIME
from web.ws.lifecycle import WS_CHANNEL

pytestmark = [pytest.mark.postgres, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ZONE = ZoneInfo("Europe/Moscow")
# Git-ignored: phone and desktop screenshots of each test, for people to look at.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "artifacts"
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
# Playwright's default is 30 s; everything here is local and answers within a second or two.
WAIT_MS = 10_000
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARMENIAN = re.compile(r"[\u0531-\u058f]")
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
# Widths of each character of `text` and of a private-use character nobody draws (the tofu box).
_GLYPH_WIDTHS = """(text) => {
    const context = document.createElement("canvas").getContext("2d");
    context.font = getComputedStyle(document.body).font;
    return {
        glyphs: [...text].map((char) => context.measureText(char).width),
        tofu: context.measureText("\\uE000").width,
    };
}"""


def _script_error(message: ConsoleMessage, errors: list[str]) -> None:
    """Keep console errors; Chromium's log of an HTTP error status is the tests' intent."""
    if message.type == "error" and not message.text.startswith("Failed to load resource"):
        errors.append(message.text)


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    """One headless Chromium for the session."""
    if not CHROMIUM.exists():  # noqa: ASYNC240 (once per session, before any I/O starts)
        message = f"{CHROMIUM} is missing: apt-get install chromium (scripts/test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield launched
        await launched.close()


@pytest.fixture
async def open_page(browser: Browser) -> AsyncIterator[Any]:
    """Open pages in fresh browser contexts with a locale; fails the test on any script error."""
    contexts = []
    errors: list[str] = []

    async def open_with(
        locale: str = "en-GB",
        timezone: str = "Europe/Moscow",
        viewport: ViewportSize = DESKTOP,
        color_scheme: Literal["light", "dark"] = "dark",
    ) -> Page:
        context = await browser.new_context(
            locale=locale,
            timezone_id=timezone,
            viewport=viewport,
            color_scheme=color_scheme,
            service_workers="block",
        )
        contexts.append(context)
        page = await context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: _script_error(message, errors))
        return page

    yield open_with
    for context in contexts:
        await context.close()
    assert errors == []


@dataclass(frozen=True, slots=True)
class Sky:
    """The events stored for this month."""

    month: date
    events: list[AstroEvent]


def _this_month() -> date:
    return datetime.now(ZONE).date().replace(day=1)


def _at(month: date, day: int, hour: int) -> datetime:
    return datetime.combine(month.replace(day=day), time(hour), ZONE).astimezone(UTC)


@pytest.fixture
async def sky(client: Client) -> Sky:
    """This month's Moon phases and a planet event, in the Moscow time the user lives in."""
    month = _this_month()
    rows = [
        AstroEvent(kind="new_moon", occurs_at=_at(month, 3, 4), payload={}, significance=20),
        AstroEvent(kind="first_quarter", occurs_at=_at(month, 10, 12), payload={}),
        AstroEvent(
            kind="opposition",
            subject="jupiter",
            occurs_at=_at(month, 14, 22),
            payload={"magnitude": -2.5},
            significance=30,
        ),
        AstroEvent(
            kind="full_moon",
            occurs_at=_at(month, 18, 1),
            payload={"illumination": 1.0, "distance_km": 380000},
            significance=45,
        ),
        AstroEvent(kind="last_quarter", occurs_at=_at(month, 25, 20), payload={}),
    ]
    async with client.app[RUNTIME].sessionmaker.begin() as session:
        session.add_all(rows)
    return Sky(month=month, events=rows)


async def _login_link(client: Client, user_id: uuid.UUID) -> str:
    async with client.app[RUNTIME].sessionmaker.begin() as session:
        token = await issue_one_time_token(session, user_id, TokenPurpose.WEB_LOGIN)
    return str(client.make_url("/login").with_query(token=token))


def _titles(tr: Translator, sky: Sky) -> list[str]:
    return [event_title(tr, e.kind, e.subject, e.payload, "north") for e in sky.events]


async def _expect_month(page: Page, client: Client, sky: Sky, language: str) -> None:
    """The month's title and events are shown in `language`, times in Moscow time."""
    tr = client.app[RUNTIME].i18n.get(language)
    await expect(page.locator("html")).to_have_attribute("lang", language)
    # CLDR's year-month as the browser's Intl writes it, or as Babel does where Intl lacks it.
    title = babel.dates.format_skeleton("yMMMM", sky.month, locale=tr.babel_locale)
    await expect(page.locator("#month-title")).to_have_text(title)
    await expect(page.locator("#events .event-title")).to_have_text(_titles(tr, sky))
    # The full moon at 01:00 Moscow time, on the 18th.
    when = page.locator("#events .event-when").nth(3)
    await expect(when).to_contain_text(re.compile(r"\b0?1:00"))
    await expect(when).to_contain_text("18")


async def _screenshots(page: Page, name: str) -> None:
    """Save the page as a desktop and a phone would show it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    await page.set_viewport_size(DESKTOP)
    await page.screenshot(path=SCREENSHOTS / f"{name}-desktop.png", full_page=True)
    await page.set_viewport_size(PHONE)
    await page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)
    if size is not None:
        await page.set_viewport_size(size)


async def _assert_glyphs(page: Page, text: str) -> None:
    """Most characters of `text` are drawn with real glyphs, not the missing-glyph box."""
    widths = await page.evaluate(_GLYPH_WIDTHS, text)
    drawn = [width for width in widths["glyphs"] if abs(width - widths["tofu"]) > 0.01]
    assert len(drawn) >= len(widths["glyphs"]) * 0.6, (
        f"{text!r} renders as missing-glyph boxes: install fonts-noto-core fonts-noto-cjk"
    )


async def test_bot_link_signs_in_and_shows_the_month_in_three_scripts(
    client: Client, make_user: MakeUser, sky: Sky, open_page: Any
) -> None:
    user = await make_user(language="ru", timezone="Europe/Moscow", latitude=55.75)
    page = await open_page("en-GB")
    await page.goto(await _login_link(client, user.user_id))
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")
    # The one-time token is gone from the address bar and from history.
    assert page.url == str(client.make_url("/"))
    await _expect_month(page, client, sky, "ru")
    ru = client.app[RUNTIME].i18n.get("ru")
    title = await page.locator("#month-title").text_content()
    assert title is not None
    assert CYRILLIC.search(title)
    await expect(page.locator(".day.today")).to_have_count(1)
    # The full moon's day shows a full disc named in Russian; every day has its phase.
    full_day = page.locator(".day:not(.outside)").nth(17)
    await expect(full_day.locator("svg.moon")).to_have_attribute(
        "aria-label", ru("page-moon-full")
    )
    # Phases are known from the new moon (the 3rd) to the last quarter (the 25th).
    await expect(page.locator(".day:not(.outside) svg.moon")).to_have_count(25 - 3 + 1)

    await page.select_option("#language", "hy")
    await _expect_month(page, client, sky, "hy")
    title = await page.locator("#month-title").text_content()
    assert title is not None
    assert ARMENIAN.search(title)
    await _assert_glyphs(page, title)
    await _screenshots(page, "hy")

    await page.select_option("#language", "hi")
    await _expect_month(page, client, sky, "hi")
    title = await page.locator("#month-title").text_content()
    assert title is not None
    assert DEVANAGARI.search(title)
    await _assert_glyphs(page, title)
    await _screenshots(page, "hi")
    # The choice is the profile's: the next visit opens in Hindi.
    me = await client.get("/api/me", headers=user.headers)
    assert (await me.json())["language"] == "hi"


async def test_cjk_texts_render_with_glyphs(
    client: Client, make_user: MakeUser, sky: Sky, open_page: Any
) -> None:
    user = await make_user(language="ja", timezone="Europe/Moscow")
    page = await open_page()
    await page.goto(await _login_link(client, user.user_id))
    await _expect_month(page, client, sky, "ja")
    await _assert_glyphs(page, client.app[RUNTIME].i18n.get("ja")("page-month-events"))
    await page.select_option("#language", "zh")
    await _expect_month(page, client, sky, "zh")
    await _assert_glyphs(page, client.app[RUNTIME].i18n.get("zh")("page-month-events"))
    # A phone (and Telegram's Mini App view): the month fits the width, nothing scrolls sideways.
    await page.set_viewport_size(PHONE)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert await page.evaluate(overflow) == 0
    await _screenshots(page, "zh")


async def test_a_pushed_reminder_appears_live(
    client: Client, make_user: MakeUser, sky: Sky, open_page: Any
) -> None:
    user = await make_user(language="ru", timezone="Europe/Moscow")
    page = await open_page()
    await page.goto(await _login_link(client, user.user_id))
    await expect(page.locator("body")).to_have_attribute("data-live", "on")
    event = sky.events[3]
    push = {
        "audience": {"user": str(user.user_id)},
        "type": "reminder",
        "id": f"reminder:{event.id}:60:{user.user_id}",
        "data": {
            "event_id": str(event.id),
            "kind": event.kind,
            "subject": event.subject,
            "occurs_at": event.occurs_at.isoformat(),
            "payload": event.payload,
            "lead_minutes": 60,
        },
    }
    await client.app[RUNTIME].bus.publish(WS_CHANNEL, orjson.dumps(push))
    ru = client.app[RUNTIME].i18n.get("ru")
    item = page.locator("#live .live-item")
    await expect(item.locator(".event-title")).to_have_text(
        event_title(ru, event.kind, event.subject, event.payload, "north")
    )
    await expect(item.locator(".live-label")).to_have_text(ru("page-live-reminder"))
    await expect(item.locator(".event-when")).to_contain_text(re.compile(r"\b0?1:00"))
    await expect(page.locator(".toast")).to_have_count(1)
    # A redelivery of the same push is not shown twice.
    await client.app[RUNTIME].bus.publish(WS_CHANNEL, orjson.dumps(push))
    await client.app[RUNTIME].bus.publish(
        WS_CHANNEL, orjson.dumps({**push, "id": "another", "type": "event.upcoming"})
    )
    await expect(item).to_have_count(2)
    await expect(item.first.locator(".live-label")).to_have_text(ru("page-live-upcoming"))
    await _screenshots(page, "ru-live")


async def test_event_details_open_with_the_description(
    client: Client, make_user: MakeUser, sky: Sky, open_page: Any
) -> None:
    user = await make_user(language="de", timezone="Europe/Moscow")
    page = await open_page()
    await page.goto(await _login_link(client, user.user_id))
    await page.locator("#events .event").nth(2).click()
    dialog = page.locator("#details")
    await expect(dialog).to_be_visible()
    detail = await client.get(f"/api/events/{sky.events[2].id}", headers=user.headers)
    body = await detail.json()
    await expect(dialog.locator("#details-title")).to_have_text(body["title"])
    await expect(dialog.locator("#details-text")).to_have_text(body["description"])
    await dialog.locator("button").click()
    await expect(dialog).to_be_hidden()


async def test_a_bad_link_shows_the_localized_error(client: Client, open_page: Any) -> None:
    page = await open_page("hy-AM")
    await page.goto(str(client.make_url("/login").with_query(token="not-a-real-token")))
    hy = client.app[RUNTIME].i18n.get("hy")
    await expect(page.locator("#status-text")).to_have_text(hy.error("token_invalid"))
    # The visitor still sees the calendar, with the sign-in offered beside it.
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
    await expect(page.locator("#signin")).to_be_visible()
    await expect(page.locator("html")).to_have_attribute("lang", "hy")
    assert "token" not in page.url


async def test_email_registration_then_wrong_password(client: Client, open_page: Any) -> None:
    page = await open_page("fr-FR")
    await page.goto(str(client.make_url("/")))
    fr = client.app[RUNTIME].i18n.get("fr")
    await expect(page.locator("#signin-title")).to_have_text(fr("page-reminders-title"))
    # A visitor is offered an account first.
    await expect(page.locator("#signin-submit")).to_have_text(fr("page-register-submit"))
    await page.fill("#email", "lune@example.org")
    await page.fill("#password", "a long and quiet night sky")
    await page.locator("#signin-submit").click()
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")
    await expect(page.locator("html")).to_have_attribute("lang", "fr")
    await page.locator("#signout").click()
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
    await page.locator("#signin-open").click()
    await expect(page.locator("#signin-submit")).to_have_text(fr("page-signin-submit"))
    await page.fill("#email", "lune@example.org")
    await page.fill("#password", "not the password at all")
    await page.locator("#signin-submit").click()
    await expect(page.locator("#status-text")).to_have_text(fr.error("invalid_credentials"))


async def test_mini_app_signs_in_with_telegram_init_data(
    make_client: MakeClient, open_page: Any
) -> None:
    client = await make_client(telegram={"bot_token": BOT_TOKEN})
    signed = init_data()
    page = await open_page()

    async def telegram_sdk(route: Route) -> None:
        # telegram.org is unreachable here; this stands in for the SDK's Telegram.WebApp.
        web_app = orjson.dumps({"initData": signed, "themeParams": {"button_color": "#5288c1"}})
        methods = "ready() {}, expand() {}"
        script = f"window.Telegram = {{WebApp: {{...{web_app.decode()}, {methods}}}}};"
        await route.fulfill(body=script, content_type="text/javascript")

    await page.route("https://telegram.org/js/telegram-web-app.js", telegram_sdk)
    fragment = f"tgWebAppData={quote(signed, safe='')}&tgWebAppVersion=8.0"
    await page.goto(f"{client.make_url('/')}#{fragment}")
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")
    # initData's user speaks pt-br: the new account and the page are Portuguese.
    await expect(page.locator("html")).to_have_attribute("lang", "pt")


async def test_scripts_run_under_the_content_security_policy(
    client: Client, open_page: Any
) -> None:
    page = await open_page()
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    await page.goto(str(client.make_url("/")))
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
    assert await page.evaluate("document.documentElement.lang") == "en"
    assert violations == []


async def test_moon_phase_between_principal_phases(client: Client, open_page: Any) -> None:
    page = await open_page()
    await page.goto(str(client.make_url("/")))
    # A last quarter, then a new moon 8 days later, then a first quarter 7 days after that.
    events = [
        {"kind": "last_quarter", "local_time": "2031-03-01T12:00:00+03:00"},
        {"kind": "opposition", "local_time": "2031-03-04T12:00:00+03:00"},
        {"kind": "new_moon", "local_time": "2031-03-09T12:00:00+03:00"},
        {"kind": "first_quarter", "local_time": "2031-03-16T12:00:00+03:00"},
    ]
    days = ["2031-02-28", "2031-03-01", "2031-03-05", "2031-03-09", "2031-03-12", "2031-03-20"]
    angles = await page.evaluate(
        """async ([events, days]) => {
            const moon = await import("/static/moon.js");
            const phases = moon.principalPhases(events);
            return days.map((day) => {
                const angle = moon.phaseAngle(phases, Date.parse(day + "T00:00:00Z"));
                if (angle === null) return null;
                return [Math.round(angle * 100) / 100, moon.phaseName(angle)];
            });
        }""",
        [events, days],
    )
    # Outside the known phases there is no answer; a principal phase's day shows it exactly;
    # in between the angle grows evenly (4 of 8 days from 270 to 360: 315).
    assert angles == [
        None,
        [270, "page-moon-last-quarter"],
        [315, "page-moon-waning-crescent"],
        [0, "page-moon-new"],
        [38.57, "page-moon-waxing-crescent"],
        None,
    ]
