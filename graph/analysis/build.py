"""Build the networkx model of a data set, and the views the analyses run on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.data.dates import parse_span
from graph.data.schema import CONFIDENCE_VALUES, RELATIONS, kinds_of, status_of
import copy

__all__ = ["TIES", "build_graph", "select", "simple_undirected", "simple_directed", "Restriction", "restrictions",
           "valid_on", "time_state", "inactive_actors", "known_from"]


@dataclass(frozen=True)
class Restriction:
    """What one restriction of a view left out, as facts (graph.output.words says it in words).

    ``what``: 'statuses', 'without', 'relations', 'as_of', 'today' (the default date), 'inactive'
    (actors), 'known_on', 'beyond_sources' (values: the date, the newest published date), 'confidence', 'min_grade', 'ties' or 'focus';
    ``values``: what was asked (statuses, actor names, kinds, the date, the levels kept, the grade,
    the network kept, the focus actor's name); ``actors``/``relations``: how many were left out;
    ``by_status``: ties left out per status (per polarity, for 'ties'; per state, 'ended' or 'not yet',
    for dates; ('undated', n) ties kept for 'known_on'); ``depth``: steps out, for 'focus'.
    """

    what: str
    values: tuple[str, ...] = ()
    actors: int = 0
    relations: int = 0
    by_status: tuple[tuple[str, int], ...] = ()
    depth: int = 0


def restrictions(G) -> list[Restriction]:
    """The restrictions the user asked for that left something out of G, in the order applied."""
    return list(G.graph.get("restrictions", []))


def build_graph(dataset):
    """A MultiDiGraph: nodes carry every actor column, edges every relation column.

    Each edge's ``relation`` is its kind; its key is the kind too, numbered when one tie
    has several rows (periods that stop and restart): ``trains``, ``trains#2``. A symmetric
    relation is stored once, in the direction it was written, and every view treats it
    as symmetric. ``G.graph["kinds"]`` is the data set's vocabulary, ``G.graph["sources"]``
    its sources.csv (id -> row), ``G.graph["types"]`` its types.csv (type -> TypeStyle) and
    ``G.graph["type_order"]`` every type of the whole data set in order of first appearance: every
    view of the data set keeps them, so its colours and shapes are the full data set's.
    ``G.graph["positions"]`` holds the actors pinned in positions.csv (id -> (x, y)).
    """
    import networkx as nx

    kinds = getattr(dataset, "kinds", RELATIONS)
    declared = dict(getattr(dataset, "types", None) or {})
    G = nx.MultiDiGraph(kinds=kinds, sources=dict(getattr(dataset, "sources", None) or {}), types=declared,
                        type_order=tuple(dict.fromkeys(a["type"] for a in dataset.actors if a["type"])),
                        positions=dict(getattr(dataset, "positions", None) or {}))
    for a in dataset.actors:
        G.add_node(a["id"], **{k: v for k, v in a.items() if k != "id"})
    for r in dataset.relations:
        attrs = {k: v for k, v in r.items() if k not in ("source", "target")}
        attrs["directed"] = kinds[r["relation"]].directed
        key, n = r["relation"], 1
        while G.has_edge(r["source"], r["target"], key=key):
            n += 1
            key = f"{r['relation']}#{n}"
        G.add_edge(r["source"], r["target"], key=key, **attrs)
    return G


LAYOUT_OF = "layout_of"  # G.graph key: the whole data set's graph, whose map every view of it keeps

TIES = ("cooperative", "hostile", "all")  # the networks --ties picks; a kind's polarity is in kinds.csv


def select(G, relations=None, as_of: str | None = None, without=(), statuses=("actual",),
           min_grade: str | None = None, confidence: str | None = None, ties: str | None = None,
           default_date: bool = False, ended: bool = False, known_on: str | None = None):
    """A copy of G restricted to some relation kinds and statuses, to the date as_of, without some actors.

    ``as_of`` keeps the relations in force on that day (a year or month means its first day);
    ``ended`` keeps those whose ``until`` has passed too. ``default_date``: ``as_of`` is the
    view's default (today), noted as a 'today' Restriction only when it leaves ties out
    (``by_status``: ended and not-yet ties left out).
    ``statuses`` keeps relations of those statuses (actual ones by default; None keeps all).
    ``min_grade`` (e.g. 'B3') keeps relations graded that well or better (see graph.analysis.grades);
    ``confidence`` 'stated' keeps stated relations only, 'implied' stated and implied ones.
    ``ties`` 'cooperative' keeps the ties of cooperative kinds, 'hostile' those of hostile kinds,
    'all' or None every tie; it leaves nothing out of a data set without hostile kinds.
    ``H.graph["restrictions"]`` lists what each restriction the user asked for left out, as
    Restriction facts (for the page's banner); the default (actual ties only) is noted in
    ``H.graph["hidden"]``.
    When nothing is left out, H shares G's actors and ties and is frozen (copy it to change it).
    """
    kinds = kinds_of(G)
    keep = None if ties in (None, "all") or not kinds.signed else kinds.of_polarity(ties)
    if keep is not None and all(d in keep for _, _, d in G.edges(data="relation")):
        keep = None
    day = parse_span(as_of)[0] if as_of else None
    if as_of and default_date and all(valid_on(d, day) for _, _, d in G.edges(data=True)) and all(
            valid_on(a, day) for _, a in G.nodes(data=True)):
        as_of = None  # the default date leaves nothing out: no restriction to note
    asked = known_on or without or relations or as_of or min_grade or confidence
    if keep is None and not asked and (
            statuses is None or all(status_of(d) in statuses for _, _, d in G.edges(data=True))):
        H = _shallow(G)  # nothing to leave out: the ties are shared, not copied
        H.graph["restrictions"] = restrictions(G)
        H.graph["hidden"] = {} if statuses is not None and set(statuses) == {"actual"} else H.graph.get("hidden", {})
        return H
    H = G.copy()
    notes = restrictions(G)
    if statuses is not None:
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if status_of(d) not in statuses]
        H.remove_edges_from(drop)
        counts: dict[str, int] = {}
        for u, v, k in drop:
            counts[status_of(G.edges[u, v, k])] = counts.get(status_of(G.edges[u, v, k]), 0) + 1
        if set(statuses) == {"actual"}:
            H.graph["hidden"] = counts
        elif drop:
            notes.append(Restriction("statuses", tuple(sorted(statuses)), relations=len(drop),
                                     by_status=tuple(sorted(counts.items()))))
    if without:
        names = tuple(G.nodes[n].get("name", n) for n in without)
        edges = H.number_of_edges()
        H.remove_nodes_from(without)
        notes.append(Restriction("without", names, actors=len(without), relations=edges - H.number_of_edges()))
    if relations:
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d["relation"] not in relations]
        H.remove_edges_from(drop)
        notes.append(Restriction("relations", tuple(sorted(relations)), relations=len(drop)))
    if as_of:
        day = parse_span(as_of)[0]
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True)
                if not valid_on(d, day) and not (ended and time_state(d, day) == "ended")]
        H.remove_edges_from(drop)
        states = _counts(time_state(G.edges[e], day) for e in drop)
        if not default_date:
            notes.append(Restriction("as_of", (as_of,), relations=len(drop), by_status=states))
        elif drop:
            notes.append(Restriction("today", (as_of,), relations=len(drop), by_status=states))
        gone = [n for n in inactive_actors(G, day, ended) if n in H]
        if gone:
            edges = H.number_of_edges()
            H.remove_nodes_from(gone)
            notes.append(Restriction("inactive", (as_of,), actors=len(gone), relations=edges - H.number_of_edges()))
    if known_on:
        last, sources = parse_span(known_on)[1], G.graph.get("sources") or {}
        when = {e: known_from(H.edges[e], sources) for e in H.edges(keys=True)}
        drop = [e for e, day in when.items() if day is not None and day > last]
        H.remove_edges_from(drop)
        undated = sum(1 for e, day in when.items() if day is None)
        notes.append(Restriction("known_on", (known_on,), relations=len(drop), by_status=(("undated", undated),)))
    if confidence:
        allowed = CONFIDENCE_VALUES[:CONFIDENCE_VALUES.index(confidence) + 1]
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d.get("confidence") not in allowed]
        H.remove_edges_from(drop)
        notes.append(Restriction("confidence", tuple(allowed), relations=len(drop)))
    if min_grade:
        from graph.analysis.grades import grade, meets, parse_grade

        minimum, sources = parse_grade(min_grade), G.graph.get("sources") or {}
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if not meets(grade(d, sources), minimum)]
        H.remove_edges_from(drop)
        notes.append(Restriction("min_grade", ("".join(minimum),), relations=len(drop)))
    if keep is not None:
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data="relation") if d not in keep]
        counts: dict[str, int] = {}
        for u, v, k in drop:
            polarity = kinds[H.edges[u, v, k]["relation"]].polarity
            counts[polarity] = counts.get(polarity, 0) + 1
        H.remove_edges_from(drop)
        if drop:
            notes.append(Restriction("ties", (ties,), relations=len(drop), by_status=tuple(sorted(counts.items()))))
    H.graph["restrictions"] = notes
    return H


def valid_on(edge: dict, day: dt.date) -> bool:
    """Whether a relation holds on a day, by its since/until columns."""
    since, until = edge.get("since"), edge.get("until")
    if since and parse_span(since)[0] > day:
        return False
    if until and parse_span(until)[1] < day:
        return False
    return True


def known_from(edge: dict, sources: dict) -> dt.date | None:
    """The first day a tie was known: the earliest published date of its sources; None when no
    source of it has a date ("known since an unknown date")."""
    days = [parse_span(sources[s].get("published") or "") for s in (edge.get("sources") or "").split(";")
            if s.strip() in sources]
    days = [d[0] for d in days if d]
    return min(days, default=None)


def inactive_actors(G, day: dt.date, ended: bool = False) -> list[str]:
    """Actors inactive on a day: outside their own since/until, or with ties none of which is in
    force (``ended``: ended ties and actors count as active)."""
    keep = "ended" if ended else None
    active = {n for u, v, d in G.edges(data=True) if time_state(d, day) in ("in force", keep) for n in (u, v)}
    return sorted(n for n, a in G.nodes(data=True)
                  if time_state(a, day) not in ("in force", keep) or (G.degree(n) and n not in active))


def time_state(edge: dict, day: dt.date) -> str:
    """'in force', 'ended' (its until has passed) or 'not yet' (its since is ahead) on a day."""
    since, until = edge.get("since"), edge.get("until")
    if until and parse_span(until)[1] < day:
        return "ended"
    if since and parse_span(since)[0] > day:
        return "not yet"
    return "in force"


def _counts(items) -> tuple[tuple[str, int], ...]:
    found: dict[str, int] = {}
    for item in items:
        found[item] = found.get(item, 0) + 1
    return tuple(sorted(found.items()))


def simple_undirected(G):
    """One tie per actor pair, whatever the number and direction of relations."""
    import networkx as nx

    H = nx.Graph()
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v) for u, v in G.edges())
    return H


def simple_directed(G):
    """One arc per ordered pair; a symmetric relation gives arcs both ways."""
    import networkx as nx

    kinds = kinds_of(G)
    H = nx.DiGraph()
    H.add_nodes_from(G.nodes(data=True))
    for u, v, kind in G.edges(data="relation"):
        H.add_edge(u, v)
        if not kinds[kind].directed:
            H.add_edge(v, u)
    return H


def _shallow(G):
    """G's actors and ties under a graph dict of its own, frozen: copy it before changing it."""

    import networkx as nx

    H = copy.copy(G)
    H.graph = dict(G.graph)
    return nx.freeze(H)
