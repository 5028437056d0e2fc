"""Facts said in words: what a view's restrictions left out, as the banner, pictures and reports say it."""

from __future__ import annotations

from graph.analysis.build import Restriction, restrictions

__all__ = ["count", "restriction_text", "view_notes", "left_out"]


def count(n: int, word: str) -> str:
    """``n`` and the word, plural when n is not 1.

    >>> count(1, "relation"), count(3, "actor")
    ('1 relation', '3 actors')
    """
    return f"{n} {word}{'s' * (n != 1)}"


def restriction_text(r: Restriction) -> str:
    """One restriction in words.

    >>> restriction_text(Restriction("as_of", ("2019",), relations=4))
    'as of 2019: 4 relations not valid on that date left out'
    """
    if r.what == "statuses":
        left = ", ".join(f"{n} {s}" for s, n in r.by_status)
        return f"only {', '.join(r.values)} ties: {left} left out"
    if r.what == "without":
        return f"without {', '.join(r.values)}: {count(r.actors, 'actor')} and {count(r.relations, 'relation')} left out"
    if r.what == "relations":
        return f"only {', '.join(r.values)} relations: {count(r.relations, 'other')} left out"
    if r.what == "as_of":
        return f"as of {r.values[0]}: {count(r.relations, 'relation')} not valid on that date left out"
    if r.what == "confidence":
        weaker = "with no confidence given" if len(r.values) > 1 else "implied or with no confidence given"
        return f"only {' or '.join(r.values)} ties: {count(r.relations, 'relation')} {weaker} left out"
    if r.what == "min_grade":
        return (f"only ties graded {r.values[0]} or better: {count(r.relations, 'relation')} graded lower"
                " or not at all left out")
    if r.what == "ties":
        left = " and ".join(f"{n} {p}" for p, n in r.by_status)
        network = {"cooperative": "the cooperation network", "hostile": "the hostile ties"}[r.values[0]]
        return (f"measured on {network} only: {left} {'tie' if r.relations == 1 else 'ties'} left out"
                " (--ties all to include them)")
    if r.what == "focus":
        return (f"around {r.values[0]}, {count(r.depth, 'step')} out: {count(r.actors, 'actor')} and"
                f" {count(r.relations, 'relation')} left out")
    raise ValueError(f"unknown restriction {r.what!r}")


def view_notes(G) -> list[str]:
    """What G's view leaves out, one sentence per restriction."""
    return [restriction_text(r) for r in restrictions(G)]


def left_out(G) -> list[str]:
    """Everything G's view leaves out: its restrictions, and the planned or recommended ties it hides."""
    notes = view_notes(G)
    hidden = G.graph.get("hidden") or {}
    if hidden:
        notes.append("actual ties only: " + ", ".join(f"{c} {s}" for s, c in sorted(hidden.items()))
                     + " ties left out (--status to include them)")
    return notes
