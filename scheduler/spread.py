"""Starting a crowd of messages early enough that the rate sends each by its deadline.

Telegram takes about 30 messages a second (1,000 with paid broadcasts): 100,000 reminders
"1 hour before" an eclipse need more than an hour. Walking the groups back from the latest
deadline, each group must start `count / rate` before the end of its own sending, which is its
deadline or the start of the group after it, whichever is earlier. That gives every group its
latest start: the queue (ordered by due time) then sends the nearest deadlines first, none
after its deadline and none earlier than needed. When the earliest start is already past, the
rate cannot keep every deadline: the shortfall is what would be sent late.
"""

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True, slots=True)
class Group:
    """`count` messages to send by `deadline`."""

    key: Hashable
    deadline: datetime
    count: int


@dataclass(frozen=True, slots=True)
class Spread:
    """Each group's latest start, and what cannot be on time (0 and 0 s when all can)."""

    starts: dict[Hashable, datetime]
    shortfall: int
    late_seconds: float


def spread(groups: Iterable[Group], per_second: float, now: datetime) -> Spread:
    """The latest start of every group such that sending at `per_second` keeps all deadlines."""
    starts: dict[Hashable, datetime] = {}
    cursor: datetime | None = None
    total = 0
    for group in sorted(groups, key=lambda group: group.deadline, reverse=True):
        end = group.deadline if cursor is None else min(cursor, group.deadline)
        cursor = end - timedelta(seconds=group.count / per_second)
        starts[group.key] = cursor
        total += group.count
    if cursor is None or cursor >= now:
        return Spread(starts, 0, 0.0)
    late = (now - cursor).total_seconds()
    return Spread(starts, min(total, math.ceil(late * per_second)), late)
