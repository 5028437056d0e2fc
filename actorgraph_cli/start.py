"""Starting and checking a data set: init, validate, info."""

from __future__ import annotations

import shlex

from pathlib import Path
import sys

import click

from cli import Command, data_option
from graph.names import FORMATS
from actorgraph_cli.options import _format, excel_options, excel_separator, fail, load, meta, plural, raw_option, say


@click.command(cls=Command)
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--example", is_flag=False, flag_value="sahel", type=click.Choice(("sahel", "conflict")),
              help="Write an example instead of empty files: the bundled Sahel data set (the default), or"
                   " conflict, a small FICTIONAL map of allies and enemies (hostile kinds, see `balance`).")
@excel_options
def init(folder, example, excel, sep):
    """Start a data set: FOLDER/actors.csv, relations.csv, kinds.csv, sources.csv and types.csv with their headers.

    kinds.csv holds the four built-in relation kinds, ready to edit; types.csv (type,label,color,shape)
    the colour and shape of each actor type you want to fix (others are assigned). Existing files
    are never overwritten. --example writes the bundled Sahel data set instead;
    --example conflict a small fictional map with hostile kinds.
    --excel writes files that Excel opens directly in the user's language.

    Example: actorgraph init my-map && actorgraph --data my-map add-actor fama --name "FAMa" --type army
    """
    from graph.data.start import init as start
    from graph.errors import EditRefused

    try:
        written = start(folder, example=example, excel=excel_separator(excel, sep))
    except (OSError, EditRefused) as exc:
        fail(f"{getattr(exc, 'strerror', None) or exc}; nothing was written")
    for path in written:
        click.echo(f"wrote {path}", err=True)
    from graph.data.files import printable

    click.echo(f"next: actorgraph --data {shlex.quote(printable(str(folder)))} add-actor ID --name NAME --type TYPE",
               err=True)


@click.command(cls=Command)
@data_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fix", is_flag=True, help="Write actor ids where relations.csv names actors by name or alias"
                                          " (only those cells change); prints the change as a diff.")
@click.option("--dry-run", is_flag=True, help="With --fix: print the diff; write nothing.")
def validate(fmt, fix, dry_run):
    """Check the CSV files and report every problem as FILE:LINE: message.

    Errors come first, then warnings; the exit code is 1 when there is any error.
    --fix writes ids where relations.csv names actors by name or alias.

    Example: actorgraph validate --data my-network/
    """
    from graph.output.tables import dumps
    from graph.data.load import display_path, load_dataset, locate
    from graph.data.problems import DataError

    folder, how = locate(meta("data"))
    if dry_run and not fix:
        raise click.UsageError("--dry-run goes with --fix")
    if fix:
        _fix(dry_run)
    try:
        dataset = load_dataset(folder)
        problems, files, notices = dataset.problems, dataset.files, dataset.notices
        counts = {"actors": len(dataset.actors), "relations": len(dataset.relations), "kinds": len(dataset.kinds)}
    except DataError as exc:  # validate reports the problems itself
        problems, files, notices, counts = exc.problems, exc.files, [], {}
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    place = f"{display_path(folder)} (found as {how})"
    if fmt == "json":
        click.echo(dumps({"folder": place, "files": [f.describe() for f in files], "notices": notices, **counts,
                          "errors": errors, "warnings": warnings, "problems": [p.as_dict() for p in problems]}))
    else:
        for line in notices + [f"data: {place}"] + [f.describe() for f in files] + [str(p) for p in problems]:
            click.echo(line)
        head = f"{plural(counts['actors'], 'actor')}, {plural(counts['relations'], 'relation')}: " if counts else ""
        click.echo(f"{head}{plural(errors, 'error')}, {plural(warnings, 'warning')}")
    sys.exit(1 if errors else 0)


@click.command(cls=Command)
@data_option
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("markdown",)), default="table", show_default=True)
@click.option("--table", "only", type=click.Choice(["types", "relations"]),
              help="Only this table (csv: one table a spreadsheet or pandas reads; without it, both, a blank"
                   " line between).")
@raw_option
def info(fmt, only):
    """Summary of the data set: which files, actors by type, relations by kind, confidence and status.

    Examples: actorgraph info --format markdown; actorgraph info --format csv --table relations
    """
    from graph.output.tables import dumps
    from graph.data.load import display_path
    from graph.output.rows import markdown_table, summary

    dataset = load()
    s = summary(dataset)
    type_cols = ["type", "actors"]
    kind_cols = ["relation", "stated", "implied", "unspecified", "actual", "planned", "recommended", "total"]
    tables = [(s["types"], type_cols), (s["relations"], kind_cols)]
    if only:
        tables = [tables[0 if only == "types" else 1]]
    if fmt == "json":
        click.echo(dumps({"files": [display_path(f.path) for f in dataset.files], **s} if not only else s[only]))
    elif fmt == "markdown":
        click.echo("\n".join(markdown_table(rows, cols) for rows, cols in tables), nl=False)
    else:
        if fmt == "table":
            say(f"{plural(s['actors'], 'actor')}, {plural(s['relation_count'], 'relation')} in "
                + ", ".join(display_path(f.path) for f in dataset.files) + "\n")
        click.echo("\n".join(_format(rows, cols, fmt) for rows, cols in tables), nl=False)


def _fix(dry_run: bool) -> None:
    """validate --fix: names in relations.csv become ids, as one atomic edit; the diff first."""
    from actorgraph_cli.edits import run_edit

    run_edit(dry_run, lambda e: e.fix_names(), show_diff=True)
