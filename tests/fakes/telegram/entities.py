"""Message entities: bot_command detection and Telegram's HTML parse mode."""

from __future__ import annotations

import re
from typing import Any

from tests.fakes.telegram.errors import ApiError, bad_request

_COMMAND = re.compile(r"(?<![\w/@])/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w/])")
_HTML_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ATTRIBUTE = re.compile(r"""([a-zA-Z-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "code": "code",
    "pre": "pre",
    "blockquote": "blockquote",
}


def utf16_len(text: str) -> int:
    """Return the length in UTF-16 code units, the unit of entity offsets."""
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[dict[str, Any]]:
    """Return the bot_command entities Telegram marks in a user's text."""
    return [
        {
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group()),
            "type": "bot_command",
        }
        for match in _COMMAND.finditer(text)
    ]


def _parse_error(detail: str) -> ApiError:
    return bad_request(f"can't parse entities: {detail}")


def _byte_offset(source: str, index: int) -> int:
    return len(source[:index].encode())


class _HtmlParser:
    """Turns Telegram-flavoured HTML into plain text plus entities."""

    def __init__(self, source: str):
        self.source = source
        self.out: list[str] = []
        self.position = 0
        self.stack: list[tuple[str, dict[str, Any], int]] = []
        self.entities: list[dict[str, Any]] = []

    def parse(self) -> tuple[str, list[dict[str, Any]]]:
        source = self.source
        index = 0
        while index < len(source):
            char = source[index]
            if char == "<":
                index = self._tag(index)
            elif char == "&" and (match := _HTML_ENTITY.match(source, index)):
                self._emit(self._decode(match.group(1)))
                index = match.end()
            else:
                self._emit(char)
                index += 1
        if self.stack:
            name = self.stack[-1][0]
            raise _parse_error(f'Can\'t find end tag corresponding to start tag "{name}"')
        self.entities.sort(key=lambda entity: (entity["offset"], -entity["length"]))
        return "".join(self.out), self.entities

    def _emit(self, text: str) -> None:
        self.out.append(text)
        self.position += utf16_len(text)

    @staticmethod
    def _decode(name: str) -> str:
        if name.startswith("#x"):
            return chr(int(name[2:], 16))
        if name.startswith("#"):
            return chr(int(name[1:]))
        return _NAMED[name]

    def _tag(self, index: int) -> int:
        end = self.source.find(">", index)
        if end == -1:
            offset = _byte_offset(self.source, index)
            raise _parse_error(f"Unclosed start tag at byte offset {offset}")
        body = self.source[index + 1 : end].strip()
        if body.startswith("/"):
            self._close(body[1:].strip().lower(), index)
        else:
            self._open(body, index)
        return end + 1

    def _open(self, body: str, index: int) -> None:
        name, _, rest = body.partition(" ")
        name = name.lower()
        attributes = {key.lower(): value.strip("\"'") for key, value in _ATTRIBUTE.findall(rest)}
        entity: dict[str, Any]
        if name in _SIMPLE_TAGS:
            entity = {"type": _SIMPLE_TAGS[name]}
            if name == "blockquote" and "expandable" in rest.split():
                entity["type"] = "expandable_blockquote"
        elif name == "span" and attributes.get("class") == "tg-spoiler":
            entity = {"type": "spoiler"}
        elif name == "a" and "href" in attributes:
            entity = {"type": "text_link", "url": attributes["href"]}
        elif name == "tg-emoji" and "emoji-id" in attributes:
            entity = {"type": "custom_emoji", "custom_emoji_id": attributes["emoji-id"]}
        else:
            offset = _byte_offset(self.source, index)
            raise _parse_error(f'Unsupported start tag "{name}" at byte offset {offset}')
        language = attributes.get("class", "")
        if name == "code" and language.startswith("language-") and self._inside("pre"):
            self.stack[-1][1]["language"] = language.removeprefix("language-")
            entity = {"type": "", "merged": True}
        self.stack.append((name, entity, self.position))

    def _inside(self, name: str) -> bool:
        return bool(self.stack) and self.stack[-1][0] == name

    def _close(self, name: str, index: int) -> None:
        if not self.stack:
            offset = _byte_offset(self.source, index)
            raise _parse_error(f"Unexpected end tag at byte offset {offset}")
        open_name, entity, start = self.stack[-1]
        if open_name != name:
            offset = _byte_offset(self.source, index)
            raise _parse_error(
                f'Unmatched end tag at byte offset {offset}, expected "</{open_name}>", '
                f'found "</{name}>"'
            )
        self.stack.pop()
        length = self.position - start
        if length > 0 and not entity.get("merged"):
            self.entities.append({"offset": start, "length": length, **entity})


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram's HTML dialect into plain text and entities, or fail as Telegram does."""
    return _HtmlParser(source).parse()
