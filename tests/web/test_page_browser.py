"""The calendar page in Debian's Chromium, against the real application on PostgreSQL."""

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import babel.dates
import orjson
import pytest
from babel import Locale
from playwright.async_api import (
    Page,
    Route,
    expect,
)

from core.event_text import event_title
from core.i18n import Translator
from core.push import WS_CHANNEL
from models.event import AstroEvent
from models.token import TokenPurpose
from models.tokens import issue_one_time_token
from tests.web.browser import DESKTOP, PHONE, SCREENSHOTS, axe_violations, screenshots, visit
from tests.web.conftest import Client, MakeClient, MakeUser
from tests.web.test_auth_telegram import BOT_TOKEN, init_data
from web.auth.cookie import COOKIE_NAME, SESSION_PATH
from web.keys import BUS, I18N, SESSIONMAKER

pytestmark = [pytest.mark.postgres, pytest.mark.browser]

ZONE = ZoneInfo("Europe/Moscow")
HORIZON_MARGIN = timedelta(days=92)
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
    # Rows a quarter before and after: the stored horizon then spans every window these tests
    # show, which the events API reads from the table instead of computing it.
    horizon = [
        AstroEvent(kind="lunar_apogee", occurs_at=_at(month, 1, 0) + offset, payload={})
        for offset in (-HORIZON_MARGIN, HORIZON_MARGIN)
    ]
    async with client.app[SESSIONMAKER].begin() as session:
        session.add_all(rows + horizon)
    return Sky(month=month, events=rows)


async def _login_link(client: Client, user_id: uuid.UUID) -> str:
    async with client.app[SESSIONMAKER].begin() as session:
        token = await issue_one_time_token(session, user_id, TokenPurpose.WEB_LOGIN)
    return str(client.make_url("/login").with_query(token=token))


def _titles(tr: Translator, sky: Sky) -> list[str]:
    return [event_title(tr, e.kind, e.subject, e.payload, "north") for e in sky.events]


async def _expect_month(page: Page, client: Client, sky: Sky, language: str) -> None:
    """The month's title and events are shown in `language`, times in Moscow time."""
    tr = client.app[I18N].get(language)
    await expect(page.locator("html")).to_have_attribute("lang", language)
    # CLDR's year-month as the browser's Intl writes it, or as Babel does where Intl lacks it.
    title = babel.dates.format_skeleton("yMMMM", sky.month, locale=tr.babel_locale)
    await expect(page.locator("#month-title")).to_have_text(title)
    await expect(page.locator("#events .event-title")).to_have_text(_titles(tr, sky))
    # The full moon at 01:00 Moscow time, on the 18th.
    when = page.locator("#events .event-when").nth(3)
    await expect(when).to_contain_text(re.compile(r"\b0?1:00"))
    await expect(when).to_contain_text("18")


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
    ru = client.app[I18N].get("ru")
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
    await screenshots(page, "hy")

    await page.select_option("#language", "hi")
    await _expect_month(page, client, sky, "hi")
    title = await page.locator("#month-title").text_content()
    assert title is not None
    assert DEVANAGARI.search(title)
    await _assert_glyphs(page, title)
    await screenshots(page, "hi")
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
    await _assert_glyphs(page, client.app[I18N].get("ja")("page-month-events"))
    await page.select_option("#language", "zh")
    await _expect_month(page, client, sky, "zh")
    await _assert_glyphs(page, client.app[I18N].get("zh")("page-month-events"))
    # A phone (and Telegram's Mini App view): the month fits the width, nothing scrolls sideways.
    await page.set_viewport_size(PHONE)
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert await page.evaluate(overflow) == 0
    await screenshots(page, "zh")


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
    await client.app[BUS].publish(WS_CHANNEL, orjson.dumps(push))
    ru = client.app[I18N].get("ru")
    item = page.locator("#live .live-item")
    await expect(item.locator(".event-title")).to_have_text(
        event_title(ru, event.kind, event.subject, event.payload, "north")
    )
    await expect(item.locator(".live-label")).to_have_text(ru("page-live-reminder"))
    await expect(item.locator(".event-when")).to_contain_text(re.compile(r"\b0?1:00"))
    await expect(page.locator(".toast")).to_have_count(1)
    # A redelivery of the same push is not shown twice.
    await client.app[BUS].publish(WS_CHANNEL, orjson.dumps(push))
    await client.app[BUS].publish(
        WS_CHANNEL, orjson.dumps({**push, "id": "another", "type": "event.upcoming"})
    )
    await expect(item).to_have_count(2)
    await expect(item.first.locator(".live-label")).to_have_text(ru("page-live-upcoming"))
    await screenshots(page, "ru-live")


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
    hy = client.app[I18N].get("hy")
    await expect(page.locator("#status-text")).to_have_text(hy.error("token_invalid"))
    # The visitor still sees the calendar, with the sign-in offered beside it.
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
    await expect(page.locator("#signin")).to_be_visible()
    await expect(page.locator("html")).to_have_attribute("lang", "hy")
    assert "token" not in page.url


async def test_email_registration_then_wrong_password(client: Client, open_page: Any) -> None:
    page = await open_page("fr-FR")
    await page.goto(str(client.make_url("/")))
    fr = client.app[I18N].get("fr")
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

    # Telegram's web client frames the Mini App cross-site, where the SameSite=Strict refresh
    # cookie is withheld: when the access token is refused, the launch data signs in again.
    await page.context.clear_cookies()
    sign_ins: list[str] = []
    page.on("request", lambda r: sign_ins.append(r.url) if "/api/auth/webapp" in r.url else None)
    refused: list[str] = []

    async def expired_once(route: Route) -> None:
        if refused:
            await route.continue_()
            return
        refused.append(route.request.url)
        await route.fulfill(status=401, json={"error": {"code": "token_expired", "message": ""}})

    await page.route("**/api/events?*", expired_once)
    await page.locator("#next").click()
    await expect(page.locator("#events .event").first).to_be_attached()
    assert (len(refused), len(sign_ins)) == (1, 1)
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")


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


# Every focusable control a finger can reach, with its size.
_TAP_TARGETS = """() => [...document.querySelectorAll(
    "button, select, input, a[href], [role=gridcell]"
)].filter((node) => node.offsetParent !== null && !node.closest("[hidden], dialog:not([open])"))
  .map((node) => {
    const box = node.getBoundingClientRect();
    return {id: node.id || node.className, width: box.width, height: box.height};
  })"""


async def test_a_visitor_sees_the_month_with_moon_and_details_in_their_language(
    client: Client, sky: Sky, open_page: Any
) -> None:
    page = await open_page("ru-RU", timezone="Europe/Moscow")
    await visit(page, client)
    await _expect_month(page, client, sky, "ru")
    await expect(page.locator(".day:not(.outside) svg.moon")).to_have_count(25 - 3 + 1)
    await expect(page.locator("#zone")).to_have_text("Москва, стандартное время")
    # Reminders are what an account adds: the sign-up form is offered beside the calendar.
    ru = client.app[I18N].get("ru")
    await expect(page.locator("#signin-title")).to_have_text(ru("page-reminders-title"))
    await expect(page.locator("#signin-submit")).to_have_text(ru("page-register-submit"))
    await expect(page.locator("#live-card")).to_be_hidden()
    await page.locator("#events .event").nth(3).click()
    detail = await client.get(f"/api/events/{sky.events[3].id}", params={"lang": "ru"})
    await expect(page.locator("#details-text")).to_have_text((await detail.json())["description"])
    await page.keyboard.press("Escape")
    await screenshots(page, "visitor-ru")


async def test_a_failed_month_never_says_nothing_and_retries(
    client: Client, sky: Sky, open_page: Any
) -> None:
    page = await open_page()

    async def offline(route: Route) -> None:
        await route.abort("internetdisconnected")

    await page.route("**/api/events?*", offline)
    await visit(page, client)
    await expect(page.locator("#list-failed")).to_be_visible()
    await expect(page.locator("#list-empty")).to_be_hidden()
    await expect(page.locator("#events .event")).to_have_count(0)
    await page.unroute("**/api/events?*", offline)
    await page.locator("#list-retry").click()
    await expect(page.locator("#events .event")).to_have_count(len(sky.events))
    await expect(page.locator("#list-failed")).to_be_hidden()


async def test_navigation_stops_at_the_years_the_calendar_covers(
    client: Client, open_page: Any
) -> None:
    page = await open_page()
    year = _this_month().year
    asked: list[str] = []

    async def one_year(route: Route) -> None:
        # The calendar as if it covered only this year: the bounds come from the server.
        response = await route.fetch()
        texts = await response.json()
        texts["calendar"] |= {"first_year": year, "last_year": year}
        await route.fulfill(response=response, json=texts)

    page.on("request", lambda request: asked.append(request.url))
    await page.route("**/api/i18n/page?*", one_year)
    await visit(page, client)
    for _ in range(12):
        if await page.locator("#prev").is_disabled():
            break
        await page.locator("#prev").click()
    await expect(page.locator("#prev")).to_be_disabled()
    await expect(page.locator("#month-title")).to_contain_text(str(year))
    for _ in range(12):
        if await page.locator("#next").is_disabled():
            break
        await page.locator("#next").click()
    await expect(page.locator("#next")).to_be_disabled()
    await expect(page.locator("#list-failed")).to_be_hidden()
    # No request reaches outside the covered years (the grid's edges are clipped).
    windows = [url for url in asked if "/api/events?" in url]
    assert windows
    assert all(f"from={year}-" in url and f"to={year}-" in url for url in windows), windows


async def test_a_phone_taps_a_day_to_list_its_events(
    client: Client, sky: Sky, open_page: Any
) -> None:
    page = await open_page("en-GB", viewport=PHONE)
    await visit(page, client)
    en = client.app[I18N].get("en")
    await expect(page.locator("#list-title")).to_have_text(en("page-month-events"))
    full_moon = sky.month.replace(day=18).isoformat()
    await page.locator(f'[data-day="{full_moon}"]').tap()
    await expect(page.locator(f'[data-day="{full_moon}"]')).to_have_attribute(
        "aria-selected", "true"
    )
    await expect(page.locator("#events .event-title")).to_have_text([_titles(en, sky)[3]])
    await expect(page.locator("#list-title")).to_contain_text("18")
    await page.locator(f'[data-day="{sky.month.replace(day=2).isoformat()}"]').tap()
    await expect(page.locator("#list-empty")).to_have_text(en("page-day-empty"))
    await page.locator("#show-month").tap()
    await expect(page.locator("#events .event")).to_have_count(len(sky.events))
    # Fingers need 44 px: every control and day cell is at least that big.
    small = [
        target
        for target in await page.evaluate(_TAP_TARGETS)
        if target["width"] < 44 or target["height"] < 44
    ]
    assert small == []
    # One list: the phone's page is the grid and the month's events, not two lists of them.
    assert await page.locator("ol.events").count() == 2  # the month's list and the live list
    await screenshots(page, "visitor-phone")


async def test_arrow_keys_move_through_the_grid_and_enter_chooses_a_day(
    client: Client, sky: Sky, open_page: Any
) -> None:
    page = await open_page()
    await visit(page, client)
    # The skip link comes first and leads past the header to the grid.
    await page.keyboard.press("Tab")
    await expect(page.locator(".skip")).to_be_focused()
    first = sky.month.replace(day=1)
    cell = page.locator(f'[data-day="{first.isoformat()}"]')
    await cell.focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.locator(f'[data-day="{first.replace(day=2).isoformat()}"]')).to_be_focused()
    await page.keyboard.press("ArrowDown")
    await expect(page.locator(f'[data-day="{first.replace(day=9).isoformat()}"]')).to_be_focused()
    await page.keyboard.press("ArrowUp")
    await page.keyboard.press("ArrowLeft")
    await page.keyboard.press("ArrowLeft")
    # Leaving the month's first day goes to the last day of the month before.
    before = first - timedelta(days=1)
    await expect(page.locator("#month-title")).to_contain_text(str(before.year))
    await expect(page.locator(f'[data-day="{before.isoformat()}"]')).to_be_focused()
    await page.keyboard.press("PageDown")
    # The same day of the next month, or its last day when that month is shorter.
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    same_day = first.replace(day=min(before.day, last.day))
    await expect(page.locator(f'[data-day="{same_day.isoformat()}"]')).to_be_focused()
    await page.keyboard.press("Enter")
    focused = page.locator("[role=gridcell]:focus")
    await expect(focused).to_have_attribute("aria-selected", "true")
    # Only one cell is in the tab order (roving tabindex); each is labelled with its date.
    assert await page.locator("[role=gridcell][tabindex='0']").count() == 1
    full_moon = page.locator(f'[data-day="{sky.month.replace(day=18).isoformat()}"]')
    en = client.app[I18N].get("en")
    name = re.compile(rf"18 {sky.month:%B} {sky.month.year}.*{_titles(en, sky)[3]}")
    await expect(full_moon).to_have_accessible_name(name)


async def test_axe_finds_nothing_in_either_theme_on_a_phone_or_a_desktop(
    client: Client, sky: Sky, open_page: Any
) -> None:
    page = await open_page("en-GB")
    await visit(page, client)
    await expect(page.locator("#events .event")).to_have_count(len(sky.events))
    for scheme in ("light", "dark"):
        await page.emulate_media(color_scheme=scheme)
        # The scheme is followed: dark text on light, light text on dark.
        text = await page.evaluate("getComputedStyle(document.body).color")
        channels = [int(part) for part in re.findall(r"\d+", text)[:3]]
        assert (sum(channels) < 200) == (scheme == "light")
        for viewport in (DESKTOP, PHONE):
            await page.set_viewport_size(viewport)
            assert await axe_violations(page) == [], (scheme, viewport)
        await screenshots(page, f"visitor-{scheme}")


async def _open_mini_app(page: Page, client: Client, scheme: str, params: dict[str, str]) -> None:
    """Open the page as Telegram opens a Mini App: a stand-in SDK in `scheme` and `params`."""
    signed = init_data()

    async def telegram_sdk(route: Route) -> None:
        web_app = orjson.dumps({"initData": signed, "colorScheme": scheme, "themeParams": params})
        # onEvent keeps each handler the page registers, for a test to call.
        methods = "ready() {}, expand() {}, onEvent(name, handler) { window[name] = handler; }"
        script = f"window.Telegram = {{WebApp: {{...{web_app.decode()}, {methods}}}}};"
        await route.fulfill(body=script, content_type="text/javascript")

    await page.route("https://telegram.org/js/telegram-web-app.js", telegram_sdk)
    await page.goto(f"{client.make_url('/')}#tgWebAppData={quote(signed, safe='')}")
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")


async def test_the_telegram_light_theme_keeps_its_contrast(
    make_client: MakeClient, open_page: Any
) -> None:
    client = await make_client(telegram={"bot_token": BOT_TOKEN})
    page = await open_page(color_scheme="dark")
    # A light Telegram theme with its faint hint colour, which the page must not use.
    params = {"bg_color": "#ffffff", "text_color": "#000000", "hint_color": "#b0b0b0"}
    await _open_mini_app(page, client, "light", params)
    assert await page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert await axe_violations(page) == []


async def test_without_its_texts_the_page_says_so_in_english_and_retries(
    client: Client, open_page: Any
) -> None:
    page = await open_page("de-DE")
    failing = True

    async def texts(route: Route) -> None:
        if failing:
            await route.abort("internetdisconnected")
        else:
            await route.continue_()

    await page.route("**/api/i18n/page?*", texts)
    await page.goto(str(client.make_url("/")))
    await expect(page.locator("#status-text")).to_contain_text("could not load its texts")
    await expect(page.locator("#loading")).to_be_hidden()
    failing = False
    await page.locator("#status-retry").click()
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
    await expect(page.locator("html")).to_have_attribute("lang", "de")
    await expect(page.locator("#status")).to_be_hidden()


async def test_a_missing_telegram_script_gives_the_ordinary_page(
    make_client: MakeClient, open_page: Any
) -> None:
    client = await make_client(telegram={"bot_token": BOT_TOKEN})
    page = await open_page()

    async def blocked(route: Route) -> None:
        await route.abort("blockedbyclient")

    await page.route("https://telegram.org/js/telegram-web-app.js", blocked)
    await page.goto(f"{client.make_url('/')}#tgWebAppData={quote(init_data(), safe='')}")
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
    await expect(page.locator("#status")).to_be_hidden()


@pytest.mark.parametrize(
    ("locale", "hour", "first_column", "zone"),
    [
        ("en-US", re.compile(r"1:00\s?AM"), "Sun", "Moscow Standard Time"),
        ("en-GB", re.compile(r"01:00"), "Mon", "Moscow Standard Time"),
        ("pt-BR", re.compile(r"01:00"), "dom.", "Horário Padrão de Moscou"),
        ("pt-PT", re.compile(r"01:00"), "domingo", "Hora padrão de Moscovo"),
        # Chromium's Intl has no Armenian: the server's CLDR (Babel) names the zone.
        ("hy-AM", re.compile(r"01:00"), "երկ", "Մոսկվայի ստանդարտ ժամանակ"),
    ],
)
async def test_formats_follow_the_browsers_full_locale(
    client: Client,
    sky: Sky,
    open_page: Any,
    locale: str,
    hour: re.Pattern[str],
    first_column: str,
    zone: str,
) -> None:
    page = await open_page(locale)
    await visit(page, client)
    await expect(page.locator("#events .event-when").nth(3)).to_contain_text(hour)
    await expect(page.locator(".weekday").first).to_have_text(first_column)
    await expect(page.locator("#zone")).to_have_text(zone)


async def test_titles_are_cased_once_and_never_broken_inside_a_word(
    client: Client, sky: Sky, open_page: Any
) -> None:
    page = await open_page("hy-AM")
    await visit(page, client)
    title = page.locator("#month-title")
    text = await title.text_content()
    shown = await title.inner_text()
    assert text is not None
    # Only the first letter may be raised; "թ. դեկտեմբեր" is not turned into "Թ. Դեկտեմբեր".
    assert shown[1:] == text[1:]
    # Each event in the grid keeps to one line (cut with an ellipsis, never mid-word).
    heights = await page.evaluate(
        """() => [...document.querySelectorAll(".day-event-title")].map((node) =>
            node.getBoundingClientRect().height / parseFloat(getComputedStyle(node).lineHeight))"""
    )
    assert heights
    assert all(lines < 1.5 for lines in heights)


async def test_a_supermoon_is_one_entry_with_its_full_moon(
    client: Client, sky: Sky, open_page: Any
) -> None:
    full_moon = sky.events[3]
    supermoon = AstroEvent(
        kind="supermoon",
        occurs_at=full_moon.occurs_at,
        payload={**full_moon.payload, "phase": "full"},
        significance=60,
    )
    async with client.app[SESSIONMAKER].begin() as session:
        session.add(supermoon)
    page = await open_page()
    await visit(page, client)
    en = client.app[I18N].get("en")
    title = event_title(en, "supermoon", "", supermoon.payload, "north")
    titles = _titles(en, sky)
    await expect(page.locator("#events .event-title")).to_have_text(
        [*titles[:3], title, titles[4]]
    )
    day = page.locator(f'[data-day="{sky.month.replace(day=18).isoformat()}"]')
    await expect(day.locator(".day-event-title")).to_have_text([title])
    # The drawn Moon is still full that day.
    await expect(day.locator("svg.moon")).to_have_attribute("aria-label", en("page-moon-full"))


async def test_the_pushes_remembered_against_redelivery_are_bounded(
    client: Client, open_page: Any
) -> None:
    page = await open_page()
    await page.goto(str(client.make_url("/")))
    answers = await page.evaluate(
        """async () => {
            const { RecentIds } = await import("/static/live.js");
            const seen = new RecentIds(3);
            const answers = ["a", "a", "b", "c", "d", "a", "d"].map((id) => seen.seenBefore(id));
            return [answers, seen.size];
        }"""
    )
    # "a" is forgotten once three newer ids arrived; the set never holds more than three.
    assert answers == [[False, True, False, False, False, False, True], 3]


async def test_a_session_survives_a_new_tab_and_a_restart_and_ends_with_sign_out(
    client: Client, open_page: Any
) -> None:
    page = await open_page()
    await visit(page, client)
    await page.fill("#email", "ada@example.org")
    await page.fill("#password", "a long and quiet night sky")
    await page.locator("#signin-submit").click()
    await expect(page.locator("body")).to_have_attribute("data-ready", "calendar")
    (cookie,) = [c for c in await page.context.cookies() if c["name"] == COOKIE_NAME]
    assert cookie["httpOnly"]
    assert cookie["sameSite"] == "Strict"
    assert cookie["path"] == SESSION_PATH
    assert cookie["expires"] > 0  # kept across a browser restart, unlike a session cookie
    # No script of the page can read the refresh token, nor is any token kept in storage.
    assert await page.evaluate("document.cookie") == ""
    stored = await page.evaluate("JSON.stringify([{...localStorage}, {...sessionStorage}])")
    assert cookie["value"] not in stored
    assert "eyJ" not in stored  # no JWT either: the access token stays in memory

    tab = await page.context.new_page()
    await tab.goto(str(client.make_url("/")))
    await expect(tab.locator("body")).to_have_attribute("data-ready", "calendar")

    # A restart: a new browser profile holding only what the old one kept on disk.
    restarted = await open_page(storage_state=await page.context.storage_state())
    await restarted.goto(str(client.make_url("/")))
    await expect(restarted.locator("body")).to_have_attribute("data-ready", "calendar")
    await screenshots(restarted, "session-restored")
    await restarted.locator("#signout").click()
    await expect(restarted.locator("body")).to_have_attribute("data-ready", "visitor")
    assert [c for c in await restarted.context.cookies() if c["name"] == COOKIE_NAME] == []
    # Signing out ended the session itself: the first browser's cookie no longer works.
    await tab.reload()
    await expect(tab.locator("body")).to_have_attribute("data-ready", "visitor")


# What one visit transfers: the page, its files and its texts (performance resource timing).
_TRANSFERRED = """() => {
    const entries = [...performance.getEntriesByType("navigation"),
                     ...performance.getEntriesByType("resource")];
    return entries.map((e) => ({url: e.name, wire: e.transferSize, body: e.decodedBodySize}));
}"""
# The page's own weight (HTML, scripts, styles, icon, texts), gzipped; README states the figure.
PAGE_BUDGET_BYTES = 40_000


async def test_the_page_travels_gzipped_and_is_cached_forever_under_hashed_names(
    client: Client, open_page: Any
) -> None:
    page = await open_page("en-GB", viewport=PHONE)
    statics: list[tuple[str, str | None, str | None]] = []

    async def record(response: Any) -> None:
        if "/static/" in response.url:
            headers = await response.all_headers()
            statics.append(
                (response.url, headers.get("content-encoding"), headers.get("cache-control"))
            )

    page.on("response", record)
    await visit(page, client)
    assert len(statics) >= 8
    for url, encoding, cache in statics:
        assert re.search(r"/static/[\w-]+\.[0-9a-f]{10}\.(js|css|svg)$", url), url
        assert cache == "public, max-age=31536000, immutable"
        assert encoding == "gzip" or url.endswith(".svg"), url
    first = await page.evaluate(_TRANSFERRED)
    own = [e for e in first if "/ws" not in e["url"] and "/api/events" not in e["url"]]
    wire = sum(entry["wire"] for entry in own)
    body = sum(entry["body"] for entry in own)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "page-weight.txt").write_text(f"{wire} bytes on the wire, {body} unpacked\n")
    assert wire < PAGE_BUDGET_BYTES < body
    # A second visit takes every file from the cache without asking the server.
    await page.reload()
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
    again = await page.evaluate(_TRANSFERRED)
    static_again = [e for e in again if "/static/" in e["url"]]
    assert static_again
    assert all(entry["wire"] == 0 for entry in static_again)
    await screenshots(page, "weight")


@pytest.mark.parametrize("locale", ["pt-PT", "es-ES", "es-419", "zh-CN", "zh-TW"])
async def test_regional_variants_keep_their_own_cldr_formats(
    client: Client, sky: Sky, open_page: Any, locale: str
) -> None:
    cldr = Locale.parse(locale, sep="-")
    page = await open_page(locale)
    await visit(page, client)
    first = await page.locator("[role=gridcell]").first.get_attribute("data-day")
    assert first is not None
    assert date.fromisoformat(first).weekday() == cldr.first_week_day
    weekday = cldr.days["format"]["abbreviated"][cldr.first_week_day]
    await expect(page.locator(".weekday").first).to_have_text(weekday)
    # Jupiter's opposition at 22:00 Moscow time, on a 24-hour or a 12-hour clock.
    opposition = page.locator("#events .event-when").nth(2)
    if "H" in cldr.time_formats["short"].pattern:
        await expect(opposition).to_contain_text("22:00")
    else:
        await expect(opposition).to_contain_text("10:00")
    await screenshots(page, f"region-{locale}")


async def test_the_mini_app_follows_telegrams_dark_theme_and_its_changes(
    make_client: MakeClient, open_page: Any
) -> None:
    client = await make_client(telegram={"bot_token": BOT_TOKEN})
    page = await open_page(color_scheme="light", viewport=PHONE)
    # Telegram Desktop's night theme.
    params = {"bg_color": "#17212b", "text_color": "#f5f5f5", "hint_color": "#708499"}
    await _open_mini_app(page, client, "dark", params)
    # The browser asked for light; the Mini App's dark theme wins, in Telegram's own colours.
    assert await page.evaluate("getComputedStyle(document.body).color") == "rgb(245, 245, 245)"
    await page.locator("#set-reminders summary").click()
    assert await axe_violations(page) == []
    await screenshots(page, "mini-app-dark")

    # Telegram switches to a light theme whose background is too grey for the page's accents:
    # the scheme follows, the page keeps its own light background.
    await page.evaluate(
        """() => {
            Object.assign(window.Telegram.WebApp, {
                colorScheme: "light",
                themeParams: {bg_color: "#8fa3b8", text_color: "#000000"},
            });
            window.themeChanged();
        }"""
    )
    await expect(page.locator("html")).to_have_attribute("data-theme", "light")
    background = await page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    assert background != "rgb(143, 163, 184)"
    assert await page.evaluate("getComputedStyle(document.body).color") == "rgb(20, 26, 51)"
    assert await axe_violations(page) == []
    await screenshots(page, "mini-app-light")
