"""Editing commands: validated first, minimal byte-level changes, nothing lost on failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ACTORS, RELATIONS, invoke, snapshot, write
from graph.data.journal import JOURNAL, recover
from graph.data.load import load_dataset


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def d():
    return write(Path("d"))


def ok(*args):
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def refused(folder, *args):
    before = snapshot(folder)
    result = invoke(*args)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert snapshot(folder) == before  # a failed command changes no file
    return result


def test_add_actor_appends_one_row(d):
    before = (d / "actors.csv").read_bytes()
    result = ok("add-actor", "eu", "--name", "European Union", "--type", "regional organisation",
                "--alias", "EU", "--alias", "Europese Unie", "--data", d)
    after = (d / "actors.csv").read_bytes()
    assert after == before + b"eu,European Union,regional organisation,,EU;Europese Unie\n"
    assert "added actor 'eu' (European Union)" in result.stderr
    assert "d/actors.csv:5: warning: actor 'eu' has no relation" in result.stderr
    assert load_dataset(d, strict=False).actor("eu")["aliases"] == "EU;Europese Unie"


EXCEL_ACTORS = "id;name;type;description;aliases\r\nml;Malië;state;;\r\nci;Côte d'Ivoire;state;;\r\n"
EXCEL_RELATIONS = "source;relation;target;evidence\r\nml;coordinates_with;ci;doc\r\n"


def test_add_actor_keeps_excel_format():
    folder = write(Path("x"), EXCEL_ACTORS.encode("cp1252"), EXCEL_RELATIONS.encode("cp1252"))
    before = (folder / "actors.csv").read_bytes()
    ok("add-actor", "mr", "--name", "Mauritanië", "--type", "state", "--description", "a; b", "--data", folder)
    after = (folder / "actors.csv").read_bytes()
    assert after == before + 'mr;Mauritanië;state;"a; b";\r\n'.encode("cp1252")


def test_a_file_of_ascii_only_turns_windows_1252_where_the_folder_or_excel_says_so():
    """ASCII reads alike in every encoding (it is read as UTF-8): a first accent is written in Windows-1252
    where the folder's other files are, or, all ASCII, where the file is ';'-separated with CRLF (as Excel
    saves it); else it stays UTF-8. Rows the edit does not touch keep their bytes."""
    excel = write(Path("e"), b"id;name;type\r\nfama;FAMa;armed forces\r\neutm;EUTM;mission\r\n",
                  b"source;relation;target;evidence\r\neutm;trains;fama;doc\r\n")
    before = (excel / "actors.csv").read_bytes()
    result = ok("add-actor", "mi", "--name", "Intégrée", "--type", "mission de l’ONU", "--data", excel)
    assert (excel / "actors.csv").read_bytes() == before + "mi;Intégrée;mission de l’ONU\r\n".encode("cp1252")
    assert "e/actors.csv: held only ASCII, now written in windows-1252 (as Excel saves" in result.stderr
    result = ok("add-relation", "mi", "coordinates_with", "fama", "--evidence", "Opération €", "--data", excel)
    assert (excel / "relations.csv").read_bytes().endswith("Opération €\r\n".encode("cp1252"))
    assert "e/relations.csv: held only ASCII, now written in windows-1252 (as e/actors.csv is)" in result.stderr
    plain = write(Path("p"), "id,name,type\na,A,t\nc,C,t\n", "source,relation,target,evidence\na,trains,c,x\n")
    ok("add-actor", "b", "--name", "Bé", "--type", "t", "--data", plain)  # a comma and LF: UTF-8, as before
    assert (plain / "actors.csv").read_bytes() == "id,name,type\na,A,t\nc,C,t\nb,Bé,t\n".encode("utf-8")
    bom = write(Path("b"), "\ufeffid;name;type\r\na;Ä;t\r\nc;C;t\r\n".encode("utf-8"),
                b"source;relation;target;evidence\r\n")  # the folder is UTF-8: the file stays UTF-8, no mark added
    ok("add-relation", "a", "trains", "c", "--evidence", "é", "--data", bom)
    assert (bom / "relations.csv").read_bytes() == "source;relation;target;evidence\r\na;trains;c;é\r\n".encode()
    fresh = write(Path("f"), b"id;name;type\r\na;A;t\r\n", b"source;relation;target;evidence\r\n")
    said = ok("add-actor", "ng", "--name", "Ŋgoni", "--type", "t", "--data", fresh).stderr  # not in Windows-1252
    assert (fresh / "actors.csv").read_bytes().endswith("ng;Ŋgoni;t\r\n".encode()) and "held only ASCII" not in said


def test_add_actor_that_cannot_be_encoded_is_refused():
    folder = write(Path("x"), EXCEL_ACTORS.encode("cp1252"), EXCEL_RELATIONS.encode("cp1252"))
    result = refused(folder, "add-actor", "ng", "--name", "Ŋgoni", "--type", "state", "--data", folder)
    assert "x/actors.csv:4: 'Ŋ' cannot be saved in windows-1252; save the file as UTF-8 first" in result.stderr


@pytest.mark.parametrize("args, message", [
    (["add-actor", "A b", "--name", "X", "--type", "t"], "id 'A b' is not a valid slug"),
    (["add-actor", "a", "--name", "X", "--type", "t"], "actor 'a' already exists (Alpha)"),
    (["rename-actor", "Alpha", "a"], "the id of actor 'a' is 'a' already; nothing was changed"),
    (["add-relation", "alpah", "trains", "c"], "unknown actor 'alpah'; did you mean 'a' (Alpha)?"),
    (["add-relation", "a", "likes", "c"], "unknown relation 'likes' (allowed: trains, accompanies,"),
    (["add-relation", "a", "trains", "c", "--since", "2019-02-30"],
     "d/relations.csv:5: malformed or impossible date '2019-02-30' in since"),
    (["add-relation", "Alef", "trains", "Beta"], "d/relations.csv:5: duplicate relation a trains b (first on line 2);"
     " their periods overlap"),
    (["add-relation", "c", "part_of", "b"], "d/relations.csv:5: part_of cycle: b -> c -> b"),
    (["remove-relation", "a", "accompanies", "b"], "no relation a accompanies b; between them: a trains b"),
    (["remove-actor", "b"], "actor 'b' is named by 2 relations (line 2: a trains b; line 3: b part_of c);"
                            " remove them first or use --cascade"),
    (["rename-actor", "a", "b"], "actor 'b' already exists (Beta)"),
    (["set-actor", "a"], "nothing to change"),
    (["set-actor", "a", "--set", "id=z"], "use rename-actor to change an id"),
])
def test_refused_edits_say_why_and_change_nothing(d, args, message):
    result = refused(d, *args, "--data", d)
    assert message in result.stderr


def test_an_edit_refused_for_errors_already_in_the_data_says_so():
    """An error the data had before (not the edit's): the message says to mend it first; an error the edit
    would bring says the data would have errors. Nothing is written either way."""
    folder = write(Path("e"), "id,name,type\na,A,x\nb,B,\n", "source,relation,target,evidence\na,trains,b,s\n")
    before = snapshot(folder)
    result = invoke("add-actor", "c", "--name", "C", "--type", "x", "--data", folder)
    assert result.exit_code == 1 and f"{folder / 'actors.csv'}:3: empty required field 'type'" in result.stderr
    assert "the data has the errors above already (this edit adds none); mend them first" in result.stderr
    assert snapshot(folder) == before
    write(folder, "id,name,type\na,A,x\nb,B,x\n", "source,relation,target,evidence\na,trains,b,s\n")
    before = snapshot(folder)
    result = invoke("add-relation", "b", "trains", "a", "--since", "banana", "--data", folder)
    assert result.exit_code == 1 and "the data would have errors" in result.stderr
    assert snapshot(folder) == before


def test_ambiguous_actor_name(d):
    write(d, ACTORS + "g,Gamma,state,,\n", RELATIONS + "a,trains,g,doc,,,,\n")
    result = refused(d, "remove-actor", "gamma", "--data", d)
    assert "'gamma' is ambiguous: it matches 'c' (Gamma), 'g' (Gamma); use an id" in result.stderr


def test_add_relation_by_names_and_aliases(d):
    before = (d / "relations.csv").read_bytes()
    ok("add-relation", "GAMMA", "Accompanies", "Alef", "--evidence", "doc, §4", "--confidence", "implied",
       "--since", "2020-09", "--data", d)
    assert (d / "relations.csv").read_bytes() == before + b'c,accompanies,a,"doc, \xc2\xa74",,implied,2020-09,\n'


def test_remove_actor_cascade_says_which(d):
    result = ok("remove-actor", "b", "--cascade", "--data", d)
    assert "removed relation a trains b (line 2)" in result.stderr
    assert "removed relation b part_of c (line 3)" in result.stderr
    assert (d / "actors.csv").read_text() == ACTORS.replace("b,Beta,force,Second actor,\n", "")
    assert (d / "relations.csv").read_text() == "\n".join(
        l for l in RELATIONS.splitlines() if "b" not in l.split(",")[:3:2]) + "\n"


def test_remove_symmetric_relation_in_either_order(d):
    ok("remove-relation", "c", "coordinates-with", "a", "--data", d)
    assert "coordinates_with" not in (d / "relations.csv").read_text()


def test_rename_actor_everywhere_in_one_step(d):
    a_before = (d / "actors.csv").read_text().splitlines()
    r_before = (d / "relations.csv").read_text().splitlines()
    result = ok("rename-actor", "Alpha", "alpha", "--data", d)
    assert "renamed actor 'a' to 'alpha' (and in 2 relations)" in result.stderr
    a_after = (d / "actors.csv").read_text().splitlines()
    r_after = (d / "relations.csv").read_text().splitlines()
    assert [i for i, (x, y) in enumerate(zip(a_before, a_after)) if x != y] == [1]
    assert [i for i, (x, y) in enumerate(zip(r_before, r_after)) if x != y] == [1, 3]
    assert r_after[3] == "alpha,coordinates_with,c,doc §3,,stated,,"
    assert not (d / JOURNAL).exists()


def test_set_actor_fields_keeps_extra_columns_and_order(d):
    write(d, "name,id,type,aliases,website\nAlpha,a,force,A1,http-less.example\nBeta,b,force,,\nGamma,c,state,,\n")
    ok("set-actor", "a", "--name", "Alpha Force", "--add-alias", "AF", "--set", "website=w", "--data", d)
    assert (d / "actors.csv").read_text() == ("name,id,type,aliases,website\nAlpha Force,a,force,A1;AF,w\n"
                                              "Beta,b,force,,\nGamma,c,state,,\n")


def test_set_creates_a_missing_column(d):
    ok("set-actor", "b", "--set", "Source_URL=s", "--data", d)
    lines = (d / "actors.csv").read_text().splitlines()
    assert lines[0] == "id,name,type,description,aliases,source_url"
    assert lines[2] == "b,Beta,force,Second actor,,s"


@pytest.mark.parametrize("column, shown", [("bad\ncol", "'bad\\ncol'"), ("\ufeffurl", "'\\ufeffurl'"),
                                           ("a;b", "'a;b'"), ('say "x"', "'say \"x\"'"), ("tab\there", "'tab\\there'")])
def test_set_refuses_a_new_column_name_a_spreadsheet_would_not_show_as_typed(d, column, shown):
    before = snapshot(d)
    result = invoke("set-actor", "b", "--set", f"{column}=s", "--data", d)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"{shown} cannot be a column name" in result.output and "\n" not in result.output.strip()
    assert snapshot(d) == before


def test_dry_run_prints_a_diff_and_writes_nothing(d):
    before = snapshot(d)
    result = ok("rename-actor", "c", "gamma", "--dry-run", "--data", d)
    assert snapshot(d) == before
    assert result.stdout.startswith("--- a/d/actors.csv\n+++ b/d/actors.csv\n")
    assert "-c,Gamma,state,Third actor,G\n+gamma,Gamma,state,Third actor,G\n" in result.stdout
    assert "+a,coordinates_with,gamma,doc §3,,stated,,\n" in result.stdout
    assert "dry run: nothing was written" in result.stderr


def test_quote_all_files_stay_quote_all(d):
    write(d, '"id","name","type"\n"a","Alpha","force"\n"b","Beta","force"\n"c","Gamma","state"\n')
    ok("add-actor", "e", "--name", "Echo", "--type", "force", "--data", d)
    assert (d / "actors.csv").read_text().endswith('"c","Gamma","state"\n"e","Echo","force"\n')


def test_no_final_newline_add_then_remove_is_identity(d):
    write(d, ACTORS.rstrip("\n"), RELATIONS.rstrip("\n"))
    start = snapshot(d)
    ok("add-actor", "e", "--name", "Echo", "--type", "force", "--data", d)
    assert (d / "actors.csv").read_text().endswith("G\ne,Echo,force,,")
    ok("add-relation", "e", "trains", "a", "--data", d)
    ok("remove-relation", "e", "trains", "a", "--data", d)
    ok("remove-actor", "e", "--data", d)
    assert snapshot(d) == start


def test_new_row_goes_before_trailing_blank_rows(d):
    write(d, EXCEL_ACTORS + ";;;;\r\n;;;;\r\n", EXCEL_RELATIONS)
    ok("add-actor", "e", "--name", "Echo", "--type", "force", "--data", d)
    assert (d / "actors.csv").read_bytes().decode("utf-8").endswith("ci;Côte d'Ivoire;state;;\r\ne;Echo;force;;\r\n;;;;\r\n;;;;\r\n")


def test_edit_can_repair_invalid_data(d):
    write(d, relations=RELATIONS + "a,trains,zz,doc,,,,\n")
    result = refused(d, "add-actor", "e", "--name", "E", "--type", "t", "--data", d)
    assert "d/relations.csv:5: unknown actor 'zz' in target" in result.stderr
    ok("add-actor", "zz", "--name", "Zulu", "--type", "t", "--data", d)
    assert invoke("validate", "--data", d).exit_code == 0


def test_interrupted_two_file_edit_is_completed_by_validate(d):
    (d / ".actorgraph-actors.csv.x.tmp").write_text(ACTORS.replace("a,Alpha", "z,Alpha"))
    (d / ".actorgraph-relations.csv.x.tmp").write_text(RELATIONS.replace("a,", "z,"))
    (d / JOURNAL).write_text(json.dumps({"actors.csv": ".actorgraph-actors.csv.x.tmp",
                                         "relations.csv": ".actorgraph-relations.csv.x.tmp"}))
    (d / "actors.csv").write_text(ACTORS.replace("a,Alpha", "z,Alpha"))  # crash after the first rename
    (d / ".actorgraph-actors.csv.x.tmp").unlink()
    result = invoke("validate", "--data", d)
    assert result.exit_code == 0, result.output
    assert "completed an interrupted edit of actors.csv, relations.csv" in result.stdout
    assert (d / "relations.csv").read_text() == RELATIONS.replace("a,", "z,")
    assert not (d / JOURNAL).exists()
    assert recover(d) == []


def test_a_dry_runs_diff_shows_control_characters_escaped(tmp_path):
    folder = write(tmp_path / "esc", ACTORS + "evil,Evil\x1b]0;PWN\x07\x1b[2J,state,,\n", RELATIONS)
    result = invoke("rename-actor", "evil", "nice", "--dry-run", "--data", folder)  # a file may hold them
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "Evil\\x1b]0;PWN\\x07\\x1b[2J" in result.output


def test_csv_on_a_terminal_shows_control_characters_and_stays_raw_in_a_pipe(monkeypatch):
    import sys

    from actorgraph_cli.options import on_screen

    text = "id,name\r\na,Evil\x1b[2J\tx\r\n"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert on_screen(text) == text
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert on_screen(text) == "id,name\r\na,Evil\\x1b[2J\tx\r\n"
