"""Access-token verification cost: the strict RS256 path, PyJWT's decoder, and the cache.

Run: .venv/bin/python -m bench.auth_jwt_bench
"""

import tempfile
import time
import timeit
import uuid
from pathlib import Path

import jwt

from core.config import load_settings
from core.keys import load_keyring
from web.auth.jwt import AccessTokens
from web.auth.rs256 import verified_claims

ROUNDS = 2000


def main() -> None:
    """Print microseconds per verification: first sight (strict and PyJWT) and cached."""
    with tempfile.TemporaryDirectory() as keys_dir:
        settings = load_settings(None, auth={"keys_dir": Path(keys_dir)}).auth
        keyring = load_keyring(settings.keys_dir)
    signer = AccessTokens(keyring, settings)
    tokens = [
        signer.issue(
            uuid.uuid4(), language="en", timezone="UTC", latitude=None, longitude=None
        ).token
        for _ in range(ROUNDS)
    ]
    cold = AccessTokens(keyring, settings)
    started = time.perf_counter()
    for token in tokens:
        cold.verify(token)
    uncached = (time.perf_counter() - started) / ROUNDS
    warm = tokens[0]
    cached = timeit.timeit(lambda: cold.verify(warm), number=ROUNDS * 10) / (ROUNDS * 10)
    key = keyring.public_keys[keyring.signing_kid]
    strict = timeit.timeit(lambda: verified_claims(warm, keyring.public_keys), number=ROUNDS)
    pyjwt = timeit.timeit(
        lambda: jwt.decode(
            warm,
            key,
            algorithms=["RS256"],
            audience=settings.audience,
            issuer=settings.issuer,
            options={"require": ["iss", "aud", "sub", "iat", "exp", "jti"]},
        ),
        number=ROUNDS,
    )
    print(f"AccessTokens.verify, first sight: {uncached * 1e6:7.1f} µs/token ({ROUNDS} tokens)")
    print(f"AccessTokens.verify, cached:      {cached * 1e6:7.1f} µs/token")
    print(f"signature + header, strict path:  {strict / ROUNDS * 1e6:7.1f} µs/token")
    print(f"signature + claims, jwt.decode:   {pyjwt / ROUNDS * 1e6:7.1f} µs/token")


if __name__ == "__main__":
    main()
