"""The 100k row: sampled closeness, and exact path measures refused (centrality) or estimated (maps) on big graphs.

The limits are lowered on small data sets here; benchmarks/huge.py times the real 100,000 actors.
"""

from __future__ import annotations

import networkx as nx
import pytest

from conftest import FIXTURES, invoke
from graph.analysis import engine, metrics
from graph.errors import ActorgraphError, TooLarge

FLORENTINE = FIXTURES / "florentine"


@pytest.mark.parametrize("directed", [False, True])
def test_sampled_closeness_is_the_same_estimate_in_both_engines(directed):
    G = nx.gnm_random_graph(150, 400, seed=5, directed=directed)
    G.add_edges_from([(150, 151), (151, 152)])  # a small separate component
    ref = engine.closeness(G, engine="networkx", sample=40)
    fast = engine.closeness(G, engine="igraph", sample=40)
    assert ref == pytest.approx(fast, abs=1e-12)
    exact = engine.closeness(G, engine="networkx")
    assert ref != pytest.approx(exact, abs=1e-9)  # an estimate
    assert max(abs(ref[v] - exact[v]) for v in G) < 0.1 * max(exact.values())


def test_sampled_closeness_is_close_and_uses_the_betweenness_sources():
    G = nx.connected_watts_strogatz_graph(300, 6, 0.1, seed=3)
    exact = engine.closeness(G)
    estimate = engine.closeness(G, sample=100)
    assert max(abs(estimate[v] - exact[v]) / exact[v] for v in G) < 0.1
    assert engine.closeness(G, sample=300) == exact  # every actor a source: exact
    assert engine.closeness(G, sample=100, seed=7) != estimate  # seeded


def test_centrality_refuses_exact_path_measures_above_the_limit_and_says_what_to_do(monkeypatch):
    monkeypatch.setattr(metrics, "EXACT_UP_TO", 10)
    result = invoke("centrality", "--data", FLORENTINE)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == (
        "Error: exact betweenness and closeness search from every one of the 15 actors over 20 ties, tens of minutes"
        " or more of work at this size (they are computed exactly up to 10 actors, while actors x (actors + ties)"
        " is at most 10 billion); the other measures take seconds"
        " or estimate them from sampled source actors with --sample 500")
    assert result.stdout == ""
    only = invoke("centrality", "--data", FLORENTINE, "-m", "closeness")
    assert only.exit_code == 1 and "exact closeness search from every one of the 15 actors" in only.stderr


def test_few_actors_with_very_many_ties_are_over_the_limit_too(monkeypatch):
    """The work is actors x (actors + ties): 15 actors and 20 ties is 525 units, so a limit of 500 refuses them
    as 50,000 actors are refused; ties repeated between one pair count once."""
    monkeypatch.setattr(metrics, "EXACT_WORK", 500)
    result = invoke("centrality", "--data", FLORENTINE)
    assert result.exit_code == 1 and "every one of the 15 actors over 20 ties" in result.stderr
    assert "while actors x (actors + ties) is at most 500)" in result.stderr
    monkeypatch.setattr(metrics, "EXACT_WORK", 525)
    assert invoke("centrality", "--data", FLORENTINE).exit_code == 0
    assert metrics.forced_sample(40_000, 2_000_000) == metrics.PICTURE_SAMPLE


def test_centrality_above_the_limit_works_with_a_sample_or_other_measures(monkeypatch):
    monkeypatch.setattr(metrics, "EXACT_UP_TO", 10)
    sampled = invoke("centrality", "--data", FLORENTINE, "--sample", "5", "--format", "json")
    assert sampled.exit_code == 0, sampled.output
    assert "note: closeness: estimated from 5 sampled source actors (seed 42), not exact" in sampled.stderr
    assert "note: betweenness: estimated from 5 sampled source actors" in sampled.stderr
    degree = invoke("centrality", "--data", FLORENTINE, "-m", "degree", "-m", "eigenvector")
    assert degree.exit_code == 0 and "Medici" in degree.stdout and "estimated" not in degree.stderr


def test_below_the_limit_nothing_changes():
    result = invoke("centrality", "--data", FLORENTINE, "-m", "closeness")
    assert result.exit_code == 0 and "estimated" not in result.stderr
    assert "0.560" in result.stdout.splitlines()[1]  # Medici, Wasserman & Faust


def test_the_library_raises_too_large_with_a_hint_naming_no_option(monkeypatch):
    from graph import api

    monkeypatch.setattr(metrics, "EXACT_UP_TO", 10)
    with pytest.raises(TooLarge) as caught:
        api.centrality(api.open_dataset(FLORENTINE), measures=["betweenness"])
    exc = caught.value
    assert isinstance(exc, ActorgraphError) and (exc.limit, exc.size) == (10, 15)
    assert exc.hint.options == (("sample", "500"),) and "--" not in str(exc)
    assert list(api.centrality(api.open_dataset(FLORENTINE), measures=["betweenness"], sample=5).columns)


@pytest.mark.slow  # a render and an export
def test_maps_above_the_limit_estimate_the_dot_sizes_and_say_so(monkeypatch, tmp_path):
    monkeypatch.setattr(metrics, "EXACT_UP_TO", 10)
    monkeypatch.setattr(metrics, "PICTURE_SAMPLE", 6)
    page = tmp_path / "map.html"
    result = invoke("render", "--data", FLORENTINE, "-o", page)
    assert result.exit_code == 0, result.output
    assert ("note: betweenness and closeness: estimated, as exact values take tens of minutes or more above 10"
            " actors") in result.stderr
    assert "betweenness: estimated from 6 sampled source actors (seed 42), not exact" in result.stderr
    assert page.stat().st_size > 0
    out = tmp_path / "x.gexf"
    exported = invoke("export", "--data", FLORENTINE, "-o", out)
    assert exported.exit_code == 0, exported.output
    assert "medici" in out.read_text(encoding="utf-8")


def test_sample_help_names_the_limit():
    result = invoke("centrality", "--help")
    assert f"needed above {metrics.EXACT_UP_TO:,} actors" in " ".join(result.stdout.split())


def test_export_of_a_format_carrying_the_map_is_refused_above_its_limit(monkeypatch, tmp_path):
    from graph.readwrite import common

    monkeypatch.setattr(common, "MAP_UP_TO", 10)
    out = tmp_path / "x.gexf"
    result = invoke("export", "--data", FLORENTINE, "-o", out)
    assert result.exit_code == 1 and "Traceback" not in result.output and not out.exists()
    assert result.stderr.strip().endswith(
        "this format carries the map as drawn here, and laying out 15 actors takes tens of minutes or more (maps are"
        " laid out up to 10 actors); narrow the view or export without positions, for the other tool to lay out,"
        " with --format graphml, --format json or --format csv")
    plain = invoke("export", "--data", FLORENTINE, "--format", "graphml", "-o", tmp_path / "x.graphml")
    assert plain.exit_code == 0, plain.output
    assert "medici" in (tmp_path / "x.graphml").read_text(encoding="utf-8")


def test_diff_and_timeline_say_when_they_estimate(monkeypatch):
    """Above EXACT_UP_TO, what ranks actors estimates, and says so: diff of two folders or two dates, timeline."""
    import json

    from conftest import BUNDLED

    monkeypatch.setattr(metrics, "EXACT_UP_TO", 10)
    monkeypatch.setattr(metrics, "PICTURE_SAMPLE", 6)
    said = "note: betweenness: estimated, as exact values take tens of minutes or more above 10 actors"
    folders = invoke("diff", str(FLORENTINE), str(FLORENTINE))
    assert folders.exit_code == 0 and said in folders.stderr, folders.output
    dates = invoke("diff", "--data", BUNDLED, "--as-of", "2015", "--as-of", "2020")
    assert dates.exit_code == 0 and said in dates.stderr, dates.output
    steps = json.loads(invoke("timeline", "--data", BUNDLED, "-m", "closeness", "--format", "json").stdout)["steps"]
    assert steps and all(s.get("estimated_from") == 6 for s in steps if s["actors"] > 10)
    monkeypatch.setattr(metrics, "EXACT_UP_TO", 10_000)
    assert "estimated" not in invoke("diff", str(FLORENTINE), str(FLORENTINE)).stderr


def test_maps_above_their_own_limit_estimate_the_panel_measures_and_say_so(monkeypatch, tmp_path):
    """Above MAP_EXACT_UP_TO actors a page sizes its dots and fills its panel from sampled sources: the
    terminal and the page's measure help say so; below it, exact (the bundled page does not change)."""
    from test_render import page_data

    monkeypatch.setattr(metrics, "MAP_EXACT_UP_TO", 10)
    monkeypatch.setattr(metrics, "PICTURE_SAMPLE", 6)
    page = tmp_path / "map.html"
    result = invoke("render", "--data", FLORENTINE, "-o", page)
    assert result.exit_code == 0, result.output
    assert "betweenness: estimated from 6 sampled source actors (seed 42), not exact" in result.stderr
    data = page_data(page.read_text(encoding="utf-8"))
    assert "estimated here from 6 sampled source actors" in data["measureHelp"]["betweenness"]
    svg = tmp_path / "map.svg"
    drawn = invoke("render", "--data", FLORENTINE, "-o", svg)  # the picture's legend says it too
    assert drawn.exit_code == 0 and "estimated here from 6 sampled source actors" in svg.read_text(encoding="utf-8")
    exported = invoke("export", "--data", FLORENTINE, "-o", tmp_path / "x.gexf")  # its dots sized as the page's
    assert exported.exit_code == 0 and "betweenness: estimated from 6 sampled source actors" in exported.stderr
    monkeypatch.setattr(metrics, "MAP_EXACT_UP_TO", 10_000)
    again = invoke("render", "--data", FLORENTINE, "-o", page)
    assert "estimated" not in again.stderr
    assert "estimated" not in page_data(page.read_text(encoding="utf-8"))["measureHelp"]["betweenness"]
