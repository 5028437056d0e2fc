"""Issue 25, a working week with your own map: spreadsheets both ways, names in relations.csv,
quiet edits, hints that work, a field-level diff, import notes, counts named."""

from __future__ import annotations

import json
import os
import shlex

import pytest

from conftest import ACTORS, BUNDLED, invoke, ok, RELATIONS, snapshot, write


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # paths in messages as typed: c/kinds.csv


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


# ---- item 6: every hint that names an option or a command names one that works ------------------------

def _options_of(name: str) -> set[str]:
    import click

    from cli import main

    command = main.get_command(click.Context(main), name)
    return {o for p in command.params for o in getattr(p, "opts", [])} | {"--data", "--help"}


def _hinted(message: str, command: str):
    """(command, option) pairs a message suggests: options alone belong to the command that ran."""
    import re

    from cli import COMMANDS

    for quoted in re.findall(r"`actorgraph ([^`]+)`", message):
        words = shlex.split(quoted)
        name = next(w for w in words if not w.startswith("-") and w not in ("DIR",) and w in COMMANDS)
        yield name, None
        for option in (w for w in words if w.startswith("--")):
            yield name, option.split("=")[0]
    bare = re.sub(r"`actorgraph [^`]+`", "", message)
    for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", bare):
        yield command, option


def test_a_hint_to_pick_a_row_names_the_option_that_picks_it_and_following_it_works(tmp_path):
    d = write(tmp_path / "d", relations=RELATIONS.replace("a,trains,b,doc §1,a trains b,stated,2019,",
                                                          "a,trains,b,doc §1,first,stated,2019,2019-06\n"
                                                          "a,trains,b,doc §2,again,stated,01/01/2021,"))
    for command in ("set-relation", "remove-relation"):
        args = [command, "a", "trains", "b"] + (["--note", "x"] if command == "set-relation" else [])
        result = invoke(*args, "--data", d)
        assert result.exit_code == 1
        hint = result.stderr.split("pick one with ")[1].split(";")[0]
        assert hint == "--row-since 2019"
        ok(*args, *shlex.split(hint), "--data", d)  # following the hint works


HINTED = [  # failing commands whose messages name options or commands
    ("set-relation", "a", "trains", "c", "--note", "x"),
    ("set-relation", "a", "trains", "b"),
    ("set-actor", "a"),
    ("remove-actor", "a"),
    ("add-actor", "Bad Id", "--name", "x", "--type", "y"),
    ("add-actor", "a", "--name", "x", "--type", "y", "--set", "name=z"),
    ("set-actor", "a", "--set", "id=z"),
    ("neighbors", "zz"),
    ("centrality", "--as-of", "18/08/20"),
    ("centrality", "--relation", "partof"),
    ("centrality", "--without", "a", "--without", "b", "--without", "c"),
    ("validate",),
]


@pytest.mark.parametrize("args", HINTED, ids=[" ".join(a) for a in HINTED])
def test_every_option_a_hint_names_exists(tmp_path, args):
    d = write(tmp_path / "d", ACTORS + "e,Epsilon,force,,\n",
              RELATIONS.replace("2020-08-18", "20/08/18").replace("a,coordinates_with", "a,coordinates with"))
    if args[0] != "validate":
        d = write(tmp_path / "d", ACTORS, RELATIONS)
    result = invoke(*args, "--data", d)
    message = result.stderr + result.stdout
    assert result.exit_code != 0 or args[0] == "validate", message
    for command, option in _hinted(message, args[0]):
        assert option is None or option in _options_of(command), (command, option, message)


# ---- item 5: an edit shows the warnings on the rows it touched, and counts the others -------------------

def test_adding_actors_to_a_new_map_does_not_repeat_every_warning(tmp_path):
    ok("init", "m")
    for i in range(1, 4):
        result = ok("add-actor", f"x{i}", "--name", f"X {i}", "--type", "army", "--data", "m")
    assert result.stderr.splitlines() == [
        "added actor 'x3' (X 3)",
        "m/actors.csv:4: warning: actor 'x3' has no relation",
        "2 other warnings in the data: `actorgraph validate --data m`"]
    result = ok("add-relation", "x1", "trains", "x2", "--data", "m")
    assert result.stderr.splitlines() == [
        "added relation x1 trains x2",
        "m/relations.csv:2: warning: relation without evidence",
        "1 other warning in the data: `actorgraph validate --data m`"]


# ---- item 10: the default title names the folder, also from inside it ----------------------------------

def test_the_default_title_names_the_folder_when_run_inside_it(tmp_path, monkeypatch):
    ok("init", "cabo-delgado", "--example")
    monkeypatch.chdir(tmp_path / "cabo-delgado")
    ok("report", "-o", "../brief.md")
    ok("render", "-o", "../map.html")
    assert (tmp_path / "brief.md").read_text().splitlines()[0] == "# Briefing: cabo-delgado"
    assert "<title>Actor map: cabo-delgado</title>" in (tmp_path / "map.html").read_text()


# ---- item 11: export says what the view left out -------------------------------------------------------

@pytest.mark.slow  # a full layout or several renders: in the full suite, not the fast loop
def test_export_says_what_the_view_left_out(tmp_path):
    from conftest import bundled_count

    result = ok("export", "--format", "gexf", "-o", "x.gexf", "--data", BUNDLED, "--as-of", "2019")
    planned, recommended = bundled_count("planned"), bundled_count("recommended")
    assert f"note: actual ties only: {planned} planned, {recommended} recommended ties left out" \
           " (--status to include them)" in result.stderr.splitlines()
    assert any(line.startswith("note: as of 2019: ") for line in result.stderr.splitlines())
    result = ok("export", "--format", "gexf", "-o", "y.gexf", "--data", BUNDLED, "--status", "all")
    assert "left out" not in result.stderr


# ---- item 2: names in relations.csv -------------------------------------------------------------------

NAMED = RELATIONS.replace("a,trains,b,", "Alpha,trains,BETA,").replace("a,coordinates_with,c", "alef,coordinates_with,c")


def test_a_name_or_alias_in_relations_is_accepted_with_a_warning(tmp_path):
    d = write(tmp_path / "d", ACTORS, NAMED)
    result = invoke("validate", "--data", "d")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stdout.splitlines() if "warning" in line and "of actor" in line] == [
        "d/relations.csv:2: warning: 'Alpha' in source is the name of actor 'a': write its id"
        " (`actorgraph validate --fix` does)",
        "d/relations.csv:2: warning: 'BETA' in target is the name of actor 'b': write its id"
        " (`actorgraph validate --fix` does)",
        "d/relations.csv:4: warning: 'alef' in source is an alias of actor 'a': write its id"
        " (`actorgraph validate --fix` does)"]
    rows = json.loads(ok("neighbors", "a", "--format", "json", "--data", d).stdout)
    assert sorted(r["id"] for r in rows) == ["b", "c"]


def test_validate_fix_writes_ids_as_a_minimal_edit_after_a_dry_run(tmp_path):
    crlf = ("sep=;\r\n" + NAMED.replace(",", ";").replace("\n", "\r\n")).encode("cp1252")
    d = write(tmp_path / "d", ACTORS, crlf)
    before = snapshot(d)
    result = ok("validate", "--fix", "--dry-run", "--data", "d")
    assert snapshot(d) == before
    # (CliRunner's stdout turns CRLF into LF; the file's bytes are checked below)
    assert [line for line in result.stdout.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")] == [
        "-Alpha;trains;BETA;doc §1;a trains b;stated;2019;", "+a;trains;b;doc §1;a trains b;stated;2019;",
        "-alef;coordinates_with;c;doc §3;;stated;;", "+a;coordinates_with;c;doc §3;;stated;;"]
    result = ok("validate", "--fix", "--data", "d")
    assert "d/relations.csv:3: source 'Alpha' -> 'a', target 'BETA' -> 'b'" in result.stderr.splitlines()
    after = (d / "relations.csv").read_bytes()
    assert after == before["relations.csv"].replace("Alpha;trains;BETA".encode(), b"a;trains;b").replace(
        b"alef;coordinates_with", b"a;coordinates_with")
    assert result.stdout.endswith("0 errors, 0 warnings\n")


def test_an_ambiguous_name_stays_an_error_listing_the_candidates(tmp_path):
    write(tmp_path / "d", ACTORS + "e,Echo,force,,Alef\n", NAMED + "e,trains,c,doc,,,,\n")
    result = invoke("validate", "--data", "d")
    assert result.exit_code == 1
    assert "d/relations.csv:4: 'alef' in source names 2 actors: 'a' (Alpha), 'e' (Echo); write the id of one" \
        in result.stdout.splitlines()


# ---- item 7: diff is field-level -----------------------------------------------------------------------

def test_diff_matches_an_actor_renamed_and_renamed_again_and_tie_rows_by_period(tmp_path):
    two_rows = RELATIONS.replace("a,trains,b,doc §1,a trains b,stated,2019,",
                                 "a,trains,b,doc §1,first,stated,2019,2019-06\n"
                                 "a,trains,b,doc §2,again,stated,01/12/2022,")
    old = write(tmp_path / "old", ACTORS, two_rows)
    new = write(tmp_path / "new", ACTORS.replace("a,Alpha,", "alpha,Alpha Force,"),
                two_rows.replace("a,", "alpha,").replace("01/12/2022", "01/01/2023"))
    report = json.loads(ok("diff", old, new, "--format", "json").stdout)
    assert report["changes"] == [
        {"change": "renamed", "what": "actor", "item": "a -> alpha",
         "details": "id: 'a' -> 'alpha'; name: 'Alpha' -> 'Alpha Force'", "line": 2},
        {"change": "changed", "what": "relation", "item": "alpha trains b",
         "details": "since: '01/12/2022' -> '01/01/2023'", "line": 3}]
    assert [r["id"] for r in report["ranks"]].count("alpha") == 1
    assert all(r["rank_before"] is not None for r in report["ranks"] if r["id"] == "alpha")


# ---- item 1: spreadsheets both ways --------------------------------------------------------------------

def _cells(data: bytes) -> list[list[str]]:
    from pathlib import Path

    from graph.data.csvio import parse_csv

    f, problems = parse_csv(data, Path("x.csv"), "x.csv")
    assert not problems
    return [f.header.cells] + [r.cells for r in f.records if not r.blank]


@pytest.mark.parametrize("lang, sep", [("nl_BE.UTF-8", b";"), ("fr_FR.UTF-8", b";"), ("de_DE", b";"),
                                       ("en_GB.UTF-8", b",")])
def test_init_excel_writes_what_excel_opens_in_the_users_language(tmp_path, monkeypatch, lang, sep):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_NUMERIC", raising=False)
    monkeypatch.setenv("LANG", lang)
    ok("init", "m", "--excel", "--example")
    for name in ("actors.csv", "relations.csv", "kinds.csv", "sources.csv"):
        data = (tmp_path / "m" / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbfsep=" + sep + b"\r\n"), name
        assert data.count(b"\r\n") == data.count(b"\n"), name
        if name != "kinds.csv":
            assert _cells(data) == _cells((BUNDLED / name).read_bytes()), name
    ok("add-actor", "rdf", "--name", "Rwanda Defence Force", "--type", "army", "--data", "m")
    assert (tmp_path / "m" / "actors.csv").read_bytes().endswith(sep.join(
        [b"rdf", b"Rwanda Defence Force", b"army", b"", b""]) + b"\r\n")
    assert "0 errors" in ok("validate", "--data", "m").stdout


def test_export_excel_writes_tables_excel_opens_and_sep_chooses(tmp_path):
    ok("export", "--excel", "--sep", ";", "-o", "x.csv", "--data", BUNDLED)
    edges = (tmp_path / "x-edges.csv").read_bytes()
    assert edges.startswith(b"\xef\xbb\xbfsep=;\r\nSource;Target;Type;")
    plain = ok("export", "--format", "csv", "-o", "y.csv", "--data", BUNDLED)
    assert _cells(edges) == _cells((tmp_path / "y-edges.csv").read_bytes())
    assert "é".encode() in (tmp_path / "x-nodes.csv").read_bytes()
    assert invoke("export", "--excel", "--format", "gexf", "-o", "z.gexf", "--data", BUNDLED).exit_code == 2
    assert invoke("export", "--sep", ";", "--format", "csv", "-o", "z.csv", "--data", BUNDLED).exit_code == 2
    assert plain.exit_code == 0 and not (tmp_path / "z.gexf").exists()


def _soffice():
    import shutil

    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.mark.slow
def test_libreoffice_opens_excel_files_into_the_right_columns_with_accents_intact(tmp_path, monkeypatch):
    import subprocess

    soffice = _soffice()
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    ok("init", "m", "--excel", "--example")
    ok("export", "--excel", "-o", "x.csv", "--data", "m")
    files = [tmp_path / "m" / "actors.csv", tmp_path / "m" / "relations.csv", tmp_path / "x-edges.csv"]
    # the separator and character set as a Belgian user picks them in LibreOffice's import dialog (headless,
    # LibreOffice neither reads the sep= line nor, under every locale, the BOM: Excel does both)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--headless",
                    "--infilter=CSV:59,34,76,1", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path / "out"), *map(str, files)], check=True, capture_output=True, timeout=180)
    accented = 0
    for path, original in zip(files, [BUNDLED / "actors.csv", BUNDLED / "relations.csv", None]):
        opened = _cells((tmp_path / "out" / path.name).read_bytes())
        if opened[0][0].startswith("sep="):  # LibreOffice 7.4 may show the sep= line as a row
            opened = opened[1:]
        assert opened[0][:2] in (["id", "name"], ["source", "relation"], ["Source", "Target"]), path.name
        written = _cells(path.read_bytes())
        assert opened == [row + [""] * (len(opened[0]) - len(row)) for row in written], path.name
        if original is not None:
            assert written == _cells(original.read_bytes())
        accented += sum(1 for row in opened for c in row if any(ord(ch) > 127 for ch in c))
    assert accented > 10  # cells with accents and dashes came through, equal to what was written


# ---- item 12: the page names its two counts and the footer counts what is drawn ---------------------------

def test_page_names_relations_and_ties_and_footer_counts_what_is_drawn(tmp_path):
    import re

    from conftest import bundled_count

    ok("render", "-o", "map.html", "--data", BUNDLED, "--as-of", "all")  # every period: every relation drawn
    html = (tmp_path / "map.html").read_text()
    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S).group(1))
    actual = bundled_count("actual")
    hidden = bundled_count() - actual
    assert f"Drawn: {len(data['actors'])} actors, {actual} relations ({hidden} hidden by the legend)." in html
    rows = {r["id"]: r for r in json.loads(ok("centrality", "--format", "json", "--data", BUNDLED,
                                                 "--as-of", "all").stdout)}
    for actor, facts in data["actors"].items():
        assert facts["ties"] == rows[actor]["ties"], actor  # the page's ties are the CLI's
        assert facts["relations"] == bundled_count(actor=actor), actor  # relations are rows, every status
    assert any(f["relations"] != f["ties"] for f in data["actors"].values())
    js = (BUNDLED.parent / "graph" / "assets" / "js" / "tables.js").read_text()
    assert 'key: "ties", title: "Ties"' in js and 'relations: rows this actor takes part in' in js


def test_a_selected_actors_ties_keep_their_colour_when_hovered(tmp_path):
    import re

    ok("render", "-o", "map.html", "--data", BUNDLED, "--as-of", "all")  # every period: every relation drawn
    html = (tmp_path / "map.html").read_text()
    data = json.loads(re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S).group(1))
    for e in data["edges"]:
        assert e["color"]["hover"] == e["color"]["highlight"] == e["color"]["color"], e["id"]
