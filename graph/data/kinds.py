"""A data set's own relation vocabulary, read from kinds.csv and checked like the other files."""

from __future__ import annotations

import re

from graph.data.problems import Problem
from graph.data.schema import (KIND_COLUMNS, KIND_RE, POLARITIES, RELATIONS, RelationKind, Vocabulary, slugify,
                               spelling_key)
from graph.errors import UnknownKind
import difflib
from graph.data.csvio import format_record

__all__ = ["read_kinds", "kinds_text", "resolve_kind", "polarity_hint", "hostile_wording", "LINE_COLOURS",
           "HOSTILE_WORDS"]

LINE_COLOURS = ("#d9480f", "#7b2cbf", "#2b8a3e", "#495057", "#1971c2", "#c2255c", "#e67700", "#0c8599",
                "#5c940d", "#862e9c")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\Z")
_YES = {"yes": True, "y": True, "true": True, "1": True, "ja": True, "oui": True,
        "no": False, "n": False, "false": False, "0": False, "nee": False, "non": False}
STYLES = ("solid", "dashed", "dotted")
# what people write for a polarity -> the polarity meant (for the suggestion in a bad-polarity problem)
_POLARITY_WORDS = {"positive": "cooperative", "cooperation": "cooperative", "friendly": "cooperative",
                   "ally": "cooperative", "allied": "cooperative", "friend": "cooperative", "+": "cooperative",
                   "negative": "hostile", "hostility": "hostile", "enemy": "hostile", "foe": "hostile",
                   "conflict": "hostile", "adversarial": "hostile", "-": "hostile", "0": "neutral",
                   "none": "neutral", "other": "neutral"}
# words in a relation type that mark it hostile when a foreign file is imported
HOSTILE_WORDS = ("fight", "attack", "oppos", "clash", "against", "enemy", "enemies", "hostile", "rival", "sanction",
                 "combat", "kill", "target", "raid", "at war", "war with")


def polarity_hint(text: str) -> str | None:
    """The polarity a mistyped value most likely meant, or None.

    >>> polarity_hint("hostil"), polarity_hint("negative"), polarity_hint("xyz")
    ('hostile', 'hostile', None)
    """

    key = text.strip().lower()
    if key in _POLARITY_WORDS:
        return _POLARITY_WORDS[key]
    found = difflib.get_close_matches(key, POLARITIES + tuple(_POLARITY_WORDS), n=1, cutoff=0.6)
    return _POLARITY_WORDS.get(found[0], found[0]) if found else None


def hostile_wording(*texts: str) -> bool:
    """Whether a relation type reads as hostility ('fights', 'Attacks', 'enemy of', 'clashes with').

    >>> hostile_wording("Fights"), hostile_wording("enemy of"), hostile_wording("funds")
    (True, True, False)
    """
    return any(word in (t or "").lower().replace("_", " ") for t in texts for word in HOSTILE_WORDS)


def read_kinds(rows, path: str) -> tuple[Vocabulary, list[Problem]]:
    """The vocabulary of kinds.csv's rows, and every problem in them (bad rows are left out)."""
    problems: list[Problem] = []
    kinds: list[RelationKind] = []
    seen: dict[str, int] = {}
    candidates: list[tuple[int, RelationKind]] = []
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
        colour = row["color"] or LINE_COLOURS[len(candidates) % len(LINE_COLOURS)]
        if not _COLOUR.match(colour):
            found.append(Problem(path, row.line, "bad-color",
                                 f"color must be #rrggbb (six hex digits), not '{row['color']}'"))
        style = (row["style"] or "solid").lower()
        if style not in STYLES:
            found.append(Problem(path, row.line, "bad-style",
                                 f"style must be one of {', '.join(STYLES)}, not '{row['style']}'"))
        polarity = (row["polarity"] or "cooperative").lower()
        if polarity not in POLARITIES:
            hint = polarity_hint(polarity)
            tail = f"; did you mean '{hint}'?" if hint else ""
            found.append(Problem(path, row.line, "bad-polarity",
                                 f"polarity must be one of {', '.join(POLARITIES)}, not '{row['polarity']}'{tail}"))
        if found:
            problems += found
            continue
        label = row["label"] or name.replace("_", " ")
        inverse = row["inverse"] or (f"{label} (reverse)" if directed else label)
        candidates.append((row.line, RelationKind(name, label, inverse, directed, colour.lower(), style, polarity)))
    # then every wording against every other kind's, folded as add-relation and relations.csv are read:
    # two kinds that read the same would make one of them silently recorded as the other
    readings: dict[str, tuple[str, int]] = {}
    for line, kind in candidates:
        clash = False
        wordings = {spelling_key(kind.label): ("label", kind.label)}
        if kind.directed:
            wordings.setdefault(spelling_key(kind.inverse), ("inverse", kind.inverse))
        for key, (what, text) in wordings.items():
            other = seen.get(key)
            if other is not None and key != kind.name:
                problems.append(Problem(path, line, "ambiguous-kind",
                                        f"the {what} '{text}' of kind '{kind.name}' is the name of kind '{key}'"
                                        f" (line {other}): a kind's label and inverse must not name another kind"))
                clash = True
            elif key in readings and readings[key][0] != kind.name:
                first, first_line = readings[key]
                problems.append(Problem(path, line, "ambiguous-kind",
                                        f"'{text}' already reads as kind '{first}' (line {first_line}), as accents, case,"
                                        " spaces, '-' and '_' do not count; give each kind its own label and"
                                        " inverse"))
                clash = True
            readings.setdefault(key, (kind.name, line))
        if not clash:
            kinds.append(kind)
    if not kinds and not problems:
        problems.append(Problem(path, 1, "no-kinds", "kinds.csv defines no relation kind: add at least one row"))
    return Vocabulary(kinds), problems


def kinds_text(vocabulary: Vocabulary = RELATIONS) -> str:
    """A kinds.csv for a vocabulary (the built-in four by default), for `actorgraph init`."""

    lines = [",".join(c.name for c in KIND_COLUMNS)]
    for k in vocabulary.values():
        lines.append(format_record([k.name, k.label, k.inverse, "yes" if k.directed else "no", k.color, k.style,
                                    k.polarity],
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
    raise UnknownKind(f"unknown relation '{text}'{tail} (allowed: {vocabulary.listing()})", text=text,
                      suggestions=hint, allowed=list(vocabulary), field=field)
