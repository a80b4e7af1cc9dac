"""Broadcast rendering once per (language, timezone) group."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from astro.errors import InvalidTimezoneError
from core.i18n import I18n, Translator
from core.i18n_broadcast import render_per_group

INSTANT = datetime(2026, 3, 3, 11, 33, tzinfo=UTC)


@pytest.fixture(scope="module")
def i18n() -> I18n:
    """The project's catalogues."""
    return I18n.load()


def test_each_group_is_rendered_once(i18n: I18n) -> None:
    calls: list[tuple[str, str]] = []

    def render(tr: Translator, tz: ZoneInfo) -> str:
        calls.append((tr.locale, tz.key))
        return tr.format_datetime(INSTANT, tz, "short")

    recipients = [("ru", "Europe/Moscow"), ("en", "UTC"), ("xx", "UTC")] * 500
    texts = render_per_group(i18n, recipients, render)
    assert sorted(calls) == [("en", "UTC"), ("en", "UTC"), ("ru", "Europe/Moscow")]
    assert texts[("ru", "Europe/Moscow")] == "03.03.2026, 14:33"
    assert texts[("xx", "UTC")] == texts[("en", "UTC")] == "03/03/2026, 11:33"


def test_an_unknown_timezone_is_a_clear_error(i18n: I18n) -> None:
    with pytest.raises(InvalidTimezoneError):
        render_per_group(i18n, [("en", "Nowhere/Land")], lambda tr, tz: tr.locale)
