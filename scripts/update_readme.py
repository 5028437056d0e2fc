"""Refresh the README's examples from the tool itself: console blocks and the info tables.

A ```console block whose command runs on the bundled data (no --data, no -o) gets its
output replaced by what the command prints now; the block between <!-- info:start -->
and <!-- info:end --> gets `actorgraph info --format markdown`. tests/test_docs.py
fails when the README is out of date.

Usage: python scripts/update_readme.py [--check]
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cli import main as cli_main  # noqa: E402

BLOCK = re.compile(r"```console\n\$ (actorgraph [^\n]*)\n(.*?)```", re.S)
INFO = re.compile(r"(<!-- info:start -->\n)(.*?)(<!-- info:end -->)", re.S)


READ_ONLY = {"validate", "info", "centrality", "neighbors", "path", "impact", "brokers", "communities",
             "robustness", "timeline"}


TODAY = "2026-11-30"  # tests/conftest.py pins the same date


def live(command: str) -> bool:
    """Read-only commands on the bundled data: their output is pasted in."""
    words = shlex.split(command)
    read_only = len(words) > 1 and (words[1] in READ_ONLY or (words[1] == "diff" and "--as-of" in words))
    return read_only and "--data" not in words


def run(command: str) -> str:
    import os
    os.environ["COLUMNS"] = "100"  # tables as a 100-column terminal shows them
    os.environ["ACTORGRAPH_TODAY"] = TODAY  # the examples' "today": the README never depends on the calendar
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(cli_main, shlex.split(command)[1:])
    finally:
        os.chdir(old)
    return result.stdout


def refreshed(text: str) -> str:
    def block(m):
        command = m.group(1)
        if not live(command):
            return m.group(0)
        return f"```console\n$ {command}\n{run(command)}```"

    text = BLOCK.sub(block, text)
    return INFO.sub(lambda m: m.group(1) + run("actorgraph info --format markdown") + m.group(3), text)


def main() -> int:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    new = refreshed(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
