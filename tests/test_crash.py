"""SIGKILL an editing command at every step of its write: the files are always old or new.

The kills are scheduled on the journal's own steps (ACTORGRAPH_TEST_KILL_AT, see
graph.data.journal._pause), not on a clock: the Nth run dies on reaching its Nth step,
until a run reaches no such step and completes.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOT
from graph.data.journal import JOURNAL
from graph.data.load import load_dataset

MAX_STEPS = 20  # more than any edit takes; reaching it means the hook stopped working


def state(folder: Path) -> tuple[bytes, bytes]:
    return (folder / "actors.csv").read_bytes(), (folder / "relations.csv").read_bytes()


def command(folder: Path, args):
    return [sys.executable, str(ROOT / "cli.py"), *args, "--data", str(folder)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize("args, before, after", [
    # both files, through the journal: steps after each temp file, then once the journal is written
    # and before each rename
    (["rename-actor", "mali_forces", "fama"], 2, 3),
    pytest.param(["remove-actor", "takuba", "--cascade"], 2, 3, marks=pytest.mark.slow),  # as rename, more rows
    (["add-actor", "eu", "--name", "European Union", "--type", "regional organisation"], 1, 0),  # one file
])
def test_kill_at_every_step_leaves_old_or_new(tmp_path, args, before, after):
    old = state(BUNDLED)
    outcomes = []
    for step in range(1, MAX_STEPS + 1):
        folder = tmp_path / f"kill{step}"
        shutil.copytree(BUNDLED, folder)
        env = {**os.environ, "ACTORGRAPH_TEST_KILL_AT": str(step)}
        proc = subprocess.run(command(folder, args), env=env, capture_output=True)
        killed = proc.returncode == -signal.SIGKILL
        assert killed or proc.returncode == 0, proc.stderr.decode()
        journal = (folder / JOURNAL).exists()
        load_dataset(folder)  # completes an interrupted edit; raises if the data is invalid
        assert not (folder / JOURNAL).exists()
        outcomes.append((killed, journal, state(folder)))
        if not killed:
            break
    assert len(outcomes) == before + after + 1, "the edit took a different number of write steps"
    *kills, (_, _, new) = outcomes
    assert new != old
    for step, (killed, journal, now) in enumerate(kills, 1):
        assert killed
        assert now in (old, new), f"kill at step {step}: a mix of old and new files"
    # killed before the journal is written, the edit is undone; after, recovery completes it
    assert [journal for _, journal, _ in kills] == [False] * before + [True] * after
    assert [now for _, _, now in kills] == [old] * before + [new] * after
