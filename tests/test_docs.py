"""The README keeps up with the tool: every command documented, examples current."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cli import COMMANDS
from conftest import ROOT, invoke

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_is_in_the_readme(command):
    assert f"actorgraph {command}" in README and f"`{command}" in README
    table = README.split("| command | what it does |", 1)[1].split("\n\n", 1)[0]
    rows = {name.strip(" `") for line in table.splitlines()[1:] for name in line.split("|")[1].split(",")}
    assert command in rows, f"{command} has no row in the README's table of commands"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_has_help_with_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0, result.output
    assert "Example:" in result.stdout or "Examples:" in result.stdout


def test_readme_examples_are_the_tools_real_output():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_readme.py"), "--check"])
    assert done.returncode == 0, "README is out of date: run python scripts/update_readme.py"


def test_quick_start_has_exactly_two_commands():
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in section.splitlines() if line.startswith("python3 -m pip")]
    assert commands == ["python3 -m pip install -e . && actorgraph render",
                        "python3 -m pip install -e '.[test]' && python3 -m pytest"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 -m pip install -e '.[test]' && python3 -m pytest" in ci


@pytest.mark.slow  # a fresh interpreter imports pandas, networkx and pyvis
def test_the_readmes_python_example_runs():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## From Python", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    code = block + "\nprint(found.total, len(df), G.number_of_nodes(), type(net).__name__)\n"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          env={**__import__("os").environ, "ACTORGRAPH_TODAY": "2026-11-30"}, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    total, actors, nodes, kind = done.stdout.split()
    assert int(total) >= 1 and int(actors) == int(nodes) > 20 and kind == "OfflineNetwork"


def test_the_readmes_balance_example_is_the_real_output():
    """The conflict example's balance summary, pasted whole (not a console block: it names --data)."""
    from graph.data.start import EXAMPLES

    command = "$ actorgraph --data conflict balance --show summary\n"
    shown = README.split(command, 1)[1].split("```", 1)[0]
    result = invoke("--data", EXAMPLES / "conflict", "balance", "--show", "summary")
    assert result.exit_code == 0, result.output
    assert shown == result.stdout
