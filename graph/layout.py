"""Seeded node positions in pixels, with part_of groups pulled together and labels kept apart."""

from __future__ import annotations

import math
import random

__all__ = ["layout", "label_lines", "label_box", "LABEL_WIDTH", "OVERLAP_LIMIT"]

LABEL_WIDTH = 150  # px; longer labels wrap onto more lines
LINE_HEIGHT = 17  # px at the page's 14px label font
EDGE_LENGTH = 170  # px; typical tie length after scaling
OVERLAP_LIMIT = 2000  # above this many actors labels are only drawn when zoomed in


def _char_width(c: str) -> float:
    """A generous width (px, 14px sans-serif) so estimated boxes contain the drawn labels."""
    if c == " ":
        return 4.5
    if c in "ilI.,;:'|!j()[]f-t":
        return 5.5
    if c.isupper() or c in "mwMW@%":
        return 11.0
    return 8.5


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
    coords = _pack(placed, len(nodes), boxes and [boxes[n] for n in nodes])
    if boxes and len(nodes) <= OVERLAP_LIMIT:
        _separate(coords, [boxes[n] for n in nodes])
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


def _separate(coords, boxes, gap: float = 6.0, rounds: int = 300) -> None:
    """Push overlapping label boxes apart along the axis of least overlap (in place)."""
    n = len(coords)
    for _ in range(rounds):
        moved = False
        order = sorted(range(n), key=lambda i: coords[i][0] - boxes[i][0])
        for pos, i in enumerate(order):
            xi, yi = coords[i]
            wi, ui, di = boxes[i]
            for j in order[pos + 1:]:
                xj, yj = coords[j]
                wj, uj, dj = boxes[j]
                if xj - wj >= xi + wi + gap:
                    break
                ox = min(xi + wi, xj + wj) - max(xi - wi, xj - wj) + gap
                oy = min(yi + di, yj + dj) - max(yi - ui, yj - uj) + gap
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                if ox * 0.6 < oy:  # prefer sideways moves: labels are wide and short
                    shift = ox / 2 if xi <= xj else -ox / 2
                    coords[i][0] -= shift
                    coords[j][0] += shift
                else:
                    shift = oy / 2 if yi <= yj else -oy / 2
                    coords[i][1] -= shift
                    coords[j][1] += shift
                xi, yi = coords[i]
        if not moved:
            return
