"""robustness on a hand-worked network, and what path and impact say about weak ties."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write

# p - q; p has leaves p1, p2 and r1 (stated, graded C4), r2, r3 (implied, B3); q has leaves q1 (two
# sources), q2, q3. Betweenness (pairs through the actor, a tree: sum over pairs of branches of the
# product of their sizes), n = 10:
#   all ties:      p: branches 1,1,1,1,1,4 -> (81 - 21) / 2 = 30    q: 1,1,1,6 -> (81 - 39) / 2 = 21
#   stated only:   p: 1,1,1,4 -> (49 - 19) / 2 = 15                 q: 1,1,1,4 -> 15   (p and q tie)
#   B3 or better:  p: 1,1,1,1,4 -> (64 - 20) / 2 = 22               q: 1,1,1,5 -> 18
#   B2 or better:  p: 1,1,4 -> (36 - 18) / 2 = 9                    q: 1,1,1,3 -> 12   (q overtakes p)
# Kendall's tau-b, all vs B2: (p,q) discordant, 16 pairs with a leaf concordant, 28 tied in both:
# (16 - 1) / sqrt(17 * 17) = 15/17; all vs stated only: (p,q) tied in the second: 16 / sqrt(17 * 16).
ACTORS = "id,name,type\n" + "".join(f"{a},{a.upper()},t\n" for a in
                                    ("p", "q", "p1", "p2", "r1", "r2", "r3", "q1", "q2", "q3"))
RELATIONS = """source,relation,target,confidence,sources,credibility
p1,part_of,p,stated,s1,2
p2,part_of,p,stated,s1,2
r1,part_of,p,stated,s2,4
r2,part_of,p,implied,s1,3
r3,part_of,p,implied,s1,3
p,coordinates_with,q,stated,s1,2
q1,part_of,q,stated,s1;s2,2
q2,part_of,q,stated,s1,2
q3,part_of,q,stated,s1,2
"""
SOURCES = "id,title,reliability\ns1,First,B\ns2,Second,C\n"


@pytest.fixture
def worked(tmp_path):
    return write(tmp_path / "w", ACTORS, RELATIONS, sources=SOURCES)


def robust(folder, *options):
    result = invoke("robustness", "--data", folder, "--format", "json", *options)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def test_hand_worked_rankings_flip_where_expected(worked):
    out, notes = robust(worked, "--top", "2")
    views = {v["view"]: v for v in out["views"]}
    assert [a["id"] for a in out["actors"]] == ["p", "q"]
    assert out["actors"][0]["value"] == pytest.approx(30 / 36)  # normalised by (n-1)(n-2)/2 = 36
    assert views["stated only"]["ranks"] == {"p": 1, "q": 1}
    assert views["grade B3 or better"]["ranks"] == {"p": 1, "q": 2}
    assert views["grade B2 or better"]["ranks"] == {"p": 2, "q": 1}
    assert views["grade B2 or better"]["kendall_tau"] == pytest.approx(15 / 17)
    assert views["stated only"]["kendall_tau"] == pytest.approx(16 / (17 * 16) ** 0.5)
    assert views["stated only"]["left_out"] == 2 and views["grade B2 or better"]["left_out"] == 3
    assert "grade C4 or better: every tie qualifies, nothing to test" in notes
    single = [v for v in out["views"] if v["kind"] == "tie"]
    assert len(single) == 8  # the nine ties of p and q, less q1's corroborated one
    assert not any(v["tie"]["source"] == "q1" for v in single)
    assert single[0]["tie"]["quality"]  # weak ties are tested first


def test_verdicts_and_weak_basis(worked):
    out, _ = robust(worked, "--top", "1")
    (p,) = out["actors"]
    assert p["id"] == "p" and p["worst_rank"] == 2 and not p["stays_in_top"]
    assert p["leaves_top_without_weak"] == ["grade B2 or better"]
    why = {t["tie"]: t["why"] for t in p["weak_ties"]}
    assert why["R2 —part of→ P"] == ["implied", "single source"]
    assert why["R1 —part of→ P"] == ["weakly graded C4", "single source"]


def test_table_and_csv(worked):
    table = invoke("robustness", "--data", worked, "--top", "2")
    assert table.exit_code == 0
    assert "stated only" in table.stdout and "0.882" in table.stdout  # 15/17
    lines = [line for line in table.stdout.splitlines() if line.strip().startswith(("1", "2"))]
    assert any("P" in line and "may leave top 2" not in line for line in lines)
    csv = invoke("robustness", "--data", worked, "--top", "2", "--format", "csv").stdout.splitlines()
    assert csv[0] == "view,kind,ties_left_out,kendall_tau,id,name,rank,rank_in_view,keeps_rank"
    assert "grade B2 or better,evidence,3,0.8823529411764706,p,P,1,2,False" in csv


def test_ungraded_data_says_there_are_no_grade_views(data):
    result = invoke("robustness", "--data", data)
    assert result.exit_code == 0
    assert "no tie is graded" in result.stderr


def test_max_ties_limits_and_says_so(worked):
    out, notes = robust(worked, "--top", "2", "--max-ties", "3")
    assert sum(v["kind"] == "tie" for v in out["views"]) == 3
    assert "8 single-source ties among the top actors' ties: 3 tested" in notes


def test_path_flags_steps_that_rest_on_weak_ties(worked):
    result = invoke("path", "r2", "q2", "--data", worked, "--format", "json")
    paths = json.loads(result.stdout)["paths"]
    assert paths[0]["rests_on_weak_ties"]
    first = paths[0]["steps"][0]
    assert first["weak"] and first["relations"][0]["weak"] == ["implied"]
    assert not paths[0]["steps"][1]["weak"]
    table = invoke("path", "r2", "q2", "--data", worked)
    assert "note: path 1 rests on weak ties: step 1 (implied)" in table.stderr


def test_impact_says_when_a_cut_off_rests_on_weak_ties(worked):
    result = invoke("impact", "p", "--data", worked, "--format", "json")
    out = json.loads(result.stdout)
    cuts = {tuple(c["actors"]): c for c in out["cut_off"]}
    assert cuts[("r2",)]["rests_on_weak_ties"] and cuts[("r1",)]["rests_on_weak_ties"]
    assert not cuts[("p1",)]["rests_on_weak_ties"]
    text = invoke("impact", "p", "--data", worked).stdout
    assert "this rests on weak ties only: R2 —part of→ P (implied)" in text


def test_impact_names_weak_ties_that_alone_hold_the_rest_together(tmp_path):
    # a - b - c and a - c (implied): without b, a and c hang together by the implied tie only
    folder = write(tmp_path / "h", "id,name,type\na,A,t\nb,B,t\nc,C,t\n",
                   "source,relation,target,confidence\na,coordinates_with,b,stated\nb,coordinates_with,c,stated\n"
                   "a,coordinates_with,c,implied\n")
    out = json.loads(invoke("impact", "b", "--data", folder, "--format", "json").stdout)
    assert out["held_by_weak_ties"] == [{"between": ["a", "c"],
                                         "ties": [{"tie": "A —coordinates with— C", "weak": ["implied"]}]}]


# ---- large networks: betweenness estimated from sampled sources (issue 26) ----------------------------

def _wheel(n: int = 120):
    """A ring of n actors with chords every 7 and a doubled tie (two relations on one pair)."""
    actors = "id,name,type\n" + "".join(f"a{i},A{i},t\n" for i in range(n))
    rows = [f"a{i},coordinates_with,a{(i + 1) % n},stated,s1,{1 + i % 5}" for i in range(n)]
    rows += [f"a{i},trains,a{(i + 7) % n},implied,s1,3" for i in range(0, n, 3)]
    rows.append("a1,trains,a0,stated,s1,2")  # a0-a1 now has two relations
    return actors, "source,relation,target,confidence,sources,credibility\n" + "\n".join(rows) + "\n"


def _graph_of(folder):
    from graph import api

    return api._graph(api.load_dataset(folder), None)


def test_small_networks_stay_exact(tmp_path):
    from graph.analysis.robustness import EXACT_WORK, _Sampled

    G = _graph_of(write(tmp_path / "w", *_wheel(), sources=SOURCES))
    assert _Sampled.if_needed(G, False, 40, {}) is None  # 40 views of 120 actors: far within EXACT_WORK
    assert 40 * 120 * (120 + 160) < EXACT_WORK


@pytest.mark.slow
def test_sampled_views_equal_exact_ones_with_every_source(tmp_path):
    from graph.analysis.build import select
    from graph.analysis.robustness import _Sampled, _values

    G = _graph_of(write(tmp_path / "w", *_wheel(), sources=SOURCES))
    full = _values(G, "betweenness", False)
    est = _Sampled(G, False, G.number_of_nodes(), full)
    edges = list(G.edges(keys=True, data=True))
    kept = frozenset(i for i, e in enumerate(edges) if e[3].get("confidence") == "stated")
    exact = _values(select(G, statuses=None, confidence="stated"), "betweenness", False)
    assert dict(zip(G, est.view(kept))) == pytest.approx(exact, abs=1e-12)
    doubled = next(i for i, (u, v, _, d) in enumerate(edges) if {u, v} == {"a0", "a1"})
    assert dict(zip(G, est.without(doubled))) == full  # the pair keeps its other relation: exactly nothing changes
    lone = next(i for i, (u, v, _, d) in enumerate(edges) if {u, v} == {"a5", "a6"})
    H = G.copy()
    H.remove_edge(*edges[lone][:3])
    exact = _values(H, "betweenness", False)
    got = dict(zip(G, est.without(lone)))
    moved = [v for v in G if abs(exact[v] - full[v]) > 1e-3]
    assert moved and all(got[v] == pytest.approx(exact[v], abs=1e-9) for v in moved)  # the large changes, exact
    from graph.analysis.ranking import ranks

    assert est.ranks(got_array := est.without(lone), list(G)) == ranks(dict(zip(G, got_array)), G)


@pytest.mark.slow
@pytest.mark.parametrize("directed", [False, True])
def test_only_sources_on_the_ties_paths_are_searched_again(tmp_path, monkeypatch, directed):
    """A source is skipped only when the tie is on none of its shortest paths (its row is then unchanged),
    and the estimate from the kept rows equals searching every source again."""
    import numpy as np

    from graph.analysis import robustness as rb

    actors, relations = _wheel(60)
    actors += "".join(f"k{i},K{i},t\n" for i in range(5))  # a second part: five actors all tied to each other
    relations += "".join(f"k{i},coordinates_with,k{j},stated,s1,2\n" for i in range(5) for j in range(i + 1, 5))
    G = _graph_of(write(tmp_path / "w", actors, relations, sources=SOURCES))
    full = rb._values(G, "betweenness", directed)
    est = rb._Sampled(G, directed, 50, full)
    assert est.rows is not None
    monkeypatch.setattr(rb, "ROWS_LIMIT", 0)
    again = rb._Sampled(G, directed, 50, full)
    assert again.rows is None and again.sources == est.sources
    skipped = searched = 0
    for i in range(len(est.gives)):
        gone = est._gone([i])
        if not gone:
            continue
        hit, view = est._on_paths(gone), est._less(gone)
        for s in est.sources:
            same = np.allclose(view.betweenness(directed=directed, sources=[s]),
                               est.graph.betweenness(directed=directed, sources=[s]), rtol=0, atol=1e-12)
            assert same or s in hit, (i, s)
            skipped += s not in hit
            searched += s in hit
        assert np.allclose(est.without(i), again.without(i), rtol=0, atol=1e-12)
    assert skipped and searched  # both cases occur


def test_large_network_says_its_betweenness_is_estimated(tmp_path, monkeypatch):
    from graph.analysis import robustness as rb

    monkeypatch.setattr(rb, "EXACT_WORK", 1000)
    monkeypatch.setattr(rb, "MIN_SAMPLE", 60)
    folder = write(tmp_path / "w", *_wheel(), sources=SOURCES)
    out, notes = robust(folder, "--top", "3")
    assert all(v.get("estimated") for v in out["views"])
    assert "estimated, not exact" in notes and "from the paths of 60 sampled source actors" in notes
    assert "standard error" in notes
    exact, _ = robust(folder, "--top", "3", "--measure", "degree")  # other measures stay exact
    assert not any(v.get("estimated") for v in exact["views"])
