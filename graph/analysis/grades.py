"""Grades of evidence, as intelligence analysts give them (the Admiralty or NATO system).

A source has a *reliability* A-F (sources.csv); a relation a *credibility* 1-6 (its
``credibility`` column) and the sources that support it (its ``sources`` column, ids
separated by ';'). The relation's grade is its best source's reliability and its
credibility, written together: ``B2``. A relation that names sources but no credibility
gets 6, one with a credibility but no source F: "cannot be judged". A relation with
neither is *ungraded* (grade ''). F and 6 fail any minimum, and so does no grade.
"""

from __future__ import annotations

import re

from graph.data.schema import CREDIBILITY, RELIABILITY
from graph.errors import GradeError

__all__ = ["RELIABILITY", "CREDIBILITY", "SCALE", "WEAK_BELOW", "parse_grade", "source_ids", "grade",
           "meets", "weak", "corroborated", "grade_levels", "tie_quality", "GradeError"]

SCALE = "Grade: source reliability A-E (A best), credibility 1-5 (1 confirmed elsewhere); F, 6: cannot be judged."
WEAK_BELOW = "C3"  # a graded tie that does not meet C3 is weakly graded
_CODE = re.compile(r"\s*([A-Fa-f])\s*([1-6])\s*\Z")


def parse_grade(text: str) -> tuple[str, str]:
    """('B', '3') from 'B3' or 'b3'; GradeError when it is no grade or cannot serve as a minimum.

    >>> parse_grade("b3")
    ('B', '3')
    """
    m = _CODE.match(text or "")
    if not m:
        raise GradeError(f"'{text}' is not a grade: a reliability A-E and a credibility 1-5, e.g. B3")
    reliability, credibility = m.group(1).upper(), m.group(2)
    if reliability == "F" or credibility == "6":
        raise GradeError(f"'{text}' cannot be a minimum: F and 6 mean 'cannot be judged' and fail any minimum;"
                         " use A-E and 1-5, e.g. B3")
    return reliability, credibility


def source_ids(cell: str) -> list[str]:
    """The distinct source ids of a ``sources`` cell, in their order: 'a; b;a' -> ['a', 'b']."""
    return list(dict.fromkeys(s.strip() for s in (cell or "").split(";") if s.strip()))


def grade(relation, sources: dict) -> str:
    """A relation's grade code ('B2'), or '' when it is ungraded.

    ``sources`` maps source id -> its row (with ``reliability``); the best reliability of
    the relation's known sources counts (an ungraded or unknown source counts as F).
    """
    cell, credibility = relation.get("sources") or "", (relation.get("credibility") or "").strip()
    if not cell and not credibility:
        return ""
    ids = source_ids(cell)
    if not ids and not credibility:
        return ""
    letters = [((sources.get(i) or {}).get("reliability") or "F").strip().upper() for i in ids]
    reliability = min((x for x in letters if x in RELIABILITY), default="F")
    return reliability + (credibility if credibility in CREDIBILITY else "6")


def meets(code: str, minimum: tuple[str, str] | None) -> bool:
    """Whether a grade code meets a minimum (from parse_grade); everything meets None."""
    if minimum is None:
        return True
    if len(code) != 2 or code[0] == "F" or code[1] == "6":
        return False
    return code[0] <= minimum[0] and code[1] <= minimum[1]


def weak(code: str) -> bool:
    """A graded tie below the usual threshold for acting on it (C3); ungraded ties are not 'weak'."""
    return bool(code) and not meets(code, parse_grade(WEAK_BELOW))


def corroborated(relation) -> bool:
    """Two or more distinct sources support the relation."""
    return len(source_ids(relation.get("sources", ""))) >= 2


def grade_levels(codes) -> list[str]:
    """The minimums worth testing on data with these grades: each code that can be a minimum, best last.

    >>> grade_levels(["B2", "B3", "F6", "", "B2"])
    ['B3', 'B2']
    """
    found = {c for c in codes if len(c) == 2 and c[0] != "F" and c[1] != "6"}
    return sorted(found, key=lambda c: (c[0], c[1]), reverse=True)


def tie_quality(relation, sources: dict) -> list[str]:
    """Why a tie is a weak basis for a finding: 'implied', 'recommended', 'planned', 'weakly graded B4'.

    Empty for a stated, actual tie with an adequate grade (or none).
    """
    out = []
    if (relation.get("confidence") or "") == "implied":
        out.append("implied")
    status = relation.get("status") or "actual"
    if status != "actual":
        out.append(status)
    code = grade(relation, sources)
    if weak(code):
        out.append(f"weakly graded {code}")
    return out
