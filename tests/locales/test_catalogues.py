"""Every .ftl file under locales/: syntax, parity with English, translation and rendering."""

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

import babel.plural
import pytest
from fluent.syntax import FluentSerializer
from fluent.syntax import ast as ftl
from fluent.syntax.visitor import Visitor

from core.i18n import CLDR_LOCALES, DEFAULT_LANGUAGE, LANGUAGES, LOCALES_DIR, I18n, parse_catalogue
from core.i18n_constellations import IAU_SYMBOLS, constellation_message

# "other" is left out: string selectors use it as their default key too.
PLURAL_CATEGORIES = frozenset({"zero", "one", "two", "few", "many"})
# The edge values, plus a fraction and a million (French/Spanish "many").
PLURAL_SAMPLES: tuple[int | float, ...] = (0, 1, 2, 5, 21, 101, 1.5, 1_000_000)
MESSAGE_ID = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")
# Messages that may equal English: proper names shared by many languages, and the brand.
SAME_AS_ENGLISH_IDS = frozenset({"common-app-name", "page-settings-telegram"})
SAME_AS_ENGLISH_PREFIXES = (
    "planet-",
    "zodiac-",
    "constellation-",
    "bot-latitude-",
    "bot-longitude-",
)
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


# -- classes of text mistakes ---------------------------------------------------------------------

# The page's texts are kept by the page's own tests; these rules cover what the bot, the API
# errors, reminders and channel posts send.
SENT_FILES = ("bot", "common", "dates", "errors", "events", "reminders", "web")
# Quotation marks each language names things with, opening to closing.
QUOTES = re.compile(r"(“|„|«\u00a0?|« |「)(?P<inner>[^”“»」]*)(”|“|\u00a0?»| »|」)")
# Telegram's own button that starts a bot, as its apps name it in each language: the one
# quoted name that is not a label of ours.
TELEGRAM_START = {
    "en": "Start",
    "de": "Starten",
    "es": "Iniciar",
    "fr": "Démarrer",
    "hi": "स्टार्ट",
    "hy": "Սկսել",
    "ja": "開始",
    "pt": "Começar",
    "ru": "Запустить",
    "zh": "开始",
}
# How each language may write "this term" in every message that names it (the stem shared by its
# forms): one word for one thing.
TERMS = {
    "supermoon": {
        "de": "supermond",
        "es": "superluna",
        "fr": "super",
        "hi": "सुपरमून",
        "hy": "սուպերլուսին",
        "ja": "スーパームーン",
        "pt": "superlua",
        "ru": "суперлуни",
        "zh": "超级",
    }
}


class _ReferenceVisitor(Visitor):
    """Message references, and variables passed to NUMBER(), in an AST node."""

    def __init__(self) -> None:
        super().__init__()
        self.references: set[str] = set()
        self.numbers: set[str] = set()

    def visit_MessageReference(self, node: ftl.MessageReference) -> None:  # noqa: N802 - API
        self.references.add(node.id.name)

    def visit_FunctionReference(self, node: ftl.FunctionReference) -> None:  # noqa: N802 - API
        if node.id.name == "NUMBER":
            for argument in node.arguments.positional:
                if isinstance(argument, ftl.VariableReference):
                    self.numbers.add(argument.id.name)
        self.generic_visit(node)


def references_of(message: ftl.Message) -> _ReferenceVisitor:
    """The message references and NUMBER() arguments of a message."""
    visitor = _ReferenceVisitor()
    visitor.visit(message)
    return visitor


def sent_catalogue(lang: str) -> dict[str, ftl.Message]:
    """The messages of SENT_FILES in one language."""
    messages: dict[str, ftl.Message] = {}
    for name in SENT_FILES:
        for entry in parse_catalogue(LOCALES_DIR / lang / f"{name}.ftl").body:
            if isinstance(entry, ftl.Message):
                messages[entry.id.name] = entry
    return messages


def text_of(message: ftl.Message) -> str:
    """The message's source text (value and attributes), placeables included."""
    return FluentSerializer().serialize_entry(message).partition("=")[2]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_counts_reach_plurals_or_number(lang: str) -> None:
    # A count is chosen by (a plural selector) or at least formatted as a number (NUMBER), so
    # that a language with plural forms can have them and the digits follow CLDR.
    loose = []
    for msg_id, message in sorted(catalogue(lang).items()):
        usage, refs = usage_of(message), references_of(message)
        if "count" in usage.variables and not {"count"} & (usage.plural_selectors | refs.numbers):
            loose.append(msg_id)
    assert loose == []


def _plural_variables() -> dict[str, set[str]]:
    chosen: dict[str, set[str]] = {}
    for lang in LANGUAGES:
        for msg_id, message in catalogue(lang).items():
            usage = usage_of(message)
            chosen.setdefault(msg_id, set()).update(
                usage.plural_selectors | references_of(message).numbers
            )
    return chosen


def test_numbers_reach_the_catalogue_as_numbers() -> None:
    # A string ("1", or format_number's "1,234") makes every plural selector fall to "other":
    # "(1 recipients)". Any call passing one to a variable a catalogue counts with is wrong.
    chosen = _plural_variables()
    wrong = []
    for path in sorted(Path("bot").rglob("*.py")) + sorted(Path("core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and node.args[0].value in chosen
            ):
                continue
            for keyword in node.keywords:
                value = keyword.value
                stringly = isinstance(value, ast.JoinedStr | ast.Constant) or (
                    isinstance(value, ast.Call)
                    and isinstance(value.func, ast.Attribute | ast.Name)
                    and getattr(value.func, "attr", getattr(value.func, "id", ""))
                    in {"format_number", "str"}
                )
                if keyword.arg in chosen[node.args[0].value] and stringly:
                    wrong.append(f"{path}:{node.lineno} {node.args[0].value} {keyword.arg}")
    assert wrong == []


@pytest.mark.parametrize("lang", other_languages())
def test_same_message_references_as_english(lang: str) -> None:
    # A prompt that names a button does it by referencing the button's own label, in every
    # language: the Hindi prompt cannot say "पूरा हुआ" under a button that reads "हो गया".
    english, translated = catalogue(DEFAULT_LANGUAGE), catalogue(lang)
    differ = [
        msg_id
        for msg_id in sorted(set(english) & set(translated))
        if references_of(english[msg_id]).references
        != references_of(translated[msg_id]).references
    ]
    assert differ == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_quoted_names_are_references_to_labels(lang: str) -> None:
    # Whatever a text quotes is a button or a value it is given, never a name typed again.
    typed = []
    for msg_id, message in sorted(sent_catalogue(lang).items()):
        for quoted in QUOTES.finditer(text_of(message)):
            if "{" not in quoted["inner"] and quoted["inner"].strip() != TELEGRAM_START[lang]:
                typed.append(f"{msg_id}: {quoted.group(0)}")
    assert typed == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_one_apostrophe_per_language(lang: str) -> None:
    styles = {
        style
        for message in sent_catalogue(lang).values()
        for style in re.findall(r"(?<=\w)(['’])(?=\w)", text_of(message))
    }
    assert len(styles) <= 1, styles


def test_armenian_ends_sentences_with_its_own_marks() -> None:
    # ։ ends a sentence and ․ joins like a colon or marks an abbreviation; the Latin "." and ":"
    # look alike but are other characters.
    latin = [
        msg_id
        for msg_id, message in sorted(sent_catalogue("hy").items())
        if re.search(r"[\u0531-\u0587][.:](\s|$)", text_of(message))
    ]
    assert latin == []


@pytest.mark.parametrize("term", sorted(TERMS))
def test_a_term_is_one_word_everywhere(term: str) -> None:
    english = catalogue(DEFAULT_LANGUAGE)
    naming = [msg_id for msg_id in english if term in text_of(english[msg_id]).casefold()]
    assert naming
    other = [
        f"{lang} {msg_id}"
        for lang, stem in TERMS[term].items()
        for msg_id in naming
        if stem not in text_of(catalogue(lang)[msg_id]).casefold()
    ]
    assert other == []


def test_every_iau_constellation_is_named() -> None:
    named = {i for i in catalogue(DEFAULT_LANGUAGE) if i.startswith("constellation-")}
    assert named == {constellation_message(symbol) for symbol in IAU_SYMBOLS}


@pytest.mark.parametrize("lang", ["hi", "hy", "ja", "ru", "zh"])
def test_constellations_are_written_in_the_languages_script(lang: str) -> None:
    # Latin names are English's convention; a Russian detail line reads "Созвездие: Змееносец".
    english, translated = catalogue(DEFAULT_LANGUAGE), catalogue(lang)
    latin = [
        msg_id
        for msg_id in english
        if msg_id.startswith("constellation-")
        and re.search("[A-Za-z]", text_of(translated[msg_id]))
    ]
    assert latin == []
