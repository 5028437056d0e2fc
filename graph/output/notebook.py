"""The actor graph for notebooks: a pyvis ``Network`` that works offline, and an iframe for any page.

:func:`to_pyvis` gives pyvis users the explorer's picture (the same scene: positions,
colours, shapes, sizes, tooltips) in the object they know, an ``OfflineNetwork`` (a subclass
of pyvis's ``Network``, made on first use so that pyvis loads only then). Its ``generate_html``,
``write_html`` and ``show`` use our own small template (graph/templates/pyvis.html) with
vis-network inlined from the installed pyvis, never pyvis's templates, which load Bootstrap and
vis from CDNs and print data unescaped. :func:`iframe` shows a whole page in a notebook cell
through ``srcdoc``.
"""

from __future__ import annotations

import html as _html
import json
from pathlib import Path

from graph.output.page import (_actors, _grades, _markup, _relations, _vis_options, csp_for, safe_json, templates,
                               vis_assets, vis_items)
from graph.picture.scene import MINOR_FONT, scene_for
from graph.picture.textsize import FONT_FAMILY
from graph.data.schema import kinds_of
from graph.output.rows import tie_period

__all__ = ["to_pyvis", "iframe", "node_title", "edge_title"]  # and OfflineNetwork, made on first use

LABEL_COLOR = "#1f2328"  # as the explorer draws its labels
STATUS_WORDS = {"planned": "planned (not yet there)", "recommended": "recommended by the source (not there)"}

# Our own script: draw the embedded data, keep the network reachable as pyvis pages do.
SCRIPT = """(function () {
"use strict";
var data = JSON.parse(document.getElementById("ag-data").textContent);
var container = document.getElementById("mynetwork");
container.style.width = data.width;
container.style.height = data.height;
container.style.background = data.bgcolor;
var nodes = new vis.DataSet(data.nodes);
var edges = new vis.DataSet(data.edges);
var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
window.network = network;
window.nodes = nodes;
window.edges = edges;
network.once("afterDrawing", function () { document.body.dataset.ready = "true"; });
network.redraw();
})();
"""


def to_pyvis(G, values: dict, *, size_by: str = "betweenness", groups: dict | None = None,
             title: str | None = None, seed: int = 7):
    """A pyvis ``Network`` of G drawn as the explorer draws it, that renders offline.

    Same nodes and edges as :func:`graph.output.page.render_html` for the same arguments,
    with the same positions (physics off), colours, shapes, sizes, edge styles and plain-text
    tooltips. Planned and recommended ties are drawn too (broken and faded), where the
    explorer shows them on demand. The result is an ``OfflineNetwork``: ``net.nodes``,
    ``net.edges``, ``net.options`` and ``get_network_data()`` are pyvis's, while
    ``generate_html()``, ``write_html()`` and ``show()`` make a self-contained page, and a
    notebook shows it inline.
    """

    groups = groups or {n: d.get("type", "") for n, d in G.nodes(data=True)}
    scene = scene_for(G, values, size_by, groups, seed)
    nodes, edges = vis_items(scene)
    actors = _actors(G, values, groups)
    relations = {r["id"]: r for r in _relations(G)}
    kinds = kinds_of(G)
    grades = _grades(G)
    for i, node in enumerate(nodes):
        node["title"] = node_title(actors[node["id"]])
        node.update(_label(scene, i))
    for edge in edges:
        edge["title"] = edge_title(relations[edge["id"]], actors, kinds, grades)
    net = _offline_class()(directed=True, heading=title or "")
    net.nodes, net.edges = nodes, edges
    net.node_ids = [n["id"] for n in nodes]  # pyvis's add_edge, get_node and num_nodes read these
    net.node_map = {n["id"]: n for n in nodes}
    options = _vis_options(len(nodes), len(edges))
    options["nodes"]["font"] = {"face": FONT_FAMILY, "color": LABEL_COLOR, "strokeWidth": 3,
                                "strokeColor": "rgba(255,255,255,0.92)"}
    net.options = options
    return net


def _label(scene, i: int) -> dict:
    """vis-network's own label: below the dot, main labels always, others from the page's zoom on.

    vis draws no label under ``drawThreshold - 1`` screen px and caps it at ``maxVisible``: a minor
    label sized ``MINOR_FONT / zoom`` page px thus shows from about its zoom on, at MINOR_FONT px.
    """
    lines = "\n".join(scene.lines[i])
    if scene.major[i]:
        return {"label": lines, "font": {"size": scene.font[i]}}
    if scene.zoom[i] is None:  # the page never shows it: the tooltip names the actor
        return {}
    zoom = max(scene.zoom[i], scene.fit_scale)
    return {"label": lines, "font": {"size": round(MINOR_FONT / zoom, 3)},
            "scaling": {"label": {"drawThreshold": MINOR_FONT, "maxVisible": MINOR_FONT}}}


def _text(value) -> str:
    """A value as the page's JavaScript prints it (2.0 reads 2)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def node_title(actor: dict) -> str:
    """An actor's tooltip, plain text with ``\\n`` line breaks, as the explorer's ``nodeTitle``."""
    lines = [actor["name"], actor["type"]]
    if actor["description"]:
        lines.append(actor["description"])
    if actor["aliases"]:
        lines.append("Also known as: " + ", ".join(actor["aliases"]))
    lines += [f"{k}: {_text(v)}" for k, v in actor["extra"]]
    return "\n".join(_text(line) for line in lines)


def edge_title(r: dict, actors: dict, kinds, grades: dict) -> str:
    """A relation's tooltip, plain text with ``\\n`` line breaks, as the explorer's ``edgeTitle``."""
    def name(v):
        return actors[v]["name"] if v in actors else v

    k = kinds[r["kind"]]
    mid = f" \u2014{k.label}\u2192 " if k.directed else f" \u2014 {k.label} \u2014 "
    lines = [_text(name(r["source"])) + mid + _text(name(r["target"]))]
    for key, word in (("evidence", "Evidence"), ("note", "Note"), ("confidence", "Confidence")):
        if r[key]:
            lines.append(f"{word}: {_text(r[key])}")
    code = r["grade"]
    if code:
        lines.append(f"Grade: {code} (source {grades['reliability'][code[0]]}; {grades['credibility'][code[1]]})")
    if r["sources"]:
        cited = grades["sources"]
        lines.append("Sources: " + "; ".join(
            (cited[s]["title"] + (", " + cited[s]["author"] if cited[s]["author"] else ""))
            if s in cited and cited[s]["title"] else s for s in r["sources"]))
    if r["status"] != "actual":
        lines.append("Status: " + STATUS_WORDS[r["status"]])
    valid = tie_period(r)
    if valid:
        lines.append("Valid: " + valid)
    lines += [f"{k}: {_text(v)}" for k, v in r["extra"]]
    return "\n".join(lines)


def iframe(html: str, height: int = 600) -> str:
    """A notebook cell's HTML showing a whole page in a sandboxed ``<iframe srcdoc>``.

    The page travels inside the attribute (escaped), so the frame makes no request; scripts
    run, but in an opaque origin that cannot reach the notebook. JupyterLab and VS Code
    notebooks show srcdoc frames.

    >>> iframe('<p title="a&b">x</p>', height=80)
    '<iframe srcdoc="&lt;p title=&quot;a&amp;b&quot;&gt;x&lt;/p&gt;" sandbox="allow-scripts" \
style="width: 100%; height: 80px; border: 0" title="actorgraph"></iframe>'
    """
    return (f'<iframe srcdoc="{_html.escape(html, quote=True)}" sandbox="allow-scripts" '
            f'style="width: 100%; height: {int(height)}px; border: 0" title="actorgraph"></iframe>')


def _json_default(value):
    """numpy scalars, dates and the like, which pyvis users put in nodes: plain JSON values."""
    if hasattr(value, "item"):
        return value.item()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable: {value!r}")


def _data_json(value) -> str:
    """HTML-safe JSON (see graph.output.page.safe_json) of what pyvis users put in a network."""
    try:
        return safe_json(value, allow_nan=False, default=_json_default)
    except ValueError as err:  # NaN or infinity: JSON.parse would refuse the page
        raise ValueError(f"the network holds a value JSON cannot carry (NaN or infinity): {err}") from None


def _size(value) -> str:
    """pyvis's height and width (600, "600px", "100%") as CSS; set from script, never parsed as CSS."""
    return f"{value}px" if isinstance(value, (int, float)) else str(value)


def _generate(net) -> str:
    nodes, edges, heading, height, width, options = net.get_network_data()
    data = {"nodes": nodes, "edges": edges, "options": json.loads(options) if isinstance(options, str) else options,
            "height": _size(height), "width": _size(width), "bgcolor": str(net.bgcolor or "#ffffff")}
    vis_js, vis_css = vis_assets()
    return templates().get_template("pyvis.html").render(
        heading=str(heading or ""), csp=csp_for(vis_js, SCRIPT), data_json=_markup(_data_json(data)),
        vis_js=_markup(vis_js), vis_css=_markup(vis_css), script=_markup(SCRIPT))


_CLASS = None


def __getattr__(name):
    if name == "OfflineNetwork":  # pyvis (and the IPython it imports) loads only when asked for
        return _offline_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _offline_class():
    """``OfflineNetwork``, pyvis's ``Network`` whose pages are ours, made once."""
    global _CLASS
    if _CLASS is not None:
        return _CLASS
    from pyvis.network import Network

    class OfflineNetwork(Network):
        """A pyvis ``Network`` that renders a self-contained page: no CDN, no request, data as text."""

        def generate_html(self, name="index.html", local=True, notebook=False) -> str:
            """The standalone page (``name``, ``local`` and ``notebook`` are pyvis's, unused)."""
            self.html = _generate(self)
            return self.html

        def write_html(self, name, local=True, notebook=False, open_browser=False):
            """Write the page to ``name`` as UTF-8, and nothing else (pyvis copies a lib/ folder)."""
            path = Path(name)
            path.write_text(self.generate_html(), encoding="utf-8", newline="")
            if open_browser:
                import webbrowser
                webbrowser.open(path.resolve().as_uri())

        def show(self, name, local=True, notebook=True):
            """Write the page; in a notebook, return something that shows it inline, else open it."""
            self.write_html(name, open_browser=not notebook)
            return self if notebook else None

        def toggle_physics(self, status):
            """pyvis's switch, also when ``options`` is a plain dict (as ``to_pyvis`` and ``set_options`` leave it)."""
            if isinstance(self.options, dict):
                self.options.setdefault("physics", {})["enabled"] = bool(status)
            else:
                super().toggle_physics(status)

        def _repr_html_(self) -> str:
            height = str(self.height)
            px = int(float(height[:-2])) if height.endswith("px") else 600
            return iframe(self.generate_html(), height=px + 20)

    OfflineNetwork.__qualname__ = "OfflineNetwork"  # pickles and prints as notebook.OfflineNetwork
    _CLASS = OfflineNetwork
    return _CLASS
