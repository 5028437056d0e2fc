"""Commit changes to the data files so that a crash never leaves them inconsistent.

One file: temp file beside it, fsync, ``os.replace``. Several files: every temp
file is written and synced first, then a journal naming them, then the renames; a
crash after the journal is written is completed by :func:`recover`, which every
command runs (under the folder's exclusive lock) before it reads the data.

The journal is untrusted input like the rest of the folder: it may only name the
data set's own files and their temp files, both plain files inside the folder.
Anything else is reported and nothing is touched.
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
from pathlib import Path

from graph.data.atomic import finish, replace_all, write_atomic
from graph.data.problems import DataError, Problem
from graph.data.schema import DATA_FILES

__all__ = ["commit", "recover", "pending", "JOURNAL", "TEMP_RE"]

JOURNAL = ".actorgraph-journal"
_NAMES = "|".join(re.escape(n) for n in DATA_FILES)
DATA_TEMP_RE = re.compile(rf"\.actorgraph-({_NAMES})\.[A-Za-z0-9_]+\.tmp\Z")
TEMP_RE = re.compile(rf"\.actorgraph-(?:{_NAMES}|\.actorgraph-journal)\.[A-Za-z0-9_]+\.tmp\Z")
_MAX_JOURNAL = 4096


_steps = 0  # write steps taken by this process, for ACTORGRAPH_TEST_KILL_AT


def _pause():
    """A hook between the steps of a write, for the crash tests (tests/test_crash.py).

    With ACTORGRAPH_TEST_KILL_AT=N the process SIGKILLs itself on reaching its Nth step
    (counting from 1), so a test can crash a write at each step in turn, not at a moment
    it guesses. Unset (always, outside the tests) this does nothing.
    """
    at = os.environ.get("ACTORGRAPH_TEST_KILL_AT")
    if at:
        global _steps
        _steps += 1
        if _steps == int(at):
            os.kill(os.getpid(), signal.SIGKILL)


def commit(folder: Path, changes: dict[str, bytes]) -> None:
    """Replace the named data files in folder with new contents, all or nothing.

    Raises OSError (disk full, read-only folder) with every temp file removed.
    """
    folder = Path(folder)
    for name in changes:
        _check_editable(folder, name)
    if len(changes) == 1:
        (name, data), = changes.items()
        _pause()
        write_atomic(folder / name, data)
        return
    replace_all(folder, changes, journal=JOURNAL, step=_pause)


def _check_editable(folder: Path, name: str) -> None:
    path = folder / name
    if path.is_symlink():
        raise OSError(0, f"it is a symbolic link to {os.path.realpath(path)}; actorgraph edits only regular"
                         " files (edit the file it points to, or copy it into the folder)", str(path))


def pending(folder: Path) -> bool:
    """Whether the folder holds a journal (an edit to complete)."""
    return os.path.lexists(Path(folder) / JOURNAL)


def recover(folder: Path, display: str | None = None) -> list[str]:
    """Complete an edit a crash interrupted; return what was done, for the user.

    Call it with the folder's exclusive lock held. A journal that names anything but
    the data set's own files and temp files raises DataError and changes nothing.
    """
    folder = Path(folder)
    notices = []
    if pending(folder):
        temps = _read_journal(folder, display or str(folder / JOURNAL))
        if temps:
            finish(folder, temps, JOURNAL, _pause)
            notices.append(f"completed an interrupted edit of {', '.join(sorted(temps))}")
        else:
            _unlink(folder / JOURNAL)
    _remove_stale_temps(folder)
    return notices


def _read_journal(folder: Path, display: str) -> dict[str, str]:
    def bad(why: str):
        return DataError([Problem(display, 0, "bad-journal",
                                  f"{why}; nothing was touched. If no edit was interrupted, delete {JOURNAL}")])

    path = folder / JOURNAL
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode):
        raise bad("the edit journal is not a regular file")
    if info.st_size > _MAX_JOURNAL:
        raise bad("the edit journal is too large to be one of actorgraph's")
    try:
        temps = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        raise bad("the edit journal is not valid JSON") from None
    if not isinstance(temps, dict):
        raise bad("the edit journal is not a JSON object")
    for name, tmp in temps.items():
        if name not in DATA_FILES:
            raise bad(f"the edit journal names '{name}', which is not a data file ({', '.join(DATA_FILES)})")
        m = DATA_TEMP_RE.match(tmp) if isinstance(tmp, str) else None
        if not m or m.group(1) != name:
            raise bad(f"the edit journal names '{tmp}' as the new {name}, which is not one of actorgraph's"
                      " temp files in the folder")
        try:
            tmp_info = os.lstat(folder / tmp)
        except FileNotFoundError:
            continue  # already renamed before the crash
        if not stat.S_ISREG(tmp_info.st_mode):
            raise bad(f"the journal's temp file '{tmp}' is not a regular file")
        if os.path.islink(folder / name):
            raise bad(f"{name} is a symbolic link; the journal will not replace it")
    return temps


def _remove_stale_temps(folder: Path) -> None:
    """Temp files no running edit owns (we hold the exclusive lock): left by a crash."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if TEMP_RE.match(entry.name) and entry.is_file(follow_symlinks=False):
            _unlink(Path(entry.path))


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        pass
