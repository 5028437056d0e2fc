"""actorgraph command line: parse options, call the library in graph/, format the output.

Heavy libraries (pandas, networkx, pyvis) are imported inside the commands that
need them, so that ``actorgraph --help`` starts fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from graph import __version__
from graph.names import COLOR_BY, COMMUNITY_SEED, FORMATS, MEASURE_MEANINGS, MEASURE_NAMES, SIZE_BY
from graph.schema import RELATIONS

RELATION_OPTIONS = ("evidence", "note", "confidence", "since", "until")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="actorgraph")
def main():
    """Explore an actor-relationship graph kept in two CSV files.

    The data is DATA/actors.csv and DATA/relations.csv; DATA is --data, else
    ./data when it holds actors.csv, else the bundled Mali/Sahel data set.
    Every command validates the data first.
    """


# ---- shared options -------------------------------------------------------------------------

def data_option(f):
    return click.option("--data", "data", type=click.Path(file_okay=False, path_type=Path),
                        help="Folder with actors.csv and relations.csv.")(f)


def format_option(f):
    f = raw_option(f)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table: aligned, rounded; csv and json: full precision.")(f)


def raw_option(f):
    """--raw: CSV cells exactly as they are, for programs (kept in the context, not passed on)."""
    def remember(ctx, _param, value):
        ctx.meta["raw"] = value

    return click.option("--raw", is_flag=True, expose_value=False, callback=remember,
                        help="CSV: write cells exactly; by default a cell starting with = + - @ gets a"
                             " leading ' so spreadsheets do not run it as a formula.")(f)


def view_options(f):
    """--relation, --as-of and --without: which part of the network a command looks at."""
    f = click.option("--without", multiple=True, metavar="ACTOR",
                     help="Leave this actor out (what-if); repeatable.")(f)
    f = click.option("--as-of", "as_of", metavar="DATE",
                     help="Only relations valid on this date (YYYY, YYYY-MM or YYYY-MM-DD).")(f)
    f = click.option("--relation", "relations", multiple=True, type=click.Choice(list(RELATIONS)),
                     help="Only these relation kinds; repeatable.")(f)
    return f


def echo_problems(problems) -> None:
    for p in problems:
        click.echo(str(p), err=True)


def load(data: Path | None):
    """Load and validate the data set; on errors print them and exit 1."""
    from graph.load import load_dataset
    from graph.lock import LockTimeout
    from graph.problems import DataError

    try:
        dataset = load_dataset(data)
    except DataError as exc:
        echo_problems(exc.problems)
        n = len(exc.errors)
        raise click.ClickException(f"{n} error{'s' * (n != 1)} in the data; nothing was done")
    except LockTimeout as exc:
        raise click.ClickException(str(exc))
    for notice in dataset.notices:
        click.echo(f"note: {notice}", err=True)
    if dataset.problems:
        n = len(dataset.problems)
        click.echo(f"note: {n} warning{'s' * (n != 1)} in the data (see `actorgraph validate`)", err=True)
    return dataset


def view(dataset, relations=(), as_of=None, without=()):
    """The graph restricted by the view options; actor names resolved."""
    from graph.build import build_graph, select

    if as_of:
        check_date(as_of, "--as-of")
    ids = [resolve(dataset, w) for w in without]
    G = select(build_graph(dataset), relations=set(relations) or None, as_of=as_of, without=ids)
    if G.number_of_nodes() == 0:
        why = "--without leaves none" if ids else "the data set has none"
        raise click.ClickException(f"no actors to work on: {why}")
    return G


def resolve_in(G, dataset, text: str) -> str:
    """An actor of the data set that is also in the current view."""
    actor = resolve(dataset, text)
    if actor not in G:
        raise click.ClickException(f"'{actor}' is left out of this view (--without)")
    return actor


def resolve(dataset, text: str) -> str:
    from graph.resolve import ActorNotFound

    try:
        return dataset.index.resolve(text)
    except ActorNotFound as exc:
        raise click.ClickException(str(exc))


def check_date(text: str, option: str) -> None:
    from graph.dates import parse_span

    if parse_span(text) is None:
        raise click.BadParameter(f"'{text}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD",
                                 param_hint=option)


# ---- commands ---------------------------------------------------------------------------------

@main.command()
@data_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(data, fmt):
    """Check the two CSV files and report every problem as FILE:LINE: message.

    Errors come first, then warnings; the exit code is 1 when there is any error.

    Example: actorgraph validate --data my-network/
    """
    from graph.load import load_dataset
    from graph.lock import LockTimeout
    from graph.problems import DataError

    try:
        dataset = load_dataset(data)
        problems, files, notices = dataset.problems, [dataset.actors_file, dataset.relations_file], \
            dataset.notices
        counts = {"actors": len(dataset.actors), "relations": len(dataset.relations)}
    except DataError as exc:
        problems, files, notices, counts = exc.problems, [], [], {}
    except LockTimeout as exc:
        raise click.ClickException(str(exc))
    errors = sum(p.severity == "error" for p in problems)
    if fmt == "json":
        _json({"files": [f.describe() for f in files], "notices": notices, **counts,
               "errors": errors, "warnings": len(problems) - errors,
               "problems": [p.as_dict() for p in problems]})
    else:
        for line in notices + [f.describe() for f in files] + [str(p) for p in problems]:
            click.echo(line)
        head = f"{counts['actors']} actors, {counts['relations']} relations: " if counts else ""
        click.echo(f"{head}{errors} error{'s' * (errors != 1)}, "
                   f"{len(problems) - errors} warning{'s' * (len(problems) - errors != 1)}")
    sys.exit(1 if errors else 0)


MEASURE_HELP = "\n".join(f"  {name:<12} {meaning}" for name, meaning in MEASURE_MEANINGS.items())


@main.command(help=f"""Centrality of every actor: who is a hub, who brokers.

\b
Measures (networkx definitions and normalisation):
{MEASURE_HELP}

The default view is undirected with one tie per actor pair; --directed
reads directions (coordinates_with counts both ways). in_degree and
out_degree always read directions.

Example: actorgraph centrality --measure betweenness --top 5
""")
@data_option
@click.option("--measure", "-m", "measures", multiple=True, type=click.Choice(MEASURE_NAMES),
              help="Measure to compute; repeatable (default: all).")
@click.option("--sort", "sort", type=click.Choice(MEASURE_NAMES),
              help="Sort by this measure, highest first (default: betweenness, else the first measure).")
@click.option("--top", type=click.IntRange(min=1), help="Only the N highest actors.")
@click.option("--directed", is_flag=True, help="Use the direction of relations.")
@click.option("--sample", type=click.IntRange(min=1), metavar="K",
              help="Estimate betweenness from K sampled source actors (seeded) instead of exactly.")
@view_options
@format_option
def centrality(data, measures, sort, top, directed, sample, relations, as_of, without, fmt):
    from graph.metrics import centrality as compute
    from graph.report import centrality_rows

    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    measures = list(measures) or list(MEASURE_NAMES)
    if sort and sort not in measures:
        raise click.BadParameter(f"'{sort}' is not among the measures asked for", param_hint="--sort")
    values, notes = compute(G, measures, directed=directed, sample=sample)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    rows, columns = centrality_rows(G, values, measures, sort, top, fmt)
    click.echo(_format(rows, columns, fmt), nl=False)


@main.command()
@data_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default="actorgraph.html",
              show_default=True, help="File to write: .html (the explorer) or .svg, .png, .pdf (a static map);"
                                      " - writes the HTML to standard output.")
@click.option("--title", help="Title (default: names the data folder).")
@click.option("--size-by", type=click.Choice(SIZE_BY),
              default="betweenness", show_default=True, help="What a dot's and its label's size show.")
@click.option("--color-by", type=click.Choice(COLOR_BY), default="type", show_default=True,
              help="Colour and shape (and legend filter) by actor type or by detected community.")
@click.option("--focus", metavar="ACTOR", help="Only this actor's neighbourhood.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --focus: how many steps out.")
@click.option("--dpi", type=click.IntRange(min=50, max=1200), default=200, show_default=True,
              help="Resolution of a .png.")
@view_options
def render(data, output, title, size_by, color_by, focus, depth, dpi, relations, as_of, without):
    """Write the map: an offline HTML explorer, or a static SVG, PNG or PDF picture.

    The format follows the file's extension. The page has a legend that
    filters, a search box, a panel for the selected actor and sortable
    tables; its #fragment keeps the view (e.g. page.html#actor=takuba). A
    picture has the same layout, colours, shapes, legend and title, with
    every actor labelled. Either says when options leave part of the data out.

    Example: actorgraph render -o sahel.html --title "Sahel security actors"
    """
    from graph.load import display_path
    from graph.metrics import centrality as compute
    from graph.names import PANEL_MEASURES

    fmt = output.suffix.lower().lstrip(".") or "html"  # no extension (-, /dev/stdout): the page
    if fmt not in ("html", "htm", "svg", "png", "pdf"):
        raise click.BadParameter(f"'{output.suffix}' is not a format actorgraph writes; use .html, .svg, .png"
                                 " or .pdf", param_hint="-o")
    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    if focus:
        from graph.analysis import neighbourhood
        G = neighbourhood(G, resolve_in(G, dataset, focus), depth)
    values, notes = compute(G, PANEL_MEASURES)
    for note in notes:
        click.echo(f"note: {note}", err=True)
    groups = None
    if color_by == "community":
        from graph.analysis import communities
        groups = {n: f"community {i}" for i, members in enumerate(communities(G), 1) for n in members}
    title = clean_text(title) if title is not None else f"Actor map: {display_path(dataset.folder)}"
    if fmt in ("html", "htm"):
        from graph.render import render_html

        sources = [(display_path(dataset.actors_file.path), len(dataset.actors), "actors"),
                   (display_path(dataset.relations_file.path), len(dataset.relations), "relations")]
        data_out = render_html(G, values, title=title, size_by=size_by, groups=groups, group_label=color_by,
                               sources=sources, measure_help=MEASURE_MEANINGS).encode("utf-8")
    else:
        from graph.render import static_map

        data_out = static_map(G, values, fmt, title=title, size_by=size_by, groups=groups, dpi=dpi)
    write_files(dataset, {output: data_out})


@main.command()
@data_option
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("markdown",)), default="table", show_default=True)
def info(data, fmt):
    """Summary of the data set: actors by type, relations by kind and confidence.

    Example: actorgraph info --format markdown
    """
    from graph.formats import format_rows
    from graph.report import markdown_table, summary

    s = summary(load(data))
    type_cols = ["type", "actors"]
    kind_cols = ["relation", "stated", "implied", "unspecified", "total"]
    if fmt == "json":
        _json(s)
    elif fmt == "markdown":
        click.echo(markdown_table(s["types"], type_cols) + "\n" + markdown_table(s["relations"], kind_cols), nl=False)
    elif fmt == "csv":
        click.echo(_format(s["types"], type_cols, "csv") + "\n" + _format(s["relations"], kind_cols, "csv"),
                   nl=False)
    else:
        click.echo(f"{s['actors']} actors, {s['relation_count']} relations\n")
        click.echo(format_rows(s["types"], type_cols, "table") + "\n"
                   + format_rows(s["relations"], kind_cols, "table"), nl=False)


# ---- editing ----------------------------------------------------------------------------------

def dry_run_option(f):
    return click.option("--dry-run", is_flag=True, help="Print the change as a unified diff; write nothing.")(f)


def set_option(f):
    return click.option("--set", "extra", multiple=True, metavar="COLUMN=VALUE",
                        help="Set any column, e.g. --set source_url=...; repeatable.")(f)


def parse_sets(pairs, own: dict[str, str]) -> dict:
    """--set COLUMN=VALUE pairs; ``own`` maps the columns that have their own option to it."""
    values = {}
    for pair in pairs:
        column, sep, value = pair.partition("=")
        column = column.strip().lower()
        if not sep or not column:
            raise click.BadParameter(f"'{pair}' is not COLUMN=VALUE", param_hint="--set")
        if column in own:
            raise click.BadParameter(f"'{column}' has its own {own[column]}; --set is for other columns",
                                     param_hint="--set")
        values[column] = value.strip()
    return values


def run_edit(data, dry_run: bool, change) -> None:
    """Under the folder's lock: load, apply change(editor), validate; then print the diff or write."""
    from graph.edit import edit_folder
    from graph.load import default_data_dir
    from graph.lock import LockTimeout
    from graph.problems import DataError

    folder = Path(data) if data is not None else default_data_dir()
    try:
        editor, warnings = edit_folder(folder, change, dry_run)
    except DataError as exc:
        echo_problems(exc.problems)
        raise click.ClickException("nothing was changed: the data would have errors")
    except (ValueError, LookupError) as exc:
        raise click.ClickException(f"{exc}; nothing was changed")
    except LockTimeout as exc:
        raise click.ClickException(f"{exc}; nothing was changed")
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        raise click.ClickException(f"cannot write{where}: {exc.strerror or exc}; nothing was changed")
    if dry_run:
        click.echo(editor.diff(), nl=False)
        click.echo("dry run: nothing was written", err=True)
        return
    for line in editor.messages:
        click.echo(line, err=True)
    echo_problems(warnings)


@main.command("add-actor")
@click.argument("actor_id", metavar="ID")
@click.option("--name", required=True, help="Display name.")
@click.option("--type", "type_", required=True, help="Category, e.g. 'military unit'.")
@click.option("--description", help="One line, in your own words.")
@click.option("--alias", "aliases", multiple=True, help="Another name or acronym; repeatable.")
@set_option
@data_option
@dry_run_option
def add_actor(actor_id, name, type_, description, aliases, extra, data, dry_run):
    """Add an actor to actors.csv.

    Example: actorgraph add-actor eu --name "European Union" --type "regional organisation" --alias EU
    """
    values = {**parse_sets(extra, {"id": "ID argument", "name": "--name", "type": "--type",
                                   "description": "--description", "aliases": "--alias"}),
              "name": name, "type": type_, "description": description or "", "aliases": ";".join(aliases)}
    run_edit(data, dry_run, lambda e: e.add_actor(actor_id, values))


@main.command("add-relation")
@click.argument("source")
@click.argument("relation")
@click.argument("target")
@click.option("--evidence", help="Where it is stated: document and section.")
@click.option("--note", help="Short paraphrase.")
@click.option("--confidence", type=click.Choice(["stated", "implied"]))
@click.option("--since", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--until", help="YYYY, YYYY-MM or YYYY-MM-DD.")
@set_option
@data_option
@dry_run_option
def add_relation(source, relation, target, evidence, note, confidence, since, until, extra, data, dry_run):
    """Add a relation SOURCE RELATION TARGET to relations.csv (actors by id, name or alias).

    Example: actorgraph add-relation eutm part_of eu --evidence "EU website" --confidence stated
    """
    values = {**parse_sets(extra, {"source": "SOURCE argument", "relation": "RELATION argument",
                                   "target": "TARGET argument", **{c: f"--{c}" for c in RELATION_OPTIONS}}),
              "evidence": evidence, "note": note, "confidence": confidence, "since": since, "until": until}
    run_edit(data, dry_run, lambda e: e.add_relation(source, relation, target, values))


@main.command("remove-relation")
@click.argument("source")
@click.argument("relation")
@click.argument("target")
@data_option
@dry_run_option
def remove_relation(source, relation, target, data, dry_run):
    """Remove the relation SOURCE RELATION TARGET (coordinates_with in either order).

    Example: actorgraph remove-relation takuba accompanies chad_forces
    """
    run_edit(data, dry_run, lambda e: e.remove_relation(source, relation, target))


@main.command("remove-actor")
@click.argument("actor")
@click.option("--cascade", is_flag=True, help="Also remove the relations that name it.")
@data_option
@dry_run_option
def remove_actor(actor, cascade, data, dry_run):
    """Remove an actor; refused while relations name it, unless --cascade.

    Example: actorgraph remove-actor ngos --cascade --dry-run
    """
    run_edit(data, dry_run, lambda e: e.remove_actor(actor, cascade))


@main.command("rename-actor")
@click.argument("actor")
@click.argument("new_id")
@data_option
@dry_run_option
def rename_actor(actor, new_id, data, dry_run):
    """Change an actor's id in both files in one step.

    Example: actorgraph rename-actor mali_forces fama
    """
    run_edit(data, dry_run, lambda e: e.rename_actor(actor, new_id))


@main.command("set-actor")
@click.argument("actor")
@click.option("--name", help="New display name.")
@click.option("--type", "type_", help="New type.")
@click.option("--description", help="New description ('' clears it).")
@click.option("--alias", "aliases", multiple=True, help="Replace the aliases; repeatable.")
@click.option("--add-alias", "add_aliases", multiple=True, help="Add an alias; repeatable.")
@set_option
@data_option
@dry_run_option
def set_actor(actor, name, type_, description, aliases, add_aliases, extra, data, dry_run):
    """Change an actor's fields.

    Example: actorgraph set-actor FAMa --add-alias "Forces armées maliennes"
    """
    values = parse_sets(extra, {"name": "--name", "type": "--type",
                                "description": "--description", "aliases": "--alias/--add-alias"})
    values.update({k: v for k, v in (("name", name), ("type", type_), ("description", description))
                   if v is not None})
    run_edit(data, dry_run, lambda e: e.set_actor(actor, values, aliases, add_aliases))


# ---- analysis -----------------------------------------------------------------------------------

@main.command()
@click.argument("actor")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True, help="How many steps out.")
@data_option
@view_options
@format_option
def neighbors(actor, depth, data, relations, as_of, without, fmt):
    """The actors around ACTOR and the relations that link them.

    Example: actorgraph neighbors Takuba --depth 2
    """
    from graph.analysis import neighbours

    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    rows = neighbours(G, resolve_in(G, dataset, actor), depth)
    if fmt == "json":
        _json(rows)
        return
    flat = [{**{k: r[k] for k in ("distance", "id", "name", "type")},
             "relation": rel["kind"], "reads": rel["text"]} for r in rows for rel in r["relations"]]
    columns = ["distance", "name", "reads"] if fmt == "table" else ["distance", "id", "name", "type", "relation",
                                                                    "reads"]
    click.echo(_format(flat, columns, fmt), nl=False)


@main.command()
@click.argument("source")
@click.argument("target")
@click.option("--all", "all_paths", is_flag=True, help="Every shortest path (up to --limit), not just one.")
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True,
              help="With --all: list at most this many paths (the total is always given).")
@click.option("--directed", is_flag=True, help="Follow relations only in their direction.")
@data_option
@view_options
@format_option
def path(source, target, all_paths, limit, directed, data, relations, as_of, without, fmt):
    """Shortest path(s) between two actors, each step with its relations.

    Example: actorgraph path EUTM Barkhane --all
    """
    from graph.analysis import NoPath, paths

    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    a, b = resolve_in(G, dataset, source), resolve_in(G, dataset, target)
    if a == b:
        raise click.ClickException("the two actors are the same")
    try:
        found, total = paths(G, a, b, all_paths=all_paths, directed=directed, limit=limit)
    except NoPath:
        how = " following directions" if directed else ""
        raise click.ClickException(f"no path between '{a}' and '{b}'{how} with the options given")
    if all_paths and total > len(found):
        click.echo(f"note: {total:,} shortest paths; the first {len(found)} by name are listed"
                   " (--limit N for more)", err=True)
    elif total > 1 and not all_paths:
        click.echo(f"note: one of {total:,} shortest paths (--all lists them)", err=True)
    if fmt == "json":
        _json({"total": total, "paths": [{"path": i, "steps": steps} for i, steps in enumerate(found, 1)]})
        return
    rows = [{"path": i, "step": s["step"], "from": s["from"], "to": s["to"], "relation": rel["kind"],
             "reads": rel["text"]} for i, steps in enumerate(found, 1) for s in steps for rel in s["relations"]]
    columns = ["path", "step", "reads"] if fmt == "table" else ["path", "step", "from", "to", "relation", "reads"]
    click.echo(_format(rows, columns, fmt), nl=False)


@main.command()
@click.argument("actors", nargs=-1, required=True, metavar="ACTOR...")
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES), default="betweenness", show_default=True,
              help="Measure whose ranks are compared.")
@click.option("--directed", is_flag=True, help="Use the direction of relations.")
@click.option("--top", type=click.IntRange(min=1), help="Only the N highest actors after removal.")
@data_option
@view_options
@format_option
def impact(actors, measure, directed, top, data, relations, as_of, without, fmt):
    """What if these actors left? Components, who is cut off, and how ranks change.

    Example: actorgraph impact barkhane
    """
    from graph.whatif import impact as what_if

    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    removed = list(dict.fromkeys(resolve_in(G, dataset, a) for a in actors))
    if len(removed) == G.number_of_nodes():
        raise click.ClickException("removing every actor leaves nothing to compare")
    result = what_if(G, removed, measure, directed)
    for note in result["notes"]:
        click.echo(f"note: {note}", err=True)
    rows = result["rows"][:top] if top else result["rows"]
    if fmt == "json":
        _json({**{k: v for k, v in result.items() if k != "notes"}, "measure": measure, "rows": rows})
        return
    columns = ["rank_before", "before", "rank_after", "after", "change", "rank_change"]
    if fmt == "csv":
        click.echo(_format(rows, ["id", "name", "type"] + columns, fmt), nl=False)
        return
    from graph.report import impact_summary

    click.echo(impact_summary(G, result))
    click.echo(f"\n{measure}, before and after:")
    click.echo(_format(rows, ["name"] + columns, fmt), nl=False)


@main.command()
@click.option("--sort", type=click.Choice(["betweenness", "effective_size", "constraint"]),
              default="betweenness", show_default=True, help="constraint sorts lowest first.")
@click.option("--top", type=click.IntRange(min=1), help="Only the first N actors.")
@data_option
@view_options
@format_option
def brokers(sort, top, data, relations, as_of, without, fmt):
    """Brokerage: betweenness, Burt's effective size and constraint (undirected view).

    Example: actorgraph brokers --top 5
    """
    from graph.analysis import BROKER_GUIDE, brokers as measure
    from graph.report import actor_columns, rank_key

    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    values = measure(G)
    rows = [{"id": n, "name": d.get("name", n), "type": d.get("type", ""),
             **{m: values[m].get(n) for m in ("betweenness", "effective_size", "constraint")}}
            for n, d in G.nodes(data=True)]
    sign = -1 if sort == "constraint" else 1
    rows.sort(key=lambda r: rank_key(None if r[sort] is None else sign * r[sort], r["name"], r["id"]))
    rows = rows[:top] if top else rows
    click.echo(_format(rows, actor_columns(fmt) + ["betweenness", "effective_size", "constraint"], fmt), nl=False)
    click.echo(BROKER_GUIDE, err=True)


@main.command()
@click.option("--seed", type=int, default=COMMUNITY_SEED, show_default=True, help="Seed of the Louvain method.")
@click.option("--resolution", type=float, default=1.0, show_default=True,
              help="Above 1: more, smaller communities.")
@data_option
@view_options
@format_option
def communities(seed, resolution, data, relations, as_of, without, fmt):
    """Communities found by the Louvain method (networkx, seeded): who clusters together.

    Example: actorgraph communities
    """
    from graph.analysis import communities as detect

    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    found = detect(G, seed=seed, resolution=resolution)
    if fmt == "json":
        _json([{"community": i, "size": len(c),
                "actors": [{"id": n, "name": G.nodes[n].get("name", n)} for n in c]}
               for i, c in enumerate(found, 1)])
        return
    if fmt == "csv":
        rows = [{"community": i, "id": n, "name": G.nodes[n].get("name", n), "type": G.nodes[n].get("type", "")}
                for i, c in enumerate(found, 1) for n in c]
        click.echo(_format(rows, ["community", "id", "name", "type"], fmt), nl=False)
        return
    rows = [{"community": i, "size": len(c), "actors": ", ".join(G.nodes[n].get("name", n) for n in c)}
            for i, c in enumerate(found, 1)]
    click.echo(_format(rows, ["community", "size", "actors"], fmt), nl=False)


@main.command()
@click.argument("old", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.argument("new", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--rev", metavar="GIT_REV", help="Compare the working data (--data) with this git revision.")
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES), default="betweenness", show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rank moves of the actors in either version's top N.")
@data_option
@format_option
def diff(old, new, rev, measure, top, data, fmt):
    """What changed between two versions of the data: rows and centrality ranks.

    Give two folders OLD NEW, or --rev GIT_REV to compare the working data with a commit.

    Example: actorgraph diff --rev HEAD~1
    """
    from graph.build import build_graph
    from graph.diff import dataset_at_revision, diff_rows, rank_moves
    from graph.load import display_path
    from graph.problems import DataError

    if rev and (old or new):
        raise click.UsageError("give two folders or --rev, not both")
    if not rev and not (old and new):
        raise click.UsageError("give two folders OLD NEW, or --rev GIT_REV")
    if rev:
        new_ds = load(data)
        folder = new_ds.folder
        try:
            old_ds = dataset_at_revision(folder, rev, display_path(folder))
        except DataError as exc:
            echo_problems(exc.problems)
            raise click.ClickException(f"cannot read the data at {rev}")
    else:
        old_ds, new_ds = load(old), load(new)
    rows = diff_rows(old_ds, new_ds)
    moves = rank_moves(build_graph(old_ds), build_graph(new_ds), measure, top)
    if fmt == "json":
        _json({"changes": rows, "measure": measure, "ranks": moves})
        return
    if fmt == "csv":
        click.echo(_format(rows, ["change", "what", "item", "details"], fmt), nl=False)
        return
    click.echo(_format(rows, ["change", "what", "item", "details"], fmt) if rows else "No changes.\n", nl=False)
    click.echo(f"\n{measure} ranks (top {top} before or after):")
    click.echo(_format(moves, ["name", "rank_before", "before", "rank_after", "after", "rank_change"], fmt),
               nl=False)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "json", "csv"]), required=True,
              help="gexf (Gephi), graphml (Cytoscape, yEd), json (D3 node-link), csv (nodes and edges tables).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (csv: OUTPUT-nodes.csv and OUTPUT-edges.csv).")
@data_option
@view_options
@raw_option
def export(fmt, output, data, relations, as_of, without):
    """Export the graph with every actor and relation attribute.

    Example: actorgraph export --format gexf -o sahel.gexf
    """
    from graph.export import export as write

    dataset = load(data)
    G = view(dataset, relations, as_of, without)
    write_files(dataset, write(G, fmt, output, guard=not click.get_current_context().meta.get("raw")))


def write_files(dataset, files: dict) -> None:
    """Write outputs (all or none), never over the data set's own files; print each name."""
    from graph.files import OutputError, printable, write_outputs
    from graph.journal import JOURNAL
    from graph.schema import DATA_FILES

    protected = [dataset.folder / name for name in (*DATA_FILES, JOURNAL)]
    try:
        write_outputs(files, protected)
    except OutputError as exc:
        raise click.ClickException(str(exc))
    for path in files:
        if str(path) != "-":
            click.echo(f"wrote {printable(str(path))}", err=True)


def clean_text(text: str) -> str:
    from graph.files import clean_text as clean
    return clean(text)


def _format(rows, columns, fmt):
    from graph.formats import format_rows
    return format_rows(rows, columns, fmt, guard=not click.get_current_context().meta.get("raw"))


def _json(value) -> None:
    from graph.formats import dumps
    click.echo(dumps(value))


if __name__ == "__main__":
    main()
