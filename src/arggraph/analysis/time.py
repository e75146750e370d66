"""A debate over time: the graph as of a date, and how each question evolved.

:func:`as_of` keeps only the documents published by a date (the rule is in
:mod:`arggraph.analysis.dates`: a partial date counts as its last day, undated
documents are left out) and what rests on them: their attributions, the claims
quoted in them, and the relations between the claims that remain (an attributed
relation only if its own document remains). Every analysis then runs on that graph
unchanged: ``positions(as_of(graph, "2025-02-15"))``.

:func:`timeline` orders the documents by the earliest day their date can mean (then
the last day, then file order; undated ones last) and, for each question, replays the
debate one document at a time: who answers for the first time, whose lean changes,
and the question's contestedness rank and score after each. Each document lists the
others whose dates overlap its own (``uncertain_with``): their order is not known, and
a reader must be told so.

The two rules answer different questions and are kept apart on purpose. ``as_of``
asks "what had surely appeared by this day?", so a month-only date waits for the
month's end (nothing is counted before it surely existed). The timeline asks "in what
order did the answers come?": ordering by the last day put an early-February podcast
dated ``2025-02`` after an article of 11 February, a false chronology, whereas the
earliest day keeps every certain order (a document that surely came first comes
first) and the overlaps mark the rest. So a timeline step is ``as_of`` its date only
where no date overlaps.

Example
-------
>>> import arggraph
>>> graph = arggraph.load("graphs/deepseek.yaml")
>>> [d.id for d in as_of(graph, "2025-02-27").documents]
['news']
>>> [d.id for d in timeline(graph).documents]
['chilson', 'podcast', 'news', 'dunnmon']
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Literal

from pydantic import Field

from arggraph.analysis.contestedness import contested_topics
from arggraph.analysis.dates import date_span, published_by, spans_overlap
from arggraph.analysis.positions import Lean, positions
from arggraph.analysis.results import Result, counted
from arggraph.model import ArgumentGraph, Claim, Document, Relation


def as_of(graph: ArgumentGraph, date: str) -> ArgumentGraph:
    """The graph as it stood on ``date``: only documents published by then.

    Parameters
    ----------
    graph : ArgumentGraph
    date : str
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; a partial date means its last day.

    Returns
    -------
    ArgumentGraph
        A new graph (``graph`` is not changed) with the documents published by
        ``date``, their attributions, the claims that keep one, and the relations
        between those claims.
    """
    date_span(date)  # refuse a malformed date even when no document is dated
    return restricted(graph, {d.id for d in graph.documents if published_by(d.date, date)})


def restricted(graph: ArgumentGraph, documents: Collection[str]) -> ArgumentGraph:
    """``graph`` with only ``documents`` and what rests on them (see :func:`as_of`)."""
    claims: list[Claim] = []
    for claim in graph.claims:
        kept = [a for a in claim.attributions if a.document in documents]
        if len(kept) == len(claim.attributions):
            claims.append(claim)
        elif kept:
            claims.append(claim.model_copy(update={"attributions": kept}))
    present = {c.id for c in claims}
    relations = _relations_among(graph.relations, present, documents)
    sources = {d: p for d, p in graph.source_paths.items() if d in documents}
    graph_files = [p for p in graph.input_paths if p not in set(graph.source_paths.values())]
    result = ArgumentGraph.model_construct(
        arggraph=graph.arggraph,
        title=graph.title,
        description=graph.description,
        documents=[d for d in graph.documents if d.id in documents],
        speakers=graph.speakers,
        topics=graph.topics,
        claims=claims,
        relations=relations,
    )
    texts = {d: t for d in documents if (t := graph.text_of(d)) is not None}
    result.attach_sources(texts, sources, inputs=graph_files)
    return result


def _relations_among(
    relations: list[Relation], claims: set[str], documents: Collection[str]
) -> list[Relation]:
    """Relations whose ends remain (an undercut's relation too) and whose document remains."""
    kept: dict[str, Relation] = {}
    candidates = [
        r
        for r in relations
        if r.source in claims and (r.attribution is None or r.attribution.document in documents)
    ]
    changed = True
    while changed:  # an undercut stays only if the relation it attacks stays
        changed = False
        for r in candidates:
            if r.key not in kept and (r.target in claims or r.target in kept):
                kept[r.key] = r
                changed = True
    return [r for r in relations if r.key in kept]


def document_order(graph: ArgumentGraph) -> list[Document]:
    """Documents by the earliest day their date can mean, then the last; undated last.

    Ties keep file order. Whenever one document surely came before another (its last
    day is before the other's first), it comes first; where dates overlap the order
    is a guess, which :func:`uncertain_order` names.
    """
    dated = [(i, d) for i, d in enumerate(graph.documents) if d.date is not None]
    undated = [d for d in graph.documents if d.date is None]
    dated.sort(key=lambda x: (*date_span(x[1].date or ""), x[0]))
    return [d for _, d in dated] + undated


def uncertain_order(documents: list[Document]) -> dict[str, list[str]]:
    """For each document, the others whose dates overlap its own (order unknown)."""
    return {
        d.id: [o.id for o in documents if o.id != d.id and spans_overlap(d.date, o.date)]
        for d in documents
    }


VoiceEvent = Literal["first answer", "lean changed", "no longer answers"]


class VoiceChange(Result):
    """A voice that answers for the first time, changes its lean, or stops answering."""

    speaker: str
    name: str
    event: VoiceEvent
    before: Lean | None
    after: Lean | None


class TimelineStep(Result):
    """One question after one more document: what changed, and where it ranks."""

    document: str
    date: str | None
    voices: list[VoiceChange] = Field(description="voices that appeared or changed lean")
    yes: int = Field(description="named voices answering yes in own claims so far")
    no: int
    mixed: int
    cruxes: int
    contested: bool
    rank: int = Field(description="rank among all questions after this document; 0 = not")
    score: float


class QuestionTimeline(Result):
    """One question, document by document."""

    id: str
    label: str
    question: str | None
    steps: list[TimelineStep]


class DatedDocument(Result):
    """A document in timeline order."""

    id: str
    title: str
    date: str | None
    uncertain_with: list[str] = Field(
        default_factory=list,
        description="documents whose dates overlap this one's: their order is not known",
    )


class Timeline(Result):
    """The documents in order and, per question, how positions and rank evolved."""

    documents: list[DatedDocument]
    questions: list[QuestionTimeline]

    def _summary(self) -> str:
        order = " < ".join(d.id for d in self.documents)
        return f"{counted(len(self.questions), 'question')} over {order}"


def timeline(graph: ArgumentGraph) -> Timeline:
    """How each question's positions and contestedness evolved, document by document.

    Parameters
    ----------
    graph : ArgumentGraph

    Returns
    -------
    Timeline
        Documents in :func:`document_order`, each with the documents whose dates
        overlap its own (:func:`uncertain_order`); each question (in topic order) has one
        step per document: the voices (speakers answering in their own claims) that
        answered for the first time or changed lean with it, the counts, and the
        question's rank and score once that document is in. The cost is one run of
        positions and contestedness per document.
    """
    order = document_order(graph)
    uncertain = uncertain_order(order)
    steps: dict[str, list[TimelineStep]] = {}
    labels: dict[str, tuple[str, str | None]] = {}
    seen: dict[str, dict[str, tuple[str, Lean]]] = {}
    for k, document in enumerate(order, start=1):
        g = restricted(graph, {d.id for d in order[:k]})
        stands = positions(g)
        contest = {q.id: q for q in contested_topics(g, robustness=False, stands=stands).questions}
        for q in stands.questions:
            labels[q.id] = (q.label, q.question)
            before = seen.setdefault(q.id, {})
            now = {p.speaker: p for p in q.positions if p.basis == "own claims"}
            changes = [
                VoiceChange(
                    speaker=s,
                    name=p.name,
                    event="first answer" if s not in before else "lean changed",
                    before=before[s][1] if s in before else None,
                    after=p.lean,
                )
                for s, p in now.items()
                if s not in before or before[s][1] != p.lean
            ]
            changes += [
                VoiceChange(
                    speaker=s, name=name, event="no longer answers", before=lean, after=None
                )
                for s, (name, lean) in before.items()
                if s not in now
            ]
            seen[q.id] = {s: (p.name, p.lean) for s, p in now.items()}
            leans = [p.lean for p in now.values()]
            c = contest[q.id]
            steps.setdefault(q.id, []).append(
                TimelineStep(
                    document=document.id,
                    date=document.date,
                    voices=sorted(changes, key=lambda v: (v.event, v.name)),
                    yes=leans.count("yes"),
                    no=leans.count("no"),
                    mixed=leans.count("mixed"),
                    cruxes=len(q.cruxes),
                    contested=c.contested,
                    rank=c.rank,
                    score=c.score,
                )
            )
    return Timeline(
        documents=[
            DatedDocument(id=d.id, title=d.title, date=d.date, uncertain_with=uncertain[d.id])
            for d in order
        ],
        questions=[
            QuestionTimeline(id=q, label=labels[q][0], question=labels[q][1], steps=s)
            for q, s in steps.items()
        ],
    )


__all__ = [
    "DatedDocument",
    "QuestionTimeline",
    "Timeline",
    "TimelineStep",
    "VoiceChange",
    "as_of",
    "document_order",
    "restricted",
    "timeline",
    "uncertain_order",
]
