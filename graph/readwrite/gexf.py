"""GEXF 1.2 for Gephi and Gephi Lite: a mixed graph with the page's picture, and dated actors and ties as spells."""

from __future__ import annotations

from .common import SHAPES, Imported, Picture, edge_attrs, node_attrs, rgb, utf8, xml_graph
import xml.etree.ElementTree as ET
from graph.data.dates import parse_span
from graph.data.schema import kinds_of

__all__ = ["write", "read", "NS", "VIZ"]

NS = "http://www.gexf.net/1.2draft"
VIZ = "http://www.gexf.net/1.2draft/viz"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
_LINE = {"solid": "solid", "dashed": "dashed", "dotted": "dotted"}


def _spell(d: dict) -> tuple[str | None, str | None]:
    """A relation's since/until as the first and last day they cover (ISO dates)."""

    start = parse_span(d["since"])[0].isoformat() if d.get("since") and parse_span(d["since"]) else None
    end = parse_span(d["until"])[1].isoformat() if d.get("until") and parse_span(d["until"]) else None
    return start, end


def write(G, pic: Picture, version: str = "") -> bytes:
    """The graph as GEXF 1.2draft: symmetric kinds as undirected edges, viz colour, size, position and shape."""

    ET.register_namespace("", NS)
    ET.register_namespace("viz", VIZ)
    ET.register_namespace("xsi", XSI)
    kinds = kinds_of(G)
    root = ET.Element(f"{{{NS}}}gexf", {"version": "1.2",
                                         f"{{{XSI}}}schemaLocation": f"{NS} {NS}/gexf.xsd"})
    meta = ET.SubElement(root, f"{{{NS}}}meta")
    ET.SubElement(meta, f"{{{NS}}}creator").text = f"actorgraph {version}".strip()
    ET.SubElement(meta, f"{{{NS}}}description").text = "Actors and relations; positions, colours and sizes" \
                                                         " as actorgraph draws them"
    dated = any(d.get("since") or d.get("until") for *_, d in G.edges(data=True)) or \
        any(d.get("since") or d.get("until") for _, d in G.nodes(data=True))
    # every edge says its type; the default matters to readers of one-way graphs only (networkx)
    undirected = G.number_of_edges() and not any(kinds[d["relation"]].directed for *_, d in G.edges(data=True))
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"defaultedgetype": "undirected" if undirected else "directed",
                                                    "mode": "dynamic" if dated else "static",
                                                    **({"timeformat": "date"} if dated else {})})
    ncols, ecols = node_attrs(G)[1:], edge_attrs(G)
    # attribute ids are the column names: Gephi shows the titles, graphology (Gephi Lite) keys by the ids
    for cls, cols in (("node", ncols), ("edge", ["relation"] + ecols)):
        block = ET.SubElement(graph, f"{{{NS}}}attributes", {"class": cls, "mode": "static"})
        for c in cols:
            ET.SubElement(block, f"{{{NS}}}attribute", {"id": c, "title": c, "type": "string"})
    nodes = ET.SubElement(graph, f"{{{NS}}}nodes")
    for n, d in G.nodes(data=True):
        node = ET.SubElement(nodes, f"{{{NS}}}node", {"id": n, "label": d.get("name", n)})
        _attvalues(node, ncols, d)
        _spells(node, d)
        r, g, b = rgb(pic.colour[n])
        ET.SubElement(node, f"{{{VIZ}}}color", {"r": str(r), "g": str(g), "b": str(b)})
        # Gephi's y axis points up, the page's down: flip it so the map reads the same
        ET.SubElement(node, f"{{{VIZ}}}position", {"x": _num(pic.x[n]), "y": _num(-pic.y[n]), "z": "0.0"})
        ET.SubElement(node, f"{{{VIZ}}}size", {"value": _num(pic.radius[n])})
        ET.SubElement(node, f"{{{VIZ}}}shape", {"value": SHAPES["gexf"][pic.shape[n]]})
    edges = ET.SubElement(graph, f"{{{NS}}}edges")
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        kind = kinds[d["relation"]]
        edge = ET.SubElement(edges, f"{{{NS}}}edge", {"id": f"e{i}", "source": u, "target": v,
                                                       "type": "directed" if kind.directed else "undirected",
                                                       "label": kind.label})
        _attvalues(edge, ["relation"] + ecols, d)
        _spells(edge, d)
        r, g, b = rgb(kind.color)
        ET.SubElement(edge, f"{{{VIZ}}}color", {"r": str(r), "g": str(g), "b": str(b)})
        ET.SubElement(edge, f"{{{VIZ}}}thickness", {"value": "2.0"})
        ET.SubElement(edge, f"{{{VIZ}}}shape", {"value": _LINE[kind.style]})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + utf8(root) + b"\n"


def _spells(element, d: dict) -> None:
    """An actor's or relation's since/until as its one spell (Gephi's timeline reads them)."""
    start, end = _spell(d)
    if start or end:
        spells = ET.SubElement(element, f"{{{NS}}}spells")
        ET.SubElement(spells, f"{{{NS}}}spell", {**({"start": start} if start else {}), **({"end": end} if end else {})})


def _read_spell(element, q, out: Imported, what: str) -> tuple[str | None, str | None]:
    """(start, end) of a node or edge: its first spell, else its start and end attributes."""
    found = element.findall(f"{q('spells')}/{q('spell')}")
    start = end = None
    if found:
        start, end = found[0].get("start"), found[0].get("end")
        if len(found) > 1:
            out.note(f"{what} with several spells: only the first is kept as since/until")
    return start or element.get("start"), end or element.get("end")


def _num(v: float) -> str:
    return f"{float(v):.2f}"


def _attvalues(element, cols: list[str], d: dict) -> None:
    values = [(c, str(d[c])) for c in cols if d.get(c) not in (None, "")]
    if values:
        block = ET.SubElement(element, f"{{{NS}}}attvalues")
        for key, value in values:
            ET.SubElement(block, f"{{{NS}}}attvalue", {"for": key, "value": value})


def read(data: bytes, display: str) -> Imported:
    """A GEXF file (1.1, 1.2 or 1.3) as actors and relations; viz and dynamics beyond spells are not kept."""
    _, graph, q = xml_graph(data, display, "gexf", "GEXF")
    default = graph.get("defaultedgetype", "undirected")
    titles = {}
    for block in graph.findall(q("attributes")):
        for a in block.findall(q("attribute")):
            titles[(block.get("class"), a.get("id"))] = a.get("title") or a.get("id")
    out = Imported()
    for node in graph.iter(q("node")):
        attrs = _values(node, q, titles, "node")
        start, end = _read_spell(node, q, out, "actors")
        out.actors.append({"id": node.get("id") or "", "label": node.get("label"), "attrs": attrs, "start": start,
                           "end": end})
    for edge in graph.iter(q("edge")):
        attrs = _values(edge, q, titles, "edge")
        start, end = _read_spell(edge, q, out, "edges")
        kind = attrs.pop("relation", None) or edge.get("kind") or edge.get("label")
        out.relations.append({"source": edge.get("source") or "", "target": edge.get("target") or "",
                              "type": kind, "label": edge.get("label"),
                              "directed": (edge.get("type") or default) != "undirected",
                              "attrs": attrs, "start": start, "end": end, "color": _colour(edge),
                              "style": _style(edge)})
    if any(child.tag.endswith("}position") for node in graph.iter(q("node")) for child in node):
        out.note("positions, colours and sizes are not kept: actorgraph lays out and colours the map itself")
    return out


def _values(element, q, titles: dict, cls: str) -> dict:
    out = {}
    for v in element.findall(f"{q('attvalues')}/{q('attvalue')}"):
        key = v.get("for") or v.get("id")
        out[titles.get((cls, key), key)] = v.get("value", "")
    return out


def _style(edge) -> str | None:
    for child in edge:
        if child.tag.endswith("}shape") and child.get("value") in _LINE:
            return child.get("value")
    return None


def _colour(edge) -> str | None:
    for child in edge:
        if child.tag.endswith("}color") and child.get("r") is not None:
            try:
                return "#{:02x}{:02x}{:02x}".format(*(int(float(child.get(c, 0))) for c in "rgb"))
            except (ValueError, OverflowError):  # r="1e999" is infinite
                return None
    return None
