"""Files of other tools, written and read: one module per format, and THE table of formats.

Each module has ``write(G, picture) -> bytes`` when actorgraph exports the format and
``read(data: bytes, display: str) -> Imported`` when it imports it (see graph.readwrite.common).
"""

from __future__ import annotations

from collections import namedtuple

__all__ = ["Format", "FORMATS", "EXPORTS", "IMPORTS", "by_name", "for_file", "exports_for"]


# name; module (graph.readwrite.<module>); extensions; tools (who reads it); whether actorgraph
# exports and imports it; picture: carries positions, colours and sizes from actorgraph's layout.
# A named tuple, not a dataclass: `actorgraph --help` reads this table and must start fast.
Format = namedtuple("Format", "name module extensions tools exports imports picture", defaults=(True, True, False))


FORMATS = (
    Format("gexf", "gexf", (".gexf",), "Gephi, Gephi Lite", picture=True),
    Format("graphml", "graphml", (".graphml",), "Cytoscape, networkx, igraph"),
    Format("graphml-yed", "yed", (".graphml",), "yEd", picture=True),
    Format("cyjs", "cyjs", (".cyjs",), "Cytoscape desktop, Cytoscape.js", picture=True),
    Format("kumu", "kumu", (".json",), "Kumu (a blueprint)"),
    Format("json", "nodelink", (".json",), "D3 and networkx (node-link JSON)"),
    Format("csv", "tables", (".csv",), "Gephi's spreadsheet import, Excel (nodes and edges tables)", imports=False),
    Format("csv-edgelist", "tables", (".csv",), "any edge list with source and target columns", exports=False),
)
EXPORTS = tuple(f.name for f in FORMATS if f.exports)
IMPORTS = tuple(f.name for f in FORMATS if f.imports)


def by_name(name: str) -> Format:
    return next(f for f in FORMATS if f.name == name)


def for_file(name: str, data: bytes = b"") -> Format | None:
    """The import format a file's extension names; .graphml from yEd and .json from Kumu by their content."""
    lower = name.lower()
    if lower.endswith(".graphml"):
        return by_name("graphml")  # graphml reads yEd's graphics as well
    if lower.endswith(".json"):
        head = data[:4096]
        return by_name("kumu") if b'"elements"' in head and b'"connections"' in data else by_name("json")
    if lower.endswith(".csv"):
        return by_name("csv-edgelist")
    return next((f for f in FORMATS if f.imports and any(lower.endswith(e) for e in f.extensions)), None)


def exports_for(name: str) -> tuple[Format, ...]:
    """The export formats whose extension ends this file name (.graphml and .json name two each)."""
    lower = name.lower()
    return tuple(f for f in FORMATS if f.exports and any(lower.endswith(e) for e in f.extensions))
