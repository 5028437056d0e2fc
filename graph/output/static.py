"""The map as a picture for a slide or a print: SVG, PNG or PDF, drawn with matplotlib.

It draws the same scene as the page (graph.picture.scene): positions, label places, colours,
shapes and bends, with every actor labelled, a legend and the title. Output is
deterministic: no dates or random ids in the files.
"""

from __future__ import annotations

import io
import math
import warnings

from graph.data.schema import kinds_of, status_of
from graph.names import MEASURE_MEANINGS
from graph.picture.palette import darker
from graph.picture.scene import scene_for
from graph.picture.ties import GROUPS, kind_lines
from graph.picture.routing import via_point
from graph.output.words import view_notes
from graph.picture.textsize import LINE_HEIGHT

__all__ = ["render_static", "map_figure", "map_parts", "static_map", "legend_kinds", "group_labels", "STATIC_FORMATS"]

STATIC_FORMATS = ("svg", "png", "pdf")
FONT = "DejaVu Sans"  # ships with matplotlib: the same picture on every machine
ARIAL_TO_DEJAVU = 0.88  # DejaVu Sans is wider than the Arial the layout measured
LEGEND_IN = 2.9  # inches of legend beside the map
LINE_STYLES = {"solid": "solid", "dashed": (0, (5, 3)), "dotted": (0, (1, 2.5)),
               "dashdot": (0, (6, 2.5, 1.5, 2.5))}  # dashdot: hostile kinds only (graph.picture.ties)
STATUS_STYLES = {"planned": (0, (6, 4)), "recommended": (0, (1.5, 3))}
FRAME_WIDTH = {"new": 2.4, "ended": 0.9}  # frames: ties new since the previous frame drawn this much wider
GHOST, GHOST_STYLE, FADED = "#868e96", (0, (3, 2.5)), 0.22  # frames: ended ties, inactive actors
MANY_TIES = 1_000  # ties: above, a picture draws its lines as collections, not one artist each (see _draw_edges)
_METADATA = {
    "svg": {"Date": None, "Creator": None, "Format": None, "Type": None},
    "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    "png": {"Software": None},
}


def figure_bytes(fig, fmt: str, dpi: int) -> bytes:
    """A matplotlib figure saved as ``fmt`` (svg, png or pdf) bytes, then closed."""
    from matplotlib import pyplot as plt

    out = io.BytesIO()
    with warnings.catch_warnings():  # a control character in a name: validation warns of it, once, with its line
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig.savefig(out, format=fmt, dpi=dpi, metadata=_METADATA[fmt], facecolor="white")
    plt.close(fig)
    return out.getvalue()


def render_static(scene, fmt: str, *, title: str, notes=(), kinds=(), size_note: str = "", dpi: int = 200,
                  legend: str = "right", shown_px: float | None = None, group_names: dict | None = None) -> bytes:
    """The scene drawn as ``fmt`` (svg, png or pdf) bytes; see :func:`map_figure` for ``legend`` and ``shown_px``."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    with plt.rc_context(RC):
        fig = map_figure(scene, title=title, notes=notes, kinds=kinds, size_note=size_note, dpi=dpi, legend=legend,
                         shown_px=shown_px, group_names=group_names)
        return figure_bytes(fig, fmt, dpi)


RC = {"svg.fonttype": "none", "svg.hashsalt": "actorgraph", "font.family": FONT, "pdf.fonttype": 42,
      "path.simplify": False}
BELOW_COLUMNS = 3  # legend entries per row under the map
BELOW_ROW = 0.3  # inches per legend row under the map
PAGE_MAP_IN = 3.0  # on a printed page, the map keeps at least this height; a legend too long for the rest is cut
TALLEST_IN = 24.0  # a map taller than wide (hand-placed positions) is narrowed to this height at most
NARROWEST_IN = 3.0  # ... but no narrower than this: the legend below needs the width


def map_figure(scene, *, title: str, notes=(), kinds=(), size_note: str = "", dpi: int = 200,
               legend: str = "right", shown_px: float | None = None, page: tuple[float, float] | None = None,
               group_names: dict | None = None):
    """The scene as a matplotlib figure (to be saved and closed by the caller; inside ``rc_context(RC)``).

    legend: 'right' (beside the map, the ``render`` picture) or 'below' (under it, the map at the
    figure's full width). shown_px: the width in px the figure is shown at (e.g. a report's text
    column); every text is then drawn at least 12 px there, labels that would be smaller are left
    out. page: a fixed figure size in inches (a printed page), the map fitted inside its margins.
    No title (empty) draws no header. group_names: group -> the legend's text for it (see :func:`group_labels`).
    """
    from matplotlib import pyplot as plt

    x0, y0, x1, y1 = scene.extent or (0, 0, 1, 1)
    w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    head_in = (0.55 + 0.25 * len(notes)) if title else 0.0
    below = legend == "below"
    rows = None  # legend rows under the map: all, except on a page that cannot hold them and a map
    if below:
        columns, row_in = (4, 0.22) if page else (BELOW_COLUMNS, BELOW_ROW)  # a page is wider than the map
        note_in = 0.6 if size_note else 0.0
        entries = _below_cells(scene, kinds, columns)[1]
        if page:
            rows = max(1, int((page[1] - 1.0 - head_in - PAGE_MAP_IN - note_in) / row_in - 1.6))
            entries = min(entries, rows * columns)
        legend_h = row_in * (1.6 + -(-entries // columns)) + note_in
        if page:
            margin = 0.5
            map_in = page[0] - 2 * margin
            height_in = min(map_in * h / w, page[1] - 2 * margin - legend_h - head_in)
            map_in = min(map_in, height_in * w / h)
            fig_w, fig_h = page
        else:
            margin = 0.0
            map_in = _narrowed(10.5, w, h)
            height_in = min(max(map_in * h / w, 3.0), TALLEST_IN)
            fig_w, fig_h = map_in, height_in + head_in + legend_h
        left_in = (fig_w - map_in) / 2
        top_in = margin + head_in
        fig = plt.figure(figsize=(fig_w, fig_h), dpi=dpi)
        ax = fig.add_axes((left_in / fig_w, 1 - (top_in + height_in) / fig_h, map_in / fig_w, height_in / fig_h))
    else:
        map_in = _narrowed(10.5 if w >= h else 8.0, w, h)
        height_in = min(max(map_in * h / w, 3.0), TALLEST_IN)
        fig_w, fig_h = map_in + LEGEND_IN, height_in + head_in
        fig = plt.figure(figsize=(fig_w, fig_h), dpi=dpi)
        ax = fig.add_axes((0.0, 0.0, map_in / fig_w, height_in / fig_h))
    pad = 0.02 * max(w, h)
    # beside: the map spans map_in (as it always has); below: it fits the box both ways
    capped = map_in * h / w > height_in  # a tall map, its height capped: it fits the box both ways too
    scale = min(map_in / (w + 2 * pad), height_in / (h + 2 * pad)) if below or capped else map_in / (w + 2 * pad)
    ax.set_xlim(x0 - pad, x1 + pad)
    ax.set_ylim(y1 + pad, y0 - pad)  # page coordinates grow downwards
    ax.set_aspect("equal")
    ax.set_axis_off()
    points_per_px = scale * 72
    # the smallest text, in points, that is 12 px where the figure is shown shown_px wide
    min_pt = 12 * fig_w * 72 / shown_px if shown_px else 0.0
    _draw_edges(ax, scene, points_per_px)
    _draw_nodes(ax, scene)
    _draw_labels(ax, scene, points_per_px, min_pt)
    if title:
        _draw_header(fig, title, notes, head_in, fig_h - head_in)
    if below:
        _draw_legend_below(fig, scene, kinds, size_note, (fig_w, fig_h), legend_h, margin, max(min_pt, 9.0),
                           columns, row_in, group_names or {}, rows)
    else:
        _draw_legend(fig, scene, kinds, size_note, map_in, fig_h, group_names or {})
    return fig


def _narrowed(map_in: float, w: float, h: float) -> float:
    """The map's width in inches, narrowed so that a tall map (pinned positions) is at most TALLEST_IN high."""
    if map_in * h / w <= TALLEST_IN:
        return map_in
    return max(TALLEST_IN * w / h, NARROWEST_IN)


def _xy(scene, i):
    return scene.x[i], scene.y[i]


def _draw_edges(ax, scene, points_per_px: float) -> None:
    """Each tie's line, arrow head or bar. Above MANY_TIES (and with no tie's own SVG id) they are
    drawn as three collections, lines, heads and bars, in the same order and styles: one artist
    per tie cost most of the time of a 10,000-actor map (about 30 s for its 53,000 patches)."""
    from matplotlib.collections import LineCollection, PatchCollection, PathCollection
    from matplotlib.colors import to_rgba
    from matplotlib.lines import Line2D
    from matplotlib.patches import PathPatch, Polygon
    from matplotlib.path import Path

    index = {v: i for i, v in enumerate(scene.ids)}
    line_w = max(2 * points_per_px, 0.6)
    many = len(scene.edges) > MANY_TIES and not any("gid" in e for e in scene.edges)
    lines, heads, bars = [], [], []  # when many: what each collection draws, in order
    for e in scene.edges:
        i, j = index[e["from"]], index[e["to"]]
        a, b = _xy(scene, i), _xy(scene, j)
        via = via_point(a, b, e["bend"]) if e["bend"] else ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        style = STATUS_STYLES.get(e["status"], LINE_STYLES[e["style"]])
        alpha = 1.0 if e["status"] == "actual" else 0.55
        width = line_w * FRAME_WIDTH.get(e.get("state"), 1.0)
        if e.get("state") == "ended":  # a frame's ghost: ended since the previous frame
            e = dict(e, color=GHOST, head=None, arrow=False)
            style, alpha = GHOST_STYLE, 0.6
        end = b
        if e.get("head") == "bar":  # a hostile kind: a bar across the line at the target's edge (⊣)
            tip, base, left, right = _arrow(a, via, b, scene.radius[j], 3.0)
            end = tip
            bar = _arrow(a, via, b, scene.radius[j], 3.0, spread=2.4)
            if many:
                bars.append(([bar[2], bar[3]], to_rgba(e["color"], alpha), width * 1.6))
            else:
                ax.add_line(Line2D([bar[2][0], bar[3][0]], [bar[2][1], bar[3][1]], color=e["color"],
                                   linewidth=width * 1.6, solid_capstyle="butt", zorder=2, alpha=alpha))
        elif e["arrow"]:  # stop the line at the arrow's base, draw the head at the target's edge
            tip, base, left, right = _arrow(a, via, b, scene.radius[j], 12.0)
            end = base
            head = Polygon([tip, left, right], closed=True, facecolor=e["color"], edgecolor="none", zorder=2,
                           alpha=alpha)
            if many:
                heads.append(head)
            else:
                _add(ax, head)
        path = Path([a, via, end], [Path.MOVETO, Path.CURVE3, Path.CURVE3])
        if many:
            lines.append((path, to_rgba(e["color"], alpha), width, style))
        else:
            _add(ax, PathPatch(path, facecolor="none", edgecolor=e["color"], linewidth=width, linestyle=style,
                               zorder=1, capstyle="butt", alpha=alpha, **({"gid": e["gid"]} if "gid" in e else {})))
    if lines:
        paths, colours, widths, styles = zip(*lines)
        ax.add_collection(PathCollection(list(paths), facecolors="none", edgecolors=list(colours),
                                         linewidths=list(widths), linestyles=list(styles), capstyle="butt",
                                         zorder=1), autolim=False)
    if heads:
        ax.add_collection(PatchCollection(heads, match_original=True, zorder=2), autolim=False)
    if bars:
        segments, colours, widths = zip(*bars)
        ax.add_collection(LineCollection(list(segments), colors=list(colours), linewidths=list(widths),
                                         capstyle="butt", zorder=2), autolim=False)


def _add(ax, patch) -> None:
    """ax.add_patch without updating the data limits (set before drawing, so unused): that update was most of
    the time of drawing 30,000 ties."""
    ax.add_artist(patch)


def _arrow(a, via, b, radius: float, size: float, spread: float = 0.45):
    """Tip on the target's outline, base ``size`` px back along the curve, and the base's corners
    (``spread`` times ``size`` either side)."""
    def point(t):
        return ((1 - t) ** 2 * a[0] + 2 * t * (1 - t) * via[0] + t ** 2 * b[0],
                (1 - t) ** 2 * a[1] + 2 * t * (1 - t) * via[1] + t ** 2 * b[1])

    t_tip = 1.0
    for k in range(200, -1, -1):  # last point of the curve outside the target
        t = k / 200
        if math.dist(point(t), b) >= radius + 1:
            t_tip = t
            break
    tip = point(t_tip)
    t_base = t_tip
    while t_base > 0 and math.dist(point(t_base), tip) < size:
        t_base -= 0.005
    base = point(max(t_base, 0.0))
    dx, dy = tip[0] - base[0], tip[1] - base[1]
    norm = math.hypot(dx, dy) or 1.0
    nx_, ny_ = -dy / norm * size * spread, dx / norm * size * spread
    return tip, base, (base[0] + nx_, base[1] + ny_), (base[0] - nx_, base[1] - ny_)


def _shape(shape: str, x: float, y: float, r: float):
    from matplotlib.patches import Circle, Polygon

    corners = {
        "square": [(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)],
        "diamond": [(0, -1), (1, 0), (0, 1), (-1, 0)],
        "triangle": [(0, -1), (1, 0.75), (-1, 0.75)],
        "triangleDown": [(0, 1), (1, -0.75), (-1, -0.75)],
        "hexagon": [(math.cos(math.pi / 3 * i), math.sin(math.pi / 3 * i)) for i in range(6)],
        "star": [((0.45 if i % 2 else 1) * math.cos(-math.pi / 2 + math.pi / 5 * i),
                  (0.45 if i % 2 else 1) * math.sin(-math.pi / 2 + math.pi / 5 * i)) for i in range(10)],
    }.get(shape)
    if corners is None:
        return Circle((x, y), r)
    return Polygon([(x + r * cx, y + r * cy) for cx, cy in corners], closed=True)


def _draw_nodes(ax, scene, faded=frozenset(), prefix: str = "") -> None:
    """Each actor's dot (SVG id ``actor-ID``, after ``prefix``); those in ``faded`` drawn pale (a frame's
    inactive actors)."""
    for i, v in enumerate(scene.ids):
        patch = _shape(scene.shape[i], scene.x[i], scene.y[i], scene.radius[i])
        patch.set_facecolor(scene.colour[i])
        patch.set_edgecolor(darker(scene.colour[i]))
        patch.set_linewidth(0.8)
        patch.set_zorder(3)
        if v in faded:
            patch.set_alpha(FADED)
        patch.set_gid(f"{prefix}actor-{v}")
        _add(ax, patch)


def _draw_labels(ax, scene, points_per_px: float, min_pt: float = 0.0, prefix: str = "") -> None:
    """Each label as one text (searchable in SVG and PDF) on a faint white box, like the page's halo.

    With ``min_pt``, main labels are drawn at least that size and the others only if they reach it.
    """

    for i, v in enumerate(scene.ids):
        if scene.zoom[i] is None:
            continue
        bx0, by0, bx1, _ = scene.box[i]
        ha, font = scene.align[i], scene.font[i]
        x = bx0 + 2 if ha == "left" else bx1 - 2 if ha == "right" else (bx0 + bx1) / 2
        size = font * points_per_px * ARIAL_TO_DEJAVU
        if size < min_pt:
            if scene.zoom[i]:  # a minor label, legible only when zoomed in: the tables name the actor
                continue
            size = min_pt
        ax.text(x, by0 + (LINE_HEIGHT - 1) * font / 2, "\n".join(scene.lines[i]), ha=ha, va="top",
                multialignment=ha, linespacing=LINE_HEIGHT, fontsize=size, color="#1f2328", zorder=4,
                parse_math=False, gid=f"{prefix}label-{v}",
                bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "alpha": 0.72, "edgecolor": "none"})


def _draw_header(fig, title: str, notes, head_in: float, height_in: float) -> None:
    total = head_in + height_in
    fig.text(0.012, 1 - 0.3 / total, title, fontsize=15, weight="bold", va="center", parse_math=False)
    for k, note in enumerate(notes):
        fig.text(0.012, 1 - (0.58 + 0.25 * k) / total, "Partial view: " + note, fontsize=9, color="#5c3c00",
                 va="center", parse_math=False,
                 bbox={"facecolor": "#fff3bf", "edgecolor": "#f0c36d", "boxstyle": "round,pad=0.25"})


def _draw_legend(fig, scene, kinds, size_note: str, map_in: float, total_h: float, group_names: dict) -> None:
    from matplotlib.lines import Line2D

    total_w = map_in + LEGEND_IN
    left = (map_in + 0.15) / total_w
    height = 0.96 - 0.6 / total_h
    ax = fig.add_axes((left, 0.02, (LEGEND_IN - 0.25) / total_w, height))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    step = min(0.23 / (height * total_h), 1.0 / (4 + len(scene.groups) + len(kinds)))  # 0.23 inch a row
    y = 1.0
    ax.text(0, y, "Legend", fontsize=11, weight="bold", va="top")
    y -= step * 1.4
    for g in scene.groups:
        ax.add_line(Line2D([0.05], [y - step * 0.35], marker=_MARKERS.get(g["shape"], "o"), markersize=8,
                           markerfacecolor=g["color"], markeredgecolor=darker(g["color"]), linestyle="none"))
        ax.text(0.14, y - step * 0.35, _group_text(g, group_names), fontsize=8.5, va="center", parse_math=False)
        y -= step
    y -= step * 0.4
    for k in kinds:
        if "header" in k:  # with hostile kinds: cooperation, hostility, other
            ax.text(0, y - step * 0.35, k["header"], fontsize=8.5, weight="bold", va="center", parse_math=False)
            y -= step
            continue
        ax.add_line(Line2D([0.0, 0.1], [y - step * 0.35] * 2, color=k["color"], linewidth=2,
                           linestyle=LINE_STYLES[k["style"]]))
        if k.get("head") == "bar":
            ax.add_line(Line2D([0.1, 0.1], [y - step * 0.6, y - step * 0.1], color=k["color"], linewidth=2))
        ax.text(0.14, y - step * 0.35, _kind_text(k), fontsize=8.5, va="center", parse_math=False)
        y -= step
    if size_note:
        ax.text(0, y - step * 0.4, size_note, fontsize=7.5, va="top", color="#495057", wrap=True,
                parse_math=False)
        y -= step * 1.6
    ax.set_ylim(0, 1)


def _draw_legend_below(fig, scene, kinds, size_note: str, size: tuple[float, float], legend_h: float,
                       margin: float, font: float, columns: int = BELOW_COLUMNS, row_in: float = BELOW_ROW,
                       group_names: dict | None = None, rows: int | None = None) -> None:
    """The legend under the map, in columns: actor groups, then relation kinds, then the note (at most
    ``rows`` rows of entries, the last saying how many more there are)."""
    from matplotlib.lines import Line2D

    fig_w, fig_h = size
    ax = fig.add_axes((margin / fig_w, margin / fig_h, 1 - 2 * margin / fig_w, legend_h / fig_h))
    ax.set_axis_off()
    width_in, height_in = fig_w - 2 * margin, legend_h
    ax.set_xlim(0, width_in)
    ax.set_ylim(height_in, 0)  # inches from the legend's top
    col = width_in / columns
    y = row_in * 0.8
    ax.text(0, y, "Legend", fontsize=font + 1, weight="bold", va="center")
    cells, used = _below_cells(scene, kinds, columns, rows)
    for k, what, e in cells:
        x, row = (k % columns) * col, y + row_in * (1 + k // columns)
        if what == "group":
            ax.add_line(Line2D([x + 0.1], [row], marker=_MARKERS.get(e["shape"], "o"), markersize=9,
                               markerfacecolor=e["color"], markeredgecolor=darker(e["color"]), linestyle="none"))
            text = _group_text(e, group_names or {})
        elif "header" in e:  # with hostile kinds: cooperation, hostility, other
            ax.text(x, row, e["header"], fontsize=font, weight="bold", va="center", parse_math=False)
            continue
        elif what == "more":
            ax.text(x, row, f"\u2026 and {e['count']} more", fontsize=font, va="center", style="italic",
                    parse_math=False)
            continue
        else:
            ax.add_line(Line2D([x, x + 0.3], [row, row], color=e["color"], linewidth=e.get("width", 2),
                               linestyle=LINE_STYLES[e["style"]]))
            if e.get("head") == "bar":
                ax.add_line(Line2D([x + 0.3, x + 0.3], [row - 0.07, row + 0.07], color=e["color"], linewidth=2.5))
            text = _kind_text(e)
        ax.text(x + 0.4, row, text, fontsize=font, va="center", parse_math=False)
    if size_note:
        rows = -(-used // columns)
        ax.text(0, y + row_in * (rows + 0.8), size_note, fontsize=font, va="top", color="#495057",
                wrap=True, parse_math=False)


def _below_cells(scene, kinds, columns: int, rows: int | None = None) -> tuple[list[tuple[int, str, dict]], int]:
    """The legend's entries under the map as (cell, what, entry), row by row, and the cells used; a group
    header (cooperation, hostility, other) starts a new row. Past ``rows`` rows, the last cell says how
    many entries are left out ('more')."""
    cells, k = [], 0
    for what, e in [("group", g) for g in scene.groups] + [("kind", i) for i in kinds]:
        if "header" in e and k % columns:
            k += columns - k % columns
        cells.append((k, what, e))
        k += 1
    if rows is not None and k > rows * columns:
        kept = [c for c in cells if c[0] < rows * columns - 1]
        left = sum(1 for c in cells[len(kept):] if "header" not in c[2])
        return kept + [(rows * columns - 1, "more", {"count": left})], rows * columns
    return cells, k


def _group_text(g: dict, names: dict) -> str:
    """An actor group's legend text: its name (a type's label from types.csv), '(none)' for no type, and count."""
    return f"{names.get(g['key'], g['key']) or '(none)'} ({g['count']})"


def group_labels(G, keys, by_type: bool = True) -> dict:
    """Each legend group of ``keys`` -> the text the legend shows: an actor type's ``label`` from types.csv
    when grouped by type (else the type itself); other groupings (communities, camps) by their names."""
    styles = (G.graph.get("types") or {}) if by_type else {}
    return {k: styles[k].label if k in styles else k for k in keys}


def _kind_text(k: dict) -> str:
    """A kind's legend text: label, its head's mark (→, or ⊣ for a hostile one) and count."""
    mark = k["mark"] if "mark" in k else (" \u2192" if k["directed"] else "")
    return k["label"] + mark + (f" ({k['count']})" if k.get("count") is not None else "")


def legend_kinds(G) -> list[dict]:
    """The legend's relation kinds present in G, as drawn, with their counts (no (0) rows); with hostile kinds,
    grouped under a header each (cooperation, hostility, other), as the page's legend groups them."""
    vocabulary = kinds_of(G)
    counts = {k: 0 for k in vocabulary}
    for _, _, k in G.edges(data="relation"):
        counts[k] += 1
    lines = kind_lines(vocabulary)
    kinds = [{"label": k.label, "color": lines[k.name].color, "style": lines[k.name].style, "directed": k.directed,
              "count": counts[k.name]} for k in vocabulary.values()]
    present = [(k, item) for k, item in zip(vocabulary.values(), kinds) if item["count"]]
    if not vocabulary.signed:
        return [item for _, item in present]  # as before polarity: no groups
    out = []
    for group, polarity in GROUPS:
        members = [(k, item) for k, item in present if k.polarity == polarity]
        if members:
            out.append({"header": group.capitalize()})
            out += [dict(item, head=lines[k.name].head, mark=lines[k.name].mark) for k, item in members]
    return out


_MARKERS = {"dot": "o", "square": "s", "diamond": "D", "triangle": "^", "triangleDown": "v", "hexagon": "h",
            "star": "*"}


def static_map(G, values: dict, fmt: str, *, title: str, size_by: str = "betweenness", groups: dict | None = None,
               dpi: int = 200, seed: int = 7, legend: str = "right", shown_px: float | None = None,
               measure_help: dict | None = None) -> bytes:
    """The same map as the page, as an SVG, PNG or PDF picture (see graph.output.static).

    legend 'below' and shown_px (the width it is shown at, for 12 px text) as in :func:`map_figure`;
    ``measure_help`` as in :func:`map_parts`.
    """
    return render_static(**map_parts(G, values, title=title, size_by=size_by, groups=groups, seed=seed,
                                     measure_help=measure_help), fmt=fmt, dpi=dpi, legend=legend, shown_px=shown_px)


def map_parts(G, values: dict, *, title: str, size_by: str = "betweenness", groups: dict | None = None,
              seed: int = 7, measure_help: dict | None = None) -> dict:
    """The scene and the legend's content of G's map: the keyword arguments of :func:`map_figure`.

    ``measure_help``: what each measure means, for the size note (default: graph.names.MEASURE_MEANINGS)."""
    scene = scene_for(G, values, size_by, groups, seed)
    kinds = legend_kinds(G)
    note = "All dots the same size." if size_by == "none" else \
        f"Dot and label size: {size_by} ({(measure_help or MEASURE_MEANINGS).get(size_by, '')})."
    hidden = G.graph.get("hidden") or {}
    if hidden:
        note += " Not drawn: " + ", ".join(f"{n} {s}" for s, n in sorted(hidden.items())) + \
            " ties (--status to draw them)."
    shown = {status_of(d) for _, _, d in G.edges(data=True)} - {"actual"}
    if shown:
        note += " Broken lines: planned; dotted, faded: recommended by the source."
    return {"scene": scene, "title": title, "notes": view_notes(G),
            "kinds": kinds, "size_note": note,
            "group_names": group_labels(G, [g["key"] for g in scene.groups], by_type=groups is None)}


FRAME_IN = 5.2  # inches of map per frame
FRAME_HEAD_IN = 0.42  # a frame's own title: its date and what changed


def frame_states(G, graphs) -> list[dict]:
    """For each frame (a view's graph, in order): its date's actors, and each tie of G drawn in it as 'new'
    (not in the previous frame), 'kept' or 'ended' (in the previous frame, not in this one: a ghost).

    Ties are G's ``(u, v, key)``; the first frame has no previous one, so nothing in it is new.
    """
    out, before = [], None
    for H in graphs:
        now = {e for e in G.edges(keys=True) if H.has_edge(*e)}
        ties = {e: "new" if before is not None and e not in before else "kept" for e in now}
        ties.update({e: "ended" for e in (before or set()) - now})
        out.append({"actors": {n for n in G if n in H}, "ties": ties})
        before = now
    return out


def frame_title(label: str, state: dict) -> str:
    """A frame's title: its date, ties in force and what changed since the previous frame."""
    counts = {s: sum(1 for v in state["ties"].values() if v == s) for s in ("new", "kept", "ended")}
    n = counts["new"] + counts["kept"]
    text = f"{label}: {n} tie{'s' * (n != 1)}, {len(state['actors'])} actors"
    if counts["new"] or counts["ended"]:
        text += f" (+{counts['new']} new, \u2212{counts['ended']} ended)"
    return text


def static_frames(G, values: dict, graphs, labels, fmt: str, *, title: str, size_by: str = "betweenness",
                  groups: dict | None = None, dpi: int = 200, seed: int = 7, measure_help: dict | None = None) -> bytes:
    """Small multiples of G's map, one frame per graph of ``graphs`` (views of G's data set at the dates
    ``labels``), as ``fmt`` (svg, png or pdf) bytes.

    The scene is composed once, on G (every actor and tie of any frame): each actor has the same place,
    colour and shape in every frame. A frame draws its own ties, those new since the previous frame
    thick, those ended since as grey dashed ghosts; actors not in its graph are faded and unlabelled.
    SVG ids: ``f1-actor-ID``, ``f1-label-ID``, ``f1-new-U-V-KEY`` (``kept``, ``ended``) for frame 1, ...
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    parts = map_parts(G, values, title=title, size_by=size_by, groups=groups, seed=seed, measure_help=measure_help)
    parts["size_note"] += " Pale dots: actors inactive at the frame's date."
    parts["kinds"] = [*parts["kinds"], {"header": "Since the previous frame"},
                      {"label": "new tie", "color": "#495057", "style": "solid", "directed": False, "count": None,
                       "width": 2 * FRAME_WIDTH["new"]},
                      {"label": "ended tie", "color": GHOST, "style": "dashed", "directed": False, "count": None}]
    with plt.rc_context(RC):
        fig = frames_figure(parts["scene"], G, frame_states(G, graphs), list(labels), title=parts["title"],
                            notes=parts["notes"], kinds=parts["kinds"], size_note=parts["size_note"], dpi=dpi,
                            group_names=parts["group_names"])
        return figure_bytes(fig, fmt, dpi)


def frames_figure(scene, G, states: list[dict], labels: list[str], *, title: str, notes=(), kinds=(),
                  size_note: str = "", dpi: int = 200, group_names: dict | None = None):
    """The frames as one matplotlib figure: up to three a row, the header above, the legend below."""
    from dataclasses import replace as changed

    from matplotlib import pyplot as plt

    n = len(states)
    columns = n if n <= 3 else 2 if n == 4 else 3
    rows = -(-n // columns)
    x0, y0, x1, y1 = scene.extent or (0, 0, 1, 1)
    w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
    pad = 0.02 * max(w, h)
    map_h = max(FRAME_IN * (h + 2 * pad) / (w + 2 * pad), 2.0)
    cell_h = map_h + FRAME_HEAD_IN
    head_in = 0.55 + 0.25 * len(notes)
    legend_cols = max(BELOW_COLUMNS, columns * 2)
    entries = _below_cells(scene, kinds, legend_cols)[1]
    legend_h = BELOW_ROW * (1.6 + -(-entries // legend_cols)) + 0.8
    fig_w, fig_h = FRAME_IN * columns + 0.3 * (columns - 1), head_in + rows * cell_h + legend_h
    fig = plt.figure(figsize=(fig_w, fig_h), dpi=dpi)
    scale = min(FRAME_IN / (w + 2 * pad), map_h / (h + 2 * pad))
    index = list(G.edges(keys=True))  # scene.edges follow G's edges in order
    for k, (state, label) in enumerate(zip(states, labels)):
        left, top = (k % columns) * (FRAME_IN + 0.3), head_in + (k // columns) * cell_h + FRAME_HEAD_IN
        ax = fig.add_axes((left / fig_w, 1 - (top + map_h) / fig_h, FRAME_IN / fig_w, map_h / fig_h))
        ax.set_xlim(x0 - pad, x1 + pad)
        ax.set_ylim(y1 + pad, y0 - pad)  # page coordinates grow downwards
        ax.set_aspect("equal")
        ax.set_axis_off()
        prefix = f"f{k + 1}-"
        edges = []
        for e, tie in zip(scene.edges, index):
            drawn = state["ties"].get(tie)
            if drawn:
                edges.append(dict(e, state=drawn, gid=f"{prefix}{drawn}-{tie[0]}-{tie[1]}-{tie[2]}"))
        faded = set(scene.ids) - state["actors"]
        frame = changed(scene, edges=edges, zoom=[None if v in faded else z for v, z in zip(scene.ids, scene.zoom)])
        _draw_edges(ax, frame, scale * 72)
        _draw_nodes(ax, frame, faded, prefix)
        _draw_labels(ax, frame, scale * 72, prefix=prefix)
        fig.text((left + 0.05) / fig_w, 1 - (top - FRAME_HEAD_IN / 2) / fig_h, frame_title(label, state),
                 fontsize=10.5, weight="bold", va="center", parse_math=False)
    _draw_header(fig, title, notes, head_in, fig_h - head_in)
    _draw_legend_below(fig, scene, kinds, size_note, (fig_w, fig_h), legend_h, 0.0, 9.0, legend_cols, BELOW_ROW,
                       group_names)
    return fig
