"""Strict compact RS256 JWS verification: one header shape, one algorithm, the key by its kid.

Replaces PyJWT's general decoder on the hot path (every WebSocket connects with a fresh token):
the same refusals (alg none, HS256 keyed with our public key, unknown kid, tampering) at about a
third of the cost (bench/auth_jwt_bench.py). Only tokens of exactly our shape are accepted.
"""

import base64
import binascii
import re
from collections.abc import Mapping
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
from cryptography.hazmat.primitives.hashes import SHA256

from core.errors import TokenError

ALGORITHM = "RS256"
# Three unpadded base64url segments and nothing else: no "=", whitespace or fourth segment.
_COMPACT = re.compile(r"([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)")
_HEADER_FIELDS = frozenset({"alg", "typ", "kid"})
_PADDING = PKCS1v15()
_HASH = SHA256()


def _decode_segment(segment: str) -> bytes:
    """Base64url without padding; a length no encoder produces (4n+1) is refused."""
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except binascii.Error:
        raise TokenError("access token invalid") from None


def _json_object(segment: str) -> dict[str, Any]:
    try:
        value = orjson.loads(_decode_segment(segment))
    except orjson.JSONDecodeError:  # bad UTF-8 or bad JSON alike
        raise TokenError("access token invalid") from None
    if not isinstance(value, dict):
        raise TokenError("access token invalid")
    return value


def verified_claims(token: str, public_keys: Mapping[str, RSAPublicKey]) -> dict[str, Any]:
    """The payload of `token` once its RS256 signature checks out with the key its kid names.

    The header must be {"alg": "RS256", "kid": <known>} plus at most "typ": "JWT"; any other
    field (crit, jku, x5u, ...) or value is refused before any key is touched.
    """
    match = _COMPACT.fullmatch(token)
    if match is None:
        raise TokenError("access token invalid")
    header_segment, payload_segment, signature_segment = match.groups()
    header = _json_object(header_segment)
    if (
        header.get("alg") != ALGORITHM
        or header.get("typ", "JWT") != "JWT"
        or not header.keys() <= _HEADER_FIELDS
    ):
        raise TokenError("access token invalid")
    kid = header.get("kid")
    key = public_keys.get(kid) if isinstance(kid, str) else None
    if key is None:
        raise TokenError("unknown signing key")
    signing_input = token[: match.end(2)].encode("ascii")
    try:
        key.verify(_decode_segment(signature_segment), signing_input, _PADDING, _HASH)
    except InvalidSignature:
        raise TokenError("access token invalid") from None
    return _json_object(payload_segment)
