"""Ranking actors by a measure: one order and one rank rule for every command.

Highest value first, missing values last, ties broken by name then id; ranks are
competition ranks (1, 2, 2, 4) and an undefined value gets no rank. Values equal to 12
significant digits are equal: the same share computed along two paths (95/3168 in Zachary's
karate club) can differ in its last bit, and must not split a tie.
"""

from __future__ import annotations

from graph.analysis.metrics import centrality

__all__ = ["level", "rank_key", "ranked", "ranks", "competition_ranks", "ties", "rank_moves"]


def level(value: float) -> float:
    """The value a rank compares: rounded to 12 significant digits (floating-point noise is no difference).

    >>> level(0.02998737373737374) == level(0.029987373737373736)
    True
    """
    return float(f"{value:.12g}")


def rank_key(value, name: str, actor_id: str):
    """Sort key: highest value first, missing values last, ties by name then id.

    >>> sorted([(0.5, "B", "b"), (None, "A", "a"), (0.9, "C", "c")], key=lambda t: rank_key(*t))
    [(0.9, 'C', 'c'), (0.5, 'B', 'b'), (None, 'A', 'a')]
    """
    missing = value is None or value != value
    return (missing, -level(value or 0) if not missing else 0, name.lower(), actor_id)


def ranked(values: dict, G) -> list[str]:
    """The actors of ``values`` in rank order (names from G's ``name`` attribute)."""
    return sorted(values, key=lambda n: rank_key(values[n], G.nodes[n].get("name", n), n))


def competition_ranks(rows: list[dict], key: str) -> None:
    """Add 'rank' to rows already sorted by ``key``, highest first: 1, 2, 2, 4; no rank without a value.

    >>> rows = [{"v": 3}, {"v": 2}, {"v": 2}, {"v": 1}, {"v": None}]
    >>> competition_ranks(rows, "v"); [r["rank"] for r in rows]
    [1, 2, 2, 4, None]
    """
    previous, rank = object(), 0
    for i, row in enumerate(rows, 1):
        v = row.get(key)
        if v is None or v != v:
            row["rank"] = None
            continue
        v = level(v)
        if v != previous:
            rank, previous = i, v
        row["rank"] = rank


def ranks(values: dict, G) -> dict[str, int]:
    """Competition ranks (1, 2, 2, 4) by actor, highest value first; undefined values get no rank."""
    rows = [{"id": n, "v": values[n]} for n in ranked(values, G)]
    competition_ranks(rows, "v")
    return {r["id"]: r["rank"] for r in rows if r["rank"] is not None}


def ties(G, node) -> int:
    """Number of other actors tied to this one, whatever the kind and direction."""
    return len((set(G.successors(node)) | set(G.predecessors(node))) - {node})


def rank_moves(G_old, G_new, measure: str, top: int, renamed: dict | None = None,
               notes: list | None = None) -> list[dict]:
    """Rank and value of the actors in either version's top ``top``, before and after (renames followed).

    ``notes``: a list that gets the measure's notes (e.g. estimated values on a very large network)."""
    renamed = renamed or {}
    vo, said = centrality(G_old, [measure])
    vo = vo.get(measure, {})
    same = list(G_old) == list(G_new) and list(G_old.edges(data="relation")) == list(G_new.edges(data="relation"))
    if same:  # the same network: measured once
        vn = dict(vo)
    else:
        vn, more = centrality(G_new, [measure])
        vn, said = vn.get(measure, {}), said + more
    if notes is not None:
        notes += dict.fromkeys(said)
    ro, rn = ranks(vo, G_old), ranks(vn, G_new)
    vo = {renamed.get(n, n): v for n, v in vo.items()}
    ro = {renamed.get(n, n): r for n, r in ro.items()}
    chosen = {n for n, r in rn.items() if r <= top} | {n for n, r in ro.items() if r <= top}
    rows = []
    for n in chosen:
        back = next((a for a, b in renamed.items() if b == n), n)
        name = (G_new.nodes[n] if n in G_new else G_old.nodes[back]).get("name", n)
        rows.append({"id": n, "name": name, "rank_before": ro.get(n), "before": vo.get(n),
                     "rank_after": rn.get(n), "after": vn.get(n),
                     "rank_change": None if n not in ro or n not in rn else ro[n] - rn[n]})
    rows.sort(key=lambda r: (r["rank_after"] is None, r["rank_after"] or 0, r["rank_before"] or 0, r["id"]))
    return rows
