"""Access-token verification cost: first (RS256) verification versus the cached path.

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
from web.auth.jwt import AccessTokens, key_id

ROUNDS = 2000


def main() -> None:
    """Print microseconds per verification, uncached and cached."""
    with tempfile.TemporaryDirectory() as keys_dir:
        settings = load_settings(None, auth={"keys_dir": Path(keys_dir)}).auth
        keyring = load_keyring(settings.keys_dir)
    tokens = [
        AccessTokens(keyring, settings)
        .issue(uuid.uuid4(), language="en", timezone="UTC", latitude=None, longitude=None)
        .token
        for _ in range(ROUNDS)
    ]
    cold = AccessTokens(keyring, settings)
    started = time.perf_counter()
    for token in tokens:
        cold.verify(token)
    uncached = (time.perf_counter() - started) / ROUNDS
    warm = tokens[0]
    cached = timeit.timeit(lambda: cold.verify(warm), number=ROUNDS * 10) / (ROUNDS * 10)
    print(f"RS256 verify, first sight: {uncached * 1e6:8.1f} µs/token ({ROUNDS} tokens)")
    print(f"RS256 verify, cached:      {cached * 1e6:8.1f} µs/token")
    print(f"speed-up:                  {uncached / cached:8.0f}x")
    # Picking the key by kid: PyJWT's full unverified parse versus the header segment alone.
    full = timeit.timeit(lambda: jwt.get_unverified_header(warm), number=ROUNDS * 10)
    header_only = timeit.timeit(lambda: key_id(warm), number=ROUNDS * 10)
    print(f"kid via get_unverified_header: {full / (ROUNDS * 10) * 1e6:6.1f} µs/token")
    print(f"kid via the header segment:    {header_only / (ROUNDS * 10) * 1e6:6.1f} µs/token")


if __name__ == "__main__":
    main()
