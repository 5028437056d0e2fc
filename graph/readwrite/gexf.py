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
    # the actors and ties, written as text (ElementTree took 4 of 15 s at 10,000 actors), the same bytes:
    # ElementTree writes the rest with an empty <nodes> and <edges> in their places
    ET.SubElement(graph, f"{{{NS}}}nodes").text = _NODES
    ET.SubElement(graph, f"{{{NS}}}edges").text = _EDGES
    ET.indent(root)
    out: list[str] = []
    for n, d in G.nodes(data=True):
        out.append(f'\n      <node id="{_attr(n)}" label="{_attr(d.get("name", n))}">')
        _attvalues(out, ncols, d)
        _spells(out, d)
        r, g, b = rgb(pic.colour[n])
        # Gephi's y axis points up, the page's down: flip it so the map reads the same
        out.append(f'\n        <viz:color r="{r}" g="{g}" b="{b}" />'
                   f'\n        <viz:position x="{_num(pic.x[n])}" y="{_num(-pic.y[n])}" z="0.0" />'
                   f'\n        <viz:size value="{_num(pic.radius[n])}" />'
                   f'\n        <viz:shape value="{SHAPES["gexf"][pic.shape[n]]}" />\n      </node>')
    nodes, out = "".join(out), []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        kind = kinds[d["relation"]]
        out.append(f'\n      <edge id="e{i}" source="{_attr(u)}" target="{_attr(v)}" type='
                   f'"{"directed" if kind.directed else "undirected"}" label="{_attr(kind.label)}">')
        _attvalues(out, ["relation"] + ecols, d)
        _spells(out, d)
        r, g, b = rgb(kind.color)
        out.append(f'\n        <viz:color r="{r}" g="{g}" b="{b}" />\n        <viz:thickness value="2.0" />'
                   f'\n        <viz:shape value="{_LINE[kind.style]}" />\n      </edge>')
    edges = "".join(out)
    text = ET.tostring(root, encoding="unicode")
    if nodes or edges:  # the viz namespace is used in the text written here only: declared where ElementTree would
        text = text.replace(f'xmlns="{NS}" xmlns:xsi=', f'xmlns="{NS}" xmlns:viz="{VIZ}" xmlns:xsi=', 1)
    for tag, marker, items in (("nodes", _NODES, nodes), ("edges", _EDGES, edges)):
        text = text.replace(f"<{tag}>{marker}</{tag}>", f"<{tag}>{items}\n    </{tag}>" if items else f"<{tag} />", 1)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + utf8(text) + b"\n"


# stand-ins for the actors and ties in the text ElementTree writes, found with their tags around them
# ("<" is escaped in every value from the data, so "<nodes>" can only be the element)
_NODES, _EDGES = "actorgraph-nodes", "actorgraph-edges"
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;",
                       "\t": "&#09;"})


def _attr(value) -> str:
    """An attribute value escaped as ElementTree escapes it."""
    return str(value).translate(_ATTR)


def _spells(out: list, d: dict) -> None:
    """An actor's or relation's since/until as its one spell (Gephi's timeline reads them)."""
    start, end = _spell(d)
    if start or end:
        out.append('\n        <spells>\n          <spell' + (f' start="{start}"' if start else "")
                   + (f' end="{end}"' if end else "") + ' />\n        </spells>')


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


def _attvalues(out: list, cols: list[str], d: dict) -> None:
    values = [(c, str(d[c])) for c in cols if d.get(c) not in (None, "")]
    if values:
        out.append("\n        <attvalues>" + "".join(f'\n          <attvalue for="{_attr(key)}" value="{_attr(value)}" />'
                                                   for key, value in values) + "\n        </attvalues>")


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
