"""The value every event producer returns: one sky event at one instant."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeAlias

from astro.kinds import EventKind

JSONValue: TypeAlias = str | int | float | bool | list["JSONValue"] | dict[str, "JSONValue"] | None
Payload: TypeAlias = dict[str, JSONValue]


@dataclass(frozen=True, slots=True)
class SkyEvent:
    """One astronomical event: kind, subject ("" or a Body/MeteorShower value), UTC instant."""

    kind: EventKind
    subject: str
    occurs_at: datetime
    payload: Payload = field(default_factory=dict)
    significance: float = 0.0
