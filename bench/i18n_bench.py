"""i18n speed: catalogue load, language switch, message rendering, grouped broadcasts.

Run with ``python -m bench.i18n_bench``; prints the best of several repeats.
"""

import statistics
import time
import timeit
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from zoneinfo import ZoneInfo

from fluent.runtime import FluentBundle

from core.event_text import event_title
from core.i18n import CLDR_LOCALES, LANGUAGES, LOCALES_DIR, I18n, Translator, parse_catalogue
from core.i18n_broadcast import render_per_group
from core.i18n_bundle import CachedPluralBundle

REPEATS = 5
INSTANT = datetime(2026, 3, 14, 18, 38, tzinfo=UTC)
TIMEZONES = ("UTC", "Europe/Moscow", "Asia/Kolkata", "America/Sao_Paulo", "Asia/Tokyo")
RECIPIENTS = 10_000


def per_call_us(func: Callable[[], object], number: int) -> float:
    """Best time of one call in microseconds over REPEATS runs of `number` calls."""
    return min(timeit.repeat(func, number=number, repeat=REPEATS)) / number * 1e6


def load_ms() -> float:
    """Median wall time of I18n.load() in milliseconds."""
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        I18n.load()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def bundle_render_us(bundle: FluentBundle, lang: str) -> float:
    """One render of common-week-summary by `bundle` loaded with `lang`'s catalogues, in µs."""
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        bundle.add_resource(parse_catalogue(path))
    pattern = bundle.get_message("common-week-summary").value
    assert pattern is not None
    args = {"count": 5, "name": "Ana"}
    return per_call_us(lambda: bundle.format_pattern(pattern, args), 5_000)


def broadcast_post(tr: Translator, tz: ZoneInfo) -> str:
    """A channel post: event title plus its local date and time."""
    title = event_title(tr, "full_moon", "", {}, "north")
    return f"{title}\n{tr.format_datetime(INSTANT, tz)}"


def main() -> None:
    """Print every figure."""
    print(f"load all catalogues (median of {REPEATS}): {load_ms():.1f} ms")
    i18n = I18n.load()
    figure = per_call_us(partial(i18n.get, "ru"), 200_000)
    print(f"switch language i18n.get('ru'): {figure:.3f} µs")
    print("render common-week-summary (plural + 2 args), µs per call:")
    for lang in LANGUAGES:
        render = partial(i18n.get(lang), "common-week-summary", count=5, name="Ana")
        print(f"  {lang}: {per_call_us(render, 20_000):.1f}")
    print("the same by the bare bundle, µs per call: public FluentBundle vs plural cache:")
    for lang in ("en", "ru", "hi"):
        locale = CLDR_LOCALES[lang].replace("_", "-")
        public = bundle_render_us(FluentBundle([locale], use_isolating=False), lang)
        cached = bundle_render_us(CachedPluralBundle(locale), lang)
        print(f"  {lang}: {public:.1f} vs {cached:.1f}")
    ru = i18n.get("ru")
    moscow = ZoneInfo("Europe/Moscow")
    figure = per_call_us(lambda: ru.format_datetime(INSTANT, moscow), 5_000)
    print(f"format_datetime ru long: {figure:.1f} µs")
    figure = per_call_us(lambda: event_title(ru, "opposition", "jupiter", {}, "north"), 20_000)
    print(f"event_title ru opposition: {figure:.1f} µs")
    recipients = [(LANGUAGES[i % 10], TIMEZONES[i % 5]) for i in range(RECIPIENTS)]
    grouped = per_call_us(lambda: render_per_group(i18n, recipients, broadcast_post), 5) / 1e3
    naive = (
        per_call_us(
            lambda: [broadcast_post(i18n.get(lang), ZoneInfo(tz)) for lang, tz in recipients], 1
        )
        / 1e3
    )
    print(
        f"broadcast to {RECIPIENTS} recipients in {len(set(recipients))} groups: "
        f"{grouped:.1f} ms grouped vs {naive:.1f} ms rendered per recipient"
    )


if __name__ == "__main__":
    main()
