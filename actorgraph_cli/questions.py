"""Questions about actors: neighbors, path, impact, robustness."""

from __future__ import annotations

import click

from cli import Command, data_option
from graph.names import MEASURE_NAMES
from actorgraph_cli.options import (
    _format, _json, cli_view, fail, flag_for, format_option, load, notes, plural, resolve_in, say, terminal_width, view,
    view_options,
)


@click.command(cls=Command)
@click.argument("actor")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, help="How many steps out.")
@data_option
@view_options
@format_option
def neighbors(actor, depth, fmt):
    """The actors around ACTOR and the relations that link them.

    Example: actorgraph neighbors Takuba --depth 2
    """
    from graph.analysis.questions import neighbours

    dataset = load()
    G = view(dataset)
    rows = neighbours(G, resolve_in(G, dataset, actor), depth)
    if fmt == "json":
        return _json(rows)
    flat = [{**{k: r[k] for k in ("distance", "id", "name", "type")},
             "relation": rel["kind"], "reads": rel["text"]} for r in rows for rel in r["relations"]]
    columns = ["distance", "name", "reads"] if fmt == "table" else ["distance", "id", "name", "type", "relation",
                                                                    "reads"]
    click.echo(_format(flat, columns, fmt, wrap="reads"), nl=False)


@click.command(cls=Command)
@click.argument("source")
@click.argument("target")
@click.option("--all", "all_paths", is_flag=True, help="Every shortest path (up to --limit), not just one.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True,
              help="With --all: list at most this many paths (the total is always given).")
@click.option("--directed", is_flag=True, help="Follow relations only in their direction.")
@data_option
@view_options
@format_option
def path(source, target, all_paths, limit, directed, fmt):
    """Shortest path(s) between two actors, each step with its relations.

    Example: actorgraph path Takuba "G5 Sahel" --all
    """
    from graph.analysis.questions import NoPath, paths

    dataset = load()
    G = view(dataset)
    a, b = resolve_in(G, dataset, source), resolve_in(G, dataset, target)
    if a == b:
        fail("the two actors are the same")
    try:
        result = paths(G, a, b, all_paths=all_paths, directed=directed, limit=limit)
    except NoPath:
        from graph.analysis.questions import RELAXED, joined_by

        how = " following directions" if directed else ""
        helps = joined_by(dataset, cli_view(), a, b, directed)
        if helps is None:
            fail(f"no path between '{a}' and '{b}': no chain of relations joins them in the data, in any period,"
                 " status or kind")
        flags = [f"with {flag_for(name, 'all')}" if RELAXED[name] in ("all", ("all",)) else f"without {flag_for(name)}"
                 for name in helps]
        fail(f"no path between '{a}' and '{b}'{how} in this view; "
             + (f"there is one {' or '.join(flags)}" if flags else
                "the whole data set joins them (--as-of all --status all --ties all, without the other options)"))
    found, total = result.paths, result.total
    if all_paths and total > len(found):
        click.echo(f"note: {total:,} shortest paths; the first {len(found)} by name are listed"
                   " (--limit N for more)", err=True)
    elif total > 1 and not all_paths:
        click.echo(f"note: one of {total:,} shortest paths (--all lists them)", err=True)
    if fmt == "json":
        return _json({"total": total, "paths": [
            {"path": i, "rests_on_weak_ties": any(s.weak for s in steps),
             "steps": [{"step": s.step, "source": s.source, "target": s.target, "weak": s.weak,
                        "relations": [{"kind": r.kind, "text": r.text, "weak": list(r.weak)} for r in s.relations]}
                       for s in steps]} for i, steps in enumerate(found, 1)]})
    rows = [{"path": i, "step": s.step, "source": s.source, "target": s.target, "relation": rel.kind,
             "reads": rel.text, "weak": ", ".join(rel.weak)}
            for i, steps in enumerate(found, 1) for s in steps for rel in s.relations]
    columns = ["path", "step", "reads"] if fmt == "table" else ["path", "step", "source", "target", "relation", "reads"]
    if any(r["weak"] for r in rows):
        columns.append("weak")
    click.echo(_format(rows, columns, fmt, wrap="reads"), nl=False)
    for i, steps in enumerate(found, 1):
        weak = [(s.step, ", ".join(dict.fromkeys(w for r in s.relations for w in r.weak))) for s in steps if s.weak]
        if weak:
            which = "; ".join(f"step {n} ({why})" for n, why in weak)
            click.echo(f"note: path {i} rests on weak ties: {which}", err=True)


@click.command(cls=Command)
@click.argument("actors", nargs=-1, required=True, metavar="ACTOR...")
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES, case_sensitive=False), default="betweenness",
              show_default=True, help="Measure whose ranks are compared.")
@click.option("--directed", is_flag=True, help="Use the direction of relations.")
@click.option("--top", type=click.IntRange(min=1), help="Only the N highest actors after removal.")
@data_option
@view_options
@format_option
def impact(actors, measure, directed, top, fmt):
    """What if these actors left? Components, who is cut off, and how ranks change.

    Example: actorgraph impact barkhane
    """
    from graph.analysis.whatif import impact as what_if

    dataset = load()
    G = view(dataset)
    removed = list(dict.fromkeys(resolve_in(G, dataset, a) for a in actors))
    if len(removed) == G.number_of_nodes():
        fail("removing every actor leaves nothing to compare")
    result = what_if(G, removed, measure, directed)
    notes(result["notes"])
    rows = result["rows"][:top] if top else result["rows"]
    if fmt == "json":
        return _json({**{k: v for k, v in result.items() if k != "notes"}, "measure": measure, "rows": rows})
    columns = ["rank_before", "before", "rank_after", "after", "change", "rank_change"]
    if fmt == "csv":
        return click.echo(_format(rows, ["id", "name", "type"] + columns, fmt), nl=False)
    from graph.output.rows import impact_summary

    click.echo(impact_summary(G, result, width=terminal_width()))
    click.echo(f"\n{measure}, before and after:")
    click.echo(_format(rows, ["name"] + columns, fmt), nl=False)


@click.command(cls=Command)
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES, case_sensitive=False), default="betweenness",
              show_default=True, help="Measure whose ranking is tested.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many top actors.")
@click.option("--directed", is_flag=True, help="Use the direction of relations.")
@click.option("--max-ties", type=click.IntRange(min=0), metavar="N",
              help="Test at most N single-tie removals (default: all up to 300, fewer on large networks).")
@data_option
@view_options
@format_option
def robustness(measure, top, directed, max_ties, fmt):
    """Would the ranking hold if the weak evidence were wrong?

    Recomputes the ranking on stricter views of the evidence: stated ties only,
    each minimum grade present in the data, and without each single-source tie of
    the top actors (one at a time). Reports Kendall's tau-b between the full and
    each strict ranking, whether each top actor keeps its rank, and which rest on
    implied or weakly graded ties.

    Example: actorgraph robustness --top 5
    """
    from graph.output.rows import robustness_long, robustness_rows
    from graph.analysis.robustness import robustness as test

    G = view(load())
    result = test(G, measure, top, directed, max_ties)
    notes(result["notes"] + ([f"--max-ties N tests more of them ({result['untested']} untested)"]
                             if result["untested"] else []))
    if fmt == "json":
        return _json(result)
    if fmt == "csv":
        return click.echo(_format(robustness_long(result), ["view", "kind", "ties_left_out", "kendall_tau", "id",
                                                            "name", "rank", "rank_in_view", "keeps_rank"], fmt),
                          nl=False)
    evidence, single, actors = robustness_rows(result)
    n = result["top"]
    say(f"{measure}: the top {n} on {plural(G.number_of_edges(), 'tie')}, recomputed on stricter views.\n")
    if evidence:
        say("Stricter evidence (Kendall's tau-b against all ties, over every actor):")
        click.echo(_format(evidence, ["view", "ties_left_out", "kendall_tau", "top_keeping_rank"], fmt), nl=False)
    tested = sum(v["kind"] == "tie" for v in result["views"])
    say(f"\nOne single-source tie left out at a time: {tested} tested,"
        f" {sum(v['kind'] == 'tie' and v['kept'] < n for v in result['views'])} move the top {n}"
        + ("; those that move it most:" if single else "."))
    if single:
        click.echo(_format(single, ["view", "basis", "kendall_tau", "top_keeping_rank"], fmt, wrap="view"), nl=False)
    say(f"\nTop {n}: rank in each stricter view, worst rank in any view; weak basis: yes when leaving out"
        f" weak evidence (implied or weakly graded ties) can push it out of the top {n}:")
    columns = ["rank", "name", "value"] + [e["view"] for e in evidence] + ["worst_rank", "verdict", "weak_basis"]
    click.echo(_format(actors, columns, fmt, wrap="name"), nl=False)
