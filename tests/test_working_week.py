"""Issue 25, a working week with your own map: spreadsheets both ways, names in relations.csv,
quiet edits, hints that work, a field-level diff, import notes, counts named."""

from __future__ import annotations

import json
import os
import shlex

import pytest

from conftest import ACTORS, BUNDLED, RELATIONS, invoke, snapshot, write


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths in messages as typed: c/kinds.csv


def ok(*args):
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    return result


# ---- item 9: kinds.csv problems all at once ------------------------------------------------------------

def test_every_problem_of_a_kinds_row_is_reported_at_once(tmp_path):
    d = write(tmp_path / "c", ACTORS, "source,relation,target,evidence\na,opposes,b,x\n")
    (d / "kinds.csv").write_text("kind,label,inverse,directed,color,style\nopposes,opposes,opposed by,yes,,\n"
                                 "funds,x,y,maybe,red,wavy\n")
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("c/kinds.csv:3")] == [
        "c/kinds.csv:3: directed must be yes or no, not 'maybe'",
        "c/kinds.csv:3: color must be #rrggbb (six hex digits), not 'red'",
        "c/kinds.csv:3: style must be one of solid, dashed, dotted, not 'wavy'"]


# ---- item 4: the missing-column error points at the header line ------------------------------------------

def test_missing_column_after_a_sep_line_points_at_the_header(tmp_path):
    d = write(tmp_path / "d", ACTORS, ("sep=;\r\nsource;relation;evidence\r\na;trains;doc\r\n").encode("cp1252"))
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1
    assert "d/relations.csv:2: missing required column 'target' (the header has: source, relation, evidence)" \
        in result.stdout.splitlines()


def test_import_error_for_a_missing_column_points_at_the_header_after_sep(tmp_path):
    (tmp_path / "ties.csv").write_bytes(b"sep=;\r\nfrom;kind\r\na;trains\r\n")
    result = invoke("import", "ties.csv", "-o", "m")
    assert result.exit_code == 1
    assert "ties.csv:2: no target column" in result.stderr
    assert not (tmp_path / "m").exists()


# ---- item 8: import says when it turns a tie round; Dutch and French headers ------------------------------

@pytest.mark.parametrize("header", ["van;relatie;naar", "bron;soort;doel", "source;relation;cible", "de;type;à"])
def test_import_reads_dutch_and_french_headers_and_notes_backwards_ties(tmp_path, header):
    text = f"sep=;\r\n{header}\r\nfama;trained by;eutm\r\neutm;trains;g5\r\n"
    (tmp_path / "ties.csv").write_bytes(text.encode("cp1252"))
    result = invoke("import", "ties.csv", "-o", "m")
    assert result.exit_code == 0, result.output
    assert "note: 'trained by' reads backwards: 1 tie recorded the right way round (eutm trains fama)" \
        in result.stderr.splitlines()
    rows = (tmp_path / "m" / "relations.csv").read_text().splitlines()
    assert [r.split(",")[:3] for r in rows[1:]] == [["eutm", "trains", "fama"], ["eutm", "trains", "g5"]]
