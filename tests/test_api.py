"""The public API: docs/api.md runs as doctests, and the CLI and the API agree."""

from __future__ import annotations

import doctest

import pytest

import graph
from conftest import BUNDLED, FIXTURES, ROOT, invoke


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
