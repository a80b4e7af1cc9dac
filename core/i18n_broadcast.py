"""Render a broadcast once per (language, timezone) group instead of once per recipient."""

from collections.abc import Callable, Iterable
from typing import TypeVar
from zoneinfo import ZoneInfo

from core.i18n import I18n, Translator, resolve_timezone

T = TypeVar("T")
Group = tuple[str, str]


def render_per_group(
    i18n: I18n, groups: Iterable[Group], render: Callable[[Translator, ZoneInfo], T]
) -> dict[Group, T]:
    """Call ``render`` once for each distinct (language, timezone) among ``groups``."""
    rendered: dict[Group, T] = {}
    for group in groups:
        if group not in rendered:
            language, timezone = group
            rendered[group] = render(i18n.get(language), resolve_timezone(timezone))
    return rendered
