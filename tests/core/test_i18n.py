"""Locale negotiation, loading, fallback and CLDR formatting of core.i18n."""

import logging
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from astro.errors import InvalidTimezoneError
from core.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NATIVE_NAMES,
    LANGUAGES,
    CatalogueError,
    I18n,
    MessageFormatError,
    MissingMessageError,
    error_message_id,
    negotiate_bot_language,
    negotiate_web_language,
    normalize_language,
)

# 2026-03-14 18:38 UTC is 21:38 in Moscow: the example instant.
INSTANT = datetime(2026, 3, 14, 18, 38, tzinfo=UTC)


@pytest.fixture(scope="module")
def i18n() -> I18n:
    """The project's real catalogues, loaded once for the module."""
    return I18n.load()


def write_catalogues(root: Path, english: str, other: str) -> Path:
    """Write a tiny catalogue: `english` for en and `other` for the nine other languages."""
    for lang in LANGUAGES:
        (root / lang).mkdir(parents=True)
        (root / lang / "test.ftl").write_text(
            english if lang == DEFAULT_LANGUAGE else other, encoding="utf-8"
        )
    return root


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("pt-br", "pt"),
        ("pt-BR", "pt"),
        ("zh-hans", "zh"),
        ("zh-Hant", "zh"),
        ("zh_TW", "zh"),
        ("es-419", "es"),
        ("en-gb", "en"),
        ("hy", "hy"),
        (" RU ", "ru"),
        ("xx", None),
        ("uk", None),
        ("", None),
        (None, None),
    ],
)
def test_normalize_language_maps_tags_to_our_locales(
    code: str | None, expected: str | None
) -> None:
    assert normalize_language(code) == expected


def test_native_names_cover_every_language() -> None:
    assert set(LANGUAGE_NATIVE_NAMES) == set(LANGUAGES)
    assert LANGUAGE_NATIVE_NAMES["hy"] == "Հայերեն"


@pytest.mark.parametrize(
    ("stored", "telegram", "expected"),
    [
        ("ru", "de", "ru"),
        (None, "pt-br", "pt"),
        (None, "zh-hant", "zh"),
        ("xx", "es-419", "es"),
        (None, "uk", "en"),
        (None, None, "en"),
    ],
)
def test_bot_language_prefers_stored_then_telegram_then_english(
    stored: str | None, telegram: str | None, expected: str
) -> None:
    assert negotiate_bot_language(stored, telegram) == expected


@pytest.mark.parametrize(
    ("profile", "query", "header", "expected"),
    [
        ("ja", "fr", "de", "ja"),
        (None, "fr", "de", "fr"),
        (None, "xx", "de-CH,de;q=0.9", "de"),
        (None, None, "uk;q=1, ru;q=0.8, en;q=0.9", "en"),
        (None, None, "fr;q=0.2, hi;q=0.7", "hi"),
        (None, None, "ru;q=0, hy;q=0.1", "hy"),
        (None, None, "ru;q=abc, ja", "ja"),
        (None, None, "es-419, pt;q=0.5", "es"),
        (None, None, "*", "en"),
        (None, None, "", "en"),
        (None, None, None, "en"),
    ],
)
def test_web_language_prefers_profile_query_then_accept_language(
    profile: str | None, query: str | None, header: str | None, expected: str
) -> None:
    assert negotiate_web_language(profile, query, header) == expected


def test_get_is_a_lookup_returning_the_same_translator(i18n: I18n) -> None:
    assert i18n.get("ru") is i18n.get("ru")
    assert i18n.get("ru").locale == "ru"
    assert i18n.get("xx") is i18n.get("en")
    assert i18n.get(None) is i18n.get("en")


def test_every_language_is_loaded(i18n: I18n) -> None:
    assert list(i18n.translators) == list(LANGUAGES)


def test_missing_message_falls_back_to_english_and_logs_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_catalogues(tmp_path, "greet = Hello\nonly-en = English only\n", "greet = Hallo\n")
    tr = I18n.load(root).get("de")
    with caplog.at_level(logging.WARNING, logger="core.i18n"):
        first, second = tr("only-en"), tr("only-en")
    assert (first, second) == ("English only", "English only")
    assert tr("greet") == "Hallo"
    assert [r.getMessage() for r in caplog.records] == [
        "i18n fallback to English for only-en in de: missing"
    ]


def test_render_error_falls_back_to_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = write_catalogues(tmp_path, "hi = Hi { $name }\n", "hi = Salut { $nom }\n")
    with caplog.at_level(logging.WARNING, logger="core.i18n"):
        assert I18n.load(root).get("fr")("hi", name="Ana") == "Hi Ana"
    assert "Unknown external: nom" in caplog.text


def test_attributes_render_and_fall_back(tmp_path: Path) -> None:
    root = write_catalogues(
        tmp_path,
        "button = Save\n    .title = Save { $what }\n    .hint = Tap once\n",
        "button = Speichern\n    .title = { $what } speichern\n",
    )
    tr = I18n.load(root).get("de")
    assert tr.attr("button", "title", what="Notiz") == "Notiz speichern"
    assert tr.attr("button", "hint") == "Tap once"


def test_english_gaps_are_coding_errors(tmp_path: Path) -> None:
    root = write_catalogues(tmp_path, "hi = Hi { $name }\n", "hi = Hola { $name }\n")
    english = I18n.load(root).get("en")
    with pytest.raises(MissingMessageError):
        english("nope")
    with pytest.raises(MissingMessageError):
        english.attr("hi", "nope")
    with pytest.raises(MessageFormatError):
        english("hi")


def test_strict_mode_raises_instead_of_falling_back(tmp_path: Path) -> None:
    root = write_catalogues(tmp_path, "a = A\nb = B\n", "a = Ä\n")
    with pytest.raises(MissingMessageError) as caught:
        I18n.load(root, strict=True).get("ru")("b")
    assert caught.value.code == "missing_message"


def test_junk_in_a_catalogue_stops_loading_with_file_and_line(tmp_path: Path) -> None:
    root = write_catalogues(tmp_path, "a = A\n", "a = Ä\n")
    (root / "ja" / "broken.ftl").write_text("ok = fine\n\nbad line without equals\n")
    with pytest.raises(CatalogueError, match=r"broken\.ftl:3: "):
        I18n.load(root)


def test_duplicate_message_ids_across_files_are_rejected(tmp_path: Path) -> None:
    root = write_catalogues(tmp_path, "a = A\n", "a = Ä\n")
    (root / "hy" / "second.ftl").write_text("a = again\n")
    with pytest.raises(CatalogueError, match="already defined"):
        I18n.load(root)


def test_a_language_without_catalogues_stops_loading(tmp_path: Path) -> None:
    root = write_catalogues(tmp_path, "a = A\n", "a = Ä\n")
    (root / "hi" / "test.ftl").unlink()
    with pytest.raises(CatalogueError, match=r"no \.ftl catalogues"):
        I18n.load(root)


def test_output_has_no_unicode_isolation_marks(i18n: I18n) -> None:
    text = i18n.get("ru")("common-language-set", language="English")
    assert text == "Язык интерфейса: English."
    assert not {"\u2068", "\u2069"} & set(text)


def test_error_codes_map_to_message_ids(i18n: I18n) -> None:
    assert error_message_id("invalid_json") == "error-invalid-json"
    ru = i18n.get("ru")
    assert ru.error("token_expired") == ru("error-token-expired")
    assert "5 секунд" in ru.error("rate_limited", seconds=5)
    assert "2 секунды" in ru.error("rate_limited", seconds=2)


def test_an_error_code_without_a_message_gets_internal_error(
    i18n: I18n, caplog: pytest.LogCaptureFixture
) -> None:
    ja = i18n.get("ja")
    with caplog.at_level(logging.WARNING, logger="core.i18n"):
        assert ja.error("config_error") == ja("error-internal-error")
    assert "config_error" in caplog.text


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Saturday, 14 March 2026, 21:38"),
        ("zh", "2026年3月14日星期六 21:38"),
        ("ja", "2026年3月14日土曜日 21:38"),
        ("ru", "суббота, 14 марта 2026\u202fг., 21:38"),
        ("de", "Samstag, 14. März 2026, 21:38"),
    ],
)
def test_long_datetime_follows_cldr_order(i18n: I18n, lang: str, expected: str) -> None:
    assert i18n.get(lang).format_datetime(INSTANT, "Europe/Moscow") == expected


def test_hindi_and_armenian_month_names(i18n: I18n) -> None:
    assert "मार्च" in i18n.get("hi").format_date(INSTANT, "Asia/Kolkata")
    assert "मार्च" in i18n.get("hi").format_date(date(2026, 3, 1), style="medium")
    assert "մարտի" in i18n.get("hy").format_date(INSTANT, "Asia/Yerevan")


def test_dates_use_the_timezone_and_its_daylight_saving(i18n: I18n) -> None:
    en = i18n.get("en")
    assert en.format_time(datetime(2026, 3, 7, 17, 0, tzinfo=UTC), "America/New_York") == "12:00"
    assert en.format_time(datetime(2026, 3, 9, 17, 0, tzinfo=UTC), "America/New_York") == "13:00"
    assert en.format_time(INSTANT, "Asia/Kathmandu") == "00:23"
    assert en.format_date(INSTANT, "Asia/Kathmandu", "short") == "15/03/2026"
    assert en.format_date(INSTANT, "Pacific/Pago_Pago", "medium") == "14 March 2026"


def test_bad_dates_and_timezones_are_clear_errors(i18n: I18n) -> None:
    en = i18n.get("en")
    with pytest.raises(InvalidTimezoneError) as caught:
        en.format_datetime(INSTANT, "Mars/Olympus")
    assert caught.value.code == "invalid_timezone"
    with pytest.raises(InvalidTimezoneError):
        en.format_time(INSTANT, "../etc/passwd")
    with pytest.raises(ValueError, match="naive"):
        en.format_datetime(datetime(2026, 1, 1), "UTC")  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="style"):
        en.format_datetime(INSTANT, "UTC", "huge")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timezone"):
        en.format_date(INSTANT)


def test_numbers_follow_cldr(i18n: I18n) -> None:
    assert i18n.get("en").format_number(1234567.891, 1) == "1,234,567.9"
    assert i18n.get("de").format_number(0.5, 2) == "0,50"
    assert i18n.get("hi").format_number(1234567) == "12,34,567"
    assert i18n.get("ru").format_number(357123) == "357\xa0123"
    assert i18n.get("fr").format_percent(0.87) == "87\xa0%"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_integer_arguments_are_formatted_by_cldr(i18n: I18n, lang: str) -> None:
    tr = i18n.get(lang)
    for count in (7, 1234, 1234567, -42):
        expected = tr.format_number(count)
        assert expected in tr("common-days", count=count)
        assert expected in tr("common-days", count=count)


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=20), "now"),
        (timedelta(minutes=21), "in 21 minutes"),
        (timedelta(minutes=-5), "5 minutes ago"),
        (timedelta(hours=3), "today at 15:00"),
        (timedelta(hours=21), "tomorrow at 09:00"),
        (timedelta(hours=-13), "yesterday at 23:00"),
        (timedelta(days=3), "in 3 days"),
        (timedelta(days=-10), "10 days ago"),
        (timedelta(days=21), "in 3 weeks"),
        (timedelta(days=90), "in 3 months"),
    ],
)
def test_relative_phrases_in_english(i18n: I18n, delta: timedelta, expected: str) -> None:
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert i18n.get("en").format_relative(now + delta, now, "UTC") == expected


def test_relative_days_are_counted_in_the_users_timezone(i18n: I18n) -> None:
    now = datetime(2026, 3, 14, 23, 0, tzinfo=UTC)
    event = now + timedelta(hours=2)
    en = i18n.get("en")
    assert en.format_relative(event, now, "UTC") == "tomorrow at 01:00"
    assert en.format_relative(event, now, "Asia/Tokyo") == "today at 10:00"


@pytest.mark.parametrize(
    ("lang", "tomorrow", "in_days"),
    [
        ("en", "tomorrow at 09:00", "in 3 days"),
        ("ru", "завтра в 09:00", "через 3 дня"),
        ("de", "morgen um 09:00 Uhr", "in 3 Tagen"),
        ("fr", "demain à 09:00", "dans 3 jours"),
        ("es", "mañana, 9:00", "dentro de 3 días"),
        ("pt", "amanhã, 09:00", "em 3 dias"),
        ("zh", "明天 09:00", "3天后"),
        ("ja", "明日 9:00", "3 日後"),
        ("hi", "कल, 9:00 am", "3 दिन में"),
        ("hy", "վաղը ժամը 09:00-ին", "3 օրից"),
    ],
)
def test_relative_phrases_in_every_language(
    i18n: I18n, lang: str, tomorrow: str, in_days: str
) -> None:
    now = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    tr = i18n.get(lang)
    assert tr.format_relative(datetime(2026, 6, 2, 9, 0, tzinfo=UTC), now, "UTC") == tomorrow
    assert tr.format_relative(now + timedelta(days=3), now, "UTC") == in_days
