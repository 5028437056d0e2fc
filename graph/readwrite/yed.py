"""GraphML for yEd: yFiles node graphics (shape, fill, label, geometry from actorgraph's layout) and line styles."""

from __future__ import annotations

from .common import SHAPES, Picture, edge_attrs, node_attrs, utf8
from .graphml import META_KEY, read  # yEd's files are GraphML: the GraphML reader understands their labels
import json
import xml.etree.ElementTree as ET
from graph.data.schema import kinds_of
from graph.picture.palette import darker

__all__ = ["write", "read"]

NS = "http://graphml.graphdrawing.org/xmlns"
Y = "http://www.yworks.com/xml/graphml"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
_LINE = {"solid": "line", "dashed": "dashed", "dotted": "dotted"}


def write(G, pic: Picture, version: str = "") -> bytes:
    """The graph as yEd GraphML: every attribute as data, plus yEd's graphics so the map opens as drawn here."""

    from .common import metadata

    ET.register_namespace("", NS)
    ET.register_namespace("y", Y)
    ET.register_namespace("xsi", XSI)
    kinds = kinds_of(G)
    root = ET.Element(f"{{{NS}}}graphml", {f"{{{XSI}}}schemaLocation": SCHEMA})
    ncols, ecols = node_attrs(G), ["relation", "directed"] + edge_attrs(G)
    for cls, cols in (("node", ncols), ("edge", ecols)):
        for i, c in enumerate(cols):
            ET.SubElement(root, f"{{{NS}}}key", {"id": f"{cls[0]}{i}", "for": cls, "attr.name": c,
                                                 "attr.type": "string"})
    ET.SubElement(root, f"{{{NS}}}key", {"id": "g0", "for": "graph", "attr.name": META_KEY, "attr.type": "string"})
    ET.SubElement(root, f"{{{NS}}}key", {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(root, f"{{{NS}}}key", {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "G", "edgedefault": "directed"})
    ET.SubElement(graph, f"{{{NS}}}data", {"key": "g0"}).text = json.dumps(metadata(G), ensure_ascii=False,
                                                                         sort_keys=True)
    for n, d in G.nodes(data=True):
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": n})
        for i, c in enumerate(ncols):
            if d.get(c) not in (None, ""):
                ET.SubElement(node, f"{{{NS}}}data", {"key": f"n{i}"}).text = str(d[c])
        r = pic.radius[n]
        shape = ET.SubElement(ET.SubElement(node, f"{{{NS}}}data", {"key": "ng"}), f"{{{Y}}}ShapeNode")
        ET.SubElement(shape, f"{{{Y}}}Geometry", {"x": f"{pic.x[n] - r:.2f}", "y": f"{pic.y[n] - r:.2f}",
                                                   "width": f"{2 * r:.2f}", "height": f"{2 * r:.2f}"})
        ET.SubElement(shape, f"{{{Y}}}Fill", {"color": pic.colour[n].upper(), "transparent": "false"})
        ET.SubElement(shape, f"{{{Y}}}BorderStyle", {"color": darker(pic.colour[n]).upper(), "type": "line",
                                                      "width": "1.0"})
        ET.SubElement(shape, f"{{{Y}}}NodeLabel", {
            "alignment": "center", "autoSizePolicy": "content", "fontFamily": "Dialog", "fontSize": "12",
            "fontStyle": "plain", "hasBackgroundColor": "false", "hasLineColor": "false", "modelName": "sides",
            "modelPosition": "s", "textColor": "#1F2328", "visible": "true"}).text = d.get("name", n)
        ET.SubElement(shape, f"{{{Y}}}Shape", {"type": SHAPES["yed"][pic.shape[n]]})
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        kind = kinds[d["relation"]]
        # no per-edge 'directed' attribute: yEd shows direction by its arrows, and networkx's reader
        # refuses mixed graphs; the 'directed' data column says it
        edge = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{i}", "source": u, "target": v})
        values = {**d, "directed": "true" if kind.directed else "false"}
        for j, c in enumerate(ecols):
            if values.get(c) not in (None, ""):
                ET.SubElement(edge, f"{{{NS}}}data", {"key": f"e{j}"}).text = str(values[c])
        line = ET.SubElement(ET.SubElement(edge, f"{{{NS}}}data", {"key": "eg"}), f"{{{Y}}}PolyLineEdge")
        ET.SubElement(line, f"{{{Y}}}LineStyle", {"color": kind.color.upper(), "type": _LINE[kind.style],
                                                   "width": "2.0"})
        ET.SubElement(line, f"{{{Y}}}Arrows", {"source": "none", "target": "standard" if kind.directed else "none"})
        ET.SubElement(line, f"{{{Y}}}BendStyle", {"smoothed": "false"})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + utf8(root) + b"\n"
