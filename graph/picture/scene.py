"""The picture of a graph, decided once for the page and the static images alike.

A scene holds every actor's position, dot size, shape and colour, its label (lines,
font size, place beside the dot, whether it is legible at the fitted view) and every
relation's line (colour, dashes, arrow, bend). ``graph.output.page`` draws it with
vis-network, ``graph.output.static`` with matplotlib: the same map either way.

:func:`compose` remembers its last few scenes in-process, keyed by a fingerprint of
everything the picture depends on (see :func:`fingerprint`); a remembered scene is
the one a new computation would give, and each caller gets its own copy.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime
import hashlib
import math
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from graph.picture.labels import ALIGN, boxes, GAP, minor_zooms, offsets, PLACES
from graph.picture.palette import _next, assign, type_styles
from graph.analysis.build import LAYOUT_OF, select
from graph.data.schema import kinds_of, status_of
from graph.picture.textsize import LINE_HEIGHT, shortened, text_width, wrap
from graph.picture.ties import kind_lines
from graph.picture.layout import layout
from graph.picture.routing import route

__all__ = ["Scene", "Placement", "placement", "type_styles_of", "compose", "fingerprint", "clear_cache", "REFERENCE_VIEW", "MAJOR_ALL", "label_font",
           "sizes_of", "base_positions", "fixed_positions", "LAYOUT_OF"]

REFERENCE_VIEW = (1040, 690)  # px: the graph pane on a 1366 x 768 laptop screen
FIT_MARGIN = 1.04  # the fitted view leaves this much room around the picture
TARGET_PX = 13.5  # on-screen size of the main labels at the fitted view on the reference view
MAJOR_ALL = 40  # up to this many actors, every label is legible at the fitted view
MAJOR_MIN = 15  # beyond, at least this many (the most important) are
MAJOR_MAX = 50  # and at most this many: a screen holds no more legible labels
WRAP = 7.0  # label lines wrap at this many font sizes
MINOR_FONT = 12.0  # screen px of minor labels, at any zoom
R_MIN, R_MAX = 7.0, 24.0  # dot radius in px


@dataclass
class Placement:
    """Each actor's place, dot radius, colour and shape as :func:`scene_for` draws them, without
    labels and lines: what formats that carry the map's positions need (GEXF, yEd, Cytoscape.js)."""

    ids: list[str]
    x: list[float]
    y: list[float]
    radius: list[float]
    colour: list[str]
    shape: list[str]


@dataclass
class Scene(Placement):
    """Everything drawn, in page coordinates (px at zoom 1): the placement, then labels and lines.

    Main labels scale with the page (their ``font`` is in page px); minor labels keep
    ``MINOR_FONT`` screen px and show from their ``zoom`` on (their ``font`` and ``box``
    are as at that zoom, for pictures that draw every label).
    """

    group: list[str]
    lines: list[list[str]]
    font: list[float]
    place: list[str]
    align: list[str]  # text alignment in the label box: left, right or center
    box: list[list[float]]  # label box x0, y0, x1, y1
    major: list[bool]
    zoom: list[float | None]  # minor labels: zoom from which they show (None: never); main labels: 0
    size: list[list[float]]  # minor labels: box width and height in screen px
    edges: list[dict]
    groups: list[dict]  # legend entries: key, colour, shape, count
    fit_scale: float  # zoom of the fitted view on REFERENCE_VIEW
    extent: list[float] = field(default_factory=list)  # x0, y0, x1, y1 of everything drawn


def label_font(importance: np.ndarray, base: float) -> np.ndarray:
    """Font size of main labels: they grow a little with importance."""
    return base * (1.0 + 0.22 * np.sqrt(importance))


LABEL_CHARS = 150  # a label longer than this is cut with '…' (the panel and tooltip keep the whole name)


def _measure(names, font):
    lines = [wrap(shortened(name, LABEL_CHARS), f, WRAP * f) for name, f in zip(names, font)]
    W = np.array([max(text_width(l, f) for l in ls) + 4 for ls, f in zip(lines, font)])
    H = np.array([len(ls) * LINE_HEIGHT * f for ls, f in zip(lines, font)])
    return lines, W, H


CACHE_SIZE = 64  # scenes remembered by compose (a test run draws the same maps many times) ...
CACHE_ITEMS = 200_000  # ... holding at most this many actors and ties together (memory)
# A scene larger than this is not remembered: a command draws it once, and fingerprinting and
# copying 10,000 actors and 30,000 ties cost about 5 s.
CACHE_SCENE = 20_000
# Actors: above, the whole map's dots (see base_positions) are sized by betweenness estimated from
# BASE_SAMPLE seeded source actors, not searched from every actor (10,000 actors: ~1 s, not ~25 s).
BASE_EXACT_UP_TO = 5_000
BASE_SAMPLE = 500
_cache: OrderedDict[str, Scene] = OrderedDict()


class _Uncacheable(Exception):
    """A value whose text form might not tell it apart from another: no fingerprint, no cache."""


def _canon(x):
    """A nested tuple whose repr differs whenever x could make compose decide differently."""
    t = type(x)
    if x is None or t in (str, int, float, bool, bytes, datetime.date, datetime.datetime) \
            or isinstance(x, np.generic):
        return x  # repr tells types apart: 1, 1.0, True, '1', np.float64(1.0)
    if t in (list, tuple):
        return (t.__name__, tuple(_canon(v) for v in x))
    if isinstance(x, dict):  # in insertion order: the order compose iterates
        return (t.__name__, tuple((_canon(k), _canon(v)) for k, v in x.items()))
    if t in (set, frozenset):
        return (t.__name__, tuple(sorted((_canon(v) for v in x), key=repr)))
    if dataclasses.is_dataclass(x) and not isinstance(x, type) and x.__dataclass_params__.frozen:
        return (t.__qualname__, tuple((f.name, _canon(getattr(x, f.name))) for f in dataclasses.fields(x)))
    raise _Uncacheable(t.__qualname__)


def _graph_canon(G):
    if G is None:
        return None
    return (type(G).__name__, G.is_directed(), _canon(list(G.nodes(data=True))),
            _canon(list(G.edges(data=True))))


def fingerprint(G, sizes: dict, groups: dict, kinds: dict, seed: int = 7, layout_graph=None,
                styles: dict | None = None, fixed: dict | None = None, also_major=None) -> str | None:
    """A digest of everything :func:`compose` reads: G's actors and ties in order with all their
    attributes, sizes, groups, the relation kinds, the seed and the layout graph. None when some
    value is of a type whose text form might not identify it (then compose does not cache).
    """
    try:
        key = (_graph_canon(G), _canon(sizes), _canon(groups), _canon(kinds), _canon(seed),
               _graph_canon(layout_graph), _canon(styles), _canon(fixed), _canon(also_major))
    except _Uncacheable:
        return None
    return hashlib.sha256(repr(key).encode("utf-8", "surrogatepass")).hexdigest()


def _small(G) -> bool:
    """Whether G's scene is small enough to fingerprint and remember (see CACHE_SCENE)."""
    return G.number_of_nodes() + G.number_of_edges() <= CACHE_SCENE


def clear_cache() -> None:
    """Forget every remembered scene."""
    _cache.clear()


def compose(G, sizes: dict, groups: dict, kinds: dict, seed: int = 7, layout_graph=None,
            styles: dict | None = None, fixed: dict | None = None, also_major=None) -> Scene:
    """Lay out G: ``sizes`` maps actor -> importance (>= 0), ``groups`` actor -> legend group.

    ``layout_graph`` (same actors, fewer ties) places the actors when some of G's ties are
    drawn only on demand (planned or recommended ones): they do not pull the map out of shape.
    ``styles`` (group -> (colour, shape)) fixes the groups' colours and shapes, e.g. the data set's
    :func:`~graph.picture.palette.type_styles`; groups it lacks, or all when None, get theirs in
    order of size in G. ``fixed`` (actor -> (x, y)) keeps those actors exactly there; the others
    are placed around them. ``also_major`` (a frozenset of actors) get main labels too.
    The same inputs give the same scene, remembered (see :func:`fingerprint`); the caller
    owns the Scene it gets and may change it.
    """
    key = fingerprint(G, sizes, groups, kinds, seed, layout_graph, styles, fixed, also_major) \
        if CACHE_SIZE > 0 and _small(G) else None
    if key is not None and key in _cache:
        _cache.move_to_end(key)
        return copy.deepcopy(_cache[key])
    scene = _compose(G, sizes, groups, kinds, seed, layout_graph, styles, fixed, also_major)
    if key is not None:
        _cache[key] = copy.deepcopy(scene)
        while len(_cache) > CACHE_SIZE or sum(len(s.ids) + len(s.edges) for s in _cache.values()) > CACHE_ITEMS:
            _cache.popitem(last=False)  # the least recently used
    return scene


def _compose(G, sizes: dict, groups: dict, kinds: dict, seed: int = 7, layout_graph=None,
             styles: dict | None = None, fixed: dict | None = None, also_major=None, only_positions: bool = False):
    """The computation behind :func:`compose`, never cached. ``only_positions``: the actors' positions
    alone, actor -> (x, y) (as the scene's x and y), without the minor labels' zooms and the lines' routes."""

    ids = list(G)
    n = len(ids)
    imp, radius = _dots(ids, sizes)
    order = sorted(range(n), key=lambda i: (-imp[i], ids[i]))
    k = n if n <= MAJOR_ALL else min(max(MAJOR_MIN, math.ceil(n / 10)), MAJOR_MAX)
    major = np.zeros(n, dtype=bool)
    major[order[:k]] = True
    if also_major:
        major |= np.array([v in also_major for v in ids], dtype=bool)
    names = [G.nodes[v].get("name", v) or v for v in ids]
    minor_lines, minor_w, minor_h = _measure(names, np.full(n, MINOR_FONT))
    base, P, scale = 15.0, None, 1.0
    pins = None
    if fixed:
        pins = np.array([fixed.get(v, (np.nan, np.nan)) for v in ids], dtype=float).reshape(n, 2)
    major_idx = np.flatnonzero(major)
    for _ in range(3):  # main labels must be legible at the fitted view, which depends on the layout
        font = np.where(major, np.round(label_font(imp, base), 1), MINOR_FONT)
        lines, W, H = list(minor_lines), np.zeros(n), np.zeros(n)  # minor labels make room for themselves later
        major_lines, W[major_idx], H[major_idx] = _measure([names[i] for i in major_idx], font[major_idx])
        for i, ls in zip(major_idx, major_lines):
            lines[i] = ls
        P, place = layout(G if layout_graph is None else layout_graph, radius, W, H, seed=seed, order=order,
                          start=P, fixed=pins)
        extent = _extent(P, radius, W, H, place)
        scale = _fit_scale(extent)
        shown = float(np.median(font[major])) * scale if n else TARGET_PX
        if shown >= TARGET_PX * 0.97 or n == 0:
            break
        base = min(base * TARGET_PX / shown, 48.0)
    if only_positions:
        return {v: (_coordinate(x, fixed, v, 0), _coordinate(y, fixed, v, 1)) for v, (x, y) in zip(ids, P)}
    B = boxes(P, radius, W, H, place) if n else np.zeros((0, 4))
    zoom = np.zeros(n)
    if n and not major.all():
        minor_order = [i for i in order if not major[i]]
        m_place, m_zoom = minor_zooms(P, radius, B[major], minor_w, minor_h, minor_order, start=scale)
        idx = np.asarray(minor_order)
        place[idx], zoom[idx] = m_place[idx], m_zoom[idx]
        z = np.where(np.isfinite(m_zoom[idx]), np.maximum(m_zoom[idx], scale), 1e6)  # as drawn from the fit on
        font[idx] = np.round(MINOR_FONT / z, 2)
        for i in minor_order:
            lines[i] = minor_lines[i]
        B[idx] = offsets(radius[idx], minor_w[idx] / z, minor_h[idx] / z, place[idx], gap=GAP / z) \
            + np.concatenate([P[idx], P[idx]], axis=1)
    group_keys = _legend_order(groups.values())
    style = _styles(group_keys, styles)
    index = {v: i for i, v in enumerate(ids)}
    drawn = kind_lines(kinds)  # hostile kinds apart: their colour family, pattern and head
    edges, bundles = [], {}
    for e, (u, v, d) in enumerate(G.edges(data=True)):
        edge_id = f"e{e}"
        i, j = index[u], index[v]
        bundles.setdefault((min(i, j), max(i, j)), []).append((edge_id, i, j))
        spec, line = kinds[d["relation"]], drawn[d["relation"]]
        edges.append({"id": edge_id, "from": u, "to": v, "kind": spec.name, "color": line.color,
                      "style": line.style, "arrow": spec.directed, "head": line.head, "status": status_of(d)})
    shown = np.where(major[:, None], B, 1e9)  # lines keep off the labels seen at the fitted view
    bends = route(bundles, P, radius, shown) if n else {}
    for e in edges:
        e["bend"] = bends[e["id"]]
    return Scene(
        ids=ids, x=[_coordinate(a, fixed, v, 0) for v, a in zip(ids, P[:, 0])],
        y=[_coordinate(a, fixed, v, 1) for v, a in zip(ids, P[:, 1])],
        radius=[float(r) for r in radius], colour=[style[groups[v]][0] for v in ids],
        shape=[style[groups[v]][1] for v in ids], group=[groups[v] for v in ids], lines=lines,
        font=[float(f) for f in font], place=[PLACES[p] for p in place],
        align=[ALIGN.get(PLACES[p], "center") for p in place],
        box=[[round(float(c), 2) for c in b] for b in B], major=[bool(m) for m in major],
        zoom=[None if not np.isfinite(z) else round(float(z), 4) for z in zoom],
        size=[[round(float(a), 1), round(float(b), 1)] for a, b in zip(minor_w, minor_h)],
        edges=edges,
        groups=[{"key": g, "color": style[g][0], "shape": style[g][1],
                 "count": sum(1 for v in ids if groups[v] == g)} for g in group_keys],
        fit_scale=round(scale, 4) if n else 1.0,
        extent=[round(float(c), 1) for c in _extent_all(P, radius, B, zoom)] if n else [0.0, 0.0, 0.0, 0.0],
    )


def _dots(ids, sizes: dict):
    """Each actor's importance (0-1, of the largest) and its dot's radius in px."""
    n = len(ids)
    imp = np.array([max(float(sizes.get(v) or 0.0), 0.0) for v in ids])
    top = imp.max() if n and imp.max() > 0 else 1.0
    imp = imp / top
    r_max = R_MAX - (R_MAX - R_MIN) * 0.4 * min(max((n - MAJOR_ALL) / 110, 0.0), 1.0)  # large maps: smaller dots
    return imp, np.round(R_MIN + (r_max - R_MIN) * np.sqrt(imp), 1)


def _styles(group_keys: list, styles: dict | None) -> dict:
    """Each legend group -> (colour, shape): ``styles``' own, the others the next free pairs in legend order."""
    if styles is None:
        return dict(zip(group_keys, assign(len(group_keys))))
    style = {g: styles[g] for g in group_keys if g in styles}
    chosen = list(styles.values())
    for g in group_keys:
        if g not in style:
            style[g] = _next(chosen)
            chosen.append(style[g])
    return style


def _coordinate(a, fixed, v, axis: int) -> float:
    """A position as scenes keep it: to 0.1 px; a pinned one exactly as given."""
    if fixed and v in fixed:
        return float(fixed[v][axis]) + 0.0
    return round(float(a), 1) + 0.0  # no -0.0


def _legend_order(values) -> list:
    """Groups by size, largest first, then by name: the legend's and the colours' order."""
    counts: dict = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return [g for g, _ in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))]


def _extent(P, R, W, H, place) -> np.ndarray:
    if not len(P):
        return np.zeros(4)
    B = boxes(P, R, W, H, place)
    lo = np.minimum(B[:, :2], P - R[:, None]).min(axis=0)
    hi = np.maximum(B[:, 2:], P + R[:, None]).max(axis=0)
    return np.concatenate([lo, hi])


def _extent_all(P, R, B, zoom) -> np.ndarray:
    """Dots and every label that ever shows (minor ones as drawn at their own zoom)."""
    shows = np.isfinite(zoom)
    lo = np.minimum((P - R[:, None]).min(axis=0), B[shows, :2].min(axis=0, initial=np.inf))
    hi = np.maximum((P + R[:, None]).max(axis=0), B[shows, 2:].max(axis=0, initial=-np.inf))
    return np.concatenate([lo, hi])


def _fit_scale(extent, view=REFERENCE_VIEW) -> float:
    w, h = extent[2] - extent[0], extent[3] - extent[1]
    return min(view[0] / (FIT_MARGIN * max(w, 1.0)), view[1] / (FIT_MARGIN * max(h, 1.0)), 1.5)


def type_styles_of(G) -> dict[str, tuple[str, str]]:
    """Each actor type of G's data set -> (colour, shape): the whole data set's, whatever view G is
    (see :func:`graph.picture.palette.type_styles`); a type G's data set does not know (a graph
    built by hand) gets the next free pair, in G's order."""
    styles = type_styles(G.graph.get("type_order", ()), G.graph.get("types"))
    chosen = list(styles.values())
    for _, t in G.nodes(data="type", default=""):
        if t not in styles:
            styles[t] = _next(chosen)
            chosen.append(styles[t])
    return styles


def sizes_of(G, values: dict, size_by: str = "betweenness") -> dict:
    """Each actor's importance (>= 0) by the measure ``size_by`` (degree when it is missing; 1 for 'none')."""
    measure = values.get(size_by) if size_by != "none" else None
    if measure is None:
        measure = values.get("degree") or {n: 1.0 for n in G}
    sizes = {n: (v if v is not None and v == v else 0.0) for n, v in measure.items()}
    if size_by == "none":
        sizes = {n: 1.0 for n in G}
    return sizes


def scene_for(G, values: dict, size_by: str = "betweenness", groups: dict | None = None, seed: int = 7,
              start=None):
    """The scene (see graph.picture.scene) for G with dots and labels sized by a measure.

    Actors are placed by their actual and planned ties; recommended ones (ties the source
    argues for) are drawn on top without pulling the map out of shape. A view of a data set
    (``G.graph["layout_of"]`` names the whole data set's graph) draws every actor where the
    whole data set's map has it (:func:`base_positions`); otherwise actors pinned in the data
    set's positions.csv (``G.graph["positions"]``) stay there and the others are placed around them.
    ``start`` (n, 2): every actor's position, given (the overview's groups, see graph.picture.overview).
    """
    sizes, groups, kinds, shown, styles = _inputs(G, values, size_by, groups)
    if start is not None:  # every actor placed already: only the labels choose their side
        return compose(G, sizes, groups, kinds, seed=seed, layout_graph=shown, styles=styles,
                       fixed={v: (float(x), float(y)) for v, (x, y) in zip(G, start)})
    fixed = fixed_positions(G, seed)
    full = G.graph.get(LAYOUT_OF)
    if full is not None and full.graph["_base_positions"][2] is not None:
        key = fingerprint(G, sizes, groups, kinds, seed, shown, styles, _pins(G))
        if key is not None and key == full.graph["_base_positions"][2]:
            fixed = _pins(G)  # the whole map itself: drawn as it was (remembered), labels and all
    return compose(G, sizes, groups, kinds, seed=seed, layout_graph=shown, styles=styles, fixed=fixed)


def placement(G, values: dict, size_by: str = "betweenness", seed: int = 7) -> Placement:
    """Where :func:`scene_for` (default groups: the actor types) puts each actor and how it draws the dot,
    the same values, without composing the view's labels and lines when it need not: a view of a data set
    takes the whole map's positions, another graph its remembered scene's (small) or positions alone (large)."""
    sizes, groups, kinds, shown, styles = _inputs(G, values, size_by, None)
    ids = list(G)
    full = G.graph.get(LAYOUT_OF)
    where = base_positions(full, seed) if full is not None else {}  # a large whole map is not drawn for it
    if not all(v in where for v in ids):
        fixed = ({v: where[v] for v in ids if v in where} if full is not None else _pins(G)) or None
        if _small(G):  # the scene the page draws, remembered (see compose)
            drawn = compose(G, sizes, groups, kinds, seed=seed, layout_graph=shown, styles=styles, fixed=fixed)
            where = dict(zip(drawn.ids, zip(drawn.x, drawn.y)))
        else:
            where = _compose(G, sizes, groups, kinds, seed=seed, layout_graph=shown, styles=styles, fixed=fixed,
                             only_positions=True)
    radius = _dots(ids, sizes)[1]
    style = _styles(_legend_order(groups.values()), styles)
    return Placement(ids=ids, x=[float(where[v][0]) + 0.0 for v in ids], y=[float(where[v][1]) + 0.0 for v in ids],
                     radius=[float(r) for r in radius], colour=[style[groups[v]][0] for v in ids],
                     shape=[style[groups[v]][1] for v in ids])

def _inputs(G, values: dict, size_by: str, groups: dict | None):
    """What :func:`scene_for` hands :func:`compose`: sizes, groups, kinds, layout graph, styles."""
    types = {n: d.get("type", "") for n, d in G.nodes(data=True)}
    groups = groups or types
    # actor types: the whole data set's colours and shapes, in every view; other groupings by size
    styles = type_styles_of(G) if groups == types else None
    return sizes_of(G, values, size_by), groups, kinds_of(G), _layout_graph(G), styles


def _layout_graph(G):
    """G without its recommended ties, which do not pull the map out of shape (None: G has none)."""
    if not any(d.get("status") == "recommended" for _, _, d in G.edges(data=True)):
        return None
    shown = select(G, statuses=("actual", "planned"))
    alone = {n for n in shown if shown.degree(n) == 0}  # tied only by recommendations: placed by them
    shown.add_edges_from((u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if {u, v} & alone)
    return shown


def _pins(G) -> dict | None:
    pins = G.graph.get("positions") or {}
    return {v: pins[v] for v in G if v in pins} or None


def fixed_positions(G, seed: int = 7) -> dict | None:
    """The positions G's actors must keep (see :func:`scene_for`): actor -> (x, y), or None."""
    full = G.graph.get(LAYOUT_OF)
    if full is None:
        return _pins(G)
    where = base_positions(full, seed)
    return {v: where[v] for v in G if v in where} or None


def base_positions(full, seed: int = 7, pins: dict | None = None, drawn: bool = True) -> dict:
    """Where the map of the whole data set (every period, status and kind, ``full``) draws each
    actor: actor -> (x, y), its pinned position for an actor in positions.csv. Dots and labels
    are sized by betweenness on the actual cooperative ties, as the default view sizes them.
    Computed once per graph (kept in ``full.graph``). ``pins`` (actor -> (x, y)) replaces the
    data set's positions.csv (then nothing is kept). ``drawn=False``: the positions only, without
    drawing the rest of the whole map's scene (minor labels' zooms, routes) nor keeping anything:
    the same positions, in less time (benchmarks/stability.py). A whole map too large to remember
    (see :func:`_small`) is never drawn here: only its positions are kept.
    """
    known = full.graph.get("_base_positions")  # (seed, positions, the fingerprint of the whole map's scene)
    if known is not None and known[0] == seed and pins is None:
        return known[1]
    from graph.analysis.metrics import centrality
    from graph.data.dates import today

    whole = copy.copy(full)
    whole.graph = {k: v for k, v in full.graph.items() if k not in (LAYOUT_OF, "_base_positions")}
    if pins is not None:
        whole.graph["positions"] = pins
    measured = select(whole, statuses=("actual",), ties="cooperative")
    # sizes only place the actors (no value of the whole map is shown): estimated on large maps
    sample = BASE_SAMPLE if whole.number_of_nodes() > BASE_EXACT_UP_TO else None
    values, _ = centrality(measured, ["betweenness", "degree"], sample=sample) \
        if measured.number_of_nodes() else ({}, [])
    sizes, groups, kinds, shown, styles = _inputs(whole, values, "betweenness", None)
    # the default view (today) shows its own most important actors' labels large: keep room for them too
    now = select(whole, statuses=("actual",), ties="cooperative", as_of=today(), default_date=True)
    also = None
    if now.number_of_nodes() != whole.number_of_nodes() or now.number_of_edges() != measured.number_of_edges():
        ranked = centrality(now, ["betweenness"], sample=sample)[0].get("betweenness") or {} \
            if now.number_of_nodes() else {}
        index = {v: i for i, v in enumerate(whole)}
        n = whole.number_of_nodes()
        k = n if n <= MAJOR_ALL else min(max(MAJOR_MIN, math.ceil(n / 10)), MAJOR_MAX)
        top = sorted(ranked, key=lambda v: (-(ranked[v] if ranked[v] == ranked[v] else 0.0), index[v]))[:k]
        also = frozenset(top) if n > MAJOR_ALL else None
    if not drawn or not _small(whole):  # a large whole map is not remembered: its positions are all a view needs
        where = _compose(whole, sizes, groups, kinds, seed=seed, layout_graph=shown, styles=styles,
                         fixed=_pins(whole), also_major=also, only_positions=True)
        if drawn and pins is None:
            full.graph["_base_positions"] = (seed, where, None)
        return where
    scene = compose(whole, sizes, groups, kinds, seed=seed, layout_graph=shown, styles=styles,
                    fixed=_pins(whole), also_major=also)
    where = {v: (x, y) for v, x, y in zip(scene.ids, scene.x, scene.y)}
    if pins is None:
        key = fingerprint(whole, sizes, groups, kinds, seed, shown, styles, _pins(whole), also)
        full.graph["_base_positions"] = (seed, where, key)
    return where
