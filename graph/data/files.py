"""The file system as untrusted input: data files stay inside their folder, outputs land safely.

A data folder arrives by mail, zip or shared drive. Its files are read only when
they are regular files inside the folder (a symbolic link may point elsewhere in
the folder, never out of it) and no larger than ``max_bytes()``, so a link to
``/dev/zero``, a FIFO or a huge file gives a message instead of a hang.
Outputs (``render -o``, ``export -o``) never replace a data set's own files;
devices and pipes (``/dev/stdout``, ``/dev/null``) are written in place.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

from graph.data.atomic import fsync_dir, temp_beside
from graph.errors import OutputError

__all__ = ["max_bytes", "size_text", "read_limited", "inside", "OutputError", "write_outputs", "printable", "clean_text"]

DEFAULT_MAX_MB = 128
# `import` builds a whole document tree and then a data set from it: about 35 times the file
# in memory (a 118 MB GEXF took 4 GB), so its files have a lower limit that a laptop holds.
DEFAULT_IMPORT_MAX_MB = 32


def max_bytes(variable: str = "ACTORGRAPH_MAX_FILE_MB", default: float = DEFAULT_MAX_MB) -> int:
    """The largest data file read, in bytes: ACTORGRAPH_MAX_FILE_MB, default 128 MB (for
    `import`: ACTORGRAPH_MAX_IMPORT_MB, default 32 MB)."""
    try:
        mb = float(os.environ.get(variable, default))
    except ValueError:
        mb = default
    if not mb > 0:  # nan, zero or negative: not a limit anyone means
        mb = default
    return int(min(mb * 1024 * 1024, sys.maxsize))  # inf or huge: no limit


def size_text(n: int) -> str:
    """A file size in words: '129 MB', '1.5 MB', '300 KB', '12 bytes'."""
    mb = n / 1048576
    return f"{mb:.0f} MB" if mb >= 10 else f"{mb:.1f} MB" if mb >= 1 else f"{n / 1024:.0f} KB" if n >= 1024 \
        else f"{n} bytes"


def inside(path: Path, folder: Path) -> bool:
    """Whether path, links resolved, lies in folder (links resolved)."""
    real, root = os.path.realpath(path), os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def read_limited(path: Path, folder: Path | None = None, limit: int | None = None) -> bytes:
    """The bytes of a regular file inside folder; OSError-free checks raise ValueError with a reason.

    FileNotFoundError is raised as is (the caller words "file not found").
    """
    path = Path(path)
    info = os.lstat(path)  # FileNotFoundError goes to the caller
    if stat.S_ISLNK(info.st_mode):
        if folder is not None and not inside(path, folder):
            raise ValueError(f"is a symbolic link to {os.path.realpath(path)}, outside the data folder;"
                             " copy the file into the folder instead")
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise ValueError("is a broken symbolic link") from None
    if stat.S_ISDIR(info.st_mode):
        raise ValueError("is a folder, not a CSV file")
    if not stat.S_ISREG(info.st_mode):
        raise ValueError("is not a regular file (a device, pipe or socket); actorgraph reads only files")
    variable = "ACTORGRAPH_MAX_FILE_MB" if limit is None else "ACTORGRAPH_MAX_IMPORT_MB"
    limit = max_bytes() if limit is None else limit
    if info.st_size > limit:
        raise ValueError(f"is {size_text(info.st_size)}, more than the {size_text(limit)} actorgraph reads"
                         f" (set {variable} to raise the limit)")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # never blocks on a pipe
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the check
            raise ValueError("is not a regular file")
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            size += len(chunk)
            if size > limit:
                raise ValueError(f"grows past the {size_text(limit)} actorgraph reads")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def clean_text(text: str) -> str:
    """Text safe to encode as UTF-8: undecodable bytes from the OS (surrogates) become U+FFFD.

    >>> clean_text("caf\\udce9")
    'caf\\ufffd'
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0, 9), *range(11, 32), 127, *range(128, 160)]}
# bidirectional controls (embeddings, overrides, isolates, marks) too: a right-to-left override in a name
# would turn the rest of its line round, as in "Trojan Source"
_CONTROL.update({c: f"\\u{c:04x}" for c in [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]})


def printable(text: str, keep_newlines: bool = False) -> str:
    r"""Text for a terminal: control characters (ESC, BEL, C1...) shown as \xNN, never sent raw.

    >>> printable("a\x1b]0;pwned\x07b"), printable("Mali\u202e forces")
    ('a\\x1b]0;pwned\\x07b', 'Mali\\u202e forces')
    >>> printable("a\r\nb\rc\n", keep_newlines=True)
    'a\r\nb\\x0dc\n'
    """
    if keep_newlines:  # line ends stay, "\r\n" (Windows files) too; a lone "\r" is shown
        return "\r\n".join(part.translate(_CONTROL) for part in clean_text(text).split("\r\n"))
    return clean_text(text).translate({**_CONTROL, 10: "\\n", 13: "\\r"})


def write_outputs(files: dict[Path, bytes], protected=()) -> None:
    """Write several outputs, all or none: temp files first, then renames.

    ``protected`` lists paths that must never be replaced (the data set's own files).
    A device or pipe (``/dev/stdout``, ``/dev/null``) is written in place; ``-`` means
    standard output. Every failure is an OutputError with a message for the user.
    """
    plan = []
    for path, data in files.items():
        plan.append((path, data, _check_target(Path(path), protected)))
    temps = []
    try:
        for path, data, kind in plan:
            if kind == "regular":
                temps.append((path, _temp_beside(path, data)))
        for path, data, kind in plan:
            if kind == "stdout":
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()
            elif kind == "special":
                _write_in_place(path, data)
        for path, tmp in temps:
            os.replace(tmp, os.path.realpath(path))
        for folder in sorted({os.path.dirname(os.path.realpath(path)) for path, _ in temps}):
            fsync_dir(folder)
        temps = []
    except OSError as exc:
        raise OutputError(f"cannot write {_name(exc.filename, plan)}: {exc.strerror or exc}") from None
    finally:
        for _, tmp in temps:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _name(filename, plan) -> str:
    return str(filename) if filename else ", ".join(str(p) for p, _, _ in plan)


def _check_target(path: Path, protected) -> str:
    if str(path) == "-":
        return "stdout"
    if not str(path).strip() or str(path) in (".", ".."):
        raise OutputError("the output file name is empty")
    for p in protected:
        try:
            same = os.path.exists(p) and os.path.exists(path) and os.path.samefile(p, path)
        except OSError:
            same = False
        if same or os.path.realpath(p) == os.path.realpath(path):
            raise OutputError(f"refusing to write over {path}: it is one of the data set's own files")
    if os.path.islink(path):
        _check_link(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        parent = os.path.dirname(os.path.realpath(path)) or "."
        if not os.path.isdir(parent):
            raise OutputError(f"cannot write {path}: the folder {os.path.dirname(str(path)) or '.'} does not exist")
        return "regular"
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    if stat.S_ISREG(info.st_mode):
        return "regular"
    return "special"


def _check_link(path: Path) -> None:
    """An output that is a link to a file (or to nothing) outside the link's own folder is refused: a link that
    came with a folder by mail or zip (``actorgraph.html`` -> ``~/.bashrc``) must not make a default output name
    overwrite a file elsewhere. Links to devices (``/dev/stdout``) are written as before."""
    target = os.path.realpath(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a device, or a pipe behind /dev/stdout
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    home = os.path.realpath(os.path.dirname(os.path.abspath(path)))
    if os.path.commonpath([home, target]) != home:
        raise OutputError(f"refusing to write {path}: it is a symbolic link to {target}, outside its folder;"
                          " remove the link or name another output file")


def _temp_beside(path: Path, data: bytes) -> str:
    """An output's temp file, beside the file a link points to (the link itself stays)."""
    return temp_beside(os.path.realpath(path), data, prefix=".actorgraph-out.")


def _write_in_place(path: Path, data: bytes) -> None:
    """Write to a device or FIFO without replacing it; a FIFO with no reader fails instead of blocking."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise OSError(exc.errno, "it is a pipe that nothing is reading from", str(path)) from None
        raise
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    finally:
        os.close(fd)
