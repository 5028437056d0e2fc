"""Write the graph in another tool's format (see graph.readwrite for the formats)."""

from __future__ import annotations

import importlib
from pathlib import Path
from graph.readwrite import by_name

__all__ = ["export"]


def export(G, fmt: str, path: Path, guard: bool = True, excel: str | None = None,
           on_notes=None) -> dict[Path, bytes]:
    """G in a format, as {file: bytes}; csv gives PATH-nodes.csv and PATH-edges.csv.

    ``excel``: a separator; csv is then written as a spreadsheet opens it directly.

    Formats that carry a picture (GEXF, yEd GraphML, Cytoscape JSON) get the page's layout,
    colours, shapes and dot sizes; ``on_notes`` is called with the notes of the measure that sizes them.
    """
    from graph import __version__

    path = Path(path)
    if fmt == "csv":
        from graph.readwrite.tables import write_tables

        stem = path.with_suffix("") if path.suffix.lower() == ".csv" else path
        nodes, edges = write_tables(G, guard, excel)
        return {stem.with_name(stem.name + "-nodes.csv"): nodes, stem.with_name(stem.name + "-edges.csv"): edges}
    form = by_name(fmt)
    pic = None
    if form.picture:
        from graph.readwrite.common import picture

        pic = picture(G, on_notes)
    module = importlib.import_module(f"graph.readwrite.{form.module}")
    return {path: module.write(G, pic, version=__version__)}
