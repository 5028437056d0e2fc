"""Read a CSV file keeping how it was written; write it back atomically, byte for byte.

A file is kept as its records' raw text, so rows an edit does not touch are
written back exactly as they were read, whatever program saved them.
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.data.atomic import write_atomic
from graph.data.problems import Problem
from graph.data.files import max_bytes, read_limited

__all__ = ["CsvFile", "Record", "read_bytes", "read_csv", "parse_csv", "format_record", "atomic_write", "guard_formula",
           "formula_like",
           "FORMULA_START", "spreadsheet_bytes", "locale_separator", "to_spreadsheet"]

atomic_write = write_atomic  # the name this module gave it first

# UTF-32's little-endian BOM starts with UTF-16's: test it first
# each byte order read as its own codec and written back with its mark: a big-endian file stays big-endian
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_MARK = {encoding: bom for bom, encoding in _BOMS if encoding != "utf-8-sig"}  # utf-8-sig writes its own
_NEWLINE_RE = re.compile(r"\r\n|\n|\r")
_NEWLINE_RUN = re.compile(r"[\r\n]+")  # any run of terminators (a char class: no backtracking state)
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
# Excel's first line naming the delimiter, as spreadsheets write it back: sep=; or "sep=;" (the cell holds the
# delimiter), "sep="; (quoting every text cell), each followed by empty cells (;;; or ;"";"")
_SEP_LINE = re.compile(r'(?:"?sep=([,;\t|])"?|"sep="([,;\t|]))(?:[,;\t|]|"")*\Z', re.I)
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "windows-1252": "windows-1252",
                  "utf-16-le": "UTF-16 (little-endian)", "utf-16-be": "UTF-16 (big-endian)",
                  "utf-32-le": "UTF-32 (little-endian)", "utf-32-be": "UTF-32 (big-endian)"}


def encode_text(text: str, encoding: str) -> bytes:
    """A file's text as bytes in its encoding, with the byte order mark it was read with."""
    return _MARK.get(encoding, b"") + text.encode(encoding)


@dataclass
class Record:
    """One CSV record: its first line in the file, its raw text and its terminator."""

    line: int
    raw: str
    end: str
    cells: list[str]

    @property
    def blank(self) -> bool:
        return not "".join(self.cells).strip()  # one string, not a call per cell: read for every row


@dataclass
class CsvFile:
    """A parsed CSV file and everything needed to write it back the same way."""

    path: Path
    display: str
    encoding: str = "utf-8"
    delimiter: str = ","
    newline: str = "\n"
    quote_all: bool = False
    header: Record | None = None
    records: list[Record] = field(default_factory=list)
    preamble: Record | None = None  # Excel's "sep=;" line, kept as it was

    @property
    def columns(self) -> list[str]:
        """Header names, stripped and lower-cased."""
        return [c.strip().lower() for c in self.header.cells] if self.header else []

    def describe(self) -> str:
        sep = {"\t": "tab"}.get(self.delimiter, repr(self.delimiter))
        eol = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}[self.newline]
        return f"{self.display}: read as {ENCODING_NAMES[self.encoding]}, {sep}-separated, {eol} line endings"

    def to_text(self) -> str:
        parts = [self.preamble.raw + self.preamble.end] if self.preamble else []
        parts += [self.header.raw + self.header.end] if self.header else []
        parts += [r.raw + r.end for r in self.records]
        return "".join(parts)

    def to_bytes(self) -> bytes:
        return encode_text(self.to_text(), self.encoding)

    def row_text(self, cells: list[str]) -> str:
        return format_record(cells, self.delimiter, self.quote_all)


def read_csv(path: Path, display: str, folder: Path | None = None) -> tuple[CsvFile | None, list[Problem]]:
    """Read and parse one CSV file (a regular file inside ``folder``); problems instead of exceptions."""
    data, problems = read_bytes(path, display, folder)
    if data is None:
        return None, problems
    return parse_csv(data, Path(path), display)


def read_bytes(path: Path, display: str, folder: Path | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of one data file (a regular file inside ``folder``), or None and the problem why not."""

    try:
        return read_limited(Path(path), folder), []
    except FileNotFoundError:
        return None, [Problem(display, 0, "missing-file", "file not found")]
    except ValueError as exc:
        return None, [Problem(display, 0, "unreadable-file", str(exc))]
    except OSError as exc:
        return None, [Problem(display, 0, "unreadable-file", f"cannot read: {exc.strerror}")]


def parse_csv(data: bytes, path: Path, display: str) -> tuple[CsvFile | None, list[Problem]]:
    """Parse the bytes of a CSV file (see :func:`read_csv`)."""
    text, encoding, problem = _decode(data, display)
    if problem:
        return None, [problem]
    if not text.strip():
        return None, [Problem(display, 1, "empty-file", "file is empty: expected a header line")]
    raw_records, problems = _split_records(text, display)
    if any(p.code != "unclosed-quote" for p in problems):
        return None, problems
    # before the header: blank lines (or a spreadsheet's empty row, ",,,"), and Excel's "sep=;" line naming
    # the delimiter, kept as they were in one record
    raws = [raw for _, raw, _ in raw_records]
    skipped = _past_empty(raws)
    if skipped == len(raw_records):
        return None, [Problem(display, 1, "empty-file", "file has only empty rows: expected a header line")]
    sep = _sep_line(raw_records[skipped][1])
    if sep:
        skipped = _past_empty(raws, skipped + 1)
        if skipped == len(raw_records):
            return None, [Problem(display, raw_records[-1][0] + 1, "empty-file",
                                  "file has only a sep= line: expected a header line")]
    preamble = None
    if skipped:
        lead = raw_records[:skipped]
        raw = "".join(r + e for _, r, e in lead[:-1]) + lead[-1][1]
        preamble = Record(lead[0][0], raw, lead[-1][2], [lead[-1][1]] if sep else [])
        raw_records = raw_records[skipped:]
    first_raw = raw_records[0][1]
    delimiter = sep or _sniff_delimiter(first_raw)
    cells = text.count(delimiter) + len(raw_records)  # at least as many as the csv module makes
    if cells > MAX_CELLS:
        return None, [Problem(display, 0, "unreadable-file",
                              f"holds up to {cells:,} cells, more than the {MAX_CELLS:,} actorgraph reads: remove"
                              " empty columns, or split the file")]
    newline = next((end for _, _, end in raw_records if end), "\n")

    csv.field_size_limit(max(csv.field_size_limit(), min(max_bytes(), 2**31 - 1)))  # one cell may be long
    try:
        open_at = {p.line for p in problems}  # an unclosed quote's line: read as if the quote closed at its end,
        # or the reader would run it on into the next records
        rows = list(csv.reader([raw + '"' if line in open_at else raw for line, raw, _ in raw_records],
                               delimiter=delimiter, strict=False))
    except csv.Error as exc:
        return None, [Problem(display, 1, "bad-csv", f"cannot parse CSV: {exc}")]
    records = [Record(line, raw, end, cells) for (line, raw, end), cells in zip(raw_records, rows)]
    quote_all = all(_fully_quoted(r.raw, r.cells, delimiter) for r in records[:3] if r.raw)
    f = CsvFile(path, display, encoding, delimiter, newline, quote_all, records[0], records[1:], preamble)
    return f, problems  # an unclosed quote: an error, and the rest of the file still read and checked


def _fully_quoted(raw: str, cells: list[str], delimiter: str) -> bool:
    q = '"'
    return raw.startswith(q) and raw.endswith(q) and raw.count(q + delimiter + q) >= len(cells) - 1


def _decode(data: bytes, display: str) -> tuple[str, str, Problem | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                return "", encoding, _bad_bytes(data, exc, display, "not valid " + ENCODING_NAMES[encoding])
            return text.lstrip("\ufeff"), encoding, None
    if b"\x00" in data:
        return "", "", Problem(display, 1, "binary-file",
                               "this is a binary file (it contains NUL bytes), not a CSV text file")
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            return "", "", _bad_bytes(data, exc, display,
                                      "the file mixes encodings: other lines are UTF-8 but this one is not;"
                                      " save the whole file as UTF-8")
    try:
        return data.decode("windows-1252"), "windows-1252", None
    except UnicodeDecodeError as exc:
        return "", "", _bad_bytes(data, exc, display, "not valid UTF-8 or windows-1252")


def _bad_bytes(data: bytes, exc: UnicodeDecodeError, display: str, why: str) -> Problem:
    line = data[: exc.start].count(b"\n") + 1
    return Problem(display, line, "bad-encoding", f"byte 0x{data[exc.start]:02X}: {why}")


# Rows one file may hold: 20 times the 100,000 actors or 300,000 relations of the largest benchmark.
# A file of more (128 MB of one-letter lines is 64 million) would take gigabytes to hold as rows.
MAX_ROWS = 2_000_000
# cells read in one file (counted as separators plus rows): each cell is a string and a table entry, about
# 50 bytes, whatever its width; a file of empty cells (",,,,") would otherwise take 40 times its size
MAX_CELLS = 25_000_000


def _sep_line(line: str) -> str | None:
    """The delimiter a "sep=" line names, or None if the line is not one."""
    m = _SEP_LINE.match(line)
    return (m.group(1) or m.group(2)) if m else None


def _past_empty(lines: list[str], start: int = 0) -> int:
    """The index of the first line from ``start`` with text: blank lines and a spreadsheet's empty rows
    (',,,') before a header are skipped."""
    while start < len(lines) and not lines[start].strip(" \t,;|"):
        start += 1
    return start


def _line_at(text: str, at: int) -> tuple[str, str, int]:
    """The line starting at ``at``: (its text, its terminator, where the next begins)."""
    m = _NEWLINE_RE.search(text, at)
    return (text[at:m.start()], m.group(), m.end()) if m else (text[at:], "", len(text) + 1)


def _split_records(text: str, display: str):
    """Split text into (first_line, raw, terminator), newlines inside quotes kept in raw.

    A run of blank lines is one record (its terminator holds them all), found at C speed: a file of
    millions of empty lines stays small and quick. More than MAX_ROWS rows is a problem, and the rest
    is not read.
    """
    head, at = [], 0
    while len(head) < 12 and at <= len(text):
        piece, _, at = _line_at(text, at)
        head.append(piece)
    first = _past_empty(head)
    sep = _sep_line(head[first]) if first < len(head) else None
    if sep:
        first = _past_empty(head, first + 1)
    delimiter = sep or _sniff_delimiter(head[first] if first < len(head) else "")
    records, problems = [], []
    at, line = 0, 1
    while at <= len(text):
        piece, end, after = _line_at(text, at)
        if piece == "" and end:  # blank lines: the run is one record
            run = _NEWLINE_RUN.match(text, at).group()
            records.append((line, "", run))
            line += run.count("\n") + run.count("\r") - run.count("\r\n")
            at += len(run)
            continue
        start = line
        if '"' in piece and _open_quote(piece, delimiter):
            stop, closed_end, closed_after = _quoted_record(text, at + len(piece), delimiter)
            if stop is None:  # the line alone is the record (its quote read as text): the lines after it are checked
                problems.append(Problem(display, start, "unclosed-quote",
                                        "a quoted cell opened on this line is never closed"))
            else:
                line += _newlines(text, at, stop)
                piece, end, after = text[at:stop], closed_end, closed_after
        records.append((start, piece, end))
        if len(records) > MAX_ROWS:
            problems.append(Problem(display, start, "unreadable-file",
                                    f"more than {MAX_ROWS:,} rows: split the file, or check that it is the"
                                    " right one"))
            break
        at, line = after, line + 1
    if records and records[-1][1] == "" and records[-1][2] == "":
        records.pop()  # text ended with a newline
    return records, problems


def _quoted_record(text: str, at: int, delimiter: str) -> tuple[int | None, str, int]:
    """Where a record ends that is inside a quoted cell at ``at``: (the end of its last line, that
    line's terminator, where the next record begins), or (None, "", past the text) if the cell is never
    closed. Quotes are found with str.find, so a cell of millions of lines costs no per-line work."""
    while True:
        q = text.find('"', at)
        if q < 0:
            return None, "", len(text) + 1
        if text.startswith('"', q + 1):  # a doubled quote: still inside the cell
            at = q + 2
            continue
        rest, end, after = _line_at(text, q + 1)  # the cell is closed: the rest of its line may open another
        at = q + 1 + len(rest)
        if not ('"' in rest and _open_quote(rest, delimiter)):
            return at, end, after


def _newlines(text: str, start: int, stop: int) -> int:
    """Line breaks (\\r\\n, \\n or \\r) in text[start:stop]."""
    return text.count("\n", start, stop) + text.count("\r", start, stop) - text.count("\r\n", start, stop)


_WELL_FORMED: dict[str, re.Pattern] = {}


def _open_quote(line: str, delimiter: str) -> bool:
    """Whether a line that starts outside quotes ends inside a quoted cell (csv module rules, strict=False)."""
    pattern = _WELL_FORMED.get(delimiter)  # fast path: every cell either plain or properly quoted
    if pattern is None:
        d = re.escape(delimiter)
        cell = f'(?:"[^"]*+(?:""[^"]*+)*+"|[^"{d}]*+)'  # possessive: no backtracking state per character
        pattern = _WELL_FORMED[delimiter] = re.compile(f"{cell}(?:{d}{cell})*")
    if pattern.fullmatch(line):
        return False
    state = "start"
    for c in line:
        if state == "start":
            state = "quoted" if c == '"' else "start" if c == delimiter else "field"
        elif state == "field":
            if c == delimiter:
                state = "start"
        elif state == "quoted":
            if c == '"':
                state = "quote"
        else:  # a quote seen inside a quoted cell
            state = "quoted" if c == '"' else "start" if c == delimiter else "field"
    return state == "quoted"


def _sniff_delimiter(header: str) -> str:
    """The delimiter of a header line: the most frequent of ',', ';' and tab outside quotes."""
    outside = re.sub(r'"[^"]*"', "", header)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best


def format_record(cells: list[str], delimiter: str, quote_all: bool = False) -> str:
    """One record as CSV text (no terminator), quoting only where needed unless quote_all.

    >>> print(format_record(["a", "b;c", "it's"], ";"))
    a;"b;c";it's
    """
    out = []
    for cell in cells:
        needs = quote_all or any(ch in cell for ch in (delimiter, '"', "\n", "\r")) or (
            cell != cell.strip())
        out.append('"' + cell.replace('"', '""') + '"' if needs else cell)
    return delimiter.join(out)


# Spreadsheets run a cell that starts like a formula (OWASP CSV injection): csv outputs guard them.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?\Z")
# a separator then a formula start: a spreadsheet that splits lines on that separator (';' in Belgium or
# the Netherlands, for a file written with ',') makes the rest a cell of its own, quotes or not, and runs it
_SPLIT_FORMULA = re.compile(r'([;,\t]"*)([=+\-@])')


def formula_like(cell: str) -> str | None:
    """What makes a cell run as a formula in some spreadsheet (its start, or a separator and a start), or None.

    >>> formula_like("=1+1"), formula_like("x;=1+1"), formula_like("-0.5"), formula_like("a, b")
    ('=', ';=', None, None)
    """
    if _NUMBER.match(cell):
        return None
    if cell.startswith(FORMULA_START):
        return cell[0]
    found = _SPLIT_FORMULA.search(cell)
    return found.group(1)[0] + found.group(2) if found else None


def guard_formula(cell: str) -> str:
    """A text cell that a spreadsheet would not run, however it splits the line (OWASP CSV injection guidance).

    Guarded: a formula-like start (``=``, ``+``, ``-``, ``@``, TAB, CR), and a separator (``;``,
    ``,``, TAB) followed by ``=``, ``+``, ``-`` or ``@``, which gets an apostrophe of its own: the
    cell is read whole or split, never run. Numbers stay numbers.

    >>> guard_formula("=HYPERLINK(1)"), guard_formula("-0.5"), guard_formula("Mali"), guard_formula("x;=1+1")
    ("'=HYPERLINK(1)", '-0.5', 'Mali', "x;'=1+1")
    """
    if not formula_like(cell):
        return cell
    cell = _SPLIT_FORMULA.sub(r"\1'\2", cell)
    return "'" + cell if cell.startswith(FORMULA_START) else cell


# Excel in these languages uses ',' as the decimal mark, so its "CSV" separator is ';'.
SEMICOLON_LANGUAGES = ("nl", "fr", "de")


def locale_separator(environ=None) -> str:
    """The separator the user's spreadsheet expects: ';' for Dutch, French and German locales, else ','.

    The locale is the first of LC_ALL, LC_NUMERIC and LANG that is set (as POSIX reads it).

    >>> locale_separator({"LANG": "nl_BE.UTF-8"}), locale_separator({"LANG": "en_GB.UTF-8"})
    (';', ',')
    """
    environ = os.environ if environ is None else environ
    value = next((environ[k] for k in ("LC_ALL", "LC_NUMERIC", "LANG") if environ.get(k)), "")
    return ";" if value[:2].lower() in SEMICOLON_LANGUAGES else ","


def spreadsheet_bytes(table: list[list[str]], sep: str) -> bytes:
    """Rows as the CSV file a spreadsheet opens directly: UTF-8 BOM, a ``sep=`` line, ``sep``, CRLF.

    Excel reads the BOM as UTF-8 and the ``sep=`` line as the separator (and hides it);
    LibreOffice detects the BOM and shows the line as a first row, which actorgraph skips.

    >>> spreadsheet_bytes([["id", "name"], ["fama", "Forces armées; FAMa"]], ";")
    b'\\xef\\xbb\\xbfsep=;\\r\\nid;name\\r\\nfama;"Forces arm\\xc3\\xa9es; FAMa"\\r\\n'
    """
    lines = [f"sep={sep}"] + [format_record([str(c) for c in row], sep) for row in table]
    return ("\ufeff" + "".join(line + "\r\n" for line in lines)).encode("utf-8")


def to_spreadsheet(data: bytes, display: str, sep: str) -> bytes:
    """A data file's bytes rewritten in the spreadsheet form of :func:`spreadsheet_bytes` (cells unchanged)."""
    f, problems = parse_csv(data, Path(display), display)
    if f is None or problems:
        raise ValueError("; ".join(str(p) for p in problems))
    return spreadsheet_bytes([f.header.cells] + [r.cells for r in f.records if not r.blank], sep)
