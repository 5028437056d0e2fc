"""Fast start, checked by what is imported rather than by time."""

from __future__ import annotations

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


def test_render_imports_pyvis(tmp_path):
    data = write(tmp_path / "data")  # three actors: the imports are the same, the layout is quick
    assert "pyvis" in loaded("render", "--data", str(data), "-o", str(tmp_path / "x.html"))


def test_every_package_of_graph_is_in_the_wheel():
    import pytest

    from conftest import ROOT

    tomllib = pytest.importorskip("tomllib")  # Python 3.11 and later

    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "graph").rglob("__init__.py")}
    assert found <= declared, found - declared
