"""Web fixtures: the real application on the session's PostgreSQL, and signed-in users."""

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from pytest_aiohttp import AiohttpClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.bus import InProcessBus
from core.config import AuthSettings, Settings
from core.i18n import I18n
from core.keys import KeyRing, generate_key, load_keyring
from core.runtime import Runtime
from models.user import User
from tests.web.browser import browser, open_page  # noqa: F401 (the page's browser tests use them)
from web.app import create_app
from web.auth.jwt import ACCESS_TOKENS, AccessTokens
from web.keys import SESSIONMAKER

Client = TestClient[web.Request, web.Application]
MakeRuntime = Callable[..., Runtime]
MakeClient = Callable[..., Awaitable[Client]]


@dataclass(frozen=True, slots=True)
class WebUser:
    """A user row in the database and a valid access token for it."""

    user_id: uuid.UUID
    access_token: str

    @property
    def headers(self) -> dict[str, str]:
        """The Authorization header that signs a request in as this user."""
        return {"Authorization": f"Bearer {self.access_token}"}


MakeUser = Callable[..., Awaitable[WebUser]]


@pytest.fixture(scope="session")
def web_keys_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One RSA signing key for the whole session (generating one per test is slow)."""
    keys_dir = tmp_path_factory.mktemp("jwt-keys")
    generate_key(keys_dir)
    return keys_dir


@pytest.fixture(scope="session")
def web_i18n() -> I18n:
    """The catalogues, parsed once for the session."""
    return I18n.load()


@pytest.fixture
def auth_settings(make_settings: Callable[..., Settings], web_keys_dir: Path) -> AuthSettings:
    """Default token settings with the session's key."""
    return make_settings(auth={"keys_dir": web_keys_dir}).auth


@pytest.fixture
def keyring(web_keys_dir: Path) -> KeyRing:
    """The session's key ring (one key)."""
    return load_keyring(web_keys_dir, generate=False)


@pytest.fixture
def tokens(keyring: KeyRing, auth_settings: AuthSettings) -> AccessTokens:
    """A fresh access-token issuer and verifier (empty cache)."""
    return AccessTokens(keyring, auth_settings)


@pytest.fixture
def make_runtime(
    make_settings: Callable[..., Settings],
    pg_url: str,
    pg_engine: AsyncEngine,
    pg_sessionmaker: async_sessionmaker[AsyncSession],
    web_keys_dir: Path,
    web_i18n: I18n,
) -> MakeRuntime:
    """Build a Runtime on the session's PostgreSQL with per-section setting overrides."""

    def build(**sections: dict[str, Any]) -> Runtime:
        sections.setdefault("database", {}).setdefault("url", pg_url)
        sections.setdefault("auth", {}).setdefault("keys_dir", web_keys_dir)
        settings = make_settings(**sections)
        return Runtime(
            settings=settings,
            engine=pg_engine,
            sessionmaker=pg_sessionmaker,
            i18n=web_i18n,
            bus=InProcessBus(),
            keyring=load_keyring(settings.auth.keys_dir, generate=False),
        )

    return build


@pytest.fixture
def runtime(make_runtime: MakeRuntime) -> Runtime:
    """The Runtime with default settings."""
    return make_runtime()


@pytest.fixture
def make_client(aiohttp_client: AiohttpClient, make_runtime: MakeRuntime) -> MakeClient:
    """Start the real application with per-section setting overrides; returns its test client."""

    async def start(**sections: dict[str, Any]) -> Client:
        return await aiohttp_client(create_app(make_runtime(**sections)))

    return start


@pytest.fixture
async def client(aiohttp_client: AiohttpClient, runtime: Runtime) -> Client:
    """A test client on the real application with default settings."""
    return await aiohttp_client(create_app(runtime))


async def create_web_user(app: web.Application, **fields: Any) -> WebUser:
    """Insert a user (any User column may be given) and sign an access token for it."""
    async with app[SESSIONMAKER].begin() as session:
        user = User(**fields)
        session.add(user)
        await session.flush()
        issued = app[ACCESS_TOKENS].issue(
            user.id,
            language=user.language,
            timezone=user.timezone,
            latitude=user.latitude,
            longitude=user.longitude,
        )
    return WebUser(user_id=user.id, access_token=issued.token)


@pytest.fixture
def make_user(client: Client) -> MakeUser:
    """Create a signed-in user on `client`'s application (or on another client's, if given)."""

    async def create(on: Client | None = None, **fields: Any) -> WebUser:
        return await create_web_user((on or client).app, **fields)

    return create
