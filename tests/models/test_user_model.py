"""The users table validates what it stores and maintains its timestamps."""

import asyncio

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from astro.errors import InvalidCoordinatesError, InvalidTimezoneError
from core.errors import InvalidLanguageError
from models import User


def test_bad_values_are_refused_before_they_reach_the_database() -> None:
    user = User()
    with pytest.raises(InvalidTimezoneError):
        user.timezone = "Europe/Atlantis"
    with pytest.raises(InvalidLanguageError):
        user.language = "xx"
    with pytest.raises(InvalidCoordinatesError):
        user.latitude = 91.0
    user.timezone = "Asia/Kathmandu"
    assert user.timezone == "Asia/Kathmandu"


@pytest.mark.postgres
async def test_updated_at_moves_on_update(pg_session: AsyncSession) -> None:
    user = User(display_name="Ari")
    pg_session.add(user)
    await pg_session.flush()
    created, updated = user.created_at, user.updated_at
    assert created.tzinfo is not None
    await asyncio.sleep(0.01)
    user.display_name = "Ariel"
    await pg_session.flush()
    assert user.updated_at > updated
    assert user.created_at == created
    assert user.reminder_kinds  # defaults are filled in
