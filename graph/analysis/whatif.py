"""What-if removal: how the network and its centrality ranks change when actors leave."""

from __future__ import annotations

from graph.analysis.ranking import ranks
from graph.analysis.build import simple_undirected
from graph.analysis.grades import tie_quality
from graph.analysis.metrics import centrality
from graph.analysis.questions import spell

__all__ = ["impact", "ranks"]


def _components(G) -> list[set]:
    import networkx as nx


    return [set(c) for c in nx.connected_components(simple_undirected(G))]


def impact(G, removed: list[str], measure: str = "betweenness", directed: bool = False,
           sample: int = 10, measured: dict | None = None) -> dict:
    """Components before and after removing actors, who is cut off from whom, and rank changes.

    Each part cut off lists its actors, how many actors it is cut off from, and up to
    ``sample`` of those (from the largest remaining part): the result grows with the
    network, never with its square. A cut-off ``rests_on_weak_ties`` when every tie that
    joined the part to the removed actors is implied, not actual or weakly graded;
    ``held_by_weak_ties`` lists the weak ties that, after the removal, alone keep actors
    linked to the rest. ``measured``: G's values of ``measure``, when already measured (the same
    view and direction), so that they are not computed again.
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
    import networkx as nx


    out = []
    already = {frozenset(e) for e in nx.bridges(simple_undirected(G))}
    for a, b in nx.bridges(simple_undirected(H)):
        if frozenset((a, b)) in already:
            continue
        edges = [(u, v, d) for u, v in ((a, b), (b, a)) for d in (H.get_edge_data(u, v) or {}).values()]
        links = _weakness(H, edges)
        if links and all(w for _, w in links):
            out.append({"between": sorted((a, b), key=order.get), "ties": [{"tie": t, "weak": w} for t, w in links]})
    out.sort(key=lambda x: [order[n] for n in x["between"]])
    return out
