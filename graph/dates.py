"""Dates in the data: a year, a year-month or a day, each read as a span of days."""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["parse_span", "DateSpan"]

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")  # ASCII digits only

DateSpan = tuple[dt.date, dt.date]


def parse_span(text: str) -> DateSpan | None:
    """The first and last day a date string covers, or None when malformed.

    >>> parse_span("2019")
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    >>> parse_span("2020-02")[1], parse_span("2020-08-18")[0]
    (datetime.date(2020, 2, 29), datetime.date(2020, 8, 18))
    >>> parse_span("2019-13") is None
    True
    """
    m = _DATE_RE.match(text.strip())
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        day_ = dt.date(year, month, day)
        return day_, day_
    except ValueError:
        return None
