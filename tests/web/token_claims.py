"""Hand-built access-token parts for the JWT attack tests."""

import base64
import time
import uuid
from typing import Any

from core.config import AuthSettings


def b64url(data: bytes) -> str:
    """Unpadded base64url, as JWS segments are written."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def claims(auth: AuthSettings, user_id: uuid.UUID, **changes: Any) -> dict[str, Any]:
    """Valid claims for `user_id`, changed by `changes`; a value of ... removes that claim."""
    now = int(time.time())
    built: dict[str, Any] = {
        "iss": auth.issuer,
        "aud": auth.audience,
        "sub": str(user_id),
        "iat": now,
        "exp": now + 600,
        "jti": uuid.uuid4().hex,
    }
    built.update(changes)
    return {key: value for key, value in built.items() if value is not ...}
