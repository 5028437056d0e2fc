"""The map without positions.csv stays still under small edits (benchmarks/stability.py; figures in docs/stability.md)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from conftest import benchmark
from graph.picture.layout import _double_centred, _ring, _ring_scaling

MEDIAN = 0.05  # of the map's diagonal: the median move of the other actors after one small edit (issue 22)
# Where the layout does not reach that yet, the figure measured (docs/stability.md), so it cannot get worse:
MEASURED = {("35 actors", "remove tie"): 0.065}
# The median move as the page's Fit shows each map (its box centred and scaled to the pane): an outlying
# actor that moves shifts and zooms the whole view. Measured 6.4 % at most, and 8.2 % where a leaf at the
# 1,000-actor map's edge flipped sides and set its box (docs/stability.md):
FITTED = 0.07
FITTED_MEASURED = {("1,000 actors", "add actor"): 0.085}
# Actors that may move more than a quarter of the diagonal (across the map), as measured:
MOVED_ACROSS = {"bundled": 1, "35 actors": 0, "150 actors": 0, "1,000 actors": 9}


def test_the_start_of_a_ring_in_the_datas_order_is_the_datas_circle():
    """A cycle's largest scaling axes are its circle: the start is that circle, the first actor at the
    left and the others in order round it, neither turned nor mirrored."""
    X = _ring_scaling(_double_centred(nx.floyd_warshall_numpy(nx.cycle_graph(12))))
    z = X[:, 0] + 1j * X[:, 1]
    assert np.allclose(z / np.abs(z).mean(), _ring(12), atol=1e-9)
    assert np.abs(z).mean() > 1.0  # in ties, as the stress layout wants its start


def test_the_start_moves_as_little_as_the_distances_where_classical_scalings_axes_tie():
    """A 3 x 3 x 3 grid is as wide in three directions: classical scaling's two largest axes are any two
    of them, and a change of a millionth in the distances may swap them. The start moves a millionth."""
    D = np.asarray(nx.floyd_warshall_numpy(nx.convert_node_labels_to_integers(nx.grid_graph([3, 3, 3]))))
    noise = np.random.default_rng(0).random(D.shape) * 1e-6
    noise = noise + noise.T
    np.fill_diagonal(noise, 0.0)
    before, after = _ring_scaling(_double_centred(D)), _ring_scaling(_double_centred(D + noise))
    spread = np.sqrt((before ** 2).sum(axis=1).mean())
    assert spread > 1.0
    assert np.abs(after - before).max() < 1e-4 * spread


def test_the_fitted_view_ignores_a_shift_and_a_zoom_but_not_an_outlier():
    displacement = benchmark("stability").displacement
    before = {"a": (0.0, 0.0), "b": (30.0, 0.0), "c": (0.0, 20.0), "d": (30.0, 20.0), "e": (15.0, 10.0)}
    shifted = {v: (2 * x + 7, 2 * y - 3) for v, (x, y) in before.items()}
    moved = displacement(before, shifted, {})
    assert moved["median"] > 0.3 and moved["fitted"] == 0.0
    outlier = dict(before, e=(75.0, 10.0))  # the box doubles in width: the others close up in the view
    assert displacement(before, outlier, {})["median"] == 0.0
    assert displacement(before, outlier, {})["fitted"] > 0.1


def check(name: str) -> None:
    figures = benchmark("stability").measure(name)
    assert set(figures) == {"add actor", "add tie", "remove tie", "rename"}
    for edit, d in figures.items():
        assert d["median"] <= MEASURED.get((name, edit), MEDIAN), (name, edit, d)
        assert d["over_25"] <= MOVED_ACROSS[name], (name, edit, d)
        assert d["fitted"] <= FITTED_MEASURED.get((name, edit), FITTED), (name, edit, d)
    assert figures["rename"]["max"] == 0.0  # renaming an actor's id moves nothing
    assert figures["rename"]["fitted"] == 0.0


@pytest.mark.slow  # five layouts of each network
@pytest.mark.parametrize("name", ["bundled", "35 actors", "150 actors"])
def test_small_edits_move_the_map_little(name):
    check(name)


@pytest.mark.slow  # five layouts of 1,000 actors
def test_small_edits_move_a_large_map_little():
    check("1,000 actors")


_LAYOUT_BITS = """
import hashlib, sys
import networkx as nx
import numpy as np
from graph.picture.layout import layout
G = nx.gnm_random_graph(170, 300, seed=5)
n = G.number_of_nodes()
P, place = layout(G, np.full(n, 6.0), np.full(n, 60.0), np.full(n, 14.0))
print(hashlib.sha256(P.tobytes() + place.tobytes()).hexdigest())
"""


@pytest.mark.slow  # two layouts of 170 actors, each in its own process
def test_the_layout_is_the_same_bits_whatever_the_number_of_blas_threads():
    """OpenBLAS's threaded Cholesky and products round differently by thread count: the same data gave
    another 150-actor map on one core than on two. The stress layout's algebra avoids them from 64 actors."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    digests = []
    for threads in ("1", "2", "3"):
        env = {**os.environ, "OPENBLAS_NUM_THREADS": threads, "OMP_NUM_THREADS": threads,
               "PYTHONPATH": str(root)}
        done = subprocess.run([sys.executable, "-c", _LAYOUT_BITS], capture_output=True, text=True, env=env,
                              cwd=root, check=True)
        digests.append(done.stdout.strip())
    assert len(digests[0]) == 64 and digests[0] == digests[1] == digests[2]
