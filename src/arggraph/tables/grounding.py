"""Quote grounding for the engines: one document's text against all the quotes in it.

Quotes match after :mod:`arggraph.quotes`' normalisation (whitespace, quotation marks,
dashes, escapes, ignored characters) with offsets into the original text. That mapping
back to original offsets is not expressible in SQL, so both engines hand each document,
with the list of its quotes, to :func:`ground_document`, which calls
:func:`arggraph.quotes.find_quote` itself: the engines group and join, this module
matches, and the offsets are the in-memory ones by construction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from arggraph.quotes import find_quote

GROUNDING_SCHEMA = (
    ("owner_kind", "string"),
    ("owner_id", "string"),
    ("attribution", "int64"),
    ("segment", "int64"),
    ("document", "string"),
    ("found", "bool"),
    ("first_start", "int64"),
    ("first_end", "int64"),
    ("occurrences", "int64"),
    ("at_given", "bool"),
    ("given_end", "int64"),
)
"""Columns of a grounding row and their types, in order (the engines build their schemas
from it)."""


class Span(NamedTuple):
    """One quote to look up: who it belongs to, the words, and the start it was given."""

    owner_kind: str
    owner_id: str
    attribution: int
    segment: int
    quote: str
    start: int | None


class Grounded(NamedTuple):
    """Where one quote occurs in its document: first occurrence, and at its given start."""

    owner_kind: str
    owner_id: str
    attribution: int
    segment: int
    document: str
    found: bool
    first_start: int | None
    first_end: int | None
    occurrences: int
    at_given: bool
    given_end: int | None


def ground_document(document: str, text: str | None, spans: Iterable[Span]) -> list[Grounded]:
    """Every span of one document looked up in its ``text`` (``None``: nothing is found).

    ``found``/``first_*``/``occurrences`` are ``find_quote(text, quote)``; ``at_given`` and
    ``given_end`` are ``find_quote(text, quote, start=start)`` (``False`` without a start).
    """
    return [_ground(document, text, span) for span in spans]


def _ground(document: str, text: str | None, span: Span) -> Grounded:
    first = find_quote(text, span.quote) if text is not None else None
    given = (
        find_quote(text, span.quote, start=span.start)
        if text is not None and span.start is not None
        else None
    )
    return Grounded(
        span.owner_kind,
        span.owner_id,
        span.attribution,
        span.segment,
        document,
        first is not None,
        first.start if first else None,
        first.end if first else None,
        first.occurrences if first else 0,
        given is not None,
        given.end if given else None,
    )
