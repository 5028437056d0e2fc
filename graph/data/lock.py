"""One lock per data folder, so that parallel commands never lose or half-see an edit.

Editing commands hold the folder's lock exclusively from reading the files to
writing them; reading commands hold it shared while they read. The lock is an
``flock`` on the folder itself, so no lock file is left in a shared folder. Where
the platform or file system has no such locks, commands run unlocked. The lock is
advisory: it keeps actorgraph commands apart, and anyone who can read the folder can
hold it (then commands wait ACTORGRAPH_LOCK_TIMEOUT and stop).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from graph.errors import LockTimeout

__all__ = ["folder_lock", "LockTimeout", "lock_timeout"]

DEFAULT_TIMEOUT = 10.0


def lock_timeout() -> float:
    """Seconds to wait for the lock: ACTORGRAPH_LOCK_TIMEOUT, default 10."""
    try:
        return max(0.0, float(os.environ.get("ACTORGRAPH_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


@contextlib.contextmanager
def folder_lock(folder: Path, exclusive: bool, timeout: float | None = None):
    """Hold the folder's lock (exclusive or shared) for the ``with`` block."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        yield  # the caller reports the missing or unreadable folder
        return
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + (lock_timeout() if timeout is None else timeout)
    locked = False
    try:
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                locked = True
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    # anyone who can open the folder can hold its lock (a reader of a shared folder
                    # too, for as long as it likes): say what is known, not who it must be
                    raise LockTimeout(f"{folder} is locked by another process (waited"
                                      f" {lock_timeout() if timeout is None else timeout:g} s): another actorgraph"
                                      " command, or any program that holds a lock on the folder; try again when"
                                      " it has finished") from None
                time.sleep(0.02)
            except OSError:  # file system without locks (some network shares)
                break
        yield
    finally:
        if locked:
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
