"""What-if removal: how the network and its centrality ranks change when actors leave."""

from __future__ import annotations

from graph.analysis.ranking import ranks
from graph.analysis import engine
from graph.analysis.build import simple_undirected
from graph.analysis.grades import tie_quality
from graph.analysis.metrics import centrality
from graph.analysis.questions import spell

__all__ = ["impact", "ranks", "AfterEstimate", "WHATIF_WORK"]

# Betweenness after a removal is exact while removals x actors x (actors + ties) stays within this (about
# 30 ns each of CPU, worker processes included: 3 s; every network up to about 5,000 actors and 15,000
# ties). Above it, it is estimated (see AfterEstimate) from as many sampled source actors as fit, at least
# MIN_SAMPLE; the value before the removal stays exact.
WHATIF_WORK = 100_000_000
MIN_SAMPLE = 100


def _components(G) -> list[set]:
    import networkx as nx


    return [set(c) for c in nx.connected_components(simple_undirected(G))]


def impact(G, removed: list[str], measure: str = "betweenness", directed: bool = False,
           sample: int = 10, measured: dict | None = None, estimate: AfterEstimate | None | bool = True) -> dict:
    """Components before and after removing actors, who is cut off from whom, and rank changes.

    Each part cut off lists its actors, how many actors it is cut off from, and up to
    ``sample`` of those (from the largest remaining part): the result grows with the
    network, never with its square. A cut-off ``rests_on_weak_ties`` when every tie that
    joined the part to the removed actors is implied, not actual or weakly graded;
    ``held_by_weak_ties`` lists the weak ties that, after the removal, alone keep actors
    linked to the rest. ``measured``: G's values of ``measure``, when already measured (the same
    view and direction), so that they are not computed again. ``estimate``: the AfterEstimate to use
    (several what-ifs on one G share one), True (the default) to estimate betweenness after the removal
    when exact would exceed WHATIF_WORK, False for exact; an estimate says so in ``notes``.
    """

    H = G.copy()
    H.remove_nodes_from(removed)
    before, after = _components(G), _components(H)
    order = {n: i for i, n in enumerate(G)}
    home = {n: i for i, comp in enumerate(before) for n in comp}
    parts_of: dict[int, list[set]] = {}
    for comp in after:
        parts_of.setdefault(home[next(iter(comp))], []).append(comp)
    cut = []
    gone = set(removed)
    for i, old in enumerate(before):
        parts = sorted(parts_of.get(i, []), key=lambda c: (-len(c), min(order[n] for n in c)))
        remaining = sum(len(p) for p in parts)
        for part in parts[1:]:
            largest = parts[0]
            links = _weakness(G, [(u, v, d) for n in part for u, v, d in _incident(G, n) if ({u, v} - {n}) & gone])
            cut.append({"actors": sorted(part, key=order.get), "cut_off_from_count": remaining - len(part),
                        "cut_off_from": sorted(largest, key=order.get)[:sample],
                        "rests_on_weak_ties": bool(links) and all(w for _, w in links),
                        "ties": [{"tie": t, "weak": w} for t, w in links][:sample]})
    values_before, notes = ({measure: measured}, []) if measured is not None \
        else centrality(G, [measure], directed=directed)
    if estimate is True:
        estimate = AfterEstimate.if_needed(G, measure, directed, 1, values_before.get(measure))
    if estimate and measure in values_before:
        values_after, notes_after = {measure: estimate.after(removed)}, [estimate.note()]
    else:
        values_after, notes_after = centrality(H, [measure], directed=directed)
    vb, va = values_before.get(measure, {}), values_after.get(measure, {})
    rb, ra = ranks(vb, G), ranks(va, H)
    rows = []
    for node in H:
        b, a = vb.get(node), va.get(node)
        rows.append({"id": node, "name": H.nodes[node].get("name", node), "type": H.nodes[node].get("type", ""),
                     "rank_before": rb.get(node), "before": b, "rank_after": ra.get(node), "after": a,
                     "change": None if a is None or b is None else a - b,
                     "rank_change": None if node not in ra or node not in rb else rb[node] - ra[node]})
    rows.sort(key=lambda r: (r["rank_after"] is None, r["rank_after"] or 0, r["name"].lower(), r["id"]))
    return {"removed": list(removed), "components_before": len(before), "components_after": len(after),
            "cut_off": cut, "held_by_weak_ties": _weak_bridges(G, H, order)[:sample * 5], "rows": rows,
            "notes": sorted(set(notes) | set(notes_after))}


def _incident(G, n):
    return list(G.out_edges(n, data=True)) + list(G.in_edges(n, data=True))


def _weakness(G, edges) -> list[tuple[str, list[str]]]:
    """Each tie as read ('A —trains→ B') with why it is weak; several rows of one tie: the soundest counts."""

    sources = G.graph.get("sources") or {}
    best: dict[tuple, list[str]] = {}
    for u, v, d in edges:
        key = (u, v, d["relation"])
        why = tie_quality(d, sources)
        if key not in best or len(why) < len(best[key]):
            best[key] = why
    return [(spell(G, u, v, kind), why) for (u, v, kind), why in best.items()]


def _weak_bridges(G, H, order: dict) -> list[dict]:
    """Weak ties that, after the removal (H) but not before (G), alone keep actors linked to the rest."""
    out = []
    already = _bridges(G)
    for a, b in _bridges(H) - already:
        edges = [(u, v, d) for u, v in ((a, b), (b, a)) for d in (H.get_edge_data(u, v) or {}).values()]
        links = _weakness(H, edges)
        if links and all(w for _, w in links):
            out.append({"between": sorted((a, b), key=order.get), "ties": [{"tie": t, "weak": w} for t, w in links]})
    out.sort(key=lambda x: [order[n] for n in x["between"]])
    return out


def _bridges(G) -> set[tuple]:
    """The ties whose loss would cut the network apart, as (actor, actor) pairs in G's order (igraph: what
    networkx's bridges of the simple undirected view give, in C; seconds at 10,000 actors otherwise)."""
    nodes = list(G)
    g = engine.simple_igraph(G)
    ends = g.get_edgelist()
    return {(nodes[ends[e][0]], nodes[ends[e][1]]) for e in g.bridges()}


class AfterEstimate:
    """Betweenness of G less some actors, estimated: G's exact value plus the change K sampled source actors see.

    Used when exact betweenness after each removal would exceed WHATIF_WORK. The simple undirected
    view of G is built once in igraph; a removal deletes the actors' ties there (an actor without ties
    carries no path, so the values are those of G less the actors). K source actors, drawn once
    (seeded), are searched from in G once and in each G less some actors (Brandes & Pich 2007: the
    paths from a uniform sample of sources, scaled by n / K); the change they see, added to G's exact
    value, estimates the value after the removal (the sampling error of the paths the removal leaves
    alone cancels). A change within twice its standard error counts as none (so noise moves no rank),
    as in graph.analysis.robustness; the standard error comes from the spread of the CHUNKS interleaved
    parts of the sample. The result is normalised for the actors left, as betweenness is.
    """

    def __init__(self, G, sample: int, full: dict):
        import random

        self.engine = engine
        S = simple_undirected(G)
        self.nodes = list(S)
        self.n = n = len(self.nodes)
        self.index = {v: i for i, v in enumerate(self.nodes)}
        self.graph = engine.to_igraph(S)
        self.sample = sample
        self.sources = sorted(random.Random(engine.SAMPLE_SEED).sample(range(n), sample))
        self.full = [full.get(v, 0.0) for v in self.nodes]
        self.base = self._parts(self.graph)
        self.errors: list[float] = []
        self.top_value = max(self.full, default=0.0)

    @classmethod
    def if_needed(cls, G, measure: str, directed: bool, removals: int, full: dict | None):
        """An estimator when exact betweenness after ``removals`` removals would exceed WHATIF_WORK, else None."""
        n, m = G.number_of_nodes(), G.number_of_edges()
        if measure != "betweenness" or directed or full is None or n < 3 or removals * n * (n + m) <= WHATIF_WORK:
            return None
        sample = max(MIN_SAMPLE, WHATIF_WORK // ((removals + 1) * (n + m)))
        return cls(G, sample, full) if sample < n else None

    def _parts(self, g):
        """Each part's estimate of every actor's raw betweenness (pairs' shares, unnormalised): scaled by n / its sources."""
        import numpy as np

        chunks, parts = self.engine.source_betweenness(g, self.sources)
        return np.array([np.asarray(p) * self.n / len(c) for c, p in zip(chunks, parts)])

    @staticmethod
    def _scale(n: int) -> float:
        return 1.0 if n <= 2 else 2 / ((n - 1) * (n - 2))  # as engine.betweenness normalises (undirected)

    def after(self, removed) -> dict:
        """Estimated betweenness of every actor left once ``removed`` are gone."""
        import numpy as np

        gone = {self.index[v] for v in removed if v in self.index}
        g = self.graph.copy()
        g.delete_edges(sorted({e for v in gone for e in g.incident(v)}))
        change = self._parts(g) - self.base
        mean = change.mean(axis=0)
        error = change.std(axis=0, ddof=1) / np.sqrt(len(change)) if len(change) > 1 else np.zeros_like(mean)
        mean[np.abs(mean) < 2 * error] = 0.0  # a change the sample cannot tell from noise counts as none
        left = self.n - len(gone)
        raw = np.asarray(self.full) / self._scale(self.n) + mean
        after = np.clip(raw, 0.0, None) * self._scale(left)
        order = np.argsort(-after)[:10]  # the standard error of the top actors after, normalised
        self.errors.append(float(error[order].max() * self._scale(left)) if len(order) else 0.0)
        return {v: float(after[i]) for i, v in enumerate(self.nodes) if i not in gone}

    def note(self) -> str:
        worst = max(self.errors, default=0.0)
        share = f" ({worst / self.top_value:.1%} of the first actor's value before)" if self.top_value > 0 else ""
        return (f"betweenness after the removal estimated, not exact ({self.n} actors: exact up to {WHATIF_WORK:.0e}"
                f" removals x actors x (actors + ties)): the exact value before plus the change seen from"
                f" {self.sample} sampled source actors (seed {self.engine.SAMPLE_SEED}), when over twice its"
                f" standard error; standard error for a top actor after: at most {worst:.2g}{share}; ranks closer"
                " than that may swap")
