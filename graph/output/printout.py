"""The briefing as a print-ready A4 PDF, laid out with matplotlib: no browser, the same bytes every run."""

from __future__ import annotations

import io
import textwrap
from graph.output.report import _num
from graph.output.static import map_figure, RC

__all__ = ["to_pdf", "A4", "A4_LANDSCAPE"]

A4 = (210 / 25.4, 297 / 25.4)  # inches, portrait
A4_LANDSCAPE = (A4[1], A4[0])
MARGIN = 0.75  # inches on every side
CHAR_EM = 0.56  # DejaVu Sans: mean character width in ems, for wrapping by characters
LEADING = 1.35
SIZES = {1: 17.0, 2: 13.0, 3: 11.0, "para": 10.0, "table": 8.5}
METADATA = {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}


def _wrap(text: str, size: float, width_in: float) -> list[str]:
    """Lines of text that fit width_in inches at size points (by mean character width)."""
    chars = max(4, int(width_in * 72 / (size * CHAR_EM)))
    return textwrap.wrap(" ".join(str(text).split()), chars, break_long_words=True, break_on_hyphens=False) or [""]


class _Flow:
    """Text flowing down A4 pages: a new page when the next piece does not fit."""

    def __init__(self, pdf, title: str):
        self.pdf, self.title, self.fig, self.page, self.y = pdf, title, None, 0, 0.0
        self.width = A4[0] - 2 * MARGIN

    def new_page(self, size=A4):
        from matplotlib import pyplot as plt

        self.close()
        self.page += 1
        self.fig = plt.figure(figsize=size)
        self.y = MARGIN
        self.fig.text(0.5, 0.35 / size[1], f"{self.title} \u2014 page {self.page}", fontsize=7.5, color="#6e7781",
                      ha="center", va="bottom", parse_math=False)
        return self.fig

    def close(self):
        from matplotlib import pyplot as plt

        if self.fig is not None:
            self.pdf.savefig(self.fig)
            plt.close(self.fig)
            self.fig = None

    def room(self, height_in: float) -> None:
        if self.fig is None or self.y + height_in > A4[1] - MARGIN:
            self.new_page()

    def line(self, x_in: float, text: str, size: float, **kw) -> None:
        self.fig.text(x_in / A4[0], 1 - self.y / A4[1], text, fontsize=size, va="top", parse_math=False, **kw)

    def text(self, text: str, size: float, indent: float = 0.0, gap: float = 0.08, keep: int = 1, **kw) -> None:
        lines = _wrap(text, size, self.width - indent)
        step = size * LEADING / 72
        self.room(step * min(len(lines), keep))
        for k, ln in enumerate(lines):
            self.room(step)
            self.line(MARGIN + indent, ln, size, **kw)
            self.y += step
        self.y += gap

    def rule(self, y_in: float, color: str = "#d0d7de", width: float = 0.6) -> None:
        from matplotlib.lines import Line2D

        y = 1 - y_in / A4[1]
        self.fig.add_artist(Line2D([MARGIN / A4[0], 1 - MARGIN / A4[0]], [y, y], color=color, linewidth=width))


def _table(flow: _Flow, block) -> None:
    size = SIZES["table"]
    cells = [[_num(r.get(k)) for k, _, _ in block.columns] for r in block.rows]
    # a column as wide as its longest cell (up to 60 characters), never narrower than a word of its title
    natural = [max(max(len(w) for w in t.split()) * 1.15 + 2, min(max([4] + [len(row[i]) for row in cells]), 60))
               for i, (_, t, _) in enumerate(block.columns)]
    widths = [flow.width * n / sum(natural) for n in natural]
    step = size * LEADING / 72

    def row(texts, bold=False):
        wrapped = [_wrap(t, size, w - 0.08) for t, w in zip(texts, widths)]
        height = step * max(len(w) for w in wrapped) + 0.06
        flow.room(height + (step if not bold else 3 * step))
        x = MARGIN
        for lines, w, (_, _, numeric) in zip(wrapped, widths, block.columns):
            right = numeric and not bold
            flow.line(x + (w - 0.04 if right else 0.02), "\n".join(lines), size, ha="right" if right else "left",
                      linespacing=LEADING, weight="bold" if bold else "normal")
            x += w
        flow.y += height
        flow.rule(flow.y - 0.03, "#8c959f" if bold else "#d0d7de")

    row([t for _, t, _ in block.columns], bold=True)
    for texts in cells:
        row(texts)
    flow.y += 0.12


def _map(flow: _Flow, block) -> None:
    """The map on its own landscape A4 page, the legend under it."""

    flow.close()
    flow.page += 1
    fig = map_figure(**{**block.draw, "title": "Map"}, legend="below", page=A4_LANDSCAPE)
    fig.text(0.5, 0.35 / A4_LANDSCAPE[1], f"{flow.title} \u2014 page {flow.page}", fontsize=7.5, color="#6e7781",
             ha="center", va="bottom", parse_math=False)
    flow.fig = fig
    flow.close()


def to_pdf(blocks) -> bytes:
    """The briefing's blocks as an A4 PDF: text as text (searchable), the map as vector graphics."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages


    title = next((b.text for b in blocks if b.kind == "heading" and b.level == 1), "Briefing")
    out = io.BytesIO()
    with plt.rc_context({**RC, "pdf.compression": 6}), PdfPages(out, metadata=METADATA) as pdf:
        flow = _Flow(pdf, title)
        for b in blocks:
            if b.kind == "heading":
                size = SIZES.get(b.level, 11.0)
                flow.y += 0.12 if b.level > 1 else 0
                flow.text(b.text, size, weight="bold", keep=4, gap=0.06)
                if b.level == 2:
                    flow.rule(flow.y - 0.04)
            elif b.kind == "para":
                flow.text(b.text, SIZES["para"])
            elif b.kind == "list":
                for item in b.items:
                    flow.room(SIZES["para"] * LEADING / 72)
                    flow.line(MARGIN + 0.05, "\u2022", SIZES["para"])
                    flow.text(item, SIZES["para"], indent=0.25, gap=0.05)
            elif b.kind == "table":
                _table(flow, b)
            elif b.kind == "map" and b.draw is not None:
                _map(flow, b)
        flow.close()
    return out.getvalue()
