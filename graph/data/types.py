"""A data set's actor types, read from the optional types.csv: label, colour and shape per type."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from graph.data.colours import parse_colour, separable
from graph.data.csvio import format_record
from graph.data.problems import Problem

__all__ = ["TypeStyle", "SHAPES", "read_types", "types_text", "type_order", "close_colours"]

# the shapes both the page (vis-network) and the pictures (matplotlib) draw, in the palette's order
SHAPES = ("dot", "square", "diamond", "triangle", "hexagon", "triangleDown", "star")
_SHAPE_WORDS = {"circle": "dot", "disc": "dot", "ellipse": "dot", "rectangle": "square", "box": "square",
                "rhombus": "diamond", "triangleup": "triangle", "triangle_down": "triangleDown",
                "triangle-down": "triangleDown", "invertedtriangle": "triangleDown", "star5": "star"}


@dataclass(frozen=True)
class TypeStyle:
    """How one actor type is shown: its legend label, colour (#rrggbb) and shape ('' when not given)."""

    type: str
    label: str
    color: str
    shape: str


def _shape(text: str) -> tuple[str | None, str | None]:
    """(the shape, None) or (None, a suggestion or None)."""
    key = text.strip()
    for s in SHAPES:
        if s.lower() == key.lower():
            return s, None
    if key.lower().replace(" ", "") in _SHAPE_WORDS:
        return None, _SHAPE_WORDS[key.lower().replace(" ", "")]
    found = difflib.get_close_matches(key, SHAPES, n=1, cutoff=0.6)
    return None, found[0] if found else None


def read_types(rows, path: str) -> tuple[dict[str, TypeStyle], list[Problem]]:
    """Each type of types.csv's rows -> its style, and every problem in them (bad rows are left out).

    A colour is CSS hex (#rgb, #rrggbb) or a CSS named colour, stored as #rrggbb; a shape one of
    :data:`SHAPES`; both may be blank (then assigned, see graph.picture.palette.type_styles).
    """
    styles: dict[str, TypeStyle] = {}
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for row in rows:
        name = row["type"]
        if not name:
            continue
        key = name.casefold()
        if key in seen:
            problems.append(Problem(path, row.line, "duplicate-type",
                                    f"duplicate type '{name}' (first on line {seen[key]}): remove one of the rows"))
            continue
        seen[key] = row.line
        found = []
        colour = parse_colour(row["color"]) if row["color"] else ""
        if colour is None:
            raw = row["color"].strip()
            if re.fullmatch(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}", raw):
                tail = f"; did you mean '#{raw}'?"
            elif re.fullmatch(r"#[0-9a-fA-F]*", raw):
                tail = f": it has {len(raw) - 1} hex digits after '#', not 3 or 6"
            else:
                hint = difflib.get_close_matches(raw.lower().replace(" ", ""), _named(), n=1, cutoff=0.7)
                tail = f"; did you mean '{hint[0]}'?" if hint else ""
            found.append(Problem(path, row.line, "bad-type-color",
                                 f"color must be CSS hex (#rrggbb or #rgb) or a CSS colour name, not"
                                 f" '{row['color']}'{tail}"))
        shape, hint = _shape(row["shape"]) if row["shape"] else ("", None)
        if shape is None:
            tail = f"; did you mean '{hint}'?" if hint else ""
            found.append(Problem(path, row.line, "bad-shape",
                                 f"shape must be one of {', '.join(SHAPES)}, not '{row['shape']}'{tail}"))
        if found:
            problems += found
            continue
        styles[name] = TypeStyle(name, row["label"] or name, colour, shape)
    return styles, problems


def _named() -> list[str]:
    from graph.data.colours import NAMED_COLOURS

    return list(NAMED_COLOURS)


CLOSE_CHECKED = 100  # earlier entries of its shape each entry is compared with (close-colors)
CLOSE_WORK = 1_000_000  # comparisons in all (up to about 2.5 us each): past it, later entries are not compared


def close_colours(pairs, path: str, what: str, lines: dict | None = None) -> list[Problem]:
    """Warnings for two entries on the same shape whose colours readers may confuse.

    ``pairs``: (name, colour, shape) in file order; ``lines``: name -> line of the file.
    Close is under ΔE 20, or 15 under simulated protanopia or deuteranopia (graph.data.colours).
    """
    from functools import lru_cache

    apart = lru_cache(maxsize=4096)(separable)  # repeated colours once; bounded memory
    problems = []
    seen: dict[str, list[tuple[str, str]]] = {}
    left = CLOSE_WORK
    for name, colour, shape in pairs:
        # one warning per entry, naming the first it may be confused with; each compared with at most
        # CLOSE_CHECKED earlier entries of its shape, and CLOSE_WORK in all (hundreds of thousands of types:
        # no blow-up; no map shows that many colours apart anyway)
        if left <= 0:
            break
        earlier = seen.get(shape, ())[:min(CLOSE_CHECKED, left)]
        left -= len(earlier)
        close = [(other, c2) for other, c2 in earlier if not apart(colour, c2)]
        if close:
            other, c2 = close[0]
            more = f" (and {len(close) - 1} more)" if len(close) > 1 else ""
            problems.append(Problem(path, (lines or {}).get(name, 0), "close-colors",
                                    f"{what} '{name}' and '{other}'{more} are both drawn as {shape} in colours"
                                    f" readers may confuse ({colour}, {c2}), colour-blind readers included:"
                                    " give one another colour or shape"))
        seen.setdefault(shape, []).append((name, colour))
    return problems



def type_order(actors) -> list[str]:
    """The data set's types in order of first appearance in actors.csv (the order unlisted types get colours)."""
    return list(dict.fromkeys(a["type"] for a in actors if a["type"]))


def types_text(styles=()) -> str:
    """A types.csv holding these TypeStyles (only the header when there are none), for `actorgraph init`."""
    lines = ["type,label,color,shape"]
    for s in styles:
        lines.append(format_record([s.type, s.label, s.color, s.shape], ","))
    return "\n".join(lines) + "\n"
