"""SIGKILL an editing command at many points of its write: the files are always old or new."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUNDLED, ROOT
from graph.data.journal import JOURNAL
from graph.data.load import load_dataset

PAUSE = 0.04  # ACTORGRAPH_TEST_PAUSE: seconds between the steps of a write


def state(folder: Path) -> tuple[bytes, bytes]:
    return (folder / "actors.csv").read_bytes(), (folder / "relations.csv").read_bytes()


def command(folder: Path, args):
    return [sys.executable, str(ROOT / "cli.py"), *args, "--data", str(folder)]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
@pytest.mark.parametrize("args", [
    ["rename-actor", "mali_forces", "fama"],          # both files, through the journal
    ["remove-actor", "eutm", "--cascade"],            # both files
    ["add-actor", "eu", "--name", "European Union", "--type", "regional organisation"],  # one file
])
def test_kill_at_any_moment_leaves_old_or_new(tmp_path, args):
    env = {**os.environ, "ACTORGRAPH_TEST_PAUSE": str(PAUSE)}
    reference = tmp_path / "reference"
    shutil.copytree(BUNDLED, reference)
    old = state(reference)
    started = time.monotonic()
    subprocess.run(command(reference, args), env=env, check=True, capture_output=True)
    total = time.monotonic() - started
    new = state(reference)
    assert new != old

    seen = {"old": 0, "new": 0}
    runs = 24
    for i in range(runs):
        folder = tmp_path / f"run{i}"
        shutil.copytree(BUNDLED, folder)
        proc = subprocess.Popen(command(folder, args), env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(1.3 * total * (i + 0.5) / runs)  # the last few land after the command ended
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        seen["journal"] = seen.get("journal", 0) + (folder / JOURNAL).exists()
        load_dataset(folder)  # completes an interrupted edit; raises if the data is invalid
        assert not (folder / JOURNAL).exists()
        now = state(folder)
        assert now in (old, new), f"kill {i}: a mix of old and new files"
        seen["old" if now == old else "new"] += 1
    assert seen["old"] and seen["new"], seen  # the kills did land on both sides of the change
