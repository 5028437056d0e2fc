"""The data schema: CSV columns, and THE relation table a data set's relations use.

The built-in table holds the article's four kinds; a data set's ``kinds.csv``, when
present, replaces it as that data set's whole vocabulary (see graph.data.kinds).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from graph.data.hints import Hints

__all__ = [
    "ACTOR_COLUMNS",
    "RELATION_COLUMNS",
    "KIND_COLUMNS",
    "TYPE_COLUMNS",
    "POSITION_COLUMNS",
    "POLARITIES",
    "SOURCE_COLUMNS",
    "RELATIONS",
    "RelationKind",
    "Vocabulary",
    "CONFIDENCE_VALUES",
    "STATUS_VALUES",
    "status_of",
    "DATA_FILES",
    "SLUG_RE",
    "KIND_RE",
    "kinds_of",
    "slugify",
    "fold",
    "spelling_key",
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
    Column("since", False, "when the actor began (an operation launched, a group founded): the same forms as"
                           " relations' since"),
    Column("until", False, "when it ended (an operation closed, a group dissolved): the same forms"),
)

RELATION_COLUMNS = (
    Column("source", True, "actor id"),
    Column("relation", True, "a relation kind of the data set (by default trains, accompanies,"
                              " coordinates_with or part_of)"),
    Column("target", True, "actor id"),
    Column("evidence", False, "where it is stated: document and section (warned when empty)"),
    Column("note", False, "short paraphrase"),
    Column("confidence", False, "'stated' or 'implied'"),
    Column("status", False, "'actual' (blank means actual), 'planned' or 'recommended' (the source argues it"
                            " should exist)"),
    Column("since", False, "year (2019), month (2019-06 or 06/2019), ISO date (2020-08-18) or day first"
                              " (18/08/2020)"),
    Column("until", False, "the same forms as since"),
    Column("sources", False, "ids of sources.csv that support it, ';'-separated (two or more: corroborated)"),
    Column("credibility", False, "Admiralty credibility 1 (confirmed by other sources) to 5 (improbable);"
                                 " 6: cannot be judged"),
)

SOURCE_COLUMNS = (
    Column("id", True, "short key the relations' sources column uses (no ';')"),
    Column("title", True, "title of the document, report or interview"),
    Column("author", False, "who wrote or said it"),
    Column("published", False, "when: the same forms as since"),
    Column("url", False, "where to find it (http or https), shown as text, never loaded"),
    Column("reliability", False, "Admiralty reliability A (completely reliable) to E (unreliable);"
                                 " F or blank: cannot be judged"),
)

KIND_COLUMNS = (
    Column("kind", True, "the name used in relations.csv: lowercase letters, digits and '_'"),
    Column("label", False, "how it reads: 'source LABEL target' (default: the name, '_' as spaces)"),
    Column("inverse", False, "how it reads backwards: 'target INVERSE source' (e.g. 'trained by')"),
    Column("directed", False, "yes or no (default yes); no: the two actors are interchangeable"),
    Column("color", False, "line colour, #rrggbb"),
    Column("style", False, "solid, dashed or dotted (default solid)"),
    Column("polarity", False, "cooperative (the default), hostile or neutral: which network the kind belongs to"),
)

TYPE_COLUMNS = (
    Column("type", True, "an actor type as actors.csv writes it"),
    Column("label", False, "how the legend names it (default: the type)"),
    Column("color", False, "CSS hex (#rrggbb) or a CSS colour name (default: assigned, see the README)"),
    Column("shape", False, "dot, square, diamond, triangle, hexagon, triangleDown or star (default: assigned)"),
)

POSITION_COLUMNS = (
    Column("id", True, "an actor id of actors.csv"),
    Column("x", True, "its x in page px (right is larger)"),
    Column("y", True, "its y in page px (down is larger)"),
)

POLARITIES = ("cooperative", "hostile", "neutral")


@dataclass(frozen=True)
class RelationKind:
    """One kind of relation: how it reads, whether it has a direction, how it is drawn."""

    name: str
    label: str  # "source <label> target"
    inverse: str  # "target <inverse> source"
    directed: bool
    color: str
    style: str = "solid"  # solid, dashed or dotted
    polarity: str = "cooperative"  # cooperative, hostile or neutral (POLARITIES)

    @property
    def meaning(self) -> str:
        if self.directed:
            return f"source {self.label} target; target {self.inverse} source"
        return f"the two {self.label} each other (either order)"


def fold(text: str) -> str:
    """Text for matching what people type: no accents, no case.

    >>> fold("Forces Armées Maliennes"), fold("Algérie")
    ('forces armees maliennes', 'algerie')
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def spelling_key(text: str) -> str:
    """A spelling-insensitive key, the one kinds are matched by: no accents, case, or space/'-'/'_' difference.

    >>> spelling_key("Coordinates with"), spelling_key("opposés"), spelling_key("coordinates-with")
    ('coordinates_with', 'opposes', 'coordinates_with')
    """
    return re.sub(r"[\s\-_]+", "_", fold(text).strip())


class Vocabulary(dict):
    """The relation kinds of a data set by name, with the spellings and inverses people type.

    Built once and never changed, so it hashes by identity.
    """

    __hash__ = object.__hash__

    def __init__(self, kinds=()):
        super().__init__((k.name, k) for k in kinds)
        self._names = {}
        self._inverse = {}
        self._squeezed = {spelling_key(n).replace("_", ""): n for n in self}
        for k in self.values():
            for text in (k.name, k.label):
                self._names.setdefault(spelling_key(text), k.name)
            if k.directed and spelling_key(k.inverse) not in self._names:
                self._inverse.setdefault(spelling_key(k.inverse), k.name)

    def normalise(self, text: str) -> str | None:
        """The kind a spelling names, or None.

        >>> RELATIONS.normalise("Coordinates with"), RELATIONS.normalise("PART-OF")
        ('coordinates_with', 'part_of')
        """
        if text in self:  # the usual case, written as the kind's own name
            return text
        return self._names.get(spelling_key(text))

    def inverse_of(self, text: str) -> str | None:
        """The directed kind whose inverse wording this is ('trained by' -> 'trains'), or None."""
        return self._inverse.get(spelling_key(text))

    def of_polarity(self, *polarities: str) -> frozenset:
        """The names of the kinds of these polarities.

        >>> sorted(RELATIONS.of_polarity("cooperative"))
        ['accompanies', 'coordinates_with', 'part_of', 'trains']
        """
        return frozenset(n for n, k in self.items() if k.polarity in polarities)

    @property
    def signed(self) -> bool:
        """Whether some kind is hostile (a data set without hostile kinds is measured as it always was)."""
        return any(k.polarity == "hostile" for k in self.values())

    def suggest(self, text: str, hints: Hints | None = None) -> list[str]:
        """Kinds a mistyped name most likely meant ('partof' -> 'part_of'); ``hints``: a budget to draw on."""
        key = spelling_key(text)
        if key.replace("_", "") in self._squeezed:
            return [self._squeezed[key.replace("_", "")]]
        found = (hints or Hints()).close(key, self._names, n=3)
        return list(dict.fromkeys(self._names[f] for f in found))

    def listing(self, most: int = 12) -> str:
        """The kinds' names for a message: all of them, or the first ``most`` and how many more.

        >>> RELATIONS.listing(), RELATIONS.listing(2)
        ('trains, accompanies, coordinates_with, part_of', 'trains, accompanies and 2 more')
        """
        names = list(self)
        if not names:
            return "none; kinds.csv lists no kinds"
        return ", ".join(names) if len(names) <= most else f"{', '.join(names[:most])} and {len(names) - most} more"


RELATIONS = Vocabulary((
    RelationKind("trains", "trains", "trained by", True, "#d9480f"),
    RelationKind("accompanies", "accompanies", "accompanied by", True, "#7b2cbf"),
    RelationKind("coordinates_with", "coordinates with", "coordinates with", False, "#2b8a3e", "dashed"),
    RelationKind("part_of", "part of", "has part", True, "#495057"),
))

CONFIDENCE_VALUES = ("stated", "implied")
STATUS_VALUES = ("actual", "planned", "recommended")  # blank means actual

DATA_FILES = ("actors.csv", "relations.csv", "kinds.csv", "sources.csv", "types.csv", "positions.csv")

SLUG_RE = re.compile(r"[a-z0-9_-]+\Z")
KIND_RE = re.compile(r"[a-z][a-z0-9_]*\Z")


def status_of(relation) -> str:
    """A relation's status: 'actual' when blank."""
    return relation.get("status") or "actual"


def kinds_of(G) -> Vocabulary:
    """The relation vocabulary a graph was built with (the built-in kinds by default)."""
    return G.graph.get("kinds") or RELATIONS


def slugify(text: str) -> str:
    """A valid id made from free text, for suggestions.

    >>> slugify("Operation Barkhane (FR)")
    'operation_barkhane_fr'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_") or "actor"


def free_slug(base: str, taken) -> str:
    """``base``, or ``base_2``, ``base_3`` … : the first that is not in ``taken``.

    >>> free_slug("mali", {"mali", "mali_2"})
    'mali_3'
    """
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}_{n}"
    return slug


# The Admiralty (NATO) grading scales: reliability of a source, credibility of a relation.
RELIABILITY = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed by other sources", "2": "probably true", "3": "possibly true",
    "4": "doubtful", "5": "improbable", "6": "truth cannot be judged",
}
