"""Texts of channel posts, reminders and web pushes, rendered at send time and shared by group."""

from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from html import escape
from typing import Any

from astro.seasons import Hemisphere
from core.event_text import event_description, event_details, event_title
from core.i18n import I18n, Translator
from models.delivery import DeliveryKind
from scheduler.outbox import EventInfo

# Distinct (language, timezone, hemisphere, event, kind, lead, minute) groups kept rendered.
DEFAULT_CACHE_SIZE = 2048


@dataclass(frozen=True, slots=True)
class Visibility:
    """Whether an event can be seen from a place, and from when to when if that is known."""

    visible: bool
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True, slots=True)
class Audience:
    """Who reads a message: recipients with equal audiences get the same text."""

    language: str
    timezone: str
    hemisphere: Hemisphere = "north"


class MessageRenderer:
    """Renders each distinct message once; recipients of the same group share the text."""

    def __init__(self, i18n: I18n, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self._i18n = i18n
        self._cache: OrderedDict[tuple[Any, ...], str] = OrderedDict()
        self._cache_size = cache_size
        self.renders = 0

    def event_message(
        self, kind: str, event: EventInfo, lead_minutes: int, audience: Audience, now: datetime
    ) -> str:
        """The HTML text of an announcement or reminder of `event` (cached by group)."""
        # The relative phrase ("tomorrow at 21:14") is exact to the minute, so is the key.
        minute = now.replace(second=0, microsecond=0)
        key = (audience, event.id, kind, lead_minutes, minute)
        text = self._cache.get(key)
        if text is not None:
            self._cache.move_to_end(key)
            return text
        text = self._render_event(kind, event, lead_minutes, audience, minute)
        self._cache[key] = text
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return text

    def visibility_line(self, visibility: Visibility, audience: Audience) -> str:
        """The recipient's own line: visible from when to when, or not visible at all."""
        tr = self._i18n.get(audience.language)
        if not visibility.visible:
            return escape(tr("reminders-not-visible"))
        if visibility.start is None or visibility.end is None:
            return escape(tr("reminders-visible-at-peak"))
        return escape(
            tr(
                "reminders-visible",
                start=tr.format_time(visibility.start, audience.timezone),
                end=tr.format_time(visibility.end, audience.timezone),
            )
        )

    @staticmethod
    def web_push(event: EventInfo, lead_minutes: int) -> dict[str, Any]:
        """The `data` of a web push: the event as is; each web process titles it per group."""
        return {
            "event_id": str(event.id),
            "kind": event.kind,
            "subject": event.subject,
            "occurs_at": event.occurs_at.isoformat(),
            "payload": event.payload,
            "lead_minutes": lead_minutes,
        }

    def _render_event(
        self, kind: str, event: EventInfo, lead_minutes: int, audience: Audience, now: datetime
    ) -> str:
        self.renders += 1
        tr = self._i18n.get(audience.language)
        hemisphere = audience.hemisphere
        title = event_title(tr, event.kind, event.subject, event.payload, hemisphere)
        when = tr.format_relative(event.occurs_at, now, audience.timezone)
        lines = [
            f"<b>{escape(_headline(tr, kind, title, lead_minutes, when))}</b>",
            escape(
                tr(
                    "reminders-when",
                    datetime=tr.format_datetime(event.occurs_at, audience.timezone),
                    timezone=audience.timezone,
                )
            ),
            escape(event_description(tr, event.kind, event.subject, event.payload, hemisphere)),
        ]
        details = event_details(tr, event.kind, event.payload)
        if details:
            lines.append(escape(details))
        return "\n".join(lines)


def _headline(tr: Translator, kind: str, title: str, lead_minutes: int, when: str) -> str:
    if kind == DeliveryKind.REMINDER:
        return tr("reminders-reminder", title=title, relative=when)
    if lead_minutes == 0:
        return tr("reminders-now", title=title)
    return tr("reminders-coming", title=title, relative=when)
