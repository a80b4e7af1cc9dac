"""Typed application keys: every shared object of the web app is reached through one of these."""

from aiohttp import web

from core.runtime import Runtime

RUNTIME = web.AppKey("runtime", Runtime)
