"""Commit changes to one or both CSV files so that a crash never leaves them inconsistent.

One file: temp file beside it, fsync, ``os.replace``. Two files: both temp files
are written and synced first, then a journal naming them, then the renames; a
crash after the journal is written is completed by :func:`recover`, which every
command runs before it reads the data.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from .csvio import atomic_write, fsync_dir

__all__ = ["commit", "recover", "JOURNAL"]

JOURNAL = ".actorgraph-journal"
_TEMP_PREFIX = ".actorgraph-"


def _pause():
    """Crash tests set ACTORGRAPH_TEST_PAUSE to widen the gaps between write steps."""
    delay = os.environ.get("ACTORGRAPH_TEST_PAUSE")
    if delay:
        time.sleep(float(delay))


def commit(folder: Path, changes: dict[str, bytes]) -> None:
    """Replace the named files in folder with new contents, all or nothing."""
    folder = Path(folder)
    if len(changes) == 1:
        (name, data), = changes.items()
        _pause()
        atomic_write(folder / name, data)
        return
    temps = {}
    try:
        for name, data in sorted(changes.items()):
            temps[name] = _write_temp(folder, name, data)
            _pause()
        atomic_write(folder / JOURNAL, json.dumps(temps, sort_keys=True).encode())
    except BaseException:
        for tmp in temps.values():
            _unlink(folder / tmp)
        raise
    _pause()
    _finish(folder, temps)


def recover(folder: Path) -> list[str]:
    """Complete an edit a crash interrupted; return what was done, for the user."""
    folder = Path(folder)
    journal = folder / JOURNAL
    notices = []
    if journal.is_file():
        try:
            temps = json.loads(journal.read_text())
        except (OSError, ValueError):
            temps = {}
        if temps:
            _finish(folder, temps)
            notices.append(f"completed an interrupted edit of {', '.join(sorted(temps))}")
        else:
            _unlink(journal)
    for tmp in folder.glob(_TEMP_PREFIX + "*"):
        if time.time() - tmp.stat().st_mtime > 60:  # younger ones may belong to a running edit
            _unlink(tmp)
    return notices


def _finish(folder: Path, temps: dict[str, str]) -> None:
    for name, tmp in sorted(temps.items()):
        _pause()
        if (folder / tmp).exists():
            os.replace(folder / tmp, folder / name)
    fsync_dir(folder)
    _unlink(folder / JOURNAL)
    fsync_dir(folder)


def _write_temp(folder: Path, name: str, data: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=f"{_TEMP_PREFIX}{name}.", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    target = folder / name
    if target.exists():
        os.chmod(tmp, target.stat().st_mode & 0o777)
    return os.path.basename(tmp)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
