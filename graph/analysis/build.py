"""Build the networkx model of a data set, and the views the analyses run on."""

from __future__ import annotations

import datetime as dt

from graph.data.dates import parse_span
from graph.data.schema import CONFIDENCE_VALUES, RELATIONS, kinds_of, status_of

__all__ = ["build_graph", "select", "simple_undirected", "simple_directed"]


def build_graph(dataset):
    """A MultiDiGraph: nodes carry every actor column, edges every relation column.

    Each edge's ``relation`` is its kind; its key is the kind too, numbered when one tie
    has several rows (periods that stop and restart): ``trains``, ``trains#2``. A symmetric
    relation is stored once, in the direction it was written, and every view treats it
    as symmetric. ``G.graph["kinds"]`` is the data set's vocabulary, ``G.graph["sources"]``
    its sources.csv (id -> row).
    """
    import networkx as nx

    kinds = getattr(dataset, "kinds", RELATIONS)
    G = nx.MultiDiGraph(kinds=kinds, sources=dict(getattr(dataset, "sources", None) or {}))
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


def select(G, relations=None, as_of: str | None = None, without=(), statuses=("actual",),
           min_grade: str | None = None, confidence: str | None = None):
    """A copy of G restricted to some relation kinds and statuses, to the date as_of, without some actors.

    ``as_of`` keeps the relations valid on that day (a year or month means its first day).
    ``statuses`` keeps relations of those statuses (actual ones by default; None keeps all).
    ``min_grade`` (e.g. 'B3') keeps relations graded that well or better (see graph.analysis.grades);
    ``confidence`` 'stated' keeps stated relations only, 'implied' stated and implied ones.
    ``H.graph["view"]`` lists, in words, what each restriction the user asked for left out
    (for the page's banner); the default (actual ties only) is noted in ``H.graph["hidden"]``.
    When nothing is left out, H shares G's actors and ties and is frozen (copy it to change it).
    """
    if not without and not relations and not as_of and not min_grade and not confidence and (
            statuses is None or all(status_of(d) in statuses for _, _, d in G.edges(data=True))):
        H = _shallow(G)  # nothing to leave out: the ties are shared, not copied
        H.graph["view"] = list(G.graph.get("view", []))
        H.graph["hidden"] = {} if statuses is not None and set(statuses) == {"actual"} else H.graph.get("hidden", {})
        return H
    H = G.copy()
    notes = list(G.graph.get("view", []))
    if statuses is not None:
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if status_of(d) not in statuses]
        H.remove_edges_from(drop)
        counts: dict[str, int] = {}
        for u, v, k in drop:
            counts[status_of(G.edges[u, v, k])] = counts.get(status_of(G.edges[u, v, k]), 0) + 1
        left = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        if set(statuses) == {"actual"}:
            H.graph["hidden"] = counts
        elif drop:
            notes.append(f"only {', '.join(sorted(statuses))} ties: {left} left out")
    if without:
        names = ", ".join(G.nodes[n].get("name", n) for n in without)
        edges = H.number_of_edges()
        H.remove_nodes_from(without)
        notes.append(f"without {names}: {_count(len(without), 'actor')} and"
                     f" {_count(edges - H.number_of_edges(), 'relation')} left out")
    if relations:
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d["relation"] not in relations]
        H.remove_edges_from(drop)
        notes.append(f"only {', '.join(sorted(relations))} relations: {_count(len(drop), 'other')} left out")
    if as_of:
        day = parse_span(as_of)[0]
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if not valid_on(d, day)]
        H.remove_edges_from(drop)
        notes.append(f"as of {as_of}: {_count(len(drop), 'relation')} not valid on that date left out")
    if confidence:
        allowed = CONFIDENCE_VALUES[:CONFIDENCE_VALUES.index(confidence) + 1]
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d.get("confidence") not in allowed]
        H.remove_edges_from(drop)
        weaker = "with no confidence given" if len(allowed) > 1 else "implied or with no confidence given"
        notes.append(f"only {' or '.join(allowed)} ties: {_count(len(drop), 'relation')} {weaker} left out")
    if min_grade:
        from graph.analysis.grades import grade, meets, parse_grade

        minimum, sources = parse_grade(min_grade), G.graph.get("sources") or {}
        drop = [(u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if not meets(grade(d, sources), minimum)]
        H.remove_edges_from(drop)
        notes.append(f"only ties graded {''.join(minimum)} or better: {_count(len(drop), 'relation')} graded lower"
                     " or not at all left out")
    H.graph["view"] = notes
    return H


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def valid_on(edge: dict, day: dt.date) -> bool:
    """Whether a relation holds on a day, by its since/until columns."""
    since, until = edge.get("since"), edge.get("until")
    if since and parse_span(since)[0] > day:
        return False
    if until and parse_span(until)[1] < day:
        return False
    return True


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
    import copy

    import networkx as nx

    H = copy.copy(G)
    H.graph = dict(G.graph)
    return nx.freeze(H)
