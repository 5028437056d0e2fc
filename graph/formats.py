"""Result tables as aligned text, CSV or JSON: deterministic, floats rounded only in text."""

from __future__ import annotations

import json
import math

__all__ = ["FORMATS", "format_rows"]

FORMATS = ("table", "csv", "json")


def format_rows(rows: list[dict], columns: list[str], fmt: str, digits: int = 3) -> str:
    """Rows (dicts) as text in one of FORMATS; missing values are blank, 'n/a' or null."""
    if fmt == "json":
        clean = [{c: _json_value(r.get(c)) for c in columns} for r in rows]
        return json.dumps(clean, ensure_ascii=False, indent=2) + "\n"
    import pandas as pd

    df = pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns, dtype=object)
    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n")
    if not rows:
        return "(no rows)\n"
    return _align(df, digits)


def _align(df, digits: int) -> str:
    """Text columns left-aligned, numbers right-aligned on their decimal places."""
    lines = [list(df.columns)] + [[_cell(v, digits) for v in row] for row in df.itertuples(index=False)]
    numeric = [all(isinstance(v, (int, float)) or v is None for v in df[c]) for c in df.columns]
    widths = [max(len(line[i]) for line in lines) for i in range(len(df.columns))]
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
