"""Our headers on the answers aiohttp writes itself, for requests it could not even parse.

An oversized header or a malformed request line is refused (400) before any route matches, so
neither middlewares nor `on_response_prepare` see the response. The only way in is private
(aiohttp < 4): `Application._make_request` takes the request class as `_cls`, and
`Request._prepare_hook` runs for every response just before its headers go out, with
`_match_info` still None when nothing was routed. Nothing is changed unless both are there as
expected, and tests/web/test_protocol_errors.py fails when aiohttp changes them.
"""

import inspect
from collections.abc import Callable
from functools import partial

from aiohttp import web

HeaderHook = Callable[[web.StreamResponse], None]


def cover_protocol_errors(app: web.Application, add_headers: HeaderHook) -> bool:
    """Run `add_headers` on the responses of `app`'s requests that never reached routing."""
    make_request = getattr(app, "_make_request", None)
    if (
        make_request is None
        or "_cls" not in inspect.signature(make_request).parameters
        or not inspect.iscoroutinefunction(getattr(web.Request, "_prepare_hook", None))
    ):
        return False

    class _UnroutedRequest(web.Request):
        async def _prepare_hook(self, response: web.StreamResponse) -> None:
            if self._match_info is None:
                add_headers(response)
            await super()._prepare_hook(response)

    app._make_request = partial(make_request, _cls=_UnroutedRequest)  # type: ignore[method-assign]
    return True
