"""Hostile ties counted apart: how many actors each actor fights, and how many fight it."""

from __future__ import annotations

from graph.data.schema import kinds_of

__all__ = ["HOSTILE_MEASURES", "hostile_counts", "signed_pairs"]

HOSTILE_MEASURES = ("hostile_degree", "in_hostile")


def hostile_counts(G) -> dict[str, dict[str, int]]:
    """``{"hostile_degree": {actor: n}, "in_hostile": {actor: n}}`` from G's hostile ties.

    hostile_degree: the other actors an actor fights, attacks, opposes (its hostile ties going out;
    a symmetric hostile kind counts both ways); in_hostile: the other actors hostile to it.
    Every actor of G is counted, 0 when it has no hostile tie.
    """
    kinds = kinds_of(G)
    out: dict[str, set] = {n: set() for n in G}
    into: dict[str, set] = {n: set() for n in G}
    for u, v, kind in G.edges(data="relation"):
        k = kinds[kind]
        if k.polarity != "hostile" or u == v:
            continue
        out[u].add(v)
        into[v].add(u)
        if not k.directed:
            out[v].add(u)
            into[u].add(v)
    return {"hostile_degree": {n: len(s) for n, s in out.items()}, "in_hostile": {n: len(s) for n, s in into.items()}}


def signed_pairs(G) -> dict[tuple[str, str], int]:
    """Each pair of actors with a cooperative or hostile tie -> +1 or -1 (a pair with both: -1, hostility wins).

    Neutral ties and self-ties are left out; pairs are (a, b) with a < b, whatever the direction.
    """
    kinds = kinds_of(G)
    signs: dict[tuple[str, str], int] = {}
    for u, v, kind in G.edges(data="relation"):
        polarity = kinds[kind].polarity
        if u == v or polarity == "neutral":
            continue
        pair = (u, v) if u < v else (v, u)
        sign = -1 if polarity == "hostile" else 1
        signs[pair] = min(signs.get(pair, sign), sign)
    return signs
