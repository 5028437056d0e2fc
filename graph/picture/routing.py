"""Bend relation lines around actors and labels, as vis-network draws them.

A relation is straight or a quadratic curve whose middle point is vis-network's
``curvedCW``/``curvedCCW`` control point for a roundness; the same geometry is used
here to test a line against dots and label boxes, so the page shows what was
checked. Relations between the same two actors are routed together and kept apart.
"""

from __future__ import annotations

import math

import numpy as np

from graph.picture.labels import segment_hits

__all__ = ["via_point", "curve_points", "route", "ROUTE_LIMIT", "ROUTE_WORK", "SPREAD"]

ROUTE_LIMIT = 3000  # relations: above this, lines stay straight (parallel ones still curve apart)
_BENDS = (0.0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36, 0.5, -0.5, 0.65, -0.65, 0.8, -0.8)
_SPREADS = (1.0, 1.6, 2.3)  # parallel relations may fan wider, in these multiples of SPREAD
SPREAD = 0.2  # roundness between parallel relations
# Checks (curve piece against a nearby dot or label) routing may spend: its time bound (about
# 30 ns each). A star of 2,000 leaves, every line near a thousand actors, took minutes.
ROUTE_WORK = 150_000_000
_FEW = (0.0, 0.24, -0.24, 0.5, -0.5)  # the bends tried over ROUTE_WORK
_STEPS = 16  # pieces per curve (curve_points)


def via_point(a, b, bend: float):
    """vis-network's control point for curvedCW (bend > 0) or curvedCCW (bend < 0) of roundness |bend|."""
    r = abs(bend)
    o, q = b[0] - a[0], a[1] - b[1]
    p = math.hypot(o, q)
    turn = (0.5 * r + 0.5) * math.pi if bend >= 0 else (-0.5 * r + 0.5) * math.pi
    g = (math.atan2(q, o) + turn) % (2 * math.pi)
    return a[0] + (0.5 * r + 0.5) * p * math.sin(g), a[1] + (0.5 * r + 0.5) * p * math.cos(g)


def curve_points(a, b, bend: float, steps: int = _STEPS) -> np.ndarray:
    """Points along the drawn line from a to b."""
    t = np.linspace(0.0, 1.0, steps + 1)[:, None]
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if bend == 0:
        return a + t * (b - a)
    c = np.asarray(via_point(a, b, bend))
    return (1 - t) ** 2 * a + 2 * t * (1 - t) * c + t ** 2 * b


def _cost(points, ends, P, R, label_boxes, margin: float = 4.0) -> float:
    """Dots a line passes through weigh most, then other actors' labels it crosses.

    Only the dots and labels near the line's bounding box are measured (the same result:
    a dot within R + margin of the line lies within that much of its box), so that a
    line's cost follows its neighbourhood, not the size of the map (a star of 2,000
    leaves took minutes).
    """
    lo, hi = points.min(axis=0), points.max(axis=0)
    reach = R + margin
    near = ((P[:, 0] + reach >= lo[0]) & (P[:, 0] - reach <= hi[0])
            & (P[:, 1] + reach >= lo[1]) & (P[:, 1] - reach <= hi[1]))
    touch = ((label_boxes[:, 2] + 1.0 >= lo[0]) & (label_boxes[:, 0] - 1.0 <= hi[0])
             & (label_boxes[:, 3] + 1.0 >= lo[1]) & (label_boxes[:, 1] - 1.0 <= hi[1]))
    near[list(ends)] = False
    touch[list(ends)] = False  # a line leaves its own dot: label placement keeps it off its label
    a, b = points[:-1], points[1:]
    dots = crossed = 0
    if near.any():
        Q = P[near]
        d = b - a
        length2 = (d ** 2).sum(axis=1) + 1e-12
        rel = Q[None, :, :] - a[:, None, :]
        t = np.clip((rel * d[:, None, :]).sum(axis=2) / length2[:, None], 0, 1)
        foot = a[:, None, :] + t[..., None] * d[:, None, :]
        dist = np.hypot(*(Q[None, :, :] - foot).transpose(2, 0, 1)).min(axis=0)
        dots = int((dist < reach[near]).sum())
    if touch.any():
        crossed = int(segment_hits(a, b, label_boxes[touch], pad=1.0).any(axis=0).sum())
    return 1000.0 * dots + 10.0 * crossed


def route(bundles, P, R, label_boxes) -> dict:
    """Bend per relation: {relation id: bend}; 0 is straight.

    ``bundles`` maps an actor pair (i, j), i < j, to its relations as (id, from, to)
    index triples. Parallel relations are spread ``SPREAD`` apart around the best
    common bend; a lone relation takes the least bend that clears dots and labels.
    """
    P = np.asarray(P, dtype=float)
    R = np.broadcast_to(np.asarray(R, dtype=float), (len(P),))
    label_boxes = np.asarray(label_boxes, dtype=float)
    total = sum(len(b) for b in bundles.values())
    out = {}
    work, nearby = 0, {}
    for (i, j), members in sorted(bundles.items()) if total <= ROUTE_LIMIT else ():
        k = len(members)
        offsets = [(s - (k - 1) / 2) * SPREAD for s in range(k)]
        widths = _SPREADS if k > 1 else (1.0,)
        # every trial curve lies in the triangle of its ends and control point: only the actors
        # near those are measured (the same costs, but a line's work follows its neighbourhood)
        corners = [P[i], P[j]] + [via_point(P[f], P[t], _oriented(base + s * widen, f, i))
                                  for widen in widths for base in _BENDS for (_, f, t), s in zip(members, offsets)]
        nearby[i, j] = near = _near(np.min(corners, axis=0), np.max(corners, axis=0), P, R, label_boxes)
        work += len(widths) * len(_BENDS) * k * _STEPS * len(near)
    # over the budget fewer bends are tried; far over it (or over ROUTE_LIMIT), lines stay straight
    bends = None if total > ROUTE_LIMIT else _BENDS if work <= ROUTE_WORK \
        else _FEW if work * len(_FEW) <= ROUTE_WORK * len(_BENDS) else None
    for (i, j), members in sorted(bundles.items()):
        k = len(members)
        offsets = [(s - (k - 1) / 2) * SPREAD for s in range(k)]
        if bends is None:  # too many to route: straight, parallel ones spread apart
            for (edge_id, f, t), s in zip(members, offsets):
                out[edge_id] = round(_oriented(s, f, i), 3)
            continue
        best = None
        widths = _SPREADS if k > 1 else (1.0,)
        near = nearby[i, j]
        local = dict(zip(near.tolist(), range(len(near))))
        P_near, R_near, boxes_near = P[near], R[near], label_boxes[near]
        for widen in widths:
            for base in bends:
                cost = abs(base) * 2 + (widen - 1) * 2
                for (_, f, t), s in zip(members, offsets):
                    bend = _oriented(base + s * widen, f, i)
                    cost += _cost(curve_points(P[f], P[t], bend), (local[f], local[t]), P_near, R_near, boxes_near)
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, base, widen)
                if cost < 1e-9:
                    break
            if best[0] < 10:  # clear of every dot and label: no need to fan wider
                break
        for (edge_id, f, t), s in zip(members, offsets):
            out[edge_id] = round(_oriented(best[1] + s * best[2], f, i), 3)
    return out


def _near(lo, hi, P, R, label_boxes, margin: float = 4.0) -> np.ndarray:
    """Indices of the actors whose dot (with margin) or label (with 1 px) meets the box lo-hi."""
    reach = R + margin
    dot = (P[:, 0] + reach >= lo[0]) & (P[:, 0] - reach <= hi[0]) & (P[:, 1] + reach >= lo[1]) & (P[:, 1] - reach <= hi[1])
    lab = ((label_boxes[:, 2] + 1.0 >= lo[0]) & (label_boxes[:, 0] - 1.0 <= hi[0])
           & (label_boxes[:, 3] + 1.0 >= lo[1]) & (label_boxes[:, 1] - 1.0 <= hi[1]))
    return np.flatnonzero(dot | lab)


def _oriented(bend: float, frm: int, low: int) -> float:
    """The same side of the pair whichever way a relation points."""
    return bend if frm == low else -bend
