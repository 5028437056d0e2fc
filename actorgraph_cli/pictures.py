"""Maps and briefings: render, report."""

from __future__ import annotations

from pathlib import Path

import click

from cli import Command, data_option
from graph.names import COLOR_BY, MEASURE_NAMES, SIZE_BY
from actorgraph_cli.options import (
    OutputPath, cli_view, load, meta, notes, relayout_option, resolve_in, view, view_options, write_files,
)


@click.command(cls=Command)
@data_option
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), default="actorgraph.html",
              show_default=True, help="File to write: .html (the explorer) or .svg, .png, .pdf (a static map);"
                                      " - writes the HTML to standard output.")
@click.option("--title", help="Title (default: names the data folder).")
@click.option("--size-by", type=click.Choice(SIZE_BY, case_sensitive=False),
              default="betweenness", show_default=True, help="What a dot's and its label's size show.")
@click.option("--color-by", type=click.Choice(COLOR_BY, case_sensitive=False), default="type", show_default=True,
              help="Colour and shape (and legend filter) by actor type, by detected community, or by balance"
                   " camp (as `actorgraph balance` finds them on every signed tie).")
@click.option("--focus", metavar="ACTOR", help="Only this actor's neighbourhood.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --focus: how many steps out.")
@click.option("--dpi", type=click.IntRange(min=50, max=1200), default=200, show_default=True,
              help="Resolution of a .png.")
@click.option("--overview-above", type=click.IntRange(min=0), default=500, show_default=True, metavar="N",
              help="A page of more than N actors opens on an overview: one dot per group, opened by a click.")
@click.option("--no-overview", is_flag=True, help="Draw every actor at once, however many.")
@click.option("--group-by", default="community", show_default=True, metavar="type|community|COLUMN",
              help="The overview's groups: detected communities, actor types, or an actor column's values.")
@view_options(several_dates="Several times with a picture (-o frames.svg): one frame per date.")
@relayout_option
def render(output, title, size_by, color_by, focus, depth, dpi, overview_above, no_overview, group_by):
    """Write the map: an offline HTML explorer, or a static SVG, PNG or PDF picture.

    The format follows the file's extension. The page has a legend that
    filters, a search box, a panel for the selected actor and sortable
    tables; its #fragment keeps the view (e.g. page.html#actor=takuba). A
    picture has the same layout, colours, shapes, legend and title, with
    every actor labelled. Either says when options leave part of the data out.
    --as-of several times draws a picture of small multiples, one frame per
    date, every actor in the same place in each: ties new since the previous
    frame thick, ended ones as grey dashed ghosts.

    Example: actorgraph render -o sahel.html --title "Sahel security actors"
    """
    from graph import api

    fmt = output.suffix.lower().lstrip(".") or "html"  # no extension (-, /dev/stdout): the page
    if fmt not in ("html", "htm", "svg", "png", "pdf"):
        raise click.BadParameter(f"'{output.suffix}' is not a format actorgraph writes; use .html, .svg, .png"
                                 " or .pdf", param_hint="-o")
    page = fmt in ("html", "htm")
    dates = meta("as_of_dates", ())
    if len(dates) > 1:
        return _frames(output, fmt, dates, title, size_by, color_by, focus, dpi)
    dataset = load()
    G = view(dataset, keep=page, draw=True)  # the view's errors, worded with the options
    if focus:
        focus = resolve_in(G, dataset, focus)
    picture = api.picture(dataset, cli_view(), title=title, color_by=color_by, focus=focus, depth=depth, page=page,
                          G=G, relayout=bool(meta("relayout")))
    notes(picture.notes)
    if page:
        if group_by not in ("type", "community") and not any(group_by in d for _, d in picture.G.nodes(data=True)):
            columns = sorted({c for _, d in picture.G.nodes(data=True) for c in d if c not in ("name", "id", "type")})
            raise click.BadParameter(f"no actor column '{group_by}'; use type, community or one of: "
                                     f"{', '.join(columns)}", param_hint="--group-by")
        data_out = api.render_html(dataset, cli_view(), size_by=size_by, color_by=color_by, picture_=picture,
                                   overview_above=None if no_overview else overview_above,
                                   group_by=group_by).encode("utf-8")
    else:
        data_out = api.static_map(dataset, fmt=fmt, size_by=size_by, dpi=dpi, picture_=picture)
    write_files(dataset, {output: data_out})


def _frames(output, fmt: str, dates, title, size_by, color_by, focus, dpi) -> None:
    """render --as-of A --as-of B ... -o frames.svg: small multiples, one frame per date."""
    from graph import api

    if fmt in ("html", "htm"):
        raise click.UsageError("several --as-of draw small multiples, a picture: give -o frames.svg, .png or .pdf"
                               " (the page has its own time bar)")
    if any(d.strip().lower() == "all" for d in dates):
        raise click.UsageError("--as-of all is every period, not the date of a frame: give each frame's date")
    if focus:
        raise click.UsageError("--focus draws one map: give --as-of once")
    dataset = load()
    write_files(dataset, {output: api.frames(dataset, dates, cli_view(), fmt=fmt, title=title, size_by=size_by,
                                             color_by=color_by, dpi=dpi)})


@click.command("report", cls=Command)
@data_option
@click.option("-o", "--output", type=OutputPath(dir_okay=False, path_type=Path), required=True,
              help="File to write: .html (standalone, printable), .md (Markdown, its map beside it as"
                   " NAME-map.svg) or .pdf (A4, print-ready).")
@click.option("--title", help="Title (default: names the data folder).")
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES, case_sensitive=False), default="betweenness",
              show_default=True, help="Measure whose ranking the findings, tables and map use.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many top actors, throughout (as robustness --top).")
@view_options
@relayout_option
def report(output, title, measure, top):
    """Write a briefing: findings first, then map, key actors, what-if, robustness.

    Bottom line up front: the view, three to five findings from the measures,
    each with its caveat, the map, short tables, then the sources and data
    files as an annex. The HTML has no script and loads nothing; the PDF is A4.
    The Markdown comes with its map beside it (brief.md and brief-map.svg).
    It states its view (--as-of, --relation, --min-grade, --without ...).

    Example: actorgraph report -o brief.pdf --top 5 --min-grade B3
    """
    from graph import api

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("html", "htm", "md", "markdown", "pdf"):
        raise click.BadParameter(f"'{output.suffix}' is not a report format; use .html, .md or .pdf",
                                 param_hint="-o")
    dataset = load()
    view(dataset, keep=True)  # the view's errors, worded with the options
    write_files(dataset, api.report_files(dataset, output, cli_view(), title=title, on_notes=notes,
                                          measure=measure.lower(), top=top, relayout=bool(meta("relayout"))))
