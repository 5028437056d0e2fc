"""Editing the data files: add, set, rename and remove actors and relations."""

from __future__ import annotations

import shlex

import click

from cli import Command, data_option
from actorgraph_cli.options import DATE_FORMS, RELATION_OPTIONS, echo_problems, fail, flag_for, meta


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


def run_edit(dry_run: bool, change, show_diff: bool = False) -> None:
    """Under the folder's lock: load, apply change(editor), validate; then print the diff or write."""
    from graph.data.edit import edit_folder
    from graph.data.load import display_path, is_sample, locate
    from graph.errors import ActorgraphError
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
        if exc.already:
            fail("nothing was changed: the data has the errors above already (this edit adds none); mend them"
                 " first, then run the command again")
        fail("nothing was changed: the data would have errors")
    except ActorgraphError as exc:
        fail(f"{exc.worded(flag_for)}; nothing was changed")
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        fail(f"cannot write{where}: {exc.strerror or exc}; nothing was changed")
    if dry_run or show_diff:
        from graph.data.files import printable

        click.echo(printable(editor.diff(), keep_newlines=True), nl=False)  # a value's ESC never reaches the terminal
    if dry_run:
        click.echo("dry run: nothing was written", err=True)
        return
    for line in editor.messages:
        click.echo(line, err=True)
    quiet_warnings(warnings, editor.touched(), folder if meta("data") is not None else None)


def quiet_warnings(warnings, touched: dict, folder) -> None:
    """The warnings on the rows an edit touched, and one line counting the others."""
    from graph.data.load import display_path

    mine = [p for p in warnings if p.line in touched.get(p.path, ())]
    echo_problems(mine)
    others = len(warnings) - len(mine)
    if others:
        where = f" --data {shlex.quote(display_path(folder))}" if folder is not None else ""
        click.echo(f"{others} other warning{'s' * (others != 1)} in the data: `actorgraph validate{where}`",
                   err=True)


@click.command("add-actor", cls=Command)
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


@click.command("add-relation", cls=Command)
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


@click.command("set-relation", cls=Command)
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

    Example: actorgraph set-relation eutm trains fama --confidence implied --note "rests on the name"
    """
    values = {**parse_sets(extra, RELATION_OWN),
              **{k: v for k, v in (("evidence", evidence), ("note", note), ("since", since), ("until", until),
                                    ("confidence", confidence and confidence.lower()),
                                    ("status", status_ and status_.lower()), ("sources", joined_sources(sources)),
                                    ("credibility", credibility)) if v is not None}}
    run_edit(dry_run, lambda e: e.set_relation(source, relation, target, values, since=row_since))


@click.command("remove-relation", cls=Command)
@click.argument("source")
@click.argument("relation")
@click.argument("target")
@click.option("--row-since", "--since", "row_since", metavar="DATE",
              help="Which row, when the tie has several: the one with this since.")
@data_option
@dry_run_option
def remove_relation(source, relation, target, row_since, dry_run):
    """Remove the relation SOURCE RELATION TARGET (symmetric kinds in either order).

    Example: actorgraph remove-relation takuba accompanies chad_forces
    """
    run_edit(dry_run, lambda e: e.remove_relation(source, relation, target, since=row_since))


@click.command("remove-actor", cls=Command)
@click.argument("actor")
@click.option("--cascade", is_flag=True, help="Also remove the relations that name it.")
@data_option
@dry_run_option
def remove_actor(actor, cascade, dry_run):
    """Remove an actor; refused while relations name it, unless --cascade.

    Example: actorgraph remove-actor ngos --cascade --dry-run
    """
    run_edit(dry_run, lambda e: e.remove_actor(actor, cascade))


@click.command("rename-actor", cls=Command)
@click.argument("actor")
@click.argument("new_id")
@data_option
@dry_run_option
def rename_actor(actor, new_id, dry_run):
    """Change an actor's id in both files in one step.

    Example: actorgraph rename-actor mali_forces fama
    """
    run_edit(dry_run, lambda e: e.rename_actor(actor, new_id))


@click.command("rename-type", cls=Command)
@click.argument("old")
@click.argument("new")
@data_option
@dry_run_option
def rename_type(old, new, dry_run):
    """Change an actor type in actors.csv and types.csv in one step.

    Example: actorgraph rename-type "military unit" "armed forces unit"
    """
    run_edit(dry_run, lambda e: e.rename_type(old, new))


@click.command("set-actor", cls=Command)
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
