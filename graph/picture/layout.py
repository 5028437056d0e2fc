"""Seeded positions that leave room for every label and keep lines off other actors.

1. Each connected part gets a stress layout (the data's circle drawn into the plane of classical
   scaling of its network distances, then stress majorization; pivot scaling and Fruchterman-Reingold for parts over STRESS_LIMIT),
   ``part_of`` ties shorter so hierarchies sit together, turned to an orientation the data
   fixes (long axis horizontal, the file's actors round it in order: never mirrored by a small
   edit), the largest part first and the others in a grid under it.
2. Up to ``REFINE_LIMIT`` actors (and ``REFINE_WORK``), a force simulation then works on the real label boxes:
   ties pull, a weak pull (ANCHOR) keeps each actor near its stress-layout place, overlapping actor-and-label boxes push apart, and an actor lying on
   another pair's line, or whose label a line crosses, steps aside. Labels move round
   their dots (below, right, above, left) as it goes.
3. Finally overlaps are removed exactly: no two labels or dots overlap.
Actors given ``fixed`` positions stay exactly there; the others start from the stress
layout fitted onto them and are pulled by their ties (steps 2 and 3 move only them).
The same graph and seed give the same picture.
"""

from __future__ import annotations

import math

import numpy as np

from graph.analysis.engine import load_igraph, seeded
from graph.picture.labels import boxes, place_labels

__all__ = ["layout", "refine_rounds", "REFINE_LIMIT", "REFINE_WORK", "OVERLAP_LIMIT"]

REFINE_LIMIT = 400  # actors: above this, no force refinement (the page still draws at once)
# Work one force refinement may spend: its time bound, in checks of about a microsecond. A round
# pushes every actor off every pair's line (actor pairs x actors, on most rounds) and compares
# every two actors' boxes (about a quarter of a check each); a complete graph of 63 actors took
# 8 s. Over the budget: fewer rounds, and below REFINE_ROUNDS none (the stress layout stays).
REFINE_WORK = 2_500_000
REFINE_ROUNDS = 40
OVERLAP_LIMIT = 5000  # actors: above this, labels of minor actors may overlap until zoomed in
STRESS_LIMIT = 1000  # actors in one connected part: up to this, stress majorization; beyond, Fruchterman-Reingold
SMOOTH_LIMIT = 400  # actors in one connected part: up to this, the stress layout starts from the smoother stress's
# Fruchterman-Reingold rounds x actors for a part beyond STRESS_LIMIT (500 rounds up to 2,000 actors,
# down to 100): it starts from pivot scaling, already the map's shape, and 500 rounds of 10,000 actors took 13 s
FR_WORK = 1_000_000
PIVOTS = 50  # beyond STRESS_LIMIT, the start is scaled from the distances to this many actors
ASPECT = 1.5  # width / height of the picture we aim for (a laptop's graph pane)
ANCHOR = 0.15  # share of the way back to its stress-layout position an actor is pulled each refinement step (a stable map)
# Weight of the pull of a layout's long axis to the horizontal against its fit (2) to the data's circle
# (_orient), by whether the mirror image is chosen too. A layout started from the circle is turned as
# the circle already: at 8 the 35-actor network's added actor moved 7.8 % (4.6 % at 4), at 2 the
# bundled map came out more upright (labels 11.8 px at 1366 x 768, 12.1 at 4; docs/stability.md).
LONG_PULL = {False: 4.0, True: 8.0}
TIE = 30.0  # px of line between two actors' boxes (more in large maps: fewer lines through dots)


def layout(G, R, W, H, seed: int = 7, order=None, start=None, fixed=None):
    """Positions (n, 2) in G's node order and each label's place index (see graph.picture.labels.PLACES).

    ``R``: dot radius, ``W``/``H``: label box per node (px). ``order``: node indices by
    importance, whose labels choose their place first. ``start``: positions to improve
    (after labels changed size) instead of a new layout. ``fixed``: (n, 2) positions, NaN where an
    actor is free; the others keep theirs exactly.
    """
    nodes = list(G)
    n = len(nodes)
    R, W, H = (np.asarray(a, dtype=float) for a in (R, W, H))
    place = np.zeros(n, dtype=int)
    if not n:
        return np.zeros((0, 2)), place
    index = {v: i for i, v in enumerate(nodes)}
    short: dict[tuple, bool] = {}
    bundle: dict[tuple, int] = {}
    for u, v, k in G.edges(data="relation"):
        if u != v:
            key = (min(index[u], index[v]), max(index[u], index[v]))
            short[key] = short.get(key, True) and k == "part_of"
            bundle[key] = bundle.get(key, 0) + 1
    pairs = np.array(sorted(short), dtype=int).reshape(-1, 2)
    is_short = np.array([short[tuple(p)] for p in pairs], dtype=bool)
    many = np.array([bundle[tuple(p)] for p in pairs], dtype=float)
    foot = np.maximum(2 * R, W) * 0.5 + (H + 2 * R) * 0.5  # a node's typical half-extent with its label
    tie = TIE * (1 + 1.3 * min(max((n - 40) / 110, 0.0), 1.0))
    length = 0.55 * (foot[pairs[:, 0]] + foot[pairs[:, 1]]) + tie if len(pairs) else np.zeros(0)
    # hierarchies sit closer; parallel relations, drawn as a fan of curves, get room
    length = length * np.where(is_short, 0.85, 1.0) * (1 + 0.2 * (many - 1))
    pinned = None
    if fixed is not None:
        fixed = np.asarray(fixed, dtype=float).reshape(n, 2)
        pinned = np.isfinite(fixed).all(axis=1)
        if pinned.all():  # nothing to place: only the labels choose their side
            P = fixed.copy()
            labelled = [i for i in (order if order is not None else range(n)) if W[i] > 0]
            return P, place_labels(P, R, W, H, place, _segments(P, pairs), order=labelled)
        if not pinned.any():
            pinned = None
    if start is None:
        with seeded(seed):  # igraph draws from Python's random module
            P = _initial(n, pairs, length)
        if pinned is not None:
            P = _around(P, fixed, pinned, pairs)
    else:
        P = np.array(start, dtype=float)
    if pinned is not None:
        P[pinned] = fixed[pinned]
    rounds = refine_rounds(n, len(pairs), again=start is not None)
    fine = rounds > 0
    if fine:
        P, place = _refine(P, pairs, length, R, W, H, place, order, iterations=rounds, pinned=pinned)
        from graph.picture.polish import polish

        free = None if pinned is None else ~pinned
        if start is None:
            P, place = polish(P, R, W, H, place, pairs, many.astype(int), length, seed=seed, movable=free)
        else:  # labels grew: settle the picture again, gently
            P, place = polish(P, R, W, H, place, pairs, many.astype(int), length, seed=seed,
                              moves=min(10 * n, 800), temperature0=0.5, movable=free)
    if n <= OVERLAP_LIMIT:
        if not fine:
            labelled = [i for i in (order if order is not None else range(n)) if W[i] > 0]
            place = place_labels(P, R, W, H, place, _segments(P, pairs), order=labelled)
            if pinned is None:
                _spread(P, R, W, H, place)
        _separate(P, R, W, H, place, rounds=2000 if fine else 400, labelled_only=not fine, pinned=pinned)
    if pinned is not None:
        P[pinned] = fixed[pinned]  # exactly, to the bit
    return P, place


def refine_rounds(n: int, pairs: int, again: bool = False) -> int:
    """Rounds of force refinement for n actors and ``pairs`` related actor pairs within REFINE_WORK
    (0: none). ``again``: improving a layout whose labels changed size (fewer rounds)."""
    if n > REFINE_LIMIT:
        return 0
    rounds = (320 if n <= 60 else 160) if not again else 80
    pushed = 0.8 if n <= 60 else 0.4  # the share of rounds that push actors off lines (see _refine)
    per_round = pushed * pairs * n + 0.25 * n * n
    rounds = min(rounds, int(REFINE_WORK / per_round)) if per_round else rounds
    return rounds if rounds >= REFINE_ROUNDS else 0


def _around(P, fixed, pinned, pairs) -> np.ndarray:
    """The stress layout P turned, scaled and moved onto the pinned actors (least squares), the free
    actors then drawn towards their tied neighbours (each to the mean of its neighbours, a few times)."""
    A, B = P[pinned], fixed[pinned]
    if len(A) >= 2:
        a0, b0 = A.mean(axis=0), B.mean(axis=0)
        U, S, Vt = np.linalg.svd((A - a0).T @ (B - b0))
        rot = U @ Vt  # may mirror: the pins may come from a mirrored layout
        spread = float(((A - a0) ** 2).sum())
        scale = float(S.sum() / spread) if spread > 1e-9 else 1.0
        P = (P - a0) @ rot * scale + b0
    else:
        P = P - A.mean(axis=0) + B.mean(axis=0)
    P = P.copy()
    P[pinned] = fixed[pinned]
    n = len(P)
    neighbours: list[list[int]] = [[] for _ in range(n)]
    for a, b in pairs:
        neighbours[int(a)].append(int(b))
        neighbours[int(b)].append(int(a))
    free = [i for i in range(n) if not pinned[i] and neighbours[i]]
    for _ in range(30):
        for i in free:
            P[i] = 0.5 * P[i] + 0.5 * P[neighbours[i]].mean(axis=0)
    return P


# ---- 1. initial stress layout per connected part, packed ---------------------------------------

def _components(n: int, pairs) -> list[list[int]]:
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[find(a)] = find(b)
    parts: dict[int, list[int]] = {}
    for i in range(n):
        parts.setdefault(find(i), []).append(i)
    return sorted(parts.values(), key=lambda p: (-len(p), p[0]))


def _initial(n: int, pairs, length) -> np.ndarray:
    lengths = {(int(a), int(b)): float(l) for (a, b), l in zip(pairs, length)}
    parts = _components(n, pairs)
    where = [0] * n
    for k, part in enumerate(parts):
        for i in part:
            where[i] = k
    inside: list[dict] = [{} for _ in parts]  # each part's ties, in the same order as in `lengths`
    for (a, b), l in lengths.items():
        inside[where[a]][(a, b)] = l
    P = _pack([(part, _place(part, inside[k])) for k, part in enumerate(parts)], n)
    return P - P[parts[0]].mean(axis=0)  # the largest part's centre at the origin, however far its edges reach


def _place(part: list[int], lengths: dict) -> np.ndarray:
    """Positions of one connected part in px (ties about their length), centred, long axis horizontal.

    ``lengths`` holds the part's own ties (pairs of actor indices -> length). The stress layout
    starts from the network distances (:func:`_scaling`), not from random positions, so a small
    change of the data gives a small change of the start, and of the picture; it is then turned
    to a canonical orientation (:func:`_orient`), so it never comes out mirrored or rotated.
    """
    if len(part) == 1:
        return np.zeros((1, 2))
    ig = load_igraph()

    local = {node: i for i, node in enumerate(part)}
    edges = [(local[a], local[b]) for a, b in lengths if a in local]
    weights = [lengths[(part[a], part[b])] for a, b in edges]
    start, D, handed = _scaling(len(part), edges, weights)
    if len(part) <= STRESS_LIMIT:
        if len(part) <= SMOOTH_LIMIT:  # the smoother stress first: its minimum depends less on one tie
            start = _majorize(start, D, power=0)
        coords = _majorize(start, D)
    else:
        g = ig.Graph(n=len(part), edges=edges)
        coords = np.array(g.layout_fruchterman_reingold(seed=start.tolist(), weights=[1 / w for w in weights],
                                                        niter=min(500, max(100, FR_WORK // len(part)))).coords)
    spans = np.array([math.dist(coords[a], coords[b]) / w for (a, b), w in zip(edges, weights)])
    typical = float(np.median(spans)) or 1.0
    coords = (coords - coords.mean(axis=0)) / typical
    return _orient(coords, mirror=not handed)


def _scaling(n: int, edges, weights) -> tuple:
    """A start from the shortest-path distances alone: (start, distances, handed).

    Up to STRESS_LIMIT actors, the data's circle (:func:`_ring`) drawn into the plane that classical
    scaling's largest axes span (:func:`_ring_scaling`): a continuous function of the distances, and
    turned and handed as the circle is (``handed`` True), so one tie more moves it a little. Beyond,
    or where that plane is flat, classical (Torgerson) scaling itself, pivot scaling above
    STRESS_LIMIT (distances None): its first axis, the longest, horizontal, each axis pointing the
    way the actors far along it lie (the third moment positive); its mirror image is then left to
    :func:`_orient`.
    """
    import scipy.sparse as sp
    from scipy.sparse.csgraph import dijkstra

    rows, cols = zip(*edges)
    A = sp.coo_matrix((weights, (rows, cols)), shape=(n, n)).tocsr()
    if n > STRESS_LIMIT:  # pivot scaling (Brandes and Pich 2006): distances from PIVOTS actors only
        pivots = [0]  # the first actor in the data's order, then each time the farthest from those chosen
        near = dijkstra(A, directed=False, indices=[0])[0]
        rows_d = [near]
        while len(pivots) < min(PIVOTS, n):
            far = int(np.argmax(near))
            pivots.append(far)
            rows_d.append(dijkstra(A, directed=False, indices=[far])[0])
            near = np.minimum(near, rows_d[-1])
        C = _double_centred(np.array(rows_d).T)
        U, S, _ = np.linalg.svd(C, full_matrices=False)
        X = U[:, :2] * np.sqrt(S[:2] * n / C.shape[1])
        D = None
    else:
        D = dijkstra(A, directed=False)
        D = np.minimum(D, D.T)
        B = _double_centred(D)
        X = _ring_scaling(B)
        if X is not None:
            return X - X.mean(axis=0), D, True
        if n > 50:
            from scipy.sparse.linalg import eigsh

            values, vectors = eigsh(B, k=2, which="LA", v0=np.linspace(1.0, 2.0, n))  # v0: the same every run
            order = np.argsort(values)
            values, vectors = values[order], vectors[:, order]
        else:
            values, vectors = np.linalg.eigh(B)
        X = vectors[:, -2:][:, ::-1] * np.sqrt(np.maximum(values[-2:][::-1], 0.0))
    if np.ptp(X[:, 1]) < 1e-6 * (np.ptp(X[:, 0]) + 1.0):  # a path: spread the second axis a little
        X[:, 1] = np.linspace(-1.0, 1.0, n) * 1e-3 * (np.ptp(X[:, 0]) + 1.0)
    X = X - X.mean(axis=0)  # in the ties' lengths, as the stress layout wants its start
    if (X[:, 0] ** 3).sum() < 0:
        X[:, 0] = -X[:, 0]
    if (X[:, 1] ** 3 + X[:, 0] ** 2 * X[:, 1]).sum() < 0:
        X[:, 1] = -X[:, 1]
    return X, D, False


def _double_centred(D) -> np.ndarray:
    """-1/2 of the squared distances D, centred by rows and by columns: classical scaling's matrix."""
    D2 = np.asarray(D, dtype=float) ** 2
    return -0.5 * (D2 - D2.mean(axis=0) - D2.mean(axis=1)[:, None] + D2.mean())


RING_STEPS = 3  # products with the scaling matrix: more leans towards its two largest axes alone (which flip
# when the second and third are about as large), fewer towards the circle (measured over 51 small edits)


def _ring(n: int) -> np.ndarray:
    """The data's circle: the first actor at the left, the others in order round it (unit radius, complex)."""
    return -np.exp(-2j * np.pi * np.linspace(0.0, 1.0, n, endpoint=False))


def _ring_scaling(B) -> np.ndarray | None:
    """The circle of the data's order, drawn into the plane of the largest axes of B (the doubly
    centred squared distances), scaled as classical scaling scales: None where that plane is flat.

    Subspace iteration from the circle, RING_STEPS products with B, each step orthonormalized
    symmetrically (X (X'X)^-1/2, no choice of sign or order), then X (X'BX)^1/2 for the axes'
    lengths. Every step is continuous in B: where classical scaling's second and third axes are
    about as long, it blends them rather than jumping from one to the other, and the start keeps
    the circle's turn and handedness.
    """
    z = _ring(len(B))
    X = np.column_stack([z.real, z.imag])
    X = X - X.mean(axis=0)
    for _ in range(RING_STEPS):
        X = B @ X
        values, vectors = np.linalg.eigh(X.T @ X)
        if values[0] <= 1e-9 * values[1]:
            return None
        X = X @ (vectors / np.sqrt(values)) @ vectors.T
    values, vectors = np.linalg.eigh(X.T @ B @ X)
    return X @ (vectors * np.sqrt(np.maximum(values, 0.0))) @ vectors.T


def _majorize(X, D, iterations: int | None = None, tolerance: float = 1e-5, power: int = 2) -> np.ndarray:
    """Stress majorization (Gansner, Koren and North 2004) from X: Kamada and Kawai's stress, distances
    weighted 1 / d**power (2: Kamada and Kawai's; 0: every distance alike, a smoother stress with
    fewer minima), lowered step by step to the nearest minimum (deterministic, no jumps)."""
    n = len(X)
    if iterations is None:  # each step costs n**2: large parts get fewer (the start is good already)
        iterations = 300 if n <= 200 else max(60, int(300 * (200 / n)))
    with np.errstate(divide="ignore"):
        W = np.where(D > 0, 1.0 / D ** power, 0.0)
    L = -W
    L[np.diag_indices(n)] = W.sum(axis=1)
    solve = _solver(L + 1.0 / n)  # L is singular only along the constant vector: fixed by adding it
    WD = W * D
    constant = float((WD * D).sum())
    previous = np.inf
    Q = np.zeros_like(W)
    every = 4  # steps between two checks of the stress (each check costs as much as half a step)
    for step in range(iterations):
        gap = np.subtract.outer(X[:, 0], X[:, 0])
        dy = np.subtract.outer(X[:, 1], X[:, 1])
        gap *= gap
        dy *= dy
        gap += dy
        np.sqrt(gap, out=gap)
        near = gap <= 1e-9
        np.divide(WD, gap, out=Q, where=~near)
        Q[near] = 0.0
        moved = solve(Q.sum(axis=1)[:, None] * X - _product(Q, X))
        if step % every == every - 1:
            gap *= gap
            stress = float((W * gap).sum()) - 2.0 * float((Q * gap).sum()) + constant
            if previous - stress < tolerance * every * previous:
                X = moved
                break
            previous = stress
        X = moved
    return X - X.mean(axis=0)


# Actors in a part from which the stress layout's linear algebra avoids BLAS and LAPACK: OpenBLAS's threaded
# Cholesky factorization and matrix products round differently with the number of threads (from about 128
# rows), so the same data gave another 150-actor map on one core than on two. Below, LAPACK (single-threaded
# at that size), whose bits the smaller maps were drawn with.
OWN_ALGEBRA = 64


def _product(A, X) -> np.ndarray:
    """A @ X, in numpy's own loops above OWN_ALGEBRA rows: the same bits whatever the number of BLAS threads."""
    return np.einsum("ij,jk->ik", A, X) if len(A) > OWN_ALGEBRA else A @ X


def _solver(A):
    """x -> A^-1 x for a symmetric positive definite A (Cholesky). Above OWN_ALGEBRA rows by numpy's own
    loops: the factor L, then its inverse Y (A^-1 = Y^T Y), each x two products."""
    n = len(A)
    if n <= OWN_ALGEBRA:
        from scipy.linalg import cho_factor, cho_solve

        factor = cho_factor(A)
        return lambda x: cho_solve(factor, x)
    L = np.zeros_like(A)
    for j in range(n):
        v = A[j:, j] - np.einsum("ik,k->i", L[j:, :j], L[j, :j])
        L[j, j] = math.sqrt(v[0])
        L[j + 1:, j] = v[1:] / L[j, j]
    Y = np.zeros_like(A)  # L^-1, lower triangular: row i from the rows above it
    for i in range(n):
        row = -np.einsum("k,kj->j", L[i, :i], Y[:i, :])
        row[i] += 1.0
        Y[i, :] = row / L[i, i]
    Yt = np.ascontiguousarray(Y.T)
    return lambda x: np.einsum("ij,jk->ik", Yt, np.einsum("ij,jk->ik", Y, x))


def _orient(coords, mirror: bool = True) -> np.ndarray:
    """coords (in the data's order) turned, and perhaps mirrored, to an orientation that the data fixes.

    The data's order (actors.csv) puts each actor on a circle, the first at the left and the
    others in order round it (:func:`_ring`); the layout is turned to fit that circle best, plus
    a pull of its long axis to the horizontal as far as the layout is long (a smooth score: a
    small change of the layout turns it a little, never half round). ``mirror``: it may also be
    taken in its mirror image, chosen by that same score (for a start that did not come from the
    circle; a layout started from the circle keeps its handedness, which no score can flip). Every
    actor counts, so one actor more or one tie less changes little; ids play no part, so renaming
    an actor moves nothing.
    """
    z = coords[:, 0] + 1j * coords[:, 1]
    z = z - z.mean()
    scale = float(np.sqrt((np.abs(z) ** 2).mean())) or 1.0
    u = z / scale
    ring = _ring(len(u))
    theta = np.linspace(0, 2 * np.pi, 1440, endpoint=False)
    best = None
    long = LONG_PULL[mirror]
    for image in (u, np.conj(u)) if mirror else (u,):
        fit = (np.conj(ring) * image).mean()
        m2 = (image ** 2).mean()
        # the long axis counts as much as the layout is long: a round one is turned by the circle alone
        score = long * abs(m2) ** 2 * (np.exp(-2j * theta) * m2).real + 2.0 * (np.exp(-1j * theta) * fit).real
        k = int(np.argmax(score))
        if best is None or score[k] > best[0] + 1e-12:
            best = (float(score[k]), image * np.exp(-1j * theta[k]))
    turned = best[1]
    return np.column_stack([turned.real, turned.imag]) * scale


def _pack(placed, n: int) -> np.ndarray:
    """The largest part first, its actors' mean at the origin, the others under it in a grid by their
    order (largest first).

    The grid has as many columns as suits ASPECT for their number, each column as wide as its
    widest part: one actor more in a part, or one tie less, shifts its neighbours in the grid a
    little, never to another row.
    """
    pad = 60.0
    rects = []
    for _, coords in placed:
        lo, hi = coords.min(axis=0) - pad / 2, coords.max(axis=0) + pad / 2
        rects.append((lo, hi - lo))
    P = np.zeros((n, 2))
    (part, coords), (lo, size) = placed[0], rects[0]
    centre = coords.mean(axis=0)  # not a corner of its box, which one outlying actor moves
    P[part] = coords - centre
    rest = len(placed) - 1
    if not rest:
        return P
    lo = lo - centre
    columns = max(1, round(math.sqrt(rest * ASPECT)))
    widths, heights = np.zeros(columns), np.zeros(math.ceil(rest / columns))
    for j, (_, s) in enumerate(rects[1:]):
        r, c = divmod(j, columns)
        widths[c], heights[r] = max(widths[c], float(s[0])), max(heights[r], float(s[1]))
    left = lo[0] + np.concatenate([[0.0], np.cumsum(widths)[:-1]])
    top = lo[1] + float(size[1]) + np.concatenate([[0.0], np.cumsum(heights)[:-1]])
    for j, ((part, coords), (lo, _)) in enumerate(zip(placed[1:], rects[1:])):
        r, c = divmod(j, columns)
        P[part] = coords - lo + np.array([left[c], top[r]])
    return P


# ---- 2. force refinement on the label boxes ----------------------------------------------------

def _segments(P, pairs):
    return P[pairs[:, 0]], P[pairs[:, 1]], pairs


def _refine(P, pairs, length, R, W, H, place, order, iterations: int = 320, pinned=None):
    """Force simulation in px; see the module docstring. ``pinned`` actors do not move."""
    n = len(P)
    if n < 2:
        return P, place
    u, v = (pairs[:, 0], pairs[:, 1]) if len(pairs) else (np.zeros(0, int), np.zeros(0, int))
    degree = np.bincount(np.concatenate([u, v]), minlength=n).astype(float) + 1
    reach = float(np.median(length) if len(length) else 100.0)
    home = P.copy()
    for it in range(iterations):
        heat = 1.0 - it / iterations
        move = ANCHOR * (home - P)  # a weak pull to the stress layout: the map does not wander off its shape
        if len(pairs):  # springs
            d = P[v] - P[u]
            dist = np.hypot(d[:, 0], d[:, 1]) + 1e-9
            f = (0.12 * (dist - length) / dist)[:, None] * d
            np.add.at(move, u, f / degree[u, None] * 2)
            np.add.at(move, v, -f / degree[v, None] * 2)
        move += _repulsion(P, reach)
        move += _overlap_push(P, R, W, H, place)
        if len(pairs) and it > iterations // 5 and (n <= 60 or it % 2):
            move += _line_push(P, u, v, R, W, H, place)
        if pinned is not None:
            move[pinned] = 0.0
        step = np.hypot(move[:, 0], move[:, 1]) + 1e-9
        cap = 4.0 + 26.0 * heat
        P = P + move * np.minimum(1.0, cap / step)[:, None]
        if it % 40 == 39 and len(pairs):
            place = place_labels(P, R, W, H, place, _segments(P, pairs), rounds=1, order=order)
    return P, place


def _repulsion(P, reach: float) -> np.ndarray:
    """A mild push between actors closer than ``reach``, so nobody sits in a crowd."""
    d = P[:, None, :] - P[None, :, :]
    dist = np.hypot(d[..., 0], d[..., 1]) + np.eye(len(P)) * 1e9 + 1e-9
    strength = np.clip((reach - dist) / reach, 0, None) * 3.0
    return ((strength / dist)[..., None] * d).sum(axis=1)


def _footprints(P, R, W, H, place, margin: float = 4.0) -> np.ndarray:
    """Each actor's dot-and-label bounding box, with a margin."""
    lab = boxes(P, R, W, H, place)
    dots = np.stack([P[:, 0] - R, P[:, 1] - R, P[:, 0] + R, P[:, 1] + R], axis=1)
    out = np.concatenate([np.minimum(lab[:, :2], dots[:, :2]), np.maximum(lab[:, 2:], dots[:, 2:])], axis=1)
    out[:, :2] -= margin
    out[:, 2:] += margin
    return out


def _overlap_push(P, R, W, H, place) -> np.ndarray:
    F = _footprints(P, R, W, H, place)
    ox = np.minimum(F[:, None, 2], F[None, :, 2]) - np.maximum(F[:, None, 0], F[None, :, 0])
    oy = np.minimum(F[:, None, 3], F[None, :, 3]) - np.maximum(F[:, None, 1], F[None, :, 1])
    hit = (ox > 0) & (oy > 0)
    np.fill_diagonal(hit, False)
    cx, cy = (F[:, 0] + F[:, 2]) / 2, (F[:, 1] + F[:, 3]) / 2
    sx = np.sign(cx[:, None] - cx[None, :] + 1e-6 * (np.arange(len(P))[:, None] - np.arange(len(P))[None, :]))
    sy = np.sign(cy[:, None] - cy[None, :] + 1e-6)
    sideways = ox * 0.7 < oy
    mx = np.where(hit & sideways, ox * sx * 0.5, 0.0).sum(axis=1)
    my = np.where(hit & ~sideways, oy * sy * 0.5, 0.0).sum(axis=1)
    return np.stack([mx, my], axis=1)


def _line_push(P, u, v, R, W, H, place, margin: float = 10.0) -> np.ndarray:
    """Actors on another pair's line, or whose label a line crosses, step aside (the pair yields a little)."""
    A, B = P[u], P[v]
    d = B - A
    length2 = (d ** 2).sum(axis=1) + 1e-9
    rel = P[None, :, :] - A[:, None, :]  # (m, n, 2)
    t = (rel * d[:, None, :]).sum(axis=2) / length2[:, None]
    inside = (t > 0.02) & (t < 0.98)
    foot = A[:, None, :] + t[..., None] * d[:, None, :]
    off = P[None, :, :] - foot
    dist = np.hypot(off[..., 0], off[..., 1]) + 1e-9
    normal = np.stack([-d[:, 1], d[:, 0]], axis=1) / np.sqrt(length2)[:, None]
    side = np.sign((rel * normal[:, None, :]).sum(axis=2) + 1e-9)
    own = (np.arange(len(P))[None, :] == u[:, None]) | (np.arange(len(P))[None, :] == v[:, None])
    need = np.clip(R[None, :] + margin - dist, 0, None) * (inside & ~own)
    # labels: how far the actor must move along the normal to take its label off the line
    labelled = W > 0
    lab = boxes(P, R, W, H, place)
    lab[~labelled] = np.nan  # no label: nothing to keep off the lines
    corners = np.stack([lab[:, [0, 1]], lab[:, [2, 1]], lab[:, [0, 3]], lab[:, [2, 3]]], axis=1)  # (n, 4, 2)
    proj = ((corners[None, :, :, :] - A[:, None, None, :]) * normal[:, None, None, :]).sum(axis=3)  # (m, n, 4)
    tc = ((corners[None, :, :, :] - A[:, None, None, :]) * d[:, None, None, :]).sum(axis=3) / length2[:, None, None]
    along = (tc.max(axis=2) > 0.02) & (tc.min(axis=2) < 0.98)
    lo, hi = proj.min(axis=2), proj.max(axis=2)
    straddle = (lo < -2) & (hi > 2) & along & ~own & labelled[None, :]
    centre = (lo + hi) / 2
    label_need = np.where(straddle, np.where(centre >= 0, -lo, hi) + 2, 0.0) * 0.25
    label_side = np.where(centre >= 0, 1.0, -1.0)
    push = need[..., None] * side[..., None] * normal[:, None, :] * 0.5 \
        + label_need[..., None] * label_side[..., None] * normal[:, None, :]
    move = push.sum(axis=0)
    back = -push.sum(axis=1) * 0.25  # the pair's ends give way a little
    np.add.at(move, u, back)
    np.add.at(move, v, back)
    return move


# ---- 3. exact overlap removal ------------------------------------------------------------------------

def _spread(P, R, W, H, place, fill: float = 0.25) -> None:
    """Scale a layout up (in place) until actor-and-label boxes cover at most ``fill`` of its area."""
    F = _footprints(P, R, W, H, place, margin=2.0)
    need = float(((F[:, 2] - F[:, 0]) * (F[:, 3] - F[:, 1])).sum()) / fill
    span = P.max(axis=0) - P.min(axis=0) + 2 * float(np.median(F[:, 2] - F[:, 0]))
    have = float(span[0] * span[1])
    if have < need:
        centre = P.mean(axis=0)
        P[:] = centre + (P - centre) * math.sqrt(need / have)


def _separate(P, R, W, H, place, rounds: int = 2000, labelled_only: bool = False, pinned=None) -> None:
    """Push overlapping actor-and-label boxes apart until none overlap (in place).

    Candidate pairs come from k-d trees: small footprints (a dot, a small label) among
    themselves within their own reach, and each large footprint against everything
    within its reach, so a few big labels do not make every pair a candidate. With
    ``labelled_only`` (large maps) only boxes with a label are kept clear; bare dots may touch.
    ``pinned`` actors do not move: a free actor makes the whole step, two pinned ones stay as they are.
    """
    from scipy.spatial import cKDTree

    n = len(P)
    if n < 2:
        return
    for _ in range(rounds):
        F = _footprints(P, R, W, H, place, margin=2.0)
        half = np.maximum(F[:, 2] - F[:, 0], F[:, 3] - F[:, 1]) / 2
        centre = (F[:, :2] + F[:, 2:]) / 2
        if labelled_only:
            big, small, small_reach = np.flatnonzero(W > 0), np.zeros(0, dtype=int), 0.0
        else:
            small_reach = float(np.percentile(half, 90))
            big = np.flatnonzero(half > small_reach)
            small = np.flatnonzero(half <= small_reach)
        pairs = [small[p] for p in [cKDTree(centre[small]).query_pairs(2 * small_reach + 1, output_type="ndarray")]
                 if len(p)] if len(small) > 1 else []
        if len(big):
            near = cKDTree(centre).query_ball_point(centre[big], half[big] + float(half.max()) + 1)
            a = np.repeat(big, [len(x) for x in near])
            b = np.concatenate([np.asarray(x, dtype=int) for x in near])
            keep = a != b
            pairs.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1)[keep])
        if not pairs:
            return
        pairs = np.unique(np.concatenate(pairs), axis=0)
        i, j = pairs[:, 0], pairs[:, 1]
        ox = np.minimum(F[i, 2], F[j, 2]) - np.maximum(F[i, 0], F[j, 0])
        oy = np.minimum(F[i, 3], F[j, 3]) - np.maximum(F[i, 1], F[j, 1])
        hit = (ox > 0) & (oy > 0)
        if pinned is not None:
            hit &= ~(pinned[i] & pinned[j])
        if not hit.any():
            return
        i, j, ox, oy = i[hit], j[hit], ox[hit], oy[hit]
        if pinned is not None:  # the free one of a pinned and a free actor makes the whole step
            ox = np.where(pinned[i] | pinned[j], 2 * ox + 1, ox)
            oy = np.where(pinned[i] | pinned[j], 2 * oy + 1, oy)
        sideways = ox * 0.7 < oy
        sx = np.where(centre[i, 0] <= centre[j, 0], 1.0, -1.0)
        sy = np.where(centre[i, 1] <= centre[j, 1], 1.0, -1.0)
        dx = np.where(sideways, (ox + 1) / 2 * sx, 0.0)
        dy = np.where(sideways, 0.0, (oy + 1) / 2 * sy)
        move = np.zeros_like(P)
        np.add.at(move[:, 0], i, -dx)
        np.add.at(move[:, 0], j, dx)
        np.add.at(move[:, 1], i, -dy)
        np.add.at(move[:, 1], j, dy)
        if pinned is not None:
            move[pinned] = 0.0
        P += move
