"""/api/auth/*: every sign-in path ends in one token pair; refresh, logout, revoke-all, JWKS."""

import asyncio
from datetime import timedelta

import structlog
from aiohttp import web
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from core.i18n import negotiate_web_language, normalize_language
from models.account_status import revoke_refresh_tokens
from models.token import TokenPurpose
from models.tokens import consume_one_time_token
from models.user import User
from models.users import UserRepository
from web.auth import cookie
from web.auth.cookie import session_response
from web.auth.errors import (
    AccountDeactivatedError,
    EmailTakenError,
    InvalidCredentialsError,
    RateLimitedError,
)
from web.auth.guard import require_user
from web.auth.jwt import ACCESS_TOKENS
from web.auth.passwords import PASSWORDS, check_policy, normalize_password, password_hashing
from web.auth.schemas import (
    Jwks,
    LoginRequest,
    OneTimeTokenRequest,
    RefreshRequest,
    RegisterRequest,
    TelegramWidgetRequest,
    TokenPair,
    WebAppRequest,
)
from web.auth.sessions import (
    issue_refresh_token,
    renew_session,
    revoke_session_of,
)
from web.auth.telegram import TelegramIdentity, verify_init_data, verify_login_widget
from web.auth.telegram_api import TELEGRAM_API, telegram_api
from web.errors import json_response
from web.keys import AUTH_SETTINGS, SESSIONMAKER, WEB_SETTINGS
from web.openapi import describe
from web.security import LIMITS, client_ip
from web.validation import read_json

log = structlog.get_logger(__name__)
routes = web.RouteTableDef()
_TAGS = ("auth",)
_SIGN_IN_ERRORS = (400, 401, 403, 413, 422, 429)


def _refresh_ttl(request: web.Request) -> timedelta:
    return timedelta(days=request.app[AUTH_SETTINGS].refresh_ttl_days)


async def _sign_in(
    request: web.Request, session: AsyncSession, user: User, *, status: int = 200
) -> web.Response:
    """Open a new session family for `user`, commit everything, answer with the token pair."""
    if not user.is_active:
        raise AccountDeactivatedError("account deactivated")
    refresh, _ = await issue_refresh_token(session, user.id, _refresh_ttl(request))
    await session.commit()
    return session_response(request, user, refresh, status=status)


def _request_language(request: web.Request, preferred: str | None = None) -> str:
    """A new account's language: the one asked for, else ?lang=, else Accept-Language."""
    return negotiate_web_language(
        normalize_language(preferred),
        request.query.get("lang"),
        request.headers.get("Accept-Language"),
    )


@routes.post("/api/auth/register")
@describe(
    "Create an account with email and password",
    request=RegisterRequest,
    response=TokenPair,
    response_status=201,
    tags=_TAGS,
    errors=(400, 409, 413, 422, 429, 503),
)
async def register(request: web.Request) -> web.Response:
    """Create an account (argon2id password) and sign it in."""
    body = await read_json(request, RegisterRequest)
    password = normalize_password(body.password)
    check_policy(password, body.email)
    password_hash = await request.app[PASSWORDS].hash(password)
    async with request.app[SESSIONMAKER]() as session:
        if await UserRepository(session).by_email(body.email) is not None:
            raise EmailTakenError("email taken")
        user = User(
            email=body.email,
            password_hash=password_hash,
            display_name=body.display_name,
            language=body.language or _request_language(request),
            language_chosen=body.language is not None,
        )
        if body.timezone is not None:
            user.timezone = body.timezone
        session.add(user)
        try:
            await session.flush()
        except IntegrityError:  # a concurrent registration won the unique email
            raise EmailTakenError("email taken") from None
        log.info("account registered", user_id=str(user.id))
        return await _sign_in(request, session, user, status=201)


@routes.post("/api/auth/login")
@describe(
    "Sign in with email and password",
    request=LoginRequest,
    response=TokenPair,
    tags=_TAGS,
    errors=(*_SIGN_IN_ERRORS, 503),
)
async def login(request: web.Request) -> web.Response:
    """Check the password; an unknown email and a wrong password get the same answer."""
    body = await read_json(request, LoginRequest)
    limits = request.app[LIMITS]
    attempt = f"{body.email} {client_ip(request)}"
    wait = limits.login_failures.retry_after(attempt)
    if wait > 0:
        raise RateLimitedError(wait)
    delay = limits.email_failures.penalty(body.email)
    if delay > 0:
        await asyncio.sleep(delay)
    password = normalize_password(body.password)
    hashing = request.app[PASSWORDS]
    async with request.app[SESSIONMAKER]() as session:
        user = await UserRepository(session).by_email(body.email)
        password_hash = user.password_hash if user is not None else None
        # Verified even without an account (against a decoy): the answer's timing is the same.
        matched = await hashing.verify(password_hash, password)
        if user is None or password_hash is None or not matched:
            limits.login_failures.failed(attempt)
            limits.email_failures.failed(body.email)
            raise InvalidCredentialsError("email or password wrong")
        limits.login_failures.succeeded(attempt)
        if hashing.needs_rehash(password_hash):
            user.password_hash = await hashing.hash(password)
        return await _sign_in(request, session, user)


async def _telegram_sign_in(request: web.Request, identity: TelegramIdentity) -> web.Response:
    async with request.app[SESSIONMAKER]() as session:
        user, created = await UserRepository(session).get_or_create_telegram(
            identity.telegram_user_id,
            identity.username,
            _request_language(request, identity.language_code),
        )
        if created:
            log.info("account created from Telegram sign-in", user_id=str(user.id))
        return await _sign_in(request, session, user)


@routes.post("/api/auth/telegram")
@describe(
    "Sign in with the Telegram Login Widget",
    request=TelegramWidgetRequest,
    response=TokenPair,
    tags=_TAGS,
    errors=(*_SIGN_IN_ERRORS, 503),
)
async def telegram_widget(request: web.Request) -> web.Response:
    """Verify the widget's signed payload and sign its Telegram user in."""
    body = await read_json(request, TelegramWidgetRequest)
    fields = {key: str(value) for key, value in body.root.items()}
    identity = verify_login_widget(
        request.app[TELEGRAM_API].bot_token(),
        fields,
        max_age=request.app[AUTH_SETTINGS].telegram_max_age_seconds,
    )
    return await _telegram_sign_in(request, identity)


@routes.post("/api/auth/webapp")
@describe(
    "Sign in from the Telegram Mini App",
    request=WebAppRequest,
    response=TokenPair,
    tags=_TAGS,
    errors=(*_SIGN_IN_ERRORS, 503),
)
async def telegram_webapp(request: web.Request) -> web.Response:
    """Verify the Mini App's initData and sign its Telegram user in."""
    body = await read_json(request, WebAppRequest)
    identity = verify_init_data(
        request.app[TELEGRAM_API].bot_token(),
        body.init_data,
        max_age=request.app[AUTH_SETTINGS].telegram_max_age_seconds,
    )
    return await _telegram_sign_in(request, identity)


@routes.post("/api/auth/token")
@describe(
    "Sign in with a one-time login token from the bot",
    request=OneTimeTokenRequest,
    response=TokenPair,
    tags=_TAGS,
    errors=_SIGN_IN_ERRORS,
)
async def one_time_token(request: web.Request) -> web.Response:
    """Consume the bot's single-use login token (15 minutes) and sign its user in."""
    body = await read_json(request, OneTimeTokenRequest)
    async with request.app[SESSIONMAKER]() as session:
        user_id = await consume_one_time_token(session, body.token, TokenPurpose.WEB_LOGIN)
        user = await UserRepository(session).get(user_id)
        return await _sign_in(request, session, user)


@routes.post("/api/auth/refresh")
@describe(
    "Exchange a refresh token for a new token pair",
    request=RefreshRequest,
    response=TokenPair,
    tags=_TAGS,
    errors=_SIGN_IN_ERRORS,
)
async def refresh(request: web.Request) -> web.Response:
    """Rotate the refresh token; a rotated one used again ends its whole session family."""
    body = await read_json(request, RefreshRequest)
    async with request.app[SESSIONMAKER]() as session:
        user, issued = await renew_session(session, body.refresh_token, request.app[AUTH_SETTINGS])
    return session_response(request, user, issued)


@routes.post("/api/auth/logout")
@describe(
    "End this session", request=RefreshRequest, response_status=204, tags=_TAGS, errors=(400, 422)
)
async def logout(request: web.Request) -> web.Response:
    """Revoke the session the refresh token belongs to (idempotent)."""
    body = await read_json(request, RefreshRequest)
    async with request.app[SESSIONMAKER]() as session:
        await revoke_session_of(session, body.refresh_token)
        await session.commit()
    return web.Response(status=204)


@routes.post("/api/auth/revoke-all")
@describe("End all my sessions", response_status=204, auth=True, tags=_TAGS, errors=(429,))
async def revoke_all(request: web.Request) -> web.Response:
    """Revoke every refresh token of the caller (access tokens end within their short life)."""
    caller = await require_user(request)
    async with request.app[SESSIONMAKER]() as session:
        count = await revoke_refresh_tokens(session, caller.user_id)
        await session.commit()
    log.info("all sessions revoked", user_id=str(caller.user_id), count=count)
    return web.Response(status=204)


@routes.get("/.well-known/jwks.json")
@describe("Public keys that verify access tokens (JWKS)", response=Jwks, tags=_TAGS)
async def jwks(request: web.Request) -> web.Response:
    """Every key of the ring, so that a second key can be added before the first is retired."""
    return json_response(
        request.app[ACCESS_TOKENS].jwks(), headers={"Cache-Control": "public, max-age=300"}
    )


def setup_auth(app: web.Application) -> None:
    """Serve /api/auth/* and the JWKS; keep one Bot API client for Telegram sign-in."""
    app.cleanup_ctx.append(telegram_api)
    app.cleanup_ctx.append(password_hashing(app[WEB_SETTINGS]))
    app.add_routes(routes)
    app.add_routes(cookie.routes)
