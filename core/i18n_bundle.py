"""The Fluent bundle every catalogue is loaded into: fluent.runtime's, with plurals memoized.

fluent.runtime (0.4) evaluates Babel's plural rule once per variant a select expression
compares, through the private attribute `FluentBundle._plural_form`; wrapping it in a cache is
the only change. tests/core/test_i18n_bundle.py fails when fluent.runtime renames or stops
calling it; the gain is the "public FluentBundle" row of the README's benchmark table
(`python -m bench.i18n_bench`).
"""

from functools import lru_cache

from fluent.runtime import FluentBundle

# Plural categories are a pure function of (locale, number): a bounded cache holds the hot ones.
PLURAL_CACHE_SIZE = 4096


class CachedPluralBundle(FluentBundle):
    """A FluentBundle (no Unicode isolation marks) whose plural categories are memoized."""

    def __init__(self, locale: str) -> None:
        # Telegram and HTML escape the text themselves; Unicode isolation marks would only
        # show up as stray characters in some clients.
        super().__init__([locale], use_isolating=False)
        self._plural_form = lru_cache(maxsize=PLURAL_CACHE_SIZE)(self._plural_form)
