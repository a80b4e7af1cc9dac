"""The start and end of an outage of what the delivery worker needs, logged and counted once."""

import asyncio
import time

import structlog

from scheduler.job_metrics import OUTAGES

log = structlog.get_logger(__name__)


class Outage:
    """Whether `dependency` (bot_api, database) is down; `up` is set while it is not.

    Many senders see the same failure at once: only the first one starts the outage and the
    first success ends it, so the log and the counters show each outage once.
    """

    def __init__(self, dependency: str) -> None:
        self.dependency = dependency
        self.up = asyncio.Event()
        self.up.set()
        self._since = 0.0

    @property
    def active(self) -> bool:
        """True while the dependency is down."""
        return not self.up.is_set()

    def begin(self, reason: str) -> None:
        """The dependency failed; a new outage starts unless one is going on."""
        if self.active:
            return
        self.up.clear()
        self._since = time.monotonic()
        OUTAGES.labels(self.dependency, "start").inc()
        log.warning("outage: sending paused", dependency=self.dependency, reason=reason)

    def end(self) -> None:
        """The dependency answered again."""
        if not self.active:
            return
        self.up.set()
        OUTAGES.labels(self.dependency, "end").inc()
        log.warning(
            "outage over: sending resumes",
            dependency=self.dependency,
            seconds=round(time.monotonic() - self._since, 1),
        )
