"""CSV tables: Gephi's spreadsheet import (nodes and edges) out, any edge list (with its nodes table) in."""

from __future__ import annotations

from pathlib import Path

from .common import FormatError, Imported
from graph.data.csvio import parse_csv
from graph.data.schema import kinds_of
from graph.output.tables import csv_text

__all__ = ["write_tables", "read", "nodes_file_for"]

# English, then the headers Dutch (van/naar, bron/doel) and French (source/cible, de/à) spreadsheets use
SOURCE_NAMES = ("source", "from", "src", "actor1", "actor_1", "node1", "head", "van", "bron", "de")
TARGET_NAMES = ("target", "to", "dst", "actor2", "actor_2", "node2", "tail", "naar", "doel", "cible", "à")
KIND_NAMES = ("relation", "type", "kind", "interaction", "label", "relatie", "soort")


def write_tables(G, guard: bool = True, excel: str | None = None) -> tuple[bytes, bytes]:
    """Gephi's spreadsheet import: a nodes table (Id, Label, ...) and an edges table (Source, Target, Type, ...).

    ``excel``: a separator; the tables are then written as a spreadsheet opens them directly.
    """
    from .common import edge_attrs, node_attrs

    kinds = kinds_of(G)
    ncols = [c for c in node_attrs(G) if any(c in d for _, d in G.nodes(data=True))]
    nodes = [["Id", "Label"] + ncols]
    nodes += [[n, d.get("name", n)] + [str(d.get(c, "")) for c in ncols] for n, d in G.nodes(data=True)]
    ecols = [c for c in edge_attrs(G) if any(c in d for *_, d in G.edges(data=True))]
    edges = [["Source", "Target", "Type", "Id", "Label", "relation"] + ecols]
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        kind = kinds[d["relation"]]
        edges.append([u, v, "Directed" if kind.directed else "Undirected", f"e{i}", kind.label, kind.name]
                     + [str(d.get(c, "")) for c in ecols])
    if excel:
        from graph.data.csvio import spreadsheet_bytes
        from graph.output.tables import csv_cells

        return spreadsheet_bytes(csv_cells(nodes, guard), excel), spreadsheet_bytes(csv_cells(edges, guard), excel)
    return csv_text(nodes, guard=guard).encode("utf-8"), csv_text(edges, guard=guard).encode("utf-8")


def nodes_file_for(path: Path) -> Path | None:
    """The nodes table beside an edges table: x-edges.csv -> x-nodes.csv (as `export --format csv` writes them)."""
    name = path.name
    for edges, nodes in (("-edges.csv", "-nodes.csv"), ("_edges.csv", "_nodes.csv"), ("edges.csv", "nodes.csv")):
        if name.lower().endswith(edges):
            other = path.with_name(name[: -len(edges)] + nodes)
            return other if other.is_file() else None
    return None


def _table(data: bytes, display: str):
    f, problems = parse_csv(data, Path(display), display)
    errors = [p for p in problems if p.severity == "error"]
    if f is None or errors:
        raise FormatError("\n".join(str(p) for p in errors) or f"{display}: cannot be read as CSV")
    columns = [c.strip() for c in f.columns]
    rows = [dict(zip(columns, (c.strip() for c in r.cells))) for r in f.records if not r.blank]
    return columns, rows, f.header.line  # line 2 after Excel's "sep=;" line


def _pick(columns, names, display, what, line: int = 1) -> str:
    lower = {c.lower(): c for c in columns}
    for name in names:
        if name in lower:
            return lower[name]
    raise FormatError(f"{display}:{line}: no {what} column (looked for {', '.join(names)}; the header has:"
                      f" {', '.join(columns)})")


def read(data: bytes, display: str, nodes: tuple[bytes, str] | None = None) -> Imported:
    """An edge list (source and target columns, optionally relation or type and any others), and its nodes table."""
    columns, rows, line = _table(data, display)
    source = _pick(columns, SOURCE_NAMES, display, "source", line)
    target = _pick(columns, TARGET_NAMES, display, "target", line)
    lower = {c.lower(): c for c in columns}
    kind_col = next((lower[n] for n in KIND_NAMES if n in lower and lower[n] not in (source, target)), None)
    if kind_col == lower.get("type") and "relation" in lower:
        kind_col = lower["relation"]
    out = Imported()
    skip = {source, target, kind_col}
    gephi = {"type", "id", "label"} <= set(lower) and "relation" in lower  # our own (Gephi) edges table
    for r in rows:
        directed = None
        if gephi or (kind_col != lower.get("type") and "type" in lower
                     and r.get(lower["type"], "").lower() in ("directed", "undirected")):
            directed = r.get(lower["type"], "").lower() != "undirected"
        attrs = {k: v for k, v in r.items() if k not in skip and not (gephi and k.lower() in ("type", "id", "label"))
                 and not (directed is not None and k == lower.get("type"))}
        out.relations.append({"source": r.get(source, ""), "target": r.get(target, ""),
                              "type": r.get(kind_col) if kind_col else None, "label": None, "directed": directed,
                              "attrs": attrs, "start": None, "end": None})
    if nodes:
        ncols, nrows, nline = _table(*nodes)
        id_col = _pick(ncols, ("id", "node", "name", "naam", "nom"), nodes[1], "id", nline)
        nlower = {c.lower(): c for c in ncols}
        label_col = nlower.get("label") or (nlower.get("name") if nlower.get("name") != id_col else None)
        for r in nrows:
            attrs = {k: v for k, v in r.items() if k not in (id_col, label_col)}
            if label_col and "name" in attrs and attrs["name"] == r.get(label_col):
                attrs.pop("name")
            out.actors.append({"id": r.get(id_col, ""), "label": r.get(label_col) if label_col else None,
                               "attrs": attrs})
    else:
        seen = dict.fromkeys(x for r in out.relations for x in (r["source"], r["target"]))
        out.actors = [{"id": a, "label": None, "attrs": {}} for a in seen]
        out.note("no nodes table: actors have their ids as names and no type ('unknown')")
    return out
