"""Node-link JSON for D3 and networkx: nodes and links with every attribute, and the data set's kinds and sources."""

from __future__ import annotations

import json

from .common import FormatError, Imported, metadata

__all__ = ["write", "read"]


def write(G, pic=None, version: str = "") -> bytes:
    import networkx as nx

    from .graphml import META_KEY, numbered

    data = nx.node_link_data(numbered(G), edges="links")
    data["graph"] = {META_KEY: metadata(G)}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def read(data: bytes, display: str) -> Imported:
    """networkx's node-link JSON (links or edges)."""
    from .cyjs import _load, _text
    from .graphml import META_KEY

    doc = _load(data, display)
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise FormatError(f"{display}: no 'nodes' list: not node-link JSON")
    out = Imported()
    meta = (doc.get("graph") or {}).get(META_KEY) if isinstance(doc.get("graph"), dict) else None
    if isinstance(meta, dict):
        out.kinds = [k for k in meta.get("kinds", []) if isinstance(k, dict)]
        out.sources = [s for s in meta.get("sources", []) if isinstance(s, dict)]
    for item in doc["nodes"]:
        if isinstance(item, dict):
            d = dict(item)
            node_id = _text(d.pop("id", ""))
            label = d.pop("name", None) or d.pop("label", None)
            out.actors.append({"id": node_id, "label": _text(label) if label else None,
                               "attrs": {k: _text(v) for k, v in d.items()}})
    for item in doc.get("links", doc.get("edges")) or []:
        if isinstance(item, dict):
            d = dict(item)
            d.pop("key", None)
            directed = d.pop("directed", None)
            kind = d.pop("relation", None) or d.pop("type", None)
            out.relations.append({"source": _text(d.pop("source", "")), "target": _text(d.pop("target", "")),
                                  "type": _text(kind) if kind else None, "label": None,
                                  "directed": directed if isinstance(directed, bool) else doc.get("directed"),
                                  "attrs": {k: _text(v) for k, v in d.items()}, "start": None, "end": None})
    return out
