"""Pictures made by the tests are kept for a person to look at, in the git-ignored var/ folder."""

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "var" / "test-artifacts" / "pictures"


@pytest.fixture
def artifacts() -> Path:
    """The folder the tests save their pictures into (created when missing)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
