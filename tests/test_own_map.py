"""An analyst's own map: where the data is found, init, own relation kinds, editing relations,
what spreadsheets and people type, tables for a terminal, and the small things (issue 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ACTORS, BUNDLED, invoke, ok, RELATIONS, ROOT, snapshot, write
from graph.data.load import load_dataset


@pytest.fixture(autouse=True)
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)


# ---- where the data is ------------------------------------------------------------------------------

def test_from_an_empty_folder_reads_the_sample_and_says_so(tmp_path):
    result = ok("info")
    assert "note: using the bundled sample data set" in result.stderr and str(BUNDLED) in result.stderr
    from conftest import bundled_relations

    actors = (BUNDLED / "actors.csv").read_text(encoding="utf-8").strip().count("\n")
    assert f"{actors} actors, {len(bundled_relations())} relations in " in result.stdout


def test_editing_the_sample_is_refused_and_names_init():
    before = snapshot(BUNDLED)
    result = invoke("add-actor", "x", "--name", "X", "--type", "state")
    assert result.exit_code == 1
    assert "bundled sample data set" in result.stderr and "read-only" in result.stderr
    assert "actorgraph init DIR" in result.stderr and "--data DIR" in result.stderr
    result = invoke("--data", BUNDLED, "rename-actor", "mali", "mli")  # named explicitly: still the sample
    assert result.exit_code == 1 and "read-only" in result.stderr
    assert snapshot(BUNDLED) == before


def test_data_is_found_in_order(tmp_path, monkeypatch):
    env, here, sub = (write(tmp_path / n, ACTORS.replace("Alpha", n.capitalize())) for n in ("env", "here", "sub"))
    assert "Env" in ok("--data", "env", "centrality", "--format", "csv").stdout  # before the command
    assert "Here" in ok("centrality", "--format", "csv", "--data", "here").stdout  # after it
    work = tmp_path / "work"
    write(work / "data", ACTORS.replace("Alpha", "Dotdata"))
    for name in ("actors.csv", "relations.csv"):
        (work / name).write_text((here / name).read_text())
    monkeypatch.chdir(work)
    assert "Dotdata" in ok("centrality", "--format", "csv").stdout  # ./data before the current folder
    monkeypatch.setenv("ACTORGRAPH_DATA", str(env))
    assert "Env" in ok("centrality", "--format", "csv").stdout  # $ACTORGRAPH_DATA before ./data
    monkeypatch.delenv("ACTORGRAPH_DATA")
    (work / "data" / "actors.csv").unlink()
    assert "Here" in ok("centrality", "--format", "csv").stdout  # the current folder's two files


def test_missing_folder_and_wrong_case(tmp_path):
    result = invoke("validate", "--data", "nowhere")
    assert result.exit_code == 1
    assert result.stdout.count("nowhere:0: the data folder does not exist") == 1
    assert "file not found" not in result.stdout
    d = write(tmp_path / "d")
    (d / "actors.csv").rename(d / "Actors.csv")
    result = invoke("validate", "--data", d)
    assert "d/actors.csv:0: file not found; there is 'Actors.csv': file names are case-sensitive here," \
           " rename it to actors.csv" in result.stdout


# ---- init ----------------------------------------------------------------------------------------------

def test_init_writes_headers_and_never_overwrites(tmp_path):
    result = ok("init", "mymap")
    folder = tmp_path / "mymap"
    assert sorted(p.name for p in folder.iterdir()) == ["actors.csv", "kinds.csv", "relations.csv", "sources.csv",
                                                        "types.csv"]
    assert (folder / "actors.csv").read_text() == "id,name,type,description,aliases,since,until\n"
    assert (folder / "relations.csv").read_text().startswith("source,relation,target,evidence,note,confidence")
    kinds = (folder / "kinds.csv").read_text().splitlines()
    assert kinds[0] == "kind,label,inverse,directed,color,style,polarity"
    assert kinds[1:] == ["trains,trains,trained by,yes,#d9480f,solid,cooperative", "accompanies,accompanies,"
                         "accompanied by,yes,#7b2cbf,solid,cooperative", "coordinates_with,coordinates with,"
                         "coordinates with,no,#2b8a3e,dashed,cooperative", "part_of,part of,has part,yes,#495057,"
                         "solid,cooperative"]
    assert "wrote mymap/actors.csv" in result.stderr
    before = snapshot(folder)
    (folder / "actors.csv").write_text("id,name,type\nx,X,t\n")
    result = invoke("init", "mymap")
    assert result.exit_code == 1 and "never overwrites" in result.stderr
    assert (folder / "actors.csv").read_text() == "id,name,type\nx,X,t\n"
    assert snapshot(folder)["kinds.csv"] == before["kinds.csv"]


def test_a_map_from_scratch(tmp_path):
    ok("init", "m")
    ok("--data", "m", "add-actor", "fama", "--name", "Forces armées maliennes", "--type", "army")
    ok("--data", "m", "add-actor", "eutm", "--name", "EUTM Mali", "--type", "training mission")
    result = ok("--data", "m", "add-relation", "fama", "trained by", "eutm", "--evidence", "EU site",
                "--since", "18/02/2013")
    assert "'trained by' reads backwards: recorded as eutm trains fama" in result.stderr
    assert (tmp_path / "m" / "relations.csv").read_text().splitlines()[1] == "eutm,trains,fama,EU site,,,,18/02/2013,,,"
    assert ok("--data", "m", "validate").stdout.endswith("2 actors, 1 relation: 0 errors, 0 warnings\n")
    ok("--data", "m", "render", "-o", "m.html")
    assert (tmp_path / "m.html").stat().st_size > 100_000


def test_init_example_is_the_sample(tmp_path):
    ok("init", "copy", "--example")
    for name in ("actors.csv", "relations.csv"):
        assert (tmp_path / "copy" / name).read_bytes() == (BUNDLED / name).read_bytes()
    ok("--data", "copy", "add-actor", "eu", "--name", "European Union", "--type", "regional organisation")


@pytest.mark.slow  # builds a wheel with pip and installs it in a fresh environment
def test_installed_wheel_carries_the_sample(tmp_path):
    """A non-editable install: the wheel's own files, run from an empty folder."""
    wheels = tmp_path / "wheels"
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(wheels)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    wheel = next(wheels.glob("actorgraph-*.whl"))
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "graph" / "sample" / "actors.csv").read_bytes() == (BUNDLED / "actors.csv").read_bytes()
    empty = tmp_path / "empty"
    empty.mkdir()
    run = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(site)!r}); import cli; cli.main()"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run(run + ["info"], cwd=empty, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "using the bundled sample" in done.stderr and str(site / "graph" / "sample") in done.stderr
    done = subprocess.run(run + ["init", "mine", "--example"], cwd=empty, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert (empty / "mine" / "relations.csv").read_bytes() == (BUNDLED / "relations.csv").read_bytes()


# ---- own relation kinds ---------------------------------------------------------------------------------

KINDS = """kind,label,inverse,directed,color,style
opposes,opposes,opposed by,yes,#c92a2a,solid
funds,funds,funded by,yes,#2f9e44,dashed
allied_with,allied with,,no,#1971c2,dotted
"""
CONFLICT = "source,relation,target,evidence\na,opposes,b,x\nc,funds,a,x\nb,allied with,c,x\n"


@pytest.fixture
def conflict(tmp_path):
    return write(tmp_path / "c", ACTORS, CONFLICT, kinds=KINDS)


def test_own_kinds_are_the_whole_vocabulary(conflict):
    result = ok("validate", "--data", conflict)
    assert "c/kinds.csv: read as UTF-8" in result.stdout
    (conflict / "relations.csv").write_text(CONFLICT + "a,trains,c,x\n")
    result = invoke("validate", "--data", conflict)
    assert "c/relations.csv:5: unknown relation 'trains' (allowed: opposes, funds, allied_with)" in result.stdout


@pytest.mark.parametrize("row, message", [
    ("funds,x,y,maybe,,", "c/kinds.csv:3: directed must be yes or no, not 'maybe'"),
    ("funds,x,y,yes,green,", "c/kinds.csv:3: color must be #rrggbb (six hex digits), not 'green'"),
    ("funds,x,y,yes,,wavy", "c/kinds.csv:3: style must be one of solid, dashed, dotted, not 'wavy'"),
    ("opposes,x,y,,,", "c/kinds.csv:3: duplicate kind 'opposes' (first on line 2)"),
    ("Funds Money,,,,,", "c/kinds.csv:3: kind 'Funds Money' is not a valid name"),
    ("funds,opposed by,,,,", "c/kinds.csv:3: 'opposed by' already reads as kind 'opposes' (line 2)"),
])
def test_kinds_file_is_validated(tmp_path, row, message):
    d = write(tmp_path / "c", ACTORS, "source,relation,target,evidence\na,opposes,b,x\n")
    (d / "kinds.csv").write_text("kind,label,inverse,directed,color,style\nopposes,opposes,opposed by,yes,,\n"
                                 + row + "\n")
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1 and message in result.stdout, result.stdout


def test_every_command_uses_the_vocabulary(conflict, tmp_path):
    rows = json.loads(ok("neighbors", "a", "--format", "json", "--data", conflict).stdout)
    texts = {r["text"] for row in rows for r in row["relations"]}
    assert texts == {"Alpha —opposes→ Beta", "Alpha ←funds— Gamma"}
    assert ok("centrality", "--relation", "funded by", "--format", "json", "--data", conflict)
    result = invoke("centrality", "--relation", "trains", "--data", conflict)
    assert result.exit_code == 2 and "unknown relation 'trains'" in result.stderr and "funds" in result.stderr
    result = invoke("centrality", "--relation", "fund", "--data", conflict)
    assert "did you mean 'funds'?" in result.stderr
    ok("render", "-o", tmp_path / "c.html", "--data", conflict)
    html = (tmp_path / "c.html").read_text()
    data = json.loads(html.split('id="ag-data">', 1)[1].split("</script>", 1)[0])
    assert [(k["name"], k["label"], k["inverse"], k["style"]) for k in data["kinds"]] == [
        ("opposes", "opposes", "opposed by", "solid"), ("funds", "funds", "funded by", "dashed"),
        ("allied_with", "allied with", "allied with", "dotted")]
    assert {e["kind"]: e["dashes"] for e in data["edges"]} == {"opposes": False, "funds": True, "allied_with": [2, 5]}
    assert {e["kind"]: e["arrows"] for e in data["edges"]} == {"opposes": "to", "funds": "to", "allied_with": ""}
    ok("export", "--format", "csv", "-o", tmp_path / "cx", "--data", conflict)
    edges = (tmp_path / "cx-edges.csv").read_text()
    assert "b,c,Undirected,e1,allied with,allied_with" in edges and "a,b,Directed,e0,opposes,opposes" in edges
    ok("add-relation", "c", "opposed by", "b", "--evidence", "x", "--data", conflict)
    assert (conflict / "relations.csv").read_text().endswith("b,opposes,c,x\n")


# ---- editing relations, ties over time ------------------------------------------------------------------

def test_set_relation_changes_one_line(tmp_path):
    d = write(tmp_path / "d")
    before = (d / "relations.csv").read_text().splitlines()
    result = ok("set-relation", "Alpha", "trains", "b", "--note", "new note", "--until", "31/12/2021", "--data", d)
    after = (d / "relations.csv").read_text().splitlines()
    assert [i for i, (x, y) in enumerate(zip(before, after)) if x != y] == [1]
    assert after[1] == "a,trains,b,doc §1,new note,stated,2019,31/12/2021"
    assert "updated relation a trains b (line 2): note, until" in result.stderr
    result = invoke("set-relation", "a", "trains", "b", "--note", "new note", "--data", d)
    assert result.exit_code == 1 and "already has those values" in result.stderr


def test_a_tie_may_stop_and_restart(tmp_path):
    d = write(tmp_path / "d", relations=RELATIONS.replace("a,trains,b,doc §1,a trains b,stated,2019,",
                                                          "a,trains,b,doc §1,first,stated,2019,2019-06\n"
                                                          "a,trains,b,doc §2,again,stated,01/01/2021,"))
    assert ok("validate", "--data", d).stdout.endswith("0 errors, 0 warnings\n")
    assert len(load_dataset(d).relations) == 4
    mid = json.loads(ok("neighbors", "a", "--as-of", "2020", "--format", "json", "--data", d).stdout)
    assert "b" not in {r["id"] for r in mid}
    result = invoke("set-relation", "a", "trains", "b", "--note", "x", "--data", d)
    assert result.exit_code == 1 and "has 2 rows (line 2: since 2019, until 2019-06; line 3: since 01/01/2021," \
                                     " until (open)); pick one with --row-since 2019" in result.stderr
    ok("set-relation", "a", "trains", "b", "--note", "x", "--row-since", "2021-01-01", "--data", d)
    assert (d / "relations.csv").read_text().splitlines()[2] == "a,trains,b,doc §2,x,stated,01/01/2021,"
    ok("remove-relation", "a", "trains", "b", "--since", "2019", "--data", d)
    assert "first" not in (d / "relations.csv").read_text()
    overlap = write(tmp_path / "o", relations=RELATIONS + "a,trains,b,doc,,,2019-05,\n")
    result = invoke("validate", "--data", overlap)
    assert "o/relations.csv:5: duplicate relation a trains b (first on line 2); their periods overlap" in result.stdout


def test_inverse_wording_in_a_file_is_an_error_with_a_hint(tmp_path):
    d = write(tmp_path / "d", relations=RELATIONS + "b,trained by,a,doc,,,,\nc,partof,b,doc,,,,\n")
    out = invoke("validate", "--data", d).stdout
    assert "d/relations.csv:5: 'trained by' reads backwards: write the row as a,trains,b" in out
    assert "d/relations.csv:6: unknown relation 'partof'; did you mean 'part_of'?" in out
    result = invoke("add-relation", "a", "partof", "c", "--data", d)
    assert "did you mean 'part_of'?" in result.stderr


# ---- what spreadsheets and people type --------------------------------------------------------------------

@pytest.mark.parametrize("written", ["18/08/2020", "18-08-2020", "18.08.2020", "8/8/2020"])
def test_day_first_dates_are_read_and_kept_as_written(tmp_path, written):
    d = write(tmp_path / "d", relations=RELATIONS.replace("2020-08-18", written))
    assert invoke("validate", "--data", d).exit_code == 0
    ok("add-actor", "z", "--name", "Z", "--type", "t", "--data", d)
    assert written in (d / "relations.csv").read_text()


def test_impossible_dates_are_errors(tmp_path):
    d = write(tmp_path / "d", relations=RELATIONS.replace("2020-08-18", "31/02/2021"))
    assert "malformed or impossible date '31/02/2021' in until" in invoke("validate", "--data", d).stdout


def test_excel_sep_line_is_understood_and_kept(tmp_path):
    actors = 'sep=;\r\nid;name;type;aliases\r\na;Alpha;t;"A1;Alef"\r\nb;Beta;t;\r\n'
    relations = "sep=;\r\nsource;relation;target;evidence\r\na;trains;b;doc\r\n"
    d = write(tmp_path / "d", actors.encode("cp1252"), relations.encode("cp1252"))
    assert ok("validate", "--data", d).stdout.endswith("2 actors, 1 relation: 0 errors, 0 warnings\n")
    assert load_dataset(d).actors[0]["aliases"] == "A1;Alef"
    ok("add-actor", "c", "--name", "Gamma", "--type", "t", "--data", d)
    assert (d / "actors.csv").read_bytes() == (actors + "c;Gamma;t;\r\n").encode("cp1252")


def test_unquoted_separator_in_aliases_gets_a_hint(tmp_path):
    d = write(tmp_path / "d", "id;name;type;aliases\na;Alpha;t;A1;Alef\nb;Beta;t;\n",
              "source;relation;target;evidence\na;trains;b;doc\n")
    out = invoke("validate", "--data", d).stdout
    assert "d/actors.csv:2: row has 5 cells but the header has 4 columns: a value holding the separator ';'" \
           " must be in double quotes (aliases such as \"FAMa;Malian forces\")" in out


def test_actor_lookup_ignores_accents_and_case(tmp_path):
    d = write(tmp_path / "d", ACTORS.replace("Alpha", "Algérie"))
    rows = json.loads(ok("neighbors", "ALGERIE", "--format", "json", "--data", d).stdout)
    assert {r["id"] for r in rows} == {"b", "c"}
    assert json.loads(ok("neighbors", "forces armees maliennes", "--format", "json").stdout)[0]["id"]


# ---- tables for a terminal -----------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["centrality"], ["brokers"], ["impact", "barkhane"], ["neighbors", "mali"],
                                  ["path", "takuba", "g5_sahel", "--all"], ["communities"], ["info"]])
def test_tables_fit_a_terminal(args):
    out = ok(*args).stdout
    assert max(len(line) for line in out.splitlines()) <= 100, out


def test_centrality_has_rank_and_ties_and_keeps_full_names_in_csv(tmp_path):
    long = "A very long actor name that would widen the name column far beyond any reasonable width"
    d = write(tmp_path / "d", ACTORS.replace("Alpha", long))
    table = ok("centrality", "--data", d).stdout.splitlines()
    assert table[0].split()[:4] == ["rank", "name", "type", "ties"]
    assert max(map(len, table)) <= 100 and "\u2026" in table[1]
    csv_out = ok("centrality", "--format", "csv", "--data", d).stdout
    assert long in csv_out and csv_out.splitlines()[0].startswith("rank,id,name,type,ties,degree")


# ---- small things -------------------------------------------------------------------------------------------

def test_plurals(tmp_path):
    d = write(tmp_path / "d", "id,name,type\na,A,t\nb,B,t\n", "source,relation,target,evidence\na,trains,b,x\n")
    assert ok("validate", "--data", d).stdout.endswith("2 actors, 1 relation: 0 errors, 0 warnings\n")
    assert ok("info", "--data", d).stdout.startswith("2 actors, 1 relation in ")


def test_measure_names_ignore_case():
    assert ok("centrality", "--measure", "Betweenness", "--sort", "BETWEENNESS", "--top", "1").stdout


def test_a_lone_actor_has_degree_zero(tmp_path):
    d = write(tmp_path / "d", "id,name,type\na,A,t\n", "source,relation,target,evidence\n")
    rows = json.loads(ok("centrality", "-m", "degree", "--format", "json", "--data", d).stdout)
    assert rows[0]["degree"] == 0 and rows[0]["ties"] == 0


def test_adding_an_alias_that_exists_changes_nothing_and_says_so(tmp_path):
    d = write(tmp_path / "d")
    before = snapshot(d)
    result = ok("set-actor", "a", "--add-alias", "alef", "--data", d)
    assert "actor 'a' already has those values; nothing changed" in result.stderr
    assert snapshot(d) == before


def test_dry_run_diff_header_names_absolute_paths_plainly(tmp_path, monkeypatch):
    d = write(tmp_path / "d")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")  # the data is outside: shown by its absolute path
    out = ok("add-actor", "z", "--name", "Z", "--type", "t", "--data", d.resolve(), "--dry-run").stdout
    assert out.startswith(f"--- {d.resolve() / 'actors.csv'}\n+++ {d.resolve() / 'actors.csv'}\n")
    assert "a//" not in out


def test_diff_recognises_a_rename_and_says_no_changes(tmp_path):
    import shutil

    old = write(tmp_path / "old")
    new = tmp_path / "new"
    shutil.copytree(old, new)
    assert ok("diff", old, new).stdout.startswith("No changes.\n")
    ok("rename-actor", "a", "alpha", "--data", new)
    rows = json.loads(ok("diff", old, new, "--format", "json").stdout)["changes"]
    assert rows == [{"change": "renamed", "what": "actor", "item": "a -> alpha", "details": "id: 'a' -> 'alpha'",
                     "line": 2}]


def test_an_empty_kinds_csv_says_so_in_its_relations_errors(tmp_path):
    d = write(tmp_path / "k", "id,name,type\na,A,t\nb,B,t\n", "source,relation,target,evidence\na,trains,b,x\n")
    (d / "kinds.csv").write_text("kind,label,inverse,directed\n", encoding="utf-8")
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1
    assert "relations.csv:2: unknown relation 'trains' (allowed: none; kinds.csv lists no kinds)" \
        in result.stdout  # it said "(allowed: )"
