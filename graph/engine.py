"""Path-based measures on networkx graphs, computed by igraph's C core on large graphs.

networkx's pure-Python betweenness and closeness take minutes at 10k actors;
igraph gives the same exact values (checked to 1e-9 in the tests) in seconds.
Below ``IGRAPH_FROM`` nodes networkx is fast enough and igraph is not imported.
"""

from __future__ import annotations

__all__ = ["betweenness", "closeness", "pagerank", "IGRAPH_FROM", "to_igraph"]

IGRAPH_FROM = 300


def _use_igraph(H, engine):
    if engine == "networkx":
        return False
    if engine == "igraph":
        return True
    return H.number_of_nodes() >= IGRAPH_FROM


def to_igraph(H):
    """An igraph copy of a simple networkx graph, vertices in H's node order."""
    import igraph as ig

    index = {n: i for i, n in enumerate(H)}
    return ig.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in H.edges()],
                    directed=H.is_directed())


def betweenness(H, engine="auto"):
    """Normalised shortest-path betweenness, as ``nx.betweenness_centrality``."""
    if not _use_igraph(H, engine):
        import networkx as nx
        return nx.betweenness_centrality(H)
    n = H.number_of_nodes()
    raw = to_igraph(H).betweenness(directed=H.is_directed())
    if n <= 2:
        scale = 1.0
    else:
        scale = (1 if H.is_directed() else 2) / ((n - 1) * (n - 2))
    return {node: value * scale for node, value in zip(H, raw)}


def closeness(H, engine="auto"):
    """Closeness with Wasserman-Faust scaling for unreachable actors, as ``nx.closeness_centrality``.

    On a directed graph it uses distances *to* the actor, as networkx does.
    """
    if not _use_igraph(H, engine):
        import networkx as nx
        return nx.closeness_centrality(H)
    import numpy as np

    g = to_igraph(H)
    n = g.vcount()
    mode = "in" if H.is_directed() else "all"
    out = np.zeros(n)
    step = max(1, 2_000_000 // max(n, 1))  # rows per block: bounded memory
    for start in range(0, n, step):
        rows = np.array(g.distances(source=range(start, min(n, start + step)), mode=mode), dtype=float)
        finite = np.isfinite(rows)
        reach = finite.sum(axis=1) - 1  # other actors at a finite distance
        total = np.where(finite, rows, 0).sum(axis=1)
        with np.errstate(divide="ignore", invalid="ignore"):
            c = np.where(total > 0, reach / total, 0.0)
        if n > 1:
            c = c * reach / (n - 1)
        out[start:start + len(c)] = c
    return {node: float(v) for node, v in zip(H, out)}


def pagerank(H, alpha: float = 0.85):
    """PageRank as ``nx.pagerank`` (same damping, tolerance and dangling-node rule)."""
    import networkx as nx
    return nx.pagerank(H, alpha=alpha)
