"""Checks on the two tables; each check is a small function yielding Problems."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from datetime import date

from graph.data.dates import date_hint, parse_span
from graph.data.problems import Problem
from graph.data.resolve import ActorIndex, describe
from graph.data.schema import (
    CONFIDENCE_VALUES, CREDIBILITY, RELATIONS, RELIABILITY, SLUG_RE, SOURCE_COLUMNS, slugify, STATUS_VALUES,
    Vocabulary,
)
from graph.data.csvio import formula_like
from graph.data.hints import Hints

__all__ = ["check_actors", "resolve_names", "check_relations", "check_isolated", "check_actor_periods", "check_cells", "check_sources", "relation_key"]


def check_actors(rows, path: str):
    """Actor ids: valid slugs and unique."""
    seen: dict[str, int] = {}
    for row in rows:
        actor_id = row["id"]
        if not actor_id:
            continue
        if not SLUG_RE.match(actor_id):
            yield Problem(path, row.line, "bad-id",
                          f"id '{actor_id}' is not a valid slug (lowercase letters, digits, '_' and '-');"
                          f" try '{slugify(actor_id)}'")
        yield from _check_dates(row, path)
        if actor_id in seen:
            yield Problem(path, row.line, "duplicate-id",
                          f"duplicate actor id '{actor_id}' (first on line {seen[actor_id]})")
        else:
            seen[actor_id] = row.line


def check_sources(rows, path: str):
    """sources.csv: unique ids without ';', reliability A-F, a date for published, an http(s) url."""

    seen: dict[str, int] = {}
    for row in rows:
        source_id = row["id"]
        if source_id and ";" in source_id:
            yield Problem(path, row.line, "bad-source-id",
                          f"source id '{source_id}' holds ';', which separates ids in relations.csv")
        elif source_id in seen:
            yield Problem(path, row.line, "duplicate-source",
                          f"duplicate source id '{source_id}' (first on line {seen[source_id]})")
        elif source_id:
            seen[source_id] = row.line
        yield from _choice(row, path, "reliability", RELIABILITY,
                           "use A (completely reliable) to E (unreliable), or F (cannot be judged)")
        published = row.get("published", "")
        if published and parse_span(published) is None:
            yield _bad_date(row, path, "published")
        url = row.get("url", "")
        if url and not _URL.match(url):
            yield Problem(path, row.line, "bad-url",
                          f"url '{url[:60]}' must start with http:// or https:// and hold no spaces, <, > or \"")


_URL = re.compile(r"https?://[^\s<>\"]+\Z", re.IGNORECASE)


def check_relations(rows, actors, path: str, kinds: Vocabulary = RELATIONS, sources: dict | None = None,
                    sources_path: str | None = None):
    """Every per-row and whole-table check on relations.

    ``sources``: the ids of sources.csv ({} when there is none; None skips the check).
    """
    index = ActorIndex(actors, Hints())  # one budget of hints for the whole check
    seen: dict[tuple, _Periods] = {}
    part_of = []
    known = index.by_id
    fine = {column: {"", *allowed} for column, allowed in
            (("confidence", CONFIDENCE_VALUES), ("status", STATUS_VALUES), ("credibility", CREDIBILITY))}
    for row in rows:
        # each check runs where it can find something: a row of known ids, kind and values (most rows) skips them
        if row["relation"] not in kinds:
            yield from _check_relation_kind(row, path, kinds, index.hints)
        if row._typed or row["source"] not in known or row["target"] not in known or row["source"] == row["target"]:
            yield from _check_endpoints(row, index, path)
        if row["since"] or row["until"]:
            yield from _check_dates(row, path)
        if row["confidence"] not in fine["confidence"]:
            yield from _choice(row, path, "confidence", CONFIDENCE_VALUES,
                               f"allowed: {', '.join(CONFIDENCE_VALUES)}")
        if row["status"] not in fine["status"]:
            yield from _choice(row, path, "status", STATUS_VALUES,
                               f"allowed: {', '.join(STATUS_VALUES)} (blank means actual)")
        if row["credibility"] not in fine["credibility"] or row["sources"]:
            yield from _check_grade(row, path, sources, sources_path, index.hints)
        kind = row.get("relation")
        if kind in kinds and row["source"] and row["target"]:
            key = relation_key(row["source"], kind, row["target"], kinds)
            other = seen.setdefault(key, _Periods()).add(row)
            if other is not None:
                when = "" if not any(r[c] for r in (other, row) for c in ("since", "until")) else \
                    "; their periods overlap (rows of one tie need since/until that do not)"
                yield Problem(path, row.line, "duplicate-relation",
                              f"duplicate relation {row['source']} {kind} {row['target']}"
                              f" (first on line {other.line}){when}")
            if kind == "part_of" and row["source"] != row["target"]:
                part_of.append(row)
        if not row.get("evidence"):
            yield Problem(path, row.line, "no-evidence", "relation without evidence")
    yield from _check_part_of_cycles(part_of, path)


def relation_key(source: str, kind: str, target: str, kinds: Vocabulary = RELATIONS) -> tuple:
    """Identity of a tie; symmetric kinds ignore the order of the two actors."""
    if kind in kinds and not kinds[kind].directed and target < source:
        source, target = target, source
    return source, kind, target


def period(row) -> tuple:
    """The days a relation row covers: (first, last), open ends as None; None when a date is malformed."""
    since, until = row.get("since", ""), row.get("until", "")
    a = parse_span(since) if since else (None, None)
    b = parse_span(until) if until else (None, None)
    if a is None or b is None:
        return None
    return a[0], b[1]


class _Periods:
    """The rows of one tie kept so far, as disjoint periods sorted by start: a row's overlap is found by
    bisection, not by comparing it with every earlier row (20,000 dated rows of one tie took minutes)."""

    def __init__(self):
        self.starts, self.ends, self.rows = [], [], []

    def add(self, row):
        """The earliest-line kept row whose period overlaps ``row``'s (then ``row`` is not kept), else None."""
        p = period(row)
        if p is None:
            return None  # a malformed date is reported on its own
        lo, hi = p[0] or date.min, p[1] or date.max
        i, j = bisect_right(self.starts, hi), bisect_left(self.ends, lo)
        if j < i:  # kept periods j..i-1 start by hi and end from lo on
            return min(self.rows[j:i], key=lambda r: r.line)
        self.starts.insert(i, lo)
        self.ends.insert(i, hi)
        self.rows.insert(i, row)
        return None


def check_isolated(actors, relations, path: str):
    """Warn about actors that take part in no relation."""
    linked = {r[c] for r in relations for c in ("source", "target")}
    for a in actors:
        if a["id"] and a["id"] not in linked:
            yield Problem(path, a.line, "isolated-actor", f"actor '{a['id']}' has no relation")


def check_actor_periods(actors, relations, path: str):
    """Warn about ties in force while one of their actors is not: a tie's period reaching outside
    the since/until of actors.csv (an open end counts as reaching outside a closed one)."""
    periods = {a["id"]: period(a) for a in actors if a["id"] and (a.get("since") or a.get("until"))}
    for r in relations:
        tie = period(r)
        for end in ("source", "target"):
            actor = periods.get(r[end])
            if tie is None or actor is None:
                continue
            early = actor[0] is not None and (tie[0] is None or tie[0] < actor[0])
            late = actor[1] is not None and (tie[1] is None or tie[1] > actor[1])
            if early or late:
                when = f"since {r['since'] or '(open)'}" if early else f"until {r['until'] or '(open)'}"
                yield Problem(path, r.line, "outside-actor-period",
                              f"tie {r['source']} {r['relation']} {r['target']} is in force ({when}) while"
                              f" {r[end]} is not (its period: {_period_text(actors, r[end])})")
                break


def _period_text(actors, actor_id: str) -> str:
    row = next(a for a in actors if a["id"] == actor_id)
    return f"{row.get('since') or '…'} to {row.get('until') or '…'}"


def _check_relation_kind(row, path, kinds: Vocabulary, hints):
    raw = row.raw.get("relation", "")
    if not raw or row["relation"] in kinds:
        return
    inverse = kinds.inverse_of(raw)
    if inverse:
        yield Problem(path, row.line, "inverse-relation",
                      f"'{raw}' reads backwards: write the row as {row['target'] or 'TARGET'},{inverse},"
                      f"{row['source'] or 'SOURCE'} (source {kinds[inverse].label} target)")
        return
    hint = kinds.suggest(raw, hints)
    tail = f"; did you mean '{hint[0]}'?" if hint else ""
    yield Problem(path, row.line, "unknown-relation",
                  f"unknown relation '{raw}'{tail} (allowed: {kinds.listing()})")


def resolve_names(rows, actors) -> None:
    """Relations that name an actor by its name or an alias (one actor only) get its id; the text stays in raw.

    A spreadsheet user types names; the checks then warn (actor-by-name), and
    ``validate --fix`` writes the ids into the file.
    """
    index = ActorIndex(actors)
    for row in rows:
        for column in ("source", "target"):
            value = row[column]
            if value and value not in index.by_id:
                ids = index.named(value)
                if len(ids) == 1:
                    row._typed = {**row._typed, column: value}
                    row[column] = ids[0]


def _check_endpoints(row, index, path):
    for column in ("source", "target"):
        value = row[column]
        typed = row.raw.get(column, value)
        if typed != value and value in index.by_id:
            what = "the name" if index.is_name(typed, value) else "an alias"
            yield Problem(path, row.line, "actor-by-name",
                          f"'{typed}' in {column} is {what} of actor '{value}': write its id"
                          " (`actorgraph validate --fix` does)")
            continue
        ids = index.named(value) if value and value not in index.by_id else []
        if len(ids) > 1:
            names = ", ".join(describe(index.by_id[i]) for i in ids[:8])
            yield Problem(path, row.line, "ambiguous-actor",
                          f"'{value}' in {column} names {len(ids)} actors: {names}; write the id of one")
        elif value and value not in index.by_id:
            hint = index.closest(value)[:1]
            tail = f"; did you mean '{hint[0]}'?" if hint else ""
            yield Problem(path, row.line, "unknown-actor", f"unknown actor '{value}' in {column}{tail}")
    if row["source"] and row["source"] == row["target"]:
        yield Problem(path, row.line, "self-relation", f"actor '{row['source']}' is related to itself")


def _check_dates(row, path):
    spans = {}
    for column in ("since", "until"):
        value = row.get(column, "")
        if value:
            spans[column] = parse_span(value)
            if spans[column] is None:
                yield _bad_date(row, path, column)
    if spans.get("since") and spans.get("until") and spans["since"][0] > spans["until"][1]:
        yield Problem(path, row.line, "date-order",
                      f"since {row['since']} is after until {row['until']}")


def _choice(row, path: str, column: str, allowed, advice: str):
    """A value outside a column's allowed set, as typed, with what to use instead."""
    value = row.get(column, "")
    if value and value not in allowed:
        whole = value[:value.index(".")] if re.fullmatch(r"\d+\.0+", value) else None
        if whole in allowed:  # pandas writes a number column with blanks as floats
            advice = f"write {whole}, a whole number (pandas writes {value} for a column with empty cells)"
        yield Problem(path, row.line, f"bad-{column}", f"bad {column} '{row.raw.get(column)}'; {advice}")


def _bad_date(row, path: str, column: str) -> Problem:
    return Problem(path, row.line, "bad-date", f"malformed or impossible date '{row.get(column)}' in {column};"
                                               f" {date_hint(row.get(column, ''), cell=True)}")


def _check_grade(row, path, sources, sources_path, hints):
    yield from _choice(row, path, "credibility", CREDIBILITY,
                       "use 1 (confirmed by other sources) to 5 (improbable), or 6 (cannot be judged)")
    cell = row.get("sources", "")
    if not cell or sources is None:
        return
    ids = [s.strip() for s in cell.split(";") if s.strip()]
    for source_id in dict.fromkeys(ids):
        if source_id not in sources:
            if not sources_path:
                header = ",".join(c.name for c in SOURCE_COLUMNS)
                where = f"there is no sources.csv in the data folder: add one, with the header {header}"
            else:
                hint = hints.close(source_id, sources, cutoff=0.6)
                where = f"not an id in {sources_path}" + (f"; did you mean '{hint[0]}'?" if hint else "")
            yield Problem(path, row.line, "unknown-source", f"unknown source '{source_id}': {where}")
    if len(ids) != len(set(ids)):
        yield Problem(path, row.line, "duplicate-source",
                      "a source is listed twice in sources; it counts once", "warning")


def _check_part_of_cycles(rows, path):
    """Each cycle of part_of once, reported on the line of its last-written relation."""
    succ = defaultdict(list)
    line_of = {}
    for row in rows:
        succ[row["source"]].append(row["target"])
        line_of.setdefault((row["source"], row["target"]), row.line)
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    reported = set()
    for root in list(succ):
        if state.get(root):
            continue
        stack = [(root, iter(succ[root]))]
        on_path = [root]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = on_path[on_path.index(child):]
                canon = tuple(sorted(cycle))
                if canon not in reported:
                    reported.add(canon)
                    edges = list(zip(cycle, cycle[1:] + cycle[:1]))
                    line = max(line_of[e] for e in edges)
                    text = " -> ".join(cycle + [cycle[0]])
                    yield Problem(path, line, "part-of-cycle", f"part_of cycle: {text}")
            elif not state.get(child):
                state[child] = 1
                stack.append((child, iter(succ.get(child, ()))))
                on_path.append(child)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# what any cell of a row, its cells joined by newlines, must hold for check_cells to say something: a control
# character, a cell starting like a formula, or a separator then a formula start (see csvio.formula_like)
_SUSPECT = re.compile(r'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|(?:^|\n)[=+\-@\t\r]|[;,\t]"*[=+\-@]')


ONE_LINE = ("name", "type", "aliases", "label", "kind", "title")  # shown as one line: a label, a legend entry


def check_cells(rows, path: str):
    """Warn about values a spreadsheet would run as a formula, about control characters, and about line
    breaks in values shown on one line (names, types, labels)."""
    for row in rows:
        if "\n" in row.record.raw or "\r" in row.record.raw:  # only a quoted cell can hold a line break
            for column in ONE_LINE:
                if "\n" in row.get(column, "") or "\r" in row.get(column, ""):
                    yield Problem(path, row.line, "line-break",
                                  f"{column} holds a line break; it is shown on one line (a map label, a legend"
                                  " entry): write it on one line")
    yield from _cell_text(rows, path)


def _cell_text(rows, path: str):
    """Warnings for values a spreadsheet would run as a formula, and for control characters."""
    if not _SUSPECT.search("\n".join(v for row in rows for v in row.raw.values())):
        return  # one search of the whole table: most tables hold nothing to say
    for row in rows:
        if not _SUSPECT.search("\n".join(row.raw.values())):  # then one per row
            continue
        for column, value in row.raw.items():
            if not value:
                continue
            bad = _CONTROL.search(value)
            if bad is not None:
                yield Problem(path, row.line, "control-character",
                              f"{column} holds the control character U+{ord(bad.group()):04X}")
            elif (start := formula_like(value)) is not None:
                if len(start) == 1:
                    message = (f"{column} starts with '{start}': a spreadsheet may run '{value[:20]}' as a formula"
                               " (exports guard it with an apostrophe)")
                else:
                    sep = "TAB" if start[0] == "\t" else f"'{start[0]}'"
                    message = (f"{column} holds {sep} then '{start[1]}': a spreadsheet that splits cells on {sep}"
                               f" may run what follows as a formula (exports guard and quote it)")
                yield Problem(path, row.line, "formula-like", message)
