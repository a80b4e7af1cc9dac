"""The decade the engine is checked over, computed once, and its independent DE421 reference."""

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from astro.events import SkyEvent, compute_events

DECADE_START = datetime(2025, 1, 1, tzinfo=UTC)
DECADE_END = datetime(2035, 12, 31, 23, 59, 59, tzinfo=UTC)
REFERENCE = Path(__file__).parent / "data" / "de421_2025_2035.json"


@pytest.fixture(scope="session")
def decade() -> list[SkyEvent]:
    """Every event of 2025-2035 from one long computation."""
    return compute_events(DECADE_START, DECADE_END)


@pytest.fixture(scope="session")
def de421() -> dict[str, Any]:
    """scripts/astro_reference.py's output: events and rise/set times solved independently."""
    document: dict[str, Any] = json.loads(REFERENCE.read_text())
    return document
