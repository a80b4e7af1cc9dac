"""Localized event names, descriptions and detail lines (core.event_text)."""

import pytest

from astro.errors import UnknownEventKindError
from astro.kinds import Body, EventKind, MeteorShower
from core.errors import ValidationFailedError
from core.event_text import (
    HEMISPHERES,
    event_description,
    event_details,
    event_title,
    season,
)
from core.i18n import LANGUAGES, I18n

ECLIPSE_TYPES = {
    EventKind.SOLAR_ECLIPSE: ("total", "annular", "hybrid", "partial"),
    EventKind.LUNAR_ECLIPSE: ("total", "partial", "penumbral"),
}
SUBJECTS = {
    EventKind.OPPOSITION: ("mars", "jupiter", "saturn", "uranus", "neptune"),
    EventKind.SOLAR_CONJUNCTION: tuple(Body),
    EventKind.GREATEST_ELONGATION: ("mercury", "venus"),
    EventKind.MOON_CONJUNCTION: tuple(Body),
    EventKind.METEOR_SHOWER: tuple(MeteorShower),
}


@pytest.fixture(scope="module")
def i18n() -> I18n:
    """Strict catalogues: a missing or broken message raises instead of falling back."""
    return I18n.load(strict=True)


def cases() -> list[tuple[EventKind, str, dict[str, object]]]:
    """Every kind with each subject and payload selector it can carry."""
    found: list[tuple[EventKind, str, dict[str, object]]] = []
    for kind in EventKind:
        subjects = SUBJECTS.get(kind, ("",))
        payloads: list[dict[str, object]] = [{}]
        payloads += [{"type": t} for t in ECLIPSE_TYPES.get(kind, ())]
        if kind in {EventKind.SUPERMOON, EventKind.MICROMOON}:
            payloads += [{"phase": "new"}, {"phase": "full"}]
        if kind is EventKind.SOLAR_CONJUNCTION:
            payloads += [{"conjunction": "inferior"}, {"conjunction": "superior"}]
        if kind is EventKind.GREATEST_ELONGATION:
            payloads += [{"direction": "east"}, {"direction": "west"}]
        found += [(kind, subject, payload) for subject in subjects for payload in payloads]
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_event_has_a_title_and_description(i18n: I18n, lang: str) -> None:
    tr = i18n.get(lang)
    for kind, subject, payload in cases():
        for hemisphere in HEMISPHERES:
            title = event_title(tr, kind, subject, payload, hemisphere)
            description = event_description(tr, kind, subject, payload, hemisphere)
            assert title, (kind, subject, payload)
            assert len(description) > len(title), (kind, subject, payload)
            if subject:
                name_id = "planet-" if subject in set(Body) else "shower-"
                assert tr(name_id + subject.replace("_", "-")) in title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_eclipse_types_have_distinct_titles(i18n: I18n, lang: str) -> None:
    tr = i18n.get(lang)
    for kind, types in ECLIPSE_TYPES.items():
        titles = {event_title(tr, kind, "", {"type": t}, "north") for t in types}
        generic = event_title(tr, kind, "", {}, "north")
        assert len(titles | {generic}) == len(types) + 1


def test_seasons_are_named_by_hemisphere() -> None:
    assert season(EventKind.EQUINOX_MARCH, "north") == "spring"
    assert season(EventKind.EQUINOX_MARCH, "south") == "autumn"
    assert season(EventKind.SOLSTICE_DECEMBER, "south") == "summer"


@pytest.mark.parametrize(
    ("lang", "kind", "north", "south"),
    [
        ("en", EventKind.EQUINOX_MARCH, "Spring equinox", "Autumn equinox"),
        ("en", EventKind.SOLSTICE_JUNE, "Summer solstice", "Winter solstice"),
        ("ru", EventKind.EQUINOX_SEPTEMBER, "Осеннее равноденствие", "Весеннее равноденствие"),
        ("zh", EventKind.SOLSTICE_DECEMBER, "冬至", "夏至"),
        ("hy", EventKind.EQUINOX_MARCH, "Գարնանային գիշերահավասար", "Աշնանային գիշերահավասար"),
    ],
)
def test_equinox_and_solstice_titles_follow_the_hemisphere(
    i18n: I18n, lang: str, kind: EventKind, north: str, south: str
) -> None:
    tr = i18n.get(lang)
    assert event_title(tr, kind, "", {}, "north") == north
    assert event_title(tr, kind, "", {}, "south") == south


def test_planet_and_shower_titles(i18n: I18n) -> None:
    ru, de = i18n.get("ru"), i18n.get("de")
    assert event_title(ru, "opposition", "jupiter", {}, "north") == "Юпитер в противостоянии"
    assert event_title(de, "meteor_shower", "perseids", {}, "south") == (
        "Perseiden: Höhepunkt des Meteorstroms"
    )
    elongation = {"direction": "west", "elongation_deg": 26.4}
    assert event_title(ru, "greatest_elongation", "mercury", elongation, "north") == (
        "Меркурий в наибольшей западной элонгации"
    )


def test_bad_input_gets_stable_error_codes(i18n: I18n) -> None:
    en = i18n.get("en")
    with pytest.raises(UnknownEventKindError) as caught:
        event_title(en, "comet", "", {}, "north")
    assert caught.value.code == "unknown_event_kind"
    with pytest.raises(ValidationFailedError, match="hemisphere"):
        event_title(en, "full_moon", "", {}, "east")
    with pytest.raises(ValidationFailedError, match="planet"):
        event_title(en, "opposition", "pluto", {}, "north")
    with pytest.raises(ValidationFailedError, match="meteor shower"):
        event_description(en, "meteor_shower", "", {}, "north")


def test_details_line_is_localized(i18n: I18n) -> None:
    payload = {
        "illumination": 0.9981,
        "distance_km": 357123,
        "constellation": "Leo",
        "zodiac_sign": "virgo",
    }
    assert event_details(i18n.get("en"), "full_moon", payload) == (
        "Illuminated: 100% · Distance: 357,123 km · Constellation: Leo · Zodiac sign: Virgo"
    )
    assert event_details(i18n.get("ru"), "full_moon", payload) == (
        "Освещённость: 100\xa0% · Расстояние: 357\xa0123 км · Созвездие: Лев · Знак зодиака: Дева"
    )


def test_details_name_eclipse_magnitude_and_skip_unknown_values(i18n: I18n) -> None:
    en = i18n.get("en")
    eclipse = {"type": "total", "magnitude": 1.0566, "constellation": "Xyz"}
    assert event_details(en, "solar_eclipse", eclipse) == "Eclipse magnitude: 1.06"
    assert event_details(en, "meteor_shower", {"zhr": 120, "zodiac_sign": "ophiuchus"}) == (
        "Up to 120 meteors an hour"
    )
    assert event_details(en, "greatest_elongation", {"elongation_deg": 18.04}) == (
        "18.0° from the Sun"
    )
    assert event_details(en, "lunar_apogee", {"distance_km": "far"}) == ""


def test_penumbral_eclipse_shows_its_penumbral_magnitude(i18n: I18n) -> None:
    # NASA's umbral magnitude of a penumbral eclipse is negative: meaningless to a reader.
    payload = {"type": "penumbral", "magnitude": -0.53, "penumbral_magnitude": 0.956}
    assert event_details(i18n.get("en"), "lunar_eclipse", payload) == "Eclipse magnitude: 0.96"
