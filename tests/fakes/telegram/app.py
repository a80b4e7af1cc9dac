"""The HTTP face of the fake: `/bot{token}/{method}` answering in Bot API JSON."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
from aiohttp import web

from tests.fakes.telegram.errors import ApiError, bad_request, not_found, unauthorized
from tests.fakes.telegram.faults import Fault, FaultPlan, OutageKind
from tests.fakes.telegram.methods import BotApi
from tests.fakes.telegram.params import Params
from tests.fakes.telegram.photos import Upload

# Telegram accepts requests of up to 50 MB (file uploads); the fake keeps the same ceiling.
_MAX_REQUEST_BYTES = 50 * 1024 * 1024
# What nginx in front of the Bot API answers when the API behind it is down.
_BAD_GATEWAY_PAGE = (
    b"<html><head><title>502 Bad Gateway</title></head><body><center>"
    b"<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
)


def json_response(status: int, body: Any) -> web.Response:
    """Serialize a Bot API answer."""
    return web.Response(body=orjson.dumps(body), status=status, content_type="application/json")


def error_response(error: ApiError) -> web.Response:
    """Serialize a Bot API error."""
    return json_response(error.error_code, error.payload())


def fault_response(fault: Fault) -> web.Response:
    """Serialize an injected fault exactly as the test shaped it."""
    return web.Response(body=fault.body, status=fault.status, content_type=fault.content_type)


async def read_params(request: web.Request) -> Params:
    """Collect parameters from the query string and a JSON, urlencoded or multipart body."""
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        try:
            body = orjson.loads(await request.read() or b"{}")
        except orjson.JSONDecodeError:
            raise bad_request("can't parse JSON encoded request") from None
        if not isinstance(body, dict):
            raise bad_request("can't parse JSON encoded request")
        raw.update(body)
    elif request.body_exists:
        form = await request.post()
        for key, value in form.items():
            if isinstance(value, str):
                raw[key] = value
            elif isinstance(value, web.FileField):
                raw[key] = Upload(value.filename, value.content_type, value.file.read())
    return Params(raw)


class BotApiHandler:
    """Routes requests for one bot token to the API, applying injected faults and latency."""

    def __init__(self, api: BotApi, token: str, faults: FaultPlan):
        self.api = api
        self.token = token
        self.faults = faults

    async def handle(self, request: web.Request) -> web.Response:
        """Answer one Bot API request."""
        outage = self.faults.down()
        if outage is OutageKind.BAD_GATEWAY:
            return web.Response(body=_BAD_GATEWAY_PAGE, status=502, content_type="text/html")
        if outage is OutageKind.REFUSE and request.transport is not None:
            # A connection kept alive from before the outage: it ends without an answer.
            request.transport.close()
            return web.Response(status=502)
        if request.match_info["token"] != self.token:
            return error_response(unauthorized())
        found = self.api.lookup(request.match_info["method"])
        if found is None:
            return error_response(not_found())
        name, handler = found
        try:
            params = await read_params(request)
        except ApiError as error:
            return error_response(error)
        delay = self.faults.latency(name)
        if delay:
            await asyncio.sleep(delay)
        fault = self.faults.take(name, params.raw.get("chat_id"))
        if fault is not None and not fault.after_effect:
            return fault_response(fault)
        status, body = await self.api.execute(name, handler, params)
        if fault is not None:
            return fault_response(fault)
        return json_response(status, body)


async def _unknown_path(request: web.Request) -> web.Response:
    return error_response(not_found())


def create_app(handler: BotApiHandler) -> web.Application:
    """Build the aiohttp application of the fake Bot API server."""
    app = web.Application(client_max_size=_MAX_REQUEST_BYTES)
    app.router.add_route("*", "/bot{token}/{method}", handler.handle)
    app.router.add_route("*", "/{tail:.*}", _unknown_path)
    return app
