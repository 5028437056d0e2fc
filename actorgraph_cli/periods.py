"""The network over time: timeline, and the rows of diff --as-of A --as-of B."""

from __future__ import annotations

from pathlib import Path

import click

from cli import Command, data_option
from graph.names import EVERY, MEASURE_NAMES
from actorgraph_cli.options import (OutputPath, _format, _json, cli_view, format_option, load, notes,
                                    rank_columns, view_options, write_files)


@click.command(cls=Command)
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES, case_sensitive=False), default="betweenness",
              show_default=True, help="The measure the actors are ranked by.")
@click.option("--top", type=click.IntRange(min=1), default=5, show_default=True, help="The N highest at each step.")
@click.option("--every", type=click.Choice(EVERY), default="year", show_default=True,
              help="Steps: each year or month from the first date in the data to the last, or each date where"
                   " a tie or actor starts or ends.")
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path),
              help="Draw the ranks over time as a bump chart instead: .svg, .png or .pdf.")
@data_option
@view_options
@format_option
def timeline(measure, top, every, output, fmt):
    """The network step by step: actors and ties in force, and the top N with their ranks.

    Each step is a view as of its date (--as-of is the step's; the other view
    options apply to every step). A year or month means its first day; an event
    date is the day a tie or actor starts, or the day after it ends. With -o,
    a bump chart: one line per actor through its rank at each step.

    Example: actorgraph timeline --every event --measure degree --top 3
    """
    from graph.analysis.timeline import left_apart_from_dates, timeline as steps
    from graph.output.words import restriction_text

    if output is not None:
        return _chart(output, measure, top, every)

    dataset, asked = load(), cli_view()
    found = steps(dataset, asked, measure=measure, top=top, every=every)
    notes([restriction_text(r) for r in left_apart_from_dates(dataset, asked)])
    estimated = [s for s in found if s.get("estimated_from")]
    if estimated:
        from graph.analysis.engine import SAMPLE_SEED

        notes([f"{measure} estimated, not exact, at {len(estimated)} of {len(found)} steps (large network): from"
               f" {min(s['estimated_from'] for s in estimated)} or more sampled source actors (seed {SAMPLE_SEED})"])
    cut = [s for s in found if s["tied"]]
    if cut:
        said = ", ".join(f"{s['date']} ({s['tied']} at rank {s['top'][-1]['rank']})" for s in cut[:5])
        notes([f"actors tied with the last one shown are left out at {len(cut)} of {len(found)} steps: {said}"
               f"{', ...' if len(cut) > 5 else ''} (--top {top + max(s['tied'] for s in cut)} shows them)"])
    if fmt == "json":
        return _json({"measure": measure, "every": every, "steps": found})
    rows = [{"date": s["date"], "actors": s["actors"], "ties": s["ties"], "rank": t.get("rank"), "name": t.get("name"),
             "id": t.get("id"), measure: t.get("value")} for s in found for t in (s["top"] or [{}])]  # {}: nobody
    # CSV: the id beside the rank, as centrality's CSV has it (the table shows names only)
    columns = ["date", "actors", "ties", "rank"] + (["id"] if fmt == "csv" else []) + ["name", measure]
    click.echo(_format(rows, columns, fmt), nl=False)


def _chart(output: Path, measure: str, top: int, every: str) -> None:
    """timeline -o ranks.svg: the bump chart of the ranks."""
    from graph import api

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png", "pdf"):
        raise click.BadParameter(f"'{output.suffix}' is not a picture format; use .svg, .png or .pdf",
                                 param_hint="-o")
    dataset = load()
    write_files(dataset, {output: api.timeline_chart(dataset, cli_view(), fmt, measure=measure, top=top,
                                                     every=every)})


def diff_dates(dates, measure: str, top: int, fmt: str, table: str | None = None) -> None:
    """diff --as-of A --as-of B: ties started and ended between the two dates, actors that appeared or went
    inactive, and rank moves."""
    from graph.analysis.timeline import between
    from graph.output.rows import CHANGE_COLUMNS, between_rows
    from graph.output.words import restriction_text

    if len(dates) != 2:
        raise click.UsageError("give --as-of twice: diff --as-of A --as-of B")
    found = between(load(), dates[0], dates[1], cli_view(), measure=measure, top=top)
    said = [restriction_text(r) for r in found.pop("left_out")] + found["notes"]
    notes(said)
    rows = between_rows(found)
    if fmt == "json":  # a two-folder diff's measure, notes, changes and ranks, and the changes by kind
        return _json({**found, "notes": said, "changes": rows})
    if table == "ranks":
        return click.echo(_format(found["ranks"], rank_columns(fmt), fmt), nl=False)
    if fmt == "csv":  # the columns of a two-folder diff's CSV: ids, the name or the period in details
        return click.echo(_format(rows, CHANGE_COLUMNS, fmt), nl=False)
    for r in rows:  # a person reads an actor's name (its details), and a tie with its period
        r["item"] = r["details"] if r["what"] == "actor" else r["item"] + (f" ({r['details']})" if r["details"] else "")
    if table:
        return click.echo(_format(rows, ["change", "what", "item"], fmt), nl=False)
    click.echo(f"From {found['from']} to {found['to']}:")
    click.echo(_format(rows, ["change", "what", "item"], fmt) if rows else "No changes.\n", nl=False)
    click.echo(f"\n{measure} ranks (top {top} at either date):")
    click.echo(_format(found["ranks"], rank_columns(fmt), fmt), nl=False)
