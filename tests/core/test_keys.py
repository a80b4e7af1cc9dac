"""JWT signing keys: generated on first run, rotated by adding a file, bad files refused."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.errors import ConfigError
from core.keys import generate_key, load_keyring


def test_first_run_generates_a_private_key(tmp_path: Path) -> None:
    keys_dir = tmp_path / "keys"
    ring = load_keyring(keys_dir)
    files = list(keys_dir.glob("*.pem"))
    assert [path.stem for path in files] == [ring.signing_kid]
    assert files[0].stat().st_mode & 0o777 == 0o600
    assert ring.signing_key.key_size == 2048
    # Loading again reuses the key instead of minting a new one (tokens survive restarts).
    assert load_keyring(keys_dir).signing_kid == ring.signing_kid


def test_newest_key_signs_and_old_keys_still_verify(tmp_path: Path) -> None:
    generate_key(tmp_path, datetime(2026, 1, 1, tzinfo=UTC))
    generate_key(tmp_path, datetime(2026, 6, 1, tzinfo=UTC))
    ring = load_keyring(tmp_path)
    assert ring.signing_kid == "k20260601T000000"
    assert set(ring.public_keys) == {"k20260101T000000", "k20260601T000000"}


def test_unreadable_key_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "broken.pem").write_text("-----BEGIN PRIVATE KEY-----\nnope\n")
    with pytest.raises(ConfigError) as caught:
        load_keyring(tmp_path)
    assert caught.value.variable == "JWT_KEYS_DIR"
    assert "broken.pem" in str(caught.value)


def _load_kid(keys_dir: str) -> str:
    return load_keyring(Path(keys_dir)).signing_kid


def test_processes_starting_together_share_one_first_key(tmp_path: Path) -> None:
    keys_dir = tmp_path / "keys"
    with ProcessPoolExecutor(4, mp_context=multiprocessing.get_context("spawn")) as pool:
        kids = set(pool.map(_load_kid, [str(keys_dir)] * 4))
    assert len(kids) == 1
    assert [path.stem for path in keys_dir.glob("*.pem")] == list(kids)
    assert not list(keys_dir.glob(".*.tmp"))
