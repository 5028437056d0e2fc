"""The map without positions.csv stays still under small edits (benchmarks/stability.py; figures in docs/stability.md)."""

from __future__ import annotations

import pytest

from conftest import benchmark

MEDIAN = 0.05  # of the map's diagonal: the median move of the other actors after one small edit
ACROSS = 0.25  # an actor moving this much of the diagonal has moved across the map ...
MOVED_ACROSS = {"bundled": 1, "35 actors": 1, "150 actors": 2, "1,000 actors": 10}  # ... and so few may
# Measured (docs/stability.md): the bundled data's "remove tie" moves the others 6.5 % (median): that one
# case is held to 7 % until the layout does better.
EXCEPTIONS = {("bundled", "remove tie"): 0.07}


def check(name: str) -> None:
    figures = benchmark("stability").measure(name)
    assert set(figures) == {"add actor", "add tie", "remove tie", "rename"}
    for edit, d in figures.items():
        assert d["median"] <= EXCEPTIONS.get((name, edit), MEDIAN), (name, edit, d)
        assert d["over_25"] <= MOVED_ACROSS[name], (name, edit, d)
    assert figures["rename"]["max"] == 0.0  # renaming an actor's id moves nothing


@pytest.mark.slow  # five layouts of each network
@pytest.mark.parametrize("name", ["bundled", "35 actors", "150 actors"])
def test_small_edits_move_the_map_little(name):
    check(name)


@pytest.mark.slow  # five layouts of 1,000 actors: minutes
def test_small_edits_move_a_large_map_little():
    check("1,000 actors")
