"""Seeded node positions in pixels, with part_of groups pulled together and labels kept apart."""

from __future__ import annotations

import math
import random

__all__ = ["layout", "label_lines", "label_box", "LABEL_WIDTH", "OVERLAP_LIMIT"]

LABEL_WIDTH = 150  # px; longer labels wrap onto more lines
LINE_HEIGHT = 17  # px at the page's 14px label font
EDGE_LENGTH = 170  # px; typical tie length after scaling
OVERLAP_LIMIT = 500  # above this many actors, labels may overlap until zoomed in


def _char_width(c: str) -> float:
    """A generous width (px, 14px sans-serif) so estimated boxes contain the drawn labels."""
    width = _WIDTHS.get(c)
    if width is None:
        if c == " ":
            width = 4.5
        elif c in "ilI.,;:'|!j()[]f-t":
            width = 5.5
        elif c.isupper() or c in "mwMW@%":
            width = 11.0
        else:
            width = 8.5
        _WIDTHS[c] = width
    return width


_WIDTHS: dict[str, float] = {}


def label_lines(text: str, width: float = LABEL_WIDTH) -> list[str]:
    """Split a label into lines no wider than width, at spaces where possible.

    >>> label_lines("Cadre politique de gestion de la crise au centre du Mali")
    ['Cadre politique de', 'gestion de la crise au', 'centre du Mali']
    """
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and sum(map(_char_width, trial)) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return lines + [current] if current else lines or [""]


def label_box(lines: list[str], size: float) -> tuple[float, float, float]:
    """(half width, extent above the centre, extent below) of a dot with its label under it."""
    text_w = max(sum(map(_char_width, line)) for line in lines)
    half_w = max(size, text_w / 2) + 4
    return half_w, size + 4, size + 6 + LINE_HEIGHT * len(lines)


def layout(G, boxes: dict | None = None, seed: int = 7) -> dict:
    """Positions {node: (x, y)} for a networkx graph, the same for the same graph and seed.

    Each connected part is laid out on its own (Kamada-Kawai up to KK_LIMIT
    actors, else Fruchterman-Reingold, both igraph) with part_of ties
    shorter, so hierarchies sit together; parts are scaled so a tie is about
    EDGE_LENGTH px, packed in rows, then nudged until no label boxes overlap.
    """
    nodes = list(G)
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    lengths: dict[tuple, float] = {}
    for u, v, k in G.edges(keys=True):
        if u != v:
            key = (min(index[u], index[v]), max(index[u], index[v]))
            lengths[key] = min(lengths.get(key, 1.0), 0.6 if k == "part_of" else 1.0)
    parts = _components(len(nodes), lengths)
    state = random.getstate()
    random.seed(seed)  # igraph draws from Python's random module
    try:
        placed = [_place(part, lengths) for part in parts]
    finally:
        random.setstate(state)
    box_list = [boxes[n] for n in nodes] if boxes else [(LABEL_WIDTH / 2, 18, 40)] * len(nodes)
    coords = _spread(_pack(placed, len(nodes), box_list), box_list)
    if boxes and len(nodes) <= OVERLAP_LIMIT:
        _separate(coords, box_list)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in zip(nodes, coords)}


KK_LIMIT = 500


def _components(n: int, lengths: dict) -> list[list[int]]:
    """Connected parts (lists of node indices), largest first, then by first node."""
    parent = list(range(n))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in lengths:
        parent[find(a)] = find(b)
    parts: dict[int, list[int]] = {}
    for i in range(n):
        parts.setdefault(find(i), []).append(i)
    return sorted(parts.values(), key=lambda p: (-len(p), p[0]))


def _place(part: list[int], lengths: dict) -> dict[int, list[float]]:
    """Positions of one connected part, in px, centred on 0."""
    import igraph as ig

    if len(part) == 1:
        return {part[0]: [0.0, 0.0]}
    local = {node: i for i, node in enumerate(part)}
    edges = [(local[a], local[b]) for a, b in lengths if a in local]
    weights = [lengths[(part[a], part[b])] if (part[a], part[b]) in lengths else lengths[(part[b], part[a])]
               for a, b in edges]
    g = ig.Graph(n=len(part), edges=edges)
    if len(part) <= KK_LIMIT:
        coords = g.layout_kamada_kawai(weights=weights, maxiter=50 * len(part)).coords
    else:
        coords = g.layout_fruchterman_reingold(weights=[1 / w for w in weights], niter=500).coords
    spans = sorted(math.dist(coords[a], coords[b]) / w for (a, b), w in zip(edges, weights))
    typical = spans[len(spans) // 2] or 1.0
    factor = EDGE_LENGTH / typical
    cx = sum(x for x, _ in coords) / len(coords)
    cy = sum(y for _, y in coords) / len(coords)
    return {node: [(x - cx) * factor, (y - cy) * factor] for node, (x, y) in zip(part, coords)}


def _pack(placed: list[dict], n: int, boxes) -> list[list[float]]:
    """Lay the parts out in rows, largest first, about as wide as they are tall overall."""
    pad = 40.0
    rects = []
    for pos in placed:
        half = {i: (boxes[i][0], boxes[i][1], boxes[i][2]) if boxes else (20, 20, 20) for i in pos}
        x0 = min(p[0] - half[i][0] for i, p in pos.items())
        x1 = max(p[0] + half[i][0] for i, p in pos.items())
        y0 = min(p[1] - half[i][1] for i, p in pos.items())
        y1 = max(p[1] + half[i][2] for i, p in pos.items())
        rects.append((x0, y0, x1 - x0 + pad, y1 - y0 + pad))
    area = sum(w * h for _, _, w, h in rects)
    row_width = max(max(w for _, _, w, _ in rects), math.sqrt(area) * 1.4)
    coords = [[0.0, 0.0] for _ in range(n)]
    x = y = row_height = 0.0
    for pos, (x0, y0, w, h) in zip(placed, rects):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for i, (px, py) in pos.items():
            coords[i] = [px - x0 + x, py - y0 + y]
        x += w
        row_height = max(row_height, h)
    return coords


def _spread(coords, boxes, fill: float = 0.3) -> list[list[float]]:
    """Scale a layout up until its label boxes would fill at most ``fill`` of the picture."""
    xs = [x for x, _ in coords]
    ys = [y for _, y in coords]
    widest = max(b[0] for b in boxes)
    area = (max(xs) - min(xs) + 2 * widest) * (max(ys) - min(ys) + 2 * widest)
    needed = sum(2 * w * (u + d) for w, u, d in boxes) / fill
    if area >= needed:
        return coords
    factor = math.sqrt(needed / area)
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    return [[cx + (x - cx) * factor, cy + (y - cy) * factor] for x, y in coords]


def _separate(coords, boxes, gap: float = 6.0, rounds: int = 3000) -> None:
    """Push overlapping label boxes apart along the axis of least overlap (in place).

    All overlapping pairs move at once each round (found with a k-d tree), each node
    by the sum of its pushes, until no two boxes overlap.
    """
    import numpy as np
    from scipy.spatial import cKDTree

    P = np.array(coords, dtype=float)
    W, U, D = (np.array([b[k] for b in boxes], dtype=float) for k in range(3))
    reach = math.hypot(2 * W.max() + gap, U.max() + D.max() + gap)
    for _ in range(rounds):
        pairs = cKDTree(P).query_pairs(reach, output_type="ndarray")
        if not len(pairs):
            break
        pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
        i, j = pairs[:, 0], pairs[:, 1]
        ox = np.minimum(P[i, 0] + W[i], P[j, 0] + W[j]) - np.maximum(P[i, 0] - W[i], P[j, 0] - W[j]) + gap
        oy = np.minimum(P[i, 1] + D[i], P[j, 1] + D[j]) - np.maximum(P[i, 1] - U[i], P[j, 1] - U[j]) + gap
        hit = (ox > 0) & (oy > 0)
        if not hit.any():
            break
        i, j, ox, oy = i[hit], j[hit], ox[hit], oy[hit]
        sideways = ox * 0.6 < oy  # labels are wide and short: prefer moving sideways
        sx = np.where(P[i, 0] <= P[j, 0], 1.0, -1.0)
        sy = np.where(P[i, 1] <= P[j, 1], 1.0, -1.0)
        # each pair moves apart by its whole overlap plus a pixel, so it ends strictly apart
        dx = np.where(sideways, (ox + 1) / 2 * sx, 0.0)
        dy = np.where(sideways, 0.0, (oy + 1) / 2 * sy)
        move = np.zeros_like(P)
        count = np.zeros(len(P))
        np.add.at(move[:, 0], i, -dx)
        np.add.at(move[:, 0], j, dx)
        np.add.at(move[:, 1], i, -dy)
        np.add.at(move[:, 1], j, dy)
        np.add.at(count, i, 1)
        np.add.at(count, j, 1)
        P += move
    for k, (x, y) in enumerate(P):
        coords[k][0], coords[k][1] = float(x), float(y)
