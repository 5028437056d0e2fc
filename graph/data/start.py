"""Start a data set: the files with their headers, or a copy of the bundled sample."""

from __future__ import annotations

from pathlib import Path

from graph.data.atomic import create_all
from graph.data.load import ACTORS_FILE, KINDS_FILE, RELATIONS_FILE, SOURCES_FILE, TYPES_FILE, sample_dir
from graph.data.schema import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS
from graph.errors import EditRefused
from graph.data.kinds import kinds_text
from graph.data.types import types_text

__all__ = ["init", "headers", "EXAMPLES"]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"  # small example data sets other than the sample


def headers() -> dict[str, bytes]:
    """Each file of a new, empty data set: its header line (kinds.csv: the built-in kinds)."""

    def header(columns) -> bytes:
        return (",".join(c.name for c in columns) + "\n").encode()

    return {ACTORS_FILE: header(ACTOR_COLUMNS), RELATIONS_FILE: header(RELATION_COLUMNS),
            KINDS_FILE: kinds_text().encode(), SOURCES_FILE: header(SOURCE_COLUMNS), TYPES_FILE: types_text().encode()}


def init(folder: Path, example: bool | str = False, excel: str | None = None) -> list[Path]:
    """Write a new data set into folder (created if needed); refuse if any of its files exists.

    ``example``: True or 'sahel' copies the bundled Sahel sample; 'conflict' the small fictional
    signed example (graph/examples/conflict: cooperative, hostile and neutral kinds).

    ``excel``: a separator (';' or ','): write the files as a spreadsheet opens them directly
    (UTF-8 with a BOM, a ``sep=`` line, CRLF; see graph.data.csvio.spreadsheet_bytes).

    Raises EditRefused naming the files that exist, OSError when the folder cannot be written
    (FileExistsError when one appeared meanwhile); nothing is left written.
    """
    folder = Path(folder)
    files = headers()
    if example == "conflict":
        files = {name: (EXAMPLES / "conflict" / name).read_bytes() for name in (ACTORS_FILE, RELATIONS_FILE,
                                                                                  KINDS_FILE, SOURCES_FILE, TYPES_FILE)}
    elif example:
        sample = sample_dir()
        files.update({name: (sample / name).read_bytes() for name in (ACTORS_FILE, RELATIONS_FILE, SOURCES_FILE,
                                                                         TYPES_FILE)})
    if excel:
        from graph.data.csvio import to_spreadsheet

        files = {name: to_spreadsheet(data, name, excel) for name, data in files.items()}
    existing = [name for name in files if (folder / name).exists() or (folder / name).is_symlink()]
    if existing:
        raise EditRefused(f"{folder} already has {', '.join(existing)}; actorgraph init never overwrites a file",
                          field="folder")
    return create_all(folder, files)  # exclusive: never replaces a file made meanwhile
