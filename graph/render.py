"""Render the actor graph as one self-contained, offline, escaped HTML explorer.

pyvis holds the vis-network nodes, edges and options and ships the vis-network
library, which is inlined; the page itself is the project's own template and
assets (graph/templates, graph/assets), rendered with autoescaping Jinja.
"""

from __future__ import annotations

import base64
import hashlib
import math
from pathlib import Path

from .layout import OVERLAP_LIMIT, label_box, label_lines, layout
from .schema import RELATIONS

__all__ = ["render_html", "SIZE_BY", "COLOR_BY", "PANEL_MEASURES"]

SIZE_BY = ("betweenness", "degree", "pagerank", "none")
COLOR_BY = ("type", "community")
PANEL_MEASURES = ("degree", "betweenness", "closeness", "eigenvector", "pagerank")
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
           "#9c755f", "#86bcb6", "#d37295", "#8cd17d", "#b6992d", "#499894", "#79706e", "#a0cbe8")
HERE = Path(__file__).parent


def group_colors(keys) -> dict[str, str]:
    """A colour per group, by the order given; past the palette, evenly spread hues."""
    colors = {}
    for i, key in enumerate(keys):
        if i < len(PALETTE):
            colors[key] = PALETTE[i]
        else:
            hue = (i * 0.618033988749895) % 1.0
            colors[key] = "#%02x%02x%02x" % _hsl(hue, 0.55, 0.55)
    return colors


def _hsl(h, s, l):
    import colorsys
    r, g, b = colorsys.hls_to_rgb(h, l, s)
    return round(r * 255), round(g * 255), round(b * 255)


def render_html(G, values: dict, *, title: str, size_by: str = "betweenness", groups: dict | None = None,
                group_label: str = "type", sources: list | None = None, seed: int = 7) -> str:
    """The HTML page for graph G (networkx MultiDiGraph of actors and relations).

    ``values`` maps measure -> {actor: value}; ``groups`` maps actor -> group
    name for colours and the legend filter (default: the actor's type);
    ``sources`` lists (file, count, what) for the footer.
    """
    from pyvis.network import Network

    groups = groups or {n: d.get("type", "") for n, d in G.nodes(data=True)}
    counts = _count(groups.values())
    colors = group_colors(counts)
    sizes = _sizes(G, values.get(size_by) if size_by != "none" else None)
    labels = {n: label_lines(d.get("name", n)) for n, d in G.nodes(data=True)}
    boxes = {n: label_box(labels[n], sizes[n]) for n in G} if len(G) <= OVERLAP_LIMIT else None
    pos = layout(G, boxes, seed=seed)

    net = Network(directed=True)
    net.nodes = [{"id": n, "label": "\n".join(labels[n]), "x": pos[n][0], "y": pos[n][1], "size": sizes[n],
                  "color": colors[groups[n]], "group": groups[n]} for n in G]
    net.edges = _edges(G)
    net.options = _vis_options(len(net.nodes))
    nodes, edges, _heading, _h, _w, options_json = net.get_network_data()

    import json
    data = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options_json),
        "actors": _actors(G, values, groups),
        "relations": _relations(G),
        "groups": [{"key": k, "color": colors[k], "count": c} for k, c in counts.items()],
        "groupLabel": group_label,
        "kinds": _kinds(G),
        "measures": [m for m in PANEL_MEASURES if m in values],
        "sizeBy": size_by,
        "sources": [{"file": f, "count": c, "what": w} for f, c, w in (sources or [])],
        "shown": {"actors": G.number_of_nodes(), "relations": G.number_of_edges()},
    }
    return _page(data)


def _count(values) -> dict[str, int]:
    """Group sizes, largest first, then by name: the legend's (and colours') order."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _sizes(G, measure: dict | None) -> dict:
    """Dot radius in px: 10 to 40 by the square root of the measure (area ~ value)."""
    if not measure:
        return {n: 14 for n in G}
    top = max((v for v in measure.values() if v == v), default=0) or 1.0
    return {n: round(10 + 30 * math.sqrt(max(measure.get(n, 0) or 0, 0) / top), 1) for n in G}


def _edges(G) -> list[dict]:
    """vis-network edges; several relations between one pair curve apart from each other."""
    pairs: dict[tuple, int] = {}
    for u, v in G.edges():
        key = (u, v) if u <= v else (v, u)
        pairs[key] = pairs.get(key, 0) + 1
    seen: dict[tuple, int] = {}
    out = []
    for i, (u, v, k) in enumerate(G.edges(keys=True)):
        kind = RELATIONS[k]
        key = (u, v) if u <= v else (v, u)
        edge = {"id": f"e{i}", "from": u, "to": v, "kind": k, "arrows": "to" if kind.directed else "",
                "dashes": kind.dashes, "color": kind.color, "width": 2}
        if pairs[key] > 1:
            rank = seen.get(key, 0)
            seen[key] = rank + 1
            clockwise = (rank % 2 == 0) == (u <= v)  # same side whichever way the edge points
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                              "roundness": round(0.18 + 0.18 * (rank // 2), 2)}
            if pairs[key] % 2 == 1 and rank == pairs[key] - 1:
                edge["smooth"] = False  # an odd one out runs straight between the curves
        else:
            edge["smooth"] = False
        out.append(edge)
    return out


def _vis_options(n: int) -> dict:
    return {
        "physics": {"enabled": False},
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": n > 2000,
                        "hideEdgesOnZoom": n > 2000, "multiselect": False,
                        "keyboard": {"enabled": True, "bindToWindow": False}},
        "nodes": {"shape": "dot", "borderWidth": 1,
                  "font": {"size": 14, "face": "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif",
                           "color": "#212529", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 6}}},
        "edges": {"selectionWidth": 2, "hoverWidth": 1.5,
                  "arrows": {"to": {"scaleFactor": 0.7}}},
    }


def _actors(G, values: dict, groups: dict) -> dict:
    out = {}
    core = ("name", "type", "description", "aliases")
    for n, d in G.nodes(data=True):
        out[n] = {
            "name": d.get("name", n), "type": d.get("type", ""), "group": groups[n],
            "description": d.get("description", ""),
            "aliases": [a.strip() for a in d.get("aliases", "").split(";") if a.strip()],
            "extra": [[k, v] for k, v in d.items() if k not in core and v],
            "relations": G.degree(n),
            "values": {m: _round(values[m].get(n)) for m in PANEL_MEASURES if m in values},
        }
    return out


def _relations(G) -> list[dict]:
    core = ("relation", "directed", "evidence", "note", "confidence", "since", "until")
    out = []
    for i, (u, v, k, d) in enumerate(G.edges(keys=True, data=True)):
        out.append({"id": f"e{i}", "source": u, "target": v, "kind": k,
                    **{c: d.get(c, "") for c in core[2:]},
                    "extra": [[c, val] for c, val in d.items() if c not in core and val]})
    return out


def _kinds(G) -> list[dict]:
    counts = {k: 0 for k in RELATIONS}
    for _, _, k in G.edges(keys=True):
        counts[k] += 1
    return [{"name": k.name, "label": k.label, "inverse": k.inverse, "directed": k.directed,
             "color": k.color, "dashes": k.dashes, "count": counts[k.name]} for k in RELATIONS.values()]


def _round(v):
    return None if v is None or v != v else round(float(v), 6)


def _asset(path: Path) -> str:
    """An asset's text made safe to inline: no way out of <script>, no URL-like text."""
    text = path.read_text(encoding="utf-8")
    low = text.lower()
    if "</script" in low or "<!--" in low or "</style" in low:
        raise RuntimeError(f"{path} cannot be inlined: it contains a closing tag or comment opener")
    # In JS strings, regexes and comments, and in CSS, "\/" reads as "/": the page then holds no
    # http(s):// text at all, so a reviewer's grep for remote resources comes back empty.
    return text.replace("://", ":\\/\\/")


def vis_assets() -> tuple[str, str]:
    """The vis-network script and stylesheet that the installed pyvis ships."""
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return _asset(lib / "vis-network.min.js"), _asset(lib / "vis-network.css")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def _page(data: dict) -> str:
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             keep_trailing_newline=True)
    vis_js, vis_css = vis_assets()
    page_js = _asset(HERE / "assets" / "explorer.js")
    page_css = _asset(HERE / "assets" / "explorer.css")
    scripts = [vis_js, page_js]
    csp = ("default-src 'none'; script-src " + " ".join(_csp_hash(s) for s in scripts)
           + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")
    return env.get_template("explorer.html").render(
        data=data, title=data["title"], csp=csp,
        vis_js=_markup(vis_js),
        vis_css=_markup(vis_css), page_js=_markup(page_js), page_css=_markup(page_css),
    )


def _markup(text: str):
    from markupsafe import Markup
    return Markup(text)  # our own assets and the packaged library, never data
