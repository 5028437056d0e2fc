"""Every file actorgraph writes goes through here: one mode policy, one fsync policy, never half a file.

Mode: a replaced file keeps its permission bits; a new file gets 0o666 less the umask,
as ``open()`` would give it. Sync: a file's bytes are fsynced before it takes its name,
and the folder is fsynced after the name changes, so a crash leaves the old content or
the new one. Temp files lie beside their target (same file system, so ``os.replace`` is
atomic) and are named ``.actorgraph-<name>.<random>.tmp``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Callable

__all__ = ["write_atomic", "replace_all", "finish", "create_new", "create_all", "temp_beside", "fsync_dir"]


def write_atomic(path: Path, data: bytes) -> None:
    """Replace (or create) the file at path with data: temp file beside it, fsync, ``os.replace``, fsync folder.

    On any failure the file is untouched and the temp file removed.
    """
    path = Path(path)
    tmp = temp_beside(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    fsync_dir(path.parent)


def replace_all(folder: Path, files: dict[str, bytes], journal: str | None = None,
                step: Callable[[], None] | None = None) -> None:
    """Replace several files of folder, by name: every temp file written and synced first, then the renames.

    With ``journal``, a JSON file of that name ({name: temp file}) is written atomically
    before the first rename and removed after the last, so that :func:`finish` can
    complete the renames after a crash. ``step`` is called between steps (crash tests).
    On a failure before the renames, every temp file is removed and nothing changes.
    """
    folder = Path(folder)
    step = step or _nothing
    temps: dict[str, str] = {}
    try:
        for name, data in sorted(files.items()):
            temps[name] = os.path.basename(temp_beside(folder / name, data))
            step()
        if journal:
            write_atomic(folder / journal, json.dumps(temps, sort_keys=True).encode())
    except BaseException:
        for tmp in temps.values():
            _unlink(folder / tmp)
        raise
    step()
    finish(folder, temps, journal, step)


def finish(folder: Path, temps: dict[str, str], journal: str | None = None,
           step: Callable[[], None] | None = None) -> None:
    """Rename each temp file of folder to its name (those already renamed are skipped), then drop the journal."""
    folder = Path(folder)
    for name, tmp in sorted(temps.items()):
        (step or _nothing)()
        if os.path.lexists(folder / tmp):
            os.replace(folder / tmp, folder / name)
    fsync_dir(folder)
    if journal:
        _unlink(folder / journal)
        fsync_dir(folder)


def create_new(path: Path, data: bytes) -> None:
    """Write a new file; FileExistsError if anything (even a broken link) has the name: never overwrites.

    A failed write removes the partly written file.
    """
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _unlink(path)
        raise
    fsync_dir(path.parent)


def create_all(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Create several new files in folder (made if needed), in the order given: all or none.

    Raises FileExistsError or another OSError with the files written so far removed.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    try:
        for name, data in files.items():
            create_new(folder / name, data)
            written.append(folder / name)
    except BaseException:
        for path in written:
            _unlink(path)
        raise
    return written


def temp_beside(path: Path, data: bytes, prefix: str | None = None) -> str:
    """A synced temp file in path's folder holding data, with the mode path will have; its path.

    The caller renames it over path, or removes it.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix or f".actorgraph-{path.name}.", suffix=".tmp",
                               dir=os.path.dirname(path) or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _mode_for(path: Path) -> int:
    """The permission bits of the file at path (links followed), or a new file's under the umask."""
    try:
        return os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        mask = os.umask(0)  # the only way to read the umask; set straight back
        os.umask(mask)
        return 0o666 & ~mask


def fsync_dir(folder: Path) -> None:
    """Make a rename in folder durable (no-op where folders cannot be opened or synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except (FileNotFoundError, IsADirectoryError, PermissionError):
        pass


def _nothing() -> None:
    pass
