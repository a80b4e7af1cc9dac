"""Settings: defaults that run with no configuration, and one clear error per bad variable."""

from pathlib import Path

import pytest

from core.config import load_settings
from core.errors import ConfigError


def test_defaults_need_no_configuration() -> None:
    settings = load_settings(None)
    assert settings.database.url == "sqlite+aiosqlite:///./var/starscalendars.db"
    assert settings.database.is_sqlite
    assert settings.telegram.bot_token is None
    assert str(settings.telegram.api_url) == "https://api.telegram.org/"
    assert settings.web.port == 8080
    assert settings.scheduler.horizon_days == 400


def test_environment_values_are_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@db.internal:5432/sky")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:abc")
    monkeypatch.setenv("TELEGRAM_ADMIN_IDS", "11, 22")
    monkeypatch.setenv("TELEGRAM_CHANNELS", '{"ru": -1001, "*": "@sky"}')
    monkeypatch.setenv("PUBLIC_URL", "https://sky.example/")
    monkeypatch.setenv("LOG_LEVEL", "debug")
    settings = load_settings(None)
    assert settings.database.url == "postgresql+asyncpg://postgres@db.internal:5432/sky"
    assert not settings.database.is_sqlite
    assert settings.telegram.bot_token is not None
    assert settings.telegram.bot_token.get_secret_value() == "123:abc"
    assert "123:abc" not in repr(settings)
    assert settings.telegram.admin_ids == [11, 22]
    assert settings.telegram.channel_for("ru") == -1001
    assert settings.telegram.channel_for("ja") == "@sky"
    assert str(settings.web.public_url) == "https://sky.example/"
    assert settings.log_level == "DEBUG"


def test_env_file_is_read(tmp_path: Path) -> None:
    env = tmp_path / "prod.env"
    env.write_text("WEB_PORT=9999\nSCHEDULER_HORIZON_DAYS=30\n")
    settings = load_settings(env)
    assert settings.web.port == 9999
    assert settings.scheduler.horizon_days == 30


@pytest.mark.parametrize(
    ("variable", "value", "expected"),
    [
        ("TELEGRAM_API_URL", "not a url", "TELEGRAM_API_URL"),
        ("PUBLIC_URL", "ftp//broken", "PUBLIC_URL"),
        ("DATABASE_URL", "mysql://root@localhost/db", "DATABASE_URL"),
        ("TELEGRAM_CHANNELS", '{"xx": 1}', "TELEGRAM_CHANNELS"),
        ("TELEGRAM_ADMIN_IDS", "12,abc", "TELEGRAM_ADMIN_IDS"),
        ("WEB_PORT", "70000", "WEB_PORT"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL"),
        ("DEFAULT_TIMEZONE", "Mars/Olympus", "DEFAULT_TIMEZONE"),
    ],
)
def test_bad_value_names_its_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, expected: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(None)
    assert caught.value.variable == expected
    assert str(caught.value).startswith(f"{expected}: ")
    assert "\n" not in str(caught.value)
