"""Reading files as spreadsheets and editors save them; bad files give FILE:LINE, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ACTORS, RELATIONS, invoke, write
from graph.data.csvio import parse_csv
from graph.data.load import load_dataset


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def excel(text: str, encoding="windows-1252", sep=";", newline="\r\n", bom=False) -> bytes:
    """Text written as Excel in a Dutch/Belgian locale would save it."""
    data = text.replace(",", sep).replace("\n", newline).encode(encoding)
    return (b"\xef\xbb\xbf" if bom else b"") + data


ACTORS_NL = "id,name,type,description,aliases\nmr,Mauritanië,state,Lid van de G5S,\nci,Côte d'Ivoire,state,,\n"
RELATIONS_NL = "source,relation,target,evidence\nmr,coordinates_with,ci,artikel\n"


def test_excel_semicolon_windows_1252_crlf():
    write(Path("d"), excel(ACTORS_NL), excel(RELATIONS_NL))
    result = invoke("validate", "--data", "d")
    assert result.exit_code == 0, result.output
    assert "d/actors.csv: read as windows-1252, ';'-separated, CRLF line endings" in result.stdout
    ds = load_dataset(Path("d"))
    assert ds.actors[0]["name"] == "Mauritanië"
    assert (Path("d") / "actors.csv").read_bytes().count(b"\xeb") == 1


def test_utf8_with_bom():
    write(Path("d"), excel(ACTORS_NL, "utf-8", ",", "\n", bom=True), RELATIONS_NL)
    result = invoke("validate", "--data", "d")
    assert "d/actors.csv: read as UTF-8 with BOM, ','-separated, LF line endings" in result.stdout
    assert load_dataset(Path("d")).actors[0]["id"] == "mr"  # the BOM is not part of the header


def test_utf16_as_excel_unicode_text():
    data = ACTORS_NL.replace(",", "\t").replace("\n", "\r\n").encode("utf-16")
    write(Path("d"), data, RELATIONS_NL)
    result = invoke("validate", "--data", "d")
    assert result.exit_code == 0, result.output
    assert "read as UTF-16 (little-endian), tab-separated, CRLF line endings" in result.stdout


def test_trailing_empty_rows_and_columns_spaces_and_header_case():
    actors = ("ID;Name ; TYPE;Description;Aliases;;\r\n"
              " mr ; Mauritanië ;state; ;;;\r\n"
              "ci;\"Côte d'Ivoire; Republic\";state;\"two\r\nlines\";;;\r\n"
              ";;;;;;\r\n;;;;;;\r\n").encode("windows-1252")
    write(Path("d"), actors, excel(RELATIONS_NL))
    ds = load_dataset(Path("d"))
    assert [a["id"] for a in ds.actors] == ["mr", "ci"]
    assert ds.actors[0]["name"] == "Mauritanië"
    assert ds.actors[1]["name"] == "Côte d'Ivoire; Republic"
    assert ds.actors[1]["description"] == "two\r\nlines"


def test_quoted_cell_with_line_break_keeps_later_line_numbers_right():
    actors = ACTORS + 'd,"Delta\nsecond line",force,,\ne,Echo,force,,\n'
    relations = RELATIONS + "d,trains,e,doc,,,,\ne,trains,x,doc,,,,\n"
    write(Path("d"), actors, relations)
    result = invoke("validate", "--data", "d")
    assert "d/relations.csv:6: unknown actor 'x' in target" in result.stdout


@pytest.mark.parametrize("actors, message", [
    (b"id,name,type\nmr,Mauritani\x81,state\n", "d/actors.csv:2: byte 0x81: not valid UTF-8 or windows-1252"),
    ("id,name,type\nmr,Mauritanië,state\n".encode() + b"ci,C\xf4te,state\n",
     "d/actors.csv:3: byte 0xF4: the file mixes encodings: other lines are UTF-8 but this one is not;"
     " save the whole file as UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "d/actors.csv:1: this is a binary file (it contains NUL bytes),"
     " not a CSV text file"),
    (b"", "d/actors.csv:1: file is empty: expected a header line"),
    (b"\n\n  \n", "d/actors.csv:1: file is empty: expected a header line"),
    (b'id,name,type\nmr,"Mauritania,state\nci,Ivory,state\n',
     "d/actors.csv:2: a quoted cell opened on this line is never closed"),
    (b"id,name,type\nmr,Mauritania,state,extra\n", "d/actors.csv:2: row has 4 cells but the header has 3 columns: a value holding the separator ','"
     " must be in double quotes"),
    (b"id,name,type\nmr,Mauritania\n", "d/actors.csv:2: row has 2 cells but the header has 3 columns"),
    (b"id,name,type\nmr,Mauritania,state\n", None),
])
def test_bad_files_give_file_and_line(actors, message):
    write(Path("d"), actors, "source,relation,target,evidence\n")
    result = invoke("validate", "--data", "d")
    assert "Traceback" not in result.output
    if message is None:
        assert result.exit_code == 0
        assert "d/actors.csv:2: warning: actor 'mr' has no relation" in result.stdout
    else:
        assert result.exit_code == 1
        assert message in result.stdout.splitlines()


def test_header_only_file_is_valid_and_empty():
    write(Path("d"), "id,name,type\n", "source,relation,target\n")
    result = invoke("validate", "--data", "d")
    assert result.exit_code == 0
    assert "0 actors, 0 relations: 0 errors, 0 warnings" in result.stdout


def test_folder_instead_of_file():
    write(Path("d"))
    (Path("d") / "relations.csv").unlink()
    (Path("d") / "relations.csv").mkdir()
    result = invoke("validate", "--data", "d")
    assert result.exit_code == 1
    assert "d/relations.csv:0: is a folder, not a CSV file" in result.stdout


@pytest.mark.parametrize("data", [
    b"a,b\r\nc,d\r\n", b"a;b\nc;d", b'"a","b"\n"c","d"\n', b'a,b\n"x\r\ny",z\r\n',
    "a;b\r\nMauritanië;x\r\n".encode("cp1252"), b"\xef\xbb\xbfa,b\n\n\n",
])
def test_unchanged_files_round_trip_byte_for_byte(data):
    f, problems = parse_csv(data, Path("x.csv"), "x.csv")
    assert problems == []
    assert f.to_bytes() == data


LIBREOFFICE = [Path(__file__).parent / "fixtures" / name
               for name in ("libreoffice-semicolon-cp1252", "libreoffice-utf8")]


@pytest.mark.parametrize("folder", LIBREOFFICE, ids=lambda p: p.name)
def test_files_saved_by_libreoffice_read_as_the_original(folder):
    ours, theirs = load_dataset(folder.parent / "libreoffice-original"), load_dataset(folder)
    assert [dict(a) for a in theirs.actors] == [dict(a) for a in ours.actors]
    assert [dict(r) for r in theirs.relations] == [dict(r) for r in ours.relations]


def test_editing_a_libreoffice_file_keeps_its_form(tmp_path):
    import shutil

    folder = tmp_path / "lo"
    shutil.copytree(LIBREOFFICE[0], folder)
    before = (folder / "actors.csv").read_bytes()
    result = invoke("add-actor", "ml2", "--name", "Malië bis", "--type", "state", "--data", folder)
    assert result.exit_code == 0, result.output
    after = (folder / "actors.csv").read_bytes()
    assert after == before + b'"ml2";"Mali\xeb bis";"state";"";""\n'
    assert "read as windows-1252, ';'-separated, LF" in invoke("validate", "--data", folder).stdout


def test_empty_rows_before_the_header_are_kept_and_skipped(tmp_path):
    """A spreadsheet's empty first rows (blank, or ',,,') and a sep= line: the header is the first row with text."""
    data = b"\r\n,,,\r\nsep=;\r\n\r\nid;name;type\r\na;A;t\r\n"
    f, problems = parse_csv(data, Path("actors.csv"), "actors.csv")
    assert problems == [] and f.delimiter == ";"
    assert f.header.cells == ["id", "name", "type"] and f.header.line == 5
    assert [r.line for r in f.records] == [6]
    assert f.to_bytes() == data  # written back as it was
    f, problems = parse_csv(b",,,\n\n;\n", Path("kinds.csv"), "kinds.csv")
    assert f is None and [(p.line, p.code) for p in problems] == [(1, "empty-file")]
    folder = write(tmp_path / "lead", "\n,,,\n" + ACTORS, RELATIONS)
    before = (folder / "actors.csv").read_bytes()
    assert invoke("validate", "--data", folder).exit_code == 0
    assert invoke("add-actor", "zz", "--name", "Zed", "--type", "state", "--data", folder).exit_code == 0
    assert (folder / "actors.csv").read_bytes().startswith(before)  # the rows before the header untouched


@pytest.mark.parametrize("line", ['sep=;', 'sep=;;;', '"sep=;";;;', '"sep=";;;', '"sep=;";"";""', 'SEP=;'])
def test_a_sep_line_as_spreadsheets_write_it_back_names_the_delimiter(line):
    """LibreOffice quotes the cell holding "sep=;" (or, quoting every text cell, "sep=" before the ';')."""
    data = (line + "\r\nid;name;type\r\na;A, B;t\r\n").encode("windows-1252")
    f, problems = parse_csv(data, Path("actors.csv"), "actors.csv")
    assert problems == [] and f.delimiter == ";"
    assert f.header.cells == ["id", "name", "type"] and f.records[0].cells == ["a", "A, B", "t"]
    assert f.to_bytes() == data


@pytest.mark.parametrize("line", ['sep=;a', '"sep="', 'x;sep=;'])
def test_a_line_that_only_looks_like_a_sep_line_is_the_header(line):
    f, problems = parse_csv((line + "\nb;c;d\n").encode(), Path("actors.csv"), "actors.csv")
    assert problems == [] and f.header.raw == line


def test_a_quoted_cell_of_a_million_lines_is_one_record_with_the_lines_after_it_counted():
    """The end of a quoted cell is found by searching for quotes, not line by line (a 120 MB cell of
    line breaks took 3 minutes and 2.3 GB)."""
    lines = 1_000_000
    data = (b'id,name,type\na,"' + b"\r\n" * lines + b'",t\nb,"x""y\rz",t\n"c,d","e\n",",f"\n'
            b'g,"never closed\n\n')
    f, problems = parse_csv(data, Path("actors.csv"), "actors.csv")
    assert [(p.line, p.code) for p in problems] == [(lines + 7, "unclosed-quote")]
    f, problems = parse_csv(data[:data.rindex(b"g,")], Path("actors.csv"), "actors.csv")
    assert problems == []
    assert [(r.line, r.cells) for r in f.records[1:]] == [(lines + 3, ["b", 'x"y\rz', "t"]),
                                                         (lines + 5, ["c,d", "e\n", ",f"])]
    assert f.records[0].line == 2 and f.records[0].cells == ["a", "\r\n" * lines, "t"]
    assert f.to_bytes() == data[:data.rindex(b"g,")]


def test_a_stray_quote_hides_no_other_problem():
    """A quote never closed is an error on its line, and the lines after it (and the other files) are still
    read and checked; one closed far below says which lines it took."""
    folder = Path("d")
    write(folder, "id,name,type\na,Alpha,state\nb,Beta,state\n",
          'source,relation,target,evidence\na,trainz,b,x\nzz,trains,b,x\na,trains,b,"stray\n'
          "b,coordinates_with,nosuch,x\n")
    result = invoke("validate", "--data", folder)
    assert result.exit_code == 1 and "Traceback" not in result.output
    shown = folder / "relations.csv"
    for line, message in ((2, "unknown relation 'trainz'"), (3, "unknown actor 'zz' in source"),
                          (4, "a quoted cell opened on this line is never closed"),
                          (5, "unknown actor 'nosuch' in target")):
        assert f"{shown}:{line}: {message}" in result.stdout, (line, result.stdout)
    assert "4 errors" in result.stdout
    before = (folder / "relations.csv").read_bytes()
    assert invoke("add-actor", "c", "--name", "C", "--type", "state", "--data", folder).exit_code == 1
    assert (folder / "relations.csv").read_bytes() == before
    write(folder, 'id,name,type,description\na,Alpha,state,"open\nb,Beta,state,\nc,Gamma,state,"quoted",x\n',
          "source,relation,target,evidence\na,trains,b,x\n")
    said = invoke("validate", "--data", folder).stdout
    assert (f"{folder / 'actors.csv'}:2: row has 5 cells but the header has 4 columns: a quoted cell opened on"
            " this line runs on to line 4") in said


def test_a_stray_quote_that_closes_again_below_is_a_warning_naming_the_rows_it_took():
    """A quote opened on one line and closed lines below can leave the row with the header's cell count,
    and rows in between would vanish into one cell unseen: the lines that look like rows are named."""
    folder = Path("d")
    write(folder, 'id,name,type\na,"Alpha,state\nb,Beta,state\nc,Gamma",state\nd,Delta,state\n',
          "source,relation,target,evidence\na,trains,d,x\n")
    result = invoke("validate", "--data", folder)
    assert result.exit_code == 0 and "2 warnings" in result.stdout  # and the name's line breaks (line-break)
    assert (f"{folder / 'actors.csv'}:2: warning: a quoted cell opened on this line runs on to line 4, and lines"
            " 3, 4 inside it look like rows of their own") in result.stdout
    write(folder, 'id,name,type\na,"Al\u2028pha,state\nb,Beta,state\nc,Gamma",state\n',
          "source,relation,target,evidence\na,trains,c,x\n")  # a line separator is no line break of the file
    assert (f"{folder / 'actors.csv'}:2: warning: a quoted cell opened on this line runs on to line 4, and lines"
            " 3, 4 inside it") in invoke("validate", "--data", folder).stdout
    write(folder, 'id,name,type,description\na,Alpha,state,"One, two\nthree, four\nfive"\nd,Delta,state,\n',
          "source,relation,target,evidence\na,trains,d,x\n")  # a description of several lines: no warning
    result = invoke("validate", "--data", folder)
    assert result.exit_code == 0 and "0 warnings" in result.stdout, result.stdout


def test_a_run_of_blank_lines_is_one_record_and_rows_are_capped(monkeypatch):
    """Millions of empty lines cost one record (it was one per line: gigabytes); too many rows is a problem."""
    import graph.data.csvio as csvio

    data = b"id,name,type\r\na,A,t\r\n" + b"\r\n\n\r" * 100_000 + b"b,B,t\r\n\r\n"
    f, problems = parse_csv(data, Path("actors.csv"), "actors.csv")
    assert problems == []
    assert [(r.line, r.cells) for r in f.records] == [(2, ["a", "A", "t"]), (3, []), (300_003, ["b", "B", "t"]),
                                                      (300_004, [])]
    assert f.to_bytes() == data
    f, problems = parse_csv(b'id,name\r\na,"x\r\n\r\ny"\r\n\r\n\r\nb,B\r\n', Path("a.csv"), "a.csv")
    assert [(r.line, r.cells) for r in f.records] == [(2, ["a", "x\r\n\r\ny"]), (5, []), (7, ["b", "B"])]
    monkeypatch.setattr(csvio, "MAX_ROWS", 3)
    f, problems = parse_csv(b"id\n1\n2\n3\n4\n5\n", Path("a.csv"), "a.csv")
    assert f is None and [(p.line, p.code) for p in problems] == [(4, "unreadable-file")]
    assert "more than 3 rows" in problems[0].message
    monkeypatch.setattr(csvio, "MAX_ROWS", 2_000_000)
    monkeypatch.setattr(csvio, "MAX_CELLS", 100)  # empty cells cost memory too (100 rows of 1M: 5 GB before)
    f, problems = parse_csv(b"id,name\na,A\n" + b"b" + b"," * 200 + b"\n", Path("a.csv"), "a.csv")
    assert f is None and [(p.line, p.code) for p in problems] == [(0, "unreadable-file")]
    assert problems[0].message == ("holds up to 205 cells, more than the 100 actorgraph reads: remove empty"
                                   " columns, or split the file")
    assert parse_csv(b"id,name\na,A\n" + b"b,B\n" * 40, Path("a.csv"), "a.csv")[1] == []


@pytest.mark.parametrize("encoding,bom", [("utf-16-be", b"\xfe\xff"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_an_edit_keeps_the_byte_order(tmp_path, encoding, bom):
    """A big-endian UTF-16 file stays big-endian (it was written back little-endian: every byte changed)."""
    folder = write(tmp_path / "bo", ACTORS, RELATIONS)
    before = bom + (folder / "relations.csv").read_text(encoding="utf-8").encode(encoding)
    (folder / "relations.csv").write_bytes(before)
    assert invoke("add-relation", "a", "trains", "c", "--evidence", "x", "--data", folder).exit_code == 0
    after = (folder / "relations.csv").read_bytes()
    assert after.startswith(before)  # every row as it was, the new one after them
    assert "a,trains,c,x" in after[len(before):].decode(encoding)
