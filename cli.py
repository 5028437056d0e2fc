"""actorgraph command line: a thin client of the library in graph/.

Commands live in actorgraph_cli/ by concern and are imported only when run (click's
lazy group pattern); their short help is kept in COMMANDS so that ``actorgraph --help``
imports none of them. Each command builds a View from its options and calls the library.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import click

from graph import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

# name: (module in actorgraph_cli, function, short help) -- tests check the help matches the command's
COMMANDS = {
    "add-actor": ("edits", "add_actor", "Add an actor to actors.csv."),
    "add-relation": ("edits", "add_relation",
                     "Add a relation SOURCE RELATION TARGET to relations.csv (actors by id, name or alias)."),
    "balance": ("conflict", "balance",
                "Structural balance of allies and enemies: balanced triangles, frustration, camps, enemy-of-my-enemy"
                " pairs."),
    "brokers": ("measures", "brokers",
                "Brokerage: betweenness, Burt's effective size and constraint (undirected view)."),
    "centrality": ("measures", "centrality", "Centrality of every actor: who is a hub, who brokers."),
    "communities": ("measures", "communities",
                    "Communities found by the Louvain method (networkx, seeded): who clusters together."),
    "diff": ("formats", "diff",
             "What changed between two versions of the data: rows (renames recognised) and centrality ranks."),
    "export": ("formats", "export", "Export the graph with every actor and relation attribute, for other tools."),
    "impact": ("questions", "impact",
               "What if these actors left? Components, who is cut off, and how ranks change."),
    "import": ("formats", "import_",
               "Make a data folder from another tool's file: Gephi, yEd, Cytoscape, Kumu, an edge list."),
    "info": ("start", "info",
             "Summary of the data set: which files, actors by type, relations by kind, confidence and status."),
    "init": ("start", "init",
             "Start a data set: FOLDER/actors.csv, relations.csv, kinds.csv, sources.csv and types.csv"
             " with their headers."),
    "layout": ("positions", "layout", "Write positions.csv: where each actor stands on the map, kept in every view."),
    "neighbors": ("questions", "neighbors", "The actors around ACTOR and the relations that link them."),
    "path": ("questions", "path", "Shortest path(s) between two actors, each step with its relations."),
    "remove-actor": ("edits", "remove_actor", "Remove an actor; refused while relations name it, unless --cascade."),
    "remove-relation": ("edits", "remove_relation",
                        "Remove the relation SOURCE RELATION TARGET (symmetric kinds in either order)."),
    "rename-actor": ("edits", "rename_actor", "Change an actor's id in both files in one step."),
    "rename-type": ("edits", "rename_type", "Change an actor type in actors.csv and types.csv in one step."),
    "render": ("pictures", "render",
               "Write the map: an offline HTML explorer, or a static SVG, PNG or PDF picture."),
    "report": ("pictures", "report",
               "Write a briefing: findings first, then map, key actors, what-if, robustness."),
    "robustness": ("questions", "robustness", "Would the ranking hold if the weak evidence were wrong?"),
    "set-actor": ("edits", "set_actor", "Change an actor's fields."),
    "set-relation": ("edits", "set_relation",
                     "Change one relation's fields in place (one changed line in relations.csv)."),
    "timeline": ("periods", "timeline",
                 "The network step by step: actors and ties in force, and the top N with their ranks."),
    "validate": ("start", "validate", "Check the CSV files and report every problem as FILE:LINE: message."),
}


class Command(click.Command):
    """A command whose library errors become messages and exit codes here, in one place."""

    def invoke(self, ctx):
        from graph.errors import ActorgraphError

        try:
            return super().invoke(ctx)
        except ActorgraphError as exc:
            from actorgraph_cli.options import error_for

            raise error_for(exc, ctx) from None


class LazyGroup(click.Group):
    """A group whose commands are imported from actorgraph_cli when first used."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(f"actorgraph_cli.{module}"), attr)

    def format_commands(self, ctx, formatter):
        """The command list from COMMANDS' short help, as click would print it, without importing."""
        from click.utils import make_default_short_help

        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [(name, make_default_short_help(COMMANDS[name][2], limit)) for name in sorted(COMMANDS)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def remember(key: str):
    """A callback keeping an option's value in the context, wherever on the line it was given."""
    def callback(ctx, _param, value):
        if value is not None and value != () and value is not False:
            ctx.meta[key] = value
        else:
            ctx.meta.setdefault(key, value)
    return callback


def data_option(f):
    return click.option("--data", type=click.Path(path_type=Path), expose_value=False, callback=remember("data"),
                        is_eager=True, metavar="DIR",
                        help="Folder with actors.csv and relations.csv (and the optional kinds.csv, types.csv,"
                             " sources.csv, positions.csv).")(f)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="actorgraph")
@data_option
def main():
    """Explore an actor-relationship graph kept in CSV files.

    The data is DIR/actors.csv and DIR/relations.csv (and the optional
    kinds.csv, types.csv, sources.csv and positions.csv). DIR is --data (before or after the command), else
    $ACTORGRAPH_DATA, else ./data when it holds actors.csv, else the current
    folder when it holds both files, else the bundled Mali/Sahel sample
    (read-only: start your own with `actorgraph init DIR`). Every command
    validates the data first.
    """


if __name__ == "__main__":
    main()
