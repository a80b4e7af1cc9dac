"""Typed application keys: every shared object of the web app is reached through one of these."""

from aiohttp import web

from core.runtime import Runtime

RUNTIME = web.AppKey("runtime", Runtime)
# The caller's profile language, set by the auth guard; localized errors read it.
LANGUAGE = web.RequestKey("language", str)
