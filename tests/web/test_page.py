"""The calendar page's shell, assets and texts, served by the real application."""

import re
from datetime import date
from html.parser import HTMLParser

import babel.dates
import pytest

from core.i18n import LANGUAGE_NATIVE_NAMES, LANGUAGES, I18n
from tests.web.conftest import Client
from web.keys import I18N
from web.page import ASSETS, INDEX, STATIC_DIR

pytestmark = pytest.mark.postgres

# Every message id the page's files name: data-t / data-t-label attributes and t("...") calls.
_MESSAGE_REFERENCE = re.compile(r"[\"'](page-[a-z0-9-]+)[\"']")


class _Markup(HTMLParser):
    """Collects what the Content-Security-Policy cares about in a document."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.script_sources: list[str] = []
        self.style_elements = 0
        self.style_attributes = 0
        self.event_handlers: list[str] = []
        self.html_lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record scripts, styles and handler attributes."""
        attributes = dict(attrs)
        if tag == "html":
            self.html_lang = attributes.get("lang")
        if tag == "script":
            source = attributes.get("src")
            if source is None:
                self.inline_scripts += 1
            else:
                self.script_sources.append(source)
        if tag == "style":
            self.style_elements += 1
        if "style" in attributes:
            self.style_attributes += 1
        self.event_handlers += [name for name in attributes if name.startswith("on")]


async def test_page_is_served_at_root_with_the_security_headers(client: Client) -> None:
    response = await client.get("/")
    assert response.status == 200
    assert response.content_type == "text/html"
    assert response.headers["Cache-Control"] == "no-cache"
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self' https://telegram.org" in policy
    assert "style-src 'self'" in policy
    markup = _Markup()
    markup.feed(await response.text())
    assert markup.inline_scripts == 0
    assert markup.style_elements == 0
    assert markup.style_attributes == 0
    assert markup.event_handlers == []
    assert markup.script_sources == ["/static/app.js"]
    assert markup.html_lang == "en"


async def test_login_link_serves_the_page_and_is_never_cached(client: Client) -> None:
    response = await client.get("/login", params={"token": "abc"})
    assert response.status == 200
    assert await response.read() == INDEX.read_bytes()
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("name", sorted(ASSETS))
async def test_every_asset_is_served_with_its_type(client: Client, name: str) -> None:
    response = await client.get(f"/static/{name}")
    assert response.status == 200
    assert await response.read() == (STATIC_DIR / name).read_bytes()
    expected = {".js": "javascript", ".css": "text/css", ".svg": "image/svg+xml"}
    assert expected[(STATIC_DIR / name).suffix] in response.content_type
    assert "Content-Security-Policy" in response.headers
    again = await client.get(
        f"/static/{name}", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.status == 304


def test_the_page_scripts_import_only_served_modules() -> None:
    imports = {
        match
        for path in STATIC_DIR.glob("*.js")
        for match in re.findall(r'from "\./([\w.]+)"', path.read_text())
    }
    assert imports
    assert imports <= set(ASSETS)


@pytest.mark.parametrize(
    "path", ["/static/index.html", "/static/%2e%2e%2fpage.py", "/static/x.js"]
)
async def test_unknown_or_outside_files_are_a_localized_404(client: Client, path: str) -> None:
    response = await client.get(path, headers={"Accept-Language": "ru"})
    assert response.status == 404
    body = await response.json()
    assert body["error"]["code"] == "not_found"
    assert body["error"]["message"] == client.app[I18N].get("ru").error("not_found")


@pytest.mark.parametrize("language", LANGUAGES)
async def test_texts_are_the_catalogue_in_the_asked_language(
    client: Client, language: str
) -> None:
    response = await client.get("/api/i18n/page", params={"lang": language})
    assert response.status == 200
    texts = await response.json()
    tr = client.app[I18N].get(language)
    assert texts["language"] == language
    assert texts["languages"] == dict(LANGUAGE_NATIVE_NAMES)
    english = client.app[I18N].get("en")
    page_ids = {i for i in english.message_ids if i.startswith("page-")}
    assert set(texts["messages"]) == page_ids
    for msg_id, text in texts["messages"].items():
        assert tr.has(msg_id), f"{language} lacks {msg_id}"
        assert text == tr(msg_id)
    locale = tr.babel_locale
    calendar = texts["calendar"]
    for month in (1, 3, 12):
        title = calendar["month_titles"][month - 1].replace("{year}", "2031")
        assert title == babel.dates.format_skeleton("yMMMM", date(2031, month, 1), locale=locale)
    assert calendar["weekdays"] == [locale.days["stand-alone"]["abbreviated"][d] for d in range(7)]


async def test_first_weekday_follows_the_languages_country(client: Client) -> None:
    async def first(language: str) -> int:
        response = await client.get("/api/i18n/page", params={"lang": language})
        return int((await response.json())["calendar"]["first_weekday"])

    # Weeks begin on Sunday in India, Japan and Brazil, on Monday in Russia and Armenia.
    assert [await first(lang) for lang in ("hi", "ja", "pt", "ru", "hy", "en")] == [
        6,
        6,
        6,
        0,
        0,
        0,
    ]


async def test_without_lang_the_browser_language_decides(client: Client) -> None:
    response = await client.get(
        "/api/i18n/page", headers={"Accept-Language": "fr-CA;q=0.5, hy-AM, en;q=0.1"}
    )
    assert (await response.json())["language"] == "hy"
    assert "Accept-Language" in response.headers["Vary"]


async def test_unknown_language_is_a_localized_422(client: Client) -> None:
    response = await client.get(
        "/api/i18n/page", params={"lang": "tlh"}, headers={"Accept-Language": "ja"}
    )
    assert response.status == 422
    error = (await response.json())["error"]
    assert error["code"] == "invalid_language"
    assert error["message"] == client.app[I18N].get("ja").error("invalid_language")


def test_the_page_uses_exactly_the_page_messages(web_i18n: I18n) -> None:
    referenced = {
        msg_id
        for path in [INDEX, *ASSETS.values()]
        for msg_id in _MESSAGE_REFERENCE.findall(path.read_text())
    }
    english = web_i18n.get("en")
    defined = {i for i in english.message_ids if i.startswith("page-")}
    assert sorted(referenced - defined) == [], "used but not in locales/en/page.ftl"
    assert sorted(defined - referenced) == [], "in page.ftl but never shown"
