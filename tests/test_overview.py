"""The overview of large maps: groups, their sizes and ties, and where their members are drawn."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest

from graph.picture.overview import circles, group, member_positions, MIN_MEMBERS, OTHER, OVERVIEW_ABOVE


def two_camps():
    """Two triangles and a pair joined by three relations (two actual, one planned), and a lone actor."""
    G = nx.MultiDiGraph()
    for v in "abcdefghz":
        G.add_node(v, name=v.upper(), type="t")
    G.add_edges_from([("a", "b", {"relation": "trains"}), ("b", "c", {"relation": "trains"}),
                      ("c", "a", {"relation": "trains"}), ("d", "e", {"relation": "trains"}),
                      ("e", "f", {"relation": "trains"}), ("f", "d", {"relation": "trains"}),
                      ("a", "d", {"relation": "trains"}), ("e", "b", {"relation": "trains"}),
                      ("c", "f", {"relation": "trains", "status": "planned"}),
                      ("g", "h", {"relation": "trains"}), ("h", "a", {"relation": "trains"})])
    of = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "y", "f": "y", "g": "w", "h": "w", "z": "v"}
    return G, of


def test_groups_largest_first_members_by_importance_ties_counted():
    G, of = two_camps()
    sizes = {"c": 5, "a": 1, "e": 2}
    g = group(G, of, sizes, max_groups=10)
    assert g.keys == ["x", "y", OTHER]  # w (2) and v (1) are smaller than MIN_MEMBERS: drawn as one
    assert MIN_MEMBERS == 3 and g.merged == 2
    assert g.members == [["c", "a", "b"], ["e", "d", "f"], ["g", "h", "z"]]
    # x-y: a->d and e->b (the planned c->f is not drawn at first); x-other: h->a; g-h is inside "other"
    assert g.ties == [(0, 1, 2), (0, 2, 1)]
    assert group(G, of, sizes, statuses=None, max_groups=10).ties == [(0, 1, 3), (0, 2, 1)]
    assert [len(m) for m in g.members] == [3, 3, 3] and sum(map(len, g.members)) == G.number_of_nodes()


def test_beyond_the_most_groups_the_smallest_are_one():
    G = nx.MultiDiGraph()
    of = {}
    for k in range(6):
        for i in range(k + 3):
            G.add_node(f"{k}-{i}")
            of[f"{k}-{i}"] = f"g{k}"
    g = group(G, of, {}, max_groups=4)
    assert g.keys == ["g5", "g4", "g3", OTHER] and g.merged == 3
    assert len(g.members[-1]) == 3 + 4 + 5


def test_member_positions_are_the_same_every_time_and_groups_do_not_overlap():
    G, of = two_camps()
    g = group(G, of, {}, max_groups=10)
    P = member_positions(G, g, seed=7)
    assert P.shape == (9, 2)
    assert np.array_equal(P, member_positions(G, g, seed=7))
    ids = list(G)
    rings = circles(P, ids, g, [10.0] * len(ids))
    assert rings == circles(P, ids, g, [10.0] * len(ids))
    for i, (x, y, r) in enumerate(rings):
        for v in g.members[i]:  # every member inside its group's circle
            px, py = P[ids.index(v)]
            assert math.hypot(px - x, py - y) <= r
        for (x2, y2, r2) in rings[i + 1:]:
            assert math.hypot(x - x2, y - y2) > r + r2  # circles apart
    assert len({tuple(p) for p in P}) == 9  # no two members on one spot


def _two_rings(extra: int = 0):
    """Two groups of 160 (a force layout each, igraph's random numbers), ring and chords; ``extra`` more
    members of the second, appended."""
    G = nx.MultiDiGraph()
    of = {}
    for k, n in (("p", 160), ("q", 160 + extra)):
        for i in range(n):
            G.add_node(f"{k}{i}", type="t")
            of[f"{k}{i}"] = k
        for i in range(n):
            G.add_edge(f"{k}{i}", f"{k}{(i + 1) % n}", relation="trains")
            if i % 5 == 0:
                G.add_edge(f"{k}{i}", f"{k}{(i + 11) % n}", relation="trains")
    return G, of


def test_a_group_keeps_its_inner_layout_when_another_grows(monkeypatch):
    from graph.picture import overview

    def local(extra):
        G, of = _two_rings(extra)
        g = group(G, of, {}, max_groups=10)
        P = member_positions(G, g, seed=7)
        ids = list(G)
        (x, y, _), = [c for c, ms in zip(circles(P, ids, g, [10.0] * len(ids)), g.members) if ms[0].startswith("p")]
        return {v: (P[i][0] - x, P[i][1] - y) for i, v in enumerate(ids) if v.startswith("p")}, P

    before, P = local(0)
    after, _ = local(1)  # q, now the larger, is laid out first
    assert before.keys() == after.keys()
    for v, (x, y) in before.items():  # p's members where they were around p's centre (positions in 0.1 px)
        assert after[v] == pytest.approx((x, y), abs=0.11)
    monkeypatch.setattr(overview, "PARALLEL_FROM", 0)  # laid out in worker processes: the same
    assert np.array_equal(local(0)[1], P)


def test_groups_with_ties_sit_closer_than_groups_without():
    def distance(tied):
        G = nx.MultiDiGraph()
        of = {}
        for k in range(8):
            for i in range(5):
                G.add_node(f"{k}-{i}")
                of[f"{k}-{i}"] = f"g{k}"
                if i:
                    G.add_edge(f"{k}-{i}", f"{k}-0", relation="trains")
        if tied:  # the first and the last group share relations
            for i in range(1, 5):
                G.add_edge(f"0-{i}", f"7-{i}", relation="trains")
        g = group(G, of, {}, max_groups=10)
        rings = circles(member_positions(G, g), list(G), g, [8.0] * len(G))
        return math.dist(rings[0][:2], rings[7][:2]), rings[0][2] + rings[7][2]

    apart, _ = distance(False)
    close, _ = distance(True)
    assert close < apart
    assert close < 0.8 * apart, (close, apart)


def test_cli_default_threshold_is_the_library_one():
    from actorgraph_cli.pictures import render

    option = next(o for o in render.params if o.name == "overview_above")
    assert option.default == OVERVIEW_ABOVE == 500


@pytest.mark.slow
def test_overview_page_data_is_deterministic_and_small_maps_are_unchanged(tmp_path):
    import json
    import re

    from conftest import BUNDLED, benchmark
    from graph import api

    generate = benchmark("generate")
    folder = tmp_path / "net"
    generate.write(folder, *generate.generate(700, 1800, seed=5))
    first, again = (api.render_html(folder, title="t") for _ in range(2))
    assert first == again
    data = json.loads(re.search(r'id="ag-data">(.*?)</script>', first, re.S).group(1))
    ov = data["overview"]
    assert ov["by"] == "community" and ov["limit"] == 1500
    assert sum(len(g["members"]) for g in ov["groups"]) == len(data["actors"])
    assert [len(g["members"]) for g in ov["groups"]][:-1] == sorted((len(g["members"]) for g in ov["groups"][:-1]),
                                                                  reverse=True)
    assert "actorgraph.overviewLogic" in first
    for g in ov["groups"]:  # a long group name is cut on the map, kept whole in the panel
        label = g["label"][0]
        assert label == g["name"] or (len(label) <= 48 and label.endswith("\u2026") and g["name"].startswith(label[:-1]))
    assert any(g["label"][0] != g["name"] for g in ov["groups"])
    small = api.render_html(BUNDLED, title="t")
    assert "overviewLogic" not in small and '"overview"' not in small
    assert small == api.render_html(BUNDLED, title="t", overview_above=None)
    by_type = json.loads(re.search(r'id="ag-data">(.*?)</script>',
                                   api.render_html(folder, title="t", group_by="type"), re.S).group(1))
    assert {g["key"] for g in by_type["overview"]["groups"]} <= {a["type"] for a in data["actors"].values()} | {OTHER}


@pytest.mark.slow
def test_group_by_an_unknown_column_is_refused_with_the_columns_there_are(tmp_path):
    from conftest import BUNDLED, invoke

    result = invoke("render", "--data", BUNDLED, "-o", tmp_path / "m.html", "--group-by", "regoin")
    assert result.exit_code == 2, result.output
    assert "no actor column 'regoin'; use type, community or one of:" in result.output
    assert "--group-by" in result.output
    assert not (tmp_path / "m.html").exists()


def test_communities_numbered_by_size_and_the_same_every_time():
    from graph.picture.overview import communities

    G = nx.MultiDiGraph()
    for k, size in enumerate((4, 7, 5)):  # three cliques, joined in a chain by one tie each
        members = [f"{k}-{i}" for i in range(size)]
        G.add_edges_from((a, b) for a in members for b in members if a < b)
    G.add_edges_from([("0-0", "1-0"), ("1-1", "2-0")])
    found = communities(G)
    assert found == communities(G)
    assert {found[f"1-{i}"] for i in range(7)} == {"community 1"}
    assert {found[f"2-{i}"] for i in range(5)} == {"community 2"}
    assert {found[f"0-{i}"] for i in range(4)} == {"community 3"}
