"""Other versions and other tools: diff, export, import."""

from __future__ import annotations

import shlex

from pathlib import Path

import click

from cli import Command, data_option
from graph.names import MEASURE_NAMES
from graph.readwrite import EXPORTS, FORMATS as FILE_FORMATS, IMPORTS
from actorgraph_cli.options import (
    SAID_BY_VIEW, OutputPath, _format, _json, echo_problems, excel_options, excel_separator, fail, flag_for, format_option,
    cli_view, load, meta, rank_columns,
    notes, raw_option, relayout_option, view, view_options,
    write_files,
)


@click.command(cls=Command)
@click.argument("old", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.argument("new", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--rev", metavar="GIT_REV", help="Compare the working data (--data) with this git revision.")
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES, case_sensitive=False), default="betweenness",
              show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rank moves of the actors in either version's top N.")
@click.option("--table", "table", type=click.Choice(("changes", "ranks")),
              help="Only the changed rows, or only the rank moves (the table shows both by default, CSV the"
                   " changes; JSON holds both).")
@data_option
@view_options(several_dates="Twice, on one data set: ties started and ended between the two dates, actors that"
                            " appeared or went inactive, and rank moves.")
@format_option
def diff(old, new, rev, measure, top, table, fmt):
    """What changed between two versions of the data: rows (renames recognised) and centrality ranks.

    Give two folders OLD NEW, or --rev GIT_REV to compare the working data with
    a commit, or --as-of A --as-of B to compare one data set at two dates.

    Example: actorgraph diff --rev HEAD~1
    """
    dates = meta("as_of_dates", ())
    if dates:
        from actorgraph_cli.periods import diff_dates

        if old or new or rev:
            raise click.UsageError("--as-of compares one data set (--data) at two dates: no folders or --rev")
        return diff_dates(dates, measure, top, fmt, table)
    from graph.analysis.ranking import rank_moves
    from graph.analysis.views import graph_of
    from graph.data.diff import dataset_at_revision, diff_rows, renames
    from graph.data.load import display_path
    from graph.data.problems import DataError
    from graph.output.rows import CHANGE_COLUMNS

    if rev and (old or new):
        raise click.UsageError("give two folders or --rev, not both")
    if not rev and not (old and new):
        raise click.UsageError("give two folders OLD NEW, or --rev GIT_REV")
    if rev:
        new_ds = load()
        folder = new_ds.folder
        try:
            old_ds = dataset_at_revision(folder, rev, display_path(folder))
        except DataError as exc:
            echo_problems(exc.problems)
            fail(f"cannot read the data at {rev}")
    else:
        ctx = click.get_current_context()
        ctx.meta["data"] = old
        old_ds = load()
        ctx.meta["data"] = new
        new_ds = load()
    renamed = renames(old_ds, new_ds)  # once: it compares every removed actor with every added one
    rows = diff_rows(old_ds, new_ds, renamed)
    measured: list = []
    # each version's default view, as `centrality` measures it (today's actual ties): a recommended or an
    # ended tie added in a week is a changed row, not a changed rank
    asked = cli_view()  # the view options, on both versions (as the API's view=)
    moves = rank_moves(graph_of(old_ds, asked), graph_of(new_ds, asked), measure, top, renamed, measured)
    notes(measured)
    if fmt == "json":  # the shape of diff --as-of's JSON, without its dates and its lists by change
        return _json({"measure": measure, "notes": list(dict.fromkeys(measured)), "changes": rows, "ranks": moves})
    if fmt == "csv" or table:
        if table == "ranks":
            return click.echo(_format(moves, rank_columns(fmt), fmt), nl=False)
        return click.echo(_format(rows, CHANGE_COLUMNS, fmt), nl=False)
    click.echo(_format(rows, CHANGE_COLUMNS, fmt, wrap="details") if rows
               else "No changes.\n", nl=False)
    click.echo(f"\n{measure} ranks (top {top} before or after):")
    click.echo(_format(moves, rank_columns("table"), fmt),
               nl=False)


EXPORT_HELP = "; ".join(f"{f.name}: {f.tools}" for f in FILE_FORMATS if f.exports)


IMPORT_HELP = "; ".join(f"{f.name}: {f.tools}" for f in FILE_FORMATS if f.imports)


@click.command(cls=Command)
@click.option("--format", "fmt", type=click.Choice(EXPORTS), help=EXPORT_HELP + ". Default: from the extension of --output where it names one format.")
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), required=True,
              help="File to write (csv: OUTPUT-nodes.csv and OUTPUT-edges.csv).")
@excel_options
@data_option
@view_options
@relayout_option
@raw_option
def export(fmt, output, excel, sep):
    """Export the graph with every actor and relation attribute, for other tools.

    GEXF, yEd GraphML and Cytoscape JSON carry the map as drawn here: positions,
    colours, shapes and dot sizes. Symmetric kinds are undirected edges. --excel
    writes the csv tables as the user's Excel opens them directly.

    Example: actorgraph export --format gexf -o sahel.gexf
    """
    from graph.output.words import left_out, restriction_text
    from graph.readwrite.export import export as write

    separator = excel_separator(excel, sep)
    if excel and fmt not in (None, "csv"):
        raise click.UsageError(f"--excel writes csv tables, not {fmt}")
    if not fmt and not excel:
        fmt = format_of(output)
    if (fmt or "csv") == "csv" and str(output) == "-":
        raise click.BadParameter("csv writes two files (OUTPUT-nodes.csv and OUTPUT-edges.csv), not standard"
                                 " output: give a name, such as -o sahel", param_hint="-o")
    dataset = load()
    G = view(dataset)
    said = {restriction_text(r) for r in G.graph.get("restrictions", ()) if r.what in SAID_BY_VIEW}
    notes([n for n in left_out(G) if n not in said])  # as render and report say it: an export holds only the view
    write_files(dataset, write(G, fmt or "csv", output, guard=not meta("raw", False), excel=separator,
                               on_notes=notes))


def format_of(output: Path) -> str:
    """The export format the output's extension names, or a usage error naming the choices."""
    from graph.readwrite import exports_for

    found = exports_for(output.name)
    if len(found) == 1:
        return found[0].name
    choices = " or ".join(f"--format {f.name}" for f in found)
    raise click.UsageError(f"{output.suffix} can be {choices}: give one" if found else
                           "give --format (or --excel for csv tables Excel opens): "
                           f"the extension {output.suffix or '(none)'} names no format")


@click.command("import", cls=Command)
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=OutputPath(file_okay=False, path_type=Path), required=True,
              help="The new data folder (created; refused when it holds data files).")
@click.option("--format", "fmt", type=click.Choice(IMPORTS),
              help="The file's format (default: from its extension). " + IMPORT_HELP + ".")
def import_(file, output, fmt):
    """Make a data folder from another tool's file: Gephi, yEd, Cytoscape, Kumu, an edge list.

    Ids become valid slugs (the original is kept as an alias), unknown relation types go
    into kinds.csv, and what could not be mapped is listed. An edge list's nodes table is
    read too when it lies beside it (x-edges.csv and x-nodes.csv). The result is validated
    before anything is written; an existing data folder is never overwritten.

    Example: actorgraph import network.gexf -o my-map
    """
    from graph.readwrite.importing import ImportFailed, import_file
    from graph.data.problems import DataError

    try:
        written, found = import_file(file, output, fmt)
    except DataError as exc:
        echo_problems(exc.problems)
        fail("the imported data would not be valid; nothing was written")
    except ImportFailed as exc:
        fail(f"{exc.worded(flag_for)}; nothing was written")
    from graph.data.files import printable

    notes(found)
    for path in written:
        click.echo(f"wrote {printable(str(path))}", err=True)
    click.echo(f"next: actorgraph validate --data {shlex.quote(printable(str(output)))}", err=True)
