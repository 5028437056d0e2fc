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

__all__ = ["via_point", "curve_points", "route", "ROUTE_LIMIT", "SPREAD"]

ROUTE_LIMIT = 3000  # relations: above this, lines stay straight (parallel ones still curve apart)
_BENDS = (0.0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36, 0.5, -0.5, 0.65, -0.65, 0.8, -0.8)
_SPREADS = (1.0, 1.6, 2.3)  # parallel relations may fan wider, in these multiples of SPREAD
SPREAD = 0.2  # roundness between parallel relations


def via_point(a, b, bend: float):
    """vis-network's control point for curvedCW (bend > 0) or curvedCCW (bend < 0) of roundness |bend|."""
    r = abs(bend)
    o, q = b[0] - a[0], a[1] - b[1]
    p = math.hypot(o, q)
    turn = (0.5 * r + 0.5) * math.pi if bend >= 0 else (-0.5 * r + 0.5) * math.pi
    g = (math.atan2(q, o) + turn) % (2 * math.pi)
    return a[0] + (0.5 * r + 0.5) * p * math.sin(g), a[1] + (0.5 * r + 0.5) * p * math.cos(g)


def curve_points(a, b, bend: float, steps: int = 16) -> np.ndarray:
    """Points along the drawn line from a to b."""
    t = np.linspace(0.0, 1.0, steps + 1)[:, None]
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if bend == 0:
        return a + t * (b - a)
    c = np.asarray(via_point(a, b, bend))
    return (1 - t) ** 2 * a + 2 * t * (1 - t) * c + t ** 2 * b


def _cost(points, ends, P, R, label_boxes, margin: float = 4.0) -> float:
    """Dots a line passes through weigh most, then other actors' labels it crosses."""
    a, b = points[:-1], points[1:]
    d = b - a
    length2 = (d ** 2).sum(axis=1) + 1e-12
    rel = P[None, :, :] - a[:, None, :]
    t = np.clip((rel * d[:, None, :]).sum(axis=2) / length2[:, None], 0, 1)
    near = a[:, None, :] + t[..., None] * d[:, None, :]
    dist = np.hypot(*(P[None, :, :] - near).transpose(2, 0, 1)).min(axis=0)
    others = np.ones(len(P), dtype=bool)
    others[list(ends)] = False
    dots = int(((dist < R + margin) & others).sum())
    crossed = segment_hits(a, b, label_boxes, pad=1.0).any(axis=0)
    crossed[list(ends)] = False  # a line leaves its own dot: label placement keeps it off its label
    return 1000.0 * dots + 10.0 * int(crossed.sum())


def route(bundles, P, R, label_boxes) -> dict:
    """Bend per relation: {relation id: bend}; 0 is straight.

    ``bundles`` maps an actor pair (i, j), i < j, to its relations as (id, from, to)
    index triples. Parallel relations are spread ``SPREAD`` apart around the best
    common bend; a lone relation takes the least bend that clears dots and labels.
    """
    P = np.asarray(P, dtype=float)
    total = sum(len(b) for b in bundles.values())
    out = {}
    for (i, j), members in sorted(bundles.items()):
        k = len(members)
        offsets = [(s - (k - 1) / 2) * SPREAD for s in range(k)]
        if total > ROUTE_LIMIT:  # too many to route: straight, parallel ones spread apart
            for (edge_id, f, t), s in zip(members, offsets):
                out[edge_id] = round(_oriented(s, f, i), 3)
            continue
        best = None
        for widen in (_SPREADS if k > 1 else (1.0,)):
            for base in _BENDS:
                cost = abs(base) * 2 + (widen - 1) * 2
                for (_, f, t), s in zip(members, offsets):
                    bend = _oriented(base + s * widen, f, i)
                    cost += _cost(curve_points(P[f], P[t], bend), (f, t), P, R, label_boxes)
                if best is None or cost < best[0] - 1e-9:
                    best = (cost, base, widen)
                if cost < 1e-9:
                    break
            if best[0] < 10:  # clear of every dot and label: no need to fan wider
                break
        for (edge_id, f, t), s in zip(members, offsets):
            out[edge_id] = round(_oriented(best[1] + s * best[2], f, i), 3)
    return out


def _oriented(bend: float, frm: int, low: int) -> float:
    """The same side of the pair whichever way a relation points."""
    return bend if frm == low else -bend
