"""Structural balance of the signed network: triangles, the frustration index, camps, enemy-of-my-enemy pairs.

Signs come from kinds.csv's polarity: a pair of actors with a cooperative tie is +1, with a
hostile tie -1 (hostility wins when it has both); neutral ties count in neither.

* Balance ratio: the share of triangles whose sign product is positive (Cartwright & Harary 1956).
* Frustration index (line index of balance): the fewest ties whose removal or sign change makes
  the network balanced, i.e. split into two camps, cooperative inside and hostile across
  (Harary 1959; Aref & Wilson 2018, "Measuring partial balance in signed networks", J. Complex
  Networks 6(4)). Exact by branch and bound over two-way partitions of each component up to
  EXACT_LIMIT actors; above it, the best of seeded local searches, an upper bound ("at most").
* Camps: Doreian & Mrvar's (1996, "A partitioning approach to structural balance", Social
  Networks 18) signed blockmodel for k camps, minimising the ties that break the pattern
  (hostile inside a camp, cooperative across) with equal weights, by their relocation
  procedure from seeded random starts; the fewest camps reaching the lowest count is kept.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from itertools import combinations

from graph.analysis.signs import signed_pairs

__all__ = ["Balance", "balance", "triangles", "frustration", "camps", "enemy_pairs", "EXACT_LIMIT", "MAX_CAMPS"]

EXACT_LIMIT = 22  # actors in one component searched exactly for the frustration index
MAX_CAMPS = 6
STARTS = 60  # seeded random starts of the relocation search
SEED = 24


@dataclass
class Balance:
    """The balance of a signed network, as facts (graph.output.signed says them in words)."""

    actors: list[str]  # actors with a signed tie, sorted
    positive: int
    negative: int
    triangles: int
    balanced_triangles: int
    frustration: int
    frustration_exact: bool
    camps: list[list[str]]  # each camp's actors; the largest first
    camp_errors: int
    breaking: list[tuple[str, str, int]]  # (a, b, sign) ties against the camps' pattern
    enemy_pairs: list[tuple[str, str, list[str]]] = field(default_factory=list)  # (a, b, common adversaries)

    @property
    def ratio(self) -> float | None:
        return self.balanced_triangles / self.triangles if self.triangles else None

    def camp_of(self) -> dict[str, int]:
        return {a: i for i, members in enumerate(self.camps, 1) for a in members}


def balance(G) -> Balance:
    """The balance of G's signed ties (G: a MultiDiGraph of the data set, every tie kept)."""
    signs = signed_pairs(G)
    actors = sorted({a for pair in signs for a in pair})
    total, balanced = triangles(signs)
    value, exact = frustration(signs)
    parts, errors = camps(signs)
    camp_of = {a: i for i, members in enumerate(parts) for a in members}
    breaking = sorted((a, b, s) for (a, b), s in signs.items() if (camp_of[a] == camp_of[b]) != (s > 0))
    return Balance(actors, sum(s > 0 for s in signs.values()), sum(s < 0 for s in signs.values()), total, balanced,
                   value, exact, parts, errors, breaking, enemy_pairs(G, signs))


def _neighbours(signs) -> dict[str, dict[str, int]]:
    nbrs: dict[str, dict[str, int]] = {}
    for (a, b), s in signs.items():
        nbrs.setdefault(a, {})[b] = s
        nbrs.setdefault(b, {})[a] = s
    return nbrs


def triangles(signs) -> tuple[int, int]:
    """(triangles, balanced triangles): three actors tied pairwise, balanced when the sign product is positive.

    >>> triangles({("a", "b"): 1, ("a", "c"): -1, ("b", "c"): -1})
    (1, 1)
    """
    nbrs = _neighbours(signs)
    total = balanced = 0
    for a in sorted(nbrs):
        for b, c in combinations(sorted(n for n in nbrs[a] if n > a), 2):
            if c in nbrs[b]:
                total += 1
                balanced += nbrs[a][b] * nbrs[a][c] * nbrs[b][c] > 0
    return total, balanced


def _components(nbrs) -> list[list[str]]:
    seen, out = set(), []
    for start in sorted(nbrs):
        if start in seen:
            continue
        order, stack = [], [start]
        seen.add(start)
        while stack:  # depth first, so that each actor after the first has an assigned neighbour
            n = stack.pop()
            order.append(n)
            for m in sorted(nbrs[n], reverse=True):
                if m not in seen:
                    seen.add(m)
                    stack.append(m)
        out.append(order)
    return out


def _errors(signs, camp: dict) -> int:
    return sum((camp[a] == camp[b]) != (s > 0) for (a, b), s in signs.items())


def frustration(signs) -> tuple[int, bool]:
    """(frustration index, exact?): the fewest ties against any split into two camps.

    >>> frustration({("a", "b"): -1, ("a", "c"): -1, ("b", "c"): -1})
    (1, True)
    """
    nbrs = _neighbours(signs)
    total, exact = 0, True
    for order in _components(nbrs):
        members = set(order)
        sub = {p: s for p, s in signs.items() if p[0] in members}
        best = _relocate(sub, order, 2)[1]
        if len(order) <= EXACT_LIMIT:
            best = _branch_and_bound(order, nbrs, best)
        else:
            exact = False
        total += best
    return total, exact


def _branch_and_bound(order, nbrs, bound: int) -> int:
    """The exact minimum over two-way splits of one component (the first actor fixed in camp 0)."""
    index = {n: i for i, n in enumerate(order)}
    earlier = [[(index[m], s) for m, s in nbrs[n].items() if index[m] < i] for i, n in enumerate(order)]
    side = [0] * len(order)
    best = bound

    def search(i: int, cost: int) -> None:
        nonlocal best
        if cost >= best:
            return
        if i == len(order):
            best = cost
            return
        for choice in (0, 1):
            side[i] = choice
            extra = sum((side[j] == choice) != (s > 0) for j, s in earlier[i])
            search(i + 1, cost + extra)

    side[0] = 0
    search(1, 0)
    return best


def _relocate(signs, actors: list[str], k: int, starts: int = STARTS) -> tuple[dict, int]:
    """Doreian & Mrvar's relocation: from seeded random k-partitions, move one actor at a time while it helps."""
    nbrs = _neighbours(signs)
    rng = random.Random(SEED + k)
    best_camp, best = None, None
    for _ in range(starts):
        camp = {a: rng.randrange(k) for a in actors}
        improved = True
        while improved:
            improved = False
            for a in actors:
                cost = [sum((c == camp[m]) != (s > 0) for m, s in nbrs.get(a, {}).items()) for c in range(k)]
                target = min(range(k), key=lambda c: (cost[c], c != camp[a]))
                if cost[target] < cost[camp[a]]:
                    camp[a] = target
                    improved = True
        errors = _errors(signs, camp)
        if best is None or errors < best:
            best_camp, best = dict(camp), errors
    return best_camp, best


def camps(signs, max_camps: int = MAX_CAMPS) -> tuple[list[list[str]], int]:
    """The camps of the fewest number reaching the lowest count of ties against the pattern, and that count."""
    actors = sorted({a for pair in signs for a in pair})
    if not actors:
        return [], 0
    best = None
    for k in range(1, min(max_camps, len(actors)) + 1):
        camp, errors = _relocate(signs, actors, k)
        if best is None or errors < best[1]:
            best = (camp, errors)
    camp, errors = best
    groups: dict[int, list[str]] = {}
    for a in actors:
        groups.setdefault(camp[a], []).append(a)
    return sorted(groups.values(), key=lambda g: (-len(g), g)), errors


def enemy_pairs(G, signs=None) -> list[tuple[str, str, list[str]]]:
    """Pairs with a common adversary and no tie of any kind between them, most common adversaries first."""
    signs = signed_pairs(G) if signs is None else signs
    enemies: dict[str, set] = {}
    for (a, b), s in signs.items():
        if s < 0:
            enemies.setdefault(a, set()).add(b)
            enemies.setdefault(b, set()).add(a)
    tied = {(u, v) if u < v else (v, u) for u, v in G.edges()}
    out = []
    for a, b in combinations(sorted(enemies), 2):
        common = sorted(enemies[a] & enemies[b])
        if common and (a, b) not in tied:
            out.append((a, b, common))
    return sorted(out, key=lambda t: (-len(t[2]), t[0], t[1]))
