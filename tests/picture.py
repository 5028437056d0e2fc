"""Measure the drawn picture in a real browser: label sizes, overlaps, edges through dots and labels.

Geometry comes from vis-network's own drawing state (``network.body``): node
centres and shapes, label rectangles, and points along each drawn edge curve.
Used by the browser tests and by ``scripts/screenshot.py --measure``.
"""

from __future__ import annotations

import math
import statistics

GEOMETRY_JS = """
() => {
  const body = network.body, scale = network.getScale(), boxes = window.agLabelBoxes;
  const nodes = body.nodeIndices.map(id => {
    const n = body.nodes[id];
    const box = boxes.get(id);
    return {id: id, x: n.x, y: n.y, r: n.options.size, shape: n.options.shape,
            font: box ? box[4] : 0, shown: !!box, box: box ? box.slice(0, 4) : null};
  });
  const edges = body.edgeIndices.filter(id => body.edges[id].connected && body.edges[id].options.hidden !== true)
    .map(id => {
      const e = body.edges[id];
      const pts = [];
      for (let i = 0; i <= 64; i++) { const p = e.edgeType.getPoint(i / 64); pts.push([p.x, p.y]); }
      return {id: id, from: e.fromId, to: e.toId, points: pts};
    });
  return {scale: scale, nodes: nodes, edges: edges};
}
"""


def _inside_box(p, box, pad=0.0):
    return box[0] - pad <= p[0] <= box[2] + pad and box[1] - pad <= p[1] <= box[3] + pad


def _segment_hits_box(a, b, box) -> bool:
    """Whether segment ab meets the rectangle (Liang-Barsky clipping)."""
    x0, y0 = a
    dx, dy = b[0] - a[0], b[1] - a[1]
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def _segment_distance(p, a, b) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def measure(geometry: dict) -> dict:
    """Numbers a reader notices, from GEOMETRY_JS's output."""
    scale = geometry["scale"]
    nodes = {n["id"]: n for n in geometry["nodes"]}
    shown = [n for n in nodes.values() if n["shown"]]
    px = [n["font"] * scale for n in shown]
    overlaps = []
    for i, a in enumerate(shown):
        for b in shown[i + 1:]:
            A, B = a["box"], b["box"]
            if A[0] < B[2] and B[0] < A[2] and A[1] < B[3] and B[1] < A[3]:
                overlaps.append((a["id"], b["id"]))
    through_dots, through_labels, own_labels = [], [], []
    for e in geometry["edges"]:
        ends = (nodes[e["from"]], nodes[e["to"]])
        pts = [p for p in e["points"] if all(math.dist(p, (n["x"], n["y"])) > n["r"] + 1 for n in ends)]
        segments = list(zip(pts, pts[1:]))
        for n in ends:
            if n["shown"] and any(_segment_hits_box(a, b, n["box"]) for a, b in segments):
                own_labels.append((e["id"], n["id"]))
        for n in nodes.values():
            if n["id"] in (e["from"], e["to"]):
                continue
            if any(_segment_distance((n["x"], n["y"]), a, b) < n["r"] for a, b in segments):
                through_dots.append((e["id"], n["id"]))
            if n["shown"] and any(_segment_hits_box(a, b, n["box"]) for a, b in segments):
                through_labels.append((e["id"], n["id"]))
    return {
        "scale": scale,
        "labels_shown": len(shown),
        "label_px_median": statistics.median(px) if px else 0.0,
        "label_px_min": min(px) if px else 0.0,
        "label_overlaps": overlaps,
        "edges_through_dots": through_dots,
        "edges_through_labels": through_labels,
        "edges_through_own_labels": own_labels,
    }


def shown_labels(geometry: dict) -> set[str]:
    return {n["id"] for n in geometry["nodes"] if n["shown"]}
