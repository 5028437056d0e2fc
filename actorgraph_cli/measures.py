"""Measures of the whole network: centrality, brokers, communities."""

from __future__ import annotations

import click

from cli import Command, data_option
from graph.names import BROKER_MEASURES, COMMUNITY_SEED, MEASURE_MEANINGS, MEASURE_NAMES
from actorgraph_cli.options import _format, _json, cli_view, format_option, load, notes, view, view_options


MEASURE_HELP = "\n".join(f"  {name:<12} {meaning}" for name, meaning in MEASURE_MEANINGS.items())


@click.command(cls=Command, help=f"""Centrality of every actor: who is a hub, who brokers.

\b
Measures (networkx definitions and normalisation):
{MEASURE_HELP}

Each row has the actor's rank (by the sort measure) and its number of ties.
When kinds.csv has hostile kinds, the measures use the cooperation network
(--ties to change it) and two columns count hostile ties apart:
hostile_degree (how many actors it fights) and in_hostile (how many fight it).
The default view is undirected with one tie per actor pair; --directed
reads directions (symmetric kinds count both ways). in_degree and
out_degree always read directions.

Example: actorgraph centrality --measure betweenness --top 5
""")
@data_option
@click.option("--measure", "-m", "measures", multiple=True, type=click.Choice(MEASURE_NAMES, case_sensitive=False),
              help="Measure to compute; repeatable (default: all).")
@click.option("--sort", "sort", type=click.Choice(MEASURE_NAMES, case_sensitive=False),
              help="Sort by this measure, highest first (default: betweenness, else the first measure).")
@click.option("--top", type=click.IntRange(min=1), help="Only the N highest actors.")
@click.option("--directed", is_flag=True, help="Use the direction of relations.")
@click.option("--sample", type=click.IntRange(min=1), metavar="K",
              help="Estimate betweenness and closeness from K sampled source actors (seeded) instead of"
                   " exactly; needed above 50,000 actors (or fewer with many more ties than actors).")
@view_options
@format_option
def centrality(measures, sort, top, directed, sample, fmt):
    from graph.analysis.metrics import measured
    from graph.output.rows import centrality_rows

    if sort and measures and sort not in measures:
        raise click.BadParameter(f"'{sort}' is not among the measures asked for", param_hint="--sort")
    dataset = load()
    G = view(dataset)
    values, measures, found = measured(dataset, cli_view(), G, measures, directed=directed, sample=sample)
    notes(found)
    rows, columns = centrality_rows(G, values, measures, sort, None, fmt)
    _echo_top(rows, columns, top, fmt)


@click.command(cls=Command)
@click.option("--sort", type=click.Choice(BROKER_MEASURES, case_sensitive=False), default="betweenness",
              show_default=True, help="constraint sorts lowest first.")
@click.option("--top", type=click.IntRange(min=1), help="Only the first N actors.")
@data_option
@view_options
@format_option
def brokers(sort, top, fmt):
    """Brokerage: betweenness, Burt's effective size and constraint (undirected view).

    Example: actorgraph brokers --top 5
    """
    from graph.analysis.questions import BROKER_GUIDE, brokers as measure
    from graph.output.rows import broker_rows

    G = view(load())
    rows, columns = broker_rows(G, measure(G), sort, None, fmt)
    _echo_top(rows, columns, top, fmt)
    click.echo(BROKER_GUIDE, err=True)


@click.command(cls=Command)
@click.option("--seed", type=int, default=COMMUNITY_SEED, show_default=True, help="Seed of the Louvain method.")
@click.option("--resolution", type=float, default=1.0, show_default=True, callback=lambda _c, _p, v: _positive(v),
              help="Above 1: more, smaller communities.")
@data_option
@view_options
@format_option
def communities(seed, resolution, fmt):
    """Communities found by the Louvain method (networkx, seeded): who clusters together.

    Example: actorgraph communities
    """
    from graph.analysis.questions import communities as detect
    from graph.output.rows import community_rows

    G = view(load())
    found = detect(G, seed=seed, resolution=resolution)
    if fmt == "json":
        return _json([{"community": i, "size": len(c),
                       "actors": [{"id": n, "name": G.nodes[n].get("name", n)} for n in c]}
                      for i, c in enumerate(found, 1)])
    if fmt == "csv":
        return click.echo(_format(community_rows(G, found), ["community", "id", "name", "type"], fmt), nl=False)
    rows = [{"community": i, "size": len(c), "actors": ", ".join(G.nodes[n].get("name", n) for n in c)}
            for i, c in enumerate(found, 1)]
    click.echo(_format(rows, ["community", "size", "actors"], fmt, wrap="actors"), nl=False)


def _positive(value: float) -> float:
    """A finite number above 0 (click's FloatRange lets nan through)."""
    if not (value > 0 and value < float("inf")):
        raise click.BadParameter(f"{value} is not a finite number above 0 (1 is Louvain's own; 2 gives more, smaller"
                                 " communities)")
    return value


def _echo_top(rows, columns, top, fmt) -> None:
    """The first ``top`` rows; a note when the cut leaves out actors tied with the last one shown."""
    from graph.output.rows import cut_at
    from graph.output.words import cut_note

    rows, tied = cut_at(rows, top)
    if tied:
        notes([cut_note(rows[-1]["rank"], tied, f"--top {top + tied}")])
    click.echo(_format(rows, columns, fmt), nl=False)
