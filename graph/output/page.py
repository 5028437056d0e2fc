"""Render the actor graph as one self-contained, offline, escaped HTML explorer.

The picture comes from :mod:`graph.picture.scene` (positions, label places, colours, shapes,
bends); pyvis holds the vis-network nodes, edges and options and ships the
vis-network library, which is inlined. The page is the project's own template and
scripts (graph/templates, graph/assets), rendered with autoescaping Jinja.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

from graph.names import COLOR_BY, PANEL_MEASURES, SIZE_BY
from graph.picture.palette import darker
from graph.data.schema import fold, kinds_of, status_of, STATUS_VALUES
from graph.picture.labels import GAP, PLACES, offsets
from graph.picture.scene import FIT_MARGIN, MINOR_FONT, scene_for, sizes_of
from graph.picture.overview import circles, group, member_positions, OPEN_LIMIT
from graph.picture.textsize import FONT_FAMILY, LINE_HEIGHT, shortened
from graph.picture.ties import GROUPS, kind_lines
from graph.output.words import view_notes
from graph.output.static import group_labels
from graph.analysis.build import select
from graph.analysis.grades import CREDIBILITY, grade, grade_levels, meets, RELIABILITY, SCALE, source_ids
from graph.analysis.ranking import ties as ties_of

__all__ = ["render_html", "legend_data", "SIZE_BY", "COLOR_BY", "PANEL_MEASURES", "SCRIPTS"]

HERE = Path(__file__).parent.parent  # graph/: templates/ and assets/
SCRIPTS = ("logic", "timeline", "core", "network", "panel", "legend", "search", "tables", "timebar", "fragment",
           "positions", "main")  # in this order
# only in a page with hostile kinds or coloured by camp, after legend: the legend grouped by polarity, camps named
SIGNED_SCRIPTS = ("polarity",)
# only in a page that opens on an overview of groups, before network: it decides what the map draws
OVERVIEW_SCRIPTS = ("overview",)
MAX_FIT_SCALE = 1.5
DASHES = {"solid": False, "dashed": True, "dotted": [2, 5], "dashdot": [10, 4, 2, 4]}  # dashdot: hostile kinds  # vis-network's dashes per line style
STATUS_DASHES = {"planned": [8, 6], "recommended": [2, 6]}  # ties that are not (yet) there: broken, faded
STATUS_OPACITY = {"planned": 0.6, "recommended": 0.5}
GROUP_FONT = 13.0  # screen px of the overview's group labels at the fitted view
GROUP_CHARS = 48  # a group's name longer than this is cut with '…' on the overview


def render_html(G, values: dict, *, title: str, size_by: str = "betweenness", groups: dict | None = None,
                group_label: str = "type", sources: list | None = None, seed: int = 7,
                measure_help: dict | None = None, time: dict | None = None, overview: dict | None = None,
                overview_by: str = "community") -> str:
    """The HTML page for graph G (networkx MultiDiGraph of actors and relations).

    ``values`` maps measure -> {actor: value}; ``groups`` maps actor -> group
    name for colours, shapes and the legend filter (default: the actor's type);
    ``sources`` lists (file, count, what) for the footer. ``G.graph["restrictions"]``
    (what the view options left out) becomes the page's banner. ``time`` (see
    :func:`graph.output.timebar.time_data`): G holds every period, and the time bar shows those at its date.
    ``overview`` (actor -> group name, for large maps) makes the page open on one dot per group,
    ``overview_by`` says what the groups are (see graph.picture.overview).
    """
    from pyvis.network import Network


    groups = groups or {n: d.get("type", "") for n, d in G.nodes(data=True)}
    start = grouped = None
    if overview is not None:
        shown = {s["name"] for s in _statuses(G) if s["shown"]}
        grouped = group(G, overview, sizes_of(G, values, size_by), statuses=shown)
        start = member_positions(G, grouped, seed)
    scene = scene_for(G, values, size_by, groups, seed, start=start)
    if grouped is not None:
        # members where the overview put them, inside their group's circle (the scene's labels, placed
        # around each dot, go with them); straight lines, the cheapest to draw
        for i, (x, y) in enumerate(start):
            dx, dy = float(x) - scene.x[i], float(y) - scene.y[i]
            scene.x[i], scene.y[i] = float(x), float(y)
            b = scene.box[i]
            scene.box[i] = [b[0] + dx, b[1] + dy, b[2] + dx, b[3] + dy]
        for e in scene.edges:
            e["bend"] = 0.0
        # one group at a time is seen close up, not the whole map: every label keeps the minor labels'
        # screen size, the most important ones shown at any zoom
        scene.zoom = [0.0 if m else z for m, z in zip(scene.major, scene.zoom)]
        scene.major = [False] * len(scene.ids)
    net = Network(directed=True)
    net.nodes, net.edges = vis_items(scene)
    net.options = _vis_options(len(scene.ids), len(scene.edges))
    nodes, edges, _heading, _h, _w, options_json = net.get_network_data()
    labels = _labels(scene)
    kinds = kinds_of(G)
    data = {
        "title": title,
        "view": view_notes(G),
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options_json),
        "labels": labels,
        "fontFamily": FONT_FAMILY,
        "minorFont": MINOR_FONT,
        "lineHeight": LINE_HEIGHT,
        "fitMargin": FIT_MARGIN,
        "maxFitScale": MAX_FIT_SCALE,
        "big": _big(len(scene.ids), len(scene.edges)),
        "fold": _fold_spec(),
        "actors": _actors(G, values, groups),
        "relations": _relations(G),
        **legend_data(G, scene.groups, group_label),
        "groupLabel": group_label,
        "measures": [m for m in PANEL_MEASURES if m in values],
        "measureHelp": measure_help or {},
        "sizeBy": size_by,
        "grades": _grades(G),
        "sources": [{"file": f, "count": c, "what": w} for f, c, w in (sources or [])],
        "shown": _drawn(G),
    }
    if time:
        data["time"] = time
    if kinds.signed:
        data["kindGroups"] = [{"key": key, "polarity": polarity} for key, polarity in GROUPS]
    if grouped is not None:
        data["overview"] = _overview(G, grouped, scene, overview_by)
    return _page(data, signed=kinds.signed or group_label == "camp", overview=grouped is not None)


def _overview(G, grouped, scene, by: str) -> dict:
    """The page's groups: each one's dot (where its members are drawn when it opens), label and members."""
    colour_of = dict(zip(scene.ids, scene.colour))
    out = []
    for i, (key, members, (x, y, r)) in enumerate(zip(grouped.keys, grouped.members,
                                                     circles(np.column_stack([scene.x, scene.y]), scene.ids, grouped, scene.radius))):
        counts: dict[str, int] = {}
        for v in members:
            counts[colour_of[v]] = counts.get(colour_of[v], 0) + 1
        colour = min(counts, key=lambda c: (-counts[c], c))  # the colour most of its members have
        top = [G.nodes[v].get("name", v) or v for v in members[:3]]
        if grouped.merged and i == len(grouped.keys) - 1:
            name = f"{grouped.merged} smaller groups"
        else:
            name = key if by != "community" else " \u00b7 ".join(top)
        count = f"{len(members)} actor" + ("s" if len(members) != 1 else "")
        out.append({"id": f"group:{i}", "key": key, "name": name, "label": [shortened(name, GROUP_CHARS), count],
                    "x": x, "y": y, "r": r, "color": colour, "members": members})
    return {"by": by, "limit": OPEN_LIMIT, "merged": grouped.merged, "groups": out,
            "ties": [list(t) for t in grouped.ties], "font": GROUP_FONT}


def legend_data(G, groups: list[dict], group_label: str = "type") -> dict:
    """The legend's rows: only what the view G has, never a (0) row.

    ``groups``: the scene's actor groups (key, colour, shape, count; only groups with actors in G), each
    given the text the legend shows: an actor type's ``label`` from types.csv (else the type), other
    groupings' names. ``kinds``: the relation kinds with ties in G; ``statuses``: the statuses of G's ties.
    """
    labels = group_labels(G, [g["key"] for g in groups], by_type=group_label == "type")
    kinds = kinds_of(G)
    counts = {k: 0 for k in kinds}
    for _, _, k in G.edges(data="relation"):
        counts[k] += 1
    return {"groups": [dict(g, label=labels[g["key"]]) for g in groups], "kinds": _kinds(kinds, counts),
            "statuses": [s for s in _statuses(G) if s["count"]]}


def _kinds(kinds, counts: dict) -> list[dict]:
    """The legend's relation kinds present in the view (no (0) rows), drawn as the map draws them; with hostile
    kinds, each with its group."""
    lines = kind_lines(kinds)
    out = []
    for k in kinds.values():
        if not counts[k.name]:
            continue
        line = lines[k.name]
        item = {"name": k.name, "label": k.label, "inverse": k.inverse, "directed": k.directed,
                "color": line.color, "style": line.style, "count": counts[k.name]}
        if kinds.signed:  # a data set without hostile kinds keeps today's page, byte for byte
            item.update(polarity=k.polarity, group=line.group, head=line.head, mark=line.mark)
        out.append(item)
    return out


def vis_items(scene) -> tuple[list[dict], list[dict]]:
    """vis-network's nodes and edges for a scene, as the page and ``to_pyvis`` draw them."""
    nodes = [{"id": v, "x": x, "y": y, "size": r, "shape": shape, "group": group,
              "color": {"background": colour, "border": darker(colour),
                        "highlight": {"background": colour, "border": "#111111"},
                        "hover": {"background": colour, "border": "#111111"}}}
             for v, x, y, r, shape, group, colour in zip(scene.ids, scene.x, scene.y, scene.radius, scene.shape,
                                                         scene.group, scene.colour)]
    return nodes, [_edge(e) for e in scene.edges]


def _edge(e: dict) -> dict:
    status = e["status"]
    edge = {"id": e["id"], "from": e["from"], "to": e["to"], "kind": e["kind"], "status": status,
            "arrows": _arrows(e), "dashes": STATUS_DASHES.get(status, DASHES[e["style"]]),
            # hover and highlight in the tie's own colour: vis-network's default grey hid a selected actor's ties
            "color": {"color": e["color"], "highlight": e["color"], "hover": e["color"],
                      "opacity": STATUS_OPACITY.get(status, 1.0)},
            "width": 2 if status == "actual" else 1.5}
    bend = e["bend"]
    edge["smooth"] = {"enabled": True, "type": "curvedCW" if bend > 0 else "curvedCCW",
                      "roundness": abs(bend)} if bend else False
    return edge


def _arrows(e: dict):
    """vis-network's arrows: an arrowhead for a directed kind, a bar (⊣) for a directed hostile one."""
    if e.get("head") == "bar":
        return {"to": {"enabled": True, "type": "bar"}}
    return "to" if e["arrow"] else ""


def _big(n: int, m: int) -> bool:
    """Large or dense: edges hide while dragging, and a selection does not recolour the map."""
    return n > 2000 or m > 4000


def _labels(scene) -> dict:
    """Each label's lines and box beside its dot; a minor label's box at zoom s is near + far / s."""
    n = len(scene.ids)
    place = np.array([PLACES.index(p) for p in scene.place], dtype=int)
    size = np.array([s if s else (0.0, 0.0) for s in scene.size], dtype=float).reshape(n, 2)
    near = offsets(np.asarray(scene.radius, dtype=float), np.zeros(n), np.zeros(n), place, gap=0.0)
    far = offsets(np.zeros(n), size[:, 0], size[:, 1], place, gap=GAP)
    labels = {}
    for i, v in enumerate(scene.ids):
        x, y, b = scene.x[i], scene.y[i], scene.box[i]
        label = {"lines": scene.lines[i], "align": scene.align[i], "major": scene.major[i]}
        if scene.major[i]:
            label.update(font=scene.font[i], box=[round(b[0] - x, 1), round(b[1] - y, 1), round(b[2] - x, 1),
                                                   round(b[3] - y, 1)])
        else:  # a fixed screen size, shown from its zoom on
            label.update(zoom=scene.zoom[i], near=[round(float(c), 3) for c in near[i]],
                         far=[round(float(c), 3) for c in far[i]])
        labels[v] = label
    return labels


# Where the combining marks and the letters with a special casefold are: planes 0, 1 and 14 (planes
# 2-3 are CJK ideographs, 15-16 private use). tests/test_page_js.py checks this against every code point.
FOLD_PLANES = (range(0x20000), range(0xE0000, 0xE1000))


@lru_cache(maxsize=1)
def _fold_spec() -> dict:
    """What the page needs to fold typed text as :func:`graph.data.schema.fold` does.

    ``marks``: the combining characters, as a regex class body; ``case``: each lower-case
    letter (left as it is by NFKD) whose casefold is not itself, with its casefold.
    """
    chars = [chr(c) for plane in FOLD_PLANES for c in plane if not 0xD800 <= c < 0xE000]
    ranges: list[list[int]] = []
    for c in map(ord, filter(unicodedata.combining, chars)):
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    marks = "".join(f"\\u{{{a:x}}}" + (f"-\\u{{{b:x}}}" if b > a else "") for a, b in ranges)
    case = {ch: ch.casefold() for ch in chars if ch.casefold() != ch and ch == ch.lower()
            and not unicodedata.combining(ch) and unicodedata.normalize("NFKD", ch) == ch}
    return {"marks": marks, "case": case}


def _vis_options(n: int, m: int) -> dict:
    big = _big(n, m)
    return {
        "physics": {"enabled": False},
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": False, "keyboard": {"enabled": True, "bindToWindow": False}},
        "nodes": {"borderWidth": 1.5, "borderWidthSelected": 3},
        "edges": {"selectionWidth": 1.5, "hoverWidth": 1.5, "arrows": {"to": {"scaleFactor": 0.6}},
                  "arrowStrikethrough": False},
    }


def _actors(G, values: dict, groups: dict) -> dict:
    measured = select(G, statuses={s["name"] for s in _statuses(G) if s["shown"]})
    ties = {n: ties_of(measured, n) for n in G}
    out = {}
    core = ("name", "type", "description", "aliases")
    for n, d in G.nodes(data=True):
        name = d.get("name", n)
        aliases = [a.strip() for a in d.get("aliases", "").split(";") if a.strip()]
        out[n] = {
            "name": name, "type": d.get("type", ""), "group": groups[n],
            "description": d.get("description", ""),
            "aliases": aliases,
            # the search keys, folded as the CLI folds what it is given: the name first
            "find": list(dict.fromkeys(fold(t) for t in [name, n, *aliases])),
            "extra": [[k, v] for k, v in d.items() if k not in core and v],
            "relations": G.degree(n),  # rows, every status: what the panel lists
            "ties": ties[n],  # other actors, actual ties: as `actorgraph centrality` counts them
            "values": {m: _round(values[m].get(n)) for m in PANEL_MEASURES if m in values},
        }
    return out


def _relations(G) -> list[dict]:
    core = ("relation", "directed", "evidence", "note", "confidence", "status", "since", "until", "credibility",
            "sources")
    sources = G.graph.get("sources") or {}
    out = []
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        out.append({"id": f"e{i}", "source": u, "target": v, "kind": d["relation"],
                    **{c: d.get(c, "") for c in core[2:-2]}, "status": status_of(d),
                    "grade": grade(d, sources), "sources": source_ids(d.get("sources", "")),
                    "extra": [[c, val] for c, val in d.items() if c not in core and val]})
    return out


def _grades(G) -> dict:
    """The grading scale, the minimum grades worth offering as a filter, and the sources cited."""

    sources = G.graph.get("sources") or {}
    codes = {grade(d, sources) for _, _, d in G.edges(data=True)}
    cited = sorted({s for _, _, d in G.edges(data=True) for s in source_ids(d.get("sources", ""))})
    levels = list(reversed(grade_levels(codes)))
    return {"levels": levels, "graded": codes != {""}, "scale": SCALE,
            # the minimums each grade of the data meets, as the CLI's --min-grade decides
            "meets": {c: [m for m in levels if meets(c, (m[0], m[1]))] for c in sorted(codes) if c},
            "reliability": RELIABILITY, "credibility": CREDIBILITY,
            "sources": {s: {c: (sources.get(s) or {}).get(c, "") for c in ("title", "author", "published", "url",
                                                                             "reliability")} for s in cited}}


def _drawn(G) -> dict:
    """What the map draws when it opens: every actor, the ties of the statuses shown; the rest counted."""
    shown = {s["name"] for s in _statuses(G) if s["shown"]}
    drawn = sum(1 for _, _, d in G.edges(data=True) if status_of(d) in shown)
    return {"actors": G.number_of_nodes(), "relations": drawn, "hidden": G.number_of_edges() - drawn}


def _statuses(G) -> list[dict]:
    """Each status present, with its count; planned and recommended ties start hidden."""

    counts = {s: 0 for s in STATUS_VALUES}
    for _, _, d in G.edges(data=True):
        counts[status_of(d)] += 1
    return [{"name": s, "count": n, "shown": s == "actual"} for s, n in counts.items() if n or s == "actual"]


def _round(v):
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else round(float(v), 6)


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


def page_script(signed: bool = False, overview: bool = False) -> str:
    """The page's own scripts in a fixed order: one global, ``actorgraph``, that each file adds a module to.

    ``signed`` (a data set with hostile kinds) adds SIGNED_SCRIPTS after the legend's script;
    ``overview`` (a large map opening on its groups) OVERVIEW_SCRIPTS before the network's.
    """
    names = list(SCRIPTS)
    if overview:
        at = names.index("network")
        names[at:at] = OVERVIEW_SCRIPTS
    if signed:
        at = names.index("legend") + 1
        names[at:at] = SIGNED_SCRIPTS
    parts = [_asset(HERE / "assets" / "js" / f"{name}.js") for name in names]
    return "var actorgraph = {};\n" + "\n".join(parts) + "\n"


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def csp_for(*scripts: str) -> str:
    """The pages' Content-Security-Policy: only these inline scripts run, and nothing is fetched."""
    return ("default-src 'none'; script-src " + " ".join(_csp_hash(s) for s in scripts)
            + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'")


def templates():
    """Our templates (graph/templates), autoescaped, with the HTML-safe ``tojson`` filter."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                             keep_trailing_newline=True)
    env.filters["tojson"] = _tojson
    return env


def safe_json(value, **options) -> str:
    """Jinja's HTML-safe JSON (no way out of a script block), with the '/' of '://' escaped too: a
    source's url is data, never a resource. ``options`` go to json.dumps (allow_nan, default...)."""
    from jinja2.utils import htmlsafe_json_dumps

    return str(htmlsafe_json_dumps(value, sort_keys=True, **options)).replace("://", r":\/\/")


def _page(data: dict, signed: bool = False, overview: bool = False) -> str:
    vis_js, vis_css = vis_assets()
    page_js = page_script(signed, overview)
    page_css = _asset(HERE / "assets" / "explorer.css")
    return templates().get_template("explorer.html").render(
        data=data, title=data["title"], csp=csp_for(vis_js, page_js),
        vis_js=_markup(vis_js), vis_css=_markup(vis_css), page_js=_markup(page_js), page_css=_markup(page_css),
    )


def _tojson(value):
    return _markup(safe_json(value))


def _markup(text: str):
    from markupsafe import Markup
    return Markup(text)  # our own assets and the packaged library, never data
