"""Would a ranking hold if the weak evidence were wrong? Recompute it on stricter views of the evidence."""

from __future__ import annotations
import math
from graph.analysis.build import select
from graph.analysis.grades import corroborated, grade, grade_levels, meets, parse_grade, source_ids, tie_quality, weak
from graph.analysis.metrics import centrality, UndefinedMeasure
from graph.analysis.questions import spell
from graph.analysis.ranking import level as rank_level, rank_key, ranks
from graph.data.schema import status_of

__all__ = ["robustness", "evidence_shares", "tie_limit_for"]

TIE_WORK = 1_500_000  # single-tie removals each recompute the measure: test at most WORK / (actors + ties)
# Betweenness is exact in every view while views x actors x (actors + ties) stays within this (about
# 13-20 ns each of CPU: 15-25 s; at 10,000 actors and 30,000 ties a single view is 4e8). Above it,
# the views' betweenness is estimated from the same sample of source actors (see _Sampled).
EXACT_WORK = 1_200_000_000
MIN_SAMPLE = 100  # source actors: fewer would say little
# Each sampled source's own betweenness row is kept while sample x actors stays within this (8 bytes
# each: 200 MB), so that a view without one tie searches again only from the sources whose paths the
# tie is on (about 45-65 % of them on the benchmark's networks); above it, from every source.
ROWS_LIMIT = 25_000_000


def tie_limit_for(G) -> int:
    """How many single-tie removals to test by default: all on small networks, fewer on large ones."""
    return max(10, min(300, TIE_WORK // max(1, G.number_of_nodes() + G.number_of_edges())))


def _values(G, measure: str, directed: bool) -> dict:
    try:
        values, _ = centrality(G, [measure], directed=directed)
    except UndefinedMeasure:
        return {}
    return values.get(measure, {})


def _tau(full: dict, strict: dict, nodes) -> float | None:
    """Kendall's tau-b between two value maps over the same actors (None when undefined)."""

    from scipy.stats import kendalltau

    pairs = [(full.get(n), strict.get(n)) for n in nodes]
    pairs = [(a, b) for a, b in pairs if a is not None and b is not None and a == a and b == b]
    if len(pairs) < 2:
        return None
    tau = kendalltau([a for a, _ in pairs], [b for _, b in pairs]).statistic
    return None if tau is None or math.isnan(tau) else float(tau)


def _label(G, u: str, v: str, d: dict) -> str:
    return spell(G, u, v, d["relation"])


def robustness(G, measure: str = "betweenness", top: int = 10, directed: bool = False,
               tie_limit: int | None = None, full: dict | None = None) -> dict:
    """The ranking by ``measure`` on G and on stricter views of its evidence.

    Views: stated ties only; each minimum grade present in the data; and G without each
    single-source tie of the top actors (one at a time; weak ties first, at most
    ``tie_limit``, by default :func:`tie_limit_for`). For each view: how many ties it
    leaves out, Kendall's tau-b between the full and the strict values over all actors,
    and the top actors' ranks. For each top actor: the views that move it, its worst
    rank, the views without weak evidence (stricter views, or without one implied,
    planned, recommended or weakly graded tie) that push it out of the top, and its own
    weak ties.
    """

    sources = G.graph.get("sources") or {}
    full = _values(G, measure, directed) if full is None else full  # full: G's values, when already measured
    full_ranks = ranks(full, G)
    order = sorted(full_ranks, key=lambda n: rank_key(full[n], G.nodes[n].get("name", n), n))[:top]
    views, notes = [], []

    def add(name: str, kind: str, values, left_out: int) -> None:
        if isinstance(values, dict):
            r, tau = ranks(values, G), _tau(full, values, G)
        else:  # estimated: an array in G's order (see _Sampled)
            r, tau = sampled.ranks(values, order), sampled.tau(values)
        views.append({"view": name, "kind": kind, "left_out": left_out, "kendall_tau": tau,
                      "ranks": {n: r.get(n) for n in order}, "kept": sum(r.get(n) == full_ranks[n] for n in order)})

    seen: dict[frozenset, str] = {}
    stricter = [("stated only", {"confidence": "stated"}, lambda d: d.get("confidence") == "stated")]
    codes = {grade(d, sources) for _, _, d in G.edges(data=True)}
    for level in grade_levels(codes):
        minimum = parse_grade(level)
        stricter.append((f"grade {level} or better", {"min_grade": level},
                         lambda d, minimum=minimum: meets(grade(d, sources), minimum)))
    if codes == {""}:
        notes.append("no tie is graded (sources.csv and the sources and credibility columns): no grade views")
    edges = list(G.edges(keys=True, data=True))
    tested = []
    for name, options, keeps in stricter:
        kept = frozenset(i for i, (_, _, _, d) in enumerate(edges) if keeps(d))
        left = len(edges) - len(kept)
        if left == 0:
            notes.append(f"{name}: every tie qualifies, nothing to test")
        elif kept in seen:
            notes.append(f"{name}: the same ties as {seen[kept]}")
        else:
            seen[kept] = name
            tested.append((name, options, kept, left))

    position = {n: i for i, n in enumerate(order)}
    single = sorted(((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
                     if (u in position or v in position) and not corroborated(d)),
                    key=lambda e: (not tie_quality(e[3], sources), min(position.get(e[0], top), position.get(e[1], top))))
    limit = tie_limit_for(G) if tie_limit is None else tie_limit
    untested = max(0, len(single) - limit)  # a client says how to test more, in its own words
    if untested:
        notes.append(f"{len(single)} single-source ties among the top actors' ties: {limit} tested (weak ones and"
                     " those of the highest ranked first)")
        single = single[:limit]
    sampled = None
    if measure == "betweenness":
        sampled = _Sampled.if_needed(G, directed, len(tested) + len(single), full)
    if sampled is not None:
        index = {v: i for i, v in enumerate(G)}
        sampled.top = [index[v] for v in order]
    if sampled is not None:
        notes.append(sampled.note(len(tested), len(single)))
    for name, options, kept, left in tested:
        values = sampled.view(kept) if sampled else _values(select(G, statuses=None, **options), measure, directed)
        add(name, "evidence", values, left)
        if sampled:
            views[-1]["estimated"] = True
    number = {(u, v, k): i for i, (u, v, k, _) in enumerate(edges)}
    for u, v, k, d in single:
        if sampled:
            values = sampled.without(number[u, v, k])
        else:
            H = G.copy()
            H.remove_edge(u, v, k)
            values = _values(H, measure, directed)
        add(f"without {_label(G, u, v, d)}", "tie", values, 1)
        views[-1]["tie"] = {"source": u, "target": v, "relation": d["relation"], "quality": tie_quality(d, sources)}
        if sampled:
            views[-1]["estimated"] = True
    if sampled is not None and sampled.errors:
        notes.append(sampled.error_note(full[order[0]] if order else 0.0))

    actors = []
    for n in order:
        moved = [w["view"] for w in views if w["ranks"][n] != full_ranks[n]]
        own = []
        for a, b, d in list(G.out_edges(n, data=True)) + list(G.in_edges(n, data=True)):
            why = tie_quality(d, sources) + ([] if corroborated(d) else ["single source"])
            if why:
                own.append({"tie": _label(G, a, b, d), "why": why})
        ranked = [(w, w["ranks"][n] or len(G) + 1) for w in views]
        worst = max(ranked, key=lambda wr: wr[1], default=(None, full_ranks[n]))
        weak_drops = [w["view"] for w, r in ranked if r > len(order) and (w["kind"] == "evidence" or w["tie"]["quality"])]
        actors.append({"id": n, "name": G.nodes[n].get("name", n), "rank": full_ranks[n], "value": full[n],
                       "ranks": {w["view"]: w["ranks"][n] for w in views}, "moved_by": moved,
                       "worst_rank": worst[0]["ranks"][n] if worst[0] else full_ranks[n],
                       "worst_view": worst[0]["view"] if worst[0] and worst[1] != full_ranks[n] else None,
                       "stays_in_top": all(r <= len(order) for _, r in ranked),
                       "leaves_top_without_weak": weak_drops, "weak_ties": own})
    return {"measure": measure, "top": len(order), "actors": actors, "views": views, "notes": notes,
            "untested": untested}


class _Sampled:
    """Betweenness of views of G (G less some ties) estimated from one sample of source actors.

    Used when computing it exactly in every view would exceed EXACT_WORK. The simple view of G
    (one tie per actor pair, or arcs when directed) is built once in igraph; a view is that
    graph less the pairs that lose all their relations. K source actors, drawn once (seeded),
    give every view's estimate (Brandes & Pich 2007: the paths from a uniform sample of
    sources, scaled by n / K):
    - a stricter view of the evidence: that estimate itself;
    - G without one tie: G's exact value plus the change the K sources see (the same sources
      with and without the tie, so most of the sampling error cancels), where a change within
      twice its standard error counts as none (so noise moves no rank); a tie whose pair keeps
      another relation changes nothing, exactly. A source whose shortest paths do not use the
      tie (its ends at the same distance from it) sees no change: only the others are searched
      again, against their kept rows (see ROWS_LIMIT).
    The standard error of each estimate comes from the spread of the CHUNKS interleaved parts
    of the sample (batch means).
    """

    def __init__(self, G, directed: bool, sample: int, full: dict):
        import random

        from graph.analysis.build import kinds_of
        from graph.analysis import engine

        ig = engine.load_igraph()

        self.engine = engine
        self.nodes = list(G)
        n = self.n = len(self.nodes)
        index = {v: i for i, v in enumerate(self.nodes)}
        kinds = kinds_of(G)
        self.gives = []  # per relation: the simple view's ties it makes
        self.count: dict[tuple, int] = {}
        for u, v, rel in G.edges(data="relation"):
            a, b = index[u], index[v]
            pairs = ([(a, b)] + ([(b, a)] if not kinds[rel].directed and a != b else [])) if directed \
                else [(min(a, b), max(a, b))]
            self.gives.append(pairs)
            for p in pairs:
                self.count[p] = self.count.get(p, 0) + 1
        self.directed = directed
        self.pairs = list(self.count)
        self.graph = ig.Graph(n=n, edges=self.pairs, directed=directed)
        self.sample = sample
        self.sources = sorted(random.Random(engine.SAMPLE_SEED).sample(range(n), sample))
        scale = 0.0 if n <= 2 else (1 if directed else 2) / ((n - 1) * (n - 2))
        self.scale = scale
        self.full = [full.get(v, 0.0) for v in self.nodes]
        self.rows = None  # per part: one row per source, when kept
        if sample * n <= ROWS_LIMIT:
            import numpy as np

            self.chunks, self.rows = engine.source_rows(self.graph, self.sources)
            self.base = np.array([r.sum(axis=0) * scale * n / len(c) for c, r in zip(self.chunks, self.rows)])
        else:
            self.base = self._parts(self.graph)
        self.errors: list[float] = []  # the standard error of each top actor's estimate, per view
        self.top: list[int] = []

    @classmethod
    def if_needed(cls, G, directed: bool, views: int, full: dict):
        """An estimator when exact betweenness in ``views`` views would exceed EXACT_WORK, else None."""
        n, m = G.number_of_nodes(), G.number_of_edges()
        if views == 0 or views * n * (n + m) <= EXACT_WORK or n < 3:
            return None
        sample = max(MIN_SAMPLE, EXACT_WORK // ((views + 1) * (n + m)))
        return cls(G, directed, sample, full) if sample < n else None

    def _parts(self, g):
        import numpy as np

        chunks, parts = self.engine.source_betweenness(g, self.sources)
        # each part's estimate of every actor's value: scaled by n / (the part's sources)
        return np.array([np.asarray(p) * self.scale * self.n / len(c) for c, p in zip(chunks, parts)])

    def _gone(self, drop) -> set:
        """The simple ties whose relations are all in ``drop`` (relation numbers)."""
        lost: dict[tuple, int] = {}
        for i in drop:
            for p in self.gives[i]:
                lost[p] = lost.get(p, 0) + 1
        return {p for p, c in lost.items() if c == self.count[p]}

    def _less(self, gone):
        """The igraph view less the ``gone`` simple ties, or None when none goes."""
        if not gone:
            return None
        g = self.graph.copy()
        g.delete_edges([e for e, p in enumerate(self.pairs) if p in gone])
        return g

    def _on_paths(self, gone) -> set:
        """The sampled sources some of whose shortest paths use one of the ``gone`` ties: a tie a-b (arc
        a->b when directed) is on a shortest path from s exactly when d(s, b) = d(s, a) + 1 (or, undirected,
        the other way round)."""
        hit = set()
        for a, b in gone:
            # distances from each source to a and b (mode "in": along the arcs' direction, towards a and b)
            da, db = self.graph.distances(source=[a, b], target=self.sources, mode="in" if self.directed else "all")
            for s, x, y in zip(self.sources, da, db):
                if x != y and math.isfinite(x) and (y == x + 1 or (not self.directed and x == y + 1)):
                    hit.add(s)
        return hit

    def _change(self, gone):
        """Each part's estimated change without the ``gone`` ties: only the sources on their paths
        searched again, against their kept rows."""
        import numpy as np

        g = self._less(gone)
        hit = self._on_paths(gone)
        picks = [[k for k, s in enumerate(c) if s in hit] for c in self.chunks]
        after = self.engine.group_betweenness(g, [[c[k] for k in pick] for c, pick in zip(self.chunks, picks)])
        return np.array([(np.asarray(a) - r[pick].sum(axis=0)) * self.scale * self.n / len(c)
                         for c, r, pick, a in zip(self.chunks, self.rows, picks, after)])

    def _values(self, est):
        import numpy as np

        return np.asarray(est, dtype=float)

    def ranks(self, est, actors) -> dict:
        """Competition ranks of ``actors`` by the estimate: 1 + how many actors have more (as ranking.ranks)."""
        import numpy as np

        index = {v: i for i, v in enumerate(self.nodes)}
        est = np.array([rank_level(x) for x in est])  # equal to 12 digits: equal, as every rank compares
        return {a: 1 + int((est > est[index[a]]).sum()) for a in actors}

    def tau(self, est) -> float | None:
        from scipy.stats import kendalltau

        value = kendalltau(self.full, est).statistic
        return None if value is None or math.isnan(value) else float(value)

    def _record(self, parts) -> None:
        import numpy as np

        k = len(parts)
        if k > 1 and self.top:
            error = parts[:, self.top].std(axis=0, ddof=1) / np.sqrt(k)
            self.errors.append(float(error.max()))

    def view(self, kept) -> dict:
        """Estimated values on the view that keeps the relations numbered in ``kept``."""
        import numpy as np

        g = self._less(self._gone([i for i in range(len(self.gives)) if i not in kept]))
        if g is None:
            return self._values(self.full)
        parts = self._parts(g)
        self._record(parts)
        return self._values(np.clip(parts.mean(axis=0), 0.0, None))

    def without(self, relation: int) -> dict:
        """Estimated values without one relation: the exact value plus the change the sample sees."""
        import numpy as np

        gone = self._gone([relation])
        if not gone:  # the pair keeps another relation: nothing changes
            return self._values(self.full)
        change = self._change(gone) if self.rows is not None else self._parts(self._less(gone)) - self.base
        self._record(change)
        mean = change.mean(axis=0)
        error = change.std(axis=0, ddof=1) / np.sqrt(len(change)) if len(change) > 1 else np.zeros_like(mean)
        mean[np.abs(mean) < 2 * error] = 0.0  # a change the sample cannot tell from noise counts as none
        return self._values(np.clip(np.asarray(self.full) + mean, 0.0, None))

    def note(self, strict: int, ties: int) -> str:
        return (f"betweenness estimated, not exact, in the {strict + ties} views ({self.n} actors: exact up to"
                f" {EXACT_WORK:.1e} views x actors x (actors + ties)): from the paths of {self.sample} sampled"
                f" source actors (seed {self.engine.SAMPLE_SEED}); a view without one tie adds the change those"
                " sources see to the exact value, when it is over twice its standard error")

    def error_note(self, top_value: float) -> str:
        worst = max(self.errors)
        share = f" ({worst / top_value:.1%} of the first actor's value)" if top_value > 0 else ""
        return f"estimate's standard error for a top actor: at most {worst:.2g}{share}; ranks closer than that may swap"


def evidence_shares(G) -> dict:
    """How many of G's ties are implied, recommended, planned, single-source, weakly graded or ungraded."""

    sources = G.graph.get("sources") or {}
    edges = [d for _, _, d in G.edges(data=True)]
    counts = {
        "implied": sum(d.get("confidence") == "implied" for d in edges),
        "no confidence": sum(not d.get("confidence") for d in edges),
        "planned": sum(status_of(d) == "planned" for d in edges),
        "recommended": sum(status_of(d) == "recommended" for d in edges),
        "single source": sum(len(source_ids(d.get("sources", ""))) == 1 for d in edges),
        "no source": sum(not source_ids(d.get("sources", "")) for d in edges),
        "corroborated": sum(len(source_ids(d.get("sources", ""))) >= 2 for d in edges),
        "weakly graded": sum(weak(grade(d, sources)) for d in edges),
        "ungraded": sum(not grade(d, sources) for d in edges),
    }
    return {"ties": len(edges), "counts": counts}
