"""Kumu blueprints (JSON): elements with label, type, description, tags and colour; connections with type and
direction."""

from __future__ import annotations

import json

from .common import FormatError, Imported, edge_attrs, node_attrs
from graph.data.schema import kinds_of
from graph.picture.scene import type_styles_of

__all__ = ["write", "read"]

# Kumu wants ids unique across elements and connections; an actor id never holds ':'.
CONNECTION_ID = "relation:{}"


def write(G, pic=None, version: str = "") -> bytes:
    kinds = kinds_of(G)
    styles = type_styles_of(G)  # the page's colour of each type: Kumu shows an element's color field
    elements = []
    for n, d in G.nodes(data=True):
        element = {"id": n, "label": d.get("name", n), "type": d.get("type", ""),
                   "color": styles[d.get("type", "")][0]}
        if d.get("description"):
            element["description"] = d["description"]
        tags = [a.strip() for a in d.get("aliases", "").split(";") if a.strip()]
        if tags:
            element["tags"] = tags
        element.update({c: str(d[c]) for c in node_attrs(G)[4:] if d.get(c) not in (None, "")})
        elements.append(element)
    connections = []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        kind = kinds[d["relation"]]
        c = {"id": CONNECTION_ID.format(i), "from": u, "to": v, "type": kind.label,
             "direction": "directed" if kind.directed else "undirected", "relation": kind.name}
        if d.get("note"):
            c["description"] = d["note"]
        c.update({k: str(d[k]) for k in edge_attrs(G) if k != "note" and d.get(k) not in (None, "")})
        connections.append(c)
    return (json.dumps({"elements": elements, "connections": connections}, ensure_ascii=False, indent=1)
            + "\n").encode("utf-8")


def read(data: bytes, display: str) -> Imported:
    """A Kumu blueprint (or a Kumu project export) as actors and relations; connections may name labels or ids."""
    from .cyjs import _load, _text

    doc = _load(data, display)
    if not isinstance(doc, dict) or not isinstance(doc.get("elements"), list):
        raise FormatError(f"{display}: no 'elements' list: not a Kumu blueprint")
    out = Imported()
    by_label = {}
    for item in doc["elements"]:
        if not isinstance(item, dict):
            continue
        d = dict(item)
        element_id = _text(d.pop("id", d.pop("_id", "")))
        label = _text(d.pop("label", ""))
        tags = d.pop("tags", None)
        d.pop("color", None)  # decoration, not data: actorgraph colours the map itself
        attrs = {k: _text(v) for k, v in d.items()}
        if tags:
            attrs["aliases"] = _text(tags)
        out.actors.append({"id": element_id or label, "label": label or None, "attrs": attrs})
        by_label.setdefault(label, element_id or label)
    known = {a["id"] for a in out.actors}
    for item in doc.get("connections") or []:
        if not isinstance(item, dict):
            continue
        d = dict(item)
        d.pop("id", None), d.pop("_id", None)
        ends = []
        for side in ("from", "to"):
            end = _text(d.pop(side, ""))
            ends.append(end if end in known else by_label.get(end, end))
        direction = _text(d.pop("direction", "directed")).lower()
        kind = d.pop("relation", None) or d.pop("type", None)
        d.pop("type", None)
        if "description" in d:
            d["note"] = d.pop("description")
        if direction == "mutual":
            out.note("mutual connections are kept as one undirected relation")
        out.relations.append({"source": ends[0], "target": ends[1], "type": _text(kind) if kind else None,
                              "label": None, "directed": direction == "directed",
                              "attrs": {k: _text(v) for k, v in d.items()}, "start": None, "end": None})
    if doc.get("loops"):
        out.note("Kumu loops are not kept")
    return out
