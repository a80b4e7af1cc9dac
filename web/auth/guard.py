"""Who is calling: the bearer access token of a request, verified once per request."""

from aiohttp import hdrs, web
from sqlalchemy.ext.asyncio import AsyncSession

from core.errors import TokenError
from models.user import User
from web.auth.errors import AccountDeactivatedError, UnauthorizedError
from web.auth.jwt import ACCESS_TOKENS, AuthUser
from web.keys import LANGUAGE
from web.security import LIMITS, check_rate

__all__ = [
    "AUTH_USER",
    "AuthUser",
    "authenticate",
    "load_user",
    "optional_user",
    "require_user",
]

AUTH_USER = web.RequestKey("auth_user", AuthUser)


def authenticate(request: web.Request, token: str) -> AuthUser:
    """Verify `token`, make the caller's language the errors' one, and apply the per-user limit."""
    user = request.app[ACCESS_TOKENS].verify(token)
    request[AUTH_USER] = user
    request[LANGUAGE] = user.language
    check_rate(request.app[LIMITS].per_user, str(user.user_id))
    return user


async def optional_user(request: web.Request) -> AuthUser | None:
    """The caller when a bearer token is sent, None without one; a bad token is still a 401."""
    if AUTH_USER in request:
        return request[AUTH_USER]
    header = request.headers.get(hdrs.AUTHORIZATION)
    if header is None:
        return None
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise TokenError("not a bearer token")
    return authenticate(request, token.strip())


async def require_user(request: web.Request) -> AuthUser:
    """The caller, or a 401 (unauthorized, token_expired or token_invalid)."""
    user = await optional_user(request)
    if user is None:
        raise UnauthorizedError("no access token")
    return user


async def load_user(session: AsyncSession, caller: AuthUser) -> User:
    """The caller's row; a token whose user has since been deleted or deactivated is refused."""
    user = await session.get(User, caller.user_id)
    if user is None:
        raise TokenError("user no longer exists")
    if not user.is_active:
        raise AccountDeactivatedError("account deactivated")
    return user
