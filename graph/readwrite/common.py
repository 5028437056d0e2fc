"""What the formats share: the picture an export carries, attribute lists, and the neutral form of an import."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from xml.etree.ElementTree import TreeBuilder
import xml.parsers.expat as expat
from graph.analysis.metrics import centrality, map_sample
from graph.errors import Hint, TooLarge
from graph.data.schema import kinds_of, RELATION_COLUMNS
from graph.picture.scene import placement

__all__ = ["Picture", "picture", "node_attrs", "edge_attrs", "Imported", "FormatError", "metadata",
           "read_metadata", "SHAPES", "parse_xml", "xml_graph", "rgb", "utf8"]

# actor shapes of the page, as each tool names its nearest one
SHAPES = {
    "gexf": {"dot": "disc", "square": "square", "diamond": "diamond", "triangle": "triangle",
             "hexagon": "disc", "triangleDown": "triangle", "star": "diamond"},
    "yed": {"dot": "ellipse", "square": "rectangle", "diamond": "diamond", "triangle": "triangle",
            "hexagon": "hexagon", "triangleDown": "octagon", "star": "star5"},
    "cyjs": {"dot": "ellipse", "square": "rectangle", "diamond": "diamond", "triangle": "triangle",
             "hexagon": "hexagon", "triangleDown": "vee", "star": "star"},
}


class FormatError(ValueError):
    """A file that cannot be read as the format says: the message names the file and, where known, the line."""


@dataclass
class Picture:
    """Where and how the page draws each actor: position (page px, y down), dot radius, colour, shape."""

    x: dict
    y: dict
    radius: dict
    colour: dict
    shape: dict


# actors: the map is laid out up to this many (export --format gexf at 30k: about 3.7 CPU minutes, most of it
# one Fruchterman-Reingold layout; at 100k it had not finished after 17 CPU minutes; docs/performance.md)
MAP_UP_TO = 30_000


def picture(G, on_notes=None) -> Picture:
    """The page's layout, colours, shapes and dot sizes (betweenness) for G.

    Above ``MAP_UP_TO`` actors it raises ``TooLarge`` before any of the work. Above
    ``metrics.MAP_EXACT_UP_TO`` the dots are sized by estimated betweenness, as the page's are;
    ``on_notes`` is called with the measure's notes that say so.
    """

    n = G.number_of_nodes()
    if n > MAP_UP_TO:
        raise TooLarge(f"this format carries the map as drawn here, and laying out {n:,} actors takes tens of"
                       f" minutes or more (maps are laid out up to {MAP_UP_TO:,} actors); narrow the view",
                       limit=MAP_UP_TO, size=n, hint=Hint("or export without positions, for the other tool to lay"
                                                          " out, with", (("fmt", "graphml"), ("fmt", "json"), ("fmt", "csv"))))
    values, said = centrality(G, ["betweenness", "degree"], sample=map_sample(n)) if n else ({}, [])
    if on_notes is not None and said:
        on_notes(said)
    placed = placement(G, values, "betweenness")  # the page's places and dots, without its labels and lines
    by = dict(zip(placed.ids, range(len(placed.ids))))
    return Picture(*({v: column[i] for v, i in by.items()} for column in
                     (placed.x, placed.y, placed.radius, placed.colour, placed.shape)))


def node_attrs(G) -> list[str]:
    """Every actor column present, in a fixed order: name, type, description, aliases, then the rest by first use."""
    core = ["name", "type", "description", "aliases"]
    rest = dict.fromkeys(k for _, d in G.nodes(data=True) for k in d if k not in core)
    return core + list(rest)


def edge_attrs(G) -> list[str]:
    """Every relation column present but the kind: the schema's columns first, then the rest by first use."""

    core = [c.name for c in RELATION_COLUMNS if c.name not in ("source", "relation", "target")]
    rest = dict.fromkeys(k for *_, d in G.edges(data=True) for k in d if k not in core and k not in
                         ("relation", "directed"))
    return core + list(rest)


def metadata(G) -> dict:
    """The data set's relation kinds and sources, for formats that carry a graph-level record."""

    kinds = [{"kind": k.name, "label": k.label, "inverse": k.inverse, "directed": k.directed, "color": k.color,
              "style": k.style} for k in kinds_of(G).values()]
    sources = [{"id": sid, **{c: str(v) for c, v in row.items() if c != "id"}}
               for sid, row in sorted((G.graph.get("sources") or {}).items())]
    return {"kinds": kinds, "sources": sources}


def read_metadata(text: str | None) -> dict:
    """metadata() back from its JSON text; {} when absent or unreadable."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def rgb(colour: str) -> tuple[int, int, int]:
    """'#d9480f' -> (217, 72, 15)."""
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


@dataclass
class Imported:
    """A file's actors and relations before they become a data folder.

    actors: {"id", "label", "attrs"}, optionally "start" and "end" (a GEXF spell); relations:
    {"source", "target", "type", "directed", "attrs", "start", "end"}; kinds and sources: our own
    tables when the file carries them;
    notes: what could not be mapped.
    """

    actors: list[dict] = field(default_factory=list)
    relations: list[dict] = field(default_factory=list)
    kinds: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)


class _Doctype(Exception):
    pass


def _refuse(*_):
    raise _Doctype


def parse_xml(data: bytes, display: str):
    """An XML document's root element; no document type declaration, clear errors with the line.

    Any DOCTYPE (and so any entity, internal or external) is refused by expat itself as it
    meets it, whatever the document's encoding (a byte search misses UTF-16); nothing relies
    on expat's own limits on entity expansion.
    """

    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def name(n):  # expat's "uri}local" as ElementTree's "{uri}local"
        return "{" + n if "}" in n else n

    parser.StartElementHandler = lambda tag, attrs: builder.start(name(tag), {name(k): v for k, v in attrs.items()})
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.buffer_text = True
    try:
        parser.Parse(data, True)
        return builder.close()
    except _Doctype:
        raise FormatError(f"{display}: has a DOCTYPE or ENTITY declaration, which actorgraph does not read") from None
    except expat.ExpatError as exc:
        raise FormatError(f"{display}:{exc.lineno}: not well-formed XML ({expat.ErrorString(exc.code)})") from None


def xml_graph(data: bytes, display: str, root_name: str, what: str):
    """(root, its <graph> element, q) of a GEXF or GraphML file; q(tag) spells a tag in the file's namespace."""
    root = parse_xml(data, display)
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    q = (lambda t: f"{{{ns}}}{t}") if ns else (lambda t: t)
    if root.tag != q(root_name):
        raise FormatError(f"{display}: not a {what} file (its root element is <{root.tag.split('}')[-1]}>)")
    graph = root.find(q("graph"))
    if graph is None:
        raise FormatError(f"{display}: no <graph> element")
    return root, graph, q


def utf8(root) -> bytes:
    """An ElementTree (or its text) as UTF-8, the same bytes as ``ET.tostring(root, encoding="utf-8")``,
    written to a string first: the byte stream resets its encoder at every write (2 of 6 s for a
    10k-actor GEXF). Lone surrogates become character references, as ElementTree writes them."""
    import xml.etree.ElementTree as ET

    text = root if isinstance(root, str) else ET.tostring(root, encoding="unicode")
    return text.encode("utf-8", "xmlcharrefreplace")
