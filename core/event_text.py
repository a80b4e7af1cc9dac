"""Localized names, short descriptions and detail lines of sky events."""

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final, TypeVar

from astro.errors import UnknownEventKindError
from astro.kinds import Body, EventKind, MeteorShower
from astro.local import EventLike
from astro.moon import ZODIAC_SIGNS
from astro.seasons import SEASON_KINDS, Hemisphere, season_starting
from core.errors import ValidationFailedError
from core.i18n import Translator
from core.i18n_constellations import constellation_message

HEMISPHERES: Final[tuple[Hemisphere, ...]] = ("north", "south")
_PLANET_KINDS: Final = frozenset(
    {
        EventKind.OPPOSITION,
        EventKind.SOLAR_CONJUNCTION,
        EventKind.GREATEST_ELONGATION,
        EventKind.MOON_CONJUNCTION,
    }
)
# Both equinoxes share one message (and both solstices): the season tells them apart.
_MESSAGE_IDS: Final[Mapping[EventKind, str]] = MappingProxyType(
    {kind: "event-" + kind.value.replace("_", "-") for kind in EventKind}
    | {
        EventKind.EQUINOX_MARCH: "event-equinox",
        EventKind.EQUINOX_SEPTEMBER: "event-equinox",
        EventKind.SOLSTICE_JUNE: "event-solstice",
        EventKind.SOLSTICE_DECEMBER: "event-solstice",
    }
)
_ECLIPSE_KINDS: Final = frozenset({EventKind.SOLAR_ECLIPSE, EventKind.LUNAR_ECLIPSE})
_PLANETS: Final = frozenset(Body)
_SHOWERS: Final = frozenset(MeteorShower)
# Payload selectors passed through to the messages (unknown values pick the default variant).
_SELECTORS: Final = ("type", "phase", "conjunction", "direction")
DETAILS_SEPARATOR: Final = " · "
_SIZED_MOONS: Final = frozenset({EventKind.SUPERMOON.value, EventKind.MICROMOON.value})
_PLAIN_MOONS: Final = frozenset({EventKind.NEW_MOON.value, EventKind.FULL_MOON.value})
EventT = TypeVar("EventT", bound=EventLike)


def one_entry_per_moon(events: Iterable[EventT]) -> list[EventT]:
    """The events as a list shows them: a supermoon or micromoon is a property of its new or
    full moon, so the plain phase at the same instant is left out (one entry, not two)."""
    listed = list(events)
    sized = {e.occurs_at for e in listed if str(e.kind) in _SIZED_MOONS}
    return [e for e in listed if not (str(e.kind) in _PLAIN_MOONS and e.occurs_at in sized)]


def season(kind: EventKind, hemisphere: str) -> str:
    """Name the season an equinox or solstice begins in the hemisphere ("spring"...)."""
    return season_starting(kind, _hemisphere(hemisphere))


def event_title(
    tr: Translator, kind: str, subject: str, payload: Mapping[str, object], hemisphere: str
) -> str:
    """Localized name of an event, e.g. "Total solar eclipse", "Jupiter at opposition"."""
    event_kind = _event_kind(kind)
    return tr(_MESSAGE_IDS[event_kind], **_arguments(tr, event_kind, subject, payload, hemisphere))


def event_description(
    tr: Translator, kind: str, subject: str, payload: Mapping[str, object], hemisphere: str
) -> str:
    """Localized one- or two-sentence description of an event."""
    event_kind = _event_kind(kind)
    args = _arguments(tr, event_kind, subject, payload, hemisphere)
    return tr(_MESSAGE_IDS[event_kind] + "-desc", **args)


def event_details(tr: Translator, kind: str, payload: Mapping[str, object]) -> str:
    """One short line of the payload's figures: illumination, distance, magnitude, sign..."""
    event_kind = _event_kind(kind)
    parts: list[str] = []
    illumination = _number(payload, "illumination")
    if illumination is not None:
        parts.append(tr("event-detail-illumination", percent=tr.format_percent(illumination)))
    distance = _number(payload, "distance_km")
    if distance is not None:
        parts.append(tr("event-detail-distance", distance=tr.format_number(round(distance))))
    magnitude = _number(payload, "magnitude")
    if payload.get("type") == "penumbral":
        # NASA gives a penumbral eclipse a negative umbral magnitude; show the penumbral one.
        magnitude = _number(payload, "penumbral_magnitude")
    if magnitude is not None:
        msg_id = (
            "event-detail-eclipse-magnitude"
            if event_kind in _ECLIPSE_KINDS
            else "event-detail-brightness"
        )
        parts.append(tr(msg_id, magnitude=tr.format_number(magnitude, 2)))
    elongation = _number(payload, "elongation_deg")
    if elongation is not None:
        parts.append(tr("event-detail-elongation", degrees=tr.format_number(elongation, 1)))
    constellation = constellation_message(str(payload.get("constellation", "")))
    if constellation is not None:
        parts.append(tr("event-detail-constellation", constellation=tr(constellation)))
    sign = payload.get("zodiac_sign")
    if sign in ZODIAC_SIGNS:
        parts.append(tr("event-detail-zodiac", sign=tr(f"zodiac-{sign}")))
    rate = _number(payload, "zhr")
    if rate is not None:
        parts.append(tr("event-detail-meteor-rate", count=round(rate)))
    return DETAILS_SEPARATOR.join(parts)


def _event_kind(kind: str) -> EventKind:
    """Parse an event kind, raising the platform's unknown_event_kind error."""
    try:
        return EventKind(kind)
    except ValueError:
        raise UnknownEventKindError(f"unknown event kind {kind!r}", kind=kind) from None


def _hemisphere(hemisphere: str) -> Hemisphere:
    """The hemisphere named by `hemisphere`; anything but north or south is invalid."""
    for known in HEMISPHERES:
        if hemisphere == known:
            return known
    raise ValidationFailedError(
        f"hemisphere must be 'north' or 'south', not {hemisphere!r}", hemisphere=hemisphere
    )


def _arguments(
    tr: Translator,
    kind: EventKind,
    subject: str,
    payload: Mapping[str, object],
    hemisphere: str,
) -> dict[str, object]:
    """The Fluent arguments of an event's title and description."""
    args: dict[str, object] = {name: str(payload.get(name, "")) for name in _SELECTORS}
    if kind in SEASON_KINDS:
        args["season"] = season(kind, hemisphere)
    else:
        _hemisphere(hemisphere)
    if kind in _PLANET_KINDS:
        if subject not in _PLANETS:
            raise ValidationFailedError(f"{kind} needs a planet, not {subject!r}", subject=subject)
        args["planet"] = tr(f"planet-{subject}")
    elif kind is EventKind.METEOR_SHOWER:
        if subject not in _SHOWERS:
            raise ValidationFailedError(f"unknown meteor shower {subject!r}", subject=subject)
        args["shower"] = tr("shower-" + subject.replace("_", "-"))
    return args


def _number(payload: Mapping[str, object], key: str) -> float | None:
    """A numeric payload value, or None when absent or not a number."""
    value = payload.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None
