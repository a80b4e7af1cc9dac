"""The plural cache rides on a private attribute of fluent.runtime: these fail if it changes."""

import pytest
from fluent.runtime import FluentBundle, FluentResource

from core.i18n_bundle import CachedPluralBundle

SOURCE = """
events = { $count ->
    [one] { $count } событие
    [few] { $count } события
   *[many] { $count } событий
}
"""
COUNTS = (0, 1, 2, 5, 11, 21, 22, 25, 101, 1234567)


def _render(bundle: FluentBundle, count: int) -> str:
    bundle.add_resource(FluentResource(SOURCE))
    message = bundle.get_message("events")
    assert message.value is not None
    text, errors = bundle.format_pattern(message.value, {"count": count})
    assert not errors
    return str(text)


@pytest.mark.parametrize("count", COUNTS)
def test_renders_as_fluent_runtime_does(count: int) -> None:
    public = FluentBundle(["ru"], use_isolating=False)
    assert _render(CachedPluralBundle("ru"), count) == _render(public, count)


def test_fluent_runtime_still_asks_the_cached_plural_rule() -> None:
    bundle = CachedPluralBundle("ru")
    bundle.add_resource(FluentResource(SOURCE))
    message = bundle.get_message("events")
    assert message.value is not None
    for _ in range(3):
        bundle.format_pattern(message.value, {"count": 5})
    # If fluent.runtime renamed the attribute or stopped calling it, nothing would be cached.
    info = bundle._plural_form.cache_info()  # type: ignore[attr-defined]
    assert info.misses == 1
    assert info.hits >= 2
