"""Would a ranking hold if the weak evidence were wrong? Recompute it on stricter views of the evidence."""

from __future__ import annotations
import math
from graph.analysis.build import select
from graph.analysis.grades import corroborated, grade, grade_levels, source_ids, tie_quality, weak
from graph.analysis.metrics import centrality, UndefinedMeasure
from graph.analysis.questions import spell
from graph.analysis.ranking import rank_key, ranks
from graph.data.schema import status_of

__all__ = ["robustness", "evidence_shares", "tie_limit_for"]

TIE_WORK = 1_500_000  # single-tie removals each recompute the measure: test at most WORK / (actors + ties)


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
               tie_limit: int | None = None) -> dict:
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
    full = _values(G, measure, directed)
    full_ranks = ranks(full, G)
    order = sorted(full_ranks, key=lambda n: rank_key(full[n], G.nodes[n].get("name", n), n))[:top]
    views, notes = [], []

    def add(name: str, kind: str, H, left_out: int) -> None:
        values = _values(H, measure, directed)
        r = ranks(values, H)
        views.append({"view": name, "kind": kind, "left_out": left_out, "kendall_tau": _tau(full, values, G),
                      "ranks": {n: r.get(n) for n in order}, "kept": sum(r.get(n) == full_ranks[n] for n in order)})

    seen: dict[frozenset, str] = {}

    def strict(name: str, H) -> None:
        kept = frozenset(H.edges(keys=True))
        left = G.number_of_edges() - len(kept)
        if left == 0:
            notes.append(f"{name}: every tie qualifies, nothing to test")
        elif kept in seen:
            notes.append(f"{name}: the same ties as {seen[kept]}")
        else:
            seen[kept] = name
            add(name, "evidence", H, left)

    strict("stated only", select(G, statuses=None, confidence="stated"))
    codes = {grade(d, sources) for _, _, d in G.edges(data=True)}
    for level in grade_levels(codes):
        strict(f"grade {level} or better", select(G, statuses=None, min_grade=level))
    if codes == {""}:
        notes.append("no tie is graded (sources.csv and the sources and credibility columns): no grade views")

    position = {n: i for i, n in enumerate(order)}
    single = sorted(((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)
                     if (u in position or v in position) and not corroborated(d)),
                    key=lambda e: (not tie_quality(e[3], sources), min(position.get(e[0], top), position.get(e[1], top))))
    limit = tie_limit_for(G) if tie_limit is None else tie_limit
    if len(single) > limit:
        notes.append(f"{len(single)} single-source ties among the top actors' ties: {limit} tested (weak ones and"
                     " those of the highest ranked first; --max-ties N to test more)")
        single = single[:limit]
    for u, v, k, d in single:
        H = G.copy()
        H.remove_edge(u, v, k)
        add(f"without {_label(G, u, v, d)}", "tie", H, 1)
        views[-1]["tie"] = {"source": u, "target": v, "relation": d["relation"], "quality": tie_quality(d, sources)}

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
    return {"measure": measure, "top": len(order), "actors": actors, "views": views, "notes": notes}


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
