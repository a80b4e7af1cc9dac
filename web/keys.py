"""Typed application keys: each shared object of the web app is reached through its own key.

A handler names exactly what it uses (the session maker, the texts, the bus, the settings
section it reads), so its dependencies show in its imports; `web.app` fills them in.
"""

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from core.bus import Bus
from core.config import AuthSettings, TelegramSettings, WebSettings
from core.i18n import I18n

ENGINE = web.AppKey("engine", AsyncEngine)
SESSIONMAKER = web.AppKey("sessionmaker", async_sessionmaker[AsyncSession])
I18N = web.AppKey("i18n", I18n)
BUS = web.AppKey("bus", Bus)
WEB_SETTINGS = web.AppKey("web_settings", WebSettings)
AUTH_SETTINGS = web.AppKey("auth_settings", AuthSettings)
TELEGRAM_SETTINGS = web.AppKey("telegram_settings", TelegramSettings)
# The zone of visitors who name none (DEFAULT_TIMEZONE).
DEFAULT_ZONE = web.AppKey("default_zone", str)
# The caller's profile language, set by the auth guard; localized errors read it.
LANGUAGE = web.RequestKey("language", str)
