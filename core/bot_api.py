"""Bot API addresses, for the few direct calls that skip aiogram (too heavy to import for them)."""

from core.config import TelegramSettings


def method_url(settings: TelegramSettings, token: str, method: str) -> str:
    """The URL of one Bot API method on TELEGRAM_API_URL (the form aiogram uses too)."""
    return f"{str(settings.api_url).rstrip('/')}/bot{token}/{method}"
