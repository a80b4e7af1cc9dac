"""The calendar page's own weight, and what building its files costs at start.

Run with ``python -m bench.page_weight_bench``; prints each file raw and gzipped (as served), the
page's texts in every language, and the best of several builds.
"""

import gzip
import timeit

import orjson

from core.i18n import I18n
from web.assets import build_assets
from web.page import render_page_texts

REPEATS = 5


def main() -> None:
    """Print the figures."""
    assets = build_assets()
    print(f"{'file':<24}{'raw':>9}{'gzip':>9}")
    for name, asset in sorted(assets.plain.items()):
        print(f"{name:<24}{len(asset.body):>9}{len(asset.gzipped or asset.body):>9}")
    index = assets.index
    print(f"{'index.html':<24}{len(index.body):>9}{len(index.gzipped or index.body):>9}")
    i18n = I18n.load()
    sizes = []
    for language in sorted(i18n.translators):
        body = orjson.dumps(render_page_texts(i18n, language).model_dump())
        sizes.append((language, len(body), len(gzip.compress(body, compresslevel=6))))
    for language, raw, packed in sizes:
        print(f"{'texts ' + language:<24}{raw:>9}{packed:>9}")
    raw, wire = assets.total_bytes
    largest = max(sizes, key=lambda size: size[2])
    print(f"{'page without texts':<24}{raw:>9}{wire:>9}")
    heaviest = f"page, {largest[0]} texts"
    print(f"{heaviest:<24}{raw + largest[1]:>9}{wire + largest[2]:>9}")
    build = min(timeit.repeat(build_assets, number=1, repeat=REPEATS))
    print(f"build at start          {build * 1000:.1f} ms")


if __name__ == "__main__":
    main()
