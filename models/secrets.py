"""Random secrets handed to users and the hashes we keep of them."""

import hashlib
import secrets

# 24 random bytes -> 32 URL-safe characters: 192 bits, fits Telegram's /start payload (<= 64).
TOKEN_BYTES = 24


def new_token() -> str:
    """A fresh URL-safe secret of 192 bits (A-Z a-z 0-9 _ -)."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def hash_token(token: str) -> str:
    """SHA-256 hex of a high-entropy token: enough, since such tokens cannot be brute-forced."""
    return hashlib.sha256(token.encode()).hexdigest()
