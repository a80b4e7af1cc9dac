"""The strict RS256 path: only our exact token shape verifies; any odd form is refused cleanly."""

import time
import uuid
from typing import Any

import jwt
import orjson
import pytest
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.hashes import SHA256

from core.config import AuthSettings
from core.errors import TokenError, TokenExpiredError
from core.keys import KeyRing
from tests.web.token_claims import b64url, claims
from web.auth.jwt import MAX_TOKEN_LENGTH, AccessTokens

USER_ID = uuid.UUID("5d7c1b2a-9e8f-4a6b-8c3d-1e2f3a4b5c6d")


def _claims(auth: AuthSettings, **changes: Any) -> dict[str, Any]:
    return claims(auth, USER_ID, **{"lang": "de", "tz": "Europe/Berlin", **changes})


def _signed(keyring: KeyRing, header: Any, payload: Any) -> str:
    """A token signed with our real key over arbitrary header and payload JSON."""
    signing_input = f"{b64url(orjson.dumps(header))}.{b64url(orjson.dumps(payload))}"
    signature = keyring.signing_key.sign(signing_input.encode(), PKCS1v15(), SHA256())
    return f"{signing_input}.{b64url(signature)}"


def _header(keyring: KeyRing, **changes: Any) -> dict[str, Any]:
    header = {"alg": "RS256", "typ": "JWT", "kid": keyring.signing_kid, **changes}
    return {key: value for key, value in header.items() if value is not ...}


def _refused(tokens: AccessTokens, token: str) -> str:
    with pytest.raises(TokenError) as caught:
        tokens.verify(token)
    return caught.value.code


def test_correctly_signed_token_of_our_shape_verifies(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings
) -> None:
    user = tokens.verify(_signed(keyring, _header(keyring), _claims(auth_settings)))
    assert (user.user_id, user.language, user.timezone) == (USER_ID, "de", "Europe/Berlin")


def test_typ_may_be_omitted_and_audience_may_be_a_list(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings
) -> None:
    claims = _claims(auth_settings, aud=["another-service", auth_settings.audience])
    user = tokens.verify(_signed(keyring, _header(keyring, typ=...), claims))
    assert user.user_id == USER_ID


def test_pyjwt_and_the_strict_path_agree_on_our_tokens(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings
) -> None:
    issued = tokens.issue(
        USER_ID, language="hy", timezone="Asia/Yerevan", latitude=40.18, longitude=44.51
    )
    claims = jwt.decode(
        issued.token,
        keyring.public_keys[keyring.signing_kid],
        algorithms=["RS256"],
        audience=auth_settings.audience,
        issuer=auth_settings.issuer,
    )
    user = tokens.verify(issued.token)
    assert str(user.user_id) == claims["sub"]
    assert (user.jti, user.latitude, user.longitude) == (claims["jti"], 40.18, 44.51)


@pytest.mark.parametrize(
    "changes",
    [
        {"alg": "RS512"},
        {"alg": "rs256"},
        {"typ": "JWE"},
        {"kid": ["k"]},
        {"kid": 7},
        {"kid": ...},
        {"crit": ["exp"]},
        {"jku": "https://evil.example/jwks.json"},
        {"x5u": "https://evil.example/cert.pem"},
    ],
    ids=["rs512", "alg-case", "typ", "kid-list", "kid-number", "no-kid", "crit", "jku", "x5u"],
)
def test_any_other_header_is_refused_even_when_signed(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings, changes: dict[str, Any]
) -> None:
    token = _signed(keyring, _header(keyring, **changes), _claims(auth_settings))
    assert _refused(tokens, token) == "token_invalid"


@pytest.mark.parametrize(
    "changes",
    [
        {"iat": float(int(time.time()))},
        {"iat": True},
        {"exp": str(int(time.time()) + 600)},
        {"nbf": int(time.time()) + 3600},
        {"nbf": "soon"},
        {"sub": 12345},
        {"jti": 1},
        {"aud": ["someone-else"]},
        {"aud": None},
        {"iss": ...},
        {"iat": ...},
        {"exp": ...},
    ],
    ids=[
        "float-iat",
        "bool-iat",
        "string-exp",
        "future-nbf",
        "string-nbf",
        "int-sub",
        "int-jti",
        "aud-list",
        "null-aud",
        "no-iss",
        "no-iat",
        "no-exp",
    ],
)
def test_malformed_registered_claims_are_refused(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings, changes: dict[str, Any]
) -> None:
    token = _signed(keyring, _header(keyring), _claims(auth_settings, **changes))
    assert _refused(tokens, token) == "token_invalid"


def test_expiry_is_checked_against_the_given_moment(
    tokens: AccessTokens, keyring: KeyRing, auth_settings: AuthSettings
) -> None:
    now = int(time.time())
    token = _signed(keyring, _header(keyring), _claims(auth_settings, iat=now - 10, exp=now))
    with pytest.raises(TokenExpiredError):
        tokens.verify(token, now=now)


@pytest.mark.parametrize("payload", [[1, 2], "text", 42, None])
def test_payload_must_be_an_object(tokens: AccessTokens, keyring: KeyRing, payload: Any) -> None:
    assert _refused(tokens, _signed(keyring, _header(keyring), payload)) == "token_invalid"


def _mangle(token: str, how: str) -> str:
    header, payload, signature = token.split(".")
    forms = {
        "padded-signature": f"{header}.{payload}.{signature}==",
        "padded-header": f"{header}=.{payload}.{signature}",
        "standard-alphabet": f"{header}.{payload}.{signature.replace('-', '+').replace('_', '/')}",
        "fourth-segment": f"{token}.{signature}",
        "five-segments": f"{header}.{payload}.{payload}.{signature}.{signature}",
        "two-segments": f"{header}.{payload}",
        "empty-signature": f"{header}.{payload}.",
        "empty-header": f".{payload}.{signature}",
        # No encoder emits 4n+1 characters: decoding them must fail, not guess.
        "4n+1-signature": f"{header}.{payload}.{signature}{'A' * ((1 - len(signature)) % 4)}",
        "truncated-signature": f"{header}.{payload}.{signature[:-4]}",
        "leading-space": f" {token}",
        "trailing-newline": f"{token}\n",
        "inner-space": f"{header}.{payload[:10]} {payload[10:]}.{signature}",
        "non-ascii": f"{header}.{payload}.{signature[:-1]}é",
        "header-not-json": f"{b64url(b'{not json')}.{payload}.{signature}",
        "header-not-utf8": f"{b64url(bytes([0xFF, 0xFE]))}.{payload}.{signature}",
    }
    return forms[how]


@pytest.mark.parametrize(
    "how",
    [
        "padded-signature",
        "padded-header",
        "standard-alphabet",
        "fourth-segment",
        "five-segments",
        "two-segments",
        "empty-signature",
        "empty-header",
        "4n+1-signature",
        "truncated-signature",
        "leading-space",
        "trailing-newline",
        "inner-space",
        "non-ascii",
        "header-not-json",
        "header-not-utf8",
    ],
)
def test_malformed_encodings_are_refused(tokens: AccessTokens, how: str) -> None:
    good = tokens.issue(USER_ID, language="fr", timezone="UTC", latitude=None, longitude=None)
    assert tokens.verify(good.token).user_id == USER_ID
    assert _refused(tokens, _mangle(good.token, how)) == "token_invalid"


def test_huge_token_is_refused_before_parsing(tokens: AccessTokens) -> None:
    good = tokens.issue(USER_ID, language="ja", timezone="UTC", latitude=None, longitude=None)
    header, payload, signature = good.token.split(".")
    padding = "A" * (MAX_TOKEN_LENGTH - len(good.token) + 1)
    assert _refused(tokens, f"{header}.{payload}{padding}.{signature}") == "token_invalid"
    assert _refused(tokens, "a." * 1_000_000) == "token_invalid"
