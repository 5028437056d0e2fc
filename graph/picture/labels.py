"""Where each actor's label goes: below, right of, above or left of its dot, or at a corner.

A label box is given relative to the dot's centre. Placement is chosen to keep
labels off other labels and dots first, then off the lines of the relations.
"""

from __future__ import annotations

import numpy as np

__all__ = ["PLACES", "PREFERENCE", "ALIGN", "GAP", "DIAGONAL", "minor_zooms", "offsets", "boxes", "place_labels", "segment_hits", "clip_hits"]

PLACES = ("below", "right", "above", "left", "below-right", "above-right", "above-left", "below-left")
GAP = 3.0  # px between a dot and its label
DIAGONAL = 0.72  # corner places sit this far (in dot radii) along each axis, plus the gap
PREFERENCE = np.array([0.0, 0.4, 0.8, 1.2, 1.0, 1.3, 1.6, 1.4])  # below reads best, then right, ...
ALIGN = {"right": "left", "below-right": "left", "above-right": "left",
         "left": "right", "above-left": "right", "below-left": "right"}  # text alignment in the box


def offsets(R, W, H, place, gap=GAP) -> np.ndarray:
    """Label boxes relative to the dot centre: (n, 4) as x0, y0, x1, y1, for each node's place index."""
    R, W, H, place = (np.asarray(a, dtype=float) for a in (R, W, H, place))
    g = R + gap
    d = DIAGONAL * R + gap  # corner places touch the dot's corner
    cases = [place == k for k in range(len(PLACES))]
    x0 = np.select(cases, [-W / 2, g, -W / 2, -g - W, d, d, -d - W, -d - W])
    y0 = np.select(cases, [g, -H / 2, -g - H, -H / 2, d, -d - H, -d - H, d])
    return np.stack([x0, y0, x0 + W, y0 + H], axis=1)


def boxes(P, R, W, H, place) -> np.ndarray:
    """Absolute label boxes (n, 4)."""
    off = offsets(R, W, H, place)
    return off + np.concatenate([P, P], axis=1)


def segment_hits(A, B, boxes_, pad: float = 0.0) -> np.ndarray:
    """Whether each segment A[i]-B[i] meets each box[j]: (len(A), len(boxes)) booleans (Liang-Barsky)."""
    A = np.asarray(A, dtype=float)[:, None, :]
    return clip_hits(A, np.asarray(B, dtype=float)[:, None, :] - A, np.asarray(boxes_, dtype=float)[None, :, :], pad)


def clip_hits(A, D, box, pad: float = 0.0) -> np.ndarray:
    """Whether segments from A along D (..., 2) meet boxes x0, y0, x1, y1 (..., 4), grown by ``pad``, the
    shapes broadcast against each other (Liang-Barsky clipping)."""
    t0 = np.zeros(np.broadcast_shapes(A.shape[:-1], box.shape[:-1]))
    t1 = np.ones_like(t0)
    ok = np.ones_like(t0, dtype=bool)
    for axis, lo, hi in ((0, 0, 2), (1, 1, 3)):
        d = D[..., axis]
        a = A[..., axis]
        low, high = box[..., lo] - pad, box[..., hi] + pad
        zero = np.abs(d) < 1e-12
        ok &= ~(zero & ((a < low) | (a > high)))
        with np.errstate(divide="ignore", invalid="ignore"):
            ta, tb = (low - a) / d, (high - a) / d
        t_enter = np.where(zero, -np.inf, np.minimum(ta, tb))
        t_leave = np.where(zero, np.inf, np.maximum(ta, tb))
        t0 = np.maximum(t0, t_enter)
        t1 = np.minimum(t1, t_leave)
    return ok & (t0 <= t1)


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Boxes a (k, 4) against boxes b (m, 4): (k, m) overlap booleans."""
    return ((a[:, None, 0] < b[None, :, 2]) & (b[None, :, 0] < a[:, None, 2])
            & (a[:, None, 1] < b[None, :, 3]) & (b[None, :, 1] < a[:, None, 3]))


def place_labels(P, R, W, H, place, segments, rounds: int = 3, order=None) -> np.ndarray:
    """Choose each label's place, greedily in ``order`` (most important first), a few rounds.

    ``segments`` is (A, B, ends): the drawn line of each relation and its two actors'
    indices. Cost of a place: overlaps with other labels and dots, then lines crossing
    the label, then a preference for reading order.
    """
    P = np.asarray(P, dtype=float)
    n = len(P)
    place = np.array(place, dtype=int)
    A, B, ends = segments
    dots = np.stack([P[:, 0] - R, P[:, 1] - R, P[:, 0] + R, P[:, 1] + R], axis=1)
    A, B = np.asarray(A, dtype=float).reshape(-1, 2), np.asarray(B, dtype=float).reshape(-1, 2)
    lines = np.concatenate([np.minimum(A, B), np.maximum(A, B)], axis=1)  # each line's box: only those near count
    order = range(n) if order is None else order
    for _ in range(rounds):
        changed = False
        current = boxes(P, R, W, H, place)
        for i in order:
            k = len(PLACES)
            candidates = offsets(np.full(k, R[i]), np.full(k, W[i]), np.full(k, H[i]), np.arange(k)) \
                + np.tile(P[i], 2)
            others = np.ones(n, dtype=bool)
            others[i] = False
            hits_labels = _overlap(candidates, current[others]).sum(axis=1)
            hits_dots = _overlap(candidates, dots[others]).sum(axis=1)
            reach = np.concatenate([candidates[:, :2].min(axis=0) - 1.0, candidates[:, 2:].max(axis=0) + 1.0])
            near = ((lines[:, 0] <= reach[2]) & (lines[:, 2] >= reach[0])
                    & (lines[:, 1] <= reach[3]) & (lines[:, 3] >= reach[1]))
            crossings = segment_hits(A[near], B[near], candidates, pad=1.0).sum(axis=0) if near.any() else np.zeros(k)
            cost = 100.0 * (hits_labels + hits_dots) + 10.0 * crossings + PREFERENCE
            best = int(np.argmin(cost))
            if best != place[i]:
                place[i] = best
                current[i] = candidates[best]
                changed = True
        if not changed:
            break
    return place


EXACT_LIMIT = 3000  # labels: above this, each label's zoom is estimated from its nearest neighbour


def minor_zooms(P, R, fixed, w, h, order, start: float, levels: int = 21):
    """For labels drawn at a fixed screen size (w x h px), a place and the zoom from which each shows.

    A label shows from the smallest zoom (``start`` x 2**(k/4)) at which, and above which, its
    box misses every dot, every ``fixed`` label box (page units) and every label placed
    before it (``order``: most important first). Returns (place, zoom), zoom inf for never.
    """
    from scipy.spatial import cKDTree

    P = np.asarray(P, dtype=float)
    n = len(P)
    k = len(PLACES)
    zooms = start * 2.0 ** (np.arange(levels) / 4.0)
    place = np.zeros(n, dtype=int)
    zoom = np.full(n, np.inf)
    if not len(order):
        return place, zoom
    if len(order) > EXACT_LIMIT:  # a label shows once it is no wider than the gap to the nearest dot
        idx = np.asarray(order)
        dist, _ = cKDTree(P).query(P[idx], k=2)
        gap = np.maximum(dist[:, 1] - R[idx] - R[idx], 1.0)
        zoom[idx] = np.maximum(start, np.maximum(w[idx], h[idx]) / gap)
        return place, zoom
    reach = float(R.max()) + (GAP + float(np.max(w)) + float(np.max(h))) / zooms[0]
    tree = cKDTree(P)
    fixed = np.asarray(fixed, dtype=float).reshape(-1, 4)
    fixed_tree = cKDTree((fixed[:, :2] + fixed[:, 2:]) / 2) if len(fixed) else None
    fixed_reach = reach + (float(np.max(fixed[:, 2:] - fixed[:, :2])) if len(fixed) else 0.0)
    done = np.zeros(n, dtype=bool)
    boxes_at = np.zeros((n, levels, 4))  # each placed label's box at each zoom level
    for i in order:
        near = np.array([j for j in tree.query_ball_point(P[i], reach + float(R.max())) if j != i], dtype=int)
        obstacles = np.concatenate([P[near] - R[near, None], P[near] + R[near, None]], axis=1)
        if fixed_tree is not None:
            close = fixed_tree.query_ball_point(P[i], fixed_reach)
            obstacles = np.concatenate([obstacles, fixed[close]])
        placed = near[done[near]]
        # candidate boxes: (levels, places, 4)
        cand = _screen_boxes(P[i], R[i], w[i], h[i], zooms)
        clear = ~_overlap(cand.reshape(-1, 4), obstacles).any(axis=1).reshape(levels, k)
        if len(placed):
            others = boxes_at[placed]  # (m, levels, 4)
            shown = zoom[placed][:, None] <= zooms[None, :] * (1 + 1e-9)  # (m, levels)
            for level in range(levels):
                active = others[shown[:, level], level]
                if len(active):
                    clear[level] &= ~_overlap(cand[level], active).any(axis=1)
        suffix = np.flip(np.logical_and.accumulate(np.flip(clear, axis=0), axis=0), axis=0)
        first = np.where(suffix.any(axis=0), suffix.argmax(axis=0), levels)
        best = int(np.lexsort((PREFERENCE, first))[0])
        place[i] = best
        if first[best] < levels:
            zoom[i] = zooms[first[best]]
            boxes_at[i] = cand[:, best]
            done[i] = True
    return place, zoom


def _screen_boxes(p, r: float, w: float, h: float, zooms) -> np.ndarray:
    """Boxes (levels, places, 4) in page units of a label w x h screen px beside a dot of radius r."""
    k, levels = len(PLACES), len(zooms)
    z = np.repeat(np.asarray(zooms, dtype=float), k)
    out = offsets(np.full(levels * k, r), w / z, h / z, np.tile(np.arange(k), levels), gap=GAP / z)
    return out.reshape(levels, k, 4) + np.tile(p, 2)
