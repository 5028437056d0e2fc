"""Result tables as aligned text, CSV or JSON: deterministic, floats rounded only in text.

Output is safe where it lands: table cells show control characters as ``\\xNN``
(no escape sequence reaches the terminal), and CSV cells that a spreadsheet would
run as a formula get a leading apostrophe unless ``guard=False``.
"""

from __future__ import annotations

import json
import math
import re

from graph.data.csvio import format_record, FORMULA_START, guard_formula
from graph.names import FORMATS
import textwrap
from graph.data.files import printable

__all__ = ["FORMATS", "format_rows", "csv_text", "csv_cells", "guard_formula", "dumps", "FORMULA_START"]

_C1 = re.compile("[\u007f-\u009f\u2028\u2029]")


def format_rows(rows: list[dict], columns: list[str], fmt: str, digits: int = 3, guard: bool = True,
                width: int | None = None, wrap: str | None = None) -> str:
    """Rows (dicts) as text in one of FORMATS; missing values are blank, 'n/a' or null.

    A table fits ``width`` characters: long text is cut with an ellipsis, except the
    ``wrap`` column, whose text continues on the next lines.
    """
    if fmt == "json":
        return dumps([{c: _json_value(r.get(c)) for c in columns} for r in rows]) + "\n"
    import pandas as pd

    df = pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns, dtype=object)
    if fmt == "csv":
        return csv_text([columns] + df.values.tolist(), guard=guard)
    if not rows:
        return "(no rows)\n"
    return _align(df, digits, width, wrap)


def dumps(value) -> str:
    """JSON text, non-ASCII kept; DEL, C1 controls and line separators escaped as well."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def csv_text(table: list[list], guard: bool = True, delimiter: str = ",") -> str:
    """Rows of cells as CSV with LF line endings; every cell with a quote, delimiter, CR or LF quoted."""

    return "".join(format_record(cells, delimiter) + "\n" for cells in csv_cells(table, guard))


def csv_cells(table: list[list], guard: bool = True) -> list[list[str]]:
    """Rows of values as CSV cells: text as written, formula-like cells guarded unless ``guard`` is False."""
    out = []
    for row in table:
        cells = [_csv_cell(v) for v in row]
        out.append([guard_formula(c) for c in cells] if guard else cells)
    return out


def _csv_cell(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


MIN_WIDTH = 10
WRAP_WIDTH = 30
SHORT = {"in_degree": "in_deg", "out_degree": "out_deg", "betweenness": "between", "closeness": "close",
         "eigenvector": "eigen", "effective_size": "eff_size"}  # headers of a table fitted to a terminal


def _align(df, digits: int, width: int | None = None, wrap: str | None = None) -> str:
    """Text columns left-aligned, numbers right-aligned on their decimal places, within ``width``."""

    columns = list(df.columns)
    cells = [[printable(_cell(v, digits)) for v in row] for row in df.itertuples(index=False)]
    titles = [SHORT.get(c, c) if width else c for c in columns]
    numeric = [all(isinstance(v, (int, float)) or v is None for v in df[c]) for c in columns]
    widths = [max([len(c)] + [len(line[i]) for line in cells]) for i, c in enumerate(titles)]
    if width:
        _fit(widths, titles, numeric, width, columns.index(wrap) if wrap in columns else None)
    out = []
    for line in [titles] + cells:
        parts = []
        for i, (v, w, num) in enumerate(zip(line, widths, numeric)):
            if columns[i] == wrap and len(v) > w:
                parts.append(textwrap.wrap(v, w, break_long_words=True) or [""])
            else:
                parts.append([v if len(v) <= w else v[:w - 1] + "\u2026"])
        for k in range(max(len(p) for p in parts)):
            row = [(p[k] if k < len(p) else "") for p in parts]
            text = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(row, widths, numeric)]
            out.append("  ".join(text).rstrip())
    return "\n".join(out) + "\n"


def _fit(widths: list[int], columns: list[str], numeric: list[bool], width: int, wrapped: int | None) -> None:
    """Narrow the widest text column, one character at a time (in place), until the table fits.

    A wrapped column (it loses nothing) goes down to WRAP_WIDTH, the others (cut with an
    ellipsis) to MIN_WIDTH or their header.
    """
    floor = [WRAP_WIDTH if i == wrapped else max(MIN_WIDTH, len(c)) for i, c in enumerate(columns)]
    while sum(widths) + 2 * (len(widths) - 1) > width:
        text = [i for i, num in enumerate(numeric) if not num and widths[i] > floor[i]]
        if not text:
            return
        i = max(text, key=lambda k: (widths[k] - floor[k], k == wrapped))
        widths[i] -= 1


def _json_value(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    return v


def _cell(v, digits: int) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    if isinstance(v, float):
        text = f"{v:.{digits}f}"
        return text[1:] if text.startswith("-") and not text.strip("-0.") else text  # no "-0.000"
    return str(v)
