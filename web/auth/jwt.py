"""RS256 access tokens signed with the KeyRing: kid header, pinned algorithm, verified once."""

import hashlib
import sys
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import jwt
from aiohttp import web
from jwt.algorithms import RSAAlgorithm

from core.config import AuthSettings
from core.errors import TokenError, TokenExpiredError
from core.keys import KeyRing
from core.languages import LANGUAGES
from web.auth.rs256 import ALGORITHM, verified_claims

REQUIRED_CLAIMS = frozenset({"iss", "aud", "sub", "iat", "exp", "jti"})
# A signed token of ours is a few hundred bytes; anything far longer is refused unparsed.
MAX_TOKEN_LENGTH = 4096
CACHE_SIZE = 10_000


@dataclass(frozen=True, slots=True)
class AuthUser:
    """The signed-in caller, as the access token describes them."""

    user_id: uuid.UUID
    language: str
    timezone: str
    latitude: float | None
    longitude: float | None
    jti: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class IssuedAccessToken:
    """A freshly signed access token and when it stops working."""

    token: str
    jti: str
    expires_at: datetime
    expires_in: int


def _user_from_claims(claims: dict[str, Any]) -> AuthUser:
    """Read our profile claims; anything malformed makes the whole token invalid."""
    try:
        user_id = uuid.UUID(str(claims["sub"]))
        language, timezone = claims["lang"], claims["tz"]
        latitude, longitude = claims.get("lat"), claims.get("lon")
    except (KeyError, ValueError):
        raise TokenError("malformed claims") from None
    if language not in LANGUAGES or not isinstance(timezone, str):
        raise TokenError("malformed claims")
    for value in (latitude, longitude):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise TokenError("malformed claims")
    # Interned: thousands of connected users share a handful of language and zone strings.
    return AuthUser(
        user_id=user_id,
        language=sys.intern(language),
        timezone=sys.intern(timezone),
        latitude=None if latitude is None else float(latitude),
        longitude=None if longitude is None else float(longitude),
        jti=str(claims["jti"]),
        expires_at=datetime.fromtimestamp(int(claims["exp"]), UTC),
    )


def _check_claims(claims: dict[str, Any], issuer: str, audience: str, moment: float) -> None:
    """The registered claims PyJWT checked: present, ours, issued already and not yet expired."""
    if not claims.keys() >= REQUIRED_CLAIMS:
        raise TokenError("missing claims")
    times = [claims["iat"], claims["exp"], claims.get("nbf", 0)]
    if any(isinstance(value, bool) or not isinstance(value, int) for value in times):
        raise TokenError("malformed claims")
    if not isinstance(claims["sub"], str) or not isinstance(claims["jti"], str):
        raise TokenError("malformed claims")
    aud = claims["aud"]
    if claims["iss"] != issuer or not (
        aud == audience or (isinstance(aud, list) and audience in aud)
    ):
        raise TokenError("not for us")
    if claims["iat"] > moment or claims.get("nbf", 0) > moment:
        raise TokenError("not valid yet")
    if claims["exp"] <= moment:
        raise TokenExpiredError("access token expired")


class AccessTokens:
    """Signs access tokens with the newest key; verifies with any key of the ring, by kid."""

    def __init__(
        self, keyring: KeyRing, settings: AuthSettings, *, cache_size: int = CACHE_SIZE
    ) -> None:
        self._keyring = keyring
        self._issuer = settings.issuer
        self._audience = settings.audience
        self._ttl = settings.access_ttl_seconds
        self._cache_size = cache_size
        # SHA-256 of the token -> (expiry timestamp, user); insertion order is roughly expiry
        # order. The digest, not the token, is the key: 32 bytes instead of ~700 per entry, and
        # every WebSocket client's token stays in here while it is connected.
        self._verified: OrderedDict[bytes, tuple[float, AuthUser]] = OrderedDict()

    def issue(
        self,
        user_id: uuid.UUID,
        *,
        language: str,
        timezone: str,
        latitude: float | None,
        longitude: float | None,
        now: float | None = None,
    ) -> IssuedAccessToken:
        """Sign a token for `user_id` carrying the profile fields the API needs per request."""
        issued_at = int(time.time() if now is None else now)
        expires = issued_at + self._ttl
        jti = uuid.uuid4().hex
        claims = {
            "iss": self._issuer,
            "aud": self._audience,
            "sub": str(user_id),
            "iat": issued_at,
            "exp": expires,
            "jti": jti,
            "lang": language,
            "tz": timezone,
            "lat": latitude,
            "lon": longitude,
        }
        token = jwt.encode(
            claims,
            self._keyring.signing_key,
            algorithm=ALGORITHM,
            headers={"kid": self._keyring.signing_kid},
        )
        return IssuedAccessToken(
            token=token,
            jti=jti,
            expires_at=datetime.fromtimestamp(expires, UTC),
            expires_in=expires - issued_at,
        )

    def verify(self, token: str, *, now: float | None = None) -> AuthUser:
        """The caller a token describes; TokenExpiredError or TokenError when it cannot be used."""
        moment = time.time() if now is None else now
        digest = hashlib.sha256(token.encode()).digest()
        cached = self._verified.get(digest)
        if cached is not None:
            if moment < cached[0]:
                return cached[1]
            del self._verified[digest]
            raise TokenExpiredError("access token expired")
        user = self._decode(token, moment)
        self._remember(digest, user)
        return user

    def _decode(self, token: str, moment: float) -> AuthUser:
        if len(token) > MAX_TOKEN_LENGTH:
            raise TokenError("access token too long")
        claims = verified_claims(token, self._keyring.public_keys)
        _check_claims(claims, self._issuer, self._audience, moment)
        return _user_from_claims(claims)

    @property
    def cached(self) -> int:
        """How many verified tokens are remembered (bounded by the cache size)."""
        return len(self._verified)

    def _remember(self, digest: bytes, user: AuthUser) -> None:
        while len(self._verified) >= self._cache_size:
            self._verified.popitem(last=False)
        self._verified[digest] = (user.expires_at.timestamp(), user)

    def jwks(self) -> dict[str, list[dict[str, Any]]]:
        """Every public key that may verify a live token, as a JSON Web Key Set."""
        keys = []
        for kid, key in sorted(self._keyring.public_keys.items()):
            jwk = RSAAlgorithm.to_jwk(key, as_dict=True)
            keys.append({**jwk, "kid": kid, "use": "sig", "alg": ALGORITHM})
        return {"keys": keys}


ACCESS_TOKENS = web.AppKey("access_tokens", AccessTokens)
