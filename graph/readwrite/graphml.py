"""GraphML for Cytoscape, networkx and igraph (written by networkx); read back with yEd's labels understood."""

from __future__ import annotations

import io
import json

from .common import Imported, metadata, read_metadata, xml_graph

__all__ = ["write", "read", "numbered", "META_KEY"]

META_KEY = "actorgraph"  # graph-level data: the data set's relation kinds and sources, as JSON


def numbered(G):
    """A copy with edge keys e0, e1, ... (unique ids in every format); the kind stays in 'relation'."""
    import networkx as nx

    H = nx.MultiDiGraph()
    H.add_nodes_from(G.nodes(data=True))
    for i, (u, v, _k, d) in enumerate(G.edges(keys=True, data=True)):
        H.add_edge(u, v, key=f"e{i}")
        H.edges[u, v, f"e{i}"].update(d)  # a column named 'key' is data, not the edge's key
    return H


def write(G, pic=None, version: str = "") -> bytes:
    import networkx as nx

    H = numbered(G)
    H.graph[META_KEY] = json.dumps(metadata(G), ensure_ascii=False, sort_keys=True)
    out = io.BytesIO()
    nx.write_graphml(H, out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def read(data: bytes, display: str) -> Imported:
    """GraphML as actors and relations: data keys by name, per-edge direction, yEd's node labels and line styles."""
    root, graph, q = xml_graph(data, display, "graphml", "GraphML")
    keys, graphics = {}, set()
    for key in root.findall(q("key")):
        if key.get("yfiles.type") in ("nodegraphics", "edgegraphics"):
            graphics.add(key.get("id"))
        elif key.get("attr.name"):
            keys[key.get("id")] = key.get("attr.name")
    out = Imported()
    for d in graph.findall(q("data")):
        if keys.get(d.get("key")) == META_KEY:
            meta = read_metadata(d.text)
            out.kinds = [k for k in meta.get("kinds", []) if isinstance(k, dict)]
            out.sources = [s for s in meta.get("sources", []) if isinstance(s, dict)]
    default_directed = graph.get("edgedefault", "directed") == "directed"
    if len(list(graph.iter(q("graph")))) > 1:
        out.note("nested graphs (yEd groups) are flattened: their actors are kept, the grouping is not")
    for node in graph.iter(q("node")):
        attrs, label, _style = _data(node, q, keys, graphics)
        if label and "name" not in attrs:
            attrs.setdefault("label", label)
        out.actors.append({"id": node.get("id") or "", "label": attrs.pop("name", None) or attrs.pop("label", None),
                           "attrs": attrs})
    for edge in graph.iter(q("edge")):
        attrs, label, style = _data(edge, q, keys, graphics)
        directed = edge.get("directed")
        if "directed" in attrs:  # written by actorgraph: the kind's own direction
            directed = attrs.pop("directed")
        kind = attrs.pop("relation", None) or attrs.pop("interaction", None) or attrs.pop("type", None) or label
        attrs.pop("id", None)
        out.relations.append({"source": edge.get("source") or "", "target": edge.get("target") or "",
                              "type": kind, "label": label,
                              "directed": default_directed if directed is None else str(directed).lower() in
                              ("true", "1", "yes"), "attrs": attrs, "start": None, "end": None,
                              "color": style.get("color"), "style": style.get("style")})
    if graphics:
        out.note("yEd's positions, colours, sizes and shapes are not kept: actorgraph lays out and colours the map"
                 " itself")
    return out


def _data(element, q, keys: dict, graphics: set) -> tuple[dict, str | None, dict]:
    """(attributes by name, the yEd label, the yEd line style) of a node or edge."""
    attrs, label, style = {}, None, {}
    for d in element.findall(q("data")):
        key = d.get("key")
        if key in graphics:
            for item in d.iter():
                tag = item.tag.split("}")[-1]
                if tag in ("NodeLabel", "EdgeLabel") and label is None and (item.text or "").strip():
                    label = item.text.strip()
                elif tag == "LineStyle":
                    style = {"color": (item.get("color") or "").lower() or None,
                             "style": {"line": "solid", "dashed": "dashed", "dotted": "dotted"}.get(item.get("type"))}
        elif key in keys:
            attrs[keys[key]] = (d.text or "").strip()
        else:
            attrs[key] = (d.text or "").strip()
    return attrs, label, style
