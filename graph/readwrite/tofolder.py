"""Turn an imported file (see graph.readwrite.common.Imported) into a data folder in actorgraph's schema."""

from __future__ import annotations

import re

from .common import Imported
from graph.analysis.grades import CREDIBILITY
from graph.data.dates import parse_span
from graph.data.kinds import hostile_wording, LINE_COLOURS
from graph.data.schema import (
    CONFIDENCE_VALUES, KIND_RE, RelationKind, RELATIONS, SLUG_RE, free_slug, slugify, SOURCE_COLUMNS, STATUS_VALUES,
    Vocabulary,
)
from graph.data.validate import relation_key
from graph.output.tables import csv_text

__all__ = ["to_files"]

ACTOR_CORE = ("id", "name", "type", "description", "aliases")
RELATION_CORE = ("source", "relation", "target", "evidence", "note", "confidence", "status", "since", "until",
                 "sources", "credibility")
TYPE_NAMES = ("type", "category", "group", "kind", "class")
UNKNOWN_TYPE = "unknown"
DEFAULT_KIND = "related_to"


def _column(name: str) -> str:
    """An attribute name as a CSV column: lowercase, spaces as '_', no separator characters."""
    clean = re.sub(r"[\s,;\"]+", "_", str(name).strip()).strip("_").lower()
    return clean or "attribute"


# other tools' names for a period's ends (after _column): read as since/until when they hold a date
PERIOD_NAMES = {"since": ("start_date", "start", "begin", "from_date", "valid_from"),
                "until": ("end_date", "end", "to_date", "valid_to", "valid_until")}


def _period(attrs: dict, item: dict, notes: list) -> None:
    """since/until of an actor or relation in ``attrs``: its own columns, else the file's start and end
    (GEXF spells), else a start/end date field of another tool; values actorgraph cannot read are kept
    in original_since/original_until."""
    for column, given in (("since", item.get("start")), ("until", item.get("end"))):
        if not attrs.get(column) and given:
            attrs[column] = str(given)[:10]  # a GEXF datetime: its day
        if not attrs.get(column):
            other = next((n for n in PERIOD_NAMES[column] if attrs.get(n) and parse_span(attrs[n][:10])), None)
            if other:
                attrs[column] = attrs.pop(other)[:10]
                notes.append(f"'{other}' read as {column}")
        value = attrs.get(column, "")
        if value and parse_span(value) is None:
            attrs[f"original_{column}"] = attrs.pop(column)
            notes.append(f"{column} values actorgraph cannot read are kept in a column original_{column}")


def _unique_ids(imported: Imported) -> dict[str, str]:
    """Each original actor id -> a valid, unique slug (the original becomes an alias when it changes)."""

    out, taken = {}, set()
    for a in imported.actors:
        original = a["id"]
        if original in out:
            continue
        if SLUG_RE.match(original or "") and not original.isdigit():
            base = original
        else:  # numbers (Gephi, Cytoscape) say nothing: a readable id from the name when there is one
            base = slugify(a.get("label") or original or "actor")
        slug = free_slug(base, taken)
        taken.add(slug)
        out[original] = slug
    return out


def to_files(imported: Imported) -> tuple[dict[str, str], list[str]]:
    """The data folder's files as text (actors.csv, relations.csv, kinds.csv and sources.csv when needed),
    and what could not be mapped."""

    notes = list(imported.notes)
    listed = {a["id"] for a in imported.actors}
    unlisted = list(dict.fromkeys(e for r in imported.relations for e in (r["source"], r["target"])
                                  if e and e not in listed))
    if unlisted:  # relations may name actors the file never lists
        imported.actors += [{"id": e, "label": None, "attrs": {}} for e in unlisted]
        notes.append(f"{len(unlisted)} actor{'s' * (len(unlisted) != 1)} named only in relations"
                     f" ({', '.join(unlisted[:5])}{', ...' if len(unlisted) > 5 else ''}): added with the id as name")
    ids = _unique_ids(imported)
    actors, extra_a = _actors(imported, ids, notes)
    vocabulary, kind_of, custom = _kinds(imported, notes)
    relations, extra_r = _relations(imported, ids, kind_of, vocabulary, notes)
    files = {"actors.csv": csv_text([list(ACTOR_CORE) + extra_a] + [[row.get(c, "") for c in ACTOR_CORE + tuple(extra_a)]
                                                                   for row in actors], guard=False),
             "relations.csv": csv_text([list(RELATION_CORE) + extra_r] +
                                       [[row.get(c, "") for c in RELATION_CORE + tuple(extra_r)] for row in relations],
                                       guard=False)}
    if custom:
        from graph.data.kinds import kinds_text

        files["kinds.csv"] = kinds_text(vocabulary)
    cited = list(dict.fromkeys(s.strip() for r in relations for s in r.get("sources", "").split(";") if s.strip()))
    if cited or imported.sources:
        files["sources.csv"] = _sources(imported, cited, notes)
    return files, list(dict.fromkeys(notes))


def _actors(imported: Imported, ids: dict, notes: list) -> tuple[list[dict], list[str]]:
    rows, extra, done = [], {}, set()
    for a in imported.actors:
        slug = ids[a["id"]]
        if slug in done:
            notes.append(f"actor '{a['id']}' is listed twice: the first is kept")
            continue
        done.add(slug)
        attrs = {_column(k): (v or "").strip() for k, v in a["attrs"].items()}
        row = {"id": slug, "name": (a.get("label") or attrs.pop("name", "") or a["id"] or slug).strip()}
        attrs.pop("name", None)
        kind = next((attrs.pop(k) for k in TYPE_NAMES if attrs.get(k)), "")
        attrs.pop("type", None)
        row["type"] = kind or UNKNOWN_TYPE
        if not kind:
            notes.append(f"actors without a type get '{UNKNOWN_TYPE}'")
        row["description"] = attrs.pop("description", "")
        _period(attrs, a, notes)
        aliases = [x.strip() for x in attrs.pop("aliases", "").split(";") if x.strip()]
        if a["id"] and a["id"] not in (slug, row["name"]) and a["id"] not in aliases:
            aliases.append(a["id"])  # the original id stays findable
        row["aliases"] = ";".join(aliases)
        for k, v in attrs.items():
            if k in ACTOR_CORE:
                continue
            extra.setdefault(k, None)
            row[k] = v
        rows.append(row)
    return rows, list(extra)


def _kinds(imported: Imported, notes: list):
    """The vocabulary, a map from the file's relation types to kind names, and whether kinds.csv is needed."""

    given = []
    for k in imported.kinds:
        try:
            given.append(RelationKind(str(k["kind"]), str(k.get("label") or k["kind"]),
                                      str(k.get("inverse") or k.get("label") or k["kind"]), bool(k.get("directed", True)),
                                      str(k.get("color") or "#495057").lower(), str(k.get("style") or "solid")))
        except (KeyError, TypeError):
            notes.append("the file's table of relation kinds is incomplete: kinds are taken from the relations")
            given = []
            break
    base = Vocabulary(given) if given else RELATIONS
    kinds = dict(base)
    kind_of: dict[tuple, tuple[str, bool]] = {}  # (type text, direction) -> (kind, reversed)
    new: dict[str, list] = {}
    hostile_kinds: list[str] = []
    for r in imported.relations:
        text = (r.get("type") or "").strip()
        key = (text, r.get("directed"))
        if key in kind_of:
            continue
        vocabulary = Vocabulary(kinds.values())
        name = vocabulary.normalise(text) if text else None
        if name:
            kind_of[key] = (name, False)
            continue
        inverse = vocabulary.inverse_of(text) if text else None
        if inverse:
            kind_of[key] = (inverse, True)
            continue
        slug = slugify(text or DEFAULT_KIND).replace("-", "_")
        if not KIND_RE.match(slug):
            slug = f"k_{slug}"
        if slug not in kinds:
            label = r.get("label") if r.get("label") and r.get("label") != text else (text or "related to")
            edges = [x for x in imported.relations if (x.get("type") or "").strip() == text]
            directed = any(x.get("directed") is not False for x in edges)
            colours = {x.get("color") for x in edges if x.get("color")}
            styles = {x.get("style") for x in edges if x.get("style")}
            colour = colours.pop() if len(colours) == 1 else LINE_COLOURS[len(kinds) % len(LINE_COLOURS)]
            style = styles.pop() if len(styles) == 1 else "solid"
            hostile = hostile_wording(text, label)
            kinds[slug] = RelationKind(slug, label.replace("_", " ") if label == slug else label,
                                       f"{label} (reverse)" if directed else label, directed,
                                       colour if re.match(r"#[0-9a-f]{6}\Z", colour or "") else "#495057", style,
                                       "hostile" if hostile else "cooperative")
            new[slug] = [text]
            if hostile:
                hostile_kinds.append(slug)
        kind_of[key] = (slug, False)
    if new:
        notes.append("relation types added to kinds.csv: " + ", ".join(
            f"{k} ({', '.join(repr(t) for t in v if t) or 'no type given'})" for k, v in new.items()))
    if hostile_kinds:
        notes.append(f"relation types that read as hostility marked polarity 'hostile' in kinds.csv"
                     f" ({', '.join(hostile_kinds)}): measures leave them out of the cooperation network; check them")
    used = {k for k, _ in kind_of.values()}
    vocabulary = Vocabulary(k for n, k in kinds.items() if n in used or given)
    custom = any(k != RELATIONS.get(n) for n, k in vocabulary.items())
    return vocabulary, kind_of, custom


def _relations(imported: Imported, ids: dict, kind_of: dict, vocabulary, notes: list):
    rows, extra, seen, turned = [], {}, set(), {}
    checks = {"confidence": lambda v: v.lower() in CONFIDENCE_VALUES, "status": lambda v: v.lower() in STATUS_VALUES,
              "credibility": lambda v: v in CREDIBILITY}
    for r in imported.relations:
        source, target = ids.get(r["source"]), ids.get(r["target"])
        if not source or not target:
            notes.append("relations without a source or target are left out")
            continue
        kind, backwards = kind_of[((r.get("type") or "").strip(), r.get("directed"))]
        if backwards:  # turned round as add-relation does, and said so below
            turned.setdefault((r.get("type") or "").strip(), []).append(f"{target} {kind} {source}")
            source, target = target, source
        if source == target:
            notes.append(f"relations of an actor with itself are left out ({source})")
            continue
        attrs = {_column(k): ("" if v is None else str(v)).strip() for k, v in r["attrs"].items()}
        for k in ("source", "target", "relation"):
            attrs.pop(k, None)
        _period(attrs, r, notes)
        for column, ok in checks.items():
            value = attrs.get(column, "")
            if value and not ok(value):
                attrs[f"original_{column}"] = attrs.pop(column)
                notes.append(f"{column} values actorgraph cannot read are kept in a column original_{column}")
        key = relation_key(source, kind, target, vocabulary) + (attrs.get("since", ""), attrs.get("until", ""))
        if key in seen:
            notes.append("repeated relations (same actors, kind and dates) are kept once")
            continue
        seen.add(key)
        row = {"source": source, "relation": kind, "target": target}
        for k, v in attrs.items():
            if k not in RELATION_CORE:
                extra.setdefault(k, None)
            row[k] = v
        rows.append(row)
    weighted = [c for c in extra if c in ("weight", "weights", "value", "strength")]
    if weighted:
        notes.append(f"relations.csv keeps the column {weighted[0]}, which no measure reads: actorgraph counts every"
                     " tie as 1")
    for wording, ties in turned.items():
        notes.append(f"'{wording}' reads backwards: {len(ties)} tie{'s' * (len(ties) != 1)} recorded the right way"
                     f" round ({ties[0]}{', ...' if len(ties) > 1 else ''})")
    return rows, list(extra)


def _sources(imported: Imported, cited: list[str], notes: list) -> str:
    columns = [c.name for c in SOURCE_COLUMNS]
    given = {str(s.get("id")): s for s in imported.sources if s.get("id")}
    rows = [[str(given[s].get(c, "")) if c != "id" else s for c in columns] for s in given]
    missing = [s for s in cited if s not in given]
    if missing:
        rows += [[s, s] + [""] * (len(columns) - 2) for s in missing]
        notes.append(f"sources.csv: {len(missing)} source id{'s' * (len(missing) != 1)} without title or reliability"
                     " (the file does not carry them): fill them in")
    return csv_text([columns] + rows, guard=False)
