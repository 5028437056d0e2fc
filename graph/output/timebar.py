"""The page's time bar: every tie's period and known-on date, actor periods, and the panel's measures per step.

The page holds the ties of every period and shows those in force at the time bar's date
(graph/assets/js/timeline.js decides, as :func:`graph.analysis.build.valid_on` does). Dates
travel as ISO days: a tie's ``since`` as its first day, its ``until`` as its last day, its
known-on date as the first day of its earliest dated source.

The panel's measures at a date are those of the network at the last event on or before it.
Computing them costs one set of measures per event date, so ``render`` precomputes them
for at most ``MAX_STEPS`` dates and ``MAX_ACTOR_STEPS`` actors x dates (500 actors: 10
dates); past that cap it picks evenly spread event dates, and the panel says for which
date its measures are.
"""

from __future__ import annotations

import datetime as dt

from graph.analysis.build import known_from, select
from graph.analysis.metrics import centrality
from graph.data.dates import parse_span
from graph.names import PANEL_MEASURES

__all__ = ["time_data", "periods", "event_days", "dated", "MAX_STEPS", "MAX_ACTOR_STEPS", "TIME_NOTES"]

MAX_STEPS = 100  # event dates with precomputed measures, at most
MAX_ACTOR_STEPS = 5000  # actors x dates with precomputed measures, at most
TIME_NOTES = ("today", "as_of", "inactive", "known_on", "beyond_sources")  # the banner's notes the time bar redoes


def _first(text) -> str:
    span = parse_span(text or "")
    return span[0].isoformat() if span else ""


def _last(text) -> str:
    span = parse_span(text or "")
    return span[1].isoformat() if span else ""


def dated(G) -> bool:
    """Whether any tie or actor of G has a since or until."""
    return any(d.get("since") or d.get("until") for _, _, d in G.edges(data=True)) or any(
        a.get("since") or a.get("until") for _, a in G.nodes(data=True))


def event_days(G) -> list[str]:
    """The days G changes (ISO): a since's first day, the day after an until's last day (ties and actors)."""
    days = set()
    for d in [*(d for _, _, d in G.edges(data=True)), *(a for _, a in G.nodes(data=True))]:
        if _first(d.get("since")):
            days.add(_first(d.get("since")))
        if _last(d.get("until")) and _last(d.get("until")) < dt.date.max.isoformat():  # 9999-12-31: for ever
            days.add((dt.date.fromisoformat(_last(d.get("until"))) + dt.timedelta(days=1)).isoformat())
    return sorted(days)


def _steps(days: list[str], actors: int, date: str | None) -> list[str]:
    """The dates whose measures are precomputed: the day before the first event, then the events; evenly
    thinned to the cap, always keeping the step in force at the page's date."""
    if not days:
        return []
    first = dt.date.fromisoformat(days[0])
    before = (first - dt.timedelta(days=1)).isoformat() if first > dt.date.min else None
    steps = [before, *days] if before else list(days)
    before = steps[0]
    room = min(MAX_STEPS, MAX_ACTOR_STEPS // max(actors, 1))
    if room < 1:
        return []
    if len(steps) <= room:
        return steps
    keep = {steps[round(i * (len(steps) - 1) / max(room - 1, 1))] for i in range(room)}
    if date is not None:
        keep.add(max((s for s in steps if s <= date), default=before))
        while len(keep) > room:
            keep.remove(min(keep - {max((s for s in steps if s <= date), default=before)}))
    return sorted(keep)


def _measures(G, day: str, statuses, ties) -> dict:
    H = select(G, as_of=day, statuses=statuses, ties=ties)
    if H.number_of_nodes() == 0:
        return {}
    values, _notes = centrality(H, PANEL_MEASURES)
    return {n: [_round(values.get(m, {}).get(n)) for m in PANEL_MEASURES] for n in H}


def _round(v):
    return None if v is None or v != v else round(float(v), 6)


def periods(G) -> tuple[list[list[str]], dict[str, list[str]]]:
    """G's ties in order as [first day, last day, known from] and its actors with a period as
    {id: [first day, last day]}: ISO days, '' where there is none."""
    sources = G.graph.get("sources") or {}
    rows = []
    for _, _, d in G.edges(data=True):
        known = known_from(d, sources)
        rows.append([_first(d.get("since")), _last(d.get("until")), known.isoformat() if known else ""])
    actors = {n: [_first(a.get("since")), _last(a.get("until"))] for n, a in G.nodes(data=True)
              if a.get("since") or a.get("until")}
    return rows, actors


def time_data(G, *, date: str | None, known_on: str | None, statuses, ties, notes: list[str]) -> dict:
    """The page's ``time`` entry for G (every period): ties in the page's order ([first day, last day,
    known from], '' for none), actor periods, the page's date (None: the time filter off), the mode
    ('known' when the view asked for a known-on date), the banner's time notes at that date, and the
    measures at each step (``steps``, and per actor one list in ``PANEL_MEASURES`` order per step)."""
    rows, actors = periods(G)
    day = _first(known_on) if known_on else (_first(date) if date else None)
    steps = _steps(event_days(G), G.number_of_nodes(), day)
    values = {s: _measures(G, s, statuses, ties) for s in steps}
    return {"ties": rows, "actors": actors, "date": day, "mode": "known" if known_on else "valid",
            "notes": notes, "steps": steps, "values": values,
            "measures": list(PANEL_MEASURES), "cap": {"steps": MAX_STEPS, "actorSteps": MAX_ACTOR_STEPS}}
