"""The benchmark scripts' own logic: the networks they generate and the commands they time."""

from __future__ import annotations

from conftest import benchmark


def test_periods_keep_the_giant_shapes_grades():
    """with_periods dates a giant network's ties without dropping its status, sources and credibility."""
    generate = benchmark("generate")
    actors, relations = generate.generate(60, 180, shape="giant")
    _, dated = generate.with_periods(actors, relations)
    assert all(len(row) == 11 for row in dated)
    assert [row[8:] for row in dated] == [row[8:] for row in relations]
    assert sum(bool(row[6]) for row in dated) > sum(bool(row[6]) for row in relations)


def test_every_command_is_timed():
    """The benchmark covers the commands added since it was written."""
    from pathlib import Path

    run = benchmark("run")
    names = set(run.commands(Path("data"), Path("out.html"), Path("tmp"), hub="a0"))
    assert {"robustness", "report", "import", "timeline", "balance", "diff", "validate"} <= names
