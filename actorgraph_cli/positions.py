"""Positions kept from view to view: layout."""

from __future__ import annotations

from pathlib import Path

import click

from cli import Command, data_option
from actorgraph_cli.edits import dry_run_option, quiet_warnings
from actorgraph_cli.options import echo_problems, fail, meta


@click.command("layout", cls=Command)
@data_option
@click.option("--fresh", is_flag=True, help="Lay out every actor again, ignoring the positions already saved.")
@click.option("--from", "merge", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Merge this positions.csv first (the page's \"Save positions\" download): its positions"
                   " replace those of the same actors.")
@dry_run_option
def layout(fresh, merge, dry_run):
    """Write positions.csv: where each actor stands on the map, kept in every view.

    Every view, picture, report and export then draws each actor there.
    Positions already saved are kept and only actors without one are
    placed, around them and pulled by their ties; --fresh lays out
    everything again. To move actors by hand, drag them in the page,
    press "Save positions" and merge the download with --from.

    Example: actorgraph layout --from ~/Downloads/positions.csv
    """
    from graph import api
    from graph.data.load import POSITIONS_FILE, display_path, is_sample, locate
    from graph.data.problems import DataError
    from graph.errors import ActorgraphError

    folder, _how = locate(meta("data"))
    if is_sample(folder):
        fail(f"the bundled sample data set ({display_path(folder)}) is read-only. Start your own map with"
             " `actorgraph init DIR --example`, then lay it out with --data DIR")
    try:
        result = api.layout(folder, fresh=fresh, merge=merge, dry_run=dry_run)
    except DataError as exc:
        echo_problems(exc.problems)
        errors = [p for p in exc.problems if p.severity == "error"]
        if any(p.code == "merge-own-positions" for p in errors):
            fail("nothing was changed")
        if merge is not None and errors and all(p.path == display_path(merge) for p in errors):
            fail(f"nothing was changed: fix {display_path(merge)} and merge it again")
        saved = display_path(folder / POSITIONS_FILE)
        fail("nothing was changed: fix the errors above first"
             + (", or lay every actor out again with --fresh" if all(p.path == saved for p in errors) else ""))
    except ActorgraphError as exc:
        fail(f"{exc}; nothing was changed")
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        fail(f"cannot write{where}: {exc.strerror or exc}; nothing was changed")
    if dry_run:
        click.echo(result.diff, nl=False)
        click.echo("dry run: nothing was written", err=True)
        return
    for line in result.messages:
        click.echo(line, err=True)
    merged = display_path(merge) if merge is not None else None
    echo_problems([p for p in result.warnings if p.path == merged])  # the downloaded file's: said in full
    quiet_warnings([p for p in result.warnings if p.path != merged], result.touched,
                   folder if meta("data") is not None else None)
