"""The picture decided in Python: positions, label places and sizes, colours and shapes, bends."""

from __future__ import annotations

import itertools
import math
from dataclasses import asdict

import numpy as np
import pytest

from conftest import BUNDLED, benchmark, write

LABEL_CROSSINGS_BOUND = 8  # lines through other actors' labels on the bundled map (goal: 3)
from graph.analysis.build import build_graph
from graph.picture.labels import minor_zooms, segment_hits
from graph.data.load import load_dataset
from graph.analysis.metrics import centrality
from graph.picture.palette import MIN_DELTA_E, assign, delta_e, lab, simulate
from graph.picture import scene as scene_module
from graph.picture.scene import fingerprint, scene_for
from graph.picture.routing import curve_points, via_point


def generated(tmp_path, n, m, seed=1):
    generate = benchmark("generate")
    folder = tmp_path / f"g{n}"
    generate.write(folder, *generate.generate(n, m, seed=seed))
    return folder


def scene_of(folder, size_by="betweenness"):
    """As `render` makes it: every tie on the page, measures on the actual ones; edges as first shown."""
    from graph.analysis.build import select

    G = select(build_graph(load_dataset(folder)), statuses=None)
    values, _ = centrality(select(G), ["degree", "betweenness"])
    scene = scene_for(G, values, size_by)
    scene.edges = [e for e in scene.edges if e["status"] == "actual"]  # planned, recommended: on demand
    return G, scene


@pytest.fixture(scope="module")
def bundled():
    return scene_of(BUNDLED)


def overlapping(boxes):
    out = []
    for (i, a), (j, b) in itertools.combinations(enumerate(boxes), 2):
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
            out.append((i, j))
    return out


def test_no_label_overlaps_a_label_or_a_dot(bundled):
    _, sc = bundled
    assert overlapping(sc.box) == []
    dots = [[x - r, y - r, x + r, y + r] for x, y, r in zip(sc.x, sc.y, sc.radius)]
    for i, b in enumerate(sc.box):
        for j, d in enumerate(dots):
            if i != j:
                assert overlapping([b, d]) == [], (sc.ids[i], sc.ids[j])


def test_every_label_is_legible_at_the_fitted_view(bundled):
    _, sc = bundled
    assert all(sc.major)
    px = [f * sc.fit_scale for f in sc.font]
    assert min(px) >= 12.0 and sorted(px)[len(px) // 2] >= 13.0


def test_no_line_runs_through_another_actors_dot(bundled):
    _, sc = bundled
    P = np.array([sc.x, sc.y]).T
    index = {v: i for i, v in enumerate(sc.ids)}
    for e in sc.edges:
        f, t = index[e["from"]], index[e["to"]]
        pts = curve_points(P[f], P[t], e["bend"], 64)
        for k in range(len(P)):
            if k in (f, t):
                continue
            assert min(math.dist(p, P[k]) for p in pts) >= sc.radius[k], (e["id"], sc.ids[k])


def test_lines_cross_few_other_labels(bundled):
    _, sc = bundled
    P = np.array([sc.x, sc.y]).T
    B = np.array(sc.box)
    index = {v: i for i, v in enumerate(sc.ids)}
    crossings = 0
    for e in sc.edges:
        f, t = index[e["from"]], index[e["to"]]
        pts = curve_points(P[f], P[t], e["bend"], 64)
        hits = segment_hits(pts[:-1], pts[1:], B).any(axis=0)
        hits[[f, t]] = False
        crossings += int(hits.sum())
    # The goal is 3 or fewer. The third reading of the article (fewer, different ties) gives 8 with
    # today's layout search; the bound keeps it from getting worse until the layout does better.
    assert crossings <= LABEL_CROSSINGS_BOUND


@pytest.mark.slow  # a full layout or several renders: in the full suite, not the fast loop
def test_same_graph_same_picture_computed_or_remembered(bundled, monkeypatch):
    _, sc = bundled
    scene_of(BUNDLED)  # remembered now, if it was not

    def not_computed(*args, **kwargs):
        raise AssertionError("the scene was computed, not remembered")

    with monkeypatch.context() as m:
        m.setattr(scene_module, "_compose", not_computed)
        remembered = scene_of(BUNDLED)[1]
    monkeypatch.setattr(scene_module, "CACHE_SIZE", 0)  # no cache: computed afresh
    fresh = scene_of(BUNDLED)[1]
    assert asdict(remembered) == asdict(fresh) == asdict(sc)
    remembered.x[0] += 1000.0  # callers own their copy: changing it changes nothing remembered
    remembered.edges.clear()
    monkeypatch.undo()
    with monkeypatch.context() as m:
        m.setattr(scene_module, "_compose", not_computed)
        assert asdict(scene_of(BUNDLED)[1]) == asdict(fresh)


def test_vis_curve_geometry():
    # roundness 0 is the straight line's midpoint; a bend is symmetric by direction
    assert via_point((0, 0), (100, 0), 0.0) == pytest.approx((50, 0))
    cw = via_point((0, 0), (100, 0), 0.5)
    ccw = via_point((0, 0), (100, 0), -0.5)
    assert cw[1] < 0 < ccw[1] and cw[0] == pytest.approx(ccw[0])


@pytest.mark.slow  # lays out a 150-actor map: 20-40 s on two cores
def test_large_map_labels_its_most_important_actors(tmp_path):
    G, sc = scene_of(generated(tmp_path, 150, 260))
    values, _ = centrality(G, ["betweenness"])
    top = sorted(G, key=lambda n: (-values["betweenness"][n], n))[:15]
    index = {v: i for i, v in enumerate(sc.ids)}
    assert all(sc.major[index[n]] for n in top)
    assert min(sc.font[index[n]] * sc.fit_scale for n in top) >= 12.0
    shown = [b for b, major, z in zip(sc.box, sc.major, sc.zoom) if major or (z is not None and z <= sc.fit_scale)]
    assert overlapping(shown) == []
    minors = [z for z, major in zip(sc.zoom, sc.major) if not major]
    assert minors and all(z is not None for z in minors)  # every other label shows at some zoom


def test_minor_labels_show_where_they_collide_with_nothing():
    P = np.array([[0, 0], [30, 0], [300, 0]], dtype=float)
    R = np.full(3, 5.0)
    place, zoom = minor_zooms(P, R, np.zeros((0, 4)), np.full(3, 60.0), np.full(3, 14.0), [0, 1, 2], start=0.5)
    assert zoom[0] == zoom[2] == 0.5  # nothing in the way
    assert place[1] != place[0] or zoom[1] > 0.5  # the second steps aside or waits for a closer zoom


def test_palette_same_shape_colours_differ_for_every_reader():
    pairs = assign(14)
    assert len(set(pairs)) == 14
    for (c1, s1), (c2, s2) in itertools.combinations(pairs, 2):
        if s1 == s2:
            assert delta_e(c1, c2) >= MIN_DELTA_E
            assert delta_e(c1, c2, "protanopia") >= 15 and delta_e(c1, c2, "deuteranopia") >= 15
    assert [s for _, s in pairs[:7]] == ["dot"] * 7  # colour first, shape past what colour separates


def test_colour_science_against_published_values():
    # CIELAB of sRGB primaries (D65): red L*=53.24 a*=80.09 b*=67.20; blue L*=32.30 a*=79.19 b*=-107.86
    assert lab("#ff0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.05)
    assert lab("#0000ff") == pytest.approx((32.30, 79.19, -107.86), abs=0.05)
    # full protanopia maps pure red to a dark yellow-brown, keeping no red-green contrast
    r, g, b = (int(simulate("#ff0000", "protanopia")[i:i + 2], 16) for i in (1, 3, 5))
    assert abs(r - g) < 40 and b < 40


def test_bundled_types_same_shape_differ_clearly(bundled):
    _, sc = bundled
    groups = sc.groups
    assert len(groups) == 12
    for a, b in itertools.combinations(groups, 2):
        if a["shape"] == b["shape"]:
            assert delta_e(a["color"], b["color"]) >= 20, (a["key"], b["key"])
    assert {g["key"]: g["color"] for g in groups}["government body"] != \
        {g["key"]: g["color"] for g in groups}["military operation"] or \
        {g["key"]: g["shape"] for g in groups}["government body"] != \
        {g["key"]: g["shape"] for g in groups}["military operation"]


def test_fingerprint_changes_with_everything_the_scene_depends_on(bundled):
    from graph.data.schema import RELATIONS, RelationKind, Vocabulary, kinds_of

    G, _ = bundled
    sizes = {n: 1.0 for n in G}
    groups = {n: "x" for n in G}
    kinds = kinds_of(G)
    base = fingerprint(G, sizes, groups, kinds)
    assert base == fingerprint(G.copy(), dict(sizes), dict(groups), kinds)  # equal inputs: one fingerprint
    renamed = G.copy()
    renamed.nodes["takuba"]["name"] = "Takuba"
    retied = G.copy()
    u, v, k = next(iter(retied.edges(keys=True)))
    retied.edges[u, v, k]["status"] = "planned"
    recoloured = Vocabulary(RelationKind(s.name, s.label, s.inverse, s.directed,
                                         "#000000" if s.name == "trains" else s.color, s.style)
                            for s in RELATIONS.values())
    others = [
        fingerprint(renamed, sizes, groups, kinds),
        fingerprint(retied, sizes, groups, kinds),
        fingerprint(G, {**sizes, "takuba": 2.0}, groups, kinds),
        fingerprint(G, {**sizes, "takuba": 1}, groups, kinds),  # an int may compute differently: kept apart
        fingerprint(G, sizes, {**groups, "takuba": "y"}, kinds),
        fingerprint(G, sizes, groups, recoloured),
        fingerprint(G, sizes, groups, kinds, seed=8),
        fingerprint(G, sizes, groups, kinds, layout_graph=G),
    ]
    assert base not in others and len(set(others)) == len(others)
    odd = G.copy()
    odd.nodes["takuba"]["extra"] = object()  # no faithful text form: not fingerprinted, not cached
    assert fingerprint(odd, sizes, groups, kinds) is None


@pytest.mark.slow  # bundled maps laid out
@pytest.mark.parametrize("view", [dict(), dict(as_of="all", statuses="all"), dict(without="Barkhane"), "pinned"])
def test_placement_is_the_scene_without_labels_and_lines(view, tmp_path):
    """Exports take each actor's place, dot, colour and shape from placement(): the page's, exactly."""
    import shutil

    from graph.analysis.views import View, graph_of
    from graph.picture.scene import placement

    folder = BUNDLED
    if view == "pinned":  # a graph of its own (relayout: no whole map), two actors pinned in positions.csv
        folder = tmp_path / "d"
        shutil.copytree(BUNDLED, folder)
        (folder / "positions.csv").write_text("id,x,y\nminusma,10,-20\nmali_forces,300.5,40\n", encoding="utf-8")
    ds = load_dataset(folder)
    G = graph_of(ds, View(**view) if isinstance(view, dict) else View(), all_statuses=True, all_ties=True,
                 relayout=view == "pinned")
    values, _ = centrality(G, ["degree", "betweenness"])
    scene, placed = scene_for(G, values), placement(G, values)
    assert placed.ids == scene.ids and len(scene.ids) > 20
    for column in ("x", "y", "radius", "colour", "shape"):
        assert getattr(placed, column) == getattr(scene, column), column
    if view == "pinned":
        at = dict(zip(placed.ids, zip(placed.x, placed.y)))
        assert at["minusma"] == (10.0, -20.0) and at["mali_forces"] == (300.5, 40.0)


def test_a_very_long_name_is_cut_in_its_label_and_the_map_stays_in_reach(tmp_path):
    """A 20,000-character name: its label is cut at LABEL_CHARS with '…'; it pushed the map past ±1,000,000 px."""
    from graph.data.positions import REACH
    from graph.picture.scene import LABEL_CHARS

    name = "Word " * 4000
    folder = write(tmp_path / "long", f"id,name,type\na,{name},t\nb,B,t\nc,C,t\n",
                   "source,relation,target,evidence\na,trains,b,x\nb,trains,c,x\n")
    G, sc = scene_of(folder)
    label = " ".join(sc.lines[sc.ids.index("a")])
    assert label.endswith("\u2026") and len(label) <= LABEL_CHARS
    assert max(abs(v) for v in [*sc.x, *sc.y]) < REACH
    assert G.nodes["a"]["name"] == name.strip()  # the data keeps it whole
