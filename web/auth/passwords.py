"""Passwords: argon2id on a bounded pool of its own, and the policy new ones must meet."""

import asyncio
import unicodedata
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from aiohttp import web
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.config import WebSettings
from web.auth.errors import ServerBusyError, WeakPasswordError

T = TypeVar("T")
# What a refused caller is told to wait: about one hash per queued request ahead of it.
BUSY_RETRY_SECONDS = 1

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


class PasswordHashing:
    """argon2id (memory in KiB, passes, one lane) on `workers` threads of its own.

    Each running hash holds its memory for the hash's duration, so the pool's size bounds the
    memory hashing can take; calls beyond `workers + queue` in flight are refused with
    ServerBusyError instead of piling up.
    """

    def __init__(self, *, workers: int, queue: int, memory_kib: int, time_cost: int) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1)
        self._pool = ThreadPoolExecutor(workers, thread_name_prefix="argon2")
        self._capacity = workers + queue
        self._in_flight = 0
        # Verified when the account is unknown or has no password: every path costs one hash.
        self._decoy = self._hasher.hash("starscalendars decoy password")

    @classmethod
    def from_settings(cls, settings: WebSettings) -> "PasswordHashing":
        """The pool and parameters of WEB_PASSWORD_HASH_* and WEB_ARGON2_*."""
        return cls(
            workers=settings.password_hash_workers,
            queue=settings.password_hash_queue,
            memory_kib=settings.argon2_memory_kib,
            time_cost=settings.argon2_time_cost,
        )

    async def _run(self, work: Callable[..., T], *args: str) -> T:
        if self._in_flight >= self._capacity:
            raise ServerBusyError(BUSY_RETRY_SECONDS)
        loop = asyncio.get_running_loop()
        self._in_flight += 1
        future: Future[T] = self._pool.submit(work, *args)
        # Released when the thread is done (or the queued call is cancelled), not when the
        # awaiting request goes away: a hash already running still holds its memory.
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(self._release))
        return await asyncio.wrap_future(future)

    def _release(self) -> None:
        self._in_flight -= 1

    async def hash(self, password: str) -> str:
        """An argon2id hash (with its salt and parameters) of `password`."""
        return await self._run(self._hasher.hash, password)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            matched = self._hasher.verify(password_hash or self._decoy, password)
        except (VerificationError, InvalidHashError):
            return False
        return matched and bool(password_hash)

    async def verify(self, password_hash: str | None, password: str) -> bool:
        """True when `password` matches; an unknown account or one without a password costs
        the same hash (against a decoy) and is False."""
        if len(password) > MAX_LENGTH:
            return False
        return await self._run(self._verify, password_hash or "", password)

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the stored hash uses other parameters than today's."""
        return self._hasher.check_needs_rehash(password_hash)

    def shutdown(self) -> None:
        """Let the threads go once their work is done."""
        self._pool.shutdown(wait=False, cancel_futures=True)


PASSWORDS = web.AppKey("passwords", PasswordHashing)


def password_hashing(settings: WebSettings) -> Callable[[web.Application], AsyncIterator[None]]:
    """A cleanup context holding the hashing pool while the application runs."""

    async def hold(app: web.Application) -> AsyncIterator[None]:
        hashing = await asyncio.to_thread(PasswordHashing.from_settings, settings)
        app[PASSWORDS] = hashing
        try:
            yield
        finally:
            hashing.shutdown()

    return hold
