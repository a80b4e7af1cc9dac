"""One headless Chromium (Debian's, through Playwright) and the helpers the page's tests share."""

import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Literal

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from playwright.async_api import (
    Browser,
    ConsoleMessage,
    Page,
    ViewportSize,
    async_playwright,
    expect,
)

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
# Git-ignored: phone and desktop screenshots of each test, for people to look at.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "artifacts"
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
# Playwright's default is 30 s; everything here is local and answers within a second or two.
WAIT_MS = 10_000


def script_error(message: ConsoleMessage, errors: list[str]) -> None:
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
        **options: Any,
    ) -> Page:
        context = await browser.new_context(
            **options,
            locale=locale,
            timezone_id=timezone,
            viewport=viewport,
            color_scheme=color_scheme,
            has_touch=viewport == PHONE,
            service_workers="block",
        )
        contexts.append(context)
        page = await context.new_page()
        page.set_default_timeout(WAIT_MS)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: script_error(message, errors))
        return page

    yield open_with
    for context in contexts:
        await context.close()
    assert errors == []


async def screenshots(page: Page, name: str) -> None:
    """Save the page as a desktop and a phone would show it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    await page.set_viewport_size(DESKTOP)
    await page.screenshot(path=SCREENSHOTS / f"{name}-desktop.png", full_page=True)
    await page.set_viewport_size(PHONE)
    await page.screenshot(path=SCREENSHOTS / f"{name}-phone.png", full_page=True)
    if size is not None:
        await page.set_viewport_size(size)


AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


async def axe_violations(page: Page) -> list[str]:
    """axe-core's WCAG 2.x A/AA violations on the page as it stands."""
    if not AXE.exists():
        message = f"{AXE} is missing: npm ci (scripts/test does)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    # Evaluated through the DevTools protocol: the page's Content-Security-Policy stays as served.
    await page.evaluate(AXE.read_text())
    result = await page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
        })).violations.map((v) => v.id + ": " + v.nodes.map((n) => n.target.join(" ")))"""
    )
    return list(result)


async def visit(page: Page, client: TestClient[web.Request, web.Application]) -> None:
    await page.goto(str(client.make_url("/")))
    await expect(page.locator("body")).to_have_attribute("data-ready", "visitor")
