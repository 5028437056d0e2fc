"""Problems found in the data, the CODES registry of every problem code, and the error that carries them.

Each code is registered once in :data:`CODES` with its severity and a one-line
description; a Problem takes its severity from there. ``python -m graph.data.problems
--markdown`` prints the README's table of codes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from graph.errors import DataError
from graph.data.files import printable

__all__ = ["Problem", "DataError", "sort_problems", "Code", "CODES", "codes_markdown"]


@dataclass(frozen=True)
class Code:
    """A problem code: its severity (error or warning) and what it means, in one line."""

    severity: str
    description: str
    also_warning: str = ""  # where the same code is only a warning (kept so that codes stay stable)


def _codes(severity: str, table: dict[str, str]) -> dict[str, Code]:
    return {code: Code(severity, description) for code, description in table.items()}


CODES: dict[str, Code] = {
    # the folder and its files as a whole
    **_codes("error", {
        "missing-folder": "the data folder does not exist",
        "not-a-folder": "the data folder is a file",
        "missing-file": "actors.csv or relations.csv is missing (with a hint when only the letter case differs)",
        "unreadable-file": "a file cannot be read: a link out of the folder, a device, a folder, too large",
        "binary-file": "a file holds NUL bytes: it is not CSV text",
        "bad-encoding": "a byte that is not valid in the file's encoding, or a character it cannot save",
        "empty-file": "a file has no header line",
        "unclosed-quote": "a quoted cell is never closed (read as text; the lines after it are still checked)",
        "bad-csv": "the csv module cannot parse the file",
        "bad-journal": "the edit journal is not one of actorgraph's: nothing is touched",
        "unfinished-edit": "an interrupted edit could not be completed",
        "no-git": "diff --rev: git is not installed",
        "no-revision": "diff --rev: the revision, or a file at it, does not exist",
    }),
    # the tables
    **_codes("error", {
        "duplicate-column": "a column appears twice in the header",
        "missing-column": "a required column is missing from the header",
        "cell-count": "a row has fewer cells than the header, or values past it (or a stray quote took lines)",
        "unnamed-column": "a value stands in a column with no header name",
        "empty-field": "a required field is empty",
        "bad-id": "an actor id is not a valid slug",
        "duplicate-id": "an actor id appears twice",
        "unknown-actor": "a relation names an actor that is not in actors.csv",
        "ambiguous-actor": "a relation names an actor by a name or alias that several actors have",
        "self-relation": "an actor is related to itself",
        "unknown-relation": "a relation kind the data set does not define",
        "inverse-relation": "a relation kind written backwards ('trained by'): the row turned round is shown",
        "duplicate-relation": "the same tie twice with overlapping periods (symmetric kinds in either order)",
        "part-of-cycle": "part_of relations form a cycle",
        "bad-date": "a malformed or impossible date",
        "date-order": "since is after until",
        "bad-confidence": "confidence is not stated or implied",
        "bad-status": "status is not actual, planned or recommended",
        "bad-credibility": "credibility is not 1 to 6",
        "unknown-source": "a relation names a source that is not in sources.csv",
    }),
    # kinds.csv and sources.csv
    **_codes("error", {
        "bad-kind": "a kind name is not a valid name",
        "duplicate-kind": "a kind is defined twice",
        "bad-directed": "directed is not yes or no",
        "bad-color": "color is not #rrggbb",
        "bad-style": "style is not solid, dashed or dotted",
        "bad-polarity": "polarity is not cooperative, hostile or neutral",
        "ambiguous-kind": "a label or inverse reads as another kind's name, label or inverse (accents aside)",
        "no-kinds": "kinds.csv defines no kind",
        "bad-source-id": "a source id holds ';'",
        "bad-reliability": "reliability is not A to F",
        "bad-url": "a url does not start with http:// or https://, or holds spaces, <, > or a double quote",
    }),
    # types.csv
    **_codes("error", {
        "bad-type-color": "a type's color is not CSS hex (#rrggbb, #rgb) or a CSS colour name",
        "bad-shape": "a type's shape is not one the page and the pictures both draw",
        "duplicate-type": "a type is listed twice in types.csv",
    }),
    # positions.csv
    **_codes("error", {
        "unknown-position": "positions.csv names an id that is no actor's (a typo of one, or a name instead of the id)",
        "bad-position": "a position's x or y is not a number, or is farther than 1,000,000 px from the origin",
        "duplicate-position": "an actor has two rows in positions.csv",
        "merge-own-positions": "the positions to merge are the data set's own positions.csv, not a downloaded file",
    }),
    "duplicate-source": Code("error", "a source id appears twice in sources.csv",
                             also_warning="a relation lists the same source twice"),
    **_codes("warning", {
        "no-evidence": "a relation without evidence",
        "actor-by-name": "a relation names an actor by its name or alias, not its id (`validate --fix` writes the id)",
        "isolated-actor": "an actor with no relation",
        "outside-actor-period": "a tie in force while one of its actors is not (outside the actor's since/until)",
        "formula-like": "a value a spreadsheet would run as a formula (=, +, -, @ first, or after ; , or TAB)",
        "control-character": "a value holds a control character",
        "line-break": "a name, type, alias or label holds a line break (it is shown on one line)",
        "swallowed-rows": "a quoted cell runs over lines that look like rows of their own (a stray quote?)",
        "unread-column": "a header names a column actorgraph does not read, close to one it would (a misspelling)",
        "unmatched-type": "types.csv lists a type no actor has, close to one they have (letter case or a typo)",
        "removed-actor-position": "positions.csv keeps the position of an actor no longer in actors.csv (ignored)",
        "close-colors": "two types or kinds on one shape in colours readers may confuse (ΔE < 20; 15 colour-blind)",
    }),
}


@dataclass(frozen=True)
class Problem:
    """One problem at a place in a file; line 0 means the file as a whole.

    The severity comes from :data:`CODES`; it is given only where a code is also a warning.
    """

    path: str
    line: int
    code: str
    message: str
    severity: str = ""  # "error" or "warning"; from CODES when not given

    def __post_init__(self):
        entry = CODES.get(self.code)
        if entry is None:
            raise ValueError(f"problem code '{self.code}' is not registered in graph.data.problems.CODES")
        allowed = (entry.severity, "warning") if entry.also_warning else (entry.severity,)
        if not self.severity:
            object.__setattr__(self, "severity", entry.severity)
        elif self.severity not in allowed:
            raise ValueError(f"problem code '{self.code}' is registered as {entry.severity}, not {self.severity}")

    def __str__(self) -> str:
        tag = "warning: " if self.severity == "warning" else ""
        return printable(f"{self.path}:{self.line}: {tag}{self.message}")

    def as_dict(self) -> dict:
        return {"file": self.path, "line": self.line, "severity": self.severity,
                "code": self.code, "message": self.message}


def sort_problems(problems) -> list[Problem]:
    """Errors first, then warnings; each group in file order (actors before relations)."""
    def key(p: Problem):
        return (p.severity != "error", not p.path.endswith("actors.csv"), p.path, p.line)

    return sorted(problems, key=key)


def codes_markdown() -> str:
    """The README's table of problem codes, errors first, each group by code.

    >>> print(codes_markdown().splitlines()[0])
    | code | severity | meaning |
    """
    lines = ["| code | severity | meaning |", "|---|---|---|"]
    for code, entry in sorted(CODES.items(), key=lambda item: (item[1].severity != "error", item[0])):
        lines.append(f"| `{code}` | {entry.severity} | {entry.description} |")
        if entry.also_warning:
            lines.append(f"| `{code}` | warning | {entry.also_warning} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m graph.data.problems --markdown")
    sys.stdout.write(codes_markdown())
