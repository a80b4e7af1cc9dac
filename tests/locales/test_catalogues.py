"""Every .ftl file under locales/: syntax, parity with English, translation and rendering."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

import babel.plural
import pytest
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from core.i18n import CLDR_LOCALES, DEFAULT_LANGUAGE, LANGUAGES, LOCALES_DIR, I18n, parse_catalogue

# "other" is left out: string selectors use it as their default key too.
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many"})
# The edge values, plus a fraction and a million (French/Spanish "many").
PLURAL_SAMPLES: tuple[int | float, ...] = (0, 1, 2, 5, 21, 101, 1.5, 1_000_000)
MESSAGE_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
# Messages that may equal English: proper names shared by many languages, and the brand.
SAME_AS_ENGLISH_IDS = frozenset({"common-app-name"})
SAME_AS_ENGLISH_PREFIXES = ("planet-", "zodiac-")
# Ordinary words that happen to be spelled as in English.
SAME_AS_ENGLISH_IN = frozenset({("de", "season-winter"), ("es", "common-no")})


@dataclass
class Usage:
    """What one message (value and attributes) does with its variables."""

    variables: set[str] = field(default_factory=set)
    plural_selectors: set[str] = field(default_factory=set)
    string_keys: dict[str, set[str]] = field(default_factory=dict)
    selects: list[ftl.SelectExpression] = field(default_factory=list)


class _UsageVisitor(Visitor):
    """Collects variable references and select expressions from an AST node."""

    def __init__(self) -> None:
        super().__init__()
        self.usage = Usage()

    def visit_VariableReference(self, node: ftl.VariableReference) -> None:  # noqa: N802 - API
        self.usage.variables.add(node.id.name)

    def visit_SelectExpression(self, node: ftl.SelectExpression) -> None:  # noqa: N802 - API
        self.usage.selects.append(node)
        if isinstance(node.selector, ftl.VariableReference):
            name = node.selector.id.name
            for variant in node.variants:
                key = variant.key
                if isinstance(key, ftl.NumberLiteral) or key.name in PLURAL_CATEGORIES:
                    self.usage.plural_selectors.add(name)
                else:
                    self.usage.string_keys.setdefault(name, set()).add(key.name)
        self.generic_visit(node)


def usage_of(message: ftl.Message) -> Usage:
    """Variables and selectors used anywhere in a message."""
    visitor = _UsageVisitor()
    visitor.visit(message)
    return visitor.usage


@cache
def catalogue(lang: str) -> dict[str, ftl.Message]:
    """Every message of one locale, across all its .ftl files."""
    messages: dict[str, ftl.Message] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        for entry in parse_catalogue(path).body:
            if isinstance(entry, ftl.Message):
                messages[entry.id.name] = entry
    return messages


def ftl_files() -> list[Path]:
    """Every catalogue file in the repository, whoever wrote it."""
    return sorted(LOCALES_DIR.glob("*/*.ftl"))


def english_ids() -> list[str]:
    """Every English message id."""
    return sorted(catalogue(DEFAULT_LANGUAGE))


def other_languages() -> list[str]:
    """The nine languages that translate English."""
    return [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]


@pytest.fixture(scope="module")
def strict_i18n() -> I18n:
    """Catalogues without the English fallback, so that any gap or error raises."""
    return I18n.load(strict=True)


@pytest.mark.parametrize("path", ftl_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_catalogue_parses_without_junk(path: Path) -> None:
    resource = parse_catalogue(path)
    assert resource.body, f"{path} is empty"


def test_locale_directories_are_exactly_our_languages() -> None:
    directories = {p.name for p in LOCALES_DIR.iterdir() if p.is_dir()}
    assert directories == set(LANGUAGES)


@pytest.mark.parametrize("lang", other_languages())
def test_every_feature_file_exists_in_every_language(lang: str) -> None:
    english = {p.name for p in (LOCALES_DIR / DEFAULT_LANGUAGE).glob("*.ftl")}
    assert {p.name for p in (LOCALES_DIR / lang).glob("*.ftl")} == english


def test_message_ids_are_kebab_case() -> None:
    bad = [i for lang in LANGUAGES for i in catalogue(lang) if not MESSAGE_ID.fullmatch(i)]
    assert bad == []


@pytest.mark.parametrize("lang", other_languages())
def test_same_message_ids_as_english(lang: str) -> None:
    english, translated = set(catalogue(DEFAULT_LANGUAGE)), set(catalogue(lang))
    assert sorted(english - translated) == [], "missing translations"
    assert sorted(translated - english) == [], "messages English does not have"


@pytest.mark.parametrize("lang", other_languages())
def test_same_variables_and_attributes_as_english(lang: str) -> None:
    english, translated = catalogue(DEFAULT_LANGUAGE), catalogue(lang)
    mismatches = []
    for msg_id in sorted(set(english) & set(translated)):
        source, target = english[msg_id], translated[msg_id]
        if usage_of(source).variables != usage_of(target).variables:
            mismatches.append(f"{msg_id}: variables")
        if {a.id.name for a in source.attributes} != {a.id.name for a in target.attributes}:
            mismatches.append(f"{msg_id}: attributes")
        if (source.value is None) != (target.value is None):
            mismatches.append(f"{msg_id}: value")
    assert mismatches == []


@pytest.mark.parametrize("lang", other_languages())
def test_messages_are_translated_not_copied(lang: str) -> None:
    english, translated = catalogue(DEFAULT_LANGUAGE), catalogue(lang)
    copied = [
        msg_id
        for msg_id in sorted(set(english) & set(translated))
        if translated[msg_id].equals(english[msg_id], ignored_fields=["span", "comment"])
        and msg_id not in SAME_AS_ENGLISH_IDS
        and not msg_id.startswith(SAME_AS_ENGLISH_PREFIXES)
        and (lang, msg_id) not in SAME_AS_ENGLISH_IN
    ]
    assert copied == []


def sample_arguments(msg_id: str) -> Iterator[dict[str, object]]:
    """Argument sets for a message: a base set, then each variable through its samples."""
    usages = [usage_of(catalogue(lang)[msg_id]) for lang in LANGUAGES]
    names = sorted(set().union(*(u.variables for u in usages)))
    samples: dict[str, list[object]] = {}
    for name in names:
        if any(name in u.plural_selectors for u in usages):
            samples[name] = list(PLURAL_SAMPLES)
        else:
            keys = sorted(set().union(*(u.string_keys.get(name, set()) for u in usages)))
            samples[name] = [*keys, "Sample"]
    base = {name: values[0] for name, values in samples.items()}
    yield base
    for name, values in samples.items():
        for value in values[1:]:
            yield {**base, name: value}


@pytest.mark.parametrize("msg_id", english_ids())
def test_message_renders_in_every_language(strict_i18n: I18n, msg_id: str) -> None:
    attributes = [a.id.name for a in catalogue(DEFAULT_LANGUAGE)[msg_id].attributes]
    has_value = catalogue(DEFAULT_LANGUAGE)[msg_id].value is not None
    for args in sample_arguments(msg_id):
        for lang in LANGUAGES:
            tr = strict_i18n.get(lang)
            texts = [tr(msg_id, **args)] if has_value else []
            texts += [tr.attr(msg_id, attribute, **args) for attribute in attributes]
            for text in texts:
                assert text.strip(), f"{lang} {msg_id} {args} rendered empty"
                assert msg_id not in text, f"{lang} {msg_id} shows its raw id"


def plural_gaps(select: ftl.SelectExpression, lang: str) -> list[str]:
    """Plural categories of integer samples that fall through to a wrong default variant."""
    category_of = babel.plural.to_python(babel.Locale.parse(CLDR_LOCALES[lang]).plural_form)
    numbers = {
        Decimal(v.key.value) for v in select.variants if isinstance(v.key, ftl.NumberLiteral)
    }
    names = {v.key.name for v in select.variants if isinstance(v.key, ftl.Identifier)}
    gaps = set()
    for n in [*range(201), 1_000_000, 1.5]:
        if Decimal(str(n)) not in numbers and category_of(n) not in names:
            gaps.add(category_of(n))
    return sorted(gaps)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_selectors_cover_the_cldr_categories(lang: str) -> None:
    problems = []
    for msg_id, message in sorted(catalogue(lang).items()):
        for select in usage_of(message).selects:
            variable = select.selector
            if isinstance(variable, ftl.VariableReference) and (
                variable.id.name in usage_of(message).plural_selectors
            ):
                gaps = plural_gaps(select, lang)
                if gaps:
                    problems.append(f"{msg_id}: {gaps}")
    assert problems == []


def test_plural_forms_render_by_cldr(strict_i18n: I18n) -> None:
    ru, hy, hi = strict_i18n.get("ru"), strict_i18n.get("hy"), strict_i18n.get("hi")
    forms = [ru("common-days", count=n) for n in (1, 2, 5, 21, 101, 111)]
    assert forms == ["1 день", "2 дня", "5 дней", "21 день", "101 день", "111 дней"]
    assert ru("common-events-count", count=0) == "Событий нет"
    assert hy("common-days", count=3) == "3 օր"
    assert [hi("common-hours", count=n) for n in (0, 1, 2)] == ["0 घंटा", "1 घंटा", "2 घंटे"]
