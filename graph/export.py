"""Export the graph for Gephi (GEXF), Cytoscape (GraphML), D3 (node-link JSON) and spreadsheets (CSV)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from .schema import kinds_of

__all__ = ["EXPORT_FORMATS", "export"]

EXPORT_FORMATS = ("gexf", "graphml", "json", "csv")
_GEXF_RESERVED = {"id", "label", "pid", "start", "end", "viz", "parents", "spells", "slices", "weight",
                  "type", "key"}


def _numbered(G):
    """A copy with edge keys e0, e1, ... (unique ids in every format); the kind stays in 'relation'."""
    import networkx as nx

    H = nx.MultiDiGraph()
    H.add_nodes_from(G.nodes(data=True))
    for i, (u, v, _k, d) in enumerate(G.edges(keys=True, data=True)):
        H.add_edge(u, v, key=f"e{i}", **d)
    return H


def _gexf(G) -> bytes:
    import networkx as nx
    from networkx.readwrite.gexf import GEXFWriter

    H = nx.MultiDiGraph()
    for n, d in G.nodes(data=True):
        attrs = {(f"attr_{k}" if k in _GEXF_RESERVED - {"type"} else k): v for k, v in d.items()}
        H.add_node(n, label=d.get("name", n), **attrs)
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        attrs = {(f"attr_{a}" if a in _GEXF_RESERVED else a): val for a, val in d.items()}
        # every edge stays "directed" (networkx's reader refuses mixed graphs); the
        # 'directed' attribute marks the symmetric relations
        H.add_edge(u, v, key=f"e{i}", id=f"e{i}", label=kinds_of(G)[d["relation"]].label, **attrs)
    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.add_graph(H)
    meta = writer.xml.find("meta")
    if meta is not None:
        meta.attrib.pop("lastmodifieddate", None)  # a date would make the file differ day to day
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _graphml(G) -> bytes:
    import networkx as nx

    out = io.BytesIO()
    nx.write_graphml(_numbered(G), out, encoding="utf-8", prettyprint=True)
    return out.getvalue()


def _json(G) -> bytes:
    import networkx as nx

    data = nx.node_link_data(_numbered(G), edges="links")
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _table(rows: list[list[str]], guard: bool) -> bytes:
    from .formats import csv_text

    return csv_text(rows, guard=guard).encode("utf-8")


def _csv(G, guard: bool = True) -> tuple[bytes, bytes]:
    """Gephi's spreadsheet import: a nodes table (Id, Label, ...) and an edges table (Source, Target, Type, ...)."""
    node_cols = list(dict.fromkeys(k for _, d in G.nodes(data=True) for k in d))
    nodes = [["Id", "Label"] + node_cols]
    nodes += [[n, d.get("name", n)] + [str(d.get(c, "")) for c in node_cols] for n, d in G.nodes(data=True)]
    edge_cols = list(dict.fromkeys(k for *_, d in G.edges(keys=True, data=True) for k in d
                                   if k not in ("relation", "directed")))
    edges = [["Source", "Target", "Type", "Id", "Label", "relation"] + edge_cols]
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        kind = kinds_of(G)[d["relation"]]
        edges.append([u, v, "Directed" if kind.directed else "Undirected", f"e{i}", kind.label, kind.name]
                     + [str(d.get(c, "")) for c in edge_cols])
    return _table(nodes, guard), _table(edges, guard)


def export(G, fmt: str, path: Path, guard: bool = True) -> dict[Path, bytes]:
    """G in a format, as {file: bytes}; csv gives PATH-nodes.csv and PATH-edges.csv."""
    path = Path(path)
    if fmt == "csv":
        stem = path.with_suffix("") if path.suffix.lower() == ".csv" else path
        nodes, edges = _csv(G, guard)
        return {stem.with_name(stem.name + "-nodes.csv"): nodes, stem.with_name(stem.name + "-edges.csv"): edges}
    return {path: {"gexf": _gexf, "graphml": _graphml, "json": _json}[fmt](G)}
