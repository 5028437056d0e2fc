"""Exports read back by independent readers, imports of other tools' files, and round trips for every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from conftest import ACTORS, BUNDLED, FIXTURES, RELATIONS, invoke, ok, snapshot, write
from graph.analysis.build import build_graph
from graph.data.dates import parse_span
from graph.data.load import load_dataset

HOSTILE = FIXTURES / "hostile"
GX = "{http://www.gexf.net/1.2draft}"
VIZ = "{http://www.gexf.net/1.2draft/viz}"
EXT = {"gexf": "gexf", "graphml": "graphml", "graphml-yed": "yed.graphml", "cyjs": "cyjs", "kumu": "kumu.json",
       "json": "json", "csv": "csv"}
KINDS = """kind,label,inverse,directed,color,style
funds,funds,funded by,yes,#2f9e44,dashed
allied_with,allied with,allied with,no,#1971c2,dotted
"""
OWN_ACTORS = "id,name,type,description,aliases,region\nx,Ex,state,An x,X1;Ex-1,north\ny,Why,militia,,,south\n" \
             "z,Zed,militia,,,\n"
OWN_RELATIONS = "source,relation,target,note,since,until,rank\nx,funds,y,money,2019,2020-06,1\n" \
                "y,allied_with,z,,,,2\nx,funds,z,,2021-03-04,,\n"


def export(tmp_path, fmt, data=BUNDLED, name="out", *options):
    out = tmp_path / f"{name}.{EXT[fmt]}"
    result = invoke("export", "--format", fmt, "-o", out, "--data", data, "--status", "all", *options)
    assert result.exit_code == 0, result.output
    return out


def reference(data):
    G = build_graph(load_dataset(data))
    nodes = {n: dict(d) for n, d in G.nodes(data=True)}
    edges = sorted((u, v, d["relation"], d.get("evidence", ""), d.get("note", "")) for u, v, d in G.edges(data=True))
    return G, nodes, edges


def page_data(tmp_path, data=BUNDLED):
    out = tmp_path / "page.html"
    assert invoke("render", "--data", data, "-o", out, "--status", "all").exit_code == 0
    html = out.read_text(encoding="utf-8")
    return json.loads(html.split('id="ag-data">')[1].split("</script>")[0])


# ---- GEXF ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [pytest.param(BUNDLED, marks=pytest.mark.slow), HOSTILE], ids=["bundled", "hostile"])
def test_gexf_is_a_mixed_graph_with_every_attribute(tmp_path, data):
    G, nodes, _ = reference(data)
    root = ET.parse(export(tmp_path, "gexf", data)).getroot()
    assert root.tag == f"{GX}gexf" and root.get("version") == "1.2"
    assert [c.tag for c in root] == [f"{GX}meta", f"{GX}graph"]
    graph = root.find(f"{GX}graph")
    assert "name" not in graph.attrib  # the official XSD has no such attribute
    assert [c.tag for c in graph][-2:] == [f"{GX}nodes", f"{GX}edges"]
    declared = {(b.get("class"), a.get("id")): a.get("title") for b in graph.findall(f"{GX}attributes")
                for a in b.findall(f"{GX}attribute")}
    for node in graph.iter(f"{GX}node"):
        values = {declared[("node", v.get("for"))]: v.get("value") for v in node.iter(f"{GX}attvalue")}
        expected = nodes[node.get("id")]
        assert node.get("label") == expected["name"]
        assert values == {k: v for k, v in expected.items() if k != "name" and v}
    edges = list(graph.iter(f"{GX}edge"))
    assert len(edges) == G.number_of_edges() and len({e.get("id") for e in edges}) == len(edges)
    for e in edges:
        values = {declared[("edge", v.get("for"))]: v.get("value") for v in e.iter(f"{GX}attvalue")}
        symmetric = values["relation"] == "coordinates_with"
        assert e.get("type") == ("undirected" if symmetric else "directed")
        assert e.get("label") == values["relation"].replace("_", " ")
        assert set(e.attrib) == {"id", "source", "target", "type", "label"}  # what GEXF 1.2draft's XSD allows


def test_gexf_carries_the_page_picture_and_spells(tmp_path):
    data = page_data(tmp_path)
    page = {n["id"]: n for n in data["nodes"]}
    root = ET.parse(export(tmp_path, "gexf")).getroot()
    graph = root.find(f"{GX}graph")
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    for node in graph.iter(f"{GX}node"):
        n = page[node.get("id")]
        colour = node.find(f"{VIZ}color")
        assert "#{:02X}{:02X}{:02X}".format(*(int(colour.get(c)) for c in "rgb")) == n["color"]["background"].upper()
        position = node.find(f"{VIZ}position")
        assert float(position.get("x")) == pytest.approx(n["x"], abs=0.01)
        assert float(position.get("y")) == pytest.approx(-n["y"], abs=0.01)  # Gephi's y points up
        assert float(node.find(f"{VIZ}size").get("value")) == pytest.approx(n["size"], abs=0.01)
        assert node.find(f"{VIZ}shape").get("value") in ("disc", "square", "triangle", "diamond")
    relations = {(r["source"], r["target"], r["kind"], r["since"], r["until"]) for r in data["relations"]}
    dated = 0
    for e in graph.iter(f"{GX}edge"):
        values = {v.get("for"): v.get("value") for v in e.iter(f"{GX}attvalue")}
        spell = e.find(f"{GX}spells/{GX}spell")
        since, until = values.get("since", ""), values.get("until", "")
        assert (e.get("source"), e.get("target"), values["relation"], since, until) in relations
        if since or until:
            dated += 1
            assert spell.get("start") == (parse_span(since)[0].isoformat() if since else None)
            assert spell.get("end") == (parse_span(until)[1].isoformat() if until else None)
        else:
            assert spell is None
        assert e.find(f"{VIZ}shape").get("value") == ("dashed" if values["relation"] == "coordinates_with"
                                                     else "solid")
    assert dated == sum(bool(r["since"] or r["until"]) for r in load_dataset(BUNDLED).relations) == 3


@pytest.mark.slow  # two views of the bundled map that nothing else draws: a layout each
@pytest.mark.parametrize("kinds, directed", [(["trains", "accompanies", "part_of"], True),
                                               (["coordinates_with"], False)], ids=["directed", "undirected"])
def test_networkx_reads_gexf_of_one_way_views(tmp_path, kinds, directed):
    # networkx cannot read mixed graphs at all; views of one direction it reads, spells included
    options = [a for k in kinds for a in ("--relation", k)]
    read = nx.read_gexf(export(tmp_path, "gexf", BUNDLED, "out", *options))
    G, nodes, _ = reference(BUNDLED)
    expected = [(u, v, d) for u, v, d in G.edges(data=True) if d["relation"] in kinds]
    assert read.is_directed() is directed and read.number_of_edges() == len(expected) > 0
    assert {n: d["label"] for n, d in read.nodes(data=True)} == {n: nodes[n]["name"] for n in read}
    got = sorted((u, v, d["relation"]) if directed else (*sorted((u, v)), d["relation"])
                 for u, v, d in read.edges(data=True))
    assert got == sorted((u, v, d["relation"]) if directed else (*sorted((u, v)), d["relation"])
                         for u, v, d in expected)
    assert all("viz" in d and "position" in d["viz"] for _, d in read.nodes(data=True))
    dated = [d for *_, d in read.edges(data=True) if d.get("since") or d.get("until")]
    for d in dated:  # networkx writes an open end as the string "None"
        (start, end), = d["spells"]
        assert start == str(parse_span(d["since"])[0].isoformat() if d.get("since") else None)
        assert end == str(parse_span(d["until"])[1].isoformat() if d.get("until") else None)
    assert len(dated) == (3 if directed else 0)


# ---- GraphML, yEd, Cytoscape, Kumu, node-link, CSV ----------------------------------------------------

@pytest.mark.parametrize("data", [BUNDLED, HOSTILE], ids=["bundled", "hostile"])
def test_graphml_reads_back_in_networkx(tmp_path, data):
    G, nodes, edges = reference(data)
    H = nx.read_graphml(export(tmp_path, "graphml", data), force_multigraph=True)
    assert {n: dict(d) for n, d in H.nodes(data=True)} == nodes
    assert sorted((u, v, d["relation"], d.get("evidence", ""), d.get("note", ""))
                  for u, v, d in H.edges(data=True)) == edges


def test_yed_graphml_has_labels_colours_shapes_and_line_styles(tmp_path):
    data = page_data(tmp_path)
    page = {n["id"]: n for n in data["nodes"]}
    path = export(tmp_path, "graphml-yed")
    H = nx.read_graphml(path, force_multigraph=True)  # networkx reads yEd's label, shape and geometry
    G, nodes, _ = reference(BUNDLED)
    for n, d in H.nodes(data=True):
        assert d["label"] == nodes[n]["name"] and d["type"] == nodes[n]["type"]
        r = page[n]["size"]
        assert float(d["x"]) == pytest.approx(page[n]["x"] - r, abs=0.01)
        assert float(d["y"]) == pytest.approx(page[n]["y"] - r, abs=0.01)
    Y = "{http://www.yworks.com/xml/graphml}"
    root = ET.parse(path).getroot()
    fills = {n.get("id"): n.find(f".//{Y}Fill").get("color") for n in root.iter("{http://graphml.graphdrawing.org/xmlns}node")}
    assert all(fills[k] == page[k]["color"]["background"].upper() for k in page)
    for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge"):
        line, arrows = e.find(f".//{Y}LineStyle"), e.find(f".//{Y}Arrows")
        relation = e.find("{http://graphml.graphdrawing.org/xmlns}data[@key='e0']").text
        assert line.get("type") == ("dashed" if relation == "coordinates_with" else "line")
        assert arrows.get("target") == ("none" if relation == "coordinates_with" else "standard")


def test_cyjs_has_data_positions_and_style(tmp_path):
    data = page_data(tmp_path)
    page = {n["id"]: n for n in data["nodes"]}
    doc = json.loads(export(tmp_path, "cyjs").read_text(encoding="utf-8"))
    G, nodes, edges = reference(BUNDLED)
    assert {n["data"]["id"] for n in doc["elements"]["nodes"]} == set(nodes)
    for n in doc["elements"]["nodes"]:
        assert n["position"] == {"x": page[n["data"]["id"]]["x"], "y": page[n["data"]["id"]]["y"]}
        assert n["data"]["name"] == nodes[n["data"]["id"]]["name"]
        assert n["data"]["ag_color"] == page[n["data"]["id"]]["color"]["background"]
    assert len(doc["elements"]["edges"]) == G.number_of_edges()
    for e in doc["elements"]["edges"]:
        assert e["data"]["interaction"] == e["data"]["relation"]
        assert e["data"]["directed"] is (e["data"]["relation"] != "coordinates_with")
    selectors = {s["selector"]: s["style"] for s in doc["style"]}
    assert selectors["edge[relation = 'coordinates_with']"]["line-style"] == "dashed"
    assert selectors["edge[relation = 'trains']"]["target-arrow-shape"] == "triangle"


def test_kumu_blueprint(tmp_path):
    doc = json.loads(export(tmp_path, "kumu").read_text(encoding="utf-8"))
    G, nodes, _ = reference(BUNDLED)
    ids = [e["id"] for e in doc["elements"]] + [c["id"] for c in doc["connections"]]
    assert len(ids) == len(set(ids))  # Kumu wants ids unique across elements and connections
    by_id = {e["id"]: e for e in doc["elements"]}
    fama = by_id["mali_forces"]
    assert fama["label"] == nodes["mali_forces"]["name"] and fama["type"] == nodes["mali_forces"]["type"]
    assert fama["tags"] == nodes["mali_forces"]["aliases"].split(";")
    for c in doc["connections"]:
        assert c["from"] in by_id and c["to"] in by_id
        assert c["direction"] == ("undirected" if c["relation"] == "coordinates_with" else "directed")
        assert c["type"] == c["relation"].replace("_", " ")
    notes = {(u, v, d.get("note", "")) for u, v, d in G.edges(data=True)}
    assert {(c["from"], c["to"], c.get("description", "")) for c in doc["connections"]} == notes


def test_json_is_node_link(tmp_path):
    G, nodes, edges = reference(BUNDLED)
    data = json.loads(export(tmp_path, "json").read_text(encoding="utf-8"))
    H = nx.node_link_graph(data, edges="links")
    assert {n: dict(d) for n, d in H.nodes(data=True)} == nodes
    assert sorted((u, v, d["relation"], d.get("evidence", ""), d.get("note", "")) for u, v, d in H.edges(data=True)) \
        == edges


def test_csv_nodes_and_edges_tables(tmp_path):
    G, nodes, edges = reference(BUNDLED)
    out = tmp_path / "sahel.csv"
    result = invoke("export", "--format", "csv", "-o", out, "--data", BUNDLED, "--status", "all")
    assert [line for line in result.stderr.splitlines() if line.startswith("wrote")] == [
        f"wrote {tmp_path / 'sahel-nodes.csv'}", f"wrote {tmp_path / 'sahel-edges.csv'}"]
    node_df = pd.read_csv(tmp_path / "sahel-nodes.csv", dtype=str, keep_default_na=False)
    edge_df = pd.read_csv(tmp_path / "sahel-edges.csv", dtype=str, keep_default_na=False)
    assert set(node_df["Id"]) == set(nodes)
    assert len(edge_df) == len(edges)
    assert set(edge_df.loc[edge_df["relation"] == "coordinates_with", "Type"]) == {"Undirected"}


@pytest.mark.parametrize("fmt", list(EXT))
def test_exports_are_deterministic(tmp_path, fmt):
    a, b = export(tmp_path, fmt, BUNDLED, "a"), export(tmp_path, fmt, BUNDLED, "b")
    if fmt == "csv":
        a, b = tmp_path / "a-edges.csv", tmp_path / "b-edges.csv"
    assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize("fmt", ["gexf", "kumu", "cyjs"])
def test_exports_honour_view_options(tmp_path, fmt):
    # a few actors: the view is a map of its own to lay out
    data = write(tmp_path / "d", ACTORS + "d,Delta,force,,\n", RELATIONS + "d,trains,a,doc §4,,stated,,\n")
    out = tmp_path / f"x.{EXT[fmt]}"
    assert invoke("export", "--format", fmt, "-o", out, "--data", data, "--relation", "trains",
                  "--without", "Gamma").exit_code == 0
    folder = tmp_path / "back"
    assert invoke("import", out, "-o", folder).exit_code == 0
    ds = load_dataset(folder)
    assert {r["relation"] for r in ds.relations} == {"trains"} and len(ds.relations) == 2
    assert {a["id"] for a in ds.actors} == {"a", "b", "d"}  # Gamma (c) left out


# ---- round trips --------------------------------------------------------------------------------

def rows(records):
    return sorted(tuple(sorted((k, v) for k, v in r.items() if v)) for r in records)


@pytest.mark.parametrize("fmt", list(EXT))
def test_round_trip_of_the_bundled_data(tmp_path, fmt):
    out = export(tmp_path, fmt)
    if fmt == "csv":
        out = tmp_path / "out-edges.csv"  # its nodes table beside it is read too
    result = invoke("import", out, "-o", tmp_path / "back")
    assert result.exit_code == 0, result.output
    a, b = load_dataset(BUNDLED), load_dataset(tmp_path / "back")
    assert rows(a.actors) == rows(b.actors)
    assert rows(a.relations) == rows(b.relations)
    assert dict(a.kinds) == dict(b.kinds) and not (tmp_path / "back" / "kinds.csv").exists()
    carried = fmt in ("graphml", "graphml-yed", "cyjs", "json")
    assert ({k: dict(v) for k, v in a.sources.items()} == {k: dict(v) for k, v in b.sources.items()}) is carried
    if not carried:
        assert "sources.csv: 1 source id without title or reliability" in result.stderr
        assert set(b.sources) == {"ballegeer"}


@pytest.mark.parametrize("fmt", list(EXT))
def test_round_trip_of_own_kinds_and_columns(tmp_path, fmt):
    data = write(tmp_path / "own", OWN_ACTORS, OWN_RELATIONS, kinds=KINDS)
    out = export(tmp_path, fmt, data)
    if fmt == "csv":
        out = tmp_path / "out-edges.csv"
    assert invoke("import", out, "-o", tmp_path / "back").exit_code == 0
    a, b = load_dataset(data), load_dataset(tmp_path / "back")
    assert rows(a.actors) == rows(b.actors) and rows(a.relations) == rows(b.relations)
    for name, kind in a.kinds.items():
        got = b.kinds[name]
        assert (got.label, got.directed) == (kind.label, kind.directed)
        if fmt in ("graphml", "graphml-yed", "cyjs", "json"):  # they carry the whole kinds table
            assert got == kind
        if fmt in ("gexf", "graphml-yed"):  # they draw lines: colour and style come back
            assert (got.color, got.style) == (kind.color, kind.style)


# ---- importing other tools' files ------------------------------------------------------------------

GEPHI = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="undirected" timeformat="date">
    <attributes class="node"><attribute id="modularity_class" title="Modularity Class" type="integer"/></attributes>
    <nodes>
      <node id="0" label="Front A"><attvalues><attvalue for="modularity_class" value="1"/></attvalues>
        <viz:position x="1" y="2"/></node>
      <node id="1" label="Group B"/>
      <node id="2" label="Front A"/>
    </nodes>
    <edges>
      <edge id="0" source="0" target="1" weight="2.0"><spells><spell start="2012-01-17" end="2013-01-11"/></spells></edge>
      <edge id="1" source="1" target="2" type="directed" label="supplies"/>
    </edges>
  </graph>
</gexf>
"""


def test_import_gephi_gexf_slugs_ids_keeps_originals_and_adds_kinds(tmp_path):
    src = tmp_path / "gephi.gexf"
    src.write_text(GEPHI)
    result = invoke("import", src, "-o", tmp_path / "m")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "m")
    assert [(a["id"], a["name"], a["type"], a["aliases"]) for a in ds.actors] == [
        ("front_a", "Front A", "unknown", "0"), ("group_b", "Group B", "unknown", "1"),
        ("front_a_2", "Front A", "unknown", "2")]
    assert ds.actors[0]["modularity_class"] == "1"
    r0, r1 = ds.relations
    assert (r0["source"], r0["relation"], r0["target"], r0["since"], r0["until"]) == \
        ("front_a", "related_to", "group_b", "2012-01-17", "2013-01-11")
    assert (r1["relation"], ds.kinds["supplies"].directed, ds.kinds["related_to"].directed) == ("supplies", True, False)
    assert "relation types added to kinds.csv" in result.stderr
    assert "positions, colours and sizes are not kept" in result.stderr
    assert "actors without a type get 'unknown'" in result.stderr


def test_import_keeps_a_weight_column_and_says_no_measure_reads_it(tmp_path):
    import networkx as nx

    G = nx.Graph()
    G.add_edge("Valjean", "Javert", weight=17)
    G.add_edge("Valjean", "Cosette", weight=31)
    nx.write_graphml(G, tmp_path / "w.graphml")
    result = invoke("import", tmp_path / "w.graphml", "-o", tmp_path / "m")
    assert result.exit_code == 0, result.output
    assert [r["weight"] for r in load_dataset(tmp_path / "m").relations] == ["17", "31"]
    assert "relations.csv keeps the column weight, which no measure reads: actorgraph counts every tie as 1" \
        in result.stderr


def test_import_kumu_blueprint_by_labels(tmp_path):
    src = tmp_path / "map.json"
    src.write_text(json.dumps({"elements": [{"label": "Ministry", "type": "Government", "tags": ["MoD", "Defence"],
                                             "Budget": 12},
                                            {"label": "Rebels", "type": "Armed group"}],
                               "connections": [{"from": "Ministry", "to": "Rebels", "type": "opposes",
                                                "direction": "directed", "description": "fights them"},
                                               {"from": "Rebels", "to": "Ministry", "type": "trained by"}],
                               "loops": [{"label": "x"}]}))
    result = invoke("import", src, "-o", tmp_path / "k")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "k")
    assert [(a["id"], a["aliases"], a["budget"]) for a in ds.actors] == [("ministry", "MoD;Defence", "12"),
                                                                          ("rebels", "", "")]
    assert [(r["source"], r["relation"], r["target"], r["note"]) for r in ds.relations] == [
        ("ministry", "opposes", "rebels", "fights them"), ("ministry", "trains", "rebels", "")]  # read backwards
    assert "Kumu loops are not kept" in result.stderr


def test_import_cytoscape_desktop_json(tmp_path):
    src = tmp_path / "net.cyjs"
    src.write_text(json.dumps({"elements": {
        "nodes": [{"data": {"id": "101", "SUID": 101, "shared_name": "A", "name": "A", "selected": False}},
                  {"data": {"id": "102", "SUID": 102, "shared_name": "B", "name": "B"}}],
        "edges": [{"data": {"id": "103", "source": "101", "target": "102", "interaction": "pp", "SUID": 103,
                            "shared_interaction": "pp", "shared_name": "A (pp) B", "name": "A (pp) B",
                            "score": 0.5}}]}}))
    result = invoke("import", src, "-o", tmp_path / "c")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "c")
    assert [(a["id"], a["name"]) for a in ds.actors] == [("a", "A"), ("b", "B")]
    assert [(r["source"], r["relation"], r["target"], r["score"]) for r in ds.relations] == [("a", "pp", "b", "0.5")]


def test_import_spreadsheet_edge_list(tmp_path):
    src = tmp_path / "ties.csv"
    src.write_bytes("from;to;type;since\r\nMinistère;Rebelles;trains;18/02/2013\r\nRebelles;Chefs;;\r\n"
                    .encode("cp1252"))
    result = invoke("import", src, "-o", tmp_path / "e")
    assert result.exit_code == 0, result.output
    ds = load_dataset(tmp_path / "e")
    assert [a["id"] for a in ds.actors] == ["ministere", "rebelles", "chefs"]
    assert (ds.actors[0]["name"], ds.actors[0]["aliases"]) == ("Ministère", "")  # the id as typed is the name
    assert [(r["relation"], r["since"]) for r in ds.relations] == [("trains", "18/02/2013"), ("related_to", "")]
    assert "no nodes table" in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"<gexf><graph><nodes><node id='a'", "not well-formed XML"),
    (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><gexf/>', "DOCTYPE or ENTITY"),
    (b"<graphml/>", "not a GEXF file"),
])
def test_bad_files_are_clear_errors_and_write_nothing(tmp_path, content, message):
    src = tmp_path / "bad.gexf"
    src.write_bytes(content)
    result = invoke("import", src, "-o", tmp_path / "out")
    assert result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_import_never_overwrites_a_data_folder(tmp_path, data):
    src = export(tmp_path, "gexf")
    before = snapshot(data)
    result = invoke("import", src, "-o", data)
    assert result.exit_code == 1 and "import never overwrites a data folder" in result.stderr
    assert snapshot(data) == before
    missing = invoke("import", tmp_path / "nope.gexf", "-o", tmp_path / "n")
    assert missing.exit_code == 1 and "file not found" in missing.stderr
    (tmp_path / "x.dat").write_text("?")
    unknown = invoke("import", tmp_path / "x.dat", "-o", tmp_path / "n")
    assert unknown.exit_code == 1 and "give --format" in unknown.stderr


def test_import_that_would_not_validate_is_refused(tmp_path):
    src = tmp_path / "cycle.json"  # node-link with a part_of cycle: the data folder would have an error
    src.write_text(json.dumps({"directed": True, "nodes": [{"id": "a", "type": "t"}, {"id": "b", "type": "t"}],
                               "links": [{"source": "a", "target": "b", "relation": "part_of"},
                                         {"source": "b", "target": "a", "relation": "part_of"}]}))
    result = invoke("import", src, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "part_of cycle" in result.stderr
    assert not (tmp_path / "out").exists()


def test_export_takes_the_format_from_the_extension_where_it_names_one(tmp_path):
    ok("export", "--data", BUNDLED, "-o", tmp_path / "a.gexf")
    ok("export", "--data", BUNDLED, "--format", "gexf", "-o", tmp_path / "b.gexf")
    assert (tmp_path / "a.gexf").read_bytes() == (tmp_path / "b.gexf").read_bytes()
    ok("export", "--data", BUNDLED, "-o", tmp_path / "t.csv")
    assert (tmp_path / "t-nodes.csv").exists() and (tmp_path / "t-edges.csv").exists()
    for name, said in (("x.graphml", "--format graphml or --format graphml-yed"), ("x.json", "--format kumu or"),
                       ("x.dat", "give --format")):
        result = invoke("export", "--data", BUNDLED, "-o", tmp_path / name)
        assert result.exit_code == 2 and said in result.stderr, result.stderr
        assert not (tmp_path / name).exists()
    result = invoke("export", "--data", BUNDLED, "--format", "graphml", "-o", tmp_path / "x.graphml")  # the hint works
    assert result.exit_code == 0 and (tmp_path / "x.graphml").exists()


@pytest.mark.parametrize("nodes", [0, 1, 3])
def test_gexf_written_as_text_is_what_elementtree_writes(nodes):
    """The actors and ties are written as text, not through ElementTree: the same bytes as ElementTree's
    serialisation of the parsed file, whatever the values hold (quotes, <, &, tabs, CR, newlines), and an
    empty graph keeps <nodes />; a lone surrogate becomes a character reference, as ElementTree writes it."""
    import xml.etree.ElementTree as ET

    import networkx as nx

    from graph.readwrite import gexf
    from graph.readwrite.common import Picture, utf8

    hostile = 'a "b" <c> & d\te\rf\ng é'
    G = nx.MultiDiGraph()
    G.graph["kinds"] = None
    for k in range(nodes):
        G.add_node(f"n{k}", name=hostile + str(k), type="t", description=hostile, since="2019" if k else "")
    if nodes > 1:
        G.add_edge("n0", "n1", relation="trains", evidence=hostile, until="2020-03")
        G.add_edge("n1", "n2", relation="coordinates_with", note=hostile)
    pic = Picture(*({f"n{k}": v for k in range(nodes)} for v in (1.5, -2.25, 7.0, "#d9480f", "dot")))
    data = gexf.write(G, pic, version="1")
    for prefix, uri in (("", gexf.NS), ("viz", gexf.VIZ), ("xsi", gexf.XSI)):
        ET.register_namespace(prefix, uri)
    again = ET.fromstring(data)
    assert data == b'<?xml version="1.0" encoding="UTF-8"?>\n' + utf8(again) + b"\n"
    assert (b"<nodes />" in data) == (nodes == 0) and (b"<edges />" in data) == (nodes < 2)
    if nodes:
        G.nodes["n0"]["name"] = "x \ud800"
        assert b'label="x &#55296;"' in gexf.write(G, pic)


def test_csv_export_to_standard_output_is_refused_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["--format", "csv"], ["--excel"]):
        result = invoke("export", *args, "-o", "-")
        assert result.exit_code == 2 and "csv writes two files" in result.output
    assert list(tmp_path.iterdir()) == []  # no '--nodes.csv'
