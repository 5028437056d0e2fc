"""Dates in the data: a year, a month or a day, each read as a span of days.

ISO forms (``2019``, ``2019-06``, ``2020-08-18``), the day-first forms that Dutch,
Belgian, French and German spreadsheets save (``18/08/2020``, ``18-08-2020``,
``18.08.2020``, one-digit day or month too) and a month as they write it (``08/2020``,
``08-2020``, ``08.2020``). ASCII digits only; a two-digit year is refused, and
:func:`date_hint` proposes the four-digit year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

__all__ = ["parse_span", "date_hint", "DateSpan", "DATE_FORMS", "today", "TODAY_VARIABLE"]

TODAY_VARIABLE = "ACTORGRAPH_TODAY"  # the one place "today" can be pinned (tests, reproducible runs)

DATE_FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, day first DD/MM/YYYY or a month MM/YYYY"

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})\Z")
_MONTH_FIRST = re.compile(r"([0-9]{1,2})[/.-]([0-9]{4})\Z")
_SHORT_YEAR = re.compile(r"((?:[0-9]{1,2}([/.-]))?[0-9]{1,2}([/.-]))([0-9]{2})\Z")

DateSpan = tuple[dt.date, dt.date]


@functools.lru_cache(maxsize=8192)  # a data set repeats its dates: each text is read once per command
def parse_span(text: str) -> DateSpan | None:
    """The first and last day a date string covers, or None when malformed or impossible.

    >>> parse_span("2019")
    (datetime.date(2019, 1, 1), datetime.date(2019, 12, 31))
    >>> parse_span("2020-02")[1], parse_span("2020-08-18")[0], parse_span("18/08/2020")[0]
    (datetime.date(2020, 2, 29), datetime.date(2020, 8, 18), datetime.date(2020, 8, 18))
    >>> parse_span("08/2020"), parse_span("2.2020")[1]
    ((datetime.date(2020, 8, 1), datetime.date(2020, 8, 31)), datetime.date(2020, 2, 29))
    >>> parse_span("2019-13") is None, parse_span("31.02.2021") is None, parse_span("18/08/20") is None
    (True, True, True)
    """
    text = text.strip()
    m = _ISO.match(text)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
    elif (m := _DAY_FIRST.match(text)):
        day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    elif (m := _MONTH_FIRST.match(text)):
        day, month, year = None, int(m.group(1)), int(m.group(2))
    else:
        return None
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


_YEAR_FIRST = re.compile(r"(\d{4})([/.])(\d{1,2})(?:([/.])(\d{1,2}))?")


def date_hint(text: str, cell: bool = False) -> str:
    """What to write instead of a date that does not parse: a two-digit year gets its four digits, a year
    first with slashes or dots gets dashes; in a data file's ``cell``, a spreadsheet's day number its date.

    Two-digit years 00-69 are read as 20xx and 70-99 as 19xx (as POSIX ``%y`` does), only
    to propose a spelling: the data never holds a guessed century.

    >>> date_hint("18/08/20")
    "write the year in four digits: '18/08/2020'"
    >>> date_hint("06.85")
    "write the year in four digits: '06.1985'"
    >>> date_hint("2020/13")
    'use YYYY, YYYY-MM, YYYY-MM-DD, day first DD/MM/YYYY or a month MM/YYYY'
    >>> date_hint("2020/09/01"), date_hint("2020.09")
    ("write it with dashes: '2020-09-01'", "write it with dashes: '2020-09'")
    >>> date_hint("43831", cell=True)
    "a spreadsheet's day number (2020-01-01 in Excel and LibreOffice)? format the column as text and write '2020-01-01'"
    """
    text = text.strip()
    m = _SHORT_YEAR.match(text)
    if m and (not m.group(2) or m.group(2) == m.group(3)):
        year = int(m.group(4))
        proposal = f"{m.group(1)}{year + (2000 if year < 70 else 1900)}"
        if parse_span(proposal) is not None:
            return f"write the year in four digits: '{proposal}'"
    m = _YEAR_FIRST.fullmatch(text)
    if m and m.group(2) == (m.group(4) or m.group(2)):  # 2020/09/01, 2020.09: one separator, year first
        proposal = "-".join([m.group(1)] + [f"{int(g):02d}" for g in (m.group(3), m.group(5)) if g])
        if parse_span(proposal) is not None:
            return f"write it with dashes: '{proposal}'"
    if cell and text.isdigit() and 10_000 <= int(text) <= 80_000:  # 1927 to 2119 as days since 1899-12-30
        day = (dt.date(1899, 12, 30) + dt.timedelta(days=int(text))).isoformat()
        return (f"a spreadsheet's day number ({day} in Excel and LibreOffice)? format the column as text and"
                f" write '{day}'")
    return f"use {DATE_FORMS}"


def today() -> str:
    """The date a view is for by default: ``$ACTORGRAPH_TODAY`` when set (any form above, given
    as YYYY-MM-DD back), else the calendar date. The one place actorgraph reads "today".

    >>> len(today()), today()[4]
    (10, '-')
    """
    import os

    from graph.errors import InvalidDate

    text = os.environ.get(TODAY_VARIABLE, "").strip()
    if not text:
        return dt.date.today().isoformat()
    span = parse_span(text)
    if span is None:
        raise InvalidDate(f"${TODAY_VARIABLE} '{text}' is not a date; {date_hint(text)}", text=text)
    return span[0].isoformat()
