"""Partial ISO dates (2025, 2025-02, 2025-02-11) as spans of days, and the rules on them.

A partial date is a span: ``2025-02`` is any day from 2025-02-01 to 2025-02-28. Two
rules read it:

- **published by** ``D``: a document counts as published by ``D`` only when its
  whole span ends on or before ``D``'s (the latest it can have appeared). ``2025-02``
  is published by ``2025-02-28`` and by ``2025-03``, not by ``2025-02-01`` nor by
  ``2025-02-27``. An undated document is never published by any date.
- **not older**: documents ``A`` are not older than documents ``B`` unless the latest
  day of any of ``A`` falls before the earliest day of any of ``B`` (``A`` is then
  certainly older). Undated documents are never certainly older.
- **order** (the timeline's): documents by the earliest day their date can mean, and
  two documents whose spans share a day are in an *uncertain* order
  (:func:`spans_overlap`): ``2025-02`` may come before or after ``2025-02-11``, so a
  reader is told so instead of being shown a chronology the dates cannot support.
  :func:`date_words` says how precise a date is (``2025-02 (month only)``).

Example
-------
>>> published_by("2025-02", "2025-02-28"), published_by("2025-02", "2025-02-01")
(True, False)
>>> not_older(["2025-02"], ["2025-02-11"]), not_older(["2025-01-31"], ["2025-02"])
(True, False)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from arggraph.errors import ArgGraphError

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_span(date: str) -> tuple[dt.date, dt.date]:
    """The first and last day a partial ISO date can mean.

    >>> date_span("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))

    Raises
    ------
    ArgGraphError
        When ``date`` is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or no such day.
    """
    match = _DATE.match(date)
    try:
        if match is None:
            raise ValueError
        year = int(match.group(1))
        month, day = (int(g) if g else None for g in match.groups()[1:])
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise ArgGraphError(
            f"{date!r} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-02-11)"
        ) from None


def published_by(document_date: str | None, as_of: str) -> bool:
    """Whether a document of ``document_date`` is surely published by ``as_of``."""
    if document_date is None:
        return False
    return date_span(document_date)[1] <= date_span(as_of)[1]


def date_words(date: str | None) -> str:
    """A date as a reader should see it: how precise it is, or that there is none.

    >>> date_words("2025-02-11"), date_words("2025-02"), date_words("2025"), date_words(None)
    ('2025-02-11', '2025-02 (month only)', '2025 (year only)', 'undated')
    """
    if date is None:
        return "undated"
    date_span(date)  # refuse what is not a date
    precision = {4: " (year only)", 7: " (month only)"}.get(len(date), "")
    return date + precision


def spans_overlap(first: str | None, second: str | None) -> bool:
    """Whether two documents' dates share a day, so neither is surely the earlier.

    An undated document overlaps every document: its place in any order is unknown.

    >>> spans_overlap("2025-02", "2025-02-11"), spans_overlap("2025-02-11", "2025-02-28")
    (True, False)
    """
    if first is None or second is None:
        return True
    (a_start, a_end), (b_start, b_end) = date_span(first), date_span(second)
    return a_start <= b_end and b_start <= a_end


def not_older(answer: Iterable[str | None], claim: Iterable[str | None]) -> bool:
    """Whether documents dated ``answer`` are not certainly older than those dated ``claim``."""
    ends = [date_span(d)[1] for d in answer if d is not None]
    starts = [date_span(d)[0] for d in claim if d is not None]
    if not ends or not starts:
        return True
    return max(ends) >= min(starts)


__all__ = ["date_span", "date_words", "not_older", "published_by", "spans_overlap"]
