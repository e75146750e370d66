"""Who holds each claim, and where, with one document left out: read once per claim.

:func:`~arggraph.analysis.positions.positions` and the leave-one-document-out runs of
:func:`~arggraph.analysis.contestedness.contested_topics` read a claim the same way:
its attributions outside the left-out document, its holders (speakers who do not only
ask it) and their named part (no groups). :class:`Holding` computes that once per
claim (:func:`voiced_documents` reads where its named holders speak), and
:class:`DocumentDates` answers "is this rebuttal in time" from date spans parsed once
per document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from arggraph.analysis.dates import date_span
from arggraph.model import Attribution, Claim


class Holding(NamedTuple):
    """A claim as read with a document left out: its attributions and its holders (a
    tuple: one is made per claim per reading, at a third of a frozen dataclass's cost)."""

    attributions: list[Attribution]
    holders: list[str]
    """Speakers who hold it (not those who only ask it), in attribution order."""
    named: list[str]
    """Its holders that are not groups."""
    documents: list[str]
    """The documents it is quoted from (repeats kept), in attribution order."""


def holding(claim: Claim, without: str | None, groups: Mapping[str, bool]) -> Holding | None:
    """The claim with ``without``'s attributions left out; None when it drops out.

    A claim drops out when it was quoted only in ``without``; an unattributed claim
    stays. ``groups`` tells which speaker ids are groups (reported views, no voice).
    """
    kept = (
        claim.attributions
        if without is None
        else [a for a in claim.attributions if a.document != without]
    )
    if not kept and claim.attributions:
        return None
    # asking a question is not holding its answer: askers are no holders
    if len(kept) == 1:  # most claims: one attribution, no dict needed
        only = kept[0]
        holders = [] if only.asked else [only.speaker]
        documents = [only.document]
    else:
        holders = list(dict.fromkeys(a.speaker for a in kept if not a.asked))
        documents = [a.document for a in kept]
    return _make(Holding, (kept, holders, [s for s in holders if not groups[s]], documents))


_make = tuple.__new__  # Holding(...) runs a Python __new__: twice the time


def voiced_documents(held: Holding) -> Sequence[str]:
    """The documents of the claim's quotes by its named holders (its voices' quotes),
    repeats kept, in attribution order; may be ``held``'s own list: not to be mutated."""
    if len(held.attributions) == 1:  # most claims: its one quote is its named holder's
        return held.documents if held.named else ()
    named = set(held.named)
    return [a.document for a in held.attributions if a.speaker in named]


@dataclass
class DocumentDates:
    """Each document's date as a span of days, parsed the first time it is needed."""

    dates: Mapping[str, str | None]
    _spans: dict[str, tuple[date, date] | None] = field(default_factory=dict)
    dated: bool = field(init=False)
    """Whether any document has a date: without one, every rebuttal is in time."""

    def __post_init__(self) -> None:
        self.dated = any(d is not None for d in self.dates.values())

    def span(self, document: str) -> tuple[date, date] | None:
        if document not in self._spans:
            raw = self.dates.get(document)
            self._spans[document] = None if raw is None else date_span(raw)
        return self._spans[document]

    def latest_end(self, documents: Iterable[str]) -> date | None:
        """The last day any of the dated ``documents`` can mean; None if none is dated."""
        return max((s[1] for s in map(self.span, documents) if s is not None), default=None)

    def earliest_start(self, documents: Iterable[str]) -> date | None:
        """The first day any of the dated ``documents`` can mean; None if none is dated."""
        return min((s[0] for s in map(self.span, documents) if s is not None), default=None)

    def not_older(self, answer: Iterable[str], claim: Iterable[str]) -> bool:
        """:func:`~arggraph.analysis.dates.not_older` over document ids."""
        if not self.dated:
            return True
        end, start = self.latest_end(answer), self.earliest_start(claim)
        return end is None or start is None or end >= start
