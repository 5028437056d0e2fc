"""A data folder is untrusted input: journals, links, devices, sizes, parallel edits, hostile cells."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from conftest import ACTORS, RELATIONS, ROOT, benchmark, invoke, snapshot, write
from graph.data.edit import edit_folder
from graph.data.journal import JOURNAL
from graph.data.load import load_dataset


def no_traceback(result):
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception


# ---- the journal -----------------------------------------------------------------------------

def test_crafted_journal_cannot_reach_outside_the_folder(tmp_path):
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "x").write_text("precious")
    secret = tmp_path / "secret"
    secret.write_text("do not move me")
    d = write(tmp_path / "d")
    (d / ".actorgraph-payload.tmp").write_text("payload")
    (d / JOURNAL).write_text(json.dumps({"../victim/x": ".actorgraph-payload.tmp", "stolen": str(secret)}))
    before = snapshot(d)
    result = invoke("validate", "--data", d)
    no_traceback(result)
    assert result.exit_code == 1
    assert f"{JOURNAL}:0: the edit journal names '../victim/x', which is not a data file" in result.stdout
    assert (victim / "x").read_text() == "precious"
    assert secret.read_text() == "do not move me"
    assert snapshot(d) == before  # nothing touched, the journal included


@pytest.mark.parametrize("content, message", [
    ('["x"]', "the edit journal is not a JSON object"),
    ('{"actors.csv": 7}', "names '7' as the new actors.csv"),
    ('{"actors.csv": "/etc/passwd"}', "names '/etc/passwd' as the new actors.csv"),
    ('{"actors.csv": ".actorgraph-relations.csv.abc.tmp"}', "as the new actors.csv"),
    ('{"actors.csv": "../.actorgraph-actors.csv.abc.tmp"}', "as the new actors.csv"),
    ("{not json", "the edit journal is not valid JSON"),
    ("\xff\xfe", "the edit journal is not valid JSON"),
])
def test_malformed_journal_is_a_clean_error_on_every_command(tmp_path, content, message):
    d = write(tmp_path / "d")
    (d / JOURNAL).write_bytes(content.encode("latin-1"))
    before = snapshot(d)
    for args in (["validate"], ["centrality"], ["add-actor", "z", "--name", "Z", "--type", "t"]):
        result = invoke(*args, "--data", d)
        no_traceback(result)
        assert result.exit_code == 1, args
        assert message in result.output, (args, result.output)
    assert snapshot(d) == before


def test_journal_temp_that_is_a_symlink_is_refused(tmp_path):
    outside = tmp_path / "outside.csv"
    outside.write_text(ACTORS)
    d = write(tmp_path / "d")
    os.symlink(outside, d / ".actorgraph-actors.csv.abc.tmp")
    (d / JOURNAL).write_text(json.dumps({"actors.csv": ".actorgraph-actors.csv.abc.tmp"}))
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1 and "is not a regular file" in result.stdout
    assert (d / ".actorgraph-actors.csv.abc.tmp").is_symlink() and outside.read_text() == ACTORS


def test_journal_that_is_a_symlink_is_refused(tmp_path):
    target = tmp_path / "j.json"
    target.write_text('{"actors.csv": ".actorgraph-actors.csv.abc.tmp"}')
    d = write(tmp_path / "d")
    os.symlink(target, d / JOURNAL)
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1 and "not a regular file" in result.stdout


# ---- parallel edits --------------------------------------------------------------------------

def _add(folder, actor_id, barrier):
    barrier.wait()
    edit_folder(Path(folder), lambda e: e.add_actor(actor_id, {"name": actor_id.upper(), "type": "t"}))


def _rename(folder, barrier):
    barrier.wait()
    edit_folder(Path(folder), lambda e: e.rename_actor("b", "b2"))


def _relate(folder, barrier):
    barrier.wait()
    from graph.data.problems import DataError
    try:
        edit_folder(Path(folder), lambda e: e.add_relation("b", "trains", "c", {"evidence": "x"}))
    except (LookupError, DataError):
        pass  # b was renamed at that moment: refused cleanly is a correct outcome


@pytest.mark.skipif(sys.platform == "win32", reason="needs fork and flock")
@pytest.mark.slow  # forks 200 processes in 100 races
def test_fifty_rounds_of_parallel_edits_lose_nothing(tmp_path):
    ctx = multiprocessing.get_context("fork")
    lost = invalid = 0
    for i in range(50):
        d = write(tmp_path / f"r{i}")
        barrier = ctx.Barrier(2)
        procs = [ctx.Process(target=_add, args=(str(d), f"x{i}", barrier)),
                 ctx.Process(target=_add, args=(str(d), f"y{i}", barrier))]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
        ids = {a["id"] for a in load_dataset(d, strict=False).actors}
        lost += len({f"x{i}", f"y{i}"} - ids)
    for i in range(50):
        d = write(tmp_path / f"s{i}")
        barrier = ctx.Barrier(2)
        procs = [ctx.Process(target=_rename, args=(str(d), barrier)),
                 ctx.Process(target=_relate, args=(str(d), barrier))]
        for p in procs:
            p.start()
        for p in procs:
            p.join(30)
        try:
            ds = load_dataset(d)  # raises on a relation naming a missing actor
            invalid += any(r["source"] == "b" for r in ds.relations)
        except Exception:
            invalid += 1
    assert (lost, invalid) == (0, 0)


def test_a_held_lock_makes_an_edit_wait_then_fail_cleanly(tmp_path, monkeypatch):
    from graph.data.lock import folder_lock

    d = write(tmp_path / "d")
    monkeypatch.setenv("ACTORGRAPH_LOCK_TIMEOUT", "0.3")
    before = snapshot(d)
    held, release = threading.Event(), threading.Event()

    def hold():
        with folder_lock(d, exclusive=True):
            held.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    held.wait(5)
    try:
        result = invoke("add-actor", "z", "--name", "Z", "--type", "t", "--data", d)
    finally:
        release.set()
        t.join()
    assert result.exit_code == 1
    assert "is locked by another process" in result.stderr and "nothing was changed" in result.stderr
    assert snapshot(d) == before


# ---- spreadsheet formulas ------------------------------------------------------------------------

HOSTILE_CELLS = ACTORS.replace("Alpha", '"=HYPERLINK(""http://x"",""y"")"').replace("Beta", "+cmd|' /C calc'!A0") \
    .replace("Gamma", "@SUM(1+1)")


def test_csv_tables_neutralise_formulas_unless_raw(tmp_path):
    d = write(tmp_path / "d", HOSTILE_CELLS)
    out = invoke("centrality", "--format", "csv", "--data", d).stdout
    names = {row["name"] for row in csv.DictReader(io.StringIO(out))}
    assert names == {"'=HYPERLINK(\"http://x\",\"y\")", "'+cmd|' /C calc'!A0", "'@SUM(1+1)"}
    raw = invoke("centrality", "--format", "csv", "--raw", "--data", d).stdout
    assert {row["name"] for row in csv.DictReader(io.StringIO(raw))} == {n[1:] for n in names}
    # numbers stay numbers, negative ones included
    rows = list(csv.DictReader(io.StringIO(invoke("impact", "a", "--format", "csv", "--data", d).stdout)))
    assert all(not r["change"].startswith("'") for r in rows)


def test_export_csv_neutralises_formulas(tmp_path):
    d = write(tmp_path / "d", HOSTILE_CELLS)
    result = invoke("export", "--format", "csv", "-o", tmp_path / "x", "--data", d)
    assert result.exit_code == 0, result.output
    text = (tmp_path / "x-nodes.csv").read_text()
    assert "'=HYPERLINK" in text and "'@SUM" in text and ",=" not in text


def test_validate_warns_about_formula_like_values(tmp_path):
    d = write(tmp_path / "d", HOSTILE_CELLS)
    result = invoke("validate", "--data", d)
    assert result.exit_code == 0
    assert "d/actors.csv:2: warning: name starts with '='" in result.stdout
    assert "d/actors.csv:4: warning: name starts with '@'" in result.stdout


# ---- writing over the wrong thing ------------------------------------------------------------------

def test_render_refuses_to_overwrite_the_data(tmp_path):
    d = write(tmp_path / "d")
    before = snapshot(d)
    for target in (d / "actors.csv", d / "relations.csv", d / ".." / "d" / "actors.csv"):
        result = invoke("export", "--format", "json", "--data", d, "-o", target)
        assert result.exit_code == 1 and "one of the data set's own files" in result.stderr
        result = invoke("render", "--data", d, "-o", target)
        assert result.exit_code == 2 and "'.csv' is not a format actorgraph writes" in result.stderr
    result = invoke("export", "--format", "csv", "--data", d, "-o", d / "relations")
    assert result.exit_code == 0  # relations-nodes.csv is not a data file
    (d / "relations-nodes.csv").unlink()
    (d / "relations-edges.csv").unlink()
    assert snapshot(d) == before


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/null and /dev/full")
def test_devices_are_written_in_place_and_failures_are_clean(tmp_path):
    d = write(tmp_path / "d")
    result = invoke("render", "--data", d, "-o", "/dev/null")
    assert result.exit_code == 0, result.output
    assert Path("/dev/null").is_char_device()
    result = invoke("render", "--data", d, "-o", "/dev/full")
    assert result.exit_code == 1 and "cannot write /dev/full: No space left on device" in result.stderr
    for bad in ("", str(tmp_path), str(tmp_path / "missing" / "x.html")):
        result = invoke("export", "--format", "json", "--data", d, "-o", bad)
        no_traceback(result)
        assert result.exit_code != 0


def test_render_to_stdout_with_dash(tmp_path):
    d = write(tmp_path / "d")
    result = invoke("render", "--data", d, "-o", "-")
    assert result.exit_code == 0 and result.stdout_bytes.startswith(b"<!DOCTYPE html>")


def test_fifo_output_without_reader_fails_instead_of_blocking(tmp_path):
    d = write(tmp_path / "d")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = invoke("export", "--format", "json", "--data", d, "-o", fifo)
    assert result.exit_code == 1 and "a pipe that nothing is reading from" in result.stderr


# ---- exponential and quadratic corners ---------------------------------------------------------------

def test_path_all_counts_exponentially_many_paths_and_lists_a_few(tmp_path):
    d = benchmark("corners").diamonds(tmp_path / "d", 16)  # the corner the benchmark times
    result = invoke("path", "v0", "v16", "--all", "--format", "json", "--data", d)
    found = json.loads(result.stdout)
    assert found["total"] == 2 ** 16
    assert len(found["paths"]) == 100
    assert "65,536 shortest paths; the first 100 by name are listed" in result.stderr
    first = [s["target"] for s in found["paths"][0]["steps"]]
    assert first[:2] == ["l0", "v1"]  # name order: L before R
    assert len({tuple(s["target"] for s in p["steps"]) for p in found["paths"]}) == 100


def test_brokers_match_networkx_and_stay_linear_in_memory(tmp_path):
    import random
    import tracemalloc

    import networkx as nx

    from graph.analysis.questions import brokers

    rng = random.Random(5)
    for trial in range(5):
        H = nx.gnm_random_graph(40, 90, seed=trial)
        H.add_node(99)  # an isolated actor
        G = nx.MultiDiGraph()
        G.add_nodes_from((str(n), {"name": str(n)}) for n in H)
        G.add_edges_from((str(u), str(v), rng.choice(["trains", "part_of"])) for u, v in H.edges())
        got = brokers(G)
        Hs = nx.relabel_nodes(H, str)
        for n, c in nx.constraint(Hs).items():
            assert (got["constraint"][n] is None) if c != c else got["constraint"][n] == pytest.approx(c, abs=1e-12)
        for n, e in nx.effective_size(Hs).items():
            assert (got["effective_size"][n] is None) if e != e else \
                got["effective_size"][n] == pytest.approx(e, abs=1e-12)
    star = nx.MultiDiGraph()
    star.add_edges_from(("hub", f"leaf{i}", "trains") for i in range(3000))
    tracemalloc.start()
    brokers(star)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 40 * 1024 * 1024  # an actors x actors table would take hundreds of MB


@pytest.mark.slow  # a full layout or thousands of actors: in the full suite, not the fast loop
def test_impact_on_a_hub_with_thousands_of_leaves_is_summarised(tmp_path):
    actors = "id,name,type\nhub,Hub,t\n" + "".join(f"l{i},Leaf {i},t\n" for i in range(4000))
    relations = "source,relation,target,evidence\n" + "".join(f"hub,trains,l{i},x\n" for i in range(4000))
    d = write(tmp_path / "d", actors, relations)
    result = invoke("impact", "hub", "--format", "json", "--data", d)
    assert result.exit_code == 0, result.output
    assert len(result.stdout) < 5_000_000  # was 269 MB
    report = json.loads(result.stdout)
    assert len(report["cut_off"]) == 3999
    assert report["cut_off"][0]["cut_off_from_count"] == 3999
    text = invoke("impact", "hub", "--data", d).stdout
    assert "Cut off: 3979 more parts (3979 actors); --format json lists them all" in text


def test_wide_header_and_long_cell_are_read(tmp_path):
    header = "id,name,type," + ",".join(f"c{i}" for i in range(20000)) + ",c5\n"
    d = write(tmp_path / "d", header + "a,A,t" + "," * 20001 + "\n", "source,relation,target\n")
    result = invoke("validate", "--data", d)
    assert "column 'c5' appears twice in the header" in result.stdout
    long_cell = "\n".join(f"line {i}" for i in range(100000))
    d2 = write(tmp_path / "d2", ACTORS.replace("First actor", f'"{long_cell}"'))
    assert load_dataset(d2).actors[0]["description"].count("\n") == 99999


def test_cascade_on_a_hub_removes_every_relation(tmp_path):
    actors = "id,name,type\nhub,Hub,t\n" + "".join(f"l{i},Leaf {i},t\n" for i in range(3000))
    relations = "source,relation,target,evidence\n" + "".join(f"hub,trains,l{i},x\n" for i in range(3000))
    d = write(tmp_path / "d", actors, relations)
    result = invoke("remove-actor", "hub", "--cascade", "--data", d)
    assert result.exit_code == 0, result.output
    assert (d / "relations.csv").read_text() == "source,relation,target,evidence\n"


def test_an_edit_does_not_copy_every_row(tmp_path, monkeypatch):
    import copy

    d = write(tmp_path / "d")
    monkeypatch.setattr(copy, "deepcopy", lambda *a, **k: pytest.fail("an edit deep-copies the data"))
    result = invoke("add-actor", "z", "--name", "Z", "--type", "t", "--data", d)
    assert result.exit_code == 0, result.output


# ---- failed writes ------------------------------------------------------------------------------------

def test_full_disk_during_an_edit_is_clean_and_leaves_nothing(tmp_path, monkeypatch):
    import errno

    d = write(tmp_path / "d")
    before = snapshot(d)
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    for args in (["add-actor", "z", "--name", "Z", "--type", "t"], ["rename-actor", "a", "alpha"]):
        result = invoke(*args, "--data", d)
        no_traceback(result)
        assert result.exit_code == 1 and "No space left on device; nothing was changed" in result.stderr
        assert snapshot(d) == before  # no temp file left, no file changed
    monkeypatch.setattr(os, "fsync", real_fsync)


def test_export_csv_writes_both_files_or_neither(tmp_path, monkeypatch):
    import errno

    import graph.data.files as files

    d = write(tmp_path / "d")
    calls = []
    real = files._temp_beside

    def second_fails(path, data):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(files, "_temp_beside", second_fails)
    result = invoke("export", "--format", "csv", "-o", tmp_path / "out", "--data", d)
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]


# ---- links, devices, sizes ---------------------------------------------------------------------------------

def test_data_file_links_inside_are_read_but_never_replaced(tmp_path):
    d = write(tmp_path / "d")
    (d / "real").mkdir()
    (d / "actors.csv").rename(d / "real" / "actors.csv")
    os.symlink("real/actors.csv", d / "actors.csv")
    assert invoke("validate", "--data", d).exit_code == 0
    before = (d / "real" / "actors.csv").read_bytes()
    result = invoke("add-actor", "z", "--name", "Z", "--type", "t", "--data", d)
    assert result.exit_code == 1 and "is a symbolic link" in result.stderr
    assert (d / "actors.csv").is_symlink() and (d / "real" / "actors.csv").read_bytes() == before


def test_links_out_of_the_folder_and_special_files_are_refused(tmp_path):
    outside = write(tmp_path / "elsewhere")
    d = write(tmp_path / "d")
    (d / "actors.csv").unlink()
    os.symlink(outside / "actors.csv", d / "actors.csv")
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1 and "outside the data folder" in result.stdout
    (d / "actors.csv").unlink()
    os.symlink("/dev/zero", d / "actors.csv")
    assert "outside the data folder" in invoke("validate", "--data", d).stdout
    (d / "actors.csv").unlink()
    os.mkfifo(d / "actors.csv")
    result = invoke("validate", "--data", d)  # must not block
    assert result.exit_code == 1 and "is not a regular file" in result.stdout


def test_files_over_the_size_cap_are_refused(tmp_path, monkeypatch):
    d = write(tmp_path / "d")
    monkeypatch.setenv("ACTORGRAPH_MAX_FILE_MB", "0.0001")
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1 and "set ACTORGRAPH_MAX_FILE_MB to raise the limit" in result.stdout
    assert "more than the 104 bytes actorgraph reads" in result.stdout  # not '0 MB, more than the 0 MB'
    monkeypatch.delenv("ACTORGRAPH_MAX_FILE_MB")
    assert invoke("export", "--format", "gexf", "-o", tmp_path / "x.gexf", "--data", d).exit_code == 0
    for value in ("inf", "1e309", "nan", "-1", "0", "abc"):  # no limit, or the default: never a traceback
        monkeypatch.setenv("ACTORGRAPH_MAX_FILE_MB", value)
        monkeypatch.setenv("ACTORGRAPH_MAX_IMPORT_MB", value)
        assert invoke("validate", "--data", d).exit_code == 0, value
        result = invoke("import", tmp_path / "x.gexf", "-o", tmp_path / f"i{value}")
        assert "Traceback" not in result.output and result.exit_code == 0, (value, result.output)


# ---- text that reaches a terminal or a spreadsheet ------------------------------------------------------------

def test_terminal_escapes_are_shown_not_sent(tmp_path):
    d = write(tmp_path / "d", ACTORS.replace("Alpha", "Al\x1b]0;pwned\x07pha\x1b[2J"))
    out = invoke("centrality", "-m", "degree", "--data", d).stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "Al\\x1b]0;pwned\\x07pha\\x1b[2J" in out
    result = invoke("validate", "--data", d)
    assert "d/actors.csv:2: warning: name holds the control character U+001B" in result.stdout
    assert "\x1b" not in result.stdout


def test_bare_cr_in_a_value_stays_in_its_exported_cell(tmp_path):
    d = write(tmp_path / "d", ACTORS.replace("First actor", '"one\rtwo"'))
    invoke("export", "--format", "csv", "-o", tmp_path / "x", "--data", d)
    with open(tmp_path / "x-nodes.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 3 and rows[0]["description"] == "one\rtwo"


@pytest.mark.slow  # a full layout or thousands of actors: in the full suite, not the fast loop
def test_undecodable_title_and_folder_names_do_not_crash(tmp_path):
    d = write(tmp_path / "d")
    result = invoke("render", "--data", d, "-o", tmp_path / "x.html", "--title", "\udcff")
    assert result.exit_code == 0, result.output
    assert "\ufffd" in (tmp_path / "x.html").read_text(encoding="utf-8")
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
    shutil.copytree(d, odd)
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "render", "--data", os.fsencode(odd), "-o",
                           os.fsencode(odd) + b"/x.html"], capture_output=True)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "validate", "--data", os.fsencode(odd)],
                          capture_output=True)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr


def test_diff_rev_cannot_smuggle_a_git_option(tmp_path):
    d = write(tmp_path / "d")
    target = tmp_path / "pwned"
    result = invoke("diff", f"--rev=--output={target}", "--data", d)
    assert result.exit_code == 1 and "is not a git revision" in result.stderr
    assert not target.exists()


def test_utf32_with_bom_is_read_as_utf32(tmp_path):
    d = write(tmp_path / "d", ACTORS.replace("Alpha", "Älpha").encode("utf-32"))
    result = invoke("validate", "--data", d)
    assert result.exit_code == 0, result.output
    assert "d/actors.csv: read as UTF-32" in result.stdout
    assert load_dataset(d).actors[0]["name"] == "Älpha"


def test_full_width_digits_are_not_a_year(tmp_path):
    d = write(tmp_path / "d", relations=RELATIONS.replace("2019", "\uff12\uff10\uff11\uff19"))
    result = invoke("validate", "--data", d)
    assert result.exit_code == 1 and "malformed or impossible date" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["add-actor", "x", "--name", "X", "--type", "t", "--set", "id=y"], "'id' has its own ID argument"),
    (["add-actor", "x", "--name", "X", "--type", "t", "--set", "name=Y"], "'name' has its own --name"),
    (["add-relation", "a", "trains", "c", "--set", "source=b"], "'source' has its own SOURCE argument"),
    (["add-relation", "a", "trains", "c", "--set", "evidence=e"], "'evidence' has its own --evidence"),
])
def test_set_cannot_override_an_argument(tmp_path, args, message):
    d = write(tmp_path / "d")
    before = snapshot(d)
    result = invoke(*args, "--data", d)
    assert result.exit_code == 2 and message in result.stderr
    assert snapshot(d) == before
