"""The start-up heap leaves the collector's generations."""

import gc

from core.heap import freeze_heap


def test_freezing_moves_the_heap_out_of_the_collectors_reach() -> None:
    survivor: list[object] = [{}]
    assert any(tracked is survivor for tracked in gc.get_objects())
    try:
        frozen = freeze_heap()
        assert frozen == gc.get_freeze_count() > 0
        # Frozen objects are no longer among those a collection walks.
        assert not any(tracked is survivor for tracked in gc.get_objects())
    finally:
        gc.unfreeze()
    assert gc.get_freeze_count() == 0
    assert any(tracked is survivor for tracked in gc.get_objects())
