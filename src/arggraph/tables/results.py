"""What the engines compute, as plain sorted rows that compare with ``==``.

Each engine returns its rows in this shape, and :mod:`arggraph.tables.reference` builds
the same shape from the in-memory analyses, so a test compares the two whole. The
question score is computed here, from the engine's per-question counts, by
:func:`arggraph.analysis.contestedness.score_counts` itself: the rounding is the
in-memory one and the engines need not agree on how a float rounds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from arggraph.analysis.contestedness import score_counts
from arggraph.tables.grounding import Grounded


class PositionRow(NamedTuple):
    """One speaker's lean on one question (``basis``: 'own claims' or 'relations')."""

    question: str
    speaker: str
    basis: str
    lean: str
    yes: int
    no: int


class ContestRow(NamedTuple):
    """How contested one question is: voices per answer, cruxes, documents, score, rank."""

    question: str
    topic: str
    yes: int
    no: int
    mixed: int
    balance: float
    contested: bool
    cruxes: int
    answered: int
    engagement: int
    documents: int
    score: float
    rank: int


class SpeakerRow(NamedTuple):
    """Per speaker: claims, attributions, documents, questions answered, relations made."""

    speaker: str
    claims: int
    attributions: int
    documents: int
    questions: int
    supports: int
    rebuts: int


class DocumentRow(NamedTuple):
    """Per document: quotes looked up in it, found anywhere, found at their given start."""

    document: str
    quotes: int
    found: int
    at_given: int


@dataclass(frozen=True, repr=False)
class TableResults:
    """Every corpus-scale result, each a sorted list of rows.

    Its repr is one line (a million rows must not flood a notebook or a terminal):
    ``TableResults(295 quotes (295 found), 20 questions (10 contested, top: compute), ...)``.
    """

    grounding: list[Grounded]
    documents: list[DocumentRow]
    positions: list[PositionRow]
    questions: list[ContestRow]
    speakers: list[SpeakerRow]

    def __repr__(self) -> str:
        found = sum(row.found for row in self.grounding)
        contested = [row for row in self.questions if row.contested]
        top = f", top: {contested[0].question}" if contested else ""
        return (
            f"TableResults({len(self.grounding)} quotes ({found} found), "
            f"{len(self.questions)} questions ({len(contested)} contested{top}), "
            f"{len(self.positions)} positions, {len(self.speakers)} speakers)"
        )


def contest_rows(counts: Iterable[Sequence[Any]]) -> list[ContestRow]:
    """Score and rank per-question counts as :func:`arggraph.contested_topics` does.

    Each count row is ``(question, topic, yes, no, mixed, cruxes, answered, documents)``;
    the result is ranked best first (rank 0: not contested).
    """
    scored = []
    for question, topic, yes, no, mixed, cruxes, answered, documents in counts:
        contested, balance, engagement, score = score_counts(
            yes, no, mixed, cruxes, answered, documents
        )
        scored.append(
            ContestRow(
                question,
                topic,
                yes,
                no,
                mixed,
                balance,
                contested,
                cruxes,
                answered,
                engagement,
                documents,
                score,
                rank=0,
            )
        )
    scored.sort(key=lambda row: (-row.score, row.question))
    return [row._replace(rank=i if row.contested else 0) for i, row in enumerate(scored, 1)]


def table_results(
    grounding: Iterable[Sequence[Any]],
    documents: Iterable[Sequence[Any]],
    positions: Iterable[Sequence[Any]],
    contest_counts: Iterable[Sequence[Any]],
    speakers: Iterable[Sequence[Any]],
) -> TableResults:
    """Rows from an engine (in the column order of :mod:`arggraph.tables.queries`), typed
    and sorted."""
    return TableResults(
        grounding=sorted(Grounded(*r) for r in grounding),
        documents=sorted(DocumentRow(*r) for r in documents),
        positions=sorted(PositionRow(*r) for r in positions),
        questions=contest_rows(contest_counts),
        speakers=sorted(SpeakerRow(*r) for r in speakers),
    )


RESULT_NAMES = (
    "grounding",
    "document_grounding",
    "positions",
    "question_contest",
    "speaker_counts",
)
"""The results an engine fetches, in the order :func:`table_results` takes them."""


def fetched_results(fetch: Callable[[str], Iterable[Sequence[Any]]]) -> TableResults:
    """Every result of an engine, given its ``fetch(name)`` of one result's rows."""
    return table_results(*(fetch(name) for name in RESULT_NAMES))
