"""Web pushes on the bus: the channel and the envelope the scheduler and the API publish.

The hub of every web process decodes each envelope once and encodes one frame per group, so
the wire format (`{"audience": …, "type": …, "id": …, "data": …}`) is the contract here.
"""

import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson

# The bus channel web pushes travel on.
WS_CHANNEL = "ws"
# Not shown to clients: every web process closes the audience user's sockets (4403).
ACCOUNT_DEACTIVATED = "account.deactivated"


@dataclass(frozen=True, slots=True)
class Everyone:
    """Every connected client."""


@dataclass(frozen=True, slots=True)
class ToUser:
    """Every socket of one user."""

    user_id: uuid.UUID


@dataclass(frozen=True, slots=True)
class ToLanguage:
    """Every client reading in one language."""

    language: str


PushAudience = Everyone | ToUser | ToLanguage


class InvalidPushError(ValueError):
    """A bus message that is not a push envelope."""


@dataclass(frozen=True, slots=True)
class PushEnvelope:
    """One push: who hears it, its type and id, and its data (a JSON object)."""

    audience: PushAudience
    type: str
    id: str
    data: dict[str, Any] = field(default_factory=dict)

    def encode(self) -> bytes:
        """The envelope as bus bytes."""
        audience = _audience_json(self.audience)
        return orjson.dumps(
            {"audience": audience, "type": self.type, "id": self.id, "data": self.data}
        )

    @classmethod
    def decode(cls, raw: bytes) -> "PushEnvelope":
        """Read bus bytes; anything but a well-formed envelope raises InvalidPushError."""
        try:
            envelope = orjson.loads(raw)
            audience, data = envelope["audience"], envelope.get("data", {})
            message_type, message_id = str(envelope["type"]), str(envelope["id"])
        except (orjson.JSONDecodeError, KeyError, TypeError) as exc:
            raise InvalidPushError(f"not a push envelope: {exc}") from exc
        if not isinstance(audience, dict) or not isinstance(data, dict):
            raise InvalidPushError("audience and data must be objects")
        return cls(_audience_of(audience), message_type, message_id, data)


def _audience_json(audience: PushAudience) -> dict[str, Any]:
    match audience:
        case ToUser(user_id):
            return {"user": str(user_id)}
        case ToLanguage(language):
            return {"language": language}
        case Everyone():
            return {"all": True}


def _audience_of(audience: dict[str, Any]) -> PushAudience:
    if audience.get("all") is True:
        return Everyone()
    if "user" in audience:
        try:
            return ToUser(uuid.UUID(str(audience["user"])))
        except ValueError as exc:
            raise InvalidPushError(f"audience user {audience['user']!r} is not a UUID") from exc
    if isinstance(audience.get("language"), str):
        return ToLanguage(audience["language"])
    raise InvalidPushError(f"unknown audience {sorted(audience)!r}")
