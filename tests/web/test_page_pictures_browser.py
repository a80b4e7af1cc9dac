"""The page's event details show the event's picture, in Debian's Chromium."""

from typing import Any

import pytest
from playwright.async_api import expect

from tests.pictures.conftest import ARTIFACTS
from tests.web import test_page_browser as page_tests
from tests.web.browser import PHONE
from tests.web.conftest import Client, MakeUser
from tests.web.test_page_browser import Sky

# The page tests' month of events, found by pytest under this name (the browser comes from
# tests/web/conftest.py).
sky = page_tests.sky

pytestmark = [pytest.mark.postgres, pytest.mark.browser]


async def test_details_show_the_moon_and_a_planet_none(
    client: Client, make_user: MakeUser, sky: Sky, open_page: Any
) -> None:
    user = await make_user(language="hy", timezone="Europe/Moscow", latitude=40.18, longitude=44.5)
    page = await open_page(viewport=PHONE)
    await page.goto(await page_tests._login_link(client, user.user_id))
    # The full moon (the fourth event of the month) has a picture.
    await page.locator("#events .event").nth(3).click()
    picture = page.locator("#details-picture")
    await expect(picture).to_be_visible()
    source = await picture.get_attribute("src")
    assert source is not None
    assert f"/api/events/{sky.events[3].id}/image?" in source
    assert "format=webp" in source
    assert "lat=40.18" in source
    loaded = await picture.evaluate("(img) => img.decode().then(() => img.naturalWidth)")
    assert loaded >= 160
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    await picture.screenshot(path=ARTIFACTS / "page-details-full-moon.png")
    await page.locator("#details").screenshot(path=ARTIFACTS / "page-details-dialog.png")
    await page.keyboard.press("Escape")
    # Jupiter at opposition (the third) has none: no picture, no broken image.
    await page.locator("#events .event").nth(2).click()
    await expect(page.locator("#details-text")).not_to_be_empty()
    await expect(picture).to_be_hidden()
