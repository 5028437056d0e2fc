"""Analysis commands on small graphs whose answers were worked out by hand from the drawing.

    a --trains--> b --part_of--> c --coordinates_with (until 2027-06)-- e
                  ^
    d --accompanies (since 2020)
"""

from __future__ import annotations

import json
import subprocess

import networkx as nx
import pytest

from conftest import FIXTURES, invoke, write

ACTORS = "id,name,type\na,A,x\nb,B,x\nc,C,y\nd,D,y\ne,E,y\n"
RELATIONS = ("source,relation,target,evidence,since,until\na,trains,b,s,,\nb,part_of,c,s,,\n"
             "d,accompanies,b,s,2020,\nc,coordinates_with,e,s,,2027-06\n")


@pytest.fixture
def g(tmp_path):
    return write(tmp_path / "g", ACTORS, RELATIONS)


def run(*args):
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result


def as_json(*args):
    return json.loads(run(*args, "--format", "json").stdout)


def test_neighbors_spell_out_kind_and_direction(g):
    rows = as_json("neighbors", "B", "--data", g)
    assert [(r["id"], r["distance"], [x["text"] for x in r["relations"]]) for r in rows] == [
        ("a", 1, ["B ←trains— A"]), ("c", 1, ["B —part of→ C"]), ("d", 1, ["B ←accompanies— D"])]


def test_neighbors_depth_two(g):
    rows = as_json("neighbors", "b", "--depth", "2", "--data", g)
    assert [(r["id"], r["distance"]) for r in rows] == [("a", 1), ("c", 1), ("d", 1), ("e", 2)]
    assert rows[-1]["relations"][0]["text"] == "C —coordinates with— E"


def test_a_huge_depth_stops_where_the_network_does(g):
    """--depth 10**12 is everyone within reach, at once (it looped 10**12 times)."""
    from graph.analysis.questions import _distances
    from graph.analysis.views import full_graph
    from graph.data.load import load_dataset

    G = full_graph(load_dataset(g))
    assert _distances(G, "b", 10 ** 12) == _distances(G, "b", G.number_of_nodes())
    assert as_json("neighbors", "b", "--depth", str(10 ** 12), "--data", g)[-1]["id"] == "e"


def test_neighbors_relation_filter(g):
    rows = as_json("neighbors", "b", "--relation", "trains", "--data", g)
    assert [r["id"] for r in rows] == ["a"]


def test_path_steps_with_relations(g):
    found = as_json("path", "a", "e", "--data", g)["paths"]
    assert [[r["text"] for r in s["relations"]] for s in found[0]["steps"]] == [
        ["A —trains→ B"], ["B —part of→ C"], ["C —coordinates with— E"]]


def test_path_directed_and_no_path(g):
    assert len(as_json("path", "a", "e", "--directed", "--data", g)["paths"][0]["steps"]) == 3
    result = invoke("path", "e", "a", "--directed", "--data", g)
    assert result.exit_code == 1
    assert "no path between 'e' and 'a' following directions" in result.stderr


def test_path_all_shortest(tmp_path):
    folder = write(tmp_path / "sq", ACTORS, "source,relation,target,evidence\na,trains,b,s\nb,trains,c,s\n"
                                            "a,trains,d,s\nd,trains,c,s\nc,part_of,e,s\n")
    found = as_json("path", "a", "c", "--all", "--data", folder)
    assert found["total"] == 2
    assert [[s["target"] for s in p["steps"]] for p in found["paths"]] == [["b", "c"], ["d", "c"]]
    one = as_json("path", "a", "c", "--data", folder)
    assert (len(one["paths"]), one["total"]) == (1, 2)


def test_path_table_reads(g):
    out = run("path", "A", "E", "--data", g).stdout.splitlines()
    assert out[1].split(None, 2) == ["1", "1", "A —trains→ B"]


def test_impact_components_cut_off_and_ranks(g):
    report = as_json("impact", "c", "--data", g)
    assert (report["components_before"], report["components_after"]) == (1, 2)
    assert report["cut_off"] == [{"actors": ["e"], "cut_off_from_count": 3, "cut_off_from": ["a", "b", "d"],
                                  "rests_on_weak_ties": False, "ties": [{"tie": "C —coordinates with— E", "weak": []}]}]
    rows = {r["id"]: r for r in report["rows"]}
    assert rows["b"]["before"] == pytest.approx(5 / 6)  # pairs a-c, a-e, a-d, d-c, d-e of 6
    assert rows["b"]["after"] == pytest.approx(1 / 3)   # only a-d, of 3 pairs
    assert rows["b"]["rank_before"] == 1 and rows["b"]["rank_after"] == 1
    assert rows["e"]["before"] == 0 and rows["e"]["after"] == 0


def test_impact_table_names_who_is_cut_off(g):
    out = run("impact", "C", "--data", g).stdout
    assert "Connected parts: 1 before, 2 after" in out
    assert "Cut off: E -- from 3 actors (A, B, D)" in out


def test_impact_of_removing_everyone_is_an_error(g):
    result = invoke("impact", "a", "b", "c", "d", "e", "--data", g)
    assert result.exit_code == 1 and "removing every actor" in result.stderr


def test_without_on_centrality_equals_impact_after(g):
    after = {r["id"]: r["after"] for r in as_json("impact", "c", "--data", g)["rows"]}
    rows = as_json("centrality", "-m", "betweenness", "--without", "C", "--data", g)
    assert {r["id"]: r["betweenness"] for r in rows} == pytest.approx(after)


def test_brokers_hand_worked(g):
    rows = {r["id"]: r for r in as_json("brokers", "--data", g)}
    assert rows["b"]["effective_size"] == pytest.approx(3)  # three contacts with no ties among them
    assert rows["b"]["constraint"] == pytest.approx(1 / 3)  # 3 * (1/3)^2
    assert rows["a"]["constraint"] == pytest.approx(1.0)    # a single tie
    assert rows["b"]["betweenness"] == pytest.approx(5 / 6)
    assert as_json("brokers", "--sort", "constraint", "--data", g)[0]["id"] == "b"


def test_brokers_guide_on_stderr(g):
    result = run("brokers", "--data", g)
    assert "reading: a broker has high betweenness" in result.stderr
    assert "reading" not in result.stdout


def test_as_of_keeps_relations_valid_on_that_day(g):
    before = as_json("neighbors", "b", "--as-of", "2019-12-31", "--data", g)
    assert [r["id"] for r in before] == ["a", "c"]  # d accompanies b only since 2020
    later = as_json("neighbors", "c", "--as-of", "2027-07", "--data", g)
    assert [r["id"] for r in later] == ["b"]  # c and e coordinate until June 2027


def test_bad_as_of_date(g):
    result = invoke("centrality", "--as-of", "2020-13-01", "--data", g)
    assert result.exit_code == 2 and "is not a date" in result.stderr


@pytest.mark.parametrize("data", ["florentine", "bundled"])
def test_communities_match_networkx_with_the_same_seed(data):
    from conftest import BUNDLED
    from graph.analysis.build import build_graph, simple_undirected
    from graph.data.load import load_dataset

    folder = FIXTURES / "florentine" if data == "florentine" else BUNDLED
    found = as_json("communities", "--seed", "7", "--data", folder, "--as-of", "all")
    from graph.analysis.build import select

    H = simple_undirected(select(build_graph(load_dataset(folder))))  # actual ties, every period
    expected = nx.community.louvain_communities(H, seed=7)
    assert sorted(sorted(a["id"] for a in c["actors"]) for c in found) == sorted(sorted(c) for c in expected)
    assert sum(c["size"] for c in found) == H.number_of_nodes()


def test_communities_are_deterministic():
    first = run("communities", "--format", "csv", "--data", FIXTURES / "florentine").stdout
    assert first == run("communities", "--format", "csv", "--data", FIXTURES / "florentine").stdout


def test_large_networks_get_igraphs_louvain_the_overviews_groups(monkeypatch):
    """Above NX_LOUVAIN_UP_TO actors communities are igraph's Louvain: as good a partition of Zachary's
    karate club as networkx's (best known modularity 0.4198, Brandes et al. 2008), the same every run,
    Python's random state untouched, and the groups the page's overview shows."""
    import random

    from networkx.algorithms.community import modularity

    from graph.analysis import questions
    from graph.picture.overview import communities as overview_groups

    G = nx.MultiDiGraph(nx.karate_club_graph())
    monkeypatch.setattr(questions, "NX_LOUVAIN_UP_TO", 10)
    random.seed(1)
    state = random.getstate()
    found = questions.communities(G)
    assert random.getstate() == state
    assert found == questions.communities(G) and sorted(v for c in found for v in c) == sorted(G)
    assert 0.40 <= modularity(nx.karate_club_graph(), found, weight=None) <= 0.4198 + 1e-9  # ties unweighted
    assert [len(c) for c in found] == sorted((len(c) for c in found), reverse=True)
    assert overview_groups(G) == {v: f"community {k}" for k, c in enumerate(found, 1) for v in c}
    monkeypatch.setattr(questions, "NX_LOUVAIN_UP_TO", 100)  # networkx's below: its own (seeded) answer
    from graph.analysis.build import simple_undirected

    assert sorted(map(sorted, questions.communities(G))) == sorted(map(sorted, nx.community.louvain_communities(
        simple_undirected(G), seed=questions.COMMUNITY_SEED)))


def test_unknown_actor_suggests(g):
    result = invoke("neighbors", "Bx", "--data", g)
    assert result.exit_code == 1
    assert "unknown actor 'Bx'; did you mean 'b' (B)?" in result.stderr


def test_no_path_says_what_in_the_view_parts_the_two_actors(tmp_path):
    """No path: the actors are apart in the whole data, or the hint names the option that joins them, and
    the command it suggests finds the path."""
    d = write(tmp_path / "p", "id,name,type\na,A,x\nb,B,x\nc,C,x\nz,Z,x\ny,Y,x\n",
              "source,relation,target,evidence,status\na,trains,b,s,\nb,coordinates_with,c,s,planned\n"
              "z,trains,y,s,\n")
    apart = invoke("path", "a", "z", "--data", d)
    assert apart.exit_code == 1 and "no chain of relations joins them in the data" in apart.stderr
    cases = [(["--relation", "trains", "--status", "all"], "there is one without --relation", ["--status", "all"]),
             ([], "there is one with --status all", ["--status", "all"]),
             (["--as-of", "2019"], "there is one with --status all", ["--as-of", "2019", "--status", "all"]),
             (["--relation", "trains"], "the whole data set joins them (--as-of all --status all --ties all",
              ["--as-of", "all", "--status", "all", "--ties", "all"])]
    for given, said, works in cases:
        result = invoke("path", "a", "c", *given, "--data", d)
        assert result.exit_code == 1 and said in result.stderr, (given, result.stderr)
        assert "1,2,b,c,coordinates_with" in run("path", "a", "c", *works, "--format", "csv", "--data", d).stdout
    backwards = invoke("path", "c", "a", "--directed", "--status", "all", "--data", d)
    assert "following directions in this view; there is one without --directed" in backwards.stderr


def test_actor_left_out_by_without(g):
    result = invoke("path", "a", "e", "--without", "e", "--data", g)
    assert result.exit_code == 1 and "'e' is left out of this view" in result.stderr


def test_diff_between_folders(tmp_path, g):
    new = write(tmp_path / "new", ACTORS.replace("c,C,y", "c,Charlie,y") + "f,F,x\n",
                RELATIONS.replace("a,trains,b,s,,\n", "") + "f,trains,a,s,,\n")
    report = as_json("diff", g, new)
    assert [(c["change"], c["what"], c["item"]) for c in report["changes"]] == [
        ("changed", "actor", "c"), ("added", "actor", "f"), ("added", "relation", "f trains a"),
        ("removed", "relation", "a trains b")]
    assert report["changes"][0]["details"] == "name: 'C' -> 'Charlie'"
    assert [c["line"] for c in report["changes"]] == [4, 7, 5, 2]  # the new file's line; the old one's if removed
    assert set(report) == {"measure", "notes", "changes", "ranks"}  # as diff --as-of's JSON, less its dates
    without = as_json("diff", g, new, "--without", "b")  # the view options apply to both versions' ranks
    assert "b" not in {r["id"] for r in without["ranks"]} and without["changes"] == report["changes"]
    b = next(r for r in report["ranks"] if r["id"] == "b")
    assert b["rank_before"] == 1


def test_diff_against_a_git_revision(tmp_path, g):
    def git(*args):
        subprocess.run(["git", "-C", str(g), *args], check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "empty")
    git("add", ".")
    git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "data")
    run("remove-relation", "c", "coordinates_with", "e", "--data", g)
    run("remove-actor", "e", "--data", g)
    report = as_json("diff", "--rev", "HEAD", "--data", g)
    assert [(c["change"], c["item"]) for c in report["changes"]] == [
        ("removed", "e"), ("removed", "c coordinates_with e")]
    bad = invoke("diff", "--rev", "HEAD~1", "--data", g)  # the empty commit has no data
    assert bad.exit_code == 1 and "cannot read the data at HEAD~1" in bad.stderr


def test_diff_needs_two_folders_or_rev(g):
    assert invoke("diff", g).exit_code == 2


def test_brokers_are_the_same_bits_whatever_the_hash_seed():
    import subprocess
    import sys

    from conftest import BUNDLED, ROOT

    outs = {subprocess.run([sys.executable, str(ROOT / "cli.py"), "brokers", "--format", "json", "--data", str(BUNDLED)],
                           capture_output=True, env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)}).stdout
            for seed in (1, 2, 3, 4)}
    assert len(outs) == 1 and b"constraint" in next(iter(outs))


@pytest.mark.slow
def test_outputs_do_not_depend_on_the_hash_seed(tmp_path):
    """Same input, same bytes, in any process: no result may follow the order of a set."""
    import subprocess
    import sys

    from conftest import BUNDLED, ROOT

    calls = [["render", "--focus", "Takuba", "--depth", "2", "-o", "{out}/f.html"], ["communities", "--format", "json"],
             ["path", "mali_forces", "minusma", "--all", "--status", "all", "--format", "json"], ["impact", "mali_forces", "--format", "json"],
             ["neighbors", "takuba", "--depth", "2", "--format", "json"]]
    for call in calls:
        outs = set()
        for seed in (1, 2):
            out = tmp_path / str(seed)
            out.mkdir(exist_ok=True)
            args = [a.format(out=out) for a in call]
            done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--data", str(BUNDLED), *args],
                                  capture_output=True, env={**__import__("os").environ, "PYTHONHASHSEED": str(seed)})
            assert done.returncode == 0, done.stderr
            outs.add(done.stdout + b"".join(p.read_bytes() for p in sorted(out.iterdir())))
        assert len(outs) == 1, call


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_communities_resolution_must_be_finite_and_positive(value):
    result = invoke("communities", "--resolution", value)
    assert result.exit_code == 2 and "not a finite number above 0" in result.output


def test_top_says_who_it_leaves_out_of_a_tie_and_the_hint_works():
    """--top cuts at the Nth actor; actors tied with it are named as a count, with the --top that shows them."""
    from graph.output.rows import cut_at

    rows = [{"rank": r} for r in (1, 1, 3, 4, 4, 4, 7)]
    assert cut_at(rows, 4) == (rows[:4], 2) and cut_at(rows, 6) == (rows[:6], 0) and cut_at(rows, 9) == (rows, 0)
    assert cut_at([{"rank": None}] * 3, 1) == ([{"rank": None}], 0)  # no value, no rank: no tie
    result = invoke("centrality", "--measure", "degree", "--top", "4", "--as-of", "all")
    assert result.exit_code == 0
    assert "tied at rank 4 with the last one shown (--top 5 shows it)" in result.stderr
    shown = invoke("centrality", "--measure", "degree", "--top", "5", "--as-of", "all", "--format", "csv")
    ranks = [line.split(",")[0] for line in shown.stdout.splitlines()[1:]]
    assert ranks == ["1", "1", "3", "4", "4"] and "tied at" not in shown.stderr
    brokers = invoke("brokers", "--top", "5", "--as-of", "all")  # Barkhane and Takuba share rank 5
    assert "1 more actor is tied at rank 5 with the last one shown (--top 6 shows it)" in brokers.stderr
    assert "tied at" not in invoke("brokers", "--top", "4", "--as-of", "all").stderr


def test_diff_ranks_what_centrality_measures(tmp_path):
    """A recommended tie and an ended one change rows, not the default view: diff's ranks are centrality's."""
    old = write(tmp_path / "old", "id,name,type\na,A,x\nb,B,x\nc,C,x\nd,D,x\n",
                "source,relation,target,evidence,status,until\na,trains,b,e,,\nb,trains,c,e,,\nc,trains,d,e,,2020\n")
    new = write(tmp_path / "new", "id,name,type\na,A,x\nb,B,x\nc,C,x\nd,D,x\n",
                "source,relation,target,evidence,status,until\na,trains,b,e,,\nb,trains,c,e,,\nc,trains,d,e,,2020\n"
                "b,coordinates_with,d,e,recommended,\n")
    report = as_json("diff", old, new)
    b = next(r for r in report["ranks"] if r["id"] == "b")
    for folder, key in ((old, "before"), (new, "after")):
        shown = {r["id"]: r for r in as_json("centrality", "-m", "betweenness", "--data", folder)}
        assert b[key] == pytest.approx(shown["b"]["betweenness"])
    assert b["before"] == pytest.approx(1.0)  # a - b - c today: b is on the one path between the others
