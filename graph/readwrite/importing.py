"""`actorgraph import`: read another tool's file, build a data folder, validate it, then write it (never over data)."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

from graph.errors import Hint, ImportFailed
from graph.data.atomic import create_all
from graph.data.files import DEFAULT_IMPORT_MAX_MB, max_bytes, read_limited
from graph.data.load import display_path, from_files
from graph.data.problems import DataError
from graph.data.schema import DATA_FILES
from graph.readwrite import by_name, for_file
from graph.readwrite.common import FormatError
from graph.readwrite.tofolder import to_files

__all__ = ["import_file", "ImportFailed"]


def import_file(file: Path, folder: Path, fmt: str | None = None) -> tuple[list[Path], list[str]]:
    """Write a data folder from ``file``; (files written, notes on what could not be mapped).

    Raises ImportFailed for an unreadable file or an occupied folder, DataError when the
    result would not validate. Nothing is written unless everything succeeds.
    """

    file, folder = Path(file), Path(folder)
    display = display_path(file)
    data = _read(file, display)
    form = by_name(fmt) if fmt else for_file(file.name, data)
    if form is None or not form.imports:
        raise ImportFailed("cannot tell its format from the extension", file=display, field="fmt",
                           hint=Hint("give", (("fmt", None),)))
    _check_folder(folder, DATA_FILES)
    module = importlib.import_module(f"graph.readwrite.{form.module}")

    try:
        if form.name == "csv-edgelist":
            from graph.readwrite.tables import nodes_file_for

            beside = nodes_file_for(file)
            # the nodes table is found beside the edge list: a link leading out of that folder
            # is refused (data-folder rule), so nothing from outside is copied or printed
            nodes = (_read(beside, display_path(beside), file.parent), display_path(beside)) if beside else None
            imported = module.read(data, display, nodes)
        else:
            imported = module.read(data, display)
        if not imported.actors and not imported.relations:
            raise ImportFailed("no actors or relations found", file=display)
        files, notes = to_files(imported)
    except FormatError as exc:
        raise ImportFailed(str(exc)) from None
    except (TypeError, AttributeError, KeyError, IndexError, ValueError, OverflowError, RecursionError) as exc:
        # The one guard for every reader: a value of the wrong type or size anywhere in a
        # JSON or XML document (a list where an object belongs, a colour of 1e999) is the
        # file's fault, so it is refused like any other malformed file, never a traceback.
        raise ImportFailed(f"not a {form.name} file ({_shape(exc)})", file=display) from None
    _validate(folder, files)
    return _write(folder, files), notes


def _read(path: Path, display: str, folder: Path | None = None) -> bytes:
    try:
        return read_limited(path, folder, limit=max_bytes("ACTORGRAPH_MAX_IMPORT_MB", DEFAULT_IMPORT_MAX_MB))
    except FileNotFoundError:
        raise ImportFailed("file not found", file=display) from None
    except ValueError as exc:
        raise ImportFailed(str(exc), file=display) from None
    except OSError as exc:
        raise ImportFailed(f"cannot be read: {exc.strerror or exc}", file=display) from None


def _shape(exc: Exception) -> str:
    """What was wrong, in the file's terms."""
    if isinstance(exc, OverflowError):
        return "a number too large"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if isinstance(exc, KeyError):
        return f"a missing field {exc}"
    return "a value of the wrong type or shape"


def _check_folder(folder: Path, names) -> None:
    try:
        exists, is_dir = folder.exists(), folder.is_dir()
    except OSError as exc:  # a name too long, a folder we may not look into
        raise ImportFailed(f"cannot write {folder}: {exc.strerror or exc}") from None
    if exists and not is_dir:
        raise ImportFailed(f"{folder} is a file, not a folder")
    if is_dir:
        taken = [n for n in names if os.path.lexists(folder / n)]
        if taken:
            raise ImportFailed(f"{folder} already holds {', '.join(taken)}: import never overwrites a data folder;"
                               " give a new folder")


def _validate(folder: Path, files: dict[str, str]) -> None:
    """Parse and check the files as they would be written; DataError on any error."""

    _, problems = from_files(folder, {name: text.encode("utf-8") for name, text in files.items()},
                             {name: str(folder / name) for name in files})
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DataError(errors)


def _write(folder: Path, files: dict[str, str]) -> list[Path]:
    order = ("actors.csv", "relations.csv", "kinds.csv", "sources.csv")
    try:  # exclusive: never replaces a file made meanwhile
        return create_all(folder, {name: files[name].encode("utf-8") for name in order if name in files})
    except FileExistsError:
        raise ImportFailed(f"{folder} received data files meanwhile: nothing was written") from None
    except OSError as exc:
        raise ImportFailed(f"cannot write {folder}: {exc.strerror or exc}") from None
