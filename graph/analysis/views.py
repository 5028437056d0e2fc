"""The part of the network a question looks at: a frozen ``View`` and the graph it selects.

A view is written as a user would say it (actor names or aliases, kind spellings,
dates as typed); :meth:`View.resolve` checks it against a data set and turns it into
ids and kind names, raising errors that name the field at fault.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.analysis.build import LAYOUT_OF, TIES, Restriction, build_graph, select
from graph.analysis.grades import GradeError, parse_grade
from graph.data.dates import parse_span, today
from graph.data.kinds import resolve_kind
from graph.data.resolve import ActorNotFound
from graph.errors import ActorgraphError, BadArgument, Hint, InvalidDate, UnknownKind

__all__ = ["View", "ResolvedView", "STATUSES", "CONFIDENCES"]

STATUSES = ("actual", "planned", "recommended")
TIME_STATES = ("ended",)  # --status ended: ties whose until has passed at the view's date
CONFIDENCES = ("stated", "implied")


class NoDatedSources(ActorgraphError):
    """--known-on on a data set whose sources have no published date."""


def _tuple(value, field: str) -> tuple:
    """Names as a tuple of strings: one name, or an iterable of them; anything else is a BadArgument."""
    from collections.abc import Iterable, Mapping

    if value is None:
        return ()
    items = (value,) if isinstance(value, str) else tuple(value) if isinstance(value, Iterable) and not isinstance(
        value, (bytes, Mapping)) else None
    if items is None or not all(isinstance(v, str) for v in items):
        raise BadArgument(f"{field} takes names (a str, or a list of them), not {value!r}", text=repr(value),
                          field=field)
    return items


def date_text(value, field: str):
    """A date given as a str, a year (int), or a date, datetime or pandas Timestamp (as YYYY-MM-DD)."""
    import datetime as dt

    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}" if 0 < value <= 9999 else str(value)
    if isinstance(value, dt.date):  # datetime and pandas' Timestamp are dates too
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    raise BadArgument(f"{field} takes a date (a str such as '2020-09', a year, or a datetime.date), not {value!r}",
                      text=repr(value), field=field)


@dataclass(frozen=True)
class View:
    """What part of the network to look at; the default is every actual tie of every kind.

    relations: relation kinds to keep (names, spelling variants or inverse wordings); empty keeps all.
    statuses: statuses to keep besides ``actual`` ('planned', 'recommended'), or 'all'; ``None``
        (the default) means actual ties only, while a page still holds the others, off.
        'ended' adds the ties whose ``until`` has passed at the view's date ('all' adds them too).
    as_of: keep ties in force on this date (YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY, MM/YYYY);
        ``None`` (the default) means ``today``, and 'all' keeps every period.
    known_on: keep ties known by the end of this date: a tie is known from the earliest ``published``
        date of its sources (sources.csv); a tie with no dated source is known since an unknown
        date, and kept (counted in the view's note).
    today: the date of a view without ``as_of`` (YYYY-MM-DD); ``None`` means
        :func:`graph.data.dates.today` ($ACTORGRAPH_TODAY, else the calendar date).
    without: actors to leave out (ids, names or aliases).
    min_grade: keep ties graded this well or better (Admiralty code, e.g. 'B3').
    confidence: 'stated' keeps stated ties; 'implied' stated and implied ones.
    ties: the network measured: 'cooperative' (the default: ties of cooperative kinds), 'hostile'
        or 'all'; a data set without hostile kinds is all cooperative, so this leaves nothing out.

    >>> View(without="Barkhane").without
    ('Barkhane',)
    """

    relations: tuple[str, ...] = ()
    statuses: tuple[str, ...] | None = None
    as_of: str | None = None
    without: tuple[str, ...] = ()
    min_grade: str | None = None
    confidence: str | None = None
    ties: str | None = None
    today: str | None = None
    known_on: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "relations", _tuple(self.relations, "relations"))
        object.__setattr__(self, "without", _tuple(self.without, "without"))
        if self.statuses is not None:
            object.__setattr__(self, "statuses", _tuple(self.statuses, "statuses"))
        for name in ("as_of", "known_on", "today"):
            object.__setattr__(self, name, date_text(getattr(self, name), name))
        for name in ("min_grade", "confidence", "ties"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise BadArgument(f"{name} takes a str, not {value!r}", text=repr(value), field=name)

    def kept_statuses(self) -> frozenset | None:
        """The statuses measured: actual plus those asked for; None for every status."""
        asked = {s.lower() for s in self.statuses or ()} - set(TIME_STATES)
        return None if "all" in asked else frozenset({"actual"} | asked)

    def keeps_ended(self) -> bool:
        """Whether ended ties are kept (--status ended or all)."""
        return bool({s.lower() for s in self.statuses or ()} & {"ended", "all"})

    def date(self) -> str | None:
        """The view's date as asked (``as_of``, else today); None for every period ('all')."""
        if self.as_of is not None and self.as_of.strip().lower() == "all":
            return None
        return self.as_of or self.today or today()

    def kept_ties(self) -> str:
        """The network measured: 'cooperative' unless the view asks for 'hostile' or 'all'."""
        return (self.ties or "cooperative").lower()

    def resolve(self, dataset) -> ResolvedView:
        """Ids and kind names for this view in ``dataset``; every reference checked.

        Raises ActorNotFound (field 'without'), UnknownKind ('relations'), InvalidDate
        ('as_of'), GradeError ('min_grade') or ValueError-like ActorgraphErrors for
        statuses and confidence, each with suggestions where there are any.
        """
        if self.as_of and self.date() is not None and parse_span(self.as_of) is None:
            raise InvalidDate(f"'{self.as_of}' is not a date", field="as_of", text=self.as_of)
        if self.as_of is None and self.today and parse_span(self.today) is None:
            raise InvalidDate(f"'{self.today}' is not a date", field="today", text=self.today)
        if self.known_on is not None:
            if parse_span(self.known_on) is None:
                raise InvalidDate(f"'{self.known_on}' is not a date", field="known_on", text=self.known_on)
            sources = (getattr(dataset, "sources", None) or {}).values()
            if not any(parse_span(row.get("published") or "") for row in sources):
                raise NoDatedSources("no source has a published date in sources.csv, so no tie can be dated by when"
                                     " it was known: give sources a published date,", field="known_on",
                                     hint=Hint("or leave out", (("known_on", None),)))
        for s in self.statuses or ():
            if s.lower() not in STATUSES + TIME_STATES + ("all",):
                raise UnknownKind(f"unknown status '{s}' (statuses: {', '.join(STATUSES + TIME_STATES)}, all)",
                                  field="statuses", text=s, allowed=STATUSES + TIME_STATES + ("all",))
        confidence = self.confidence.lower() if self.confidence else None
        if confidence is not None and confidence not in CONFIDENCES:
            raise UnknownKind(f"unknown confidence '{self.confidence}' (stated or implied)", field="confidence",
                              text=self.confidence, allowed=CONFIDENCES)
        if self.kept_ties() not in TIES:
            raise UnknownKind(f"unknown network '{self.ties}' (ties: {', '.join(TIES)})", field="ties", text=self.ties,
                              allowed=TIES)
        grade = None
        if self.min_grade:
            try:
                grade = "".join(parse_grade(self.min_grade))
            except GradeError as exc:
                exc.field = "min_grade"
                raise
        ids = []
        for text in self.without:
            try:
                ids.append(dataset.index.resolve(text))
            except ActorNotFound as exc:
                exc.field = "without"
                raise
        kinds = [relation_kind(dataset.kinds, text) for text in self.relations]
        return ResolvedView(relations=frozenset(kinds) or None, statuses=self.kept_statuses(), as_of=self.date(),
                            without=tuple(ids), min_grade=grade, confidence=confidence, ties=self.kept_ties(),
                            default_date=self.as_of is None, ended=self.keeps_ended(), known_on=self.known_on)


@dataclass(frozen=True)
class ResolvedView:
    """A view in a data set's own terms: kind names, actor ids, a normalised grade."""

    relations: frozenset | None = None
    statuses: frozenset | None = frozenset({"actual"})
    as_of: str | None = None
    without: tuple[str, ...] = ()
    min_grade: str | None = None
    confidence: str | None = None
    ties: str = "cooperative"
    default_date: bool = False
    ended: bool = False
    known_on: str | None = None
    extra: dict = field(default_factory=dict, compare=False)

    def select(self, G, statuses=..., ties=...):
        """G restricted to this view (``statuses``/``ties`` override the view's, e.g. None to keep all).

        A view dated after the newest published date of the sources its ties rest on gets a
        'beyond_sources' Restriction (values: the date, that published date): the data cannot
        say what changed since.
        """
        H = select(G, relations=self.relations, as_of=self.as_of, without=self.without,
                      statuses=self.statuses if statuses is ... else statuses, min_grade=self.min_grade,
                      confidence=self.confidence, ties=self.ties if ties is ... else ties,
                      default_date=self.default_date, ended=self.ended, known_on=self.known_on)
        newest = newest_source(H) if self.as_of else None
        if newest and parse_span(self.as_of)[0] > parse_span(newest)[1]:
            H.graph["restrictions"] = [*H.graph.get("restrictions", ()),
                                       Restriction("beyond_sources", (self.as_of, newest))]
        return H


def newest_source(G) -> str | None:
    """The newest published date (as written) of the sources G's ties cite; None when none is dated."""
    sources, best = G.graph.get("sources") or {}, None
    cited = {s.strip() for _, _, d in G.edges(data="sources") for s in (d or "").split(";")}
    for sid in sorted(cited & set(sources)):
        text = sources[sid].get("published") or ""
        span = parse_span(text)
        if span and (best is None or span[1] > parse_span(best)[1]):
            best = text
    return best


def relation_kind(kinds, text: str) -> str:
    """A kind of the vocabulary from what was typed (spelling variants and inverse wordings too)."""
    return resolve_kind(kinds, text, field="relations")[0]


def graph_of(dataset, view: View | None = None, *, all_statuses: bool = False, all_ties: bool = False,
             relayout: bool = False):
    """The networkx MultiDiGraph of ``dataset`` restricted to ``view``.

    ``all_statuses``: keep planned and recommended ties too unless the view names statuses
    (a page holds them all and shows them on demand). ``all_ties``: keep hostile and neutral
    ties too unless the view names a network (a picture draws them, apart; measures leave them out).
    Its ``graph["layout_of"]`` is the whole data set's graph, so that pictures draw the view's
    actors where the whole map has them; ``relayout`` leaves it out (a layout of the view alone).
    """
    view = view or View()
    resolved = view.resolve(dataset)
    keep_all = all_statuses and view.statuses is None
    ties = None if all_ties and view.ties is None else resolved.ties
    full = full_graph(dataset)
    H = resolved.select(full, statuses=None if keep_all else resolved.statuses, ties=ties)
    if not relayout:
        H.graph[LAYOUT_OF] = full
    return H


def full_graph(dataset):
    """The data set's whole graph, built once per Dataset and frozen: views select from it."""
    import networkx as nx

    G = dataset.__dict__.get("_full_graph")
    if G is None:
        G = nx.freeze(build_graph(dataset))
        dataset.__dict__["_full_graph"] = G
    return G
