"""The overview of a large map: actors in groups, each group laid out on its own, the groups packed.

Above ``OVERVIEW_ABOVE`` actors the page opens on one dot per group (a community, an actor
type or the value of a column), sized by its members, with the ties between groups weighted
by how many relations they hold. A group opens in place: its members are drawn inside the
circle its dot stood for, at positions computed here once, so a group shows the same picture
every time it is opened. The same graph, groups and seed give the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from graph.analysis.engine import load_igraph, map_in_workers, PARALLEL_FROM, seeded

__all__ = ["OVERVIEW_ABOVE", "MAX_GROUPS", "OPEN_LIMIT", "OTHER", "Groups", "group", "member_positions", "circles", "communities"]

OVERVIEW_ABOVE = 500  # actors: above this, the page opens on the overview
MAX_GROUPS = 120  # group dots at most: the smallest groups beyond are drawn as one ("other groups")
OPEN_LIMIT = 1500  # actors an opened group draws at most (its most important ones; the rest on search)
KK_UP_TO = 150  # members: a group up to this size gets a stress layout, a larger one a force layout
FR_ROUNDS = 300
SPACING = 45.0  # a group's circle has a radius of SPACING * sqrt(members) px: about 80 px between members
GAP = 120.0  # px between two groups' circles
MIN_MEMBERS = 3  # groups smaller than this are drawn together, as one ("other groups")
OTHER = "other groups"


@dataclass
class Groups:
    """Actors in groups: ``keys`` largest first, ``members`` of each by importance, ``ties`` between them.

    ``ties`` holds (i, j, relations) with i < j, indices into ``keys``, sorted.
    """

    keys: list[str]
    members: list[list[str]]
    ties: list[tuple[int, int, int]]
    merged: int = 0  # groups drawn together as the last one ("other groups"), 0 if none

    def index(self) -> dict[str, int]:
        """Each actor -> its group's index."""
        return {v: i for i, ms in enumerate(self.members) for v in ms}


def group(G, of: dict, sizes: dict, statuses=("actual",), max_groups: int = MAX_GROUPS) -> Groups:
    """The groups of G's actors (``of``: actor -> group key), largest first (then by key).

    Members are ordered by ``sizes`` (the importance that sizes their dots), then by G's order;
    ties between two groups count the relations of ``statuses`` between their members (None:
    every status). Groups of fewer than MIN_MEMBERS actors (unconnected actors are communities of
    their own), and beyond ``max_groups`` the smallest groups, are drawn as one, keyed "other groups".

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("a", "d"), ("e", "a"), ("f", "c")])
    >>> g = group(G, {"a": "x", "b": "x", "e": "x", "c": "y", "d": "y", "f": "y"},
    ...           {"a": 1, "b": 2, "c": 0, "d": 0, "e": 0, "f": 0})
    >>> g.keys, g.members, g.ties
    (['x', 'y'], [['b', 'a', 'e'], ['c', 'd', 'f']], [(0, 1, 2)])
    >>> group(G, {"a": "x", "b": "x", "e": "x", "c": "y", "d": "y", "f": "z"}, {}).keys  # y and z: too small
    ['x', 'other groups']
    """
    from graph.data.schema import status_of

    order = {v: i for i, v in enumerate(G)}
    by_key: dict[str, list[str]] = {}
    for v in G:
        by_key.setdefault(str(of.get(v, "")), []).append(v)
    keys = sorted(by_key, key=lambda k: (-len(by_key[k]), k))
    merged = 0
    kept = [k for k in keys[:max_groups - 1] if len(by_key[k]) >= MIN_MEMBERS]
    if len(keys) - len(kept) > 1:
        rest = keys[len(kept):]
        merged = len(rest)
        other = sorted((v for k in rest for v in by_key[k]), key=order.get)
        keys = kept + [OTHER]
        by_key = {**{k: by_key[k] for k in kept}, OTHER: other}

    def weight(v):
        s = sizes.get(v)
        return float(s) if s is not None and s == s else 0.0

    members = [sorted(by_key[k], key=lambda v: (-weight(v), order[v])) for k in keys]
    where = {v: i for i, ms in enumerate(members) for v in ms}
    counts: dict[tuple[int, int], int] = {}
    for u, v, d in G.edges(data=True):
        i, j = where[u], where[v]
        if i != j and (statuses is None or status_of(d) in statuses):
            key = (min(i, j), max(i, j))
            counts[key] = counts.get(key, 0) + 1
    return Groups(keys, members, sorted((i, j, n) for (i, j), n in counts.items()), merged)


def member_positions(G, groups: Groups, seed: int = 7) -> np.ndarray:
    """Positions (n, 2) in G's order: each group laid out with its own ties, the groups packed as circles.

    Small groups get a stress layout (Kamada-Kawai), larger ones Fruchterman-Reingold (igraph,
    seeded); each fills a circle whose area is in proportion to its members. Groups with many
    ties between them sit closer. Deterministic: no randomness but igraph's, seeded per group.
    """
    index = {v: i for i, v in enumerate(G)}
    where = groups.index()
    local = {v: k for ms in groups.members for k, v in enumerate(ms)}
    inner: list[set[tuple[int, int]]] = [set() for _ in groups.keys]
    for u, v in G.edges():
        if u != v and where[u] == where[v]:
            a, b = local[u], local[v]
            inner[where[u]].add((min(a, b), max(a, b)))
    # a circle whose area is in proportion to the members, filled: every group as dense as another
    radii = np.array([max(SPACING * math.sqrt(len(ms)), SPACING) for ms in groups.members])
    # each group from a seed of its own (its first member's place in the data): a group's layout depends on
    # its own members and ties only, and the groups can be laid out in worker processes
    jobs = [(len(ms), sorted(inner[g]), seed * 1_000_003 + min(index[v] for v in ms))
            for g, ms in enumerate(groups.members)]
    coords = []
    for g, C in enumerate(map_in_workers(_group_layout, jobs, worth=len(index) >= PARALLEL_FROM)):
        C = C - (C.min(axis=0) + C.max(axis=0)) / 2
        far = float(np.hypot(C[:, 0], C[:, 1]).max())
        coords.append(C * ((radii[g] - SPACING / 2) / far) if far > 0 else C)
    centres = _pack(radii, groups.ties)
    P = np.zeros((len(index), 2))
    for g, ms in enumerate(groups.members):
        P[[index[v] for v in ms]] = coords[g] + centres[g]
    return np.round(P, 1)


def _group_layout(job) -> np.ndarray:
    """One group's layout: (members, its ties as local index pairs, its seed) -> (members, 2)."""
    n, edges, seed = job
    if n == 1:
        return np.zeros((1, 2))
    graph = load_igraph().Graph(n=n, edges=edges)
    with seeded(seed):  # igraph draws from Python's random module
        if n <= KK_UP_TO:
            return np.array(graph.layout_kamada_kawai(maxiter=50 * n).coords)
        return np.array(graph.layout_fruchterman_reingold(niter=FR_ROUNDS, grid="auto").coords)


def communities(G) -> dict[str, str]:
    """Each actor of G -> 'community i' (1 the largest): the communities of ``actorgraph communities``
    (graph.analysis.questions.communities: igraph's Louvain at the sizes that get an overview)."""
    from graph.analysis.questions import communities as found

    return {v: f"community {k}" for k, members in enumerate(found(G), 1) for v in members}


def _pack(radii: np.ndarray, ties, rounds: int = 300) -> np.ndarray:
    """Circle centres: groups on a sunflower spiral (largest in the middle), pulled together by their
    ties, then pushed apart until no two circles come closer than GAP."""
    k = len(radii)
    if k == 1:
        return np.zeros((1, 2))
    golden = math.pi * (3 - math.sqrt(5))
    area = np.cumsum((2 * radii + GAP) ** 2)
    dist = np.sqrt(np.concatenate([[0.0], area[:-1]]) / math.pi)
    angle = golden * np.arange(k)
    P = np.stack([dist * np.cos(angle), dist * np.sin(angle)], axis=1)
    T = np.array([(i, j, n) for i, j, n in ties], dtype=float).reshape(-1, 3)
    strength = 0.05 * np.log1p(T[:, 2]) / max(math.log1p(float(T[:, 2].max())), 1.0) if len(T) else np.zeros(0)
    I, J = T[:, 0].astype(int), T[:, 1].astype(int)
    mass = radii ** 2
    for r in range(rounds + 500):
        move = np.zeros_like(P)
        if r < rounds and len(T):  # ties pull towards touching
            d = P[J] - P[I]
            length = np.maximum(np.hypot(d[:, 0], d[:, 1]), 1e-9)
            want = radii[I] + radii[J] + GAP
            f = (strength * np.maximum(length - want, 0.0) / length)[:, None] * d
            np.add.at(move, I, f * (mass[J] / (mass[I] + mass[J]))[:, None])
            np.add.at(move, J, -f * (mass[I] / (mass[I] + mass[J]))[:, None])
        d = P[None, :, :] - P[:, None, :]  # d[i, j] = P[j] - P[i]
        length = np.hypot(d[..., 0], d[..., 1])
        need = radii[:, None] + radii[None, :] + GAP - length
        np.fill_diagonal(need, -1.0)
        hit = need > 0
        if not hit.any() and r >= rounds:
            break
        # coincident centres part along a fixed direction per pair, so the result is the same every time
        ux = np.where(length > 1e-9, d[..., 0] / np.maximum(length, 1e-9), np.cos(np.arange(k)[None, :] * 1.0))
        uy = np.where(length > 1e-9, d[..., 1] / np.maximum(length, 1e-9), np.sin(np.arange(k)[None, :] * 1.0))
        share = mass[None, :] / (mass[:, None] + mass[None, :])  # the lighter circle moves more
        push = np.where(hit, need * share * 0.5, 0.0)
        move[:, 0] -= (push * ux).sum(axis=1)
        move[:, 1] -= (push * uy).sum(axis=1)
        P = P + move
    return P - (P.min(axis=0) + P.max(axis=0)) / 2 + 0.0


def circles(P, ids: list[str], groups: Groups, radius) -> list[tuple[float, float, float]]:
    """Each group's circle (x, y, r) around its members as finally placed (the layout may have moved
    them a little after :func:`member_positions`): centre midway across their extent, radius to the farthest."""
    index = {v: i for i, v in enumerate(ids)}
    R = np.asarray(radius, dtype=float)
    out = []
    for ms in groups.members:
        idx = np.array([index[v] for v in ms], dtype=int)
        Q = np.asarray(P, dtype=float)[idx]
        c = (Q.min(axis=0) + Q.max(axis=0)) / 2
        r = float((np.hypot(Q[:, 0] - c[0], Q[:, 1] - c[1]) + R[idx]).max())
        out.append((round(float(c[0]), 1), round(float(c[1]), 1), round(max(r, 20.0), 1)))
    return out
