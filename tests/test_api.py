"""The public API: docs/api.md runs as doctests, and the CLI and the API agree."""

from __future__ import annotations

import doctest

import pytest

import graph
from conftest import BUNDLED, FIXTURES, ROOT, invoke, write


def test_api_page_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("ACTORGRAPH_DATA", raising=False)
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 20 and result.failed == 0


def test_all_names_are_exported():
    for name in graph.__all__:
        assert getattr(graph, name) is not None
    with pytest.raises(AttributeError):
        graph.nothing_like_this


def test_medici_betweenness_is_the_published_value():
    df = graph.centrality(graph.open_dataset(FIXTURES / "florentine"), measures=["betweenness"])
    assert df.loc["medici", "betweenness"] == pytest.approx(0.522, abs=5e-4)
    assert df.index[0] == "medici" and df.loc["medici", "rank"] == 1


def test_centrality_types_and_notes(tmp_path):
    """Measures are floats (NaN where undefined), ranks Int64, and the notes the CLI prints come along."""
    import pandas as pd

    from conftest import write

    folder = write(tmp_path / "d", actors="id,name,type\na,A,x\nb,B,x\nc,C,x\n",
                   relations="source,relation,target,evidence\na,trains,b,e\nb,trains,c,e\n")
    df = graph.centrality(graph.open_dataset(folder), directed=True, sort="eigenvector")
    assert str(df["rank"].dtype) == "Int64" and df["rank"].isna().all()
    assert df["eigenvector"].dtype == float and df["eigenvector"].isna().all()
    assert df.loc["b", "betweenness"] == pytest.approx(0.5)  # a -> b -> c: b is on the one path between the others
    assert any("eigenvector: undefined" in n for n in df.attrs["notes"])
    assert pd.api.types.is_float_dtype(graph.centrality(BUNDLED)["degree"])


@pytest.mark.parametrize("name", ["NoPath", "TooLarge", "UndefinedMeasure", "NothingDated", "EditRefused", "GradeError",
                                  "DataError", "ActorNotFound"])
def test_every_error_the_readme_names_is_importable_from_graph(name):
    error = getattr(graph, name)
    assert issubclass(error, graph.ActorgraphError)
    assert f"`{name}`" in (ROOT / "README.md").read_text() or f"graph.{name}" in (ROOT / "README.md").read_text()


def test_no_path_says_which_part_of_the_view_keeps_the_actors_apart(tmp_path):
    folder = write(tmp_path / "d", actors="id,name,type\na,A,x\nb,B,x\nc,C,x\nz,Z,x\n",
                   relations="source,relation,target,evidence,status\na,trains,b,e,\nb,coordinates_with,c,e,planned\n")
    ds = graph.open_dataset(folder)
    with pytest.raises(graph.NoPath, match=r"there is one with statuses=\('all',\)") as no:
        graph.paths(ds, "a", "c")
    assert no.value.joined_by == ("statuses",) and (no.value.source, no.value.target) == ("a", "c")
    assert graph.paths(ds, "a", "c", graph.View(statuses=("all",))).total == 1  # the hint works
    with pytest.raises(graph.NoPath, match="no chain of relations joins them in the data") as no:
        graph.paths(ds, "a", "z")
    assert no.value.joined_by is None
    with pytest.raises(graph.NoPath, match="only a view with several of its options given up") as no:
        graph.paths(ds, "a", "c", graph.View(relations="trains"))
    assert no.value.joined_by == ()


def test_view_is_frozen_and_takes_a_single_name():
    view = graph.View(without="Barkhane", relations="trains")
    assert view.without == ("Barkhane",) and view.relations == ("trains",)
    with pytest.raises(AttributeError):
        view.as_of = "2020"  # type: ignore[misc]


@pytest.mark.parametrize("view, field", [(graph.View(without=["nobody"]), "without"),
                                         (graph.View(relations=["partof"]), "relations"),
                                         (graph.View(as_of="banana"), "as_of"),
                                         (graph.View(min_grade="Z9"), "min_grade"),
                                         (graph.View(statuses=["maybe"]), "statuses")])
def test_bad_views_raise_errors_naming_the_field(view, field):
    ds = graph.open_dataset(BUNDLED)
    with pytest.raises(Exception) as info:
        view.resolve(ds)
    assert getattr(info.value, "field", None) == field
    assert not isinstance(info.value, KeyError)


def test_api_and_cli_give_the_same_centrality(tmp_path):
    result = invoke("centrality", "--data", BUNDLED, "--format", "csv", "--without", "Barkhane", "--status", "all")
    assert result.exit_code == 0, result.output
    df = graph.centrality(BUNDLED, graph.View(without=["Barkhane"], statuses="all"))
    lines = result.stdout.splitlines()
    assert lines[0].split(",")[:2] == ["rank", "id"]
    assert [line.split(",")[1] for line in lines[1:]] == list(df.index)


def test_selection_graph_and_repr():
    ds = graph.open_dataset(BUNDLED)
    sel = ds.view(without=["Barkhane"])
    assert "barkhane" not in sel.graph() and "barkhane" in ds.graph()
    assert repr(ds) == f"<Dataset {BUNDLED.relative_to(ROOT)}: {len(ds.actors)} actors, {len(ds.relations)} relations>" \
        or repr(ds).startswith("<Dataset /")
    assert "Barkhane" in repr(sel)


@pytest.mark.slow  # a full layout or several renders: in the full suite, not the fast loop
def test_example_script_runs(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(ROOT / "docs" / "example.py"), str(tmp_path)], capture_output=True,
                          text=True, cwd=ROOT, env={**__import__("os").environ, "ACTORGRAPH_DATA": ""})
    assert done.returncode == 0, done.stderr
    assert "<Dataset data:" in done.stdout and "parts before:" in done.stdout
    assert (tmp_path / "sahel.html").stat().st_size > 100_000
    html = (tmp_path / "sahel-pyvis.html").read_text(encoding="utf-8")
    assert "https://" not in html and "http://" not in html


def test_library_messages_name_parameters_and_the_command_line_names_options(tmp_path):
    import shutil

    from graph.data.edit import edit_folder
    from graph.errors import EditRefused

    d = tmp_path / "d"
    shutil.copytree(BUNDLED, d)
    before = (d / "relations.csv").read_bytes()
    with pytest.raises(EditRefused) as caught:
        edit_folder(d, lambda e: e.set_relation("barkhane", "trains", "fama", {}))
    assert str(caught.value) == ("nothing to change; give evidence, note, confidence, since, until, source,"
                                 " credibility, status or set")
    assert "--" not in str(caught.value)
    result = invoke("set-relation", "barkhane", "trains", "fama", "--data", str(d))
    assert result.exit_code == 1
    assert "give --evidence, --note, --confidence, --since, --until, --source, --credibility, --status or --set" \
        in result.stderr
    assert (d / "relations.csv").read_bytes() == before


def test_no_library_error_message_names_a_command_line_option():
    """Messages raised in graph/ speak of parameters; the command line spells them as options (Hint)."""
    import ast
    import re

    found = []
    for path in sorted((ROOT / "graph").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and node.exc is not None:
                for part in ast.walk(node.exc):
                    if isinstance(part, ast.Constant) and isinstance(part.value, str) \
                            and re.search(r"(?<![\w-])--[a-z]", part.value):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {part.value}")
    assert found == []


_T_ACTORS = "id,name,type\na,A,x\nb,B,x\nc,C,y\nd,D,y\n"
_T_RELATIONS = ("source,relation,target,evidence,since,until\n"
                "a,trains,b,s,2019,\nb,part_of,c,s,,2020-08-18\na,coordinates_with,c,s,2027,\nc,accompanies,d,s,,\n")


def test_timeline_is_a_table_worked_by_hand(tmp_path):
    """The dated path of tests/test_time.py: a-b, b-c, c-d until 2020-08-18, then a-b and c-d (every degree
    1/3: four tied), then a-c from 2027 (a and c 2/3)."""
    from conftest import write

    t = write(tmp_path / "t", _T_ACTORS, _T_RELATIONS)
    df = graph.timeline(graph.open_dataset(t), measure="degree", top=1, every="event")
    assert list(df.columns) == ["date", "actors", "ties", "rank", "id", "name", "value"]
    assert str(df["rank"].dtype) == "Int64" and str(df["value"].dtype) == "float64"
    assert [(r.date, r.ties, r.rank, r.id, round(r.value, 4)) for r in df.itertuples()] == [
        ("2019-01-01", 3, 1, "b", 0.6667), ("2020-08-19", 2, 1, "a", 0.3333), ("2027-01-01", 3, 1, "a", 0.6667)]
    assert df.attrs["tied"] == {"2019-01-01": 1, "2020-08-19": 3, "2027-01-01": 1} and df.attrs["notes"] == []


def test_diff_of_two_versions_and_of_two_dates(tmp_path):
    from conftest import write

    old = write(tmp_path / "old", _T_ACTORS, _T_RELATIONS)
    new = write(tmp_path / "new", _T_ACTORS.replace("d,D,y", "dd,D,y"),
                _T_RELATIONS.replace("c,accompanies,d", "c,accompanies,dd") + "a,trains,d2,s,,\n")
    (new / "actors.csv").write_text(_T_ACTORS.replace("d,D,y", "dd,D,y") + "d2,Delta two,y\n", encoding="utf-8")
    found = graph.diff(old, new, measure="degree", top=2)
    assert ("renamed", "actor", "d -> dd") in {(r.change, r.what, r.item) for r in found.changes.itertuples()}
    assert ("added", "actor") in {(r.change, r.what) for r in found.changes.itertuples()}
    # today (2026-11-30): a-b and c-d before; a-b, c-dd and a-d2 after: a's degree 1/3 -> 2/4
    assert found.ranks.loc["a", "rank_after"] == 1 and found.ranks.loc["a", "after"] == pytest.approx(0.5)
    assert str(found.ranks["rank_before"].dtype) == "Int64"
    dated = graph.diff(old, as_of=("2019-06", "2021"), measure="degree", top=4)
    assert [(r.change, r.item, r.details) for r in dated.changes.itertuples()] == [
        ("ended", "b part_of c", "until 2020-08-18")]
    with pytest.raises(ValueError):
        graph.diff(old)


def test_a_misspelt_or_impossible_argument_is_an_actorgraph_error_with_a_suggestion():
    ds = graph.open_dataset(FIXTURES / "florentine")
    with pytest.raises(graph.BadArgument) as caught:
        graph.centrality(ds, measures=["betweeness"])
    assert caught.value.suggestions == ("betweenness",) and caught.value.field == "measure"
    assert "did you mean 'betweenness'?" in str(caught.value)
    for call in (lambda: graph.centrality(ds, top=0), lambda: graph.brokers(ds, sort="between"),
                 lambda: graph.paths(ds, "Medici", "medici"), lambda: graph.robustness(ds, measure="x"),
                 lambda: graph.impact(ds, "Medici", measure="degre"), lambda: graph.diff(ds),
                 lambda: graph.diff(ds, as_of=("1430",))):
        with pytest.raises(graph.ActorgraphError):
            call()
    sahel = graph.open_dataset(BUNDLED)
    with pytest.raises(graph.BadArgument, match="every 'week' is not one of year, month, event"):
        graph.timeline(sahel, every="week")


def test_the_tables_carry_what_the_view_left_out_and_the_ties_at_the_cut():
    """The notes the command line prints, spelled as the API's parameters (as_of='all', top=N)."""
    sahel = graph.open_dataset(BUNDLED)  # today 2026-11-30: ended ties and inactive actors left out
    df = graph.centrality(sahel, measures=["betweenness"], top=10)
    assert len(df) == 10
    assert "as of 2026-11-30: 2 ended ties left out (as_of='all' for every period)" in df.attrs["notes"]
    assert "3 more actors are tied at rank 10 with the last one shown (top=13 shows them)" in df.attrs["notes"]
    assert len(graph.centrality(sahel, measures=["betweenness"], top=13)) == 13
    assert not any("--" in n for n in df.attrs["notes"])
    assert graph.brokers(sahel).attrs["notes"][:2] == df.attrs["notes"][:2]
    assert graph.communities(sahel).attrs["notes"] == df.attrs["notes"][:2]
    every = graph.centrality(sahel, graph.View(as_of="all"), measures=["degree"])
    assert not any("ended ties" in n for n in every.attrs["notes"])


FLORENTINE = FIXTURES / "florentine"


@pytest.mark.parametrize("call, field", [
    (lambda ds: graph.centrality(ds, measures=["degree"], sort="betweenness"), "sort"),
    (lambda ds: graph.export(ds, "yed", "x.graphml", write=False), "fmt"),
    (lambda ds: graph.static_map(ds, fmt="jpg"), "fmt"),
    (lambda ds: graph.static_map(ds, fmt="png", dpi=0), "dpi"),
    (lambda ds: graph.report(ds, fmt="docx"), "fmt"),
    (lambda ds: graph.report(ds, measure="betweeness"), "measure"),
    (lambda ds: graph.report(ds, top=0), "top"),
    (lambda ds: graph.report_files(ds, "brief.docx"), "path"),
    (lambda ds: graph.render_html(ds, size_by="betweeness"), "size_by"),
    (lambda ds: graph.render_html(ds, color_by="communty"), "color_by"),
    (lambda ds: graph.render_html(ds, focus="Medici", depth=-1), "depth"),
    (lambda ds: graph.render_html(ds, title=5), "title"),
    (lambda ds: graph.to_pyvis(ds, size_by="x"), "size_by"),
    (lambda ds: graph.communities(ds, resolution=0), "resolution"),
    (lambda ds: graph.communities(ds, seed="a"), "seed"),
    (lambda ds: graph.robustness(ds, max_ties=-1), "max_ties"),
    (lambda ds: graph.paths(ds, None, "Strozzi"), "source"),
    (lambda ds: graph.paths(ds, "Medici", ["Strozzi"]), "target"),
    (lambda ds: graph.paths(ds, "Medici", "Strozi"), "target"),
    (lambda ds: graph.impact(ds, None), "actors"),
    (lambda ds: graph.impact(ds, "Medicci"), "actors"),
    (lambda ds: graph.centrality(5), "dataset"),
    (lambda ds: graph.centrality(ds, "Medici"), "view"),
    (lambda ds: graph.centrality(ds, graph.View(without=[None])), "without"),
    (lambda ds: graph.centrality(ds, graph.View(min_grade=3)), "min_grade"),
    (lambda ds: graph.centrality(ds, graph.View(as_of=2.5)), "as_of"),
    (lambda ds: graph.frames(ds, []), "dates"),
    (lambda ds: graph.frames(ds, [None]), "dates"),
])
def test_a_wrong_argument_is_an_error_naming_it_not_one_from_deep_inside(call, field):
    """What the command line refuses with a message, the API refuses as an ActorgraphError naming the
    parameter (a KeyError, StopIteration, AttributeError or a silent default before)."""
    with pytest.raises(graph.ActorgraphError) as error:
        call(graph.open_dataset(FLORENTINE))
    assert error.value.field == field, (str(error.value), error.value.field)


def test_the_api_takes_what_a_notebook_holds():
    """A Selection where a data set goes (its view too), dates as datetime.date, pandas Timestamps or years,
    a format in capitals; Robustness.to_frame; float measures and Int64 ranks in every frame."""
    import datetime

    import pandas as pd

    ds = graph.open_dataset(FLORENTINE)
    without = graph.centrality(ds.view(without=["Medici"]))
    assert "medici" not in without.index and without.equals(graph.centrality(ds, graph.View(without=["Medici"])))
    sahel = graph.open_dataset(BUNDLED)
    by_text = graph.centrality(sahel, graph.View(as_of="2020-01-01"))
    for day in (datetime.date(2020, 1, 1), pd.Timestamp("2020-01-01"), datetime.datetime(2020, 1, 1, 12)):
        assert graph.centrality(sahel, graph.View(as_of=day)).equals(by_text)
    assert graph.centrality(sahel, graph.View(as_of=2020)).equals(graph.centrality(sahel, graph.View(as_of="2020")))
    assert graph.static_map(ds, fmt="SVG").startswith(b"<?xml")
    frame = graph.robustness(ds).to_frame()  # it raised a TypeError on every data set
    assert list(frame.columns) == ["view", "kind", "ties_left_out", "kendall_tau", "id", "name", "rank",
                                   "rank_in_view", "keeps_rank"] and (frame["view"] == "all ties").any()
    brokers = graph.brokers(ds, graph.View(relations=["trains"]))  # no tie of that kind: every value undefined
    assert str(brokers["rank"].dtype) == "Int64"
    assert brokers["effective_size"].dtype == float and brokers["constraint"].dtype == float
    gone = graph.impact(ds, "Medici").to_frame()
    assert str(gone["rank_before"].dtype) == "Int64" and gone["before"].dtype == float


def test_a_diff_between_dates_says_what_the_view_leaves_out():
    """On signed data the cooperation network is measured: the hostile ties it leaves out are said, as
    centrality says them (they were missing from the changes with no word)."""
    notes = graph.diff(ROOT / "graph" / "examples" / "conflict", as_of=("2019", "2023")).notes
    assert any("hostile" in n and "ties='all'" in n for n in notes), notes
    assert not any("--" in n for n in notes)
