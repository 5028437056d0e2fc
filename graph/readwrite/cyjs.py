"""Cytoscape JSON (.cyjs) for Cytoscape desktop and Cytoscape.js: elements with data and positions, and a style."""

from __future__ import annotations

import json
import math

from .common import SHAPES, FormatError, Imported, Picture, edge_attrs, metadata, node_attrs
from graph.data.schema import kinds_of

__all__ = ["write", "read", "PRESENTATION"]

PRESENTATION = ("ag_color", "ag_size", "ag_shape")  # drawing fields the style reads; not data


def write(G, pic: Picture, version: str = "") -> bytes:
    kinds = kinds_of(G)
    nodes = []
    for n, d in G.nodes(data=True):
        data = {"id": n, **{c: str(d[c]) for c in node_attrs(G) if d.get(c) not in (None, "")}}
        data.update({"ag_color": pic.colour[n], "ag_size": round(2 * pic.radius[n], 2),
                     "ag_shape": SHAPES["cyjs"][pic.shape[n]]})
        nodes.append({"data": data, "position": {"x": round(pic.x[n], 2), "y": round(pic.y[n], 2)}})
    edges = []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        kind = kinds[d["relation"]]
        data = {"id": f"e{i}", "source": u, "target": v, "interaction": kind.name, "relation": kind.name,
                "directed": kind.directed, **{c: str(d[c]) for c in edge_attrs(G) if d.get(c) not in (None, "")}}
        edges.append({"data": data})
    style = [{"selector": "node", "style": {"label": "data(name)", "background-color": "data(ag_color)",
                                            "width": "data(ag_size)", "height": "data(ag_size)",
                                            "shape": "data(ag_shape)", "font-size": 12, "text-valign": "bottom",
                                            "text-margin-y": 4}},
             {"selector": "edge", "style": {"width": 2, "curve-style": "bezier"}}]
    for k in kinds.values():
        style.append({"selector": f"edge[relation = '{k.name}']",
                      "style": {"line-color": k.color, "line-style": k.style, "target-arrow-color": k.color,
                                "target-arrow-shape": "triangle" if k.directed else "none"}})
    doc = {"format_version": "1.0", "generated_by": f"actorgraph {version}".strip(),
           "target_cytoscapejs_version": "~2.1", "data": {"name": "actorgraph", "actorgraph": metadata(G)},
           "elements": {"nodes": nodes, "edges": edges}, "style": style}
    return (json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")


class _Number(ValueError):
    """A number JSON allows but no data set holds (thousands of digits, 1e999, Infinity, NaN)."""


def _integer(text: str) -> int:
    if len(text) > 40:
        raise _Number(f"a number of {len(text):,} digits")
    return int(text)


def _decimal(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Number(f"the number {text[:20]}{'...' * (len(text) > 20)} is too large")
    return value


def _constant(text: str):
    raise _Number(f"{text} is not a number a data set holds")


def _load(data: bytes, display: str):
    try:
        return json.loads(data.decode("utf-8-sig"), parse_int=_integer, parse_float=_decimal,
                          parse_constant=_constant)
    except _Number as exc:
        raise FormatError(f"{display}: not valid JSON for actorgraph ({exc})") from None
    except UnicodeDecodeError:
        raise FormatError(f"{display}: not UTF-8 text") from None
    except RecursionError:
        raise FormatError(f"{display}: JSON nested too deeply") from None
    except ValueError as exc:
        raise FormatError(f"{display}:{getattr(exc, 'lineno', 0)}: not valid JSON ({getattr(exc, 'msg', exc)})") \
            from None


def read(data: bytes, display: str) -> Imported:
    """Cytoscape's .cyjs (or Cytoscape.js's cy.json()): node and edge data; positions and style are not kept."""
    doc = _load(data, display)
    elements = doc.get("elements") if isinstance(doc, dict) else None
    if isinstance(elements, list):  # cy.json() may hold one list with a group per element
        elements = {"nodes": [e for e in elements if isinstance(e, dict) and e.get("group") == "nodes"],
                    "edges": [e for e in elements if isinstance(e, dict) and e.get("group") == "edges"]}
    if not isinstance(elements, dict):
        raise FormatError(f"{display}: no 'elements' with 'nodes' and 'edges': not a Cytoscape JSON file")
    out = Imported()
    meta = (doc.get("data") or {}).get("actorgraph") if isinstance(doc.get("data"), dict) else None
    if isinstance(meta, dict):
        out.kinds = [k for k in meta.get("kinds", []) if isinstance(k, dict)]
        out.sources = [s for s in meta.get("sources", []) if isinstance(s, dict)]
    for item in elements.get("nodes") or []:
        d = dict(item.get("data") or {}) if isinstance(item, dict) else {}
        for key in PRESENTATION:
            d.pop(key, None)
        node_id = _text(d.pop("id", ""))
        label = d.pop("name", None) or d.pop("label", None) or d.pop("shared_name", None)
        d.pop("SUID", None), d.pop("selected", None)
        out.actors.append({"id": node_id, "label": _text(label) if label is not None else None,
                           "attrs": {k: _text(v) for k, v in d.items()}})
    for item in elements.get("edges") or []:
        d = dict(item.get("data") or {}) if isinstance(item, dict) else {}
        for key in ("id", "SUID", "selected", "shared_name", "shared_interaction", "name"):
            d.pop(key, None)
        directed = d.pop("directed", None)
        kind = d.pop("relation", None) or d.pop("interaction", None)
        d.pop("interaction", None)
        out.relations.append({"source": _text(d.pop("source", "")), "target": _text(d.pop("target", "")),
                              "type": _text(kind) if kind is not None else None, "label": None,
                              "directed": directed if isinstance(directed, bool) else None,
                              "attrs": {k: _text(v) for k, v in d.items()}, "start": None, "end": None})
    if any(isinstance(i, dict) and i.get("position") for i in elements.get("nodes") or []):
        out.note("positions are not kept: actorgraph lays out the map itself")
    return out


def _text(v) -> str:
    """A JSON value as a cell: text as is, lists joined with ';', everything else as JSON."""
    if isinstance(v, str):
        return v
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return ";".join(v)
    if v is None:
        return ""
    return json.dumps(v, ensure_ascii=False)
