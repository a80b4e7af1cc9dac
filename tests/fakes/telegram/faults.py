"""Fault injection: canned failures for the next calls of a method or chat, latency, outages."""

from __future__ import annotations

import time
from dataclasses import dataclass
from enum import StrEnum


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


class OutageKind(StrEnum):
    """How Telegram is unreachable during an outage."""

    # Nothing listens: new connections are refused, kept-alive ones are dropped unanswered.
    REFUSE = "refuse"
    # A proxy in front of the Bot API answers every call with its own 502 page.
    BAD_GATEWAY = "bad_gateway"


@dataclass(frozen=True)
class _Latency:
    seconds: float
    every: int  # every n-th call is delayed (1: all of them)


class FaultPlan:
    """The faults, latencies and outages the test asked for; cheap when there are none."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._latency: dict[str | None, _Latency] = {}
        self._calls = 0
        self.outage: OutageKind | None = None
        self.outage_until = 0.0

    def down(self) -> OutageKind | None:
        """The outage going on now, if any."""
        if self.outage is not None and time.monotonic() >= self.outage_until:
            self.outage = None
        return self.outage

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

    def set_latency(self, seconds: float, method: str | None, share: float = 1.0) -> None:
        """Delay answers to `method` (every method when None); `share`: one call in 1/share."""
        if seconds <= 0:
            self._latency.pop(method, None)
        else:
            self._latency[method] = _Latency(seconds, max(1, round(1 / share)))

    def latency(self, method: str) -> float:
        """Return the delay for a call of `method`."""
        if not self._latency:
            return 0.0
        latency = self._latency.get(method, self._latency.get(None))
        if latency is None:
            return 0.0
        self._calls += 1
        return latency.seconds if self._calls % latency.every == 0 else 0.0
