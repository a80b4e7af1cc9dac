"""The city index: folding, ranking and which GeoNames names it keeps."""

from typing import Any

from core.cities import CityIndex, fold


def _record(
    geonameid: int, name: str, population: int, *alternates: str, **fields: Any
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "geonameid": geonameid,
        "name": name,
        "countrycode": "DE",
        "admin1code": "02",
        "latitude": 48.1,
        "longitude": 11.6,
        "timezone": "Europe/Berlin",
        "population": population,
        "alternatenames": list(alternates),
    }
    record.update(fields)
    return record


def test_fold_ignores_case_accents_and_separators() -> None:
    assert fold("  São-Paulo ") == fold("sao paulo") == "sao paulo"
    assert fold("MÜNCHEN") == fold("munchen")
    assert fold("Москва") == "москва"


def test_exact_names_come_first_then_larger_towns() -> None:
    index = CityIndex.from_records(
        [
            _record(1, "Berlingen", 900_000),
            _record(2, "Berlin", 3_000_000),
            _record(3, "Berlin", 20_000, countrycode="US", admin1code="NH"),
        ]
    )
    found = index.search("berlin")
    assert [m.city.id for m in found] == [2, 3, 1]
    assert [m.exact for m in found] == [True, True, False]
    assert found[1].city.region == "NH"
    assert found[0].city.region == ""


def test_short_queries_match_whole_names_only() -> None:
    index = CityIndex.from_records([_record(1, "Ulm", 120_000), _record(2, "Ul", 30_000)])
    assert [m.city.id for m in index.search("ul")] == [2]
    assert [m.city.id for m in index.search("ulm")] == [1]
    assert index.search("u") == []


def test_a_town_matches_in_its_other_scripts_shown_as_typed() -> None:
    index = CityIndex.from_records(
        [_record(1, "Munich", 1_500_000, "Munchen", "München", "Мюнхен")]
    )
    [cyrillic] = index.search("мюнхен")
    assert cyrillic.shown == "Мюнхен"
    [german] = index.search("munchen")
    assert german.shown == "München"
    [prefix] = index.search("muni")
    assert prefix.shown == "Munich"


def test_codes_romanizations_and_foreign_scripts_are_not_indexed() -> None:
    index = CityIndex.from_records(
        [_record(1, "Munich", 1_500_000, "MUC", "mu ni hei", "Μόναχο", "ミュンヘン", "慕尼黑")]
    )
    assert index.search("muc") == []
    assert index.search("mu ni hei") == []
    assert index.search("μοναχο") == []
    assert [m.city.id for m in index.search("ミュンヘン")] == [1]
    assert [m.city.id for m in index.search("慕尼黑")] == [1]
    assert index.name_count == 3


def test_lookup_by_id() -> None:
    index = CityIndex.from_records([_record(7, "Ulm", 120_000)])
    city = index.get(7)
    assert city is not None
    assert (city.name, city.zone, city.latitude) == ("Ulm", "Europe/Berlin", 48.1)
    assert index.get(8) is None
    assert len(index) == 1


def test_nicknames_longer_than_the_name_are_not_indexed() -> None:
    index = CityIndex.from_records(
        [
            _record(1, "Warsaw", 1_700_000, "Paris of the North", "Warszawa", countrycode="PL"),
            _record(2, "Paris", 2_100_000, countrycode="FR"),
        ]
    )
    assert [m.city.id for m in index.search("paris")] == [2]
    assert [m.city.id for m in index.search("warszawa")] == [1]


def test_a_town_under_another_towns_own_name_is_left_out() -> None:
    index = CityIndex.from_records(
        [
            _record(1, "Porto Alegre", 1_500_000, "Pôrto Alegre", countrycode="BR"),
            _record(2, "Mucuri", 38_000, "Porto Alegre", countrycode="BR"),
            _record(3, "Luzilândia", 25_000, "Porto Alegre", countrycode="BR"),
            _record(4, "Springfield", 160_000, countrycode="US", admin1code="MO"),
            _record(5, "Springfield", 110_000, countrycode="US", admin1code="IL"),
        ]
    )
    assert [m.city.id for m in index.search("Porto Alegre")] == [1]
    # Without the town whose own name it is, the old name still finds them.
    assert {m.city.id for m in index.search("Mucuri")} == {2}
    # Namesakes are different towns, each with its own button.
    assert [m.city.id for m in index.search("springfield")] == [4, 5]


def test_two_buttons_never_read_the_same() -> None:
    index = CityIndex.from_records(
        [_record(1, "Novo Hamburgo", 240_000), _record(2, "Novo Hamburgo", 20_000)]
    )
    assert [m.city.id for m in index.search("novo hamburgo")] == [1]


def test_shown_in_the_users_alphabet_or_as_typed() -> None:
    index = CityIndex.from_records([_record(1, "Tokyo", 9_700_000, "Tokio", "Tokió", "Tōkyō")])
    assert index.search("tokio", "de")[0].shown == "Tokio"
    assert index.search("Tokió", "de")[0].shown == "Tokió"
    assert index.search("tokio", "es")[0].shown == "Tokió"  # Spanish writes ó


def test_cldr_names_are_searched_and_shown_in_the_users_language() -> None:
    index = CityIndex.from_records(
        [_record(1, "Mexico City", 12_000_000, "Mexiko-Stadt", countrycode="MX")],
        {1: {"es": "Ciudad de México", "de": "Mexiko-Stadt", "en": "Mexico City"}},
    )
    # The Spanish name has more words than GeoNames' main name, yet it is no nickname.
    [spanish] = index.search("ciudad de mexico", "es")
    assert spanish.shown == "Ciudad de México"
    assert index.search("mexico city", "de")[0].shown == "Mexiko-Stadt"
    assert index.search("mexico city", "ru")[0].shown == "Mexico City"
