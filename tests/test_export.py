"""Exports read back with networkx's own readers carry every actor, relation and attribute."""

from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest

from conftest import BUNDLED, FIXTURES, invoke
from graph.build import build_graph
from graph.load import load_dataset

HOSTILE = FIXTURES / "hostile"


def export(tmp_path, fmt, data=BUNDLED, name="out"):
    out = tmp_path / f"{name}.{fmt}"
    result = invoke("export", "--format", fmt, "-o", out, "--data", data, "--status", "all")
    assert result.exit_code == 0, result.output
    return out


def reference(data):
    G = build_graph(load_dataset(data))
    nodes = {n: dict(d) for n, d in G.nodes(data=True)}
    edges = sorted((u, v, d["relation"], d.get("evidence", ""), d.get("note", "")) for u, v, d in G.edges(data=True))
    return G, nodes, edges


def edge_tuples(H):
    return sorted((u, v, d["relation"], d.get("evidence", ""), d.get("note", "")) for u, v, d in H.edges(data=True))


@pytest.mark.parametrize("data", [BUNDLED, HOSTILE], ids=["bundled", "hostile"])
def test_gexf_reads_back(tmp_path, data):
    G, nodes, edges = reference(data)
    H = nx.read_gexf(export(tmp_path, "gexf", data))
    assert set(H) == set(nodes)
    for n, attrs in nodes.items():
        assert H.nodes[n]["label"] == attrs["name"]
        for k, v in attrs.items():
            assert H.nodes[n][k] == v, (n, k)
    assert edge_tuples(H) == edges
    for _, _, d in H.edges(data=True):
        assert d["directed"] is (d["relation"] != "coordinates_with")
        assert d["label"] == d["relation"].replace("_", " ")


@pytest.mark.parametrize("data", [BUNDLED, HOSTILE], ids=["bundled", "hostile"])
def test_graphml_reads_back(tmp_path, data):
    G, nodes, edges = reference(data)
    H = nx.read_graphml(export(tmp_path, "graphml", data), force_multigraph=True)
    assert {n: {k: v for k, v in d.items()} for n, d in H.nodes(data=True)} == nodes
    assert edge_tuples(H) == edges
    assert H.number_of_edges() == G.number_of_edges()


def test_json_is_node_link(tmp_path):
    G, nodes, edges = reference(BUNDLED)
    data = json.loads(export(tmp_path, "json").read_text(encoding="utf-8"))
    assert set(data) >= {"directed", "multigraph", "nodes", "links"}
    assert all({"source", "target", "key"} <= set(link) for link in data["links"])
    H = nx.node_link_graph(data, edges="links")
    assert {n: dict(d) for n, d in H.nodes(data=True)} == nodes
    assert edge_tuples(H) == edges


def test_csv_nodes_and_edges_tables(tmp_path):
    G, nodes, edges = reference(BUNDLED)
    out = tmp_path / "sahel.csv"
    result = invoke("export", "--format", "csv", "-o", out, "--data", BUNDLED, "--status", "all")
    assert result.stdout == ""
    assert [l for l in result.stderr.splitlines() if l.startswith("wrote")] == [
        f"wrote {tmp_path / 'sahel-nodes.csv'}", f"wrote {tmp_path / 'sahel-edges.csv'}"]
    node_df = pd.read_csv(tmp_path / "sahel-nodes.csv", dtype=str, keep_default_na=False)
    edge_df = pd.read_csv(tmp_path / "sahel-edges.csv", dtype=str, keep_default_na=False)
    H = nx.from_pandas_edgelist(edge_df, "Source", "Target", edge_attr=True, create_using=nx.MultiDiGraph)
    assert set(node_df["Id"]) == set(nodes)
    assert edge_tuples(H) == edges
    assert set(edge_df.loc[edge_df["relation"] == "coordinates_with", "Type"]) == {"Undirected"}


@pytest.mark.parametrize("fmt", ["gexf", "graphml", "json"])
def test_exports_are_deterministic(tmp_path, fmt):
    assert export(tmp_path, fmt, name="a").read_bytes() == export(tmp_path, fmt, name="b").read_bytes()


def test_export_respects_view_options(tmp_path):
    out = tmp_path / "x.json"
    invoke("export", "--format", "json", "-o", out, "--relation", "trains", "--data", BUNDLED)
    data = json.loads(out.read_text())
    assert {link["relation"] for link in data["links"]} == {"trains"}
