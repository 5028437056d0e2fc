"""Centrality: published reference values, hand-worked small graphs, undefined measures."""

from __future__ import annotations

import csv
import io
import json
import random

import networkx as nx
import pytest

from conftest import FIXTURES, benchmark, invoke, write
from graph.analysis import engine

FLORENTINE = FIXTURES / "florentine"


def centrality_json(*args):
    result = invoke("centrality", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return {row["id"]: row for row in json.loads(result.stdout)}


def test_florentine_betweenness_matches_wasserman_faust():
    # Wasserman & Faust (1994), Padgett's marriage network without Pucci
    rows = centrality_json("--data", FLORENTINE, "--measure", "betweenness")
    assert rows["medici"]["betweenness"] == pytest.approx(0.522, abs=5e-4)
    assert rows["guadagni"]["betweenness"] == pytest.approx(0.255, abs=5e-4)
    assert rows["albizzi"]["betweenness"] == pytest.approx(0.212, abs=5e-4)
    assert rows["acciaiuoli"]["betweenness"] == 0


def test_florentine_degree_and_closeness_published():
    rows = centrality_json("--data", FLORENTINE, "-m", "degree", "-m", "closeness")
    assert rows["medici"]["degree"] == pytest.approx(6 / 14)  # six marriage ties of 14 possible
    assert rows["medici"]["closeness"] == pytest.approx(0.560, abs=5e-4)  # W&F table 5.3: 0.560


def test_table_is_sorted_and_rounded():
    result = invoke("centrality", "--data", FLORENTINE, "-m", "betweenness", "--top", "2")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["rank", "name", "type", "ties", "between"]  # headers shortened to fit
    assert lines[1].split() == ["1", "Medici", "family", "6", "0.522"]
    assert lines[2].split() == ["2", "Guadagni", "family", "4", "0.255"]
    assert len(lines) == 3


def test_csv_output_full_precision_with_ids():
    result = invoke("centrality", "--data", FLORENTINE, "-m", "betweenness", "--format", "csv", "--top", "1")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["id"] == "medici"
    assert float(rows[0]["betweenness"]) == pytest.approx(0.521978021978022, abs=1e-12)


PATH_ACTORS = "id,name,type\na,A,x\nb,B,x\nc,C,x\nd,D,x\n"


def test_hand_worked_path_graph(tmp_path):
    # a - b - c - d, undirected: b lies on a-c, a-d; normalised by (n-1)(n-2)/2 = 3
    folder = write(tmp_path / "p", PATH_ACTORS,
                   "source,relation,target,evidence\na,trains,b,x\nc,trains,b,x\nc,part_of,d,x\n")
    rows = centrality_json("--data", folder, "-m", "betweenness", "-m", "degree", "-m", "in_degree")
    assert rows["b"]["betweenness"] == pytest.approx(2 / 3)
    assert rows["a"]["betweenness"] == 0
    assert rows["b"]["degree"] == pytest.approx(2 / 3)
    assert rows["b"]["in_degree"] == pytest.approx(2 / 3)  # trained by a and c
    assert rows["a"]["in_degree"] == 0


def test_parallel_relations_count_once(tmp_path):
    folder = write(tmp_path / "p", PATH_ACTORS,
                   "source,relation,target,evidence\na,trains,b,x\na,accompanies,b,x\nb,part_of,c,x\nc,part_of,d,x\n")
    rows = centrality_json("--data", folder, "-m", "degree")
    assert rows["a"]["degree"] == pytest.approx(1 / 3)


def test_directed_reads_directions_and_symmetric_both_ways(tmp_path):
    # a -> b -> c <-> d: b lies on a->c and a->d; c on a->d and b->d; nothing reaches a
    folder = write(tmp_path / "p", PATH_ACTORS,
                   "source,relation,target,evidence\na,trains,b,x\nb,trains,c,x\nc,coordinates_with,d,x\n")
    rows = centrality_json("--data", folder, "-m", "betweenness", "--directed")
    assert rows["b"]["betweenness"] == pytest.approx(2 / 6)  # (a,c), (a,d) over (n-1)(n-2)=6
    assert rows["c"]["betweenness"] == pytest.approx(2 / 6)
    assert rows["d"]["betweenness"] == 0


def test_relation_filter(tmp_path):
    folder = write(tmp_path / "p", PATH_ACTORS,
                   "source,relation,target,evidence\na,trains,b,x\nb,part_of,c,x\nc,part_of,d,x\n")
    rows = centrality_json("--data", folder, "-m", "degree", "--relation", "part_of")
    assert rows["a"]["degree"] == 0
    assert rows["c"]["degree"] == pytest.approx(2 / 3)


def test_eigenvector_on_directed_acyclic_graph_is_a_note_not_a_traceback(tmp_path):
    folder = write(tmp_path / "p", PATH_ACTORS,
                   "source,relation,target,evidence\na,part_of,b,x\nb,part_of,c,x\nc,part_of,d,x\n")
    result = invoke("centrality", "--data", folder, "--directed", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "note: eigenvector: undefined for this directed graph without cycles" in result.stderr
    rows = json.loads(result.stdout)
    assert all(r["eigenvector"] is None for r in rows)
    assert rows[0]["betweenness"] is not None


def test_measures_on_graph_without_ties_after_filter(tmp_path):
    folder = write(tmp_path / "p", PATH_ACTORS,
                   "source,relation,target,evidence\na,part_of,b,x\nb,part_of,c,x\nc,part_of,d,x\n")
    result = invoke("centrality", "--data", folder, "--relation", "trains")
    assert result.exit_code == 0, result.output
    assert "note: eigenvector: undefined on a graph without ties" in result.stderr
    assert "Traceback" not in result.output


def test_without_everything_is_a_clear_error(tmp_path):
    folder = write(tmp_path / "p", "id,name,type\na,A,x\nb,B,x\n", "source,relation,target,evidence\na,trains,b,x\n")
    result = invoke("centrality", "--data", folder, "--without", "a", "--without", "B")
    assert result.exit_code == 1
    assert "no actors to work on: --without leaves none" in result.stderr


def test_sort_must_be_a_measure_asked_for():
    result = invoke("centrality", "--data", FLORENTINE, "-m", "degree", "--sort", "pagerank")
    assert result.exit_code == 2
    assert "'pagerank' is not among the measures" in result.stderr


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("graph", ["florentine", "karate", "random"])
def test_igraph_engine_matches_networkx(graph, directed):
    if graph == "florentine":
        G = nx.florentine_families_graph()
    elif graph == "karate":
        G = nx.karate_club_graph()
    else:
        G = nx.gnm_random_graph(120, 300, seed=3, directed=True)
        G.add_nodes_from(["isolated"])
    G = nx.DiGraph(G) if directed else nx.Graph(G)
    for measure in ("betweenness", "closeness"):
        ref = getattr(engine, measure)(G, engine="networkx")
        fast = getattr(engine, measure)(G, engine="igraph")
        assert set(ref) == set(fast)
        for node in ref:
            assert fast[node] == pytest.approx(ref[node], abs=1e-9), (measure, node)


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("graph", ["florentine", "karate", "dangling"])
def test_small_graph_pagerank_matches_networkx(graph, directed):
    if graph == "florentine":
        G = nx.florentine_families_graph()
    elif graph == "karate":
        G = nx.Graph(nx.karate_club_graph().edges())  # our views carry no weights
    else:  # a star pointing inwards: every leaf dangles in the reverse direction
        G = nx.DiGraph([(i, 0) for i in range(1, 9)] + [(0, 9)])
        G.add_node("alone")
    G = nx.DiGraph(G) if directed else nx.Graph(G)
    ours, ref = engine.pagerank(G), nx.pagerank(G)
    assert set(ours) == set(ref)
    for node in ref:
        assert ours[node] == pytest.approx(ref[node], abs=1e-9)


def test_pagerank_published_value():
    # I. Rogers, "The Google PageRank algorithm and how it works" (2002): pages A->B, A->C,
    # B->C, C->A with d=0.85 converge to PR(A)=1.163, PR(B)=0.644, PR(C)=1.192 (sum 3)
    G = nx.DiGraph([("a", "b"), ("a", "c"), ("b", "c"), ("c", "a")])
    pr = engine.pagerank(G)
    assert pr["a"] == pytest.approx(1.163 / 3, abs=5e-4)
    assert pr["b"] == pytest.approx(0.644 / 3, abs=5e-4)
    assert pr["c"] == pytest.approx(1.192 / 3, abs=5e-4)


@pytest.mark.parametrize("directed", [False, True])
def test_sampled_betweenness_is_the_same_estimate_in_both_engines(directed):
    G = nx.gnm_random_graph(150, 400, seed=5, directed=directed)
    ref = engine.betweenness(G, engine="networkx", sample=40)
    fast = engine.betweenness(G, engine="igraph", sample=40)
    assert ref == pytest.approx(fast, abs=1e-9)
    exact = engine.betweenness(G, engine="networkx")
    assert ref != pytest.approx(exact, abs=1e-9)  # it is an estimate, and a different one


def test_sample_is_stated_and_seeded():
    result = invoke("centrality", "--data", FLORENTINE, "-m", "betweenness", "--sample", "5", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "note: betweenness: estimated from 5 sampled source actors (seed 42), not exact" in result.stderr
    again = invoke("centrality", "--data", FLORENTINE, "-m", "betweenness", "--sample", "5", "--format", "json")
    assert result.stdout == again.stdout
    exact = invoke("centrality", "--data", FLORENTINE, "-m", "betweenness", "--format", "json")
    assert "estimated" not in exact.stderr and result.stdout != exact.stdout


def test_sample_larger_than_the_graph_is_exact():
    result = invoke("centrality", "--data", FLORENTINE, "-m", "betweenness", "--sample", "100")
    assert "estimated" not in result.stderr
    assert "Medici" in result.stdout.splitlines()[1] and "0.522" in result.stdout.splitlines()[1]


def shaped(shape: str, n: int = 400, m: int = 1200, seed: int = 2):
    """A graph of one of the benchmark's shapes (generate.py), as the measures see it."""
    _, rows = benchmark("generate").generate(n, m, seed=seed, shape=shape)
    G = nx.Graph()
    G.add_nodes_from(f"a{i}" for i in range(n))
    G.add_edges_from((r[0], r[2]) for r in rows)
    return G


SHAPES = ["forest", "er", "ba", "components"]


@pytest.mark.parametrize("directed", [False, pytest.param(True, marks=pytest.mark.slow)])
@pytest.mark.parametrize("shape", SHAPES)
def test_path_measures_match_networkx_on_every_shape(shape, directed):
    G = shaped(shape)
    G = nx.DiGraph(G) if directed else G
    for measure in ("betweenness", "closeness"):
        ref = getattr(engine, measure)(G, engine="networkx")
        fast = getattr(engine, measure)(G, engine="igraph")
        assert max(abs(fast[n] - ref[n]) for n in G) < 1e-9, measure


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("shape", SHAPES)
def test_sparse_eigenvector_matches_networkx_within_its_tolerance(shape, directed):
    """networkx's power iteration stops when the L1 change is below n * 1e-6; ours runs the same iteration."""
    G = shaped(shape)
    if directed:  # both directions of every tie, and one-way ties between components: cycles remain
        G = nx.DiGraph(G)
        G.add_edges_from((f"a{i}", f"a{i + 7}") for i in range(0, 390, 13))
    assert G.number_of_nodes() >= engine.IGRAPH_FROM  # the sparse path, not networkx's
    ref = nx.eigenvector_centrality(G, max_iter=1000)
    ours = engine.eigenvector(G, max_iter=1000)
    assert max(abs(ours[n] - ref[n]) for n in G) < 1e-6
    if shape == "components":
        assert nx.number_connected_components(G.to_undirected()) > 5  # normalised over the whole graph


def test_eigenvector_published_value():
    """The star K1,4: the centre has sqrt(1/2) and each leaf sqrt(1/8) of the unit principal eigenvector."""
    G = nx.star_graph(4)
    G.add_nodes_from(range(5, 400))  # isolated actors: the sparse path, and they get 0
    ours = engine.eigenvector(G)
    assert ours[0] == pytest.approx(2 ** -0.5, abs=1e-5)
    assert ours[1] == pytest.approx(8 ** -0.5, abs=1e-5)
    assert ours[100] == pytest.approx(0.0, abs=1e-5)


@pytest.mark.slow  # 3,600 actors over worker processes
@pytest.mark.parametrize("directed", [False, True])
def test_bit_parallel_closeness_matches_igraph_over_many_batches_and_workers(directed):
    # 3,600 actors: seven full batches of 512 sources and a partial one, split over worker processes
    import igraph as ig

    G = nx.gnm_random_graph(3500, 9000, seed=11, directed=directed)
    G.add_edges_from((3500 + i, 3500 + (i + 1) % 99) for i in range(99))  # a separate ring
    G.add_node(3599)  # and a lone actor
    fast = engine.closeness(G)
    g = ig.Graph(n=G.number_of_nodes(), edges=list(G.edges()), directed=directed)
    inverse = g.closeness(mode="in" if directed else "all", normalized=True)
    reach = [len(g.subcomponent(v, mode="in" if directed else "all")) for v in range(g.vcount())]
    n = G.number_of_nodes()
    for v in range(n):
        c = inverse[v]
        expected = 0.0 if c != c or reach[v] <= 1 else c * (reach[v] - 1) / (n - 1)
        assert fast[v] == pytest.approx(expected, abs=1e-12), v
    assert fast[3599] == 0.0 and fast[3550] > 0


@pytest.mark.parametrize("directed", [False, True])
def test_closeness_of_a_network_many_ties_across_matches_networkx_exactly(directed):
    """Past DEEP levels the distances are summed from each source in turn (a bit-parallel search walks every
    level over every actor: a 30,000-actor chain took over 5 minutes); the values are the same."""
    G = nx.path_graph(400, create_using=nx.DiGraph if directed else nx.Graph)
    G.add_edges_from([(0, 200), (399, 100)])  # shortcuts, one way if directed
    G.add_edges_from([(400 + i, 400 + (i + 1) % 30) for i in range(30)])  # a small ring apart
    G.add_node(999)
    g = engine.to_igraph(G)
    assert engine._levels(g) > engine.DEEP
    assert engine.closeness(G, engine="igraph") == nx.closeness_centrality(G)
    sources = engine.closeness(G, engine="igraph", sample=40)
    assert sources == engine.closeness(G, engine="networkx", sample=40)
    assert engine._levels(engine.to_igraph(nx.gnm_random_graph(500, 2000, seed=1))) <= engine.DEEP


def test_closeness_of_a_network_deep_only_one_way_matches_networkx():
    """A directed chain whose actors all point back to the first: two ties across either way (the sweeps
    say 2), 599 one way. The bit-parallel search gives up past 4 x DEEP levels and searches from each source."""
    G = nx.DiGraph()
    G.add_edges_from((i, i + 1) for i in range(599))
    G.add_edges_from((i, 0) for i in range(1, 600))
    assert engine._levels(engine.to_igraph(G)) <= engine.DEEP
    assert engine.closeness(G, engine="igraph") == nx.closeness_centrality(G)
    assert engine.closeness(G, engine="igraph", sample=30) == engine.closeness(G, engine="networkx", sample=30)


def with_leaves(n: int, seed: int):
    """A random core with leaves hung on it, pairs and lone actors: every case the leaf shortcut meets."""
    G = nx.gnm_random_graph(n, int(n * 1.3), seed=seed)
    rng = random.Random(seed)
    for i in range(n // 2):
        G.add_edge(f"leaf{i}", rng.randrange(n))  # several leaves on some actors
    G.add_edges_from([("p", "q"), ("r", "r"), ("r", 0), ("lone", "lone")])  # a pair; a leaf with a loop
    G.add_node("alone")
    return G


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_betweenness_skipping_leaves_matches_networkx(seed):
    G = with_leaves(300, seed)
    ref = nx.betweenness_centrality(G)
    fast = engine.betweenness(G, engine="igraph")
    assert max(abs(fast[n] - ref[n]) for n in G) < 1e-9
    hub = next(iter(G["leaf0"]))  # the actor leaf0 hangs on
    assert fast["leaf0"] == 0 and fast[hub] > 0 and fast[hub] == pytest.approx(ref[hub], abs=1e-12)


@pytest.mark.slow  # a graph large enough for worker processes
def test_betweenness_skipping_leaves_in_worker_processes_matches_a_full_search():
    G = with_leaves(engine.PARALLEL_FROM, 4)
    fast = engine.betweenness(G)
    g = engine.to_igraph(G)
    n = G.number_of_nodes()
    full = g.betweenness(directed=False)  # igraph's own search from every actor, leaves included
    assert max(abs(f - full[i] * 2 / ((n - 1) * (n - 2))) for i, f in enumerate(fast.values())) < 1e-9


def test_seeded_igraph_draws_the_same_in_any_thread():
    """igraph's generator is per thread: a report draws its map in a thread, and must get the same picture."""
    import threading

    import igraph as ig

    from graph.analysis.engine import seeded

    g = ig.Graph.Lattice([6, 8], circular=False)

    def draw(seed=7):
        with seeded(seed):
            return g.layout_fruchterman_reingold(niter=30).coords

    here, out = draw(), []
    for _ in range(2):
        t = threading.Thread(target=lambda: out.append(draw()))
        t.start()
        t.join()
    assert out == [here, here]
    assert draw(8) != here  # the seed matters


def _folder(tmp_path, G):
    """A data folder of an undirected networkx graph (one coordinates_with row per edge)."""
    nodes = "".join(f"n{n},{n},node\n" for n in G)
    edges = "".join(f"n{u},coordinates_with,n{v},x\n" for u, v in G.edges())
    return write(tmp_path / "g", actors="id,name,type\n" + nodes, relations="source,relation,target,evidence\n" + edges)


def test_equal_values_computed_along_two_paths_share_a_rank(tmp_path):
    """Karate club actors 5 and 6 are symmetric (both betweenness 95/3168 exactly); floating point gives the two
    values different last bits, which must not split their rank or let --top drop one without a note."""
    rows = centrality_json("--data", _folder(tmp_path, nx.karate_club_graph()), "-m", "betweenness")
    assert rows["n5"]["betweenness"] == pytest.approx(95 / 3168, rel=1e-12)
    assert rows["n6"]["betweenness"] == pytest.approx(95 / 3168, rel=1e-12)
    assert rows["n5"]["rank"] == rows["n6"]["rank"]
    result = invoke("--data", tmp_path / "g", "centrality", "-m", "betweenness", "--top", str(rows["n5"]["rank"]))
    assert "tied at rank" in result.stderr


def test_eigenvector_is_zero_outside_the_part_with_the_largest_eigenvalue(tmp_path):
    """A triangle (leading eigenvalue 2) and a separate pair (1): the principal eigenvector is 1/sqrt(3) on the
    triangle and exactly 0 on the pair, whose power-iteration leftovers must not be ranked among themselves."""
    G = nx.Graph([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5)])
    rows = centrality_json("--data", _folder(tmp_path, G), "-m", "eigenvector")
    for n in (0, 1, 2):
        assert rows[f"n{n}"]["eigenvector"] == pytest.approx(3 ** -0.5, abs=1e-5)
    assert [rows[f"n{n}"]["eigenvector"] for n in (3, 4, 5)] == [0.0, 0.0, 0.0]
    assert rows["n3"]["rank"] == rows["n4"]["rank"] == rows["n5"]["rank"] == 4
    assert "eigenvector: 0 for the 3 actors with ties outside the part" in invoke(
        "--data", tmp_path / "g", "centrality", "-m", "eigenvector").stderr
