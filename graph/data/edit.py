"""Edit the data set: change records in memory, validate the result, then commit atomically.

Only the records an edit touches are re-written; every other record keeps its
raw text, so files keep their encoding, delimiter, line endings, quoting and
column order, and ``git diff`` shows just the edit.
"""

from __future__ import annotations

import dataclasses
import difflib
import os

from graph.data.csvio import ENCODING_NAMES, CsvFile, Record, encode_text
from graph.data.journal import commit
from graph.data.load import (ACTORS_FILE, Dataset, display_path, from_files, KINDS_FILE, load_dataset, POSITIONS_FILE,
                             RELATIONS_FILE, SOURCES_FILE, TYPES_FILE)
from graph.data.positions import format_number, parse_number
from graph.data.kinds import resolve_kind
from graph.data.problems import DataError, Problem
from graph.data.schema import SLUG_RE, fold, free_slug, slugify
from graph.data.validate import relation_key
from graph.errors import EditRefused, Hint
from graph.data.dates import parse_span
from graph.data.lock import folder_lock

__all__ = ["Editor", "edit_folder"]


class Editor:
    """A pending change to a data set; nothing is written before :meth:`save`.

    The loaded files are never modified: a changed record is replaced by a new
    one (copy on write), so an edit costs one pass over the files, not a copy.
    """

    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.folder = dataset.folder
        self.originals = {ACTORS_FILE: dataset.actors_file, RELATIONS_FILE: dataset.relations_file}
        if dataset.types_file is not None:
            self.originals[TYPES_FILE] = dataset.types_file
        if dataset.positions_file is not None:
            self.originals[POSITIONS_FILE] = dataset.positions_file
        self.files = {name: dataclasses.replace(f, records=list(f.records)) for name, f in self.originals.items()}
        self.index = dataset.index
        self.messages: list[str] = []
        self._dirty: set[str] = set()
        self._positions: dict[str, dict[int, int]] = {}
        self._bytes: dict[str, bytes] | None = None

    # ---- looking things up ---------------------------------------------------------------------
    def actor_id(self, text: str) -> str:
        """The id of the actor ``text`` names; ActorNotFound (with suggestions) otherwise."""
        return self.index.resolve(text)

    def _rows(self, name: str):
        f = self.files[name]
        cols = f.columns
        for rec in f.records:
            if not rec.blank:
                yield rec, {c: (rec.cells[i].strip() if i < len(rec.cells) else "") for i, c in enumerate(cols)}

    def _actor_record(self, actor_id: str) -> Record:
        return next(rec for rec, v in self._rows(ACTORS_FILE) if v.get("id") == actor_id)

    def relations_of(self, actor_id: str) -> list[tuple[Record, dict]]:
        return [(rec, v) for rec, v in self._rows(RELATIONS_FILE)
                if actor_id in (v.get("source"), v.get("target"))]

    # ---- changes ------------------------------------------------------------------------------
    def add_actor(self, actor_id: str, values: dict) -> None:
        if "id" in values:
            raise EditRefused("give the id as the first argument, not as a column value", field="id")
        if not SLUG_RE.match(actor_id):
            raise EditRefused(f"id '{actor_id}' is not a valid slug (lowercase letters, digits, '_' and '-');"
                              f" try '{free_slug(slugify(actor_id), self.index.by_id)}'", field="id")
        if actor_id in self.index.by_id:
            raise EditRefused(f"actor '{actor_id}' already exists ({self.index.by_id[actor_id]['name']})", field="id")
        self._append(ACTORS_FILE, {"id": actor_id, **values})
        self.messages.append(f"added actor '{actor_id}' ({values.get('name', '')})")

    def add_relation(self, source: str, kind: str, target: str, values: dict) -> None:
        taken = sorted({"source", "relation", "target"} & set(values))
        if taken:
            raise EditRefused(f"give {', '.join(taken)} as arguments, not as column values", field=taken[0])
        source, kind, target = self._tie(source, kind, target)
        self._append(RELATIONS_FILE, {"source": source, "relation": kind, "target": target, **values})
        self.messages.append(f"added relation {source} {kind} {target}")

    def remove_relation(self, source: str, kind: str, target: str, since: str | None = None) -> None:
        rec, v = self._relation_record(source, kind, target, since)
        self._delete(RELATIONS_FILE, [rec])
        self.messages.append(f"removed relation {v['source']} {v['relation']} {v['target']} (line {rec.line})")

    def set_relation(self, source: str, kind: str, target: str, values: dict, since: str | None = None) -> None:
        """Change fields of one relation row in place (``since`` picks the row when a tie has several)."""
        taken = sorted({"source", "relation", "target"} & set(values))
        if taken:
            raise EditRefused(f"{', '.join(taken)} cannot be set; remove the relation and add the new one",
                              field=taken[0])
        if not values:
            raise EditRefused("nothing to change", hint=Hint("give", tuple((name, None) for name in (
                "evidence", "note", "confidence", "since", "until", "source", "credibility", "status", "set"))))
        rec, v = self._relation_record(source, kind, target, since)
        if not self._set(RELATIONS_FILE, rec, values):
            raise EditRefused(f"relation {v['source']} {v['relation']} {v['target']} (line {rec.line}) already has"
                              " those values")
        self.messages.append(f"updated relation {v['source']} {v['relation']} {v['target']} (line {rec.line}):"
                             f" {', '.join(sorted(values))}")

    def _tie(self, source: str, kind: str, target: str) -> tuple[str, str, str]:
        """Actor ids and kind name; inverse wording ('trained by') turns the tie round, and says so."""
        name, backwards = resolve_kind(self.dataset.kinds, kind, field="relation")
        if backwards:
            source, target = target, source
            self.messages.append(f"'{kind}' reads backwards: recorded as {self.actor_id(source)} {name}"
                                 f" {self.actor_id(target)}")
        return self.actor_id(source), name, self.actor_id(target)

    def _relation_record(self, source: str, kind: str, target: str, since: str | None):
        """The one relation row a command names; with several rows for the tie, ``since`` picks one."""

        kinds = self.dataset.kinds
        source, kind, target = self._tie(source, kind, target)
        key = relation_key(source, kind, target, kinds)
        found = [(rec, v) for rec, v in self._rows(RELATIONS_FILE)
                 if (norm := kinds.normalise(v.get("relation", "")))
                 and relation_key(v.get("source", ""), norm, v.get("target", ""), kinds) == key]
        if since is not None:
            wanted = parse_span(since)
            found = [(rec, v) for rec, v in found
                     if v.get("since", "") == since or (wanted and v.get("since") and parse_span(v["since"]) == wanted)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            rows = "; ".join(f"line {rec.line}: since {v.get('since') or '(open)'}, until {v.get('until') or '(open)'}"
                             for rec, v in found)
            raise EditRefused(f"{source} {kind} {target} has {len(found)} rows ({rows})", field="row_since",
                              hint=Hint("pick one with", (("row_since", next(
                                  (v["since"] for _, v in found if v.get("since")), "DATE")),)))
        between = [f"{v['source']} {v['relation']} {v['target']}" for _, v in self._rows(RELATIONS_FILE)
                   if {v.get("source"), v.get("target")} == {source, target}]
        hint = f"; between them: {', '.join(between)}" if between else ""
        when = f" since {since}" if since is not None else ""
        raise EditRefused(f"no relation {source} {kind} {target}{when}{hint}")

    def fix_names(self) -> int:
        """Write the id where a relation names an actor by its name or alias (one cell each); how many rows."""
        fixed = 0
        for row in self.dataset.relations:
            cells = {c: row[c] for c in ("source", "target") if row.raw.get(c) != row[c] and row[c] in self.index.by_id}
            if cells and self._set(RELATIONS_FILE, row.record, cells):
                fixed += 1
                self.messages.append(f"{self.files[RELATIONS_FILE].display}:{row.line}: "
                                     + ", ".join(f"{c} '{row.raw[c]}' -> '{v}'" for c, v in cells.items()))
        if not fixed:
            self.messages.append("no relation names an actor by its name or alias: nothing to fix")
        return fixed

    def remove_actor(self, actor: str, cascade: bool = False) -> None:
        actor_id = self.actor_id(actor)
        linked = self.relations_of(actor_id)
        if linked and not cascade:
            shown = "; ".join(f"line {rec.line}: {v['source']} {v['relation']} {v['target']}"
                              for rec, v in linked[:10])
            more = f"; and {len(linked) - 10} more" if len(linked) > 10 else ""
            raise EditRefused(f"actor '{actor_id}' is named by {len(linked)} relation"
                              f"{'s' * (len(linked) != 1)} ({shown}{more}); remove them first",
                              field="cascade", hint=Hint("or use", (("cascade", None),)))
        self.messages += [f"removed relation {v['source']} {v['relation']} {v['target']} (line {rec.line})"
                          for rec, v in linked]
        self._delete(RELATIONS_FILE, [rec for rec, _ in linked])
        self._delete(ACTORS_FILE, [self._actor_record(actor_id)])
        if POSITIONS_FILE in self.files:
            self._delete(POSITIONS_FILE, [rec for rec, v in self._rows(POSITIONS_FILE) if v.get("id") == actor_id])
        self.messages.append(f"removed actor '{actor_id}'")

    def rename_actor(self, actor: str, new_id: str) -> None:
        old = self.actor_id(actor)
        if not SLUG_RE.match(new_id):
            raise EditRefused(f"id '{new_id}' is not a valid slug (lowercase letters, digits, '_' and '-');"
                              f" try '{free_slug(slugify(new_id), self.index.by_id)}'", field="new_id")
        if new_id == old:
            raise EditRefused(f"the id of actor '{old}' is '{new_id}' already", field="new_id")
        if new_id in self.index.by_id:
            raise EditRefused(f"actor '{new_id}' already exists ({self.index.by_id[new_id]['name']})",
                              field="new_id")
        self._set(ACTORS_FILE, self._actor_record(old), {"id": new_id})
        changed = 0
        for rec, v in self.relations_of(old):
            self._set(RELATIONS_FILE, rec, {c: new_id for c in ("source", "target") if v.get(c) == old})
            changed += 1
        if POSITIONS_FILE in self.files:  # a leftover row of a removed actor of that id: it goes
            self._delete(POSITIONS_FILE, [rec for rec, v in self._rows(POSITIONS_FILE) if v.get("id") == new_id])
        for rec, v in list(self._rows(POSITIONS_FILE)) if POSITIONS_FILE in self.files else ():
            if v.get("id") == old:
                self._set(POSITIONS_FILE, rec, {"id": new_id})
        self.messages.append(f"renamed actor '{old}' to '{new_id}' (and in {changed} relation"
                             f"{'s' * (changed != 1)})")

    def rename_type(self, old: str, new: str) -> None:
        """Change an actor type in actors.csv and, when listed there, in types.csv (one edit)."""
        new = new.strip()
        if not new:
            raise EditRefused("the new type is empty", field="new_type")
        types = list(dict.fromkeys([a["type"] for a in self.dataset.actors if a["type"]] + list(self.dataset.types)))
        if old not in types:
            hint = difflib.get_close_matches(old, types, n=1, cutoff=0.6) or [t for t in types if fold(t) == fold(old)]
            tail = f"; did you mean '{hint[0]}'?" if hint else ""
            raise EditRefused(f"no actor or types.csv row has the type '{old}'{tail}", field="old_type")
        if new != old and new in types:
            raise EditRefused(f"the type '{new}' exists already; rename-type does not merge types", field="new_type")
        if new == old:
            raise EditRefused(f"the type is '{old}' already", field="new_type")
        actors = [rec for rec, v in self._rows(ACTORS_FILE) if v.get("type") == old]
        for rec in actors:
            self._set(ACTORS_FILE, rec, {"type": new})
        listed = TYPES_FILE in self.files and any(v.get("type") == old for _, v in self._rows(TYPES_FILE))
        for rec, v in list(self._rows(TYPES_FILE)) if listed else ():
            if v.get("type") == old:
                # a label that only repeated the type's name follows it; one the user wrote stays
                self._set(TYPES_FILE, rec, {"type": new, **({"label": new} if v.get("label") == old else {})})
        self.messages.append(f"renamed type '{old}' to '{new}' ({len(actors)} actor{'s' * (len(actors) != 1)}"
                             f"{' and types.csv' if listed else ''})")

    def renew_positions(self) -> None:
        """Start positions.csv again from its header line (every row dropped, its encoding, delimiter and
        line ends kept): laying everything out afresh over a file with errors."""
        f = self.files.get(POSITIONS_FILE)
        if f is None:
            return
        self._start_positions(f)

    def _new_like_actors(self, name: str) -> CsvFile:
        """An empty new file of the folder written as its actors.csv is: encoding (a byte-order mark too),
        separator, line ends, quoting and Excel's sep= first line, so that the spreadsheet that opens the
        one opens the other."""
        path = self.folder / name
        like = self.files.get(ACTORS_FILE)
        if like is None:
            return CsvFile(path, display_path(path))
        sep = None
        if like.preamble is not None and like.preamble.cells:  # Excel's "sep=;" line
            sep = Record(1, "sep=" + like.delimiter, like.newline, ["sep=" + like.delimiter])
        return CsvFile(path, display_path(path), like.encoding, like.delimiter, like.newline, like.quote_all,
                       preamble=sep)

    def _start_positions(self, f: CsvFile) -> None:
        """positions.csv as ``f`` (its encoding, delimiter, line ends) with only a header line."""
        self.files[POSITIONS_FILE] = f = dataclasses.replace(f, header=None, records=[])
        f.header = Record(1 + (f.preamble is not None), f.row_text(["id", "x", "y"]), f.newline, ["id", "x", "y"])
        self._touch(POSITIONS_FILE, structure=True)

    def set_positions(self, where: dict) -> dict[str, int]:
        """Write actor -> (x, y) into positions.csv (created when missing): rows of those actors get the new
        values, rows of actors no longer in actors.csv go, other actors' rows are added in ``where``'s order.
        A value equal to the one written (to 0.1 px) keeps its text. Returns counts: changed, added, dropped."""
        new = POSITIONS_FILE not in self.files
        if new:
            self.originals[POSITIONS_FILE] = empty = self._new_like_actors(POSITIONS_FILE)
            self._start_positions(empty)
        counts = {"changed": 0, "added": 0, "dropped": 0}
        rows = list(self._rows(POSITIONS_FILE))
        # decimal commas where the file has them (as Excel wrote), or, new, where its separator is ';' (Dutch,
        # Belgian, French or German Excel, which reads 12.5 as a date or text there)
        comma = any("," in (v.get(c) or "") for _, v in rows for c in ("x", "y")) or (
            new and self.files[POSITIONS_FILE].delimiter == ";")
        gone = [rec for rec, v in rows if v.get("id") not in self.index.by_id]
        self._delete(POSITIONS_FILE, gone)
        counts["dropped"] = len(gone)
        listed = set()
        for rec, v in rows:
            actor = v.get("id")
            if actor not in where or actor in listed:
                continue
            listed.add(actor)
            values = {}
            for column, value in zip(("x", "y"), where[actor]):
                old = parse_number(v.get(column) or "")
                if old is None or format_number(old) != format_number(value):
                    values[column] = format_number(value, comma)
            if values and self._set(POSITIONS_FILE, rec, values):
                counts["changed"] += 1
        for actor, (x, y) in where.items():
            if actor not in listed:
                self._append(POSITIONS_FILE, {"id": actor, "x": format_number(x, comma), "y": format_number(y, comma)})
                counts["added"] += 1
        return counts

    def set_actor(self, actor: str, values: dict, aliases=(), add_aliases=()) -> None:
        """Change fields; ``aliases`` replaces the aliases, ``add_aliases`` adds to them."""
        actor_id = self.actor_id(actor)
        values = dict(values)
        if aliases or add_aliases:
            current = [] if aliases else self.index.by_id[actor_id]["aliases"].split(";")
            merged: dict[str, str] = {}  # one of each alias, whatever its letter case or accents
            for a in (a.strip() for a in [*current, *aliases, *add_aliases]):
                if a:
                    merged.setdefault(fold(a), a)
            values["aliases"] = ";".join(merged.values())
        if not values:
            raise EditRefused("nothing to change", hint=Hint("give", tuple((name, None) for name in (
                "name", "type", "description", "alias", "set"))))
        if "id" in values:
            raise EditRefused("use rename-actor to change an id", field="id")
        if self._set(ACTORS_FILE, self._actor_record(actor_id), values):
            self.messages.append(f"updated actor '{actor_id}': {', '.join(sorted(values))}")
        else:
            self.messages.append(f"actor '{actor_id}' already has those values; nothing changed")

    # ---- record surgery (copy on write) -----------------------------------------------------------
    def _touch(self, name: str, structure: bool = False) -> None:
        self._dirty.add(name)
        self._bytes = None
        if structure:
            self._positions.pop(name, None)

    def _positions_of(self, name: str) -> dict[int, int]:
        positions = self._positions.get(name)
        if positions is None:
            positions = self._positions[name] = {id(r): i for i, r in enumerate(self.files[name].records)}
        return positions

    def _replace(self, name: str, rec: Record, new: Record) -> None:
        positions = self._positions_of(name)
        i = positions.pop(id(rec))
        self.files[name].records[i] = new
        positions[id(new)] = i

    def _ensure_columns(self, name: str, columns) -> None:
        """Add missing columns at the end of the header (each row gains an empty cell)."""
        f = self.files[name]
        have = set(f.columns)
        missing = [c for c in columns if c not in have]
        if not missing:
            return
        for column in missing:
            _check_column(column)
        width = len(f.columns)
        cells = f.header.cells + missing
        f.header = Record(f.header.line, f.row_text(cells), f.header.end, cells)
        f.records = [r if r.blank else Record(r.line, f.row_text(c), r.end, c)
                     for r in f.records
                     for c in [r.cells + [""] * (width - len(r.cells)) + [""] * len(missing)]]
        self._touch(name, structure=True)
        self.messages.append(f"added column{'s' * (len(missing) != 1)} {', '.join(missing)} to {f.display}")

    def _append(self, name: str, values: dict) -> None:
        values = {k: v for k, v in values.items() if v not in (None, "")}
        _check_text(values)
        self._ensure_columns(name, values)
        f = self.files[name]
        cells = [values.get(c, "") if c else "" for c in f.columns]
        last = len(f.records) - 1
        while last >= 0 and f.records[last].blank:
            last -= 1
        rec = Record(0, f.row_text(cells), f.newline, cells)
        before = f.records[last] if last >= 0 else f.header
        if before.end == "":  # the file had no final newline: keep it that way
            if last >= 0:
                f.records[last] = dataclasses.replace(before, end=f.newline)
            else:
                f.header = dataclasses.replace(before, end=f.newline)
            rec.end = ""
        f.records.insert(last + 1, rec)
        self._touch(name, structure=True)

    def _delete(self, name: str, recs: list[Record]) -> None:
        """Remove records in one pass, however many."""
        if not recs:
            return
        f = self.files[name]
        gone = {id(r) for r in recs}
        lost_final = bool(f.records) and id(f.records[-1]) in gone and f.records[-1].end == ""
        f.records = [r for r in f.records if id(r) not in gone]
        if lost_final:  # the removed record was the last and had no newline: nor has the new last
            if f.records:
                f.records[-1] = dataclasses.replace(f.records[-1], end="")
            else:
                f.header = dataclasses.replace(f.header, end="")
        self._touch(name, structure=True)

    def _set(self, name: str, rec: Record, values: dict) -> bool:
        _check_text(values)
        self._ensure_columns(name, [k for k, v in values.items() if v])
        f = self.files[name]
        rec = self._current(name, rec)
        cols = f.columns
        where = {c: i for i, c in reversed(list(enumerate(cols)))}
        cells = list(rec.cells) + [""] * (len(cols) - len(rec.cells))
        for column, value in values.items():
            if column in where:
                cells[where[column]] = value
        if [c.strip() for c in cells] != [c.strip() for c in rec.cells] + [""] * (len(cells) - len(rec.cells)):
            self._replace(name, rec, Record(rec.line, f.row_text(cells), rec.end, cells))
            self._touch(name)
            return True
        return False

    def _current(self, name: str, rec: Record) -> Record:
        """The record now standing where ``rec`` stood (columns may have been added since)."""
        if id(rec) in self._positions_of(name):
            return rec
        return next(r for r in self.files[name].records if r.line == rec.line and not r.blank)

    # ---- result ------------------------------------------------------------------------------------
    def changed(self) -> dict[str, str]:
        """New text of each file the edit changes."""
        out = {}
        for name in sorted(self._dirty):
            text = self.files[name].to_text()
            if text != self.originals[name].to_text():
                out[name] = text
        return out

    def touched(self) -> dict[str, set[int]]:
        """The lines, in the files as they will be written, of the records this edit added or changed.

        By file display name, so that problems (which carry it) can be matched to the edit.
        """
        out: dict[str, set[int]] = {}
        for name in sorted(self._dirty):
            f, original = self.files[name], {id(r) for r in self.originals[name].records}
            line = 1
            for rec in [r for r in (f.preamble, f.header) if r is not None] + f.records:
                if id(rec) not in original and rec is not f.preamble and rec is not f.header:
                    out.setdefault(f.display, set()).add(line)
                line += (rec.raw + rec.end).count("\n") + (rec.raw + rec.end).count("\r") - (
                    rec.raw + rec.end).count("\r\n")
        return out

    def check(self) -> list[Problem]:
        """Validate the files exactly as they would be written; DataError on any error, else warnings."""
        problems: list[Problem] = []
        out = {}
        for name, text in self.changed().items():
            f = self.files[name]
            encoding, why = self._encoding(name, text)
            try:
                data = encode_text(text, encoding)
            except UnicodeEncodeError as exc:
                char = exc.object[exc.start:exc.end]
                line = exc.object[:exc.start].count("\n") + 1
                problems.append(Problem(f.display, line, "bad-encoding",
                                        f"'{char}' cannot be saved in {ENCODING_NAMES.get(encoding, encoding)}; save the"
                                        " file as UTF-8 first"))
                continue
            if why:
                self.messages.append(f"{f.display}: held only ASCII, now written in {ENCODING_NAMES[encoding]} ({why})")
            out[name] = data
        if not problems:
            contents = {**self.files, KINDS_FILE: self.dataset.kinds_file, SOURCES_FILE: self.dataset.sources_file,
                        **out}
            problems += from_files(self.folder, contents, {n: f.display for n, f in self.files.items()},
                                   partial=False)[1]
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            had = {(p.path, p.code, p.message) for p in self.dataset.problems if p.severity == "error"}
            raise DataError(problems, already=all((p.path, p.code, p.message) in had for p in errors))
        self._bytes = out
        return problems

    def _encoding(self, name: str, text: str) -> tuple[str, str]:
        """The encoding a changed file is written in: its own, unless it held only ASCII (which every
        encoding reads alike, so it was read as UTF-8) and the edit brings more. Then Windows-1252, where it
        can hold the text, if the folder's other files are in it, or if none holds more than ASCII and the
        file is ';'-separated with CRLF line ends (as Excel saves CSV in a Belgian, Dutch, French or German
        locale). Windows-1252 leaves every ASCII row's bytes as they were; other encodings (a byte-order
        mark, UTF-16) would not, so the file stays UTF-8 otherwise. Returns the encoding and, where it
        changed, why (for the edit's message)."""
        f = self.files[name]
        if f.encoding != "utf-8" or text.isascii() or not self.originals[name].to_text().isascii():
            return f.encoding, ""
        other = self._non_ascii_file(name)
        if other is not None:
            excel, why = other.encoding == "windows-1252", f"as {other.display} is"
        else:
            excel = f.delimiter == ";" and f.newline == "\r\n"
            why = "as Excel saves a ';'-separated CSV with CRLF line ends"
        try:
            if excel and text.encode("windows-1252"):
                return "windows-1252", why
        except UnicodeEncodeError:
            pass
        return f.encoding, ""

    def _non_ascii_file(self, name: str) -> CsvFile | None:
        """The first other data file (actors.csv first) that holds more than ASCII: the folder's encoding."""
        others = [self.files.get(n) for n in (ACTORS_FILE, RELATIONS_FILE, TYPES_FILE, POSITIONS_FILE) if n != name]
        others += [self.dataset.kinds_file, self.dataset.sources_file]
        return next((f for f in others if f is not None and not f.to_text().isascii()), None)

    def diff(self) -> str:
        out = []
        for name, text in self.changed().items():
            display = self.files[name].display
            before, after = (display, display) if os.path.isabs(display) else (f"a/{display}", f"b/{display}")
            out += difflib.unified_diff(self.originals[name].to_text().splitlines(keepends=True),
                                        text.splitlines(keepends=True), before, after)
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in out)

    def save(self) -> list[Problem]:
        """Validate, then write the changed files (both or neither); return the warnings."""
        warnings = self.check()
        if self._bytes:
            commit(self.folder, self._bytes)
        return warnings


def edit_folder(folder, change, dry_run: bool = False) -> tuple[Editor, list[Problem]]:
    """Under the folder's exclusive lock: load, ``change(editor)``, validate, write (unless dry_run).

    Returns the editor (messages, diff) and the warnings. Raises DataError, EditRefused, ActorNotFound or
    UnknownKind (nothing written), LockTimeout, or OSError (nothing written, temp files removed).
    """

    with folder_lock(folder, exclusive=True):
        editor = Editor(load_dataset(folder, strict=False, lock=False))
        change(editor)
        warnings = editor.check() if dry_run else editor.save()
    return editor, warnings


def _check_column(name: str) -> None:
    """A new column's name: one header cell a spreadsheet shows as typed (no line break, control or
    invisible format character such as a byte-order mark, quote or delimiter, no space at either end)."""
    import unicodedata

    bad = next((c for c in name if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") or c in '",;|'), None)
    if bad is not None or name != name.strip():
        what = f"the character U+{ord(bad):04X}" if bad is not None else "a space at an end"
        shown = name.encode("unicode_escape").decode("ascii")
        raise EditRefused(f"'{shown}' cannot be a column name: it holds {what}; use letters, digits, '_' and"
                          " spaces", field=name)


def _check_text(values: dict) -> None:
    for column, value in values.items():
        bad = next((c for c in str(value) if ord(c) < 32 and c not in "\t\n\r" or c == "\x7f"), None)
        if bad is not None:
            raise EditRefused(f"the value for {column} holds the control character U+{ord(bad):04X}", field=column)
