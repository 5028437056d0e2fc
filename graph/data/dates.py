"""Dates in the data: a year, a month or a day, each read as a span of days.

ISO forms (``2019``, ``2019-06``, ``2020-08-18``) and the day-first forms that Dutch,
Belgian, French and German spreadsheets save (``18/08/2020``, ``18-08-2020``,
``18.08.2020``, one-digit day or month too). ASCII digits only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["parse_span", "DateSpan"]

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})\Z")

DateSpan = tuple[dt.date, dt.date]


def parse_span(text: str) -> DateSpan | None:
    """The first and last day a date string covers, or None when malformed or impossible.

    >>> parse_span("2019")
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    >>> parse_span("2020-02")[1], parse_span("2020-08-18")[0], parse_span("18/08/2020")[0]
    (datetime.date(2020, 2, 29), datetime.date(2020, 8, 18), datetime.date(2020, 8, 18))
    >>> parse_span("2019-13") is None, parse_span("31.02.2021") is None
    (True, True)
    """
    text = text.strip()
    m = _ISO.match(text)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
    else:
        m = _DAY_FIRST.match(text)
        if not m:
            return None
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
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
