"""A data set's pinned positions, read from the optional positions.csv (``id,x,y`` in page px, y down).

Every view, picture and export draws a pinned actor exactly there (graph.picture.scene).
An id that no actor has is an error when it reads as a typo of an actor without a
position, or as an actor's name; otherwise it is taken for an actor removed from
actors.csv since the positions were saved: a warning, and the row is ignored.
"""

from __future__ import annotations

import math
import re

from graph.data.csvio import format_record
from graph.data.problems import Problem
from graph.data.hints import Hints
from graph.data.schema import fold

__all__ = ["read_positions", "parse_number", "format_number", "positions_text"]


_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]+,[0-9]+")  # a CSV number cell never holds a thousands separator

# px from the origin: far beyond any map (10,000 actors span about 8,000 px), near enough that
# distances, squared, and a picture's size stay finite
REACH = 1_000_000.0


def parse_number(text: str) -> float | None:
    """A finite number written as text (``12``, ``-3.5``, ``1e3``, or with a decimal comma, ``-3,5``, as
    Excel writes it in Dutch, French or German), or None.

    >>> parse_number("-3.5"), parse_number("nan"), parse_number("12px"), parse_number("1_000"), parse_number("1e3")
    (-3.5, None, None, None, 1000.0)
    >>> parse_number("-3,5"), parse_number("1,5,0"), parse_number(",5")
    (-3.5, None, None)
    """
    text = text.strip()
    if _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):  # float() also reads 1_000, '١٢' and full-width digits
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def format_number(value: float, comma: bool = False) -> str:
    """A coordinate as positions.csv writes it: to 0.1 px, without a trailing ``.0`` (``comma``: with a
    decimal comma, as the file already writes them).

    >>> format_number(12.0), format_number(-3.449), format_number(-0.01), format_number(-3.449, comma=True)
    ('12', '-3.4', '0', '-3,4')
    """
    text = f"{round(float(value), 1):.1f}"
    text = text[:-2] if text.endswith(".0") else text
    text = "0" if text == "-0" else text
    return text.replace(".", ",") if comma else text


def read_positions(rows, path: str, actors) -> tuple[dict[str, tuple[float, float]], list[Problem]]:
    """Each actor's pinned (x, y) from positions.csv's rows, and every problem in them.

    ``actors``: the data set's actor rows (id, name, aliases). Rows with a problem are left out.
    """
    ids = {a["id"]: a for a in actors}
    named: dict[str, str] = {}  # folded name or alias -> id
    for a in actors:
        for text in [a["name"], *(a["aliases"] or "").split(";")]:
            if text.strip():
                named.setdefault(fold(text.strip()), a["id"])
    listed: dict[str, int] = {}  # id -> its first row's line
    for row in rows:
        listed.setdefault(row["id"], row.line)
    free = [i for i in ids if i not in listed]  # a typo is of an actor that has no position of its own
    hints = Hints()
    positions: dict[str, tuple[float, float]] = {}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in rows:
        actor = row["id"]
        if not actor:
            continue  # an empty required field, reported by the table's check
        if actor in seen:
            problems.append(Problem(path, row.line, "duplicate-position",
                                    f"actor '{actor}' has a position already (line {seen[actor]}): remove one of"
                                    " the rows"))
            continue
        seen[actor] = row.line
        found = []
        if actor not in ids:
            found += _unknown(path, row.line, actor, named, free, hints, listed)
        xy = []
        for column in ("x", "y"):
            value = parse_number(row[column]) if row[column] else None
            if value is not None and abs(value) > REACH:
                value = None
            if row[column] and value is None:
                found.append(Problem(path, row.line, "bad-position",
                                     f"{column} must be a number of px from {-REACH:,.0f} to {REACH:,.0f} (such as"
                                     f" 120 or -35.5), not '{row[column]}'"))
            xy.append(value)
        if any(p.severity == "error" for p in found) or None in xy:
            problems += found
            continue
        problems += found
        if actor in ids:
            positions[actor] = (xy[0], xy[1])
    return positions, problems


def _unknown(path: str, line: int, actor: str, named: dict, free: list, hints: Hints,
             listed: dict) -> list[Problem]:
    by_name = named.get(fold(actor))
    if by_name is not None:
        if by_name in listed:  # writing the id would make a second row of that actor
            return [Problem(path, line, "unknown-position",
                            f"'{actor}' is a name of actor '{by_name}', which has its own row (line"
                            f" {listed[by_name]}): remove one of the rows")]
        return [Problem(path, line, "unknown-position",
                        f"'{actor}' is a name of actor '{by_name}': positions.csv names actors by id; write"
                        f" '{by_name}'")]
    hint = hints.close(actor, free)
    if hint:
        return [Problem(path, line, "unknown-position",
                        f"no actor has the id '{actor}'; did you mean '{hint[0]}'?")]
    return [Problem(path, line, "removed-actor-position",
                    f"no actor has the id '{actor}' (removed from actors.csv?): its position is ignored, and"
                    " dropped the next time positions are written")]


def positions_text(positions: dict, delimiter: str = ",", newline: str = "\n") -> str:
    """A positions.csv holding ``positions`` (id -> (x, y)), in their order.

    >>> positions_text({"wagner": (12.0, -3.25)})
    'id,x,y\\nwagner,12,-3.2\\n'
    """
    lines = [format_record(["id", "x", "y"], delimiter)]
    lines += [format_record([i, format_number(x), format_number(y)], delimiter) for i, (x, y) in positions.items()]
    return newline.join(lines) + newline
