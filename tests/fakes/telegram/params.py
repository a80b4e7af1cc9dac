"""Typed reading of one request's parameters, whichever encoding carried them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import orjson

from tests.fakes.telegram.errors import bad_request

_TRUE = frozenset({"true", "1", "yes", "on"})


class Params:
    """Parameters of a call; form fields are strings, JSON bodies carry typed values."""

    def __init__(self, raw: Mapping[str, Any]):
        self.raw: dict[str, Any] = dict(raw)

    def has(self, name: str) -> bool:
        """Tell whether the parameter was sent at all."""
        return name in self.raw

    def text(self, name: str) -> str | None:
        """Return a string parameter, or None when absent."""
        value = self.raw.get(name)
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int | float):
            return str(value)
        return orjson.dumps(value).decode()

    def require_text(self, name: str, error: str | None = None) -> str:
        """Return a non-empty string parameter or fail like Telegram."""
        value = self.text(name)
        if not value:
            raise bad_request(error or f"{name} is empty")
        return value

    def integer(self, name: str, error: str | None = None) -> int | None:
        """Return an integer parameter, or None when absent."""
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise bad_request(error or f"invalid {name} specified")
        if isinstance(value, int):
            return value
        try:
            return int(str(value).strip())
        except ValueError:
            raise bad_request(error or f"invalid {name} specified") from None

    def require_int(self, name: str, error: str | None = None) -> int:
        """Return an integer parameter or fail like Telegram."""
        value = self.integer(name, error)
        if value is None:
            raise bad_request(error or f"{name} is empty")
        return value

    def flag(self, name: str) -> bool:
        """Return a boolean parameter; absent means False."""
        value = self.raw.get(name)
        if isinstance(value, bool):
            return value
        if value is None:
            return False
        return str(value).strip().lower() in _TRUE

    def json(self, name: str, error: str | None = None) -> Any:
        """Return a JSON-serialized parameter decoded, or None when absent."""
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            return value
        try:
            return orjson.loads(value)
        except orjson.JSONDecodeError:
            raise bad_request(error or f"can't parse {name} JSON object") from None

    def chat_id(self, name: str = "chat_id") -> int | str:
        """Return a chat identifier: an integer id or an '@username'."""
        value = self.raw.get(name)
        if value is None or value == "":
            raise bad_request(f"{name} is empty")
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = str(value).strip()
        if text.startswith("@"):
            return text
        try:
            return int(text)
        except ValueError:
            raise bad_request("chat not found") from None
