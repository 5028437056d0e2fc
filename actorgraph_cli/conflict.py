"""The signed network: balance."""

from __future__ import annotations

import click

from cli import Command, data_option
from actorgraph_cli.options import _format, _json, view, format_option, load, say, view_options


@click.command(cls=Command)
@click.option("--show", type=click.Choice(("summary", "camps", "breaking", "pairs")),
              help="Only one part: the sentences, the camps, the ties breaking the camps' pattern, or the"
                   " enemy-of-my-enemy pairs (csv prints one part: camps unless asked).")
@data_option
@view_options
@format_option
def balance(show, fmt):
    """Structural balance of allies and enemies: balanced triangles, frustration, camps, enemy-of-my-enemy pairs.

    Signs come from kinds.csv's polarity (cooperative +, hostile -, neutral left
    out). The balance ratio is the share of balanced triangles; the frustration
    index the fewest ties whose sign change or removal would split the network
    into two hostile camps (exact up to 22 actors per component, else an upper
    bound); the camps are Doreian and Mrvar's signed partition, with the ties
    that break it; enemy-of-my-enemy pairs share an adversary and have no tie.
    Every tie of the view counts, whatever --ties says.

    Example: actorgraph init conflict --example conflict && actorgraph --data conflict balance
    """
    from graph.analysis.balance import EXACT_LIMIT, balance as measure
    from graph.output.signed import METHOD, balance_json, balance_sentences, breaking_rows, camp_rows, pair_rows

    dataset = load()
    G = view(dataset, ties="all")  # says what the date and the view leave out
    b = measure(G)
    if fmt == "json":
        return _json(balance_json(G, b, EXACT_LIMIT))
    parts = {"camps": (camp_rows, ["camp", "id", "name", "type"]),
             "breaking": (breaking_rows, ["source", "target", "sign", "camps", "reads"]),
             "pairs": (pair_rows, ["a", "b", "common_adversaries", "adversaries"])}
    if fmt == "csv":
        rows, columns = parts[show or "camps"] if show != "summary" else (None, None)
        if rows is None:
            return click.echo(_format([{"finding": s} for s in balance_sentences(G, b)], ["finding"], fmt), nl=False)
        return click.echo(_format(rows(G, b), columns, fmt), nl=False)
    if show in (None, "summary"):
        say("\n".join(balance_sentences(G, b)))
        click.echo(METHOD.format(limit=EXACT_LIMIT), err=True)
    for name, (rows, columns) in parts.items():
        if show in (None, name) and rows(G, b):
            click.echo(f"\n{name}:")
            click.echo(_format(rows(G, b), columns, fmt), nl=False)
