"""Freezing the heap a long-lived process starts with, so full collections stop walking it.

Modules, compiled catalogues, routes and settings live as long as the process; gc.freeze moves
them out of the collector's generations, and a full collection then walks only what came
after (sockets, requests). What that saves per full collection with 10,000 sockets is the
"full collection" row of the README's benchmark table (`python -m bench.web_ws_bench`,
`--no-gc-freeze` for the comparison); tests/core/test_heap.py checks that CPython still
freezes.
"""

import gc


def freeze_heap() -> int:
    """Collect once, then freeze every object left; returns how many were frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
