"""A data set's own relation vocabulary, read from kinds.csv and checked like the other files."""

from __future__ import annotations

import re

from graph.data.problems import Problem
from graph.data.schema import KIND_COLUMNS, KIND_RE, RELATIONS, RelationKind, Vocabulary, slugify
from graph.errors import UnknownKind

__all__ = ["read_kinds", "kinds_text", "resolve_kind", "LINE_COLOURS"]

LINE_COLOURS = ("#d9480f", "#7b2cbf", "#2b8a3e", "#495057", "#1971c2", "#c2255c", "#e67700", "#0c8599",
                "#5c940d", "#862e9c")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\Z")
_YES = {"yes": True, "y": True, "true": True, "1": True, "ja": True, "oui": True,
        "no": False, "n": False, "false": False, "0": False, "nee": False, "non": False}
STYLES = ("solid", "dashed", "dotted")


def read_kinds(rows, path: str) -> tuple[Vocabulary, list[Problem]]:
    """The vocabulary of kinds.csv's rows, and every problem in them (bad rows are left out)."""
    problems: list[Problem] = []
    kinds: list[RelationKind] = []
    seen: dict[str, int] = {}
    readings: dict[str, tuple[str, int]] = {}
    for row in rows:
        name = row["kind"]
        if not name:
            continue
        if not KIND_RE.match(name):
            problems.append(Problem(path, row.line, "bad-kind",
                                    f"kind '{name}' is not a valid name (lowercase letters, digits and '_',"
                                    f" starting with a letter); try '{slugify(name)}'"))
            continue
        if name in seen:
            problems.append(Problem(path, row.line, "duplicate-kind",
                                    f"duplicate kind '{name}' (first on line {seen[name]})"))
            continue
        seen[name] = row.line
        found = []  # every problem of the row at once, not the first only
        directed_text = row["directed"].lower()
        if directed_text and directed_text not in _YES:
            found.append(Problem(path, row.line, "bad-directed", f"directed must be yes or no, not '{row['directed']}'"))
        directed = _YES.get(directed_text, True)
        colour = row["color"] or LINE_COLOURS[len(kinds) % len(LINE_COLOURS)]
        if not _COLOUR.match(colour):
            found.append(Problem(path, row.line, "bad-color",
                                 f"color must be #rrggbb (six hex digits), not '{row['color']}'"))
        style = (row["style"] or "solid").lower()
        if style not in STYLES:
            found.append(Problem(path, row.line, "bad-style",
                                 f"style must be one of {', '.join(STYLES)}, not '{row['style']}'"))
        if found:
            problems += found
            continue
        label = row["label"] or name.replace("_", " ")
        inverse = row["inverse"] or (f"{label} (reverse)" if directed else label)
        clash = False
        for text in {label, inverse} if directed else {label}:
            key = text.strip().lower()
            if key in readings and readings[key][0] != name:
                other, line = readings[key]
                problems.append(Problem(path, row.line, "ambiguous-kind",
                                        f"'{text}' already reads as kind '{other}' (line {line}); give each"
                                        " kind its own label and inverse"))
                clash = True
            readings.setdefault(key, (name, row.line))
        if not clash:
            kinds.append(RelationKind(name, label, inverse, directed, colour.lower(), style))
    if not kinds and not problems:
        problems.append(Problem(path, 1, "no-kinds", "kinds.csv defines no relation kind: add at least one row"))
    return Vocabulary(kinds), problems


def kinds_text(vocabulary: Vocabulary = RELATIONS) -> str:
    """A kinds.csv for a vocabulary (the built-in four by default), for `actorgraph init`."""
    from graph.data.csvio import format_record

    lines = [",".join(c.name for c in KIND_COLUMNS)]
    for k in vocabulary.values():
        lines.append(format_record([k.name, k.label, k.inverse, "yes" if k.directed else "no", k.color, k.style],
                                   ","))
    return "\n".join(lines) + "\n"


def resolve_kind(vocabulary: Vocabulary, text: str, field: str | None = None) -> tuple[str, bool]:
    """The kind ``text`` names, and whether it reads backwards ('trained by'); UnknownKind otherwise.

    >>> resolve_kind(RELATIONS, "Trained by")
    ('trains', True)
    """
    name = vocabulary.normalise(text)
    if name is not None:
        return name, False
    name = vocabulary.inverse_of(text)
    if name is not None:
        return name, True
    hint = vocabulary.suggest(text)
    tail = f"; did you mean '{hint[0]}'?" if hint else ""
    raise UnknownKind(f"unknown relation '{text}'{tail} (allowed: {', '.join(vocabulary)})", text=text,
                      suggestions=hint, allowed=list(vocabulary), field=field)
