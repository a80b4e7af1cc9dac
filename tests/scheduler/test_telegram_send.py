"""Every Bot API answer maps to one of the worker's send outcomes, whatever its shape."""

import orjson
import pytest

from scheduler.telegram_send import SendStatus, interpret


def _answer(status: int, **body: object) -> tuple[int, bytes]:
    return status, orjson.dumps(body)


@pytest.mark.parametrize(
    ("answer", "expected", "reason_part"),
    [
        (_answer(200, ok=True, result={"message_id": 7, "chat": {"id": 1}}), SendStatus.SENT, ""),
        (
            _answer(429, ok=False, error_code=429, parameters={"retry_after": 3}),
            SendStatus.RETRY_AFTER,
            "",
        ),
        (
            _answer(403, ok=False, description="Forbidden: bot was blocked by the user"),
            SendStatus.FORBIDDEN,
            "blocked by the user",
        ),
        (
            _answer(400, ok=False, description="Bad Request: chat not found"),
            SendStatus.REJECTED,
            "chat not found",
        ),
        (
            _answer(400, ok=False, parameters={"migrate_to_chat_id": -1002}),
            SendStatus.REJECTED,
            "migrated to chat -1002",
        ),
        (_answer(413, ok=False, description="Request Entity Too Large"), SendStatus.REJECTED, ""),
        (
            _answer(502, ok=False, description="Bad Gateway"),
            SendStatus.TRANSIENT,
            "http_502: Bad Gateway",
        ),
        (_answer(401, ok=False, description="Unauthorized"), SendStatus.TRANSIENT, "http_401"),
        ((502, b"<html>Bad Gateway</html>"), SendStatus.TRANSIENT, "undecodable_502"),
        ((200, b'{"unexpected": true}'), SendStatus.TRANSIENT, "undecodable_200"),
        ((200, b"[1, 2]"), SendStatus.TRANSIENT, "undecodable_200"),
        (_answer(200, ok=True, result=True), SendStatus.TRANSIENT, "undecodable_200"),
        (_answer(599, ok=False), SendStatus.TRANSIENT, "HTTP 599"),
    ],
)
def test_answers_map_to_outcomes(
    answer: tuple[int, bytes], expected: SendStatus, reason_part: str
) -> None:
    result = interpret(*answer)
    assert result.status is expected
    assert reason_part in result.reason
    if expected is SendStatus.SENT:
        assert result.message_id == 7
    if expected is SendStatus.RETRY_AFTER:
        assert result.retry_after == 3.0


def test_reasons_are_bounded() -> None:
    result = interpret(*_answer(400, ok=False, description="x" * 5000))
    assert len(result.reason) == 500
