"""Access tokens: issue and verify, key rotation, the cache, and classic JWT attacks refused."""

import base64
import hashlib
import hmac
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jwt
import orjson
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from core.config import AuthSettings
from core.errors import TokenError, TokenExpiredError
from core.keys import KeyRing, generate_key, load_keyring
from tests.web.token_claims import b64url, claims
from web.auth.jwt import AccessTokens

USER_ID = uuid.UUID("0b5a8a1e-3b3c-4f2e-9d7a-2f0e8c1d4a55")


def _issue(tokens: AccessTokens, now: float | None = None) -> str:
    return tokens.issue(
        USER_ID, language="ru", timezone="Europe/Moscow", latitude=55.75, longitude=37.62, now=now
    ).token


def _claims(auth: AuthSettings, **changes: Any) -> dict[str, Any]:
    profile: dict[str, Any] = {"lang": "en", "tz": "UTC", "lat": None, "lon": None}
    return claims(auth, USER_ID, **{**profile, **changes})


def _sign(keyring: KeyRing, claims: dict[str, Any], **headers: Any) -> str:
    return jwt.encode(
        claims,
        keyring.signing_key,
        algorithm="RS256",
        headers={"kid": keyring.signing_kid, **headers},
    )


def test_issued_token_verifies_with_its_profile(tokens: AccessTokens, keyring: KeyRing) -> None:
    issued = tokens.issue(
        USER_ID, language="ru", timezone="Europe/Moscow", latitude=55.75, longitude=37.62
    )
    user = tokens.verify(issued.token)
    assert user.user_id == USER_ID
    assert (user.language, user.timezone) == ("ru", "Europe/Moscow")
    assert (user.latitude, user.longitude) == (55.75, 37.62)
    assert user.jti == issued.jti
    assert user.expires_at == issued.expires_at
    header = jwt.get_unverified_header(issued.token)
    assert header == {"alg": "RS256", "kid": keyring.signing_kid, "typ": "JWT"}


def test_claims_carry_issuer_audience_and_lifetime(
    tokens: AccessTokens, auth_settings: AuthSettings
) -> None:
    claims = jwt.decode(_issue(tokens), options={"verify_signature": False})
    assert claims["iss"] == auth_settings.issuer
    assert claims["aud"] == auth_settings.audience
    assert claims["sub"] == str(USER_ID)
    assert claims["exp"] - claims["iat"] == auth_settings.access_ttl_seconds
    assert len(claims["jti"]) == 32


def test_each_token_has_its_own_jti(tokens: AccessTokens) -> None:
    first, second = _issue(tokens), _issue(tokens)
    assert tokens.verify(first).jti != tokens.verify(second).jti


def test_expired_token_is_refused_as_expired(
    tokens: AccessTokens, auth_settings: AuthSettings
) -> None:
    token = _issue(tokens, now=time.time() - auth_settings.access_ttl_seconds - 5)
    with pytest.raises(TokenExpiredError):
        tokens.verify(token)


def test_cached_token_still_expires(tokens: AccessTokens, auth_settings: AuthSettings) -> None:
    token = _issue(tokens)
    tokens.verify(token)
    assert tokens.cached == 1
    later = time.time() + auth_settings.access_ttl_seconds + 1
    with pytest.raises(TokenExpiredError):
        tokens.verify(token, now=later)
    assert tokens.cached == 0


def test_cache_is_bounded(keyring: KeyRing, auth_settings: AuthSettings) -> None:
    tokens = AccessTokens(keyring, auth_settings, cache_size=3)
    issued = [_issue(tokens) for _ in range(5)]
    for token in issued:
        tokens.verify(token)
    assert tokens.cached == 3
    # An evicted token is simply verified again.
    assert tokens.verify(issued[0]).user_id == USER_ID


def test_alg_none_is_refused(tokens: AccessTokens, auth_settings: AuthSettings) -> None:
    header = b64url(orjson.dumps({"alg": "none", "typ": "JWT", "kid": "x"}))
    payload = b64url(orjson.dumps(_claims(auth_settings)))
    with pytest.raises(TokenError) as caught:
        tokens.verify(f"{header}.{payload}.")
    assert caught.value.code == "token_invalid"


def test_hs256_signed_with_the_public_key_is_refused(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings
) -> None:
    public_pem = keyring.public_keys[keyring.signing_kid].public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = b64url(orjson.dumps({"alg": "HS256", "typ": "JWT", "kid": keyring.signing_kid}))
    payload = b64url(orjson.dumps(_claims(auth_settings)))
    signature = hmac.new(public_pem, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    with pytest.raises(TokenError) as caught:
        tokens.verify(f"{header}.{payload}.{b64url(signature)}")
    assert caught.value.code == "token_invalid"


@pytest.mark.parametrize(
    "changes",
    [
        {"aud": "someone-else"},
        {"iss": "evil"},
        {"jti": ...},
        {"sub": ...},
        {"sub": "not-a-uuid"},
        {"lang": "xx"},
        {"lat": "north"},
        {"iat": int(time.time()) + 3600},
    ],
    ids=["aud", "iss", "no-jti", "no-sub", "bad-sub", "bad-lang", "bad-lat", "future-iat"],
)
def test_wrong_claims_are_refused(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings, changes: dict[str, Any]
) -> None:
    token = _sign(keyring, _claims(auth_settings, **changes))
    with pytest.raises(TokenError) as caught:
        tokens.verify(token)
    assert caught.value.code == "token_invalid"


def test_tampered_payload_is_refused(tokens: AccessTokens) -> None:
    header, payload, signature = _issue(tokens).split(".")
    claims = orjson.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["sub"] = str(uuid.uuid4())
    forged = f"{header}.{b64url(orjson.dumps(claims))}.{signature}"
    with pytest.raises(TokenError):
        tokens.verify(forged)


def test_unknown_or_missing_kid_is_refused(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings
) -> None:
    with pytest.raises(TokenError):
        tokens.verify(_sign(keyring, _claims(auth_settings), kid="k20000101T000000"))
    no_kid = jwt.encode(_claims(auth_settings), keyring.signing_key, algorithm="RS256")
    with pytest.raises(TokenError):
        tokens.verify(no_kid)


def test_foreign_key_with_our_kid_is_refused(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings
) -> None:
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    forged = jwt.encode(
        _claims(auth_settings),
        stranger,
        algorithm="RS256",
        headers={"kid": keyring.signing_kid},
    )
    with pytest.raises(TokenError):
        tokens.verify(forged)


@pytest.mark.parametrize("garbage", ["", "abc", "a.b.c", "x" * 5000, "....", "é.é.é"])
def test_garbage_is_refused(tokens: AccessTokens, garbage: str) -> None:
    with pytest.raises(TokenError) as caught:
        tokens.verify(garbage)
    assert caught.value.code == "token_invalid"


def test_rotation_keeps_old_tokens_valid(
    tmp_path: Path, web_keys_dir: Path, auth_settings: AuthSettings
) -> None:
    keys_dir = tmp_path / "rotating"
    keys_dir.mkdir()
    old_path = next(web_keys_dir.glob("*.pem"))
    (keys_dir / old_path.name).write_bytes(old_path.read_bytes())
    before = AccessTokens(load_keyring(keys_dir, generate=False), auth_settings)
    old_token = _issue(before)

    generate_key(keys_dir, now=datetime(2999, 1, 1, tzinfo=UTC))
    rotated = load_keyring(keys_dir, generate=False)
    after = AccessTokens(rotated, auth_settings)
    assert rotated.signing_kid == "k29990101T000000"
    assert after.verify(old_token).user_id == USER_ID
    new_token = _issue(after)
    assert jwt.get_unverified_header(new_token)["kid"] == "k29990101T000000"
    assert {key["kid"] for key in after.jwks()["keys"]} == {old_path.stem, "k29990101T000000"}

    # Retiring the old key (after one access-token lifetime) ends only the old tokens.
    old_path_in_ring = keys_dir / old_path.name
    old_path_in_ring.unlink()
    retired = AccessTokens(load_keyring(keys_dir, generate=False), auth_settings)
    assert retired.verify(new_token).user_id == USER_ID
    with pytest.raises(TokenError):
        retired.verify(old_token)


def test_jwks_verifies_issued_tokens(tokens: AccessTokens) -> None:
    token = _issue(tokens)
    (jwk,) = tokens.jwks()["keys"]
    assert jwk["kty"] == "RSA"
    assert jwk["alg"] == "RS256"
    assert jwk["use"] == "sig"
    assert "d" not in jwk  # never the private exponent
    public = jwt.PyJWK(jwk).key
    claims = jwt.decode(token, public, algorithms=["RS256"], options={"verify_aud": False})
    assert claims["sub"] == str(USER_ID)
