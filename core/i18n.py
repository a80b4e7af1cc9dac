"""Fluent catalogues, locale negotiation and CLDR formatting for every user-facing text.

Message ids are kebab-case with a feature prefix (``event-full-moon``, ``error-not-found``).
API error codes are snake_case; their message id is ``error_message_id(code)``, i.e.
``"error-" + code.replace("_", "-")`` (``invalid_json`` -> ``error-invalid-json``).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Final, Literal
from zoneinfo import ZoneInfo

import babel.dates
import babel.lists
import babel.numbers
from babel import Locale
from fluent.runtime.resolver import Message, Pattern
from fluent.syntax import FluentParser
from fluent.syntax import ast as ftl

from astro.zones import resolve_zone
from core.errors import AppError
from core.i18n_bundle import CachedPluralBundle
from core.languages import DEFAULT_LANGUAGE, LANGUAGES

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_NATIVE_NAMES",
    "CatalogueError",
    "I18n",
    "MessageFormatError",
    "MissingMessageError",
    "Translator",
    "error_message_id",
    "negotiate_bot_language",
    "negotiate_web_language",
    "normalize_language",
    "resolve_timezone",
]

LANGUAGE_NATIVE_NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "en": "English",
        "zh": "中文",
        "es": "Español",
        "hi": "हिन्दी",
        "pt": "Português",
        "de": "Deutsch",
        "fr": "Français",
        "ja": "日本語",
        "ru": "Русский",
        "hy": "Հայերեն",
    }
)
LOCALES_DIR: Final = Path(__file__).resolve().parent.parent / "locales"

# The CLDR locale behind dates, numbers and plural rules. English follows en-GB so that dates
# read "Saturday, 14 March 2026, 21:38" (day-month order, 24-hour clock) for a world audience;
# bare "pt" is Brazilian Portuguese in CLDR, "zh" is Simplified Chinese.
CLDR_LOCALES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "en": "en_GB",
        "zh": "zh_Hans_CN",
        "es": "es",
        "hi": "hi",
        "pt": "pt",
        "de": "de",
        "fr": "fr",
        "ja": "ja",
        "ru": "ru",
        "hy": "hy",
    }
)

DateStyle = Literal["long", "medium", "short"]
# Our three styles on CLDR's date lengths: "long" has the weekday, "medium" the month name.
_CLDR_DATE_LENGTH: Final[Mapping[str, Literal["full", "long", "short"]]] = MappingProxyType(
    {"long": "full", "medium": "long", "short": "short"}
)
# A relative phrase switches from days to weeks, months or years at two of the larger unit.
_RELATIVE_THRESHOLD: Final = 2.0
_MAX_ACCEPT_LANGUAGE_ITEMS: Final = 32
INTERNAL_ERROR_MESSAGE_ID: Final = "error-internal-error"

_log = logging.getLogger(__name__)


class CatalogueError(AppError):
    """A catalogue is missing, unreadable, has junk entries or duplicate message ids."""

    code = "catalogue_error"


class MissingMessageError(AppError):
    """A message id (or attribute) does not exist even in the English catalogue."""

    code = "missing_message"


class MessageFormatError(AppError):
    """The English message failed to render with the given arguments (a coding error)."""

    code = "message_format_error"


def error_message_id(code: str) -> str:
    """Return the message id of an API error code: ``invalid_json`` -> ``error-invalid-json``."""
    return "error-" + code.replace("_", "-")


def normalize_language(code: str | None) -> str | None:
    """Map a BCP 47 tag or Telegram code ("pt-BR", "zh_Hant", "en-gb") to one of LANGUAGES."""
    if not code:
        return None
    primary = code.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in LANGUAGE_NATIVE_NAMES else None


def negotiate_bot_language(stored: str | None, telegram_code: str | None) -> str:
    """Pick the bot language: the stored choice, else Telegram's language_code, else English."""
    return normalize_language(stored) or normalize_language(telegram_code) or DEFAULT_LANGUAGE


def negotiate_web_language(
    profile: str | None, query: str | None, accept_language: str | None
) -> str:
    """Pick the web language: the profile, else ?lang=, else Accept-Language, else English."""
    return (
        normalize_language(profile)
        or normalize_language(query)
        or _best_accept_language(accept_language)
        or DEFAULT_LANGUAGE
    )


def _best_accept_language(header: str | None) -> str | None:
    """Return our best language from an Accept-Language header, honouring q-values."""
    if not header:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(header.split(",")[:_MAX_ACCEPT_LANGUAGE_ITEMS]):
        tag, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        language = normalize_language(tag)
        if language is not None and 0.0 < quality <= 1.0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else None


def resolve_timezone(tz: str | ZoneInfo) -> ZoneInfo:
    """Return the ZoneInfo for an IANA name (astro.zones.resolve_zone), or pass a zone through."""
    return tz if isinstance(tz, ZoneInfo) else resolve_zone(tz)


def _localize(dt: datetime, tz: str | ZoneInfo) -> datetime:
    """Convert an aware datetime to the given timezone; naive datetimes are a coding error."""
    if dt.tzinfo is None or dt.utcoffset() is None:
        raise ValueError(f"naive datetime {dt.isoformat()}: pass an aware datetime")
    return dt.astimezone(resolve_timezone(tz))


class Translator:
    """Renders the messages of one locale, falling back to English for missing ones."""

    __slots__ = ("_babel", "_bundle", "_fallback", "_logged", "_messages", "locale")

    def __init__(
        self,
        locale: str,
        bundle: CachedPluralBundle,
        messages: Mapping[str, Message],
        fallback: Translator | None,
    ) -> None:
        self.locale = locale
        self._bundle = bundle
        self._messages = messages
        self._fallback = fallback
        self._babel = Locale.parse(CLDR_LOCALES[locale])
        self._logged: set[tuple[str, str]] = set()

    @property
    def babel_locale(self) -> Locale:
        """The CLDR locale used for dates, numbers and plurals."""
        return self._babel

    @property
    def message_ids(self) -> frozenset[str]:
        """Every message id of this locale's catalogue."""
        return frozenset(self._messages)

    def has(self, msg_id: str, attribute: str | None = None) -> bool:
        """Whether this locale itself (not the fallback) defines the message or attribute."""
        compiled = self._messages.get(msg_id)
        if compiled is None:
            return False
        if attribute is None:
            return compiled.value is not None
        return attribute in compiled.attributes

    def __call__(self, msg_id: str, /, **args: object) -> str:
        """Render a message's value."""
        compiled = self._messages.get(msg_id)
        pattern = compiled.value if compiled is not None else None
        return self._render(pattern, msg_id, None, args)

    def attr(self, msg_id: str, attribute: str, /, **args: object) -> str:
        """Render one attribute of a message (``msg.attribute``)."""
        compiled = self._messages.get(msg_id)
        pattern = compiled.attributes.get(attribute) if compiled is not None else None
        return self._render(pattern, msg_id, attribute, args)

    def error(self, code: str, /, **args: object) -> str:
        """Render the message of a stable error code; codes without one get internal-error."""
        msg_id = error_message_id(code)
        if not (self._fallback or self).has(msg_id):
            if (msg_id, "no error message") not in self._logged:
                self._logged.add((msg_id, "no error message"))
                _log.warning("i18n: no message for error code %r, using internal-error", code)
            msg_id = INTERNAL_ERROR_MESSAGE_ID
        return self(msg_id, **args)

    def _render(
        self,
        pattern: Pattern | None,
        msg_id: str,
        attribute: str | None,
        args: dict[str, object],
    ) -> str:
        """Format a pattern; on a missing message or a rendering error, fall back to English."""
        if pattern is not None:
            text, errors = self._bundle.format_pattern(pattern, args)
            if not errors:
                return str(text)
            reason = f"render errors {errors!r}"
        else:
            reason = "missing"
        label = msg_id if attribute is None else f"{msg_id}.{attribute}"
        if self._fallback is None:
            if pattern is None:
                raise MissingMessageError(f"no message {label!r} in the {self.locale} catalogue")
            raise MessageFormatError(f"message {label!r} failed to render: {reason}")
        if (label, reason) not in self._logged:
            self._logged.add((label, reason))
            _log.warning("i18n fallback to English for %s in %s: %s", label, self.locale, reason)
        if attribute is None:
            return self._fallback(msg_id, **args)
        return self._fallback.attr(msg_id, attribute, **args)

    def format_datetime(self, dt: datetime, tz: str | ZoneInfo, style: DateStyle = "long") -> str:
        """Format date and time in the timezone: "Saturday, 14 March 2026, 21:38" (en, long)."""
        local = _localize(dt, tz)
        length = _cldr_length(style)
        pattern = str(self._babel.datetime_formats[length]).replace("'", "")
        return pattern.replace("{0}", self._time(local)).replace(
            "{1}", babel.dates.format_date(local.date(), length, locale=self._babel)
        )

    def format_date(
        self,
        value: date | datetime,
        tz: str | ZoneInfo | None = None,
        style: DateStyle = "long",
    ) -> str:
        """Format a date ("Saturday, 14 March 2026"); a datetime is first moved into ``tz``."""
        if isinstance(value, datetime):
            if tz is None:
                raise ValueError("format_date needs a timezone for a datetime")
            value = _localize(value, tz).date()
        return babel.dates.format_date(value, _cldr_length(style), locale=self._babel)

    def format_time(self, dt: datetime, tz: str | ZoneInfo) -> str:
        """Format the wall-clock time in the timezone, hours and minutes ("21:38")."""
        return self._time(_localize(dt, tz))

    def _time(self, local: datetime) -> str:
        """Short CLDR time of an already localized datetime."""
        return babel.dates.format_time(local, "short", locale=self._babel)

    def format_number(self, value: float, decimals: int | None = None) -> str:
        """Format a number by CLDR ("1,234.5", "1 234,5"); ``decimals`` fixes the fraction."""
        if decimals is None:
            return babel.numbers.format_decimal(value, locale=self._babel)
        pattern = babel.numbers.parse_pattern(self._babel.decimal_formats[None].pattern)
        pattern.frac_prec = (decimals, decimals)
        return str(pattern.apply(value, self._babel))

    def format_list(self, items: list[str]) -> str:
        """Join items the CLDR way ("A, B and C", "A、B和C", "A、B、C")."""
        return babel.lists.format_list(items, locale=self._babel)

    def format_percent(self, fraction: float) -> str:
        """Format a fraction 0..1 as a whole percentage by CLDR ("87%", "87 %")."""
        return babel.numbers.format_percent(fraction, locale=self._babel)

    def format_relative(self, dt: datetime, now: datetime, tz: str | ZoneInfo) -> str:
        """Say when ``dt`` is relative to ``now``: "in 3 days", "tomorrow at 09:00", "now"."""
        local, local_now = _localize(dt, tz), _localize(now, tz)
        delta = dt - now
        if abs(delta) < timedelta(minutes=1):
            return self("date-now")
        if abs(delta) < timedelta(hours=1):
            return self._timedelta(delta, "minute")
        days = (local.date() - local_now.date()).days
        if -1 <= days <= 1:
            msg_id = ("date-yesterday-at", "date-today-at", "date-tomorrow-at")[days + 1]
            return self(msg_id, time=self._time(local))
        return self._timedelta(timedelta(days=days), "day")

    def _timedelta(self, delta: timedelta, granularity: Literal["minute", "day"]) -> str:
        """CLDR relative phrase such as "in 21 minutes" or "3 days ago"."""
        return babel.dates.format_timedelta(
            delta,
            granularity=granularity,
            threshold=_RELATIVE_THRESHOLD,
            add_direction=True,
            locale=self._babel,
        )


def _cldr_length(style: str) -> Literal["full", "long", "short"]:
    """Map our date style to a CLDR length, rejecting unknown styles."""
    try:
        return _CLDR_DATE_LENGTH[style]
    except KeyError:
        raise ValueError(f"unknown date style {style!r}; use long, medium or short") from None


class I18n:
    """All catalogues, parsed and compiled once; ``get`` is a dictionary look-up."""

    __slots__ = ("_default", "_translators")

    def __init__(self, translators: Mapping[str, Translator]) -> None:
        self._translators = dict(translators)
        self._default = self._translators[DEFAULT_LANGUAGE]

    @classmethod
    def load(cls, locales_dir: Path | None = None, *, strict: bool = False) -> I18n:
        """Parse every ``<locales_dir>/<lang>/*.ftl`` once and build one Translator per locale.

        ``strict`` turns off the English fallback, so that a missing message or a rendering
        error raises in every locale (for tests and catalogue checks).
        """
        root = locales_dir if locales_dir is not None else LOCALES_DIR
        english = _build_translator(DEFAULT_LANGUAGE, root, None)
        fallback = None if strict else english
        translators = {DEFAULT_LANGUAGE: english}
        for lang in LANGUAGES:
            if lang != DEFAULT_LANGUAGE:
                translators[lang] = _build_translator(lang, root, fallback)
        return cls(translators)

    def get(self, locale: str | None) -> Translator:
        """Return the locale's Translator; an unknown or empty locale gets English."""
        return self._translators.get(locale, self._default) if locale else self._default

    @property
    def translators(self) -> Mapping[str, Translator]:
        """Every Translator by language code, in LANGUAGES order."""
        return MappingProxyType(self._translators)


def parse_catalogue(path: Path) -> ftl.Resource:
    """Parse one .ftl file, raising CatalogueError on junk (syntax errors)."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"cannot read catalogue {path}: {exc}") from exc
    # Spans would take memory for as long as the process runs; they are only
    # needed to name the line of a syntax error, so a bad file is parsed again with them.
    resource = FluentParser(with_spans=False).parse(source)
    if any(isinstance(entry, ftl.Junk) for entry in resource.body):
        resource = FluentParser(with_spans=True).parse(source)
        junk = [entry for entry in resource.body if isinstance(entry, ftl.Junk)]
        first = junk[0]
        line = source.count("\n", 0, first.span.start if first.span else 0) + 1
        notes = "; ".join(a.message or a.code for a in first.annotations) or "syntax error"
        raise CatalogueError(f"{path}:{line}: {notes} ({len(junk)} junk entries)")
    return resource


def _build_translator(lang: str, root: Path, fallback: Translator | None) -> Translator:
    """Parse one locale's catalogues into a bundle with every message compiled."""
    directory = root / lang
    paths = sorted(directory.glob("*.ftl"))
    if not paths:
        raise CatalogueError(f"no .ftl catalogues in {directory}")
    bundle = CachedPluralBundle(CLDR_LOCALES[lang].replace("_", "-"))
    seen: dict[str, Path] = {}
    for path in paths:
        resource = parse_catalogue(path)
        for entry in resource.body:
            if isinstance(entry, ftl.Message | ftl.Term):
                key = ("-" if isinstance(entry, ftl.Term) else "") + entry.id.name
                if key in seen:
                    raise CatalogueError(f"{path}: {key!r} is already defined in {seen[key]}")
                seen[key] = path
        bundle.add_resource(resource)
    messages = {key: bundle.get_message(key) for key in seen if not key.startswith("-")}
    return Translator(lang, bundle, MappingProxyType(messages), fallback)
