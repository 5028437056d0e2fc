"""The public API: open a data set, pick a view, ask questions, draw and export.

Every function takes a :class:`Dataset` (or a folder, opened for you) and an optional
:class:`View`; measures come back as pandas DataFrames, structured answers as small
dataclasses with ``to_frame()`` and ``as_dict()``. The ``actorgraph`` command line is a
client of these functions. See docs/api.md.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from graph.analysis import metrics, questions, robustness as _robustness, whatif
from graph.analysis.questions import Link, Paths, PathStep
from graph.analysis.build import select
from graph.analysis.metrics import centrality as _centrality, measured
from graph.analysis.views import View, graph_of
from graph.data.load import Dataset, display_path, folder_name, load_dataset, locate
from graph.data.resolve import ActorNotFound
from graph.names import (BROKER_MEASURES, COLOR_BY, COMMUNITY_SEED, EVERY, MEASURE_MEANINGS, MEASURE_NAMES,
                          PANEL_MEASURES, SIZE_BY)
from graph.output.rows import (between_rows, broker_rows, centrality_rows, CHANGE_COLUMNS, COMMUNITY_COLUMNS,
                               community_rows, cut_at, RANK_MOVE_COLUMNS, robustness_long)
from graph.analysis.build import restrictions
from graph.output.words import cut_note, hinted_text, plain_text
from graph.analysis.balance import balance
from graph.data.files import clean_text, write_outputs
from graph.output.notebook import iframe, to_pyvis as network
from graph.output.page import render_html as page
from graph.picture.overview import communities as community_groups, OVERVIEW_ABOVE
from graph.picture.scene import fixed_positions
from graph.output.apart import Apart
from graph.output.report import briefing, SHOWN_PX, to_html, to_markdown
from graph.output.static import map_parts, render_static, static_map as draw
from graph.readwrite.export import export as encode

__all__ = ["open_dataset", "View", "centrality", "brokers", "communities", "paths", "impact", "robustness",
           "render_html", "static_map", "export", "report", "report_files", "to_pyvis", "Paths", "PathStep", "Link", "Impact",
           "Robustness", "Selection", "data_files", "timeline_chart", "frames", "layout", "Layout"]

APART_FROM = 3000  # actors: a report's map this large is made in a child process meanwhile (see _briefing)


def open_dataset(folder: str | os.PathLike | None = None, *, lock: bool = True) -> Dataset:
    """Load and validate a data folder (None: $ACTORGRAPH_DATA, ./data, ... then the bundled sample).

    Raises DataError listing every problem (``file:line: message``) when the data has errors.
    """
    found, _how = locate(Path(folder) if folder is not None else None)
    return load_dataset(found, lock=lock)


def _one_of(value, allowed, field: str):
    """``value`` if it is one of ``allowed``, else BadArgument naming the closest and all of them."""
    from graph.data.hints import Hints
    from graph.errors import BadArgument

    allowed = tuple(allowed)
    if value in allowed:
        return value
    near = Hints().close(str(value), [str(a) for a in allowed])
    said = f"; did you mean '{near[0]}'?" if near else ""
    raise BadArgument(f"{field} '{value}' is not one of {', '.join(map(str, allowed))}{said}", text=str(value),
                      suggestions=near, allowed=allowed, field=field)


def _count(value, field: str):
    """A count of at least 1 (or None where the function takes none); numpy's integers too."""
    return None if value is None else _whole(value, field, 1)


def _whole(value, field: str, least: int = 0, most: int | None = None):
    """A whole number from ``least`` (to ``most``), numpy's too; a BadArgument naming the parameter otherwise."""
    import numbers

    from graph.errors import BadArgument

    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least or (
            most is not None and value > most):
        span = f"from {least} to {most}" if most is not None else f"of at least {least}"
        raise BadArgument(f"{field} must be a whole number {span}, not {value!r}", text=str(value), field=field)
    return int(value)


def _fmt(fmt, allowed, field: str = "fmt") -> str:
    """A file format name, any letter case, one of ``allowed``."""
    return _one_of(fmt.lower() if isinstance(fmt, str) else fmt, allowed, field)


def _title(title):
    return None if title is None else _text(title, "title")


PICTURES = ("svg", "png", "pdf")


def _dataset(dataset) -> Dataset:
    """A Dataset from what a function was given: a Dataset, a Selection (its data set), or a folder."""
    from graph.errors import BadArgument

    if isinstance(dataset, Dataset):
        return dataset
    if isinstance(dataset, Selection):
        return dataset.dataset
    if dataset is None or isinstance(dataset, (str, os.PathLike)):
        return open_dataset(dataset)
    raise BadArgument(f"dataset must be a graph.Dataset (graph.open_dataset), a Selection or a folder, not"
                      f" {type(dataset).__name__}", text=repr(dataset)[:80], field="dataset")


def _view(dataset, view) -> View | None:
    """The view asked for: ``view``, or a Selection's own view; a BadArgument for anything else."""
    from graph.errors import BadArgument

    if view is None and isinstance(dataset, Selection):
        return dataset.view
    if view is not None and not isinstance(view, View):
        raise BadArgument(f"view must be a graph.View, such as View(without=['Barkhane']), not {view!r}",
                          text=repr(view)[:80], field="view")
    return view


def _graph(dataset, view, **kw):
    view = _view(dataset, view)
    return graph_of(_dataset(dataset), view if view is not None else View(), **kw)


def _text(value, field: str) -> str:
    """A str argument (an actor, a title), or a BadArgument naming the parameter."""
    from graph.errors import BadArgument

    if not isinstance(value, str):
        raise BadArgument(f"{field} takes a str, not {value!r}", text=repr(value)[:80], field=field)
    return value


def _actor(G, dataset, text: str, what: str) -> str:
    """The actor ``text`` names (id, name or alias), which must be in the view's graph G."""
    try:
        actor = dataset.index.resolve(_text(text, what))
    except ActorNotFound as exc:
        exc.field = what
        raise
    if actor not in G:
        exc = ActorNotFound(f"'{actor}' is left out of this view")
        exc.field = what
        raise exc
    return actor


@dataclass(frozen=True)
class Selection:
    """A data set seen through a view; shows itself in notebooks as the offline explorer."""

    dataset: Dataset
    view: View

    def graph(self):
        return graph_of(self.dataset, self.view)

    def __repr__(self) -> str:
        return f"<{self.dataset!r} seen through {self.view!r}>"

    def _repr_html_(self) -> str:
        return iframe(render_html(self.dataset, self.view))


def centrality(dataset, view: View | None = None, *, measures=None, directed: bool = False,
               sample: int | None = None, sort: str | None = None, top: int | None = None):
    """Centrality of every actor as a DataFrame indexed by actor id, highest ``sort`` first.

    Columns: rank (Int64, <NA> where the sort measure is undefined), name, type, ties (other
    actors tied), then one float column per measure (NaN where undefined; default: every measure
    in ``graph.names.MEASURE_NAMES``); when the data set has hostile kinds, the measures use the
    view's network (cooperative by default) and hostile_degree and in_hostile count each actor's
    hostile ties apart. ``df.attrs["notes"]`` holds the measures' notes that the command line
    prints (a measure undefined on this graph, an estimate, eigenvector's zeros outside one part).
    """
    import pandas as pd

    for m in [measures] if isinstance(measures, str) else (measures or ()):
        _one_of(m, MEASURE_NAMES, "measure")
    if sort is not None:
        _one_of(sort, MEASURE_NAMES, "sort")
        asked = [measures] if isinstance(measures, str) else measures
        if asked and sort not in asked:
            from graph.errors import BadArgument

            raise BadArgument(f"sort '{sort}' is not among the measures asked for ({', '.join(asked)})",
                              text=sort, allowed=tuple(asked), field="sort")
    _count(top, "top")
    _count(sample, "sample")
    ds, view = _dataset(dataset), _view(dataset, view)
    G = _graph(ds, view)
    measures = [measures] if isinstance(measures, str) else measures
    values, measures, notes = measured(ds, view, G, measures, directed=directed, sample=sample)
    rows, columns = centrality_rows(G, values, measures, sort, None, "csv")
    rows, tied = cut_at(rows, top)
    df = pd.DataFrame(rows, columns=columns).set_index("id")
    df["rank"] = df["rank"].astype("Int64")
    for m in measures:
        df[m] = pd.to_numeric(df[m], errors="coerce").astype(float)
    df.attrs["notes"] = _view_notes(G) + list(notes) + _cut_note(rows, top, tied)
    return df


def _as_argument(flag: str, value: str) -> str:
    """A hint's option spelled as a View's parameter: --as-of all -> as_of='all'."""
    return f"{flag[2:].replace('-', '_')}={value!r}"


def _view_notes(G) -> list[str]:
    """What G's view leaves out, its hints spelled as a View's parameters (the terminal's name flags)."""
    return [hinted_text(r, _as_argument) for r in restrictions(G)]


def _cut_note(rows, top, tied) -> list[str]:
    return [cut_note(rows[-1]["rank"], tied, f"top={top + tied}")] if tied else []


def brokers(dataset, view: View | None = None, *, sort: str = "betweenness", top: int | None = None):
    """Betweenness, Burt's effective size and constraint per actor (undirected), as a DataFrame."""
    import pandas as pd

    _one_of(sort, BROKER_MEASURES, "sort")
    _count(top, "top")
    G = _graph(dataset, view)
    rows, columns = broker_rows(G, questions.brokers(G), sort, None, "csv")
    rows, tied = cut_at(rows, top)
    df = pd.DataFrame(rows, columns=columns).set_index("id")
    df["rank"] = df["rank"].astype("Int64")
    for column in BROKER_MEASURES:
        if column in df:
            df[column] = pd.to_numeric(df[column], errors="coerce").astype(float)
    df.attrs["notes"] = _view_notes(G) + _cut_note(rows, top, tied)
    return df


def communities(dataset, view: View | None = None, *, seed: int = COMMUNITY_SEED, resolution: float = 1.0):
    """Louvain communities (seeded) as a DataFrame: one row per actor with its community number."""
    import math
    import numbers

    import pandas as pd

    from graph.errors import BadArgument

    _whole(seed, "seed")
    if isinstance(resolution, bool) or not isinstance(resolution, numbers.Real) or not (
            math.isfinite(resolution) and resolution > 0):
        raise BadArgument(f"resolution must be a finite number above 0, not {resolution!r}", text=str(resolution),
                          field="resolution")

    G = _graph(dataset, view)
    rows = community_rows(G, questions.communities(G, seed=seed, resolution=resolution))
    df = pd.DataFrame(rows, columns=COMMUNITY_COLUMNS).set_index("id")
    df.attrs["notes"] = _view_notes(G)
    return df


def paths(dataset, source: str, target: str, view: View | None = None, *, all_paths: bool = False,
          directed: bool = False, limit: int = 100) -> Paths:
    """Shortest path(s) between two actors (ids, names or aliases); raises NoPath when there is none."""
    ds, view = _dataset(dataset), _view(dataset, view)
    G = _graph(ds, view)
    a, b = _actor(G, ds, source, "source"), _actor(G, ds, target, "target")
    if a == b:
        from graph.errors import BadArgument

        raise BadArgument(f"the two actors are the same ('{a}')", text=target, field="target")
    _count(limit, "limit")
    try:
        return questions.paths(G, a, b, all_paths=all_paths, directed=directed, limit=limit)
    except questions.NoPath:
        helps = questions.joined_by(ds, view, a, b, directed)
        if helps is None:
            why = "no chain of relations joins them in the data, in any period, status or kind"
        elif helps:
            why = "there is one with " + " or with ".join(f"{name}={questions.RELAXED[name]!r}" for name in helps)
        else:
            why = "only a view with several of its options given up joins them"
        raise questions.NoPath(a, b, f"no path between '{a}' and '{b}'{' following directions' * directed}"
                           f"{' in this view' * (helps is not None)}: {why}", helps) from None


@dataclass(frozen=True)
class Impact:
    """What removing actors does: components before and after, who is cut off, rank changes."""

    removed: tuple[str, ...]
    measure: str
    components_before: int
    components_after: int
    cut_off: tuple[dict, ...]
    held_by_weak_ties: tuple[dict, ...]
    rows: tuple[dict, ...] = field(repr=False)
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return asdict(self)

    def to_frame(self):
        """Rank and value of the measure before and after, per remaining actor (ranks Int64, values float)."""
        import pandas as pd

        df = pd.DataFrame(list(self.rows)).set_index("id")
        for column in df.columns:
            if column.startswith("rank"):
                df[column] = df[column].astype("Int64")
            elif column in ("before", "after", "change"):
                df[column] = pd.to_numeric(df[column], errors="coerce").astype(float)
        return df


def impact(dataset, actors, view: View | None = None, *, measure: str = "betweenness",
           directed: bool = False) -> Impact:
    """What if these actors (ids, names or aliases) left the network?"""
    _one_of(measure, MEASURE_NAMES, "measure")
    ds, view = _dataset(dataset), _view(dataset, view)
    G = _graph(ds, view)
    from collections.abc import Iterable

    if not isinstance(actors, str) and not isinstance(actors, Iterable):
        _text(actors, "actors")  # a BadArgument naming the parameter
    removed = list(dict.fromkeys(_actor(G, ds, a, "actors") for a in ([actors] if isinstance(actors, str)
                                                                       else actors)))
    if not removed:
        from graph.errors import BadArgument

        raise BadArgument("actors: give at least one actor", field="actors")
    r = whatif.impact(G, removed, measure, directed)
    return Impact(tuple(r["removed"]), measure, r["components_before"], r["components_after"], tuple(r["cut_off"]),
                  tuple(r["held_by_weak_ties"]), tuple(r["rows"]), tuple(r["notes"]))


@dataclass(frozen=True)
class Robustness:
    """Whether the top actors keep their ranks on stricter views of the evidence."""

    measure: str
    top: int
    actors: tuple[dict, ...]
    views: tuple[dict, ...]
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        return asdict(self)

    def to_frame(self):
        """One row per stricter view and top actor (the CSV the command line writes)."""
        import pandas as pd

        return pd.DataFrame(robustness_long(self.as_dict()))


def robustness(dataset, view: View | None = None, *, measure: str = "betweenness", top: int = 10,
               directed: bool = False, max_ties: int | None = None) -> Robustness:
    """Recompute the ranking on stricter views of the evidence (see ``actorgraph robustness``)."""
    _one_of(measure, MEASURE_NAMES, "measure")
    _count(top, "top")
    if max_ties is not None:
        _whole(max_ties, "max_ties")
    G = _graph(dataset, view)
    r = _robustness.robustness(G, measure, top, directed, max_ties)
    hint = [f"max_ties=N tests more of them ({r['untested']} untested)"] if r["untested"] else []
    return Robustness(r["measure"], r["top"], tuple(r["actors"]), tuple(r["views"]), tuple(r["notes"] + hint))


def data_files(dataset) -> list[tuple[str, int, str]]:
    """(file, rows, what) of each file of the data set, for footers and reports."""
    out = [(display_path(dataset.actors_file.path), len(dataset.actors), "actors"),
           (display_path(dataset.relations_file.path), len(dataset.relations), "relations")]
    if dataset.kinds_file is not None:
        out.append((display_path(dataset.kinds_file.path), len(dataset.kinds), "relation kinds"))
    if dataset.sources_file is not None:
        out.append((display_path(dataset.sources_file.path), len(dataset.sources), "sources"))
    return out


@dataclass(frozen=True)
class Picture:
    """What a map draws: the graph, its measures, colour groups and title (before any format).

    ``time``: for a page of dated data, the time bar's data (graph.output.timebar); G then holds
    every period and ``values`` are the measures at the view's date.
    """

    G: object
    values: dict
    groups: dict | None
    title: str
    notes: tuple[str, ...]
    time: dict | None = None
    sample: int | None = None  # betweenness and closeness estimated from this many source actors (large maps)

    def meanings(self) -> dict:
        """What each measure means, as the legend and the panel say it: with the estimate, where there is one."""
        if not self.sample:
            return MEASURE_MEANINGS
        return {**MEASURE_MEANINGS, **{m: f"{MEASURE_MEANINGS[m]}; estimated here from {self.sample} sampled source"
                                          f" actors, not exact (maps of more than {metrics.MAP_EXACT_UP_TO:,} actors)"
                                       for m in ("betweenness", "closeness")}}


def picture(dataset, view: View | None = None, *, title: str | None = None, color_by: str = "type",
            focus: str | None = None, depth: int = 1, page: bool = True, default_title: str = "Actor map",
            G=None, timebar: bool | None = None, relayout: bool = False) -> Picture:
    """The graph a map draws and the measures that size it.

    A page (``page=True``) holds planned and recommended ties too unless the view names
    statuses; measures and communities are computed on the ties the view selects.
    ``G``: the view's graph when the caller has built it already. Actors are drawn where the
    whole data set's map has them, in every view; ``relayout`` lays out the view alone
    (actors pinned in positions.csv stay pinned).
    ``timebar`` (default: ``page``): on dated data, G holds the ties of every period (the view's
    other filters still apply) and the page's time bar shows those in force at the view's date;
    the layout and colours are those of every period, so no actor moves when the date moves.
    """

    _one_of(color_by, COLOR_BY, "color_by")
    _whole(depth, "depth")
    title = _title(title)
    if focus is not None:
        _text(focus, "focus")
    ds, view = _dataset(dataset), _view(dataset, view)
    view = view if view is not None else View()
    if G is None:
        G = graph_of(ds, view, all_statuses=page, all_ties=True, relayout=relayout)
    G_all = None
    if (page if timebar is None else timebar) and _dated(ds):
        G_all = G if view.date() is None and view.known_on is None else graph_of(
            ds, replace(view, as_of="all", known_on=None), all_statuses=page, all_ties=True, relayout=relayout)
    if focus:
        if G_all is not None:
            G_all = questions.neighbourhood(G_all, _actor(G_all, ds, focus, "focus"), depth)
            G = G.subgraph([n for n in G if n in G_all]).copy() if G is not G_all else G_all
        else:
            G = questions.neighbourhood(G, _actor(G, ds, focus, "focus"), depth)
    measured = select(G, statuses=view.kept_statuses(), ties=view.kept_ties())
    sample = metrics.map_sample(measured.number_of_nodes())
    values, notes = _centrality(measured, PANEL_MEASURES, sample=sample)
    notes = [*notes, *(f"sizes and colours {plain_text(r)}; the map draws every tie"
                       for r in measured.graph.get("restrictions", ()) if r.what == "ties" and r not in
                       G.graph.get("restrictions", ()))]
    coloured = G if G_all is None else G_all  # colours hold for every period
    groups = None
    if color_by == "community":
        groups = {n: f"community {i}" for i, members in enumerate(questions.communities(
            select(coloured, statuses=view.kept_statuses(), ties=view.kept_ties())), 1) for n in members}
    elif color_by == "camp":
        groups = camp_groups(select(coloured, statuses=view.kept_statuses()))
    title = clean_text(title) if title is not None else f"{default_title}: {folder_name(ds.folder)}"
    time = None
    if G_all is not None:
        from graph.output.timebar import TIME_NOTES, time_data

        time = time_data(G_all, date=view.date(), known_on=view.known_on, statuses=view.kept_statuses(),
                         ties=view.kept_ties(), notes=[plain_text(r) for r in G.graph.get("restrictions", ())
                                                       if r.what in TIME_NOTES])
        values = {m: {n: v.get(n) for n in G_all} for m, v in values.items()}  # None: inactive at the date
        if G_all is not G:  # the banner: what the view at its date leaves out, as before, and the focus
            G_all.graph["restrictions"] = [*G.graph.get("restrictions", ()), *(
                r for r in G_all.graph.get("restrictions", ()) if r.what == "focus")]
        G = G_all
    return Picture(G, values, groups, title, tuple(notes), time, sample)


def _dated(ds) -> bool:
    """Whether any tie or actor of the data set has a since or until."""
    return any(row.get("since") or row.get("until") for row in [*ds.relations, *ds.actors])


def camp_groups(G) -> dict[str, str]:
    """Each actor of G -> its balance camp ('camp 1', the largest, ...), from every signed tie of G;
    'no camp' for an actor with no cooperative or hostile tie (see graph.analysis.balance)."""

    camp_of = balance(G).camp_of()
    return {n: f"camp {camp_of[n]}" if n in camp_of else "no camp" for n in G}


def render_html(dataset, view: View | None = None, *, title: str | None = None, size_by: str = "betweenness",
                color_by: str = "type", focus: str | None = None, depth: int = 1,
                picture_: Picture | None = None, overview_above: int | None = OVERVIEW_ABOVE,
                group_by: str = "community", relayout: bool = False) -> str:
    """The offline HTML explorer of a view, as one self-contained page (a str); ``relayout``: see :func:`picture`.

    Above ``overview_above`` actors (None: never) the page opens on an overview, one dot per
    group (``group_by``: 'community', 'type' or an actor column), each opening on a click.
    """

    _one_of(size_by, SIZE_BY, "size_by")
    ds, view = _dataset(dataset), _view(dataset, view)
    p = picture_ or picture(ds, view, title=title, color_by=color_by, focus=focus, depth=depth, relayout=relayout)
    overview = None
    if overview_above is not None and p.G.number_of_nodes() > overview_above:
        overview = _overview_groups(p, view, group_by, color_by)
    return page(p.G, p.values, title=p.title, size_by=size_by, groups=p.groups, group_label=color_by,
                sources=data_files(ds), measure_help=p.meanings(), overview=overview, overview_by=group_by,
                time=p.time)


def _overview_groups(p: Picture, view: View | None, group_by: str = "community", color_by: str = "type") -> dict:
    """Each actor of a picture -> its group in the overview: its community (those of ``--color-by community``
    when the map is coloured by them, else the communities of the ties the view measures), its type, or
    its value in an actor column ('(none)' when empty)."""
    from graph.errors import ActorgraphError

    if group_by == "community":
        if color_by == "community" and p.groups:
            return dict(p.groups)
        view = view if view is not None else View()
        return community_groups(select(p.G, statuses=view.kept_statuses(), ties=view.kept_ties()))
    column = "type" if group_by == "type" else group_by
    if not any(column in d for _, d in p.G.nodes(data=True)):
        raise ActorgraphError(f"no actor has a column '{group_by}' to group by", field="group_by")
    return {n: str(d.get(column) or "(none)") for n, d in p.G.nodes(data=True)}


def static_map(dataset, view: View | None = None, fmt: str = "svg", *, title: str | None = None,
               size_by: str = "betweenness", color_by: str = "type", focus: str | None = None, depth: int = 1,
               dpi: int = 200, picture_: Picture | None = None, relayout: bool = False) -> bytes:
    """The same map as a static picture: ``fmt`` 'svg', 'png' or 'pdf' (bytes); ``relayout``: see :func:`picture`."""
    fmt = _fmt(fmt, PICTURES)
    _one_of(size_by, SIZE_BY, "size_by")
    _whole(dpi, "dpi", 50, 1200)
    p = picture_ or picture(dataset, view, title=title, color_by=color_by, focus=focus, depth=depth, page=False,
                            relayout=relayout)
    return draw(p.G, p.values, fmt, title=p.title, size_by=size_by, groups=p.groups, dpi=dpi,
                measure_help=p.meanings())


def report(dataset, view: View | None = None, fmt: str = "html", *, title: str | None = None,
           on_notes=None, measure: str = "betweenness", top: int = 10, relayout: bool = False) -> str | bytes:
    """A briefing, bottom line up front: the view, findings, map, key actors, what-if, robustness, annex.

    ``fmt``: 'html' or 'md' (text), or 'pdf' (bytes: A4, print-ready, the same bytes every run).
    ``measure`` and ``top``: the ranking tested throughout, as ``actorgraph robustness``'s defaults.
    ``on_notes`` is called with the measures' notes (e.g. undefined values) before drawing.
    As one string, the Markdown holds its map as a ``data:`` image; :func:`report_files`
    writes it beside the ``.md`` file instead, for renderers that drop such images.
    ``relayout``: lay out the view alone (see :func:`picture`).
    """

    fmt = _fmt(fmt, ("html", "htm", "md", "pdf"))
    blocks = _briefing(dataset, view, fmt, title, on_notes, measure, top, relayout)
    if fmt == "pdf":
        from graph.output.printout import to_pdf

        return to_pdf(blocks)
    return to_html(blocks) if fmt in ("html", "htm") else to_markdown(blocks)


def report_files(dataset, path: str | os.PathLike, view: View | None = None, *, title: str | None = None,
                 on_notes=None, measure: str = "betweenness", top: int = 10,
                 relayout: bool = False) -> dict[Path, bytes]:
    """The files of a briefing at ``path`` (by its extension): ``brief.html``, ``brief.pdf``; or ``brief.md``
    and its map ``brief-map.svg`` beside it, which the Markdown shows as an image. Nothing is written here.
    """

    path = Path(path)
    fmt = _fmt(path.suffix.lstrip("."), ("html", "htm", "md", "pdf"), "path")  # by its extension
    if fmt in ("html", "htm", "pdf"):
        out = report(dataset, view, fmt, title=title, on_notes=on_notes, measure=measure, top=top, relayout=relayout)
        return {path: out if isinstance(out, bytes) else out.encode("utf-8")}
    blocks = _briefing(dataset, view, "md", title, on_notes, measure, top, relayout)
    picture = path.with_name(f"{path.stem}-map.svg")
    svg = next((b.svg for b in blocks if b.kind == "map"), b"")
    return {path: to_markdown(blocks, map_file=picture.name).encode("utf-8"), picture: svg}


def _briefing(dataset, view: View | None, fmt: str, title: str | None, on_notes, measure: str, top: int,
              relayout: bool = False):
    """The briefing's blocks (graph.output.report), its map drawn once."""
    from graph import __version__

    _one_of(measure, MEASURE_NAMES, "measure")
    _count(top, "top")
    title = _title(title)
    ds, view = _dataset(dataset), _view(dataset, view)
    view = view if view is not None else View()
    G_all = graph_of(ds, view, all_statuses=True)
    G = select(G_all, statuses=view.kept_statuses())  # the analysed ties, as render measures them
    # the map draws every tie, as render does; the Conflict section weighs every signed tie, as balance does
    drawn = select(graph_of(ds, view, all_statuses=True, all_ties=True, relayout=relayout),
                   statuses=view.kept_statuses())
    signed = select(graph_of(ds, replace(view, ties="all"), all_statuses=True), statuses=view.kept_statuses()) \
        if ds.kinds.signed else None
    title = clean_text(title) if title is not None else f"Briefing: {folder_name(ds.folder)}"
    size_by = measure if measure in SIZE_BY else "betweenness"
    note = (f"The map of `actorgraph render` with these options, the legend under it: dot and label size show"
            f" {size_by}; colour and shape the actor type; line colour and style the relation kind.")
    if ds.kinds.signed:
        note += (" The legend groups the kinds under cooperation, hostility and other: hostile ties are drawn"
                 " dash-dotted in reds, ending in a bar; sizes are measured on the cooperation network.")
    def map_of(values):  # the SVG, or for the PDF (which draws it itself) the scene and the legend
        parts = map_parts(drawn, values, title="", size_by=size_by)
        return parts if fmt == "pdf" else render_static(**parts, fmt="svg", legend="below", shown_px=SHOWN_PX)

    # A large map is made in a child process while this one measures the view and finds the findings (each
    # tens of seconds, mostly in worker processes): first the whole data set's map (a view draws its actors
    # where it has them), then, given the view's values, the view's scene and its picture. The child works
    # on its own copy: the same bytes as made here.
    apart = Apart(lambda: fixed_positions(drawn), map_of) if drawn.number_of_nodes() >= APART_FROM else None
    with apart or contextlib.nullcontext():
        values, found = _centrality(G, list(dict.fromkeys([measure, size_by])))
        if apart is not None:
            apart.give(values)
        if on_notes is not None:
            on_notes(found)
        made = apart.result if apart is not None else map_of(values)  # briefing asks for the child's once it needs it
        return briefing(ds, G, title=title, files=data_files(ds), svg=b"" if fmt == "pdf" else made, map_note=note,
                        version=__version__, view=view, measure=measure, top=top, notes=found, signed=signed,
                        measured=values, draw=made if fmt == "pdf" else None)


def export(dataset, fmt: str, path: str | os.PathLike, view: View | None = None, *, guard: bool = True,
           write: bool = True, relayout: bool = False) -> dict[Path, bytes]:
    """Export a view in another tool's format (see ``graph.readwrite.FORMATS``); writes the file(s).

    Formats that carry positions carry the whole data set's map (``relayout``: the view's own).
    Returns {path: bytes} of what was (or, with ``write=False``, would be) written.
    """

    from graph.readwrite import EXPORTS

    fmt = _fmt(fmt, EXPORTS)
    G = _graph(dataset, view, relayout=relayout)
    files = encode(G, fmt, Path(path), guard=guard)
    if write:
        write_outputs(files)
    return files


def to_pyvis(dataset, view: View | None = None, *, size_by: str = "betweenness", color_by: str = "type",
             title: str | None = None, relayout: bool = False):
    """A pyvis ``Network`` with the page's colours, shapes, sizes, positions and tooltips; offline."""

    _one_of(size_by, SIZE_BY, "size_by")
    p = picture(dataset, view, title=title, color_by=color_by, timebar=False, relayout=relayout)
    return network(p.G, p.values, size_by=size_by, groups=p.groups, title=p.title)


def timeline_chart(dataset, view: View | None = None, fmt: str = "svg", *, measure: str = "betweenness",
                   top: int = 5, every: str = "year", title: str | None = None, dpi: int = 200) -> bytes:
    """The ranks over time as a bump chart: ``fmt`` 'svg', 'png' or 'pdf' (bytes).

    The steps and ranks of ``actorgraph timeline`` (see graph.analysis.timeline.timeline): each actor
    in the top ``top`` by ``measure`` at some step is a line through its rank at each step.
    """
    from graph.analysis.timeline import timeline
    from graph.output.bump import bump_chart

    fmt = _fmt(fmt, PICTURES)
    _one_of(measure, MEASURE_NAMES, "measure")
    _one_of(every, EVERY, "every")
    _count(top, "top")
    _whole(dpi, "dpi", 50, 1200)
    title = _title(title)
    ds, view = _dataset(dataset), _view(dataset, view)
    found = timeline(ds, view, measure=measure, top=top, every=every)
    title = clean_text(title) if title is not None else f"Top {top} by {measure}, by {every}: {folder_name(ds.folder)}"
    return bump_chart(found, fmt, title=title, measure=measure, dpi=dpi)


def timeline(dataset, view: View | None = None, *, measure: str = "betweenness", top: int = 5,
             every: str = "year"):
    """The network step by step, as ``actorgraph timeline``: a DataFrame with one row per step and ranked
    actor (date, actors, ties, rank, id, name, value), a step where nobody is ranked as one row without
    an actor. ``every``: 'year', 'month' or 'event'; each step is ``view`` as of its date.

    ``df.attrs["tied"]``: {date: actors tied with the last one shown and left out} where there are any;
    ``df.attrs["notes"]``: the steps where betweenness is estimated (very large networks).
    """
    import pandas as pd

    from graph.analysis.timeline import left_apart_from_dates, timeline as steps

    _one_of(measure, MEASURE_NAMES, "measure")
    _one_of(every, EVERY, "every")
    _count(top, "top")
    ds, view = _dataset(dataset), _view(dataset, view)
    found = steps(ds, view, measure=measure, top=top, every=every)
    rows = [{"date": s["date"], "actors": s["actors"], "ties": s["ties"], "rank": t.get("rank"), "id": t.get("id"),
             "name": t.get("name"), "value": t.get("value")} for s in found for t in (s["top"] or [{}])]
    df = pd.DataFrame(rows, columns=["date", "actors", "ties", "rank", "id", "name", "value"])
    df["rank"] = df["rank"].astype("Int64")
    df["value"] = pd.to_numeric(df["value"], errors="coerce").astype(float)
    df.attrs["tied"] = {s["date"]: s["tied"] for s in found if s["tied"]}
    df.attrs["notes"] = [hinted_text(r, _as_argument) for r in left_apart_from_dates(ds, view)] + [
        f"{measure}: estimated from {s['estimated_from']} sampled source actors at {s['date']}"
        for s in found if s.get("estimated_from")]
    return df


@dataclass(frozen=True)
class Diff:
    """What changed between two versions of a data set (:func:`diff`).

    ``changes``: a DataFrame of rows added, removed, changed or renamed (change, what, item, details, line:
    the row's line in the new file, or the old one for a removed row; between two dates, ties started or
    ended and actors that appeared or went inactive, with no line);
    ``ranks``: a DataFrame indexed by actor id of the actors in either version's top N (name, rank_before,
    before, rank_after, after, rank_change; ranks Int64); ``notes``: the measure's notes.
    """

    changes: object
    ranks: object
    measure: str
    notes: tuple = ()


def diff(old, new=None, *, as_of=None, view: View | None = None, measure: str = "betweenness",
         top: int = 10) -> Diff:
    """What changed from ``old`` to ``new`` (Datasets or folders), as ``actorgraph diff OLD NEW``: the rows
    (renames recognised) and the rank moves of ``view`` of each version (default: each one's default view,
    as the command line). With ``as_of=(A, B)`` and no
    ``new``: one data set at two dates, as ``actorgraph diff --as-of A --as-of B`` (changes: ties started
    and ended, actors that appeared or went inactive; each date's view is ``view`` as of it).
    """
    import pandas as pd

    from graph.analysis.ranking import rank_moves
    from graph.analysis.timeline import between
    from graph.data.diff import diff_rows, renames

    from graph.errors import BadArgument

    _one_of(measure, MEASURE_NAMES, "measure")
    _count(top, "top")
    notes: list = []
    if as_of is not None:
        if new is not None or isinstance(as_of, str) or len(as_of) != 2:
            raise BadArgument("as_of=(A, B) compares one data set at two dates: give two dates and no new",
                              field="as_of")
        found = between(_dataset(old), as_of[0], as_of[1], view, measure=measure, top=top)
        changes = between_rows(found)
        moves = found["ranks"]
        notes = [hinted_text(r, _as_argument) for r in found["left_out"]] + found["notes"]
    else:
        if new is None:
            raise BadArgument("give two versions (old, new), or one data set and as_of=(A, B)", field="new")
        a, b = _dataset(old), _dataset(new)
        renamed = renames(a, b)
        changes = diff_rows(a, b, renamed)
        seen = view if view is not None else View()
        moves = rank_moves(graph_of(a, seen), graph_of(b, seen), measure, top, renamed, notes)
    changes = pd.DataFrame(changes, columns=CHANGE_COLUMNS)
    changes["line"] = changes["line"].astype("Int64")
    ranks = pd.DataFrame(moves, columns=RANK_MOVE_COLUMNS).set_index("id")
    for column in ("rank_before", "rank_after", "rank_change"):
        ranks[column] = ranks[column].astype("Int64")
    for column in ("before", "after"):
        ranks[column] = pd.to_numeric(ranks[column], errors="coerce").astype(float)
    return Diff(changes, ranks, measure, tuple(dict.fromkeys(notes)))


def frames(dataset, dates, view: View | None = None, fmt: str = "svg", *, title: str | None = None,
           size_by: str = "betweenness", color_by: str = "type", dpi: int = 200) -> bytes:
    """The map at several dates as small multiples: ``fmt`` 'svg', 'png' or 'pdf' (bytes).

    One frame per date of ``dates``, in date order (each a view as of that date; the view's other
    options apply to all), every actor at the same place and in the same colour in every frame: the scene is laid out
    once, on every actor and tie of any frame. Ties new since the previous frame are drawn thick,
    ties ended since as grey dashed ghosts, actors inactive at a frame's date faded.
    """
    from graph.output.static import static_frames

    from collections.abc import Iterable

    from graph.analysis.views import date_text
    from graph.errors import BadArgument

    fmt = _fmt(fmt, PICTURES)
    _whole(dpi, "dpi", 50, 1200)
    ds, view = _dataset(dataset), _view(dataset, view)
    view = view if view is not None else View()
    if isinstance(dates, str) or not isinstance(dates, Iterable):
        dates = [dates]
    dates = [date_text(d, "dates") for d in dates]
    if not dates:
        raise BadArgument("dates: give at least one date, one frame each", field="dates")
    if any(d is None or d.strip().lower() == "all" for d in dates):
        raise BadArgument("dates: each frame needs a date ('all', every period, is not one)", field="dates")
    dates.sort(key=_first_day)  # frames run forward in time, whatever order the dates come in
    graphs = [graph_of(ds, replace(view, as_of=d), all_ties=True) for d in dates]
    union = graph_of(ds, replace(view, as_of="all"), all_ties=True).copy()
    union.remove_edges_from([e for e in list(union.edges(keys=True)) if not any(G.has_edge(*e) for G in graphs)])
    union.remove_nodes_from([n for n in list(union) if not any(n in G for G in graphs)])
    if union.number_of_nodes() == 0:
        from graph.errors import ActorgraphError

        raise ActorgraphError(f"no actors to draw: none is active at {', '.join(dates)}")
    p = picture(ds, replace(view, as_of="all"), title=title, color_by=color_by, page=False, G=union,
                default_title="Actor map over time")
    return static_frames(p.G, p.values, graphs, dates, fmt, title=p.title, size_by=size_by, groups=p.groups, dpi=dpi,
                         measure_help=p.meanings())


def _first_day(text: str):
    """A date's first day, for sorting; an unreadable date last (the view then says what is wrong)."""
    import datetime as dt

    from graph.data.dates import parse_span

    span = parse_span(text)
    return span[0] if span else dt.date.max


@dataclass(frozen=True)
class Layout:
    """What :func:`layout` did to positions.csv: every actor's position, the actors it placed, its
    messages, the diff of the file and the data set's warnings."""

    positions: dict
    placed: tuple[str, ...]
    messages: tuple[str, ...]
    diff: str
    warnings: tuple = ()
    touched: dict = field(default_factory=dict, repr=False)  # file -> lines the edit wrote (for warnings)


def layout(folder: str | os.PathLike | None = None, *, fresh: bool = False, merge: str | os.PathLike | None = None,
           dry_run: bool = False, seed: int = 7) -> Layout:
    """Write every actor's position on the whole data set's map to the folder's positions.csv.

    Positions already in positions.csv are kept and only actors without one are placed (around
    them, pulled by their ties); ``fresh`` lays out every actor again. ``merge`` names a
    positions.csv to merge first (e.g. the page's "Save positions" download): its positions
    replace those of the same actors. The file keeps its encoding, delimiter and line endings;
    rows of actors no longer in actors.csv are dropped. Bad data, or a bad ``merge`` file,
    raise DataError (``file:line`` problems) and nothing is written; ``dry_run`` writes nothing.
    """
    from graph.analysis.views import full_graph
    from graph.data.csvio import read_csv
    from graph.data.edit import edit_folder
    from graph.data.load import POSITIONS_FILE, table_rows
    from graph.data.positions import read_positions
    from graph.data.problems import DataError, Problem
    from graph.data.schema import POSITION_COLUMNS
    from graph.picture.scene import base_positions

    found, _how = locate(Path(folder) if folder is not None else None)
    incoming = None
    if merge is not None:
        own = found / POSITIONS_FILE
        if Path(merge).resolve() == own.resolve():
            raise DataError([Problem(display_path(own), 0, "merge-own-positions",
                                     "this is the data set's own positions.csv: merge the file that the page's"
                                     " Save positions downloaded")])
        incoming, problems = read_csv(Path(merge), display_path(Path(merge)))
        if incoming is None or problems:
            raise DataError(problems)
    result: dict = {}

    def change(editor):
        ds = editor.dataset
        errors = [p for p in ds.problems if p.severity == "error"]
        saved = display_path(found / POSITIONS_FILE)
        if fresh and errors and all(p.path == saved for p in errors):  # laid out afresh: the saved rows go
            editor.renew_positions()
            errors = []
        if errors:
            raise DataError(ds.problems)
        pins = {} if fresh else dict(ds.positions)
        if incoming is not None:
            rows, problems = table_rows(incoming, POSITION_COLUMNS)
            if rows is not None:
                merged, more = read_positions(rows, incoming.display, ds.actors)
                problems += more
            if rows is None or any(p.severity == "error" for p in problems):
                raise DataError(problems)
            result["merge_warnings"] = problems
            pins.update(merged)
            editor.messages.append(f"merged {len(merged)} position{'s' * (len(merged) != 1)} from {incoming.display}")
        where = base_positions(full_graph(ds), seed, pins=pins)
        counts = editor.set_positions(where)
        placed = tuple(v for v in where if v not in pins)
        result.update(positions=where, placed=placed)
        editor.messages.append(f"placed {len(placed)} actor{'s' * (len(placed) != 1)}, kept"
                               f" {len(where) - len(placed)}; {counts['changed']} row{'s' * (counts['changed'] != 1)}"
                               f" changed, {counts['added']} added, {counts['dropped']} dropped (actors no longer"
                               " in actors.csv)")

    editor, warnings = edit_folder(found, change, dry_run)
    return Layout(result["positions"], result["placed"], tuple(editor.messages), editor.diff(),
                  tuple(result.get("merge_warnings", ())) + tuple(warnings), editor.touched())
