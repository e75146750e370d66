"""The in-memory results in the engines' row shape, to check the engines against.

Built from the analyses themselves (:func:`arggraph.positions`,
:func:`arggraph.contested_topics`, :func:`arggraph.analysis.summary.graph_summary`,
:func:`arggraph.quotes.find_quote`), never from the tables.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from arggraph.analysis.contestedness import contested_topics
from arggraph.analysis.positions import positions
from arggraph.analysis.summary import graph_summary
from arggraph.model import ArgumentGraph, Attribution
from arggraph.tables.grounding import Grounded, Span, ground_document
from arggraph.tables.results import (
    ContestRow,
    DocumentRow,
    PositionRow,
    SpeakerRow,
    TableResults,
)


def reference_results(graph: ArgumentGraph) -> TableResults:
    """Every result the engines compute, from the in-memory graph."""
    report = positions(graph)
    position_rows = sorted(
        PositionRow(q.id, p.speaker, p.basis, p.lean, p.yes, p.no)
        for q in report.questions
        for p in q.positions
    )
    contest = contested_topics(graph, robustness=False, stands=report)
    question_rows = [
        ContestRow(
            q.id,
            q.topic,
            len(q.yes),
            len(q.no),
            len(q.mixed),
            q.balance,
            q.contested,
            q.cruxes,
            q.answered,
            q.engagement,
            len(q.documents),
            q.score,
            q.rank,
        )
        for q in contest.questions
    ]
    grounding = _grounding(graph)
    return TableResults(
        grounding=grounding,
        documents=_document_rows(graph, grounding),
        positions=position_rows,
        questions=question_rows,
        speakers=_speaker_rows(graph, position_rows),
    )


def _spans(graph: ArgumentGraph) -> Iterator[tuple[str, Span]]:
    """(document, span) of every quote the loader grounds, as validation enumerates them."""

    def of(kind: str, owner: str, index: int, att: Attribution) -> Iterator[tuple[str, Span]]:
        if att.implicit:
            return
        if not att.segments:
            yield att.document, Span(kind, owner, index, -1, att.quote, att.start)
        for k, segment in enumerate(att.segments):
            yield att.document, Span(kind, owner, index, k, segment.quote, segment.start)

    for claim in graph.claims:
        for j, att in enumerate(claim.attributions):
            yield from of("claim", claim.id, j, att)
    for rel in graph.relations:
        if rel.attribution is not None:
            yield from of("relation", rel.key, 0, rel.attribution)


def _grounding(graph: ArgumentGraph) -> list[Grounded]:
    by_document: dict[str, list[Span]] = defaultdict(list)
    for document, span in _spans(graph):
        by_document[document].append(span)
    return sorted(
        row
        for document, spans in by_document.items()
        for row in ground_document(document, graph.text_of(document), spans)
    )


def _document_rows(graph: ArgumentGraph, grounding: list[Grounded]) -> list[DocumentRow]:
    quotes, found, at_given = Counter[str](), Counter[str](), Counter[str]()
    for row in grounding:
        quotes[row.document] += 1
        found[row.document] += row.found
        at_given[row.document] += row.at_given
    return sorted(
        DocumentRow(d.id, quotes[d.id], found[d.id], at_given[d.id]) for d in graph.documents
    )


def _speaker_rows(graph: ArgumentGraph, position_rows: list[PositionRow]) -> list[SpeakerRow]:
    documents: dict[str, set[str]] = defaultdict(set)
    for _, att in graph.iter_attributions():
        documents[att.speaker].add(att.document)
    questions = Counter(p.speaker for p in position_rows if p.basis == "own claims")
    return sorted(
        SpeakerRow(
            row.id,
            row.claims,
            row.attributions,
            len(documents[row.id]),
            questions[row.id],
            row.supports,
            row.rebuts,
        )
        for row in graph_summary(graph).by_speaker
    )
