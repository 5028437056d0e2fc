"""The ranks over time as a bump chart (SVG, PNG or PDF): one line per actor through its rank at each step.

It draws the steps of :func:`graph.analysis.timeline.timeline` (``actorgraph timeline -o ranks.svg``):
the steps across, rank 1 at the top, each actor in the top N at some step a line of its own
colour and marker, broken where the actor is out of the top N, named where each stretch ends.
Output is deterministic, as the map's pictures are (graph.output.static).
"""

from __future__ import annotations


from graph.picture.palette import COLOURS

__all__ = ["bump_lines", "bump_chart"]

LABEL_SPREAD = 2.8  # names of actors sharing a rank spread this much further apart than their points
MAX_TICK_LABELS = 24  # dates named under the steps, at most
MARKERS = ("o", "s", "D", "^", "v", "h")  # past the palette's colours, the marker tells lines apart


def bump_lines(steps: list[dict]) -> list[dict]:
    """The chart's lines: each actor ranked at some step, with its (step index, rank) points.

    Ordered by rank at the last step it is ranked at (later steps first), then name; an actor
    without a rank at a step (an undefined measure) has no point there.

    >>> steps = [{"date": "2019", "top": [{"id": "a", "name": "A", "rank": 1}, {"id": "b", "name": "B", "rank": 2}]},
    ...          {"date": "2020", "top": [{"id": "b", "name": "B", "rank": 1}]}]
    >>> [(line["id"], line["points"]) for line in bump_lines(steps)]
    [('b', [(0, 2), (1, 1)]), ('a', [(0, 1)])]
    """
    lines: dict[str, dict] = {}
    for i, step in enumerate(steps):
        for t in step["top"]:
            if t.get("rank") is None:
                continue
            line = lines.setdefault(t["id"], {"id": t["id"], "name": t["name"], "points": []})
            line["points"].append((i, t["rank"]))
    return sorted(lines.values(), key=lambda line: (-line["points"][-1][0], line["points"][-1][1],
                                                    line["name"].lower(), line["id"]))


def _runs(points: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Points split where a step is missing: the stretches a line is drawn through."""
    runs: list[list[tuple[int, int]]] = []
    for p in points:
        if runs and runs[-1][-1][0] == p[0] - 1:
            runs[-1].append(p)
        else:
            runs.append([p])
    return runs


def _tie_shifts(lines: list[dict]) -> dict[tuple[str, int], float]:
    """(actor, step) -> how far its point moves off its rank: actors sharing a rank at a step are drawn
    a little apart (in the lines' order), so that neither point nor name hides another."""
    shared: dict[tuple[int, int], list[str]] = {}
    for line in lines:
        for i, r in line["points"]:
            shared.setdefault((i, r), []).append(line["id"])
    return {(a, i): (k - (len(ids) - 1) / 2) * 0.2 for (i, _), ids in shared.items() for k, a in enumerate(ids)}


def bump_chart(steps: list[dict], fmt: str, *, title: str, measure: str, dpi: int = 200) -> bytes:
    """The bump chart of ``steps`` (timeline rows: date and top) as ``fmt`` ('svg', 'png' or 'pdf') bytes.

    Each line is an SVG group ``rank-ID`` and each name a text ``name-ID`` (``name-ID-2`` for a second
    stretch); the x axis names the steps' dates (every k-th past ``MAX_TICK_LABELS`` steps), the y axis
    the ranks.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    from graph.output.static import RC, figure_bytes

    lines = bump_lines(steps)
    shift = _tie_shifts(lines)
    deepest = max((r for line in lines for _, r in line["points"]), default=1)
    n = len(steps)
    width = min(max(6.0, 1.0 * n + 4.0), 18.0)
    height = max(2.5, 1.3 + 0.42 * deepest)
    with plt.rc_context(RC):
        fig = plt.figure(figsize=(width, height), dpi=dpi)
        ax = fig.add_axes((0.8 / width, 0.55 / height, (width - 3.2) / width, (height - 1.15) / height))
        for k, line in enumerate(lines):
            colour, marker = COLOURS[k % len(COLOURS)], MARKERS[(k // len(COLOURS)) % len(MARKERS)]
            for j, run in enumerate(_runs(line["points"])):
                xs, ys = [p[0] for p in run], [p[1] + shift[(line["id"], p[0])] for p in run]
                ax.plot(xs, ys, color=colour, marker=marker, markersize=7, linewidth=2.2, solid_capstyle="round",
                        gid=f"rank-{line['id']}" + (f"-{j + 1}" if j else ""), zorder=2)
                label_y = run[-1][1] + shift[(line["id"], run[-1][0])] * LABEL_SPREAD
                ax.text(xs[-1] + 0.12, label_y, line["name"], fontsize=8.5, va="center", ha="left", color="#1f2328",
                        parse_math=False, zorder=3, gid=f"name-{line['id']}" + (f"-{j + 1}" if j else ""),
                        bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "alpha": 0.8, "edgecolor": "none"})
        ax.set_xlim(-0.4, max(n - 1, 0) + 0.9)
        ax.set_ylim(deepest + 0.6, 0.4)  # rank 1 at the top
        every = -(-n // MAX_TICK_LABELS)  # many steps (months, events): every k-th named, all ticked
        ax.set_xticks(range(n), [s["date"] if i % every == 0 else "" for i, s in enumerate(steps)], fontsize=8.5,
                      rotation=45 if n > 8 else 0, ha="right" if n > 8 else "center")
        ax.set_yticks(range(1, deepest + 1), [str(r) for r in range(1, deepest + 1)], fontsize=8.5)
        ax.set_ylabel(f"rank by {measure}", fontsize=9)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        ax.grid(axis="x", color="#dee2e6", linewidth=0.8, zorder=0)
        fig.text(0.8 / width, 1 - 0.3 / height, title, fontsize=13, weight="bold", va="center", parse_math=False)
        return figure_bytes(fig, fmt, dpi)
