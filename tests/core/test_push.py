"""The push envelope keeps the wire format the hub and the page read."""

import uuid

import orjson
import pytest

from core.push import Everyone, InvalidPushError, PushEnvelope, ToLanguage, ToUser


@pytest.mark.parametrize(
    ("audience", "wire"),
    [
        (Everyone(), {"all": True}),
        (ToUser(uuid.UUID(int=7)), {"user": str(uuid.UUID(int=7))}),
        (ToLanguage("ru"), {"language": "ru"}),
    ],
)
def test_round_trip_keeps_the_wire_format(audience: object, wire: dict[str, object]) -> None:
    push = PushEnvelope(audience, "reminder", "r1", {"kind": "full_moon"})  # type: ignore[arg-type]
    raw = push.encode()
    assert orjson.loads(raw) == {
        "audience": wire,
        "type": "reminder",
        "id": "r1",
        "data": {"kind": "full_moon"},
    }
    assert PushEnvelope.decode(raw) == push


def test_data_defaults_to_empty() -> None:
    assert PushEnvelope.decode(b'{"audience":{"all":true},"type":"t","id":1}').data == {}


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[]",
        b'{"audience": {"all": true}}',
        b'{"audience": 1, "type": "t", "id": "x"}',
        b'{"audience": {"all": true}, "type": "t", "id": "x", "data": []}',
        b'{"audience": {"user": "not-a-uuid"}, "type": "t", "id": "x"}',
        b'{"audience": {}, "type": "t", "id": "x"}',
    ],
)
def test_junk_is_refused(raw: bytes) -> None:
    with pytest.raises(InvalidPushError):
        PushEnvelope.decode(raw)
