"""Questions analysts ask of the network: neighbourhoods and communities."""

from __future__ import annotations

__all__ = ["neighbourhood", "communities", "COMMUNITY_SEED"]

COMMUNITY_SEED = 42


def neighbourhood(G, actor: str, depth: int = 1):
    """The subgraph of actors within ``depth`` ties of ``actor``, in any direction."""
    seen = {actor}
    frontier = [actor]
    for _ in range(depth):
        nxt = []
        for node in frontier:
            for other in list(G.successors(node)) + list(G.predecessors(node)):
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return G.subgraph([n for n in G if n in seen]).copy()


def communities(G, seed: int = COMMUNITY_SEED) -> list[list[str]]:
    """Louvain communities of the undirected view (networkx, seeded): largest first.

    Each community lists its actors in the graph's order; ties in size are
    broken by the first actor's position, so the numbering is stable.
    """
    import networkx as nx

    from .build import simple_undirected

    H = simple_undirected(G)
    order = {n: i for i, n in enumerate(G)}
    found = nx.community.louvain_communities(H, seed=seed)
    groups = [sorted(c, key=order.get) for c in found]
    return sorted(groups, key=lambda c: (-len(c), order[c[0]]))
