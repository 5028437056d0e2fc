"""The network over time: the dates where it changes, its state at each step, and what changed between two dates."""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import replace

from graph.analysis import metrics
from graph.analysis.metrics import centrality
from graph.analysis.build import on_days, restrictions
from graph.analysis.ranking import competition_ranks, level, rank_key, rank_moves
from graph.analysis.views import View, full_graph, graph_of
from graph.data.dates import parse_span
from graph.errors import ActorgraphError, Hint
from graph.names import EVERY

__all__ = ["EVERY", "event_dates", "steps", "timeline", "between", "NothingDated", "TooManySteps"]


class NothingDated(ActorgraphError):
    """No tie or actor has a since or until: the network does not change over time."""


def event_dates(dataset) -> list[dt.date]:
    """The days the network changes: a since's first day, the day after an until's last day (ties and actors)."""
    days = set()
    for row in [*dataset.relations, *dataset.actors]:
        if row.get("since") and parse_span(row["since"]):
            days.add(parse_span(row["since"])[0])
        until = parse_span(row["until"]) if row.get("until") else None
        if until and until[1] < dt.date.max:  # (until 9999: in force for ever, no day after it)
            days.add(until[1] + dt.timedelta(days=1))
    return sorted(days)


def steps(dataset, every: str = "year") -> list[str]:
    """The view dates of a timeline: every event date, or each year or month from the first event's to
    the last's (one more when the last event falls after the first day of its year or month).

    Raises NothingDated when no tie or actor has a date.
    """
    days = event_dates(dataset)
    if not days:
        raise NothingDated("no tie or actor has a since or until date: the network does not change over time")
    first, last = days[0], days[-1]
    if every == "event":
        _within(len(days), every, first, last)
        return [d.isoformat() for d in days]
    if every == "year":
        end = last.year + (last != dt.date(last.year, 1, 1))
        _within(end - first.year + 1, every, first, last)
        return [f"{y:04d}" for y in range(first.year, end + 1)]
    _within((last.year - first.year) * 12 + last.month - first.month + 2, every, first, last)
    months, (y, m) = [], (first.year, first.month)
    end = (last.year, last.month) if last.day == 1 else ((last.year, last.month + 1) if last.month < 12
                                                         else (last.year + 1, 1))
    while (y, m) <= end:
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y, m + 1) if m < 12 else (y + 1, 1)
    return months


MAX_CALENDAR_STEPS = 1200  # a century of months: more is a date typed wrong (0001), or more events than a
# table can show (each step is a view measured: about 20 ms at 1,000 actors)


class TooManySteps(ActorgraphError):
    """A timeline of more steps than MAX_CALENDAR_STEPS."""


def _within(count: int, every: str, first: dt.date, last: dt.date) -> None:
    if count > MAX_CALENDAR_STEPS:
        if every == "event":
            raise TooManySteps(f"{count:,} event dates from {first.isoformat()} to {last.isoformat()} are more steps"
                               f" than {MAX_CALENDAR_STEPS:,}", hint=Hint("use", (("every", "month"), ("every", "year"))),
                               field="every")
        raise TooManySteps(f"a step every {every} from {first.isoformat()} to {last.isoformat()} is {count:,} steps,"
                           f" more than {MAX_CALENDAR_STEPS:,}",
                           hint=Hint("check the dates, or use", (("every", "year" if every == "month" else "event"),)),
                           field="every")


# Betweenness is exact at every step while steps x actors x (actors + ties) stays within this
# (about 30 ns each of CPU, worker processes included, measured at 10,000 actors: 4 s). Above it,
# each step's is estimated from sampled source actors (as many as fit, at least MIN_SAMPLE), and
# the step says so.
TIMELINE_WORK = 120_000_000
MIN_SAMPLE = 100


def sample_for(steps: int, actors: int, ties: int, measure: str = "betweenness") -> int | None:
    """Source actors to estimate betweenness (or closeness) from at each step, or None: exact."""
    if measure == "closeness":  # estimated only where centrality would (very large networks): said in the step
        return metrics.forced_sample(actors, ties)
    if measure != "betweenness" or steps * actors * (actors + ties) <= TIMELINE_WORK:
        return None
    sample = max(MIN_SAMPLE, TIMELINE_WORK // (steps * (actors + ties)))
    return sample if sample < actors else None


def _top(G, measure: str, top: int, sample: int | None = None) -> tuple[list[dict], int]:
    """The first ``top`` actors by ``measure`` with their ranks, and how many more share the last one's rank."""
    values = centrality(G, [measure], sample=sample)[0].get(measure, {}) if G.number_of_nodes() else {}
    known = [level(v) for v in values.values() if v is not None and v == v]
    pool = values
    if len(known) > top:  # only the actors at or above the top-th value can be in the top: name keys for those only
        cut = heapq.nlargest(top, known)[-1]
        pool = [n for n, v in values.items() if v is not None and v == v and level(v) >= cut]
    first = heapq.nsmallest(top, pool, key=lambda n: rank_key(values[n], G.nodes[n].get("name", n), n))
    rows = [{"id": n, "v": values[n]} for n in first]  # ranks(values, G) of the first ``top``: the same
    competition_ranks(rows, "v")
    tied = len(pool) - len(first) if len(known) > top and first else 0  # the pool beyond: all at the cut's level
    return [{"rank": r["rank"], "id": n, "name": G.nodes[n].get("name", n), "value": values[n]}
            for r, n in zip(rows, first)], tied


def timeline(dataset, view: View | None = None, *, measure: str = "betweenness", top: int = 5,
             every: str = "year") -> list[dict]:
    """For each step: its date, the actors and ties in force, the top ``top`` actors by ``measure`` and
    ``tied``, how many more actors share the last one's rank (left out).

    A step whose betweenness is estimated (see TIMELINE_WORK) holds ``estimated_from``: the
    number of sampled source actors."""
    view = view or View()
    rows = []
    days = steps(dataset, every)
    resolved = replace(view, as_of=days[0]).resolve(dataset)
    base = replace(resolved, as_of=None, default_date=False).select(full_graph(dataset))  # each step: its date
    dated = on_days(full_graph(dataset), base, [parse_span(day)[0] for day in days], resolved.ended)
    for day, (G, edges) in zip(days, dated):  # the view at each date, as graph_of(dataset, replace(view, as_of=day))
        sample = sample_for(len(days), G.number_of_nodes(), edges, measure)
        first, tied = _top(G, measure, top, sample)
        rows.append({"date": day, "actors": G.number_of_nodes(), "ties": edges, "top": first, "tied": tied})
        if sample:
            rows[-1]["estimated_from"] = sample  # source actors (seeded): betweenness estimated, not exact
    return rows


def _tie(G, u, v, k) -> dict:
    d = G.edges[u, v, k]
    return {"source": u, "relation": d["relation"], "target": v, "since": d.get("since") or "",
            "until": d.get("until") or ""}


def left_apart_from_dates(dataset, view: View | None = None) -> list:
    """What a view leaves out besides its date (hostile ties, kinds, actors...), over every period: the
    Restrictions a timeline or a diff between dates says, whose steps each have a date of their own."""
    view = view or View()
    return [r for r in restrictions(graph_of(dataset, replace(view, as_of="all")))
            if r.what not in ("as_of", "today", "inactive")]


def between(dataset, first: str, second: str, view: View | None = None, *, measure: str = "betweenness",
            top: int = 10) -> dict:
    """What changed from the view at ``first`` to the view at ``second``: ties started and ended, actors that
    appeared or went inactive, and the rank moves of the actors in either top ``top`` (``notes``: the
    measure's, e.g. estimated values on a very large network; ``left_out``: the view's restrictions other
    than its date, as graph.analysis.build.Restriction, over every period)."""
    view = view or View()
    A, B = (graph_of(dataset, replace(view, as_of=day)) for day in (first, second))
    ea, eb = set(A.edges(keys=True)), set(B.edges(keys=True))
    notes: list = []
    moves = rank_moves(A, B, measure, top, notes=notes)
    return {"from": first, "to": second, "measure": measure, "notes": notes,
            "started": [_tie(B, *e) for e in sorted(eb - ea)], "ended": [_tie(A, *e) for e in sorted(ea - eb)],
            "appeared": [{"id": n, "name": B.nodes[n].get("name", n)} for n in sorted(set(B) - set(A))],
            "inactive": [{"id": n, "name": A.nodes[n].get("name", n)} for n in sorted(set(A) - set(B))],
            "ranks": moves, "left_out": left_apart_from_dates(dataset, view)}
