"""Result tables as aligned text, CSV or JSON: deterministic, floats rounded only in text.

Output is safe where it lands: table cells show control characters as ``\\xNN``
(no escape sequence reaches the terminal), and CSV cells that a spreadsheet would
run as a formula get a leading apostrophe unless ``guard=False``.
"""

from __future__ import annotations

import json
import math
import re

from .names import FORMATS

__all__ = ["FORMATS", "format_rows", "csv_text", "guard_formula", "dumps", "FORMULA_START"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
_C1 = re.compile("[\u007f-\u009f\u2028\u2029]")


def format_rows(rows: list[dict], columns: list[str], fmt: str, digits: int = 3, guard: bool = True) -> str:
    """Rows (dicts) as text in one of FORMATS; missing values are blank, 'n/a' or null."""
    if fmt == "json":
        return dumps([{c: _json_value(r.get(c)) for c in columns} for r in rows]) + "\n"
    import pandas as pd

    df = pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns, dtype=object)
    if fmt == "csv":
        return csv_text([columns] + df.values.tolist(), guard=guard)
    if not rows:
        return "(no rows)\n"
    return _align(df, digits)


def dumps(value) -> str:
    """JSON text, non-ASCII kept; DEL, C1 controls and line separators escaped as well."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _C1.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def guard_formula(cell: str) -> str:
    """A text cell that a spreadsheet would not run: a formula-like start gets an apostrophe (OWASP).

    >>> guard_formula("=HYPERLINK(1)"), guard_formula("-0.5"), guard_formula("Mali")
    ("'=HYPERLINK(1)", '-0.5', 'Mali')
    """
    if cell.startswith(FORMULA_START) and not _NUMBER.match(cell):
        return "'" + cell
    return cell


def csv_text(table: list[list], guard: bool = True, delimiter: str = ",") -> str:
    """Rows of cells as CSV with LF line endings; every cell with a quote, delimiter, CR or LF quoted."""
    from .csvio import format_record

    lines = []
    for row in table:
        cells = [_csv_cell(v) for v in row]
        if guard:
            cells = [guard_formula(c) for c in cells]
        lines.append(format_record(cells, delimiter))
    return "".join(line + "\n" for line in lines)


def _csv_cell(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, float):
        return repr(v)
    return str(v)


def _align(df, digits: int) -> str:
    """Text columns left-aligned, numbers right-aligned on their decimal places."""
    from .files import printable

    columns = list(df.columns)
    lines = [columns] + [[printable(_cell(v, digits)) for v in row] for row in df.itertuples(index=False)]
    numeric = [all(isinstance(v, (int, float)) or v is None for v in df[c]) for c in columns]
    widths = [max(len(line[i]) for line in lines) for i in range(len(columns))]
    out = []
    for line in lines:
        cells = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(line, widths, numeric)]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out) + "\n"


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
