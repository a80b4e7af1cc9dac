"""What one group of clients (language, hemisphere) reads in a push: the data plus a title."""

from collections.abc import Mapping
from typing import Any

import structlog

from core.errors import DOMAIN_ERRORS
from core.event_text import event_title
from core.i18n import I18n

log = structlog.get_logger(__name__)


def needs_localizing(data: Mapping[str, Any]) -> bool:
    """Whether `data` describes a sky event, whose title is rendered per group."""
    return isinstance(data.get("kind"), str) and "title" not in data


def localize(
    i18n: I18n, data: Mapping[str, Any], language: str, hemisphere: str
) -> dict[str, Any]:
    """`data` with the event's localized title; data the title cannot be made for is sent as is."""
    payload = data.get("payload")
    try:
        title = event_title(
            i18n.get(language),
            str(data["kind"]),
            str(data.get("subject", "")),
            payload if isinstance(payload, Mapping) else {},
            hemisphere,
        )
    except DOMAIN_ERRORS as exc:
        log.warning("push without a title", kind=data.get("kind"), error=exc.code)
        return dict(data)
    return {**data, "title": title}
