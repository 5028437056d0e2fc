"""Find, load and validate a data set: actors.csv, relations.csv, and optional kinds.csv, sources.csv, types.csv,
positions.csv."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from graph.data.csvio import _NEWLINE_RE, CsvFile, Record, _newlines, parse_csv, read_bytes
from graph.data.problems import DataError, Problem, sort_problems
from graph.data.resolve import ActorIndex
from graph.data.schema import (ACTOR_COLUMNS, KIND_COLUMNS, POSITION_COLUMNS, RELATION_COLUMNS, RELATIONS, SOURCE_COLUMNS,
                               TYPE_COLUMNS, Vocabulary)
from graph.data.validate import (check_actor_periods, check_actors, check_cells, check_isolated, check_relations,
                                 check_sources, resolve_names)
from graph.data.files import clean_text
from graph.data.journal import JOURNAL, pending, recover
from graph.data.kinds import read_kinds
from graph.data.types import close_colours, read_types
from graph.data.hints import Hints
from graph.data.positions import read_positions
from graph.data.lock import folder_lock

__all__ = ["Row", "Dataset", "load_dataset", "from_files", "check_dataset", "display_path", "folder_name", "default_data_dir", "locate",
           "sample_dir", "is_sample", "ACTORS_FILE", "RELATIONS_FILE", "KINDS_FILE", "SOURCES_FILE",
           "TYPES_FILE", "POSITIONS_FILE"]

ACTORS_FILE = "actors.csv"
RELATIONS_FILE = "relations.csv"
KINDS_FILE = "kinds.csv"
SOURCES_FILE = "sources.csv"
TYPES_FILE = "types.csv"
POSITIONS_FILE = "positions.csv"
OPTIONAL_FILES = (KINDS_FILE, SOURCES_FILE, TYPES_FILE, POSITIONS_FILE)


_NONE: dict = {}


class Row(dict):
    """One data row: cleaned values by lower-cased column name, plus where it came from."""

    __slots__ = ("line", "record", "_typed")

    def __init__(self, values: dict, line: int, record: Record, typed: dict = _NONE):
        super().__init__(values)
        self.line = line
        self.record = record
        self._typed = typed  # values as typed where normalising changed them

    @property
    def raw(self) -> dict:
        """Stripped values as typed, before normalisation."""
        return {**self, **self._typed} if self._typed else self

    def __missing__(self, key):  # row["x"] is "" for a column the file lacks (dict's own lookup otherwise: fast)
        return ""


@dataclass
class Dataset:
    """A validated data set; ``problems`` holds its warnings."""

    folder: Path
    actors_file: CsvFile
    relations_file: CsvFile
    actors: list[Row]
    relations: list[Row]
    kinds: Vocabulary = RELATIONS
    kinds_file: CsvFile | None = None
    sources: dict = field(default_factory=dict)  # source id -> its row in sources.csv
    sources_file: CsvFile | None = None
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    types: dict = field(default_factory=dict)  # type -> its TypeStyle in types.csv (graph.data.types)
    types_file: CsvFile | None = None
    positions: dict = field(default_factory=dict)  # actor id -> its pinned (x, y) in positions.csv
    positions_file: CsvFile | None = None

    @property
    def files(self) -> list[CsvFile]:
        return [f for f in (self.actors_file, self.relations_file, self.kinds_file, self.sources_file,
                            self.types_file, self.positions_file) if f is not None]

    @property
    def sample(self) -> bool:
        """Whether this is the bundled sample (read-only)."""
        return is_sample(self.folder)

    def actor(self, actor_id: str) -> Row | None:
        return self.index.by_id.get(actor_id)

    @cached_property
    def index(self) -> ActorIndex:
        """Lookup of actors by id, name or alias."""
        return ActorIndex(self.actors)

    # The analysis and output layers build on this one, so they are imported when used.
    def graph(self, view=None):
        """The networkx MultiDiGraph of this data set restricted to ``view`` (a graph.View)."""
        from graph.analysis.views import graph_of

        return graph_of(self, view)

    def view(self, view=None, **options):
        """This data set seen through a view (a graph.View, or its fields as keywords)."""
        from graph.api import Selection
        from graph.analysis.views import View

        return Selection(self, view if view is not None else View(**options))

    def __repr__(self) -> str:
        return f"<Dataset {display_path(self.folder)}: {len(self.actors)} actors, {len(self.relations)} relations>"

    def _repr_html_(self) -> str:
        """The offline explorer in a sandboxed iframe, for Jupyter and VS Code notebooks."""
        return self.view()._repr_html_()


def sample_dir() -> Path:
    """The bundled Sahel sample: graph/sample in an installed package, data/ in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    installed = package / "sample"
    return installed if (installed / ACTORS_FILE).is_file() else package.parent / "data"


def is_sample(folder: Path) -> bool:
    return os.path.realpath(folder) == os.path.realpath(sample_dir())


def locate(explicit: Path | None = None) -> tuple[Path, str]:
    """The data folder and how it was found.

    --data, else $ACTORGRAPH_DATA, else ./data when it holds actors.csv, else the current
    folder when it holds actors.csv and relations.csv, else the bundled sample.
    """
    if explicit is not None:
        return Path(explicit), "--data"
    env = os.environ.get("ACTORGRAPH_DATA")
    if env:
        return Path(env), "$ACTORGRAPH_DATA"
    if (Path("data") / ACTORS_FILE).is_file():
        return Path("data"), "./data"
    if Path(ACTORS_FILE).is_file() and Path(RELATIONS_FILE).is_file():
        return Path("."), "the current folder"
    return sample_dir(), "the bundled sample"


def default_data_dir() -> Path:
    """The folder :func:`locate` finds without --data."""
    return locate()[0]


def display_path(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""

    try:
        rel = os.path.relpath(path)
    except ValueError:
        return clean_text(str(path))
    return clean_text(rel if not rel.startswith("..") else str(Path(path).resolve()))


def folder_name(folder: Path) -> str:
    """A data folder as a title names it: its path as typed, or its real name when that is '.' or '..'."""

    shown = display_path(folder)
    if Path(shown).name in ("", ".", ".."):
        shown = Path(os.path.realpath(folder)).name or shown
    return clean_text(shown)


def load_dataset(folder: Path | None = None, strict: bool = True, lock: bool = True) -> Dataset:
    """Read both files, run every check; raise DataError on any error (warnings are kept).

    ``folder`` defaults to :func:`default_data_dir`. With ``strict=False`` errors are
    kept in ``problems`` too, as long as both files could be parsed (editing uses this).
    The folder's lock is held shared while reading (exclusive to complete an
    interrupted edit); ``lock=False`` when the caller holds it exclusively already.
    Raises graph.data.lock.LockTimeout when another command keeps the folder locked.
    """

    folder = Path(folder) if folder is not None else default_data_dir()
    _check_folder(folder)
    if not lock:
        return _load(folder, strict, _recover(folder))
    exclusive = pending(folder)
    while True:
        with folder_lock(folder, exclusive):
            if not exclusive and pending(folder):
                exclusive = True  # a crashed edit to complete: take the lock exclusively
                continue
            return _load(folder, strict, _recover(folder) if exclusive else [])


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise DataError([Problem(display_path(folder), 0, "missing-folder", "the data folder does not exist")])
    if not folder.is_dir():
        raise DataError([Problem(display_path(folder), 0, "not-a-folder",
                                 "is a file, not a folder: a data set is the folder holding actors.csv")])


def _recover(folder: Path) -> list[str]:
    display = display_path(folder / JOURNAL)
    try:
        return recover(folder, display)
    except OSError as exc:
        raise DataError([Problem(display, 0, "unfinished-edit",
                                 f"an interrupted edit could not be completed: {exc.strerror or exc}")]) from None


def _load(folder: Path, strict: bool, notices: list[str]) -> Dataset:
    contents, problems = {}, []
    for name in (ACTORS_FILE, RELATIONS_FILE, *OPTIONAL_FILES):
        if name in OPTIONAL_FILES and not os.path.lexists(folder / name):
            continue  # optional: the built-in kinds apply, no source is named
        contents[name], p = read_bytes(folder / name, display_path(folder / name), folder)
        problems += [_case_hint(folder, name, x) for x in p]
    dataset, more = from_files(folder, contents)
    problems += more
    if dataset is None or (strict and any(p.severity == "error" for p in problems)):
        raise DataError(problems, files=dataset.files if dataset is not None else ())
    dataset.problems = sort_problems(problems)
    dataset.notices = notices
    return dataset


def _case_hint(folder: Path, name: str, problem: Problem) -> Problem:
    """A missing file that exists with other capitals (Actors.csv) gets a hint."""
    if problem.code != "missing-file":
        return problem
    try:
        others = [p for p in os.listdir(folder) if p.lower() == name and p != name]
    except OSError:
        others = []
    if not others:
        return problem
    return Problem(problem.path, 0, problem.code, f"file not found; there is '{others[0]}': file names are"
                                                  f" case-sensitive here, rename it to {name}")


def from_files(folder: Path, contents: dict, displays: dict[str, str] | None = None,
               partial: bool = True) -> tuple[Dataset | None, list[Problem]]:
    """A data set assembled from its files' contents, and every problem found: (Dataset or None, problems).

    ``contents`` maps file names (actors.csv...) to their bytes, parsed here, or to a
    CsvFile already parsed; a name absent or None is a file that is missing or could not
    be read. Each file is shown as ``displays[name]`` (default: its path as typed).
    With ``partial=False`` nothing is checked when a file does not parse.
    """
    folder = Path(folder)
    parsed, problems = {}, []
    for name in (ACTORS_FILE, RELATIONS_FILE, *OPTIONAL_FILES):
        content = contents.get(name)
        if isinstance(content, bytes):
            shown = displays[name] if displays and name in displays else display_path(folder / name)
            content, p = parse_csv(content, folder / name, shown)
            problems += p
        parsed[name] = content
    if problems and not partial:
        return None, problems
    dataset, more = check_dataset(folder, *parsed.values())
    return dataset, problems + more


def check_dataset(folder: Path, actors_file: CsvFile | None, relations_file: CsvFile | None,
                  kinds_file: CsvFile | None = None, sources_file: CsvFile | None = None,
                  types_file: CsvFile | None = None, positions_file: CsvFile | None = None):
    """Rows and every problem of the parsed files: (Dataset or None, problems)."""

    problems: list[Problem] = []
    actors = relations = None
    vocabulary = RELATIONS
    sources, sources_display = None, None
    if sources_file:
        source_rows, p = table_rows(sources_file, SOURCE_COLUMNS)
        problems += p
        if source_rows is not None:
            problems += check_sources(source_rows, sources_file.display)
            problems += check_cells(source_rows, sources_file.display)
            sources = {r["id"]: r for r in source_rows if r["id"]}
            sources_display = sources_file.display
    if kinds_file:
        kind_rows, p = table_rows(kinds_file, KIND_COLUMNS)
        problems += p
        if kind_rows is not None:
            vocabulary, p = read_kinds(kind_rows, kinds_file.display)
            problems += p
            problems += check_cells(kind_rows, kinds_file.display)
            # a kind's "shape" is its line pattern; hostile kinds are all drawn dash-dotted
            problems += close_colours([(k.name, k.color, "dash-dotted" if k.polarity == "hostile" else k.style)
                                       for k in vocabulary.values()], kinds_file.display, "kinds",
                                      {r["kind"]: r.line for r in kind_rows})
    types = {}
    if types_file:
        type_rows, p = table_rows(types_file, TYPE_COLUMNS)
        problems += p
        if type_rows is not None:
            types, p = read_types(type_rows, types_file.display)
            problems += p
            problems += check_cells(type_rows, types_file.display)
            problems += close_colours([(t.type, t.color, t.shape) for t in types.values() if t.color and t.shape],
                                      types_file.display, "types", {r["type"]: r.line for r in type_rows})
    if actors_file:
        actors, p = table_rows(actors_file, ACTOR_COLUMNS)
        problems += p
    if types and actors:
        problems += _unmatched_types(types, type_rows, types_file.display, {a["type"] for a in actors if a["type"]})
    if relations_file:
        relations, p = table_rows(relations_file, RELATION_COLUMNS, vocabulary)
        problems += p
    if actors is not None:
        problems += check_actors(actors, actors_file.display)
        problems += check_cells(actors, actors_file.display)
    if relations is not None:
        problems += check_cells(relations, relations_file.display)
    if actors is not None and relations is not None:
        resolve_names(relations, actors)
        problems += check_relations(relations, actors, relations_file.display, vocabulary,
                                    {} if not sources_file else sources, sources_display)
        problems += check_isolated(actors, relations, actors_file.display)
        problems += check_actor_periods(actors, relations, relations_file.display)
    positions = {}
    if positions_file:
        position_rows, p = table_rows(positions_file, POSITION_COLUMNS)
        problems += p
        if position_rows is not None and actors is not None:
            positions, p = read_positions(position_rows, positions_file.display, actors)
            problems += p  # no formula check: a negative coordinate starts with '-'
    if actors is None or relations is None:
        return None, problems
    return Dataset(folder, actors_file, relations_file, actors, relations, vocabulary, kinds_file, sources or {},
                   sources_file, types=types, types_file=types_file, positions=positions,
                   positions_file=positions_file), problems


def _unmatched_types(types: dict, rows, path: str, used: set) -> list[Problem]:
    """Warnings for types.csv types that no actor has but one nearly has (letter case, a typo): never applied."""
    found = []
    lines = {r["type"]: r.line for r in rows}
    folded = {t.casefold(): t for t in sorted(used)}
    hints = Hints()
    for name in types:
        if name in used:
            continue
        close = folded.get(name.casefold()) or next(iter(hints.close(name, sorted(used), cutoff=0.8)), None)
        if close:
            found.append(Problem(path, lines.get(name, 0), "unmatched-type",
                                 f"no actor has the type '{name}', so its row is not used; the actors have"
                                 f" '{close}': write it as they do"))
    return found


def _swallowed(f: CsvFile, rec, width: int) -> list[Problem]:
    """A warning when a record's quoted cell runs over lines that each look like a row of their own
    (as many cells as the header, an id first): a stray quote that joined rows, which the cell count
    cannot see when the quote closes again further down."""
    lines = _NEWLINE_RE.split(rec.raw)  # line breaks as the reader counts them (not U+2028, form feed...)
    rowlike = [i for i, text in enumerate(lines)
               if text.replace('"', "").count(f.delimiter) == width - 1 and text.split(f.delimiter, 1)[0].strip(' "')]
    if width < 2 or len(rowlike) < 2 or 0 not in rowlike:
        return []
    inner = [rec.line + i for i in rowlike[1:]]
    where = ", ".join(map(str, inner[:5])) + (f" and {len(inner) - 5} more" if len(inner) > 5 else "")
    return [Problem(f.display, rec.line, "swallowed-rows",
                    f"a quoted cell opened on this line runs on to line {rec.line + len(lines) - 1}, and line"
                    f"{'s' if len(inner) > 1 else ''} {where} inside it look{'' if len(inner) > 1 else 's'} like"
                    " rows of their own, read as text of this row: a stray double quote? (a quote inside a value"
                    " is written twice, \"\")")]


def table_rows(f: CsvFile, spec, vocabulary: Vocabulary = RELATIONS) -> tuple[list[Row] | None, list[Problem]]:
    """Rows of a table, or None when its header makes the rows unreadable."""
    problems = []
    columns = f.columns
    head = f.header.line if f.header else 1  # line 2 after Excel's "sep=;" line
    named = [c for c in columns if c]
    counts = Counter(named)
    for c in sorted(c for c, n in counts.items() if n > 1):
        problems.append(Problem(f.display, head, "duplicate-column", f"column '{c}' appears twice in the header"))
    missing = [c.name for c in spec if c.required and c.name not in columns]
    for name in missing:
        problems.append(Problem(f.display, head, "missing-column",
                                f"missing required column '{name}' (the header has: {', '.join(named) or 'nothing'})"))
    if problems:
        return None, problems
    absent = [c.name for c in spec if c.name not in columns]
    known = {s.name for s in spec}
    hints = Hints()
    for c in named if absent else ():  # an optional column misspelt ('colour') is kept as the user's own, unread
        if c not in known:
            hint = hints.close(c.casefold(), absent, cutoff=0.75)
            if hint:
                problems.append(Problem(f.display, head, "unread-column",
                                        f"column '{c}' is not read (a column of your own); did you mean '{hint[0]}'?"))
    required = [c.name for c in spec if c.required]
    rows = []
    width = len(columns)
    while width and not columns[width - 1]:
        width -= 1  # trailing empty header cells, as spreadsheets write them
    unnamed = [i for i, c in enumerate(columns) if not c]
    for rec in f.records:
        if rec.blank:
            continue
        cells = rec.cells
        if len(cells) < width or (len(cells) > len(columns) and "".join(cells[len(columns):]).strip()):
            tail = ""
            spans = _newlines(rec.raw, 0, len(rec.raw))
            if len(cells) > width and spans:  # lines joined by a quote: most likely one stray quote, not a cell
                tail = (f": a quoted cell opened on this line runs on to line {rec.line + spans}, taking the"
                        " lines between into this row; a stray double quote? (a quote inside a value is"
                        " written twice, \"\")")
            elif len(cells) > width:
                sep = {"\t": "tab"}.get(f.delimiter, f"'{f.delimiter}'")
                example = ' (aliases such as "FAMa;Malian forces")' if f.delimiter == ";" and "aliases" in columns else ""
                tail = f": a value holding the separator {sep} must be in double quotes{example}"
            problems.append(Problem(f.display, rec.line, "cell-count",
                                    f"row has {len(cells)} cells but the header has {width} columns{tail}"))
            continue
        if "\n" in rec.raw or "\r" in rec.raw:
            problems += _swallowed(f, rec, width)
        if unnamed and any(cells[i].strip() for i in unnamed if i < len(cells)):
            index = unnamed[0] == 0 and cells[0].strip().isdigit()  # pandas' to_csv writes its index there
            problems.append(Problem(f.display, rec.line, "unnamed-column",
                                    "a value stands in a column with no header name" + (
                                        " (pandas writes its row numbers there: save with to_csv(path,"
                                        " index=False))" if index else "")))
        if unnamed or len(cells) < len(columns):
            values = {c: cells[i].strip() for i, c in enumerate(columns) if c and i < len(cells)}
        else:  # every column named, every cell there: the common row
            values = dict(zip(columns, map(str.strip, cells)))
        typed = _NONE
        for column, norm in (("relation", vocabulary.normalise), ("confidence", str.lower), ("status", str.lower),
                             ("reliability", str.upper)):
            if column in values:
                clean = norm(values[column]) or values[column]
                if clean != values[column]:
                    typed = {**typed, column: values[column]}
                    values[column] = clean
        for name in required:
            if not values.get(name):
                problems.append(Problem(f.display, rec.line, "empty-field", f"empty required field '{name}'"))
        rows.append(Row(values, rec.line, rec, typed))
    return rows, problems
