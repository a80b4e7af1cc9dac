"""The calendar page's shell, assets and texts, served by the real application."""

import hashlib
import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import babel.dates
import pytest

from core.i18n import LANGUAGE_NATIVE_NAMES, LANGUAGES, I18n
from tests.web.conftest import Client
from web.assets import SERVED_SUFFIXES, STATIC_DIR, build_assets
from web.keys import I18N
from web.page import ASSETS

pytestmark = pytest.mark.postgres

# Every message id the page's files name: data-t / data-t-label attributes and t("...") calls.
_MESSAGE_REFERENCE = re.compile(r"[\"'](page-[a-z0-9-]+)[\"']")
INDEX = STATIC_DIR / "index.html"
SOURCES = {p.name: p for p in STATIC_DIR.iterdir() if p.suffix in SERVED_SUFFIXES}


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
    assert markup.script_sources == [f"/static/{client.app[ASSETS].names['app.js']}"]
    assert markup.html_lang == "en"


async def test_login_link_serves_the_page_and_is_never_cached(client: Client) -> None:
    response = await client.get("/login", params={"token": "abc"})
    assert response.status == 200
    assert await response.read() == (await (await client.get("/")).read())
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"


@pytest.mark.parametrize("name", sorted(SOURCES))
async def test_every_asset_is_served_with_its_type(client: Client, name: str) -> None:
    response = await client.get(f"/static/{name}")
    assert response.status == 200
    # The file itself, with the other files it imports named by their hashed names.
    names = client.app[ASSETS].names
    source = (STATIC_DIR / name).read_text()
    for plain, hashed in names.items():
        source = source.replace(f'"./{plain}"', f'"./{hashed}"')
    assert await response.text() == source
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
    assert imports <= set(SOURCES)


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
        for path in [INDEX, *SOURCES.values()]
        for msg_id in _MESSAGE_REFERENCE.findall(path.read_text())
    }
    english = web_i18n.get("en")
    defined = {i for i in english.message_ids if i.startswith("page-")}
    assert sorted(referenced - defined) == [], "used but not in locales/en/page.ftl"
    assert sorted(defined - referenced) == [], "in page.ftl but never shown"


async def _hashed_files(client: Client) -> list[str]:
    page = await (await client.get("/")).text()
    return re.findall(r'"/static/([\w.-]+)"', page)


async def test_the_page_links_files_by_the_hash_of_their_content(client: Client) -> None:
    linked = await _hashed_files(client)
    assert {name.split(".")[0] for name in linked} >= {"app", "api", "texts", "calendar", "icon"}
    seen: set[str] = set()
    queue = list(linked)
    while queue:
        name = queue.pop()
        if name in seen:
            continue
        seen.add(name)
        response = await client.get(f"/static/{name}")
        assert response.status == 200
        body = await response.read()
        assert name.split(".")[1] == hashlib.sha256(body).hexdigest()[:10]
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        # Imports name hashed files too, so a cached script never meets a newer one.
        queue += re.findall(r'from "\./([\w.-]+)"', body.decode())
    assert {name.split(".")[0] for name in seen} >= {"moon", "live", "signin"}


def test_a_changed_file_renames_every_file_that_imports_it(tmp_path: Path) -> None:
    shutil.copytree(STATIC_DIR, tmp_path, dirs_exist_ok=True)
    before = build_assets(tmp_path).names
    with (tmp_path / "moon.js").open("a") as script:
        script.write("\n// changed\n")
    after = build_assets(tmp_path).names
    changed = {name for name in before if before[name] != after[name]}
    # calendar.js imports moon.js, and app.js imports calendar.js.
    assert changed == {"moon.js", "calendar.js", "app.js"}


@pytest.mark.parametrize("path", ["/", "/static/app.js", "/api/i18n/page?lang=hy"])
async def test_the_page_and_its_texts_travel_gzipped(client: Client, path: str) -> None:
    plain = await client.get(path, headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in plain.headers
    packed = await client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    # aiohttp's client inflates it again: the same bytes, fewer of them on the wire.
    assert await packed.read() == await plain.read()
    if "Content-Length" in packed.headers:
        assert int(packed.headers["Content-Length"]) < len(await plain.read()) / 2


async def test_answers_carrying_secrets_are_never_compressed(client: Client) -> None:
    response = await client.post(
        "/api/auth/register",
        json={
            "email": "ada@example.org",
            "password": "correct horse battery",
            "display_name": "A" * 100,
        },
        headers={"Accept-Encoding": "gzip"},
    )
    assert response.status == 201
    assert "Content-Encoding" not in response.headers


async def test_a_client_refusing_gzip_gets_plain_bytes(client: Client) -> None:
    response = await client.get("/static/app.js", headers={"Accept-Encoding": "gzip;q=0, br"})
    assert "Content-Encoding" not in response.headers


@pytest.mark.parametrize(
    ("zone", "language", "name"),
    [
        ("Europe/Moscow", "hy", "Մոսկվայի ստանդարտ ժամանակ"),
        ("Asia/Calcutta", "en", "India Standard Time"),
        ("Asia/Yerevan", "ru", "Армения, стандартное время"),
    ],
)
async def test_zones_are_named_as_people_say_them(
    client: Client, zone: str, language: str, name: str
) -> None:
    response = await client.get("/api/i18n/zone", params={"tz": zone, "lang": language})
    assert response.status == 200
    assert await response.json() == {"zone": zone, "name": name}


async def test_an_unknown_zone_is_a_localized_422(client: Client) -> None:
    response = await client.get("/api/i18n/zone", params={"tz": "Mars/Olympus", "lang": "fr"})
    assert response.status == 422
    error = (await response.json())["error"]
    assert error["code"] == "invalid_timezone"
    assert error["message"] == client.app[I18N].get("fr").error("invalid_timezone")
