"""What-if removal on large networks: betweenness after the removal estimated, and saying so."""

from __future__ import annotations

import json

import pytest

from conftest import invoke, write
from test_robustness import SOURCES, _graph_of, _wheel


def test_small_networks_stay_exact(tmp_path):
    from graph.analysis.whatif import WHATIF_WORK, AfterEstimate, impact

    G = _graph_of(write(tmp_path / "w", *_wheel(), sources=SOURCES))
    assert AfterEstimate.if_needed(G, "betweenness", False, 3, {}) is None
    assert 3 * 120 * (120 + 160) < WHATIF_WORK
    assert not any("estimated" in n for n in impact(G, ["a3"])["notes"])


@pytest.mark.slow
def test_estimate_with_every_source_gets_the_large_changes_exactly(tmp_path):
    from graph.analysis.metrics import centrality
    from graph.analysis.whatif import AfterEstimate, impact

    G = _graph_of(write(tmp_path / "w", *_wheel(), sources=SOURCES))
    full = centrality(G, ["betweenness"])[0]["betweenness"]
    est = AfterEstimate(G, G.number_of_nodes(), full)
    got = impact(G, ["a3"], measured=full, estimate=est)
    exact = impact(G, ["a3"], measured=full, estimate=False)
    after = {r["id"]: r["after"] for r in got["rows"]}
    truth = {r["id"]: r["after"] for r in exact["rows"]}
    assert after.keys() == truth.keys() and "a3" not in after
    moved = [v for v in truth if abs(truth[v] - full[v]) > 0.02]  # smaller changes may count as noise (none)
    assert moved and all(after[v] == pytest.approx(truth[v], abs=1e-9) for v in moved)
    assert all(abs(after[v] - truth[v]) < 0.01 for v in truth)
    assert any("estimated, not exact" in n and "120 sampled source actors" in n for n in got["notes"])
    assert [r["id"] for r in got["rows"][:4]] == [r["id"] for r in exact["rows"][:4]]


def test_impact_says_its_betweenness_after_is_estimated(tmp_path, monkeypatch):
    from graph.analysis import whatif

    monkeypatch.setattr(whatif, "WHATIF_WORK", 1000)
    monkeypatch.setattr(whatif, "MIN_SAMPLE", 60)
    folder = write(tmp_path / "w", *_wheel(), sources=SOURCES)
    result = invoke("impact", "a3", "--data", folder, "--format", "json")
    assert result.exit_code == 0, result.output
    assert "betweenness after the removal estimated, not exact" in result.stderr and "60 sampled" in result.stderr
    assert "standard error" in result.stderr
    rows = json.loads(result.stdout)["rows"]
    assert len(rows) == 119 and all(r["after"] is not None and r["after"] >= 0 for r in rows)
    degree = invoke("impact", "a3", "--data", folder, "--format", "json", "--measure", "degree")
    assert "estimated" not in degree.stderr  # other measures stay exact


@pytest.mark.slow
def test_report_says_its_what_ifs_are_estimated(tmp_path, monkeypatch):
    from graph import api
    from graph.analysis import whatif

    folder = write(tmp_path / "w", *_wheel(), sources=SOURCES)
    monkeypatch.setattr(whatif, "WHATIF_WORK", 1000)
    monkeypatch.setattr(whatif, "MIN_SAMPLE", 60)
    text = api.report(api.open_dataset(folder), fmt="md")
    assert "betweenness after the removal estimated, not exact" in text and "60 sampled source actors" in text
