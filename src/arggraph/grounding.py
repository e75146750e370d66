"""Grounding: finding each quote in its document's text and recording where it stands.

:func:`ground_attributions` grounds every attribution of a graph in one go: plain quotes
(no offsets given, no segments) are found in one batch per document
(:func:`~arggraph.quotes.quote_offsets`), and the rest, and any miss, one by one
(:func:`ground_attribution`), which sets the offsets or explains the miss with the
nearest passage. Problems carry a ``path`` into the graph
(``("claims", 4, "attributions", 0, "quote")``) so a loader can place them in a file.
:mod:`arggraph.validation` calls this after the graph's structural rules.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import attrgetter, is_not, itemgetter, setitem
from typing import TYPE_CHECKING, Protocol

from arggraph.errors import Problem
from arggraph.model import SEGMENT_JOINER
from arggraph.quotes import (
    QuoteMatch,
    find_quote,
    find_quotes,
    line_and_column,
    nearest_passage,
    quote_offsets,
)

if TYPE_CHECKING:
    from arggraph.model import ArgumentGraph, Attribution, Segment


def ground_attributions(
    graph: ArgumentGraph, attributions: list[Attribution], documents: Sequence[str]
) -> list[Problem]:
    """Ground ``attributions`` (every attribution of ``graph``, claims' first) in the
    texts of ``documents`` (each one's document): offsets set, misses explained, in order."""
    # Each attribution is read once, in the order it was made (memory order), into
    # columns; only the columns are visited document by document, whose quotes are
    # looked up together (quote_offsets), one document's index live at a time.
    plain = list(map(_PLAIN.__eq__, map(_FLAGS, attributions)))
    quotes = list(map(_QUOTE, attributions))
    starts: list[int | None] = [None] * len(attributions)
    ends: list[int | None] = [None] * len(attributions)
    left: dict[str, list[int]] = {}
    for document, indices in _by_document(documents).items():
        text = graph.text_of(document)
        if text is not None:
            missed = _ground_plain_quotes(text, quotes, plain, indices, (starts, ends))
            if missed:
                left[document] = missed
    grounded = list(map(is_not, starts, repeat(None)))
    _set_all_offsets(
        list(compress(attributions, grounded)), compress(starts, grounded), compress(ends, grounded)
    )
    if not left:
        return []
    return _explained_misses(graph, attributions, left)


def _by_document(documents: Sequence[str]) -> dict[str, list[int]]:
    """The indices of ``documents`` (each attribution's) by document, in order (C loops)."""
    groups: dict[str, list[int]] = {document: [] for document in dict.fromkeys(documents)}
    deque(map(list.append, map(groups.__getitem__, documents), range(len(documents))), maxlen=0)
    return groups


def _attribution_places(graph: ArgumentGraph) -> list[tuple[int, int]]:
    """``(claim index, attribution index)`` of each of :func:`_all_attributions`.

    A relation's attribution has attribution index -1.
    """
    claims = [(i, j) for i, c in enumerate(graph.claims) for j in range(len(c.attributions))]
    relations = [(i, -1) for i, r in enumerate(graph.relations) if r.attribution is not None]
    return claims + relations


def _explained_misses(
    graph: ArgumentGraph, attributions: list[Attribution], left: dict[str, list[int]]
) -> list[Problem]:
    """Ground the attributions a batch did not (offsets, segments, misses); problems in order.

    ``left`` holds, by document, the indices into ``attributions`` still to ground.
    """
    places = _attribution_places(graph)
    found: list[tuple[int, Problem]] = []
    for document, indices in left.items():
        text = graph.text_of(document)
        if text is None:
            continue
        items = [attributions[k] for k in indices]
        find = _finder_for(text, items)
        for k, att in zip(indices, items, strict=True):
            owner, path = _owner_and_path(graph, places[k])
            problem = ground_attribution(att, text, owner, path, find=find)
            if problem is not None:
                found.append((k, problem))
    return [problem for _, problem in sorted(found, key=itemgetter(0))]


_PLAIN: tuple[bool, list[Segment], None, None] = (False, [], None, None)
"""``_FLAGS`` of a plain attribution: not implicit, no segments, no offsets given."""
_FLAGS = attrgetter("implicit", "segments", "start", "end")
_OFFSET_FIELDS = ("start", "end")
_OFFSETS = frozenset(_OFFSET_FIELDS)
_FIELDS_SET = attrgetter("__pydantic_fields_set__")
_SET_ATTRIBUTE = object.__setattr__
_QUOTE = attrgetter("quote")


def _ground_plain_quotes(
    text: str,
    quotes: list[str],
    plain: list[bool],
    indices: list[int],
    offsets: tuple[list[int | None], list[int | None]],
) -> list[int]:
    """Find the plain quotes (no offsets given, no segments) of ``text`` in a batch.

    ``indices`` are the attributions quoting ``text``; ``quotes`` and ``plain`` hold
    every attribution's quote and whether it is plain. The start and end of each
    quote found go to ``offsets`` (starts, ends) at its attribution's index. Returns
    the indices left for :func:`ground_attribution`: the others, and any plain quote
    not found (it explains the miss). Bulk operations (``map``, ``compress``) keep the
    per-quote work in C.
    """
    is_plain = list(map(plain.__getitem__, indices))
    mine = list(compress(indices, is_plain))
    found = quote_offsets(text, list(map(quotes.__getitem__, mine)))
    for column, values in zip(offsets, found, strict=True):
        deque(map(setitem, repeat(column), mine, values), maxlen=0)
    if all(is_plain) and None not in found[0]:
        return []
    starts = offsets[0]
    return [k for k in indices if starts[k] is None]


def _set_all_offsets(
    atts: list[Attribution], starts: Iterable[int | None], ends: Iterable[int | None]
) -> None:
    """:func:`_set_offsets` for each attribution and its start and end."""
    dicts = list(map(attrgetter("__dict__"), atts))
    deque(map(setitem, dicts, repeat("start"), starts), maxlen=0)
    deque(map(setitem, dicts, repeat("end"), ends), maxlen=0)
    # A new set, the old one's fields and the offsets: grown in place, a set of five
    # fields would rehash into a table twice as large (half a kilobyte more each).
    fields_set = map(set.union, map(_FIELDS_SET, atts), repeat(_OFFSETS))
    deque(map(_SET_ATTRIBUTE, atts, repeat("__pydantic_fields_set__"), fields_set), maxlen=0)


def _owner_and_path(
    graph: ArgumentGraph, place: tuple[int, int]
) -> tuple[str, tuple[str | int, ...]]:
    """Who an attribution belongs to (claim id or relation key) and its quote's path."""
    i, j = place
    if j < 0:
        return graph.relations[i].key, ("relations", i, "attribution", "quote")
    return graph.claims[i].id, ("claims", i, "attributions", j, "quote")


class QuoteFinder(Protocol):
    """What grounding looks quotes up with: :func:`~arggraph.quotes.find_quote`'s signature."""

    def __call__(self, text: str, quote: str, *, start: int | None = None) -> QuoteMatch | None:
        """Where ``quote`` occurs in ``text`` (at ``start``, if given)."""


def _finder_for(text: str, attributions: Sequence[Attribution]) -> QuoteFinder:
    """``find_quote`` on ``text``, with the quotes of ``attributions`` looked up in one batch."""
    quotes: list[str] = []
    for att in attributions:
        if not att.implicit:
            pieces: Sequence[Attribution | Segment] = att.segments or [att]
            quotes += [piece.quote for piece in pieces if piece.start is None]
    known = dict(zip(quotes, find_quotes(text, quotes), strict=True))

    def find(text: str, quote: str, *, start: int | None = None) -> QuoteMatch | None:
        if start is None and quote in known:
            return known[quote]
        return find_quote(text, quote, start=start)

    return find


def ground_attribution(
    att: Attribution,
    text: str,
    owner: str,
    path: tuple[str | int, ...],
    *,
    find: QuoteFinder = find_quote,
) -> Problem | None:
    """Set ``att.start``/``att.end`` from the text, or explain why the quote is not there.

    ``owner`` (a claim id or relation key) and ``path`` (into the graph) place the problem.
    Loaders also call it for items set aside by other problems, so that every changed
    quote is reported in the same run.

    An implicit attribution is not looked up: the text does not say it. A segmented one
    grounds each segment and spans from the first to the last. ``find`` looks quotes up
    (:func:`ground_quotes` passes one that has a document's quotes found in a batch).
    """
    if att.implicit:
        return _implicit_rules(att, owner, path)
    if att.segments:
        return _ground_segments(att, text, owner, path, find)
    return _ground_span(att, att, text, owner, path, find)


def _implicit_rules(att: Attribution, owner: str, path: tuple[str | int, ...]) -> Problem | None:
    """An implicit attribution quotes nothing, so it has neither offsets nor segments."""
    if att.segments or att.start is not None or att.end is not None:
        given = "segments" if att.segments else "start/end"
        return Problem(
            f"implicit attribution by '{att.speaker}' has {given}: an implicit claim is not "
            f"quoted from document '{att.document}'",
            code="invalid-value",
            id=owner,
            path=(*path[:-1], "segments" if att.segments else "start"),
            hint=f"remove {given}, or remove implicit: true if the document says it",
        )
    return None


def _ground_segments(
    att: Attribution, text: str, owner: str, path: tuple[str | int, ...], find: QuoteFinder
) -> Problem | None:
    joined = SEGMENT_JOINER.join(s.quote for s in att.segments)
    if att.quote != joined:
        return Problem(
            f"quote by '{att.speaker}' is not its segments joined by '{SEGMENT_JOINER}'",
            code="invalid-value",
            id=owner,
            path=path,
            hint=f'leave quote out (it is then "{_excerpt(joined, 60)}"), or make it so',
        )
    base = path[:-1]
    for k, segment in enumerate(att.segments):
        problem = _ground_span(segment, att, text, owner, (*base, "segments", k, "quote"), find)
        if problem is not None:
            return problem
    starts = [s.start for s in att.segments if s.start is not None]
    ends = [s.end for s in att.segments if s.end is not None]
    _set_offsets(att, min(starts), max(ends))
    return None


def _ground_span(
    att: Attribution | Segment,
    holder: Attribution,
    text: str,
    owner: str,
    path: tuple[str | int, ...],
    find: QuoteFinder,
) -> Problem | None:
    """Ground one exact quote: ``holder``'s own, or one of its segments."""
    match = find(text, att.quote, start=att.start)
    if match is None:
        elsewhere = find(text, att.quote) if att.start is not None else None
        if elsewhere is None:
            return _quote_miss(att, holder, text, owner, path)
        return Problem(
            f"quote by '{holder.speaker}' does not start at offset {att.start} "
            f"of document '{holder.document}'",
            code="quote-offset-mismatch",
            id=owner,
            path=(*path[:-1], "start"),
            hint=f"it occurs at offset {elsewhere.start}; fix start, or remove it to use the first",
        )
    if att.end is not None and att.end != match.end:
        return Problem(
            f"quote by '{holder.speaker}' ends at offset {match.end} of document "
            f"'{holder.document}', not {att.end}",
            code="quote-offset-mismatch",
            id=owner,
            path=(*path[:-1], "end"),
            hint="fix end, or remove start and end and let arggraph compute them",
        )
    _set_offsets(att, match.start, match.end)
    return None


def _set_offsets(att: Attribution | Segment, start: int, end: int) -> None:
    """``att.start, att.end = start, end`` as pydantic does it, without its per-call overhead.

    The models have no assignment validation, so pydantic's ``__setattr__`` only stores
    the value and marks the field set; for 100k quotes its overhead was a tenth of a load.
    """
    att.__dict__["start"], att.__dict__["end"] = start, end
    att.__pydantic_fields_set__.update(("start", "end"))


def _quote_miss(
    att: Attribution | Segment,
    holder: Attribution,
    text: str,
    owner: str,
    path: tuple[str | int, ...],
) -> Problem:
    near = nearest_passage(text, att.quote)
    if near is None or near.similarity < 0.3:
        hint = (
            "copy the words exactly from the document; nothing similar was found "
            "(if the document only implies the claim, mark the attribution implicit: true)"
        )
    else:
        line, column = line_and_column(text, near.start)
        hint = (
            f"nearest passage ({near.similarity:.0%} alike) at line {line}, column {column}, "
            f'offsets {near.start}-{near.end}: "{_excerpt(near.passage, 90)}"; '
            f'quote has "{near.quote_differs}" where the text has "{near.text_differs}"'
        )
    return Problem(
        f"quote by '{holder.speaker}' not found in document '{holder.document}': "
        f'"{_excerpt(att.quote, 60)}"',
        code="quote-not-found",
        id=owner,
        path=path,
        hint=hint,
    )


def _excerpt(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
