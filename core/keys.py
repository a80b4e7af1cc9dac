"""RSA signing keys for access tokens: a directory of PEM files, the newest signs, all verify."""

import fcntl
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from core.errors import ConfigError

KEYS_VARIABLE = "JWT_KEYS_DIR"


@dataclass(frozen=True, slots=True)
class KeyRing:
    """The key that signs new tokens and every key that may still verify old ones (by kid)."""

    signing_kid: str
    signing_key: rsa.RSAPrivateKey
    public_keys: dict[str, rsa.RSAPublicKey]


def generate_key(keys_dir: Path, now: datetime | None = None) -> Path:
    """Write a new 2048-bit RSA key named by its creation time; it becomes the signing key."""
    keys_dir.mkdir(parents=True, exist_ok=True)
    kid = (now or datetime.now(UTC)).strftime("k%Y%m%dT%H%M%S")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = keys_dir / f"{kid}.pem"
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    # Created private (0600) from the start rather than chmod-ed after the secret is on disk,
    # and under a temporary name: other processes never read a half-written key, and the link
    # refuses to replace a key that already has this name.
    draft = keys_dir / f".{kid}.{os.getpid()}.tmp"
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
        os.link(draft, path)
    finally:
        draft.unlink()
    return path


def _generate_first_key(keys_dir: Path) -> Path:
    """Create the first key once, even when several processes start on an empty directory."""
    keys_dir.mkdir(parents=True, exist_ok=True)
    # Without the lock two processes could each mint a key and sign with one the other lacks.
    with (keys_dir / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        existing = sorted(keys_dir.glob("*.pem"))
        return existing[-1] if existing else generate_key(keys_dir)


def load_keyring(keys_dir: Path, *, generate: bool = True) -> KeyRing:
    """Read every <kid>.pem in `keys_dir`, creating one when there is none."""
    if keys_dir.exists() and not keys_dir.is_dir():
        raise ConfigError(KEYS_VARIABLE, f"{keys_dir} is not a directory")
    paths = sorted(keys_dir.glob("*.pem")) if keys_dir.is_dir() else []
    if not paths:
        if not generate:
            raise ConfigError(KEYS_VARIABLE, f"no *.pem key in {keys_dir}")
        try:
            paths = [_generate_first_key(keys_dir)]
        except OSError as exc:
            raise ConfigError(KEYS_VARIABLE, f"cannot create a key in {keys_dir}: {exc}") from None
    keys: dict[str, rsa.RSAPrivateKey] = {}
    for path in paths:
        try:
            key = serialization.load_pem_private_key(path.read_bytes(), password=None)
        except (OSError, ValueError, TypeError) as exc:
            raise ConfigError(KEYS_VARIABLE, f"cannot read key {path}: {exc}") from None
        if not isinstance(key, rsa.RSAPrivateKey) or key.key_size < 2048:
            raise ConfigError(KEYS_VARIABLE, f"{path} is not an RSA key of 2048 bits or more")
        keys[path.stem] = key
    signing_kid = max(keys)  # kids sort by creation time
    return KeyRing(
        signing_kid=signing_kid,
        signing_key=keys[signing_kid],
        public_keys={kid: key.public_key() for kid, key in keys.items()},
    )
