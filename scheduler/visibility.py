"""A recipient's own visibility line, from astro's local circumstances of the event."""

from datetime import datetime

from astro.local import local_circumstances
from scheduler.outbox import EventInfo
from scheduler.render import Visibility


def visibility(event: EventInfo, latitude: float, longitude: float) -> Visibility | None:
    """Visible or not from the place, with the span when astro knows it; None: seen everywhere."""
    local = local_circumstances(event, latitude, longitude)
    if set(local) == {"visible"}:
        # Equinoxes, solstices and apsides happen everywhere at once: no line to add.
        return None
    start, end = local.get("visible_from"), local.get("visible_to")
    if isinstance(start, str) and isinstance(end, str):
        return Visibility(True, datetime.fromisoformat(start), datetime.fromisoformat(end))
    return Visibility(bool(local.get("visible")))
