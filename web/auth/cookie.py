"""The browser's session: its refresh token in an HttpOnly cookie that only /api/auth/session sees.

A page script never reads the refresh token (an injected script cannot steal it); the access
token lives in the page's memory. The cookie is SameSite=Strict, and the two endpoints that read
it also require a custom header and a same-origin Origin: a cross-site form or fetch can neither
set that header without a CORS preflight (which names no such header) nor forge the Origin.
"""

from datetime import datetime, timedelta

import structlog
from aiohttp import hdrs, web
from pydantic import BaseModel
from yarl import URL

from core.errors import AppError
from models.user import User
from web.accounts import Profile, profile_of
from web.auth.errors import UnauthorizedError
from web.auth.jwt import ACCESS_TOKENS
from web.auth.schemas import TokenPair
from web.auth.sessions import (
    IssuedRefreshToken,
    issue_access_token,
    renew_session,
    revoke_session_of,
)
from web.errors import json_response
from web.keys import AUTH_SETTINGS, SESSIONMAKER, WEB_SETTINGS
from web.openapi import describe

log = structlog.get_logger(__name__)
routes = web.RouteTableDef()
SESSION_PATH = "/api/auth/session"
COOKIE_NAME = "starscalendars_refresh"
# Sent by the page on sign-in, refresh and sign-out: "keep my refresh token in the cookie".
SESSION_HEADER = "X-StarsCalendars-Session"
SESSION_HEADER_VALUE = "cookie"
_CSRF_NOTE = (
    f"Reads the HttpOnly cookie {COOKIE_NAME}; needs the header "
    f"{SESSION_HEADER}: {SESSION_HEADER_VALUE} and, if sent, a same-origin Origin (else 403)."
)


class CrossSiteRequestError(AppError):
    """A cookie-session request lacks the page's header or comes from another origin."""

    code = "forbidden"
    status = 403


class SessionGrant(BaseModel):
    """A sign-in or refresh answered to the page: the refresh token went into the cookie."""

    access_token: str
    expires_in: int
    refresh_expires_at: datetime
    user: Profile


def wants_cookie(request: web.Request) -> bool:
    """Whether the caller is the page, asking for its refresh token in the cookie."""
    return request.headers.get(SESSION_HEADER) == SESSION_HEADER_VALUE


def _secure(request: web.Request) -> bool:
    public_url = request.app[WEB_SETTINGS].public_url
    return request.secure or public_url.scheme == "https"


def _set_cookie(request: web.Request, response: web.Response, issued: IssuedRefreshToken) -> None:
    max_age = (issued.expires_at - datetime.now(issued.expires_at.tzinfo)) // timedelta(seconds=1)
    response.set_cookie(
        COOKIE_NAME,
        issued.token,
        path=SESSION_PATH,
        max_age=max(max_age, 0),
        httponly=True,
        secure=_secure(request),
        samesite="Strict",
    )


def clear_session_cookie(request: web.Request, response: web.Response) -> None:
    """Tell the browser to forget the page's cookie."""
    response.del_cookie(
        COOKIE_NAME, path=SESSION_PATH, httponly=True, secure=_secure(request), samesite="Strict"
    )


def session_response(
    request: web.Request, user: User, issued: IssuedRefreshToken, *, status: int = 200
) -> web.Response:
    """A fresh access token, the refresh token and the profile: for the page, the refresh token
    goes into the cookie instead of the body."""
    access = issue_access_token(request.app[ACCESS_TOKENS], user)
    grant = SessionGrant(
        access_token=access.token,
        expires_in=access.expires_in,
        refresh_expires_at=issued.expires_at,
        user=profile_of(user),
    )
    if not wants_cookie(request):
        pair = TokenPair(**grant.model_dump(), refresh_token=issued.token)
        return json_response(pair.model_dump(mode="json"), status=status)
    response = json_response(grant.model_dump(mode="json"), status=status)
    _set_cookie(request, response, issued)
    return response


def _origins(request: web.Request) -> set[str]:
    """This site's own origins: as the request reached us and as it is published."""
    public = URL(str(request.app[WEB_SETTINGS].public_url))
    return {f"{request.scheme}://{request.host}", str(public.origin())}


def _check_same_site(request: web.Request) -> None:
    if not wants_cookie(request):
        raise CrossSiteRequestError("session header missing")
    origin = request.headers.get(hdrs.ORIGIN)
    if origin is not None and origin not in _origins(request):
        raise CrossSiteRequestError("cross-origin session request", origin=origin)
    if request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
        raise CrossSiteRequestError("cross-site session request")


@routes.post(f"{SESSION_PATH}/refresh")
@describe(
    "Renew the page's session from its cookie",
    description=_CSRF_NOTE,
    response=SessionGrant,
    tags=("auth",),
    errors=(401, 403, 429),
)
async def refresh_from_cookie(request: web.Request) -> web.Response:
    """Rotate the cookie's refresh token; the answer carries a new access token."""
    _check_same_site(request)
    token = request.cookies.get(COOKIE_NAME)
    if not token:
        raise UnauthorizedError("no session cookie")
    async with request.app[SESSIONMAKER]() as session:
        user, issued = await renew_session(session, token, request.app[AUTH_SETTINGS])
    return session_response(request, user, issued)


@routes.post(f"{SESSION_PATH}/logout")
@describe(
    "End the page's session and clear its cookie",
    description=_CSRF_NOTE,
    response_status=204,
    tags=("auth",),
    errors=(403, 429),
)
async def logout_cookie(request: web.Request) -> web.Response:
    """Revoke the cookie's session (idempotent) and tell the browser to forget the cookie."""
    _check_same_site(request)
    token = request.cookies.get(COOKIE_NAME)
    if token:
        async with request.app[SESSIONMAKER]() as session:
            await revoke_session_of(session, token)
            await session.commit()
    response = web.Response(status=204)
    clear_session_cookie(request, response)
    return response
