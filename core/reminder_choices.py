"""What a person can ask reminders for and how long before: the bot and the page offer the same."""

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Final

from astro.kinds import EventKind
from core.i18n import Translator

# What a person can ask reminders for, grouped the way people think of them.
REMINDER_GROUPS: Final[Mapping[str, tuple[EventKind, ...]]] = MappingProxyType(
    {
        "full-moon": (EventKind.FULL_MOON,),
        "new-moon": (EventKind.NEW_MOON,),
        "quarters": (EventKind.FIRST_QUARTER, EventKind.LAST_QUARTER),
        "supermoon": (EventKind.SUPERMOON,),
        "eclipses": (EventKind.SOLAR_ECLIPSE, EventKind.LUNAR_ECLIPSE),
        "seasons": (
            EventKind.EQUINOX_MARCH,
            EventKind.SOLSTICE_JUNE,
            EventKind.EQUINOX_SEPTEMBER,
            EventKind.SOLSTICE_DECEMBER,
        ),
        "meteors": (EventKind.METEOR_SHOWER,),
        "planets": (
            EventKind.OPPOSITION,
            EventKind.GREATEST_ELONGATION,
            EventKind.SOLAR_CONJUNCTION,
        ),
        "conjunctions": (EventKind.MOON_CONJUNCTION,),
    }
)
# Minutes before an event: a week, a day, three hours, an hour, at the moment itself.
LEAD_CHOICES: Final = (7 * 24 * 60, 24 * 60, 3 * 60, 60, 0)


def group_is_on(group: str, kinds: Collection[str]) -> bool:
    """A group is on when any of its kinds is in the user's reminder kinds."""
    return any(kind.value in kinds for kind in REMINDER_GROUPS[group])


def group_label(tr: Translator, group: str) -> str:
    """ "Full Moon", "Eclipses" in the user's language."""
    return tr(f"bot-kind-{group}")


def lead_label(tr: Translator, minutes: int) -> str:
    """ "1 day before", "3 hours before", "at the moment" in the user's language."""
    if minutes == 0:
        return tr("bot-lead-at-event")
    if minutes % (24 * 60) == 0:
        span = tr("common-days", count=minutes // (24 * 60))
    elif minutes % 60 == 0:
        span = tr("common-hours", count=minutes // 60)
    else:
        span = tr("common-minutes", count=minutes)
    return tr("bot-lead-before", span=span)
