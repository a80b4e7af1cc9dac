"""Validation of what a bot puts in a message: text with parse_mode, and reply markup."""

from __future__ import annotations

from typing import Any

from tests.fakes.telegram.entities import parse_html
from tests.fakes.telegram.errors import bad_request
from tests.fakes.telegram.params import Params

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64
_BUTTON_ACTIONS = frozenset(
    {
        "url",
        "callback_data",
        "web_app",
        "login_url",
        "switch_inline_query",
        "switch_inline_query_current_chat",
        "switch_inline_query_chosen_chat",
        "copy_text",
        "callback_game",
        "pay",
    }
)
_MARKUP_KINDS = ("inline_keyboard", "keyboard", "remove_keyboard", "force_reply")


def message_text(params: Params) -> tuple[str, list[dict[str, Any]]]:
    """Return the text and entities Telegram would store, applying parse_mode."""
    raw = params.text("text") or ""
    parse_mode = (params.text("parse_mode") or "").strip()
    entities: list[dict[str, Any]]
    if not parse_mode:
        text = raw
        explicit = params.json("entities")
        entities = list(explicit) if isinstance(explicit, list) else []
    elif parse_mode.lower() == "html":
        text, entities = parse_html(raw)
    else:
        raise bad_request(f"unsupported parse_mode {parse_mode!r} in the fake; use HTML")
    if not text.strip():
        raise bad_request("message text is empty")
    if len(text) > MAX_TEXT_LENGTH:
        raise bad_request("message is too long")
    return text, entities


def reply_markup(params: Params) -> dict[str, Any] | None:
    """Return the validated reply_markup, or None when absent."""
    markup = params.json("reply_markup", error="can't parse reply keyboard markup JSON object")
    if markup is None:
        return None
    if not isinstance(markup, dict) or not any(kind in markup for kind in _MARKUP_KINDS):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
    elif "keyboard" in markup:
        _check_rows(markup["keyboard"], "keyboard")
    return markup


def _check_rows(rows: object, field: str) -> list[list[Any]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request(f'can\'t parse reply keyboard markup JSON object: field "{field}"')
    return rows


def _check_inline_keyboard(rows: object) -> None:
    for row in _check_rows(rows, "inline_keyboard"):
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request("can't parse inline keyboard button: Text must be a String")
            actions = _BUTTON_ACTIONS.intersection(button)
            if not actions:
                raise bad_request(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
            data = button.get("callback_data")
            if "callback_data" in actions and (
                not isinstance(data, str)
                or not data
                or len(data.encode()) > MAX_CALLBACK_DATA_BYTES
            ):
                raise bad_request("BUTTON_DATA_INVALID")
