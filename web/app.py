"""The aiohttp application factory: middlewares, routes and resources, all from the Runtime."""

from aiohttp import web

from core.runtime import Runtime
from web import accounts, health, linking, page, settings_api, sky
from web.auth.jwt import ACCESS_TOKENS, AccessTokens
from web.auth.routes import setup_auth
from web.compression import compression_middleware
from web.errors import error_middleware
from web.event_images import setup_event_images
from web.events import setup_events
from web.ics_feed import setup_ics_feed
from web.keys import (
    AUTH_SETTINGS,
    BUS,
    DEFAULT_ZONE,
    ENGINE,
    I18N,
    SESSIONMAKER,
    TELEGRAM_SETTINGS,
    WEB_SETTINGS,
)
from web.metrics import metrics_middleware, setup_metrics
from web.openapi import setup_openapi
from web.security import security_middleware, setup_security
from web.ws.lifecycle import setup_ws


def create_app(runtime: Runtime) -> web.Application:
    """The whole web side (API, WebSockets, calendar page) for one process."""
    app = web.Application(
        middlewares=[
            metrics_middleware,
            error_middleware,
            security_middleware,
            compression_middleware,
        ],
        client_max_size=runtime.settings.web.max_body_bytes,
    )
    app[ENGINE] = runtime.engine
    app[SESSIONMAKER] = runtime.sessionmaker
    app[I18N] = runtime.i18n
    app[BUS] = runtime.bus
    app[WEB_SETTINGS] = runtime.settings.web
    app[AUTH_SETTINGS] = runtime.settings.auth
    app[TELEGRAM_SETTINGS] = runtime.settings.telegram
    app[DEFAULT_ZONE] = runtime.settings.default_timezone
    app[ACCESS_TOKENS] = AccessTokens(runtime.keyring, runtime.settings.auth)
    app.add_routes(health.routes)
    setup_security(app)
    setup_auth(app)
    app.add_routes(accounts.routes)
    app.add_routes(linking.routes)
    app.add_routes(settings_api.routes)
    setup_metrics(app)
    setup_events(app)
    sky.setup_sky(app)
    setup_event_images(app)
    setup_ics_feed(app)
    setup_ws(app)
    page.setup_page(app)
    setup_openapi(app)
    return app
