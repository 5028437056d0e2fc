"""Shared helpers: small data sets written to tmp folders, and the CLI driven through CliRunner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli import main

os.environ["COLUMNS"] = "100"  # tables fit this width, whatever terminal runs the tests
os.environ.setdefault("ACTORGRAPH_TODAY", "2026-11-30")  # "today" of every default view: no test reads the calendar

pytest_plugins = ["browsing"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BUNDLED = ROOT / "data"

ACTORS = """id,name,type,description,aliases
a,Alpha,force,First actor,A1;Alef
b,Beta,force,Second actor,
c,Gamma,state,Third actor,G
"""
RELATIONS = """source,relation,target,evidence,note,confidence,since,until
a,trains,b,doc §1,a trains b,stated,2019,
b,part_of,c,doc §2,b is part of c,implied,,2020-08-18
a,coordinates_with,c,doc §3,,stated,,
"""


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist names the groups
def pytest_collection_modifyitems(items):
    """Order and group the tests for the two worker processes (pytest-xdist, ``--dist loadgroup``).

    Tests that share a fixture built once per module or session (a rendered page, a laid-out map)
    run on one worker, so it is built once; and the slow and browser tests come first, so that no
    worker starts a long test while the other has finished.
    """
    for item in items:
        module = getattr(item, "module", None)
        fixtures = item._fixtureinfo.name2fixturedefs.values() if hasattr(item, "_fixtureinfo") else ()
        if module is not None and any(d.scope in ("module", "session") and d.func.__module__ == module.__name__
                                      for defs in fixtures for d in defs):
            item.add_marker(pytest.mark.xdist_group(module.__name__))
    items.sort(key=lambda item: 0 if item.get_closest_marker("slow") else 1 if item.get_closest_marker("browser") else 2)


def benchmark(name: str):
    """A script of benchmarks/ (e.g. "generate") as a module: the tests build the same networks."""
    import importlib.util
    import sys

    if f"benchmarks.{name}" not in sys.modules:
        spec = importlib.util.spec_from_file_location(f"benchmarks.{name}", ROOT / "benchmarks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[f"benchmarks.{name}"] = module
    return sys.modules[f"benchmarks.{name}"]


def bundled_relations() -> list[dict]:
    """The bundled relations.csv as dicts (the tests derive expected counts from the data itself)."""
    import csv

    with open(BUNDLED / "relations.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def bundled_count(status: str | None = None, actor: str | None = None) -> int:
    """How many bundled relations have this status (blank counts as actual) and name this actor."""
    return sum(1 for r in bundled_relations()
               if (status is None or (r.get("status") or "actual") == status)
               and (actor is None or actor in (r["source"], r["target"])))


def write(folder: Path, actors: str | bytes = ACTORS, relations: str | bytes = RELATIONS,
          kinds: str | bytes | None = None, sources: str | bytes | None = None) -> Path:
    """A data folder holding the files given (text is written as UTF-8, bytes as they are)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (("actors.csv", actors), ("relations.csv", relations), ("kinds.csv", kinds),
                          ("sources.csv", sources)):
        if content is None:
            continue
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def invoke(*args, input=None):
    """Run the CLI in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def ok(*args, input=None):
    """Run the CLI in-process and check that it succeeded."""
    result = invoke(*args, input=input)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def data(tmp_path):
    return write(tmp_path / "data")


def snapshot(folder: Path) -> dict:
    return {p.name: p.read_bytes() for p in sorted(Path(folder).iterdir()) if p.is_file()}
