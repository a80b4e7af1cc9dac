"""The aiohttp application factory: middlewares, routes and resources, all from the Runtime."""

from aiohttp import web

from core.runtime import Runtime
from web import health
from web.auth.jwt import ACCESS_TOKENS, AccessTokens
from web.errors import error_middleware
from web.keys import RUNTIME


def create_app(runtime: Runtime) -> web.Application:
    """The whole web side (API, WebSockets, calendar page) for one process."""
    app = web.Application(
        middlewares=[error_middleware],
        client_max_size=runtime.settings.web.max_body_bytes,
    )
    app[RUNTIME] = runtime
    app[ACCESS_TOKENS] = AccessTokens(runtime.keyring, runtime.settings.auth)
    app.add_routes(health.routes)
    return app
