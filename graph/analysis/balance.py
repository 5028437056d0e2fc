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
# Steps one relocation search (one number of camps) may spend: its time bound. A start costs about
# its ties plus ten sweeps over the actors, each weighing every camp; over the budget a large
# network gets fewer starts (at least one): 60 starts at 10,000 actors took minutes.
RELOCATE_WORK = 1_000_000
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
    parts = _components(nbrs)
    part_of = {a: i for i, order in enumerate(parts) for a in order}
    by_part: list[dict] = [{} for _ in parts]
    for p, s in signs.items():
        by_part[part_of[p[0]]][p] = s
    for order in parts:
        sub = by_part[part_of[order[0]]]
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


def starts_for(actors: int, ties: int, k: int) -> int:
    """Seeded starts of a relocation search for k camps within RELOCATE_WORK (STARTS on small networks)."""
    return max(1, min(STARTS, RELOCATE_WORK // max(1, 2 * ties + 10 * actors * k)))


def _relocate(signs, actors: list[str], k: int, starts: int | None = None) -> tuple[dict, int]:
    """Doreian & Mrvar's relocation: from seeded random k-partitions, move one actor at a time while it helps.

    Each actor keeps, per camp, how many of its cooperative and hostile neighbours are in it,
    updated as actors move, so weighing a move costs the number of camps, not the actor's ties
    (the same moves as summing over the neighbours each time). ``starts``: default
    :func:`starts_for`.
    """
    nbrs = _neighbours(signs)
    starts = starts_for(len(actors), len(signs), k) if starts is None else starts
    rng = random.Random(SEED + k)
    best_camp, best = None, None
    index = {a: i for i, a in enumerate(actors)}
    around = [[(index[m], s > 0) for m, s in nbrs.get(a, {}).items() if m in index] for a in actors]
    friends = [sum(1 for _, plus in row if plus) for row in around]
    for _ in range(starts):
        camp_of = {a: rng.randrange(k) for a in actors}
        camp = [camp_of[a] for a in actors]
        plus = [[0] * k for _ in actors]  # plus[i][c]: i's cooperative neighbours in camp c
        minus = [[0] * k for _ in actors]
        for i, row in enumerate(around):
            for j, is_plus in row:
                (plus if is_plus else minus)[i][camp[j]] += 1
        improved = True
        while improved:
            improved = False
            for i in range(len(actors)):
                # a tie breaks the pattern when cooperative across camps or hostile inside one
                p_i, m_i, f_i = plus[i], minus[i], friends[i]
                cost = [f_i - p_i[c] + m_i[c] for c in range(k)]
                here = camp[i]
                target = min(range(k), key=lambda c: (cost[c], c != here))
                if cost[target] < cost[here]:
                    camp[i] = target
                    for j, is_plus in around[i]:
                        counts = (plus if is_plus else minus)[j]
                        counts[here] -= 1
                        counts[target] += 1
                    improved = True
        camp_of = dict(zip(actors, camp))
        errors = _errors(signs, camp_of)
        if best is None or errors < best:
            best_camp, best = camp_of, errors
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
    common: dict[tuple, list] = {}  # from each adversary's enemies, pair by pair: no scan of every pair
    for c in sorted(enemies):
        for a, b in combinations(sorted(enemies[c]), 2):
            if (a, b) not in tied:
                common.setdefault((a, b), []).append(c)
    out = [(a, b, cs) for (a, b), cs in common.items()]
    return sorted(out, key=lambda t: (-len(t[2]), t[0], t[1]))
