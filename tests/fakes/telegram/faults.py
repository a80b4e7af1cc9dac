"""Fault injection: canned failures for the next calls of a method or to a chat, and latency."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Fault:
    """A canned answer replacing the next `remaining` matching calls.

    With `after_effect` the call is carried out first and only its answer is lost, as when a
    connection drops after Telegram accepted a message.
    """

    status: int
    body: bytes
    content_type: str
    remaining: int
    method: str | None
    chat_id: int | str | None
    after_effect: bool = False

    def matches(self, method: str, chat_id: object) -> bool:
        """Tell whether this fault applies to a call."""
        if self.method is not None and self.method != method:
            return False
        return self.chat_id is None or str(self.chat_id) == str(chat_id)


class FaultPlan:
    """The faults and latencies the test asked for; cheap when there are none."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._latency: dict[str | None, float] = {}

    def add(self, fault: Fault) -> None:
        """Queue a fault; earlier faults win when several match."""
        self._faults.append(fault)

    def take(self, method: str, chat_id: object) -> Fault | None:
        """Consume one use of the first fault matching this call."""
        for fault in self._faults:
            if fault.matches(method, chat_id):
                fault.remaining -= 1
                if fault.remaining <= 0:
                    self._faults.remove(fault)
                return fault
        return None

    def set_latency(self, seconds: float, method: str | None) -> None:
        """Delay answers to `method` (or to every method when None)."""
        if seconds <= 0:
            self._latency.pop(method, None)
        else:
            self._latency[method] = seconds

    def latency(self, method: str) -> float:
        """Return the delay for a call of `method`."""
        if not self._latency:
            return 0.0
        return self._latency.get(method, self._latency.get(None, 0.0))
