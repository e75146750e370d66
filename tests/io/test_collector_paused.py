"""Loading pauses Python's cyclic garbage collector and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from arggraph.collector import collector_paused


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_paused_inside_and_restored_after(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_objects_made_inside_are_old_after_and_cycles_still_collected() -> None:
    with collector_paused():
        made = [[i] for i in range(5000)]
        cycle: list[object] = []
        cycle.append(cycle)
    # Promoted to the oldest generation: no young collection walks them all again.
    assert gc.get_count()[0] < 5000
    del cycle
    assert gc.collect() >= 1
    assert len(made) == 5000


def test_a_callers_frozen_objects_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            _ = [[i] for i in range(100)]
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
