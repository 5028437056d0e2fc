"""Centrality measures: the MEASURES table and one function to compute any of them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from graph.names import MEASURE_MEANINGS, MEASURE_NAMES
from graph.errors import Hint, TooLarge, UndefinedMeasure
from graph.analysis import engine
from graph.analysis.build import simple_directed, simple_undirected
from graph.analysis.signs import HOSTILE_MEASURES, hostile_counts
from graph.analysis.views import graph_of, View

__all__ = ["MEASURES", "Measure", "centrality", "UndefinedMeasure", "TooLarge", "EXACT_UP_TO", "EXACT_WORK", "PICTURE_SAMPLE", "MAP_EXACT_UP_TO", "map_sample", "forced_sample"]

# Betweenness and closeness search from every actor: the work grows with actors x ties. At 30,000
# actors / 100,000 ties both take about a minute on two cores; at 100,000 / 300,000 exact betweenness
# alone is about 36 CPU minutes (25 ms per source actor; docs/performance.md). Above EXACT_UP_TO actors they are estimated from sampled source
# actors (maps: from PICTURE_SAMPLE of them, said in a note), or refused when asked for exactly.
EXACT_UP_TO = 50_000
# ... and while actors x (actors + ties) stays within EXACT_WORK, the same bound for networks of fewer actors with
# many more ties (at EXACT_UP_TO, three ties per actor): 40,000 actors and 2 million ties would take an hour.
EXACT_WORK = EXACT_UP_TO * 4 * EXACT_UP_TO
PICTURE_SAMPLE = 500
# actors: above, a map (page, pictures) sizes its dots and fills its panel with betweenness and closeness
# estimated from PICTURE_SAMPLE sources, and says so (exact betweenness alone is 5-7 s of a 15 s budget at 10,000)
MAP_EXACT_UP_TO = 5_000


def _work() -> str:
    return f"{EXACT_WORK / 1e9:,.0f} billion" if EXACT_WORK >= 1e9 else f"{EXACT_WORK:,}"


def _exact_rule() -> str:
    return f"above {EXACT_UP_TO:,} actors, or actors x (actors + ties) over {_work()}"


def forced_sample(actors: int, ties: int = 0) -> int | None:
    """The source actors betweenness and closeness are estimated from when no sample is asked for: above
    EXACT_UP_TO actors or EXACT_WORK, PICTURE_SAMPLE (said in a note); None: exact."""
    return PICTURE_SAMPLE if actors > EXACT_UP_TO or actors * (actors + ties) > EXACT_WORK else None


def map_sample(actors: int) -> int | None:
    """The source actors a map of this many actors estimates betweenness and closeness from (None: exact)."""
    return PICTURE_SAMPLE if actors > MAP_EXACT_UP_TO else None


SAMPLED = ("betweenness", "closeness")  # the measures a sample estimates


@dataclass(frozen=True)
class Measure:
    name: str
    meaning: str
    directed_only: bool  # computed on the directed view even in the default undirected view
    compute: Callable


def _lone(H, compute):
    """networkx gives a lone actor degree 1 (it divides by n - 1 = 0): an actor without ties has 0."""
    if H.number_of_nodes() <= 1:
        return {n: 0.0 for n in H}
    return compute(H)


def _degree(H):
    import networkx as nx
    return _lone(H, nx.degree_centrality)


def _in_degree(D):
    import networkx as nx
    return _lone(D, nx.in_degree_centrality)


def _out_degree(D):
    import networkx as nx
    return _lone(D, nx.out_degree_centrality)


def _betweenness(H):
    return engine.betweenness(H)


def _closeness(H):
    return engine.closeness(H)


def _eigenvector(H):
    import networkx as nx
    if H.number_of_edges() == 0:
        raise UndefinedMeasure("undefined on a graph without ties")
    if H.is_directed() and nx.is_directed_acyclic_graph(H):
        raise UndefinedMeasure("undefined for this directed graph without cycles (all eigenvalues are 0)")

    try:
        values = engine.eigenvector(H, max_iter=1000)
    except nx.PowerIterationFailedConvergence:
        raise UndefinedMeasure("undefined for this graph (power iteration does not converge)") from None
    if not H.is_directed():
        _outside_leading(H, values)
    return values


def _outside_leading(H, values) -> None:
    """0 for the actors of every part whose leading eigenvalue is below the largest part's.

    On a network in several parts, the eigenvector of the largest eigenvalue is 0 outside the
    part(s) that have it; the power iteration stops with those actors' values decayed to
    small leftovers (1e-5 on the bundled data), which would rank them in an order that means nothing.
    """
    import networkx as nx

    for node in H:
        if H.degree(node) == 0:  # a part of one actor: eigenvalue 0
            values[node] = 0.0
    parts = [p for p in nx.connected_components(H) if len(p) > 1]
    if len(parts) < 2:
        return
    radius = [_spectral_radius(H.subgraph(p)) for p in parts]
    top = max(radius)
    for part, r in zip(parts, radius):
        if r < top * (1 - 1e-9):
            for node in part:
                values[node] = 0.0


def _spectral_radius(H) -> float:
    """The largest eigenvalue of a connected undirected graph's adjacency matrix."""
    import networkx as nx
    import numpy as np

    if H.number_of_nodes() <= 400:  # numpy alone: small data loads no scipy (a quick start)
        return float(np.linalg.eigvalsh(nx.to_numpy_array(H, dtype=float, weight=None))[-1])
    from scipy.sparse.linalg import eigsh

    A = nx.to_scipy_sparse_array(H, dtype=float, weight=None)
    return float(eigsh(A, k=1, which="LA", v0=np.ones(A.shape[0]), return_eigenvectors=False)[0])


def _pagerank(H):
    return engine.pagerank(H)


_DIRECTED_ONLY = {"in_degree", "out_degree"}
_COMPUTE = {"degree": _degree, "in_degree": _in_degree, "out_degree": _out_degree, "betweenness": _betweenness,
            "closeness": _closeness, "eigenvector": _eigenvector, "pagerank": _pagerank}
MEASURES: dict[str, Measure] = {name: Measure(name, meaning, name in _DIRECTED_ONLY, _COMPUTE[name])
                                for name, meaning in MEASURE_MEANINGS.items()}


def centrality(G, measures, directed: bool = False, sample: int | None = None, too_large: str = "estimate"):
    """Each measure's values on the multigraph G: ({measure: {actor: value}}, notes).

    The default view is undirected with one tie per actor pair; ``directed``
    reads directions (a symmetric relation counts both ways). in_degree and
    out_degree always read directions. A measure undefined on this graph gets
    a note instead of values. ``sample`` estimates betweenness and closeness from
    that many source actors (seeded) instead of computing them exactly, and says
    so in a note. Above ``EXACT_UP_TO`` actors or ``EXACT_WORK``, without a sample, ``too_large``
    decides: 'estimate' them from ``PICTURE_SAMPLE`` sources (with a note), or
    'refuse' (raise ``TooLarge`` before any of the work).
    """

    notes = []
    n = G.number_of_nodes()
    views = {}

    def view(use_directed):
        if use_directed not in views:
            views[use_directed] = simple_directed(G) if use_directed else simple_undirected(G)
        return views[use_directed]

    asked = " and ".join(name for name in SAMPLED if name in measures)
    # the ties of one pair count once (G.number_of_edges() first: an upper bound, with no view to build)
    if not sample and asked and forced_sample(n, G.number_of_edges()) \
            and forced_sample(n, m := view(False).number_of_edges()):
        if too_large == "refuse":
            raise TooLarge(f"exact {asked} search from every one of the {n:,} actors over {m:,} ties, tens of minutes"
                           f" or more of work at this size (they are computed exactly up to {EXACT_UP_TO:,} actors,"
                           f" while actors x (actors + ties) is at most {_work()});"
                           " the other measures take seconds",
                           limit=EXACT_UP_TO, size=n,
                           hint=Hint("or estimate them from sampled source actors with",
                                     (("sample", str(PICTURE_SAMPLE)),)))
        sample = forced_sample(n, m)
        notes.append(f"{asked}: estimated, as exact values take tens of minutes or more {_exact_rule()}")

    values = {}
    for name in measures:
        m = MEASURES[name]
        H = view(directed or m.directed_only)
        if H.number_of_nodes() == 0:
            notes.append(f"{name}: undefined on an empty graph")
            continue
        try:
            if name in SAMPLED and sample and sample < H.number_of_nodes():
                estimate = engine.betweenness if name == "betweenness" else engine.closeness
                values[name] = estimate(H, sample=sample)
                notes.append(f"{name}: estimated from {sample} sampled source actors"
                             f" (seed {engine.SAMPLE_SEED}), not exact")
                continue
            values[name] = m.compute(H)
            if name == "eigenvector" and not H.is_directed():
                outside = sum(1 for a, v in values[name].items() if v == 0.0 and H.degree(a))
                if outside:
                    notes.append(f"eigenvector: 0 for the {outside:,} actors with ties outside the part of the network"
                                 " whose leading eigenvalue is largest (it measures that part only)")
        except UndefinedMeasure as exc:
            notes.append(f"{name}: {exc}")
        except ZeroDivisionError:
            notes.append(f"{name}: undefined for this graph")
    return values, notes


def measured(dataset, view, G, measures=None, *, directed: bool = False, sample: int | None = None):
    """Centrality of G, the graph of ``view`` (a View, None for the default) on ``dataset``.

    Returns ({measure: {actor: value}}, the measures' names, notes); exact betweenness or closeness
    above ``EXACT_UP_TO`` actors or ``EXACT_WORK`` raises ``TooLarge`` (give ``sample``). When the data set has hostile
    kinds, hostile_degree and in_hostile count each actor's hostile ties in the same view, whatever
    network (cooperative by default) the measures use.
    """
    from dataclasses import replace

    view = view if view is not None else View()
    measures = list(dict.fromkeys(measures or MEASURE_NAMES))
    values, notes = centrality(G, measures, directed=directed, sample=sample, too_large="refuse")
    if dataset.kinds.signed:
        values.update(hostile_counts(graph_of(dataset, replace(view, ties="hostile"))))
        measures += HOSTILE_MEASURES
    return values, measures, list(notes)
