"""Passwords: argon2id hashes computed off the event loop, and the policy new ones must meet."""

import asyncio
import unicodedata
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from web.auth.errors import WeakPasswordError

MIN_LENGTH = 10
# Long enough for any passphrase, short enough that hashing cannot be used to burn CPU.
MAX_LENGTH = 256
# The most used passwords of ten characters or more in public breach corpora.
COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "0123456789",
        "12345678910",
        "123456789a",
        "1q2w3e4r5t",
        "1qaz2wsx3edc",
        "qwertyuiop",
        "asdfghjkl;",
        "qwerty1234",
        "qwerty12345",
        "qwerty123456",
        "1234qwerasdf",
        "password12",
        "password123",
        "password1234",
        "passw0rd123",
        "p@ssw0rd123",
        "iloveyou123",
        "1111111111",
        "0000000000",
        "abcdefghij",
        "abc1234567",
        "abcd123456",
        "aaaaaaaaaa",
        "1234512345",
        "9876543210",
        "letmein123",
        "welcome123",
        "starscalendars",
        "football123",
        "princess123",
        "sunshine123",
        "superman123",
        "baseball123",
        "trustno1234",
        "dragon12345",
        "monkey12345",
        "zaq12wsxcde",
        "q1w2e3r4t5y6",
        "changeme123",
    }
)


@cache
def _hasher() -> PasswordHasher:
    # argon2-cffi's defaults follow RFC 9106's second recommended (low-memory) profile: argon2id.
    return PasswordHasher()


@cache
def _decoy_hash() -> str:
    # Verifying against this for an unknown email costs the same time as a wrong password.
    return _hasher().hash("starscalendars decoy password")


def normalize_password(password: str) -> str:
    """NFKC, so the same passphrase typed on another keyboard still matches."""
    return unicodedata.normalize("NFKC", password)


def check_policy(password: str, email: str) -> None:
    """Raise WeakPasswordError unless `password` is long, uncommon and not the email."""
    lowered = password.casefold()
    local_part = email.split("@", 1)[0]
    if (
        len(password) < MIN_LENGTH
        or len(password) > MAX_LENGTH
        or lowered in COMMON_PASSWORDS
        or len(set(lowered)) < 3
        or lowered in {email, local_part}
    ):
        raise WeakPasswordError("password rejected by policy", min_length=MIN_LENGTH)


async def hash_password(password: str) -> str:
    """An argon2id hash (with its salt and parameters) of `password`."""
    return await asyncio.to_thread(_hasher().hash, password)


def _verify(password_hash: str | None, password: str) -> bool:
    try:
        matched = _hasher().verify(password_hash or _decoy_hash(), password)
    except (VerificationError, InvalidHashError):
        return False
    return matched and password_hash is not None


async def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; an account without a password still costs one hash."""
    if len(password) > MAX_LENGTH:
        return False
    return await asyncio.to_thread(_verify, password_hash, password)


def needs_rehash(password_hash: str) -> bool:
    """True when the stored hash uses weaker parameters than today's."""
    return _hasher().check_needs_rehash(password_hash)
