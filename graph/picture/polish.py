"""Polish a layout against what a reader notices: a seeded local search on the picture's faults.

The cost of a picture counts lines through other actors' dots, labels overlapping
labels or dots, lines through other actors' labels and through an actor's own label,
and lines crossing each other, against the stress of the layout (how far distances
on the page stray from distances in the network). Actors are moved one at a time,
their label taking its best place at each trial position; a move is kept when it
lowers the cost (or, early on, sometimes when it does not: simulated annealing).
"""

from __future__ import annotations

import math

import numpy as np

from graph.picture.labels import PLACES, PREFERENCE, offsets, segment_hits
from graph.picture.routing import SPREAD, via_point

__all__ = ["polish", "WEIGHTS", "POLISH_WORK", "REPOLISH_WORK"]

WEIGHTS = {"dot": 1000.0, "overlap": 400.0, "label": 40.0, "own": 12.0, "cross": 3.0, "stress": 30.0,
           "place": 1.0, "home": 100.0}
_K = len(PLACES)
MAX_MOVES = 2400
# Checks (curve piece against curve piece, box or actor) one polish may spend: its time bound
# (about 100 ns each). A move checks the moved actor's curve pieces against every piece, and a
# pair with k parallel relations is k curves of _PIECES pieces: without a budget, a complete
# graph of 25 actors with 2 relations per pair took minutes. Over budget: fewer moves and repairs.
POLISH_WORK = 30_000_000
REPOLISH_WORK = 10_000_000  # the same for a gentle polish after labels changed size (``moves`` given)


def _point_segment(points, A, B):
    """Distances (len(A), len(points)) from each point to each segment."""
    d = B - A
    length2 = (d ** 2).sum(axis=1) + 1e-12
    rel = points[None, :, :] - A[:, None, :]
    t = np.clip((rel * d[:, None, :]).sum(axis=2) / length2[:, None], 0.0, 1.0)
    near = A[:, None, :] + t[..., None] * d[:, None, :]
    diff = points[None, :, :] - near
    return np.hypot(diff[..., 0], diff[..., 1])


def _crossings(A, B, C, D):
    """(len(A), len(C)) booleans: segment A-B properly crosses segment C-D."""
    def orient(p, q, r):
        return np.sign((q[..., 0] - p[..., 0]) * (r[..., 1] - p[..., 1]) - (q[..., 1] - p[..., 1]) * (r[..., 0] - p[..., 0]))

    A, B, C, D = A[:, None, :], B[:, None, :], C[None, :, :], D[None, :, :]
    return (orient(A, B, C) * orient(A, B, D) < 0) & (orient(C, D, A) * orient(C, D, B) < 0)


def _overlaps(box, others):
    """Whether one box (4,) or boxes (k, 4) overlap each of others (m, 4): (k, m)."""
    box = np.atleast_2d(box)
    return ((box[:, None, 0] < others[None, :, 2]) & (others[None, :, 0] < box[:, None, 2])
            & (box[:, None, 1] < others[None, :, 3]) & (others[None, :, 1] < box[:, None, 3]))


def _curves(A, B, counts):
    """Sub-segments approximating the drawn lines of actor pairs: (starts, ends, pair index).

    A pair with k relations is drawn as k curves spread around the straight line (as
    graph.picture.routing draws them); each curve is cut into ``_PIECES`` straight pieces.
    """

    starts, stops, owner = [], [], []
    t = np.linspace(0.0, 1.0, _PIECES + 1)[:, None]
    for q, (a, b, k) in enumerate(zip(A, B, counts)):
        if k == 1:
            starts.append(a[None, :])
            stops.append(b[None, :])
            owner.append(np.full(1, q))
            continue
        for s in range(k):
            bend = (s - (k - 1) / 2) * SPREAD
            c = np.asarray(via_point(a, b, bend)) if bend else (a + b) / 2
            pts = (1 - t) ** 2 * a + 2 * t * (1 - t) * c + t ** 2 * b
            starts.append(pts[:-1])
            stops.append(pts[1:])
            owner.append(np.full(_PIECES, q))
    if not starts:
        return np.zeros((0, 2)), np.zeros((0, 2)), np.zeros(0, dtype=int)
    return np.concatenate(starts), np.concatenate(stops), np.concatenate(owner)


_PIECES = 4


class _Picture:
    def __init__(self, P, R, W, H, place, pairs, counts, ideal, weight):
        self.P, self.R, self.W, self.H = P, R, W, H
        self.place = place
        self.pairs = pairs
        self.counts = counts
        n = len(P)
        self.n = n
        self.incident = [np.flatnonzero((pairs[:, 0] == i) | (pairs[:, 1] == i)) for i in range(n)]
        self.labels = offsets(R, W, H, place) + np.concatenate([P, P], axis=1)
        self.SA, self.SB, self.owner = _curves(P[pairs[:, 0]], P[pairs[:, 1]], counts)
        self.ideal = ideal  # (n, n) wanted distances; inf where unrelated
        self.weight = weight  # (n, n) how much each wanted distance counts
        finite = np.isfinite(ideal) & (ideal > 0)
        self.unit = float(np.min(ideal[finite], initial=np.inf)) if finite.any() else 60.0  # shortest wanted tie
        if not np.isfinite(self.unit):
            self.unit = 60.0
        per_pair = np.where(counts == 1, 1, counts * _PIECES)
        self.incident_pieces = np.array([per_pair[x].sum() for x in self.incident], dtype=float)
        self.spent = 0.0  # checks made so far (see POLISH_WORK)
        self.home = P.copy()  # where each actor started: moving far from it costs (a stable map)

    def work(self, i=None) -> float:
        """Checks one ``local`` call makes for actor i (None: on average): i's curve pieces against
        every piece (crossings) and every actor (dots, labels), the other pieces against i's label."""
        inc = self.incident_pieces.mean() if i is None else self.incident_pieces[i]
        return float(inc * (len(self.SA) + 2 * self.n + 8) + 9 * len(self.SA) + 10 * self.n)

    def _incident_curves(self, i, p):
        inc = self.incident[i]
        A = np.where((self.pairs[inc, 0] == i)[:, None], p, self.P[self.pairs[inc, 0]])
        B = np.where((self.pairs[inc, 1] == i)[:, None], p, self.P[self.pairs[inc, 1]])
        SA, SB, own = _curves(A, B, self.counts[inc])
        return SA, SB, inc[own]

    def local(self, i, p):
        """Cost of the terms that involve actor i at position p, for each of its label places."""
        w = WEIGHTS
        P, R = self.P, self.R
        self.spent += self.work(i)
        others = np.ones(self.n, dtype=bool)
        others[i] = False
        cost = np.full(_K, w["home"] * float(((p - self.home[i]) ** 2).sum()) / self.unit ** 2)
        mine = offsets(np.full(_K, R[i]), np.full(_K, self.W[i]), np.full(_K, self.H[i]), np.arange(_K)) \
            + np.tile(p, 2)
        rest = ~np.isin(self.owner, self.incident[i])
        A_rest, B_rest, owner_rest = self.SA[rest], self.SB[rest], self.owner[rest]
        A, B, owner = self._incident_curves(i, p)
        if len(A):
            ends = np.where(self.pairs[owner, 0] == i, self.pairs[owner, 1], self.pairs[owner, 0])
            rows = np.arange(len(A))
            blocked = _point_segment(P, A, B) < (R + 3.0)[None, :]  # (s, n)
            blocked[:, i] = False
            blocked[rows, ends] = False
            cost += w["dot"] * blocked.sum()
            hits = segment_hits(A, B, self.labels, pad=1.0)  # (s, n)
            hits[:, i] = False
            own = hits[rows, ends].sum()
            hits[rows, ends] = False
            cost += w["label"] * hits.sum() + w["own"] * own
            cost += w["own"] * segment_hits(A, B, mine, pad=1.0).sum(axis=0)  # lines through i's own label
            if len(A_rest):
                e0, e1 = self.pairs[owner_rest, 0], self.pairs[owner_rest, 1]
                share = (e0[None, :] == ends[:, None]) | (e1[None, :] == ends[:, None])
                cost += w["cross"] * (_crossings(A, B, A_rest, B_rest) & ~share).sum()
        if len(A_rest):
            near = _point_segment(p[None, :], A_rest, B_rest)[:, 0] < R[i] + 3.0
            cost += w["dot"] * near.sum()
            cost += w["label"] * segment_hits(A_rest, B_rest, mine, pad=1.0).sum(axis=0)
        dots = np.stack([P[:, 0] - R, P[:, 1] - R, P[:, 0] + R, P[:, 1] + R], axis=1)
        cost += w["overlap"] * (_overlaps(mine, self.labels[others]).sum(axis=1)
                                + _overlaps(mine, dots[others]).sum(axis=1))
        my_dot = np.array([p[0] - R[i], p[1] - R[i], p[0] + R[i], p[1] + R[i]])
        cost += w["overlap"] * _overlaps(my_dot, self.labels[others]).sum()
        gap = np.hypot(*(P - p).T)
        crowd = others & (gap < R + R[i] + 8.0)  # dots keep a little apart
        cost += w["overlap"] * crowd.sum()
        ideal = self.ideal[i]
        finite = np.isfinite(ideal) & others
        cost += w["stress"] * (self.weight[i, finite] * ((gap[finite] - ideal[finite]) / ideal[finite]) ** 2).sum()
        return cost + w["place"] * PREFERENCE

    def troubled(self) -> list[int]:
        """Actors on a line's way (dot or label) and the ends of those lines, most troubled first."""
        ends0, ends1 = self.pairs[self.owner, 0], self.pairs[self.owner, 1]
        hits = segment_hits(self.SA, self.SB, self.labels, pad=1.0)
        near = _point_segment(self.P, self.SA, self.SB) < (self.R + 3.0)[None, :]
        rows = np.arange(len(self.SA))
        for ends in (ends0, ends1):
            hits[rows, ends] = False
            near[rows, ends] = False
        bad = hits | near
        score = np.zeros(self.n)
        np.add.at(score, np.nonzero(bad)[1], 1.0)
        lines = bad.any(axis=1)
        np.add.at(score, ends0[lines], 0.5)
        np.add.at(score, ends1[lines], 0.5)
        return [int(i) for i in np.argsort(-score, kind="stable") if score[i] > 0]

    def move(self, i, p, k):
        self.P[i] = p
        self.place[i] = k
        self.labels[i] = offsets(self.R[i:i + 1], self.W[i:i + 1], self.H[i:i + 1], np.array([k]))[0] + np.tile(p, 2)
        keep = ~np.isin(self.owner, self.incident[i])
        A, B, owner = self._incident_curves(i, p)
        self.SA = np.concatenate([self.SA[keep], A])
        self.SB = np.concatenate([self.SB[keep], B])
        self.owner = np.concatenate([self.owner[keep], owner])


def _ideal(n, pairs, length):
    """Wanted distances and their weights: graph distance (in ties of their wanted length) up to 3 ties,
    weighted 1 / ties**2 as in Kamada-Kawai's stress; beyond, unrelated (inf, weight 0)."""
    import scipy.sparse as sp
    from scipy.sparse.csgraph import dijkstra

    if not len(pairs):
        return np.full((n, n), np.inf), np.zeros((n, n))
    G = sp.coo_matrix((length, (pairs[:, 0], pairs[:, 1])), shape=(n, n)).tocsr()
    D = dijkstra(G, directed=False)
    hops = dijkstra(sp.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n)).tocsr(),
                    directed=False, unweighted=True, limit=3)
    D[~np.isfinite(hops)] = np.inf
    np.fill_diagonal(D, np.inf)
    with np.errstate(divide="ignore"):
        weight = np.where(np.isfinite(D), 1.0 / np.maximum(hops, 1) ** 2, 0.0)
    return D, weight


def polish(P, R, W, H, place, pairs, counts, length, seed: int = 7, moves: int | None = None,
           temperature0: float = 6.0, movable=None):
    """Better positions and label places: returns (P, place). ``counts``: relations per pair.

    ``moves`` defaults to 40 per actor, at most MAX_MOVES; ``temperature0`` is the
    starting temperature of the annealing (0: only improvements). ``movable``: the actors that may
    move (None: all); the others keep their positions, their labels may still change side.
    The moves are sweeps over the actors in G's order, each actor drawing its trials from its own
    stream (seed, its index): an actor more, or a tie less, leaves every other actor's trials as
    they were, so the search changes only where the picture does (a stable map).
    """
    n = len(P)
    if n < 3:
        return P, place
    pic = _Picture(P.copy(), R, W, H, place.copy(), pairs, np.asarray(counts, dtype=int), *_ideal(n, pairs, length))
    step0 = pic.unit * 0.6
    total = moves if moves is not None else min(40 * n, MAX_MOVES)
    limit = POLISH_WORK if moves is None else REPOLISH_WORK
    total = budget(pic, total, limit)
    actors = np.arange(n) if movable is None else np.flatnonzero(movable)
    sweeps = total // len(actors) if len(actors) else 0
    draws = [np.random.default_rng([seed, int(i)]).random((sweeps, 3)) for i in actors] if sweeps else []
    for s in range(sweeps):  # sweeps may be 0 (see budget)
        frac = s / sweeps
        step = step0 * (1 - frac) + pic.unit * 0.04
        temperature = temperature0 * (1 - frac) ** 2
        for j, i in enumerate(actors):
            i = int(i)
            u1, u2, chance = draws[j][s]
            current = pic.local(i, pic.P[i])
            now = float(current[pic.place[i]])
            radius = step * math.sqrt(-2.0 * math.log(1.0 - u1))  # a normal step (Box-Muller)
            trial = pic.P[i] + radius * np.array([math.cos(2 * math.pi * u2), math.sin(2 * math.pi * u2)])
            costs = pic.local(i, trial)
            k = int(np.argmin(costs))
            best_here = int(np.argmin(current))
            if current[best_here] < now - 1e-9 and current[best_here] <= costs[k]:
                pic.move(i, pic.P[i].copy(), best_here)  # same place, better label side
                continue
            delta = float(costs[k]) - now
            if delta < 0 or (temperature > 1e-6 and chance < math.exp(-delta / temperature)):
                pic.move(i, trial, k)
    _repair(pic, limit=limit, movable=movable)
    return pic.P, pic.place


def budget(pic, moves: int, work: float | None = None) -> int:
    """How many of ``moves`` fit in two thirds of ``work`` (POLISH_WORK) checks; repairs get the rest."""
    work = POLISH_WORK if work is None else work
    return min(moves, int(work * 2 / 3 / (2 * pic.work())))


def _repair(pic, rounds: int = 4, most: int = 40, limit: float = POLISH_WORK, movable=None) -> None:
    """Try a ring of positions around each actor still in a line's way (or at the end of such a line)."""
    angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
    ring = np.concatenate([np.stack([np.cos(angles), np.sin(angles)], axis=1) * r for r in (0.15, 0.35, 0.6)])
    for _ in range(rounds):
        todo = [i for i in pic.troubled() if movable is None or movable[i]][:most]
        if not todo:
            return
        for i in todo:
            if pic.spent + (len(ring) + 1) * pic.work(i) > limit:
                return  # out of budget (see POLISH_WORK)
            here = pic.local(i, pic.P[i])
            best = (float(here.min()), pic.P[i].copy(), int(here.argmin()))
            for offset in ring * pic.unit:
                trial = pic.P[i] + offset
                costs = pic.local(i, trial)
                k = int(costs.argmin())
                if costs[k] < best[0] - 1e-9:
                    best = (float(costs[k]), trial, k)
            pic.move(i, best[1], best[2])
