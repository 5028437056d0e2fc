"""actorgraph command line: parse options, call the library in graph/, format the output.

Heavy libraries (pandas, networkx, pyvis) are imported inside the commands that
need them, so that ``actorgraph --help`` starts fast. Options shared by many
commands (--data, the view options, --raw) are kept in the click context rather
than passed to each command.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from graph import __version__
from graph.names import BROKER_MEASURES, COLOR_BY, COMMUNITY_SEED, FORMATS, MEASURE_MEANINGS, MEASURE_NAMES, SIZE_BY
from graph.readwrite import EXPORTS, IMPORTS
from graph.readwrite import FORMATS as FILE_FORMATS

RELATION_OPTIONS = ("evidence", "note", "confidence", "status", "since", "until", "credibility")
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD or day first DD/MM/YYYY"


def _remember(key: str):
    def callback(ctx, _param, value):
        if value is not None and value != () and value is not False:
            ctx.meta[key] = value
        else:
            ctx.meta.setdefault(key, value)
    return callback


def data_option(f):
    return click.option("--data", type=click.Path(path_type=Path), expose_value=False, callback=_remember("data"),
                        is_eager=True, metavar="DIR",
                        help="Folder with actors.csv and relations.csv (and kinds.csv).")(f)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="actorgraph")
@data_option
def main():
    """Explore an actor-relationship graph kept in CSV files.

    The data is DIR/actors.csv and DIR/relations.csv (and an optional
    DIR/kinds.csv). DIR is --data (before or after the command), else
    $ACTORGRAPH_DATA, else ./data when it holds actors.csv, else the current
    folder when it holds both files, else the bundled Mali/Sahel sample
    (read-only: start your own with `actorgraph init DIR`). Every command
    validates the data first.
    """


# ---- shared options -------------------------------------------------------------------------

def format_option(f):
    f = raw_option(f)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table: aligned, rounded, fitted to the terminal; csv and json: full precision.")(f)


def raw_option(f):
    """--raw: CSV cells exactly as they are, for programs."""
    return click.option("--raw", is_flag=True, expose_value=False, callback=_remember("raw"),
                        help="CSV: write cells exactly; by default a cell starting with = + - @ gets a"
                             " leading ' so spreadsheets do not run it as a formula.")(f)


def _min_grade(ctx, param, value):
    if value is not None:
        from graph.analysis.grades import GradeError, parse_grade

        try:
            value = "".join(parse_grade(value))
        except GradeError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return _remember("min_grade")(ctx, param, value)


def view_options(f):
    """--relation, --as-of, --without, --status, --min-grade, --confidence: the part of the network looked at."""
    f = click.option("--confidence", "confidence_", expose_value=False, callback=_remember("confidence"),
                     type=click.Choice(("stated", "implied"), case_sensitive=False),
                     help="stated: only ties the sources state; implied: stated and implied ones (not those"
                          " without a confidence).")(f)
    f = click.option("--min-grade", metavar="CODE", expose_value=False, callback=_min_grade,
                     help="Only ties graded CODE or better (Admiralty: source reliability A-E, credibility"
                          " 1-5; B3 keeps A1 to B3; F, 6 and ungraded ties fail).")(f)
    f = click.option("--without", multiple=True, metavar="ACTOR", expose_value=False, callback=_remember("without"),
                     help="Leave this actor out (what-if); repeatable.")(f)
    f = click.option("--as-of", metavar="DATE", expose_value=False, callback=_remember("as_of"),
                     help=f"Only relations valid on this date ({DATE_FORMS}).")(f)
    f = click.option("--relation", multiple=True, metavar="KIND", expose_value=False,
                     callback=_remember("relations"),
                     help="Only these relation kinds (the data set's kinds.csv, or trains, accompanies,"
                          " coordinates_with, part_of); repeatable.")(f)
    f = click.option("--status", multiple=True, expose_value=False, callback=_remember("status"),
                     type=click.Choice(("actual", "planned", "recommended", "all"), case_sensitive=False),
                     help="Also planned or recommended ties (actual ones are always in); all: every tie;"
                          " repeatable.")(f)
    return f


def cli_view():
    """The View the view options ask for (see graph.View)."""
    from graph.analysis.views import View

    return View(relations=meta("relations", ()), statuses=tuple(meta("status", ())) or None, as_of=meta("as_of"),
                without=meta("without", ()), min_grade=meta("min_grade"), confidence=meta("confidence"))


def statuses() -> frozenset | None:
    """The statuses the view measures: actual, plus what --status adds; None for all."""
    return cli_view().kept_statuses()


def meta(key: str, default=None):
    value = click.get_current_context().meta.get(key)
    return default if value is None else value


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def echo_problems(problems) -> None:
    for p in problems:
        click.echo(str(p), err=True)


def fail(message: str):
    from graph.data.files import printable
    raise click.ClickException(printable(message, keep_newlines=True))


def load():
    """Find, load and validate the data set; on errors print them and exit 1."""
    from graph.data.load import display_path, load_dataset, locate
    from graph.data.lock import LockTimeout
    from graph.data.problems import DataError

    folder, how = locate(meta("data"))
    try:
        dataset = load_dataset(folder)
    except DataError as exc:
        echo_problems(exc.problems)
        fail(f"{plural(len(exc.errors), 'error')} in the data; nothing was done")
    except LockTimeout as exc:
        fail(str(exc))
    if dataset.sample:
        click.echo(f"note: using the bundled sample data set ({display_path(folder)}); start your own map"
                   " with `actorgraph init DIR`", err=True)
    for notice in dataset.notices:
        click.echo(f"note: {notice}", err=True)
    if dataset.problems:
        click.echo(f"note: {plural(len(dataset.problems), 'warning')} in the data (see `actorgraph validate`)",
                   err=True)
    return dataset


def view(dataset, keep=False):
    """The graph restricted by the view options; actor names and relation kinds resolved.

    ``keep``: keep every status unless --status was given (the page draws them all, and
    shows planned and recommended ties on demand).
    """
    from graph.analysis.views import graph_of
    from graph.errors import ActorgraphError

    try:
        G = graph_of(dataset, cli_view(), all_statuses=keep)
    except ActorgraphError as exc:
        raise usage_error(exc) from None
    if G.number_of_nodes() == 0:
        why = "--without leaves none" if meta("without", ()) else "the data set has none"
        fail(f"no actors to work on: {why}")
    return G


FIELD_FLAGS = {"as_of": "--as-of", "relations": "--relation", "without": "--without", "min_grade": "--min-grade",
               "statuses": "--status", "confidence": "--confidence"}


def usage_error(exc) -> click.ClickException:
    """The library's error about a view field, worded with the option the user typed."""
    from graph.errors import InvalidDate
    from graph.data.files import printable

    flag = FIELD_FLAGS.get(getattr(exc, "field", None))
    if isinstance(exc, InvalidDate):
        return click.BadParameter(f"'{exc.value}' is not a date; use {DATE_FORMS}", param_hint=flag)
    if flag in ("--relation", "--status", "--confidence"):
        return click.BadParameter(str(exc), param_hint=flag)
    return click.ClickException(printable(str(exc), keep_newlines=True))


def relation_kind(dataset, text: str) -> str:
    """A kind of the data set's vocabulary from what was typed (spelling variants and inverses too)."""
    from graph.analysis.views import relation_kind as kind
    from graph.errors import UnknownKind

    try:
        return kind(dataset.kinds, text)
    except UnknownKind as exc:
        raise click.BadParameter(str(exc), param_hint="--relation") from None


def resolve_in(G, dataset, text: str) -> str:
    """An actor of the data set that is also in the current view."""
    actor = resolve(dataset, text)
    if actor not in G:
        fail(f"'{actor}' is left out of this view (--without)")
    return actor


def resolve(dataset, text: str) -> str:
    from graph.data.resolve import ActorNotFound

    try:
        return dataset.index.resolve(text)
    except ActorNotFound as exc:
        fail(str(exc))


def check_date(text: str, option: str) -> None:
    from graph.data.dates import parse_span

    if parse_span(text) is None:
        raise click.BadParameter(f"'{text}' is not a date; use {DATE_FORMS}", param_hint=option)


def notes(found) -> None:
    for note in found:
        click.echo(f"note: {note}", err=True)


# ---- starting, checking, summarising ----------------------------------------------------------------

@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--example", is_flag=True, help="Write the bundled Sahel data set instead of empty files.")
def init(folder, example):
    """Start a data set: FOLDER/actors.csv, relations.csv and kinds.csv with their headers.

    kinds.csv holds the four built-in relation kinds, ready to edit. Existing files
    are never overwritten. --example writes the bundled Sahel data set instead.

    Example: actorgraph init my-map && actorgraph --data my-map add-actor fama --name "FAMa" --type army
    """
    from graph.data.start import init as start

    try:
        written = start(folder, example=example)
    except (OSError, ValueError) as exc:
        fail(f"{getattr(exc, 'strerror', None) or exc}; nothing was written")
    for path in written:
        click.echo(f"wrote {path}", err=True)
    click.echo(f"next: actorgraph --data {folder} add-actor ID --name NAME --type TYPE", err=True)


@main.command()
@data_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate(fmt):
    """Check the CSV files and report every problem as FILE:LINE: message.

    Errors come first, then warnings; the exit code is 1 when there is any error.

    Example: actorgraph validate --data my-network/
    """
    from graph.output.tables import dumps
    from graph.data.load import display_path, load_dataset, locate
    from graph.data.lock import LockTimeout
    from graph.data.problems import DataError

    folder, how = locate(meta("data"))
    try:
        dataset = load_dataset(folder)
        problems, files, notices = dataset.problems, dataset.files, dataset.notices
        counts = {"actors": len(dataset.actors), "relations": len(dataset.relations), "kinds": len(dataset.kinds)}
    except DataError as exc:
        problems, files, notices, counts = exc.problems, [], [], {}
    except LockTimeout as exc:
        fail(str(exc))
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


@main.command()
@data_option
@click.option("--format", "fmt", type=click.Choice(FORMATS + ("markdown",)), default="table", show_default=True)
@raw_option
def info(fmt):
    """Summary of the data set: which files, actors by type, relations by kind, confidence and status.

    Example: actorgraph info --format markdown
    """
    from graph.output.tables import dumps
    from graph.data.load import display_path
    from graph.output.rows import markdown_table, summary

    dataset = load()
    s = summary(dataset)
    type_cols = ["type", "actors"]
    kind_cols = ["relation", "stated", "implied", "unspecified", "actual", "planned", "recommended", "total"]
    if fmt == "json":
        click.echo(dumps({"files": [display_path(f.path) for f in dataset.files], **s}))
    elif fmt == "markdown":
        click.echo(markdown_table(s["types"], type_cols) + "\n" + markdown_table(s["relations"], kind_cols), nl=False)
    elif fmt == "csv":
        click.echo(_format(s["types"], type_cols, "csv") + "\n" + _format(s["relations"], kind_cols, "csv"), nl=False)
    else:
        say(f"{plural(s['actors'], 'actor')}, {plural(s['relation_count'], 'relation')} in "
            + ", ".join(display_path(f.path) for f in dataset.files) + "\n")
        click.echo(_format(s["types"], type_cols, "table") + "\n" + _format(s["relations"], kind_cols, "table"),
                   nl=False)


MEASURE_HELP = "\n".join(f"  {name:<12} {meaning}" for name, meaning in MEASURE_MEANINGS.items())


@main.command(help=f"""Centrality of every actor: who is a hub, who brokers.

\b
Measures (networkx definitions and normalisation):
{MEASURE_HELP}

Each row has the actor's rank (by the sort measure) and its number of ties.
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
              help="Estimate betweenness from K sampled source actors (seeded) instead of exactly.")
@view_options
@format_option
def centrality(measures, sort, top, directed, sample, fmt):
    from graph.analysis.metrics import centrality as compute
    from graph.output.rows import centrality_rows

    G = view(load())
    measures = list(dict.fromkeys(measures)) or list(MEASURE_NAMES)
    if sort and sort not in measures:
        raise click.BadParameter(f"'{sort}' is not among the measures asked for", param_hint="--sort")
    values, found = compute(G, measures, directed=directed, sample=sample)
    notes(found)
    rows, columns = centrality_rows(G, values, measures, sort, top, fmt)
    click.echo(_format(rows, columns, fmt), nl=False)


@main.command()
@data_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default="actorgraph.html",
              show_default=True, help="File to write: .html (the explorer) or .svg, .png, .pdf (a static map);"
                                      " - writes the HTML to standard output.")
@click.option("--title", help="Title (default: names the data folder).")
@click.option("--size-by", type=click.Choice(SIZE_BY, case_sensitive=False),
              default="betweenness", show_default=True, help="What a dot's and its label's size show.")
@click.option("--color-by", type=click.Choice(COLOR_BY, case_sensitive=False), default="type", show_default=True,
              help="Colour and shape (and legend filter) by actor type or by detected community.")
@click.option("--focus", metavar="ACTOR", help="Only this actor's neighbourhood.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="With --focus: how many steps out.")
@click.option("--dpi", type=click.IntRange(min=50, max=1200), default=200, show_default=True,
              help="Resolution of a .png.")
@view_options
def render(output, title, size_by, color_by, focus, depth, dpi):
    """Write the map: an offline HTML explorer, or a static SVG, PNG or PDF picture.

    The format follows the file's extension. The page has a legend that
    filters, a search box, a panel for the selected actor and sortable
    tables; its #fragment keeps the view (e.g. page.html#actor=takuba). A
    picture has the same layout, colours, shapes, legend and title, with
    every actor labelled. Either says when options leave part of the data out.

    Example: actorgraph render -o sahel.html --title "Sahel security actors"
    """
    from graph import api
    from graph.errors import ActorgraphError

    fmt = output.suffix.lower().lstrip(".") or "html"  # no extension (-, /dev/stdout): the page
    if fmt not in ("html", "htm", "svg", "png", "pdf"):
        raise click.BadParameter(f"'{output.suffix}' is not a format actorgraph writes; use .html, .svg, .png"
                                 " or .pdf", param_hint="-o")
    dataset = load()
    page = fmt in ("html", "htm")
    G = view(dataset, keep=page)  # the view's errors, worded with the options
    if focus:
        focus = resolve_in(G, dataset, focus)
    try:
        picture = api.picture(dataset, cli_view(), title=title, color_by=color_by, focus=focus, depth=depth,
                              page=page, G=G)
    except ActorgraphError as exc:
        raise usage_error(exc) from None
    notes(picture.notes)
    if page:
        data_out = api.render_html(dataset, size_by=size_by, color_by=color_by, picture_=picture).encode("utf-8")
    else:
        data_out = api.static_map(dataset, fmt=fmt, size_by=size_by, dpi=dpi, picture_=picture)
    write_files(dataset, {output: data_out})


@main.command("report")
@data_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write: .html (printable, standalone) or .md (Markdown).")
@click.option("--title", help="Title (default: names the data folder).")
@view_options
def report(output, title):
    """Write a briefing: sources, map, key actors, brokers, communities, what-if, robustness.

    One standalone file to attach to an email: the HTML has no script and loads
    nothing; it prints cleanly. It states its view (--as-of, --relation,
    --min-grade, --without ...) like the page.

    Example: actorgraph report -o brief.html --min-grade B3
    """
    from graph import api

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("html", "htm", "md", "markdown"):
        raise click.BadParameter(f"'{output.suffix}' is not a report format; use .html or .md", param_hint="-o")
    dataset = load()
    view(dataset, keep=True)  # the view's errors, worded with the options
    text = api.report(dataset, cli_view(), "html" if fmt in ("html", "htm") else "md", title=title,
                      on_notes=notes)
    write_files(dataset, {output: text.encode("utf-8")})


# ---- editing ----------------------------------------------------------------------------------

def dry_run_option(f):
    return click.option("--dry-run", is_flag=True, help="Print the change as a unified diff; write nothing.")(f)


def set_option(f):
    return click.option("--set", "extra", multiple=True, metavar="COLUMN=VALUE",
                        help="Set any other column, e.g. --set source_url=...; repeatable.")(f)


def relation_fields(f):
    """--evidence ... --until, for add-relation and set-relation."""
    f = click.option("--status", "status_", type=click.Choice(("actual", "planned", "recommended"),
                                                              case_sensitive=False),
                     help="actual (the default), planned, or recommended (the source argues it should exist).")(f)
    f = click.option("--credibility", type=click.Choice(("1", "2", "3", "4", "5", "6", "")),
                     help="Admiralty credibility: 1 confirmed by other sources, 2 probably true, 3 possibly true,"
                          " 4 doubtful, 5 improbable, 6 cannot be judged.")(f)
    f = click.option("--source", "sources", multiple=True, metavar="ID",
                     help="A source (an id of sources.csv) that supports it; repeatable.")(f)
    f = click.option("--until", help=f"Until: {DATE_FORMS}.")(f)
    f = click.option("--since", help=f"Since: {DATE_FORMS}.")(f)
    f = click.option("--confidence", type=click.Choice(["stated", "implied"], case_sensitive=False))(f)
    f = click.option("--note", help="Short paraphrase.")(f)
    f = click.option("--evidence", help="Where it is stated: document and section.")(f)
    return f


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


RELATION_OWN = {"source": "SOURCE argument", "relation": "RELATION argument", "target": "TARGET argument",
                "sources": "--source", **{c: f"--{c}" for c in RELATION_OPTIONS}}


def joined_sources(sources) -> str | None:
    """--source values as the sources cell ('a;b'); None when not given; '' clears."""
    if not sources:
        return None
    return ";".join(dict.fromkeys(s.strip() for s in sources if s.strip()))


def run_edit(dry_run: bool, change) -> None:
    """Under the folder's lock: load, apply change(editor), validate; then print the diff or write."""
    from graph.data.edit import edit_folder
    from graph.data.load import display_path, is_sample, locate
    from graph.data.lock import LockTimeout
    from graph.data.problems import DataError

    folder, how = locate(meta("data"))
    if is_sample(folder):
        fail(f"the bundled sample data set ({display_path(folder)}) is read-only. Start your own map with"
             " `actorgraph init DIR` (or a copy of the sample: `actorgraph init DIR --example`), then edit it"
             " with --data DIR")
    try:
        editor, warnings = edit_folder(folder, change, dry_run)
    except DataError as exc:
        echo_problems(exc.problems)
        fail("nothing was changed: the data would have errors")
    except (ValueError, LookupError, LockTimeout) as exc:
        fail(f"{exc}; nothing was changed")
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        fail(f"cannot write{where}: {exc.strerror or exc}; nothing was changed")
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
def add_actor(actor_id, name, type_, description, aliases, extra, dry_run):
    """Add an actor to actors.csv.

    Example: actorgraph add-actor eu --name "European Union" --type "regional organisation" --alias EU
    """
    values = {**parse_sets(extra, {"id": "ID argument", "name": "--name", "type": "--type",
                                   "description": "--description", "aliases": "--alias"}),
              "name": name, "type": type_, "description": description or "", "aliases": ";".join(aliases)}
    run_edit(dry_run, lambda e: e.add_actor(actor_id, values))


@main.command("add-relation")
@click.argument("source")
@click.argument("relation")
@click.argument("target")
@relation_fields
@set_option
@data_option
@dry_run_option
def add_relation(source, relation, target, evidence, note, confidence, since, until, sources, credibility, status_,
                 extra, dry_run):
    """Add a relation SOURCE RELATION TARGET to relations.csv (actors by id, name or alias).

    RELATION may be read backwards ('trained by'): the relation is then recorded the
    right way round (TARGET trains SOURCE), and the command says so.

    Example: actorgraph add-relation eutm part_of eu --evidence "EU website" --confidence stated
    """
    values = {**parse_sets(extra, RELATION_OWN), "evidence": evidence, "note": note,
              "confidence": confidence and confidence.lower(), "status": status_ and status_.lower(),
              "since": since, "until": until, "sources": joined_sources(sources), "credibility": credibility}
    run_edit(dry_run, lambda e: e.add_relation(source, relation, target, values))


@main.command("set-relation")
@click.argument("source")
@click.argument("relation")
@click.argument("target")
@relation_fields
@click.option("--row-since", metavar="DATE", help="Which row, when the tie has several: the one with this since.")
@set_option
@data_option
@dry_run_option
def set_relation(source, relation, target, evidence, note, confidence, since, until, sources, credibility, status_,
                 row_since, extra, dry_run):
    """Change one relation's fields in place (one changed line in relations.csv).

    When a tie has several rows (periods that stop and restart), --row-since picks
    the row; without it the rows are listed. An empty value ('') clears a field.

    Example: actorgraph set-relation eutm trains mali_forces --confidence implied --note "rests on the name"
    """
    values = {**parse_sets(extra, RELATION_OWN),
              **{k: v for k, v in (("evidence", evidence), ("note", note), ("since", since), ("until", until),
                                    ("confidence", confidence and confidence.lower()),
                                    ("status", status_ and status_.lower()), ("sources", joined_sources(sources)),
                                    ("credibility", credibility)) if v is not None}}
    run_edit(dry_run, lambda e: e.set_relation(source, relation, target, values, since=row_since))


@main.command("remove-relation")
@click.argument("source")
@click.argument("relation")
@click.argument("target")
@click.option("--since", "row_since", metavar="DATE", help="Which row, when the tie has several.")
@data_option
@dry_run_option
def remove_relation(source, relation, target, row_since, dry_run):
    """Remove the relation SOURCE RELATION TARGET (symmetric kinds in either order).

    Example: actorgraph remove-relation takuba accompanies chad_forces
    """
    run_edit(dry_run, lambda e: e.remove_relation(source, relation, target, since=row_since))


@main.command("remove-actor")
@click.argument("actor")
@click.option("--cascade", is_flag=True, help="Also remove the relations that name it.")
@data_option
@dry_run_option
def remove_actor(actor, cascade, dry_run):
    """Remove an actor; refused while relations name it, unless --cascade.

    Example: actorgraph remove-actor ngos --cascade --dry-run
    """
    run_edit(dry_run, lambda e: e.remove_actor(actor, cascade))


@main.command("rename-actor")
@click.argument("actor")
@click.argument("new_id")
@data_option
@dry_run_option
def rename_actor(actor, new_id, dry_run):
    """Change an actor's id in both files in one step.

    Example: actorgraph rename-actor mali_forces fama
    """
    run_edit(dry_run, lambda e: e.rename_actor(actor, new_id))


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
def set_actor(actor, name, type_, description, aliases, add_aliases, extra, dry_run):
    """Change an actor's fields.

    Example: actorgraph set-actor FAMa --add-alias "Forces armées maliennes"
    """
    values = parse_sets(extra, {"name": "--name", "type": "--type", "description": "--description",
                                "aliases": "--alias/--add-alias"})
    values.update({k: v for k, v in (("name", name), ("type", type_), ("description", description))
                   if v is not None})
    run_edit(dry_run, lambda e: e.set_actor(actor, values, aliases, add_aliases))


# ---- analysis -----------------------------------------------------------------------------------

@main.command()
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
def path(source, target, all_paths, limit, directed, fmt):
    """Shortest path(s) between two actors, each step with its relations.

    Example: actorgraph path EUTM Barkhane --all
    """
    from graph.analysis.questions import NoPath, paths

    dataset = load()
    G = view(dataset)
    a, b = resolve_in(G, dataset, source), resolve_in(G, dataset, target)
    if a == b:
        fail("the two actors are the same")
    try:
        found, total = paths(G, a, b, all_paths=all_paths, directed=directed, limit=limit)
    except NoPath:
        how = " following directions" if directed else ""
        fail(f"no path between '{a}' and '{b}'{how} with the options given")
    if all_paths and total > len(found):
        click.echo(f"note: {total:,} shortest paths; the first {len(found)} by name are listed"
                   " (--limit N for more)", err=True)
    elif total > 1 and not all_paths:
        click.echo(f"note: one of {total:,} shortest paths (--all lists them)", err=True)
    if fmt == "json":
        return _json({"total": total, "paths": [{"path": i, "rests_on_weak_ties": any(s["weak"] for s in steps),
                                                 "steps": steps} for i, steps in enumerate(found, 1)]})
    rows = [{"path": i, "step": s["step"], "from": s["from"], "to": s["to"], "relation": rel["kind"],
             "reads": rel["text"], "weak": ", ".join(rel["weak"])}
            for i, steps in enumerate(found, 1) for s in steps for rel in s["relations"]]
    columns = ["path", "step", "reads"] if fmt == "table" else ["path", "step", "from", "to", "relation", "reads"]
    if any(r["weak"] for r in rows):
        columns.append("weak")
    click.echo(_format(rows, columns, fmt, wrap="reads"), nl=False)
    for i, steps in enumerate(found, 1):
        weak = [(s["step"], ", ".join(dict.fromkeys(w for r in s["relations"] for w in r["weak"])))
                for s in steps if s["weak"]]
        if weak:
            which = "; ".join(f"step {n} ({why})" for n, why in weak)
            click.echo(f"note: path {i} rests on weak ties: {which}", err=True)


@main.command()
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


@main.command()
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
    notes(result["notes"])
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


@main.command()
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
    rows, columns = broker_rows(G, measure(G), sort, top, fmt)
    click.echo(_format(rows, columns, fmt), nl=False)
    click.echo(BROKER_GUIDE, err=True)


@main.command()
@click.option("--seed", type=int, default=COMMUNITY_SEED, show_default=True, help="Seed of the Louvain method.")
@click.option("--resolution", type=float, default=1.0, show_default=True,
              help="Above 1: more, smaller communities.")
@data_option
@view_options
@format_option
def communities(seed, resolution, fmt):
    """Communities found by the Louvain method (networkx, seeded): who clusters together.

    Example: actorgraph communities
    """
    from graph.analysis.questions import communities as detect

    G = view(load())
    found = detect(G, seed=seed, resolution=resolution)
    if fmt == "json":
        return _json([{"community": i, "size": len(c),
                       "actors": [{"id": n, "name": G.nodes[n].get("name", n)} for n in c]}
                      for i, c in enumerate(found, 1)])
    if fmt == "csv":
        rows = [{"community": i, "id": n, "name": G.nodes[n].get("name", n), "type": G.nodes[n].get("type", "")}
                for i, c in enumerate(found, 1) for n in c]
        return click.echo(_format(rows, ["community", "id", "name", "type"], fmt), nl=False)
    rows = [{"community": i, "size": len(c), "actors": ", ".join(G.nodes[n].get("name", n) for n in c)}
            for i, c in enumerate(found, 1)]
    click.echo(_format(rows, ["community", "size", "actors"], fmt, wrap="actors"), nl=False)


@main.command()
@click.argument("old", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.argument("new", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option("--rev", metavar="GIT_REV", help="Compare the working data (--data) with this git revision.")
@click.option("--measure", "-m", type=click.Choice(MEASURE_NAMES, case_sensitive=False), default="betweenness",
              show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Rank moves of the actors in either version's top N.")
@data_option
@format_option
def diff(old, new, rev, measure, top, fmt):
    """What changed between two versions of the data: rows (renames recognised) and centrality ranks.

    Give two folders OLD NEW, or --rev GIT_REV to compare the working data with a commit.

    Example: actorgraph diff --rev HEAD~1
    """
    from graph.analysis.build import build_graph
    from graph.data.diff import dataset_at_revision, diff_rows, rank_moves, renames
    from graph.data.load import display_path
    from graph.data.problems import DataError

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
    rows = diff_rows(old_ds, new_ds)
    moves = rank_moves(build_graph(old_ds), build_graph(new_ds), measure, top, renames(old_ds, new_ds))
    if fmt == "json":
        return _json({"changes": rows, "measure": measure, "ranks": moves})
    if fmt == "csv":
        return click.echo(_format(rows, ["change", "what", "item", "details"], fmt), nl=False)
    click.echo(_format(rows, ["change", "what", "item", "details"], fmt, wrap="details") if rows
               else "No changes.\n", nl=False)
    click.echo(f"\n{measure} ranks (top {top} before or after):")
    click.echo(_format(moves, ["name", "rank_before", "before", "rank_after", "after", "rank_change"], fmt),
               nl=False)


EXPORT_HELP = "; ".join(f"{f.name}: {f.tools}" for f in FILE_FORMATS if f.exports)
IMPORT_HELP = "; ".join(f"{f.name}: {f.tools}" for f in FILE_FORMATS if f.imports)


@main.command()
@click.option("--format", "fmt", type=click.Choice(EXPORTS), required=True, help=EXPORT_HELP + ".")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write (csv: OUTPUT-nodes.csv and OUTPUT-edges.csv).")
@data_option
@view_options
@raw_option
def export(fmt, output):
    """Export the graph with every actor and relation attribute, for other tools.

    GEXF, yEd GraphML and Cytoscape JSON carry the map as drawn here: positions,
    colours, shapes and dot sizes. Symmetric kinds are undirected edges.

    Example: actorgraph export --format gexf -o sahel.gexf
    """
    from graph.readwrite.export import export as write

    dataset = load()
    G = view(dataset)
    write_files(dataset, write(G, fmt, output, guard=not meta("raw", False)))


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
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
        written, notes = import_file(file, output, fmt)
    except DataError as exc:
        echo_problems(exc.problems)
        fail("the imported data would not be valid; nothing was written")
    except ImportFailed as exc:
        fail(f"{exc}; nothing was written")
    for note in notes:
        click.echo(f"note: {note}", err=True)
    for path in written:
        click.echo(f"wrote {path}", err=True)
    click.echo(f"next: actorgraph validate --data {output}", err=True)


# ---- output -------------------------------------------------------------------------------------

def write_files(dataset, files: dict) -> None:
    """Write outputs (all or none), never over the data set's own files; name each on stderr."""
    from graph.data.files import OutputError, printable, write_outputs
    from graph.data.journal import JOURNAL
    from graph.data.schema import DATA_FILES

    protected = [dataset.folder / name for name in (*DATA_FILES, JOURNAL)]
    try:
        write_outputs(files, protected)
    except OutputError as exc:
        fail(str(exc))
    for path in files:
        if str(path) != "-":
            click.echo(f"wrote {printable(str(path))}", err=True)


def say(text: str) -> None:
    """Echo prose wrapped to the terminal's width."""
    import textwrap

    for line in text.split("\n"):
        click.echo(textwrap.fill(line, terminal_width()) if line else "")


def terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


def _format(rows, columns, fmt, wrap: str | None = None):
    from graph.output.tables import format_rows

    return format_rows(rows, columns, fmt, guard=not meta("raw", False), width=terminal_width(), wrap=wrap)


def _json(value) -> None:
    from graph.output.tables import dumps
    click.echo(dumps(value))


if __name__ == "__main__":
    main()
