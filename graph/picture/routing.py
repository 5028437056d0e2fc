"""Bend relation lines around actors and labels, as vis-network draws them.

A relation is straight or a quadratic curve whose middle point is vis-network's
``curvedCW``/``curvedCCW`` control point for a roundness; the same geometry is used
here to test a line against dots and label boxes, so the page shows what was
checked. Relations between the same two actors are routed together and kept apart.
"""

from __future__ import annotations

import math

import numpy as np

from graph.picture.labels import clip_hits

__all__ = ["via_point", "curve_points", "route", "ROUTE_LIMIT", "ROUTE_WORK", "SPREAD"]

ROUTE_LIMIT = 3000  # relations: above this, lines stay straight (parallel ones still curve apart)
_BENDS = (0.0, 0.12, -0.12, 0.24, -0.24, 0.36, -0.36, 0.5, -0.5, 0.65, -0.65, 0.8, -0.8)
_SPREADS = (1.0, 1.6, 2.3)  # parallel relations may fan wider, in these multiples of SPREAD
SPREAD = 0.2  # roundness between parallel relations
# Work routing may spend: its time bound. A unit is a check of one curve piece against one
# nearby dot and label (30-60 ns, in arrays); a batch of trial lines costs _CALL more (its
# fixed cost, about half a millisecond). A star of 2,000 leaves, every line near a thousand
# actors, took minutes; a complete graph of 35 actors with 5 relations per pair, 53 s.
ROUTE_WORK = 100_000_000
_FEW = (0.0, 0.24, -0.24, 0.5, -0.5)  # the bends tried over ROUTE_WORK
_STEPS = 16  # pieces per curve (curve_points)
_BATCH = 500_000  # line pieces x actors measured at once
_CALL = 10_000  # the fixed cost of one batch of trial lines, in the same units as ROUTE_WORK


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


def _via_points(a, b, bends) -> np.ndarray:
    """:func:`via_point` for arrays: a, b (T, 2) and bends (T,), control points (T, 2)."""
    r = np.abs(bends)
    o, q = b[:, 0] - a[:, 0], a[:, 1] - b[:, 1]
    p = np.hypot(o, q)
    turn = np.where(bends >= 0, (0.5 * r + 0.5) * np.pi, (-0.5 * r + 0.5) * np.pi)
    g = (np.arctan2(q, o) + turn) % (2 * np.pi)
    return np.stack([a[:, 0] + (0.5 * r + 0.5) * p * np.sin(g), a[:, 1] + (0.5 * r + 0.5) * p * np.cos(g)], axis=1)


def _curves(a, b, bends, steps: int = _STEPS) -> np.ndarray:
    """:func:`curve_points` for arrays: (T, steps + 1, 2) points along each drawn line."""
    t = np.linspace(0.0, 1.0, steps + 1)[None, :, None]
    a, b = a[:, None, :], b[:, None, :]
    c = _via_points(a[:, 0], b[:, 0], bends)[:, None, :]
    curved = (1 - t) ** 2 * a + 2 * t * (1 - t) * c + t ** 2 * b
    return np.where((bends == 0)[:, None, None], a + t * (b - a), curved)


def _costs(curves, ends, P, R, label_boxes, margin: float = 4.0) -> np.ndarray:
    """Cost of each of T trial lines (T, S + 1, 2) among the actors P: (T,) floats.

    Dots a line passes through weigh most (1000 each), then other actors' labels it crosses
    (10 each); the line's own ends do not count. Each line measures only the dots and labels
    near its bounding box (the same result: a dot within R + margin of the line lies within
    that much of its box), so that a line's cost follows its neighbourhood, not the size of
    the map (a star of 2,000 leaves took minutes). All T lines are measured together, pair by
    pair of a line and a nearby actor: a Python call per line took most of the time on dense maps.
    """
    T = len(curves)
    if not T:
        return np.zeros(0)
    step = max(1, _BATCH // max((curves.shape[1] - 1) * len(P), 1))
    if T > step:  # in batches, so that memory stays small
        return np.concatenate([_costs(curves[s:s + step], ends, P, R, label_boxes, margin) for s in range(0, T, step)])
    keep = np.ones(len(P), dtype=bool)
    keep[list(ends)] = False  # a line leaves its own dot: label placement keeps it off its label
    lo, hi = curves.min(axis=1), curves.max(axis=1)  # (T, 2)
    reach = R + margin
    near = ((P[None, :, 0] + reach >= lo[:, None, 0]) & (P[None, :, 0] - reach <= hi[:, None, 0])
            & (P[None, :, 1] + reach >= lo[:, None, 1]) & (P[None, :, 1] - reach <= hi[:, None, 1]) & keep)
    touch = ((label_boxes[None, :, 2] + 1.0 >= lo[:, None, 0]) & (label_boxes[None, :, 0] - 1.0 <= hi[:, None, 0])
             & (label_boxes[None, :, 3] + 1.0 >= lo[:, None, 1]) & (label_boxes[None, :, 1] - 1.0 <= hi[:, None, 1])
             & keep)
    dots = np.zeros(T)
    crossed = np.zeros(T)
    line, who = np.nonzero(near)
    if len(line):
        a, b = curves[line, :-1, :], curves[line, 1:, :]  # (p, S, 2): each line's pieces, per nearby dot
        Q = P[who][:, None, :]
        d = b - a
        length2 = (d ** 2).sum(axis=2) + 1e-12
        t = np.clip(((Q - a) * d).sum(axis=2) / length2, 0, 1)
        foot = a + t[..., None] * d
        gap = Q - foot
        dist = np.hypot(gap[..., 0], gap[..., 1]).min(axis=1)
        dots = np.bincount(line, weights=dist < reach[who], minlength=T)
    line, who = np.nonzero(touch)
    if len(line):
        hit = _piece_hits(curves[line, :-1, :], curves[line, 1:, :], label_boxes[who], pad=1.0).any(axis=1)
        crossed = np.bincount(line, weights=hit, minlength=T)
    return 1000.0 * dots + 10.0 * crossed


def _piece_hits(A, B, box, pad: float) -> np.ndarray:
    """Whether each piece A[p, s]-B[p, s] meets box[p] (p, S): labels.segment_hits, pair by pair."""
    return clip_hits(A, B - A, box[:, None, :], pad)


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
    plan = []
    pieces = {_BENDS: 0, _FEW: 0}  # curve pieces x nearby actors, per bend tried
    calls = 0  # batches of trial lines
    for (i, j), members in sorted(bundles.items()):
        k = len(members)
        offsets = np.array([(s - (k - 1) / 2) * SPREAD for s in range(k)])
        sign = np.array([1.0 if f == i else -1.0 for _, f, _ in members])  # see _oriented
        plan.append(((i, j), members, offsets, sign, {}))
        if total > ROUTE_LIMIT:
            continue
        widths = _SPREADS if k > 1 else (1.0,)
        frm = np.array([f for _, f, _ in members])
        to = np.array([t for _, _, t in members])
        calls += len(widths) + 1  # the least bend is tried alone first
        for bends in (_BENDS, _FEW):
            # every trial curve lies in the triangle of its ends and control point: only the actors
            # near those are measured (the same costs, but a line's work follows its neighbourhood)
            grid = (np.asarray(widths)[:, None, None] * offsets[None, None, :]
                    + np.asarray(bends)[None, :, None]) * sign[None, None, :]
            reps = grid.size // k
            via = _via_points(np.tile(P[frm], (reps, 1)), np.tile(P[to], (reps, 1)), grid.reshape(-1))
            corners = np.concatenate([via, P[[i, j]]])
            plan[-1][4][bends] = near = _near(corners.min(axis=0), corners.max(axis=0), P, R, label_boxes)
            pieces[bends] += len(widths) * k * _STEPS * max(len(near), 1)
    # over the budget fewer bends are tried; far over it (or over ROUTE_LIMIT), lines stay straight
    bends = None if total > ROUTE_LIMIT else _BENDS if work(pieces[_BENDS], calls, _BENDS) <= ROUTE_WORK \
        else _FEW if work(pieces[_FEW], calls, _FEW) <= ROUTE_WORK else None
    for (i, j), members, offsets, sign, nearby in plan:
        if bends is None:  # too many to route: straight, parallel ones spread apart
            for (edge_id, f, _), s in zip(members, offsets):
                out[edge_id] = round(_oriented(float(s), f, i), 3)
            continue
        k = len(members)
        widths = _SPREADS if k > 1 else (1.0,)
        near = nearby[bends]
        ends = (int(np.searchsorted(near, i)), int(np.searchsorted(near, j)))
        P_near, R_near, boxes_near = P[near], R[near], label_boxes[near]
        frm = P[[f for _, f, _ in members]]
        to = P[[t for _, _, t in members]]
        best = None
        for widen in widths:
            # the least bend first, alone: most lines are clear straight away
            for chunk in ((bends[:1], bends[1:]) if widen == widths[0] else (bends,)):
                if not chunk:
                    continue
                grid = (np.asarray(chunk)[:, None] + offsets[None, :] * widen) * sign[None, :]
                lines = _curves(np.tile(frm, (len(chunk), 1)), np.tile(to, (len(chunk), 1)), grid.reshape(-1))
                costs = _costs(lines, ends, P_near, R_near, boxes_near).reshape(len(chunk), k)
                for base, member_costs in zip(chunk, costs.tolist()):
                    cost = abs(base) * 2 + (widen - 1) * 2
                    for c in member_costs:
                        cost += c
                    if best is None or cost < best[0] - 1e-9:
                        best = (cost, base, widen)
                    if cost < 1e-9:
                        break
                if best[0] < 1e-9:
                    break
            if best[0] < 10:  # clear of every dot and label: no need to fan wider
                break
        for (edge_id, f, _), s in zip(members, offsets):
            out[edge_id] = round(_oriented(best[1] + float(s) * best[2], f, i), 3)
    return out


def work(pieces: int, calls: int, bends) -> int:
    """Routing work (see ROUTE_WORK) at most: ``pieces`` curve pieces x nearby actors for each of
    the ``bends`` tried, in ``calls`` batches."""
    return pieces * len(bends) + calls * _CALL


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
