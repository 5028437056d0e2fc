"""Fast start, checked by what is imported rather than by time."""

from __future__ import annotations

import functools

import pytest

import json
import subprocess
import sys

from conftest import BUNDLED, ROOT, write

PROBE = """
import sys, runpy
sys.argv = ["actorgraph"] + {args!r}
try:
    runpy.run_path({cli!r}, run_name="__main__")
except SystemExit:
    pass
import json
heavy = ["pandas", "networkx", "pyvis", "IPython", "igraph", "scipy", "numpy", "dataclasses"]
sys.stderr.write("\\nMODULES=" + json.dumps([m for m in heavy if m in sys.modules]) + "\\n")
"""


def loaded(*args) -> list[str]:
    code = PROBE.format(args=list(args), cli=str(ROOT / "cli.py"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    line = [l for l in done.stderr.splitlines() if l.startswith("MODULES=")][-1]
    return json.loads(line[len("MODULES="):])


def test_help_imports_nothing_heavy():
    assert loaded("--help") == []  # not even dataclasses: the tables --help reads are plain tuples


def test_command_help_imports_nothing_heavy():
    assert loaded("render", "--help") == []


def test_validate_imports_nothing_heavy():
    assert set(loaded("validate", "--data", str(BUNDLED))) <= {"dataclasses"}


def test_centrality_imports_only_its_own_libraries_on_small_data():
    mods = loaded("centrality", "--data", str(BUNDLED))
    assert "networkx" in mods and "pandas" in mods
    # no pyvis (IPython), and on a few dozen actors neither scipy (pagerank) nor igraph
    assert "pyvis" not in mods and "IPython" not in mods
    assert "scipy" not in mods and "igraph" not in mods


def test_igraph_is_loaded_without_matplotlib_which_still_loads_after():
    code = """
import sys
from graph.analysis.engine import load_igraph
ig = load_igraph()
assert "matplotlib" not in sys.modules
assert ig.Graph.Ring(5).betweenness() == [1.0] * 5  # each the middle of one pair
import matplotlib.pyplot as plt
assert plt.figure is not None and load_igraph() is ig
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.strip() == "ok", done.stderr


@pytest.mark.slow  # a full layout or thousands of actors: in the full suite, not the fast loop
def test_render_imports_pyvis(tmp_path):
    data = write(tmp_path / "data")  # three actors: the imports are the same, the layout is quick
    assert "pyvis" in loaded("render", "--data", str(data), "-o", str(tmp_path / "x.html"))


def test_every_package_of_graph_is_in_the_wheel():
    import pytest

    from conftest import ROOT

    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later

    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for top in ("graph", "actorgraph_cli")
             for p in (ROOT / top).rglob("__init__.py")}
    assert found <= declared, found - declared


# Layers of graph/: a module may import its own layer and those before it, never one after it.
# analysis never reaches picture or output; the exceptions are listed, each inside a function.
LAYERS = ["errors", "names", "data", "analysis", "picture", "output", "readwrite", "api"]
ALLOWED_UPWARD = {
    "graph.data.load": ("graph.analysis.views", "graph.api"),  # inside Dataset.graph and .view
    "graph.errors": ("graph.data.problems",),  # DataError sorts its problems when raised
}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "graph" or len(parts) < 2:
        return None
    return LAYERS.index(parts[1]) if parts[1] in LAYERS else None


def graph_imports():
    """(importing module, imported module) for every import in graph/, at any depth."""
    return _graph_imports()


@functools.lru_cache(maxsize=1)  # three tests read the same walk
def _graph_imports() -> tuple:
    return tuple(_walk())


def _walk():
    import ast

    for path in sorted((ROOT / "graph").rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                yield module, node.module
                for alias in node.names:  # from graph.analysis import engine
                    yield module, f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    yield module, alias.name


def test_analysis_never_imports_picture_or_output():
    bad = [(a, b) for a, b in graph_imports()
           if a.startswith("graph.analysis") and b.startswith(("graph.picture", "graph.output"))]
    assert bad == []


def test_no_module_imports_a_later_layer():
    bad = []
    for a, b in graph_imports():
        la, lb = _layer(a), _layer(b)
        if la is not None and lb is not None and lb > la and not b.startswith(ALLOWED_UPWARD.get(a, ("-",))):
            bad.append((a, b))
    assert bad == []


def test_layer_walk_sees_imports_inside_functions():
    pairs = set(graph_imports())
    assert ("graph.data.load", "graph.analysis.views") in pairs  # imported inside Dataset.graph
