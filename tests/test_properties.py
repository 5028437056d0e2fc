"""Property-based tests: whatever the input, a clean result or a clean FILE:LINE error."""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import invoke, snapshot, write
from graph.data.csvio import parse_csv
from graph.data.load import load_dataset
from graph.data.problems import DataError

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=14)
tricky = st.sampled_from(["", " ", ";", ",", '"', "\n", "\r\n", "Mauritanië", "Ŋ", "\t", "a\"b", "x;y"])
cell = st.one_of(text, tricky, st.builds(lambda a, b: a + b, tricky, text))
dialects = st.tuples(st.sampled_from([",", ";", "\t"]), st.sampled_from(["\n", "\r\n"]),
                     st.sampled_from(["utf-8", "utf-8-sig", "windows-1252"]))

ACTOR_ROWS = [["a", "Alpha", "force", "First", "A1"], ["b", "Beta", "force", "", ""],
              ["c", "Gamma", "state", "Third", "G;Gam"]]
RELATION_ROWS = [["a", "trains", "b", "doc", "note", "stated", "2019", ""],
                 ["b", "part_of", "c", "doc", "", "implied", "", "2020-08-18"]]


def csv_bytes(header, rows, dialect) -> bytes:
    delimiter, newline, encoding = dialect
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows([header] + rows)
    return out.getvalue().encode(encoding, errors="replace")


def dataset(folder: Path, dialect) -> Path:
    return write(folder,
                 csv_bytes(["id", "name", "type", "description", "aliases"], ACTOR_ROWS, dialect),
                 csv_bytes(["source", "relation", "target", "evidence", "note", "confidence", "since", "until"],
                           RELATION_ROWS, dialect))


def clean(result):
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_never_raise(data):
    f, problems = parse_csv(data, Path("x.csv"), "x.csv")
    # no file and why, or a file; with an unclosed quote, both (the rest of the file is still checked)
    assert (f is None) == bool(problems) or {p.code for p in problems} == {"unclosed-quote"}
    for p in problems:
        assert p.line >= 0 and p.message and str(p).startswith("x.csv:")


@SETTINGS
@given(st.lists(st.lists(cell, min_size=0, max_size=7), max_size=6),
       st.lists(st.lists(cell, min_size=0, max_size=9), max_size=6), dialects)
def test_random_rows_load_or_fail_cleanly(actor_rows, relation_rows, dialect):
    with tempfile.TemporaryDirectory() as tmp:
        folder = write(Path(tmp),
                       csv_bytes(["id", "name", "type", "description", "aliases"], actor_rows, dialect),
                       csv_bytes(["source", "relation", "target", "evidence", "note", "confidence"],
                                 relation_rows, dialect))
        try:
            load_dataset(folder)
        except DataError as exc:
            assert exc.errors and all(p.line >= 0 for p in exc.problems)
        result = invoke("validate", "--data", folder)
        clean(result)
        assert result.exit_code in (0, 1)


@SETTINGS
@given(st.binary(max_size=200), st.sampled_from(["actors.csv", "relations.csv"]))
def test_editing_commands_on_random_bytes_fail_cleanly_and_change_nothing(data, name):
    with tempfile.TemporaryDirectory() as tmp:
        folder = dataset(Path(tmp), (",", "\n", "utf-8"))
        (folder / name).write_bytes(data)
        before = snapshot(folder)
        for args in (["add-actor", "z", "--name", "Z", "--type", "t"], ["add-relation", "a", "trains", "c"],
                     ["remove-actor", "a", "--cascade"], ["remove-relation", "a", "trains", "b"],
                     ["rename-actor", "a", "aa"], ["set-actor", "a", "--name", "N"]):
            result = invoke(*args, "--data", folder)
            clean(result)
            if result.exit_code != 0:
                assert snapshot(folder) == before
            else:
                before = snapshot(folder)


slug = st.from_regex(r"[a-z0-9_-]{1,10}", fullmatch=True)
word = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)


@SETTINGS
@given(st.one_of(slug, slug, st.sampled_from(["a", "A", ""]), text), st.one_of(word, word, cell),
       st.one_of(word, cell), cell, dialects)
def test_add_actor_then_remove_restores_the_files(actor_id, name, type_, alias, dialect):
    with tempfile.TemporaryDirectory() as tmp:
        folder = dataset(Path(tmp), dialect)
        start = snapshot(folder)
        result = invoke("add-actor", actor_id, "--name", name, "--type", type_, "--alias", alias, "--data", folder)
        clean(result)
        event(f"exit {result.exit_code}")
        if result.exit_code != 0:
            assert snapshot(folder) == start
            return
        loaded = load_dataset(folder, strict=False).actor(actor_id)
        assert loaded["name"] == name.strip() and loaded["type"] == type_.strip()
        result = invoke("remove-actor", actor_id, "--data", folder)
        assert result.exit_code == 0, result.output
        assert snapshot(folder) == start


actor_ref = st.sampled_from(["a", "b", "c", "Alpha", "gam", "A1", "zz", "Gamma"])
kind = st.sampled_from(["trains", "Accompanies", "coordinates with", "PART-OF", "likes", "part_of"])
date = st.one_of(st.just(""), st.sampled_from(["2019", "2020-02", "2020-02-30", "19", "2021-01-01"]))


@SETTINGS
@given(actor_ref, kind, actor_ref, cell, cell, st.sampled_from(["", "stated", "implied"]), date, date, dialects)
def test_add_relation_then_remove_restores_the_files(source, relation, target, evidence, note, confidence,
                                                      since, until, dialect):
    with tempfile.TemporaryDirectory() as tmp:
        folder = dataset(Path(tmp), dialect)
        start = snapshot(folder)
        args = ["add-relation", source, relation, target, "--evidence", evidence, "--note", note,
                "--since", since, "--until", until, "--data", folder]
        if confidence:
            args += ["--confidence", confidence]
        result = invoke(*args)
        clean(result)
        event(f"exit {result.exit_code}")
        if result.exit_code != 0:
            assert snapshot(folder) == start
            return
        result = invoke("remove-relation", source, relation, target, "--data", folder)
        assert result.exit_code == 0, result.output
        assert snapshot(folder) == start


@SETTINGS
@given(actor_ref, st.one_of(text, st.sampled_from(["fresh", "b", "c2", "Bad Id"])), dialects)
def test_rename_there_and_back(actor, new_id, dialect):
    with tempfile.TemporaryDirectory() as tmp:
        folder = dataset(Path(tmp), dialect)
        start = snapshot(folder)
        result = invoke("rename-actor", actor, new_id, "--data", folder)
        clean(result)
        event(f"exit {result.exit_code}")
        if result.exit_code != 0:
            assert snapshot(folder) == start
            return
        old = {"Alpha": "a", "A1": "a", "Gamma": "c", "gam": "c"}.get(actor, actor)
        back = invoke("rename-actor", new_id, old, "--data", folder)
        assert back.exit_code == 0, back.output
        assert snapshot(folder) == start
