"""The data schema: CSV columns and THE relation table."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "ACTOR_COLUMNS",
    "RELATION_COLUMNS",
    "RELATIONS",
    "RelationKind",
    "CONFIDENCE_VALUES",
    "DATA_FILES",
    "SLUG_RE",
    "normalise_relation",
    "kinds_of",
    "slugify",
]


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    meaning: str


ACTOR_COLUMNS = (
    Column("id", True, "unique key, lowercase slug [a-z0-9_-]+, used in relations.csv"),
    Column("name", True, "display name"),
    Column("type", True, "category, free text (e.g. 'UN mission', 'state')"),
    Column("description", False, "one line, in your own words"),
    Column("aliases", False, "other names and acronyms, ';'-separated"),
)

RELATION_COLUMNS = (
    Column("source", True, "actor id"),
    Column("relation", True, "trains, accompanies, coordinates_with or part_of"),
    Column("target", True, "actor id"),
    Column("evidence", False, "where it is stated: document and section (warned when empty)"),
    Column("note", False, "short paraphrase"),
    Column("confidence", False, "'stated' or 'implied'"),
    Column("since", False, "year (2019), year-month (2019-06) or ISO date (2020-08-18)"),
    Column("until", False, "year, year-month or ISO date"),
)


@dataclass(frozen=True)
class RelationKind:
    """One kind of relation: how it reads, whether it has a direction, how it is drawn."""

    name: str
    label: str  # "source <label> target"
    inverse: str  # "target <inverse> source"
    directed: bool
    color: str
    dashes: bool
    meaning: str


RELATIONS: dict[str, RelationKind] = {
    k.name: k
    for k in (
        RelationKind("trains", "trains", "trained by", True, "#d9480f", False,
                     "source trains target's personnel"),
        RelationKind("accompanies", "accompanies", "accompanied by", True, "#7b2cbf", False,
                     "source accompanies target in operations"),
        RelationKind("coordinates_with", "coordinates with", "coordinates with", False,
                     "#2b8a3e", True, "the two coordinate or work together (symmetric)"),
        RelationKind("part_of", "part of", "has part", True, "#495057", False,
                     "source is a component, unit or member of target"),
    )
}

CONFIDENCE_VALUES = ("stated", "implied")

DATA_FILES = ("actors.csv", "relations.csv", "kinds.csv", "sources.csv")

SLUG_RE = re.compile(r"[a-z0-9_-]+\Z")


def kinds_of(G) -> dict[str, RelationKind]:
    """The relation vocabulary a graph was built with (the built-in kinds by default)."""
    return G.graph.get("kinds") or RELATIONS


def normalise_relation(text: str) -> str | None:
    """Map a spelling variant to its relation name, or None when unknown.

    >>> normalise_relation("Coordinates with"), normalise_relation("PART-OF")
    ('coordinates_with', 'part_of')
    """
    key = re.sub(r"[\s\-_]+", "_", text.strip().lower())
    return key if key in RELATIONS else None


def slugify(text: str) -> str:
    """A valid id made from free text, for suggestions.

    >>> slugify("Operation Barkhane (FR)")
    'operation_barkhane_fr'
    """
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_") or "actor"
