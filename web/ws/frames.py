"""Server-side WebSocket frames (RFC 6455), built once and written to many sockets."""

import struct
from typing import Any

import orjson

_TEXT_FIN = 0x81
_SHORT = struct.Struct("!BB")
_MEDIUM = struct.Struct("!BBH")
_LONG = struct.Struct("!BBQ")


def text_frame(payload: bytes) -> bytes:
    """One final, unmasked, uncompressed text frame carrying `payload` (UTF-8 JSON)."""
    length = len(payload)
    if length < 126:
        header = _SHORT.pack(_TEXT_FIN, length)
    elif length < 1 << 16:
        header = _MEDIUM.pack(_TEXT_FIN, 126, length)
    else:
        header = _LONG.pack(_TEXT_FIN, 127, length)
    return header + payload


def message_frame(message_type: str, message_id: str, data: dict[str, Any]) -> bytes:
    """A server message {"type", "id", "data"} as a ready frame."""
    return text_frame(orjson.dumps({"type": message_type, "id": message_id, "data": data}))
