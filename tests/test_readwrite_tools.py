"""The exports as the tools' own parsers read them: graphology-gexf (Gephi Lite) and Cytoscape.js.

They run in Node.js from the npm packages .ci/run installs (ACTORGRAPH_JS names their
node_modules); without them these tests skip locally and fail in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOT, invoke
from graph.analysis.build import build_graph
from graph.data.load import load_dataset

MODULES = Path(os.environ.get("ACTORGRAPH_JS", ROOT / ".ci" / "js" / "node_modules"))


def parse(kind: str, path: Path) -> dict:
    missing = None
    if not shutil.which("node"):
        missing = "Node.js is not installed"
    elif not (MODULES / "graphology-gexf").is_dir() or not (MODULES / "cytoscape").is_dir():
        missing = f"no graphology-gexf and cytoscape in {MODULES} (.ci/run installs them)"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    done = subprocess.run(["node", str(ROOT / "scripts" / "check_exports.js"), kind, str(path)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "NODE_PATH": str(MODULES)})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_gephi_lite_reads_a_mixed_graph_with_the_picture(tmp_path):
    out = tmp_path / "x.gexf"
    assert invoke("export", "--format", "gexf", "-o", out, "--data", BUNDLED, "--status", "all").exit_code == 0
    seen = parse("gexf", out)
    G = build_graph(load_dataset(BUNDLED))
    assert seen["type"] == "mixed" and seen["multi"] is True
    assert set(seen["nodes"]) == set(G) and len(seen["edges"]) == G.number_of_edges()
    assert sum(e["undirected"] for e in seen["edges"]) == sum(d == "coordinates_with" for *_, d in
                                                              G.edges(data="relation"))
    assert all(e["undirected"] == (e["attrs"]["relation"] == "coordinates_with") for e in seen["edges"])
    fama = seen["nodes"]["mali_forces"]
    assert fama["label"] == G.nodes["mali_forces"]["name"] and fama["type"] == G.nodes["mali_forces"]["type"]
    assert {"x", "y", "size", "color"} <= set(fama) and fama["color"].startswith("rgb(")
    dated = [e for e in seen["edges"] if e["attrs"].get("until")]
    assert dated and all(e["attrs"]["label"] for e in seen["edges"])


def test_cytoscape_js_draws_positions_colours_and_line_styles(tmp_path):
    out = tmp_path / "x.cyjs"
    assert invoke("export", "--format", "cyjs", "-o", out, "--data", BUNDLED).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    seen = parse("cyjs", out)
    for n in doc["elements"]["nodes"]:
        got = seen["nodes"][n["data"]["id"]]
        assert got["position"] == n["position"] and got["label"] == n["data"]["name"]
        r, g, b = (int(n["data"]["ag_color"][i:i + 2], 16) for i in (1, 3, 5))
        assert got["color"] == f"rgb({r},{g},{b})"
    lines = {e["relation"]: (e["line"], e["arrow"]) for e in seen["edges"]}
    assert lines["coordinates_with"] == ("dashed", "none") and lines["part_of"] == ("solid", "triangle")
