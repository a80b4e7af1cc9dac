"""The web's own Bot API client against the fake Bot API, and the web process without aiogram."""

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import aiohttp
import pytest

from core.config import Settings
from tests.fakes.telegram import FakeTelegram
from web.auth.errors import TelegramNotConfiguredError, TelegramUnavailableError
from web.auth.telegram_api import BotApiError, TelegramApi


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    """A fake Bot API server."""
    async with FakeTelegram(bot_username="SkyCalBot") as fake:
        yield fake


@pytest.fixture
async def api(
    tg: FakeTelegram, make_settings: Callable[..., Settings]
) -> AsyncIterator[TelegramApi]:
    """The client pointed at the fake, on its own session."""
    settings = make_settings(telegram={"bot_token": tg.token, "api_url": tg.api_url})
    async with aiohttp.ClientSession() as session:
        yield TelegramApi(settings.telegram, session)


async def test_username_is_asked_once(api: TelegramApi, tg: FakeTelegram) -> None:
    assert await api.username() == "SkyCalBot"
    assert await api.username() == "SkyCalBot"
    assert len(tg.calls("getMe")) == 1


async def test_refused_get_me_is_unavailable(api: TelegramApi, tg: FakeTelegram) -> None:
    tg.fail_next("getMe", error_code=401, description="Unauthorized")
    with pytest.raises(TelegramUnavailableError):
        await api.username()
    assert await api.username() == "SkyCalBot"  # a failure is not remembered


@pytest.mark.parametrize(
    ("status", "is_member", "expected"),
    [
        ("member", True, ("member", False)),
        ("administrator", True, ("administrator", False)),
        ("restricted", True, ("restricted", True)),
        ("restricted", False, ("restricted", False)),
        ("left", True, ("left", False)),
        ("kicked", True, ("kicked", False)),
    ],
)
async def test_member_status_reads_get_chat_member(
    api: TelegramApi,
    tg: FakeTelegram,
    status: str,
    is_member: bool,
    expected: tuple[str, bool],
) -> None:
    channel = tg.add_channel("Sky", username="skycal")
    person = tg.add_user()
    tg.set_member_status(channel, person, status, is_member=is_member)  # type: ignore[arg-type]
    assert await api.member_status("@skycal", person.id) == expected
    assert tg.calls("getChatMember")[-1].params == {"chat_id": "@skycal", "user_id": person.id}


async def test_bot_api_refusal_carries_code_and_description(
    api: TelegramApi, tg: FakeTelegram
) -> None:
    person = tg.add_user()
    with pytest.raises(BotApiError) as raised:
        await api.member_status("@nowhere", person.id)
    assert raised.value.error_code == 400
    assert "chat not found" in raised.value.description


async def test_a_proxy_error_page_is_a_bot_api_error(api: TelegramApi, tg: FakeTelegram) -> None:
    tg.fail_next_raw("getChatMember", body="<html>502 Bad Gateway</html>", status=502)
    with pytest.raises(BotApiError) as raised:
        await api.member_status("@skycal", 1)
    assert raised.value.error_code == 502


async def test_without_a_token_nothing_is_called(make_settings: Callable[..., Settings]) -> None:
    api = TelegramApi(make_settings().telegram, None)
    assert not api.configured
    with pytest.raises(TelegramNotConfiguredError):
        api.bot_token()
    with pytest.raises(TelegramNotConfiguredError):
        await api.member_status("@skycal", 1)


def test_the_web_process_does_not_import_aiogram_or_alembic() -> None:
    # aiogram costs ~120 MB of RSS and Alembic ~10 MB; a web process that is not in webhook
    # mode never needs the one, and /ready reads the schema revision without the other.
    code = (
        "import sys, app.cli, web.server; "
        "print('aiogram' in sys.modules, 'alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert result.stdout.strip() == "False False"
