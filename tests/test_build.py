"""graph.analysis.build: views built directly from the frozen graph give what a copy less the rest gave."""

from __future__ import annotations

import pytest

from conftest import benchmark


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """A generated giant-shaped network with periods on most ties and some actors, every status and grade."""
    from graph.analysis.views import full_graph
    from graph.data.load import load_dataset

    generate = benchmark("generate")
    folder = tmp_path_factory.mktemp("dated")
    generate.write(folder, *generate.with_periods(*generate.generate(120, 360, seed=5, shape="giant"), seed=5))
    return full_graph(load_dataset(folder))


def _same(a, b):
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert {n: list(a.pred[n]) for n in a} == {n: list(b.pred[n]) for n in b}  # each actor's neighbours in order


def _copied(G, nodes, keep):
    """The old way: a copy, then the nodes and ties left out removed."""
    H = G.copy()
    H.remove_edges_from([(u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if not keep(u, v, d)])
    H.remove_nodes_from([n for n in G if n not in nodes])
    return H


def test_select_gives_the_copy_less_what_it_leaves_out(dated):
    from graph.analysis.build import select
    from graph.data.schema import status_of

    G = dated
    gone = list(G)[:2]
    H = select(G, without=gone, confidence="stated", statuses=("actual", "planned"))
    _same(H, _copied(G, set(G) - set(gone), lambda u, v, d: d.get("confidence") == "stated"
                     and status_of(d) in ("actual", "planned") and u not in gone and v not in gone))
    assert [(r.what, r.actors) for r in H.graph["restrictions"]] == [("statuses", 0), ("without", 2), ("confidence", 0)]
    some = next(iter(H.edges(keys=True)))
    H.edges[some]["note"] = "changed"  # H is a copy: changing it leaves G alone
    H.remove_node(some[0])
    assert G.edges[some].get("note") != "changed" and some[0] in G


@pytest.mark.parametrize("ended", [False, True])
def test_on_days_gives_each_days_view(dated, ended):
    from graph.analysis.build import on_days, select
    from graph.data.dates import parse_span

    G = dated
    base = select(G, statuses=None, ties="cooperative")
    days = ["2001", "2008-06", "2015-03-15", "2030"]
    for day, (H, ties) in zip(days, on_days(G, base, [parse_span(d)[0] for d in days], ended)):
        expected = select(G, statuses=None, ties="cooperative", as_of=day, ended=ended)
        _same(H, expected)
        assert ties == expected.number_of_edges() and 0 < ties < G.number_of_edges()


def test_simple_undirected_as_networkx_builds_it(dated):
    import networkx as nx

    from graph.analysis.build import simple_undirected

    for G in (dated, nx.MultiGraph(dated)):
        H, expected = simple_undirected(G), nx.Graph()
        expected.add_nodes_from(G.nodes(data=True))
        expected.add_edges_from((u, v) for u, v in G.edges())
        assert list(H.nodes(data=True)) == list(expected.nodes(data=True))
        assert list(H.edges()) == list(expected.edges()) and {n: list(H[n]) for n in H} == {n: list(expected[n])
                                                                                              for n in expected}


def test_extra_columns_named_like_networkx_arguments_are_data(tmp_path):
    """'key', 'self', 'u_for_edge' or 'node_for_adding' as extra columns: kept as data, and every output works."""
    from conftest import invoke, write

    folder = write(tmp_path / "k", "id,name,type,self,node_for_adding,key\na,A,t,1,2,3\nb,B,t,4,5,6\n",
                   "source,relation,target,evidence,key,self,u_for_edge,v_for_edge\na,trains,b,x,k1,s,u,v\n")
    from graph.analysis.views import full_graph
    from graph.data.load import load_dataset

    G = full_graph(load_dataset(folder))
    assert G.nodes["a"]["self"] == "1" and G.nodes["b"]["node_for_adding"] == "5"
    assert [(u, v, k, d["key"], d["u_for_edge"]) for u, v, k, d in G.edges(keys=True, data=True)] == \
        [("a", "b", "trains", "k1", "u")]
    for args in (["centrality"], ["export", "--format", "graphml", "-o", tmp_path / "k.graphml"]):
        result = invoke(*args, "--data", folder)
        assert result.exit_code == 0, result.output


def test_the_rows_of_one_tie_are_edges_keyed_by_kind_and_row(tmp_path):
    """Each row of a tie is an edge of its own, keyed 'kind', 'kind#2', ... in the file's order (counted,
    not searched: a tie of 20,000 rows builds in linear time; benchmarks/corners.py times it)."""
    from conftest import write
    from graph.analysis.views import full_graph
    from graph.data.load import load_dataset

    folder = write(tmp_path / "t", "id,name,type\na,A,t\nb,B,t\n",
                   "source,relation,target,evidence,since,until\na,trains,b,x,2001,2001\na,part_of,b,x,,\n"
                   "a,trains,b,x,2002,2002\nb,trains,a,x,,\na,trains,b,x,2003,\n")
    G = full_graph(load_dataset(folder))
    assert [(u, v, k, d.get("since")) for u, v, k, d in G.edges(keys=True, data=True)] == [
        ("a", "b", "trains", "2001"), ("a", "b", "part_of", ""), ("a", "b", "trains#2", "2002"),
        ("a", "b", "trains#3", "2003"), ("b", "a", "trains", "")]
