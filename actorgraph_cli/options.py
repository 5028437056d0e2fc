"""Options and helpers shared by the commands: the view options, loading, errors, output."""

from __future__ import annotations

import sys

import click

from cli import remember
from graph.data.dates import DATE_FORMS, date_hint
from graph.names import FORMATS


RELATION_OPTIONS = ("evidence", "note", "confidence", "status", "since", "until", "credibility")


class OutputPath(click.Path):
    """-o of every command that writes: a click.Path that refuses an empty name (which would
    mean the current folder, or a file named '')."""

    def convert(self, value, param, ctx):
        if isinstance(value, str) and not value.strip():
            self.fail("the output name is empty: give a file or folder name", param, ctx)
        return super().convert(value, param, ctx)


def format_option(f):
    f = raw_option(f)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
                        help="table: aligned, rounded, fitted to the terminal; csv and json: full precision.")(f)


def raw_option(f):
    """--raw: CSV cells exactly as they are, for programs."""
    return click.option("--raw", is_flag=True, expose_value=False, callback=remember("raw"),
                        help="CSV: write cells exactly; by default a cell starting with = + - @ gets a"
                             " leading ' so spreadsheets do not run it as a formula.")(f)


def relayout_option(f):
    """--relayout: lay out the view alone, instead of keeping the whole data set's map."""
    return click.option("--relayout", is_flag=True, expose_value=False, callback=remember("relayout"),
                        help="Lay out this view alone. By default every view draws each actor where the map of"
                             " the whole data set has it (and positions.csv pins it), so nothing moves between"
                             " views and dates.")(f)


def excel_options(f):
    """--excel and --sep: CSV files in the form the user's Excel opens directly."""
    f = click.option("--sep", type=click.Choice([";", ",", "tab"]),
                     help="With --excel: the separator (default: ';' for nl, fr and de locales, ',' otherwise).")(f)
    return click.option("--excel", is_flag=True,
                        help="Write CSV as Excel opens it directly: UTF-8 with a BOM, a sep= line, CRLF.")(f)


def excel_separator(excel: bool, sep: str | None) -> str | None:
    """The separator of --excel files (None without --excel); --sep alone is refused."""
    from graph.data.csvio import locale_separator

    if sep and not excel:
        raise click.UsageError("--sep goes with --excel")
    if not excel:
        return None
    return {"tab": "\t"}.get(sep, sep) if sep else locale_separator()


def _min_grade(ctx, param, value):
    if value is not None:
        from graph.analysis.grades import GradeError, parse_grade

        try:
            value = "".join(parse_grade(value))
        except GradeError as exc:
            raise click.BadParameter(str(exc), ctx=ctx, param=param) from None
    return remember("min_grade")(ctx, param, value)


def view_options(f=None, *, several_dates: str = ""):
    """--relation, --as-of, --without, --status, --min-grade, --confidence, --ties: the part of the network looked at.

    ``several_dates``: --as-of may be given several times (render's frames, diff's two dates), the text
    saying what for ends its help; all of them are in meta("as_of_dates"), and meta("as_of") holds the
    date when there is one.
    """
    if f is None:
        return lambda g: view_options(g, several_dates=several_dates)
    f = click.option("--ties", "ties_", expose_value=False, callback=remember("ties"),
                     type=click.Choice(("cooperative", "hostile", "all"), case_sensitive=False),
                     help="The network measured when kinds.csv has hostile kinds: cooperative (the default:"
                          " hostile and neutral ties left out), hostile, or all.")(f)
    f = click.option("--confidence", "confidence_", expose_value=False, callback=remember("confidence"),
                     type=click.Choice(("stated", "implied"), case_sensitive=False),
                     help="stated: only ties the sources state; implied: stated and implied ones (not those"
                          " without a confidence).")(f)
    f = click.option("--min-grade", metavar="CODE", expose_value=False, callback=_min_grade,
                     help="Only ties graded CODE or better (Admiralty: source reliability A-E, credibility"
                          " 1-5; B3 keeps A1 to B3; F, 6 and ungraded ties fail).")(f)
    f = click.option("--without", multiple=True, metavar="ACTOR", expose_value=False, callback=remember("without"),
                     help="Leave this actor out (what-if); repeatable.")(f)
    f = click.option("--known-on", metavar="DATE", expose_value=False, callback=remember("known_on"),
                     help="Only ties known by the end of DATE: a tie is known from the earliest published date"
                          " of its sources (sources.csv); ties with no dated source are kept, and counted.")(f)
    f = click.option("--as-of", metavar="DATE", expose_value=False, multiple=several_dates,
                     callback=_as_of_dates if several_dates else remember("as_of"),
                     help=f"Only relations in force on this date ({DATE_FORMS}); by default today"
                          f" ($ACTORGRAPH_TODAY pins it); all: every period. {several_dates}".rstrip())(f)
    f = click.option("--relation", multiple=True, metavar="KIND", expose_value=False,
                     callback=remember("relations"),
                     help="Only these relation kinds (the data set's kinds.csv, or trains, accompanies,"
                          " coordinates_with, part_of); repeatable.")(f)
    f = click.option("--status", multiple=True, expose_value=False, callback=remember("status"),
                     type=click.Choice(("actual", "planned", "recommended", "ended", "all"),
                                       case_sensitive=False),
                     help="Also planned or recommended ties (actual ones are always in); ended: also ties whose"
                          " until has passed at the view's date; all: every tie; repeatable.")(f)
    return f


def _as_of_dates(ctx, param, value):
    """--as-of given several times: every date in meta("as_of_dates"), the one date (if one) in meta("as_of")."""
    dates = tuple(value or ())
    ctx.meta["as_of_dates"] = dates
    return remember("as_of")(ctx, param, dates[0] if len(dates) == 1 else None)


def cli_view():
    """The View the view options ask for (see graph.View)."""
    from graph.analysis.views import View

    return View(relations=meta("relations", ()), statuses=tuple(meta("status", ())) or None, as_of=meta("as_of"),
                without=meta("without", ()), min_grade=meta("min_grade"), confidence=meta("confidence"),
                ties=meta("ties"), known_on=meta("known_on"))


def meta(key: str, default=None):
    value = click.get_current_context().meta.get(key)
    return default if value is None else value


def rank_columns(fmt: str) -> list[str]:
    """diff's rank moves as a format shows them: CSV with the actor's id, a table by name."""
    from graph.output.rows import RANK_MOVE_COLUMNS

    return RANK_MOVE_COLUMNS if fmt == "csv" else RANK_MOVE_COLUMNS[1:]


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

    folder, how = locate(meta("data"))
    dataset = load_dataset(folder)
    if dataset.sample:
        click.echo(f"note: using the bundled sample data set ({display_path(folder)}); start your own map"
                   " with `actorgraph init DIR`", err=True)
    for notice in dataset.notices:
        click.echo(f"note: {notice}", err=True)
    if dataset.problems:
        import shlex

        from graph.data.files import printable

        given = f" --data {shlex.quote(printable(display_path(folder)))}" if how == "--data" else ""
        click.echo(f"note: {plural(len(dataset.problems), 'warning')} in the data (see `actorgraph validate{given}`)",
                   err=True)
    return dataset


# what a view leaves out by default (no option asked for it): view() says so on stderr
SAID_BY_VIEW = ("ties", "today", "inactive", "known_on", "beyond_sources")


def view(dataset, keep=False, draw=False, ties: str | None = None):
    """The graph restricted by the view options; actor names and relation kinds resolved.

    ``keep``: keep every status unless --status was given (the page draws them all, and
    shows planned and recommended ties on demand). ``draw``: keep hostile and neutral ties
    unless --ties was given (pictures draw them apart; their measures leave them out).
    ``ties``: the network, whatever --ties says (balance weighs every signed tie).
    """
    from dataclasses import replace

    from graph.analysis.views import graph_of

    chosen = cli_view() if ties is None else replace(cli_view(), ties=ties)
    G = graph_of(dataset, chosen, all_statuses=keep, all_ties=keep or draw, relayout=bool(meta("relayout")))
    for r in G.graph.get("restrictions", ()):
        if r.what in SAID_BY_VIEW:
            from graph.output.words import restriction_text

            click.echo(f"note: {restriction_text(r)}", err=True)
    if G.number_of_nodes() == 0:
        if meta("without", ()):
            why = "--without leaves none"
        elif not dataset.actors:
            why = "the data set has none"
        else:
            why = f"the view leaves out all {len(dataset.actors):,} of the data set (see the notes above)"
            dated = any(r.what in ("today", "inactive") for r in G.graph.get("restrictions", ()))
            if dated and not meta("as_of") and graph_of(dataset, replace(chosen, as_of="all"), all_statuses=keep,
                                                        all_ties=keep or draw).number_of_nodes():
                why += "; --as-of all takes every period"
        fail(f"no actors to work on: {why}")
    return G


FIELD_FLAGS = {"as_of": "--as-of", "relations": "--relation", "without": "--without", "min_grade": "--min-grade",
               "statuses": "--status", "confidence": "--confidence", "ties": "--ties",
               "known_on": "--known-on"}


OPTION_FLAGS = {**FIELD_FLAGS, "fmt": "--format"}  # library parameters whose option is not --name-with-dashes


def flag_for(name: str, value: str | None = None) -> str:
    """The option a library parameter is given with on the command line (``value`` after it)."""
    flag = OPTION_FLAGS.get(name) or "--" + name.replace("_", "-")
    return flag if value is None else f"{flag} {value}"


def error_for(exc, ctx=None) -> click.ClickException:
    """The one translation of a library error for the user: problems listed, fields named as options."""
    from graph.data.files import printable
    from graph.errors import DataError

    if isinstance(exc, DataError):
        echo_problems(exc.problems)
        return click.ClickException(f"{plural(len(exc.errors), 'error')} in the data; nothing was done")
    if getattr(exc, "field", None) in FIELD_FLAGS:
        error = usage_error(exc)
        if isinstance(error, click.UsageError):
            error.ctx = ctx  # click prints the command's usage line before the message
        return error
    return click.ClickException(printable(exc.worded(flag_for), keep_newlines=True))


def usage_error(exc) -> click.ClickException:
    """The library's error about a view field, worded with the option the user typed."""
    from graph.data.files import printable
    from graph.errors import InvalidDate, UnknownKind

    flag = FIELD_FLAGS.get(getattr(exc, "field", None))
    if isinstance(exc, InvalidDate):
        return click.BadParameter(f"'{exc.text}' is not a date; {date_hint(exc.text)}", param_hint=flag)
    if isinstance(exc, UnknownKind) and flag == "--relation":
        tail = f"; did you mean '{exc.suggestions[0]}'?" if exc.suggestions else ""
        return click.BadParameter(f"unknown relation '{exc.text}'{tail} (this data set has: {', '.join(exc.allowed)})",
                                  param_hint=flag)
    if flag in ("--relation", "--status", "--confidence", "--min-grade"):
        return click.BadParameter(exc.worded(flag_for), param_hint=flag)
    return click.ClickException(printable(exc.worded(flag_for), keep_newlines=True))


def resolve_in(G, dataset, text: str) -> str:
    """An actor of the data set that is also in the current view."""
    actor = resolve(dataset, text)
    if actor not in G:
        inactive = [r for r in G.graph.get("restrictions", ()) if r.what == "inactive"]
        if inactive and not _named_without(dataset, actor):
            fail(f"'{actor}' is inactive as of {inactive[0].values[0]} (outside its period or with no tie in force);"
                 " `--as-of all` for every period")
        fail(f"'{actor}' is left out of this view (--without)")
    return actor


def _named_without(dataset, actor: str) -> bool:
    return any(dataset.index.resolve(text) == actor for text in meta("without", ()))


def resolve(dataset, text: str) -> str:
    return dataset.index.resolve(text)


def notes(found) -> None:
    """Each note on stderr, its control characters shown, never sent (names come from the data)."""
    from graph.data.files import printable

    for note in found:
        click.echo(f"note: {printable(str(note))}", err=True)


def write_files(dataset, files: dict) -> None:
    """Write outputs (all or none), never over the data set's own files; name each on stderr."""
    from graph.data.files import printable, write_outputs
    from graph.data.journal import JOURNAL
    from graph.data.schema import DATA_FILES

    protected = [dataset.folder / name for name in (*DATA_FILES, JOURNAL)]
    write_outputs(files, protected)
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

    text = format_rows(rows, columns, fmt, guard=not meta("raw", False), width=terminal_width(), wrap=wrap)
    return on_screen(text) if fmt == "csv" else text  # a table is made printable already


def on_screen(text: str) -> str:
    """Data text as it goes to standard output: to a terminal with control characters shown (\\x1b...),
    so that a value cannot send escape sequences; to a file or pipe exactly as it is."""
    from graph.data.files import printable

    return printable(text, keep_newlines=True) if sys.stdout.isatty() else text


def _json(value) -> None:
    from graph.output.tables import dumps
    click.echo(dumps(value))
