"""One offline HTML report: what is contested, who sides with whom, every claim, the sources.

Sections: summary counts; the contested questions ranked; topics question by question,
each question with its lineup, quotes, outline, clashes and map; the speaker alignment
heat map and camps; a sortable, filterable table of the claims with their reader status
(unchallenged, objection answered or objection unanswered, the reason on hover) and
strength; and a source reader, each document's text with every quoted passage marked
(from the attributions' ``start``/``end`` offsets), which each quote in the report links
to. vis-network is inlined once; each map has its own JSON block and is drawn when it
scrolls into view.

A corpus of thousands of questions stays a page a person can read and a browser can
open: the question table lists the :data:`QUESTION_ROWS` most contested, full sections
go to the :data:`SECTION_QUESTIONS` most contested questions, the claims table beyond
:data:`CLAIM_ROWS` claims lists the claims the page shows, and sources beyond
:data:`SOURCE_CHARACTERS` characters show the quoted passages in context instead of
whole texts. Each cut says on the page how much is left out and where to find it.

Example
-------
>>> from arggraph.synthetic import synthetic_graph
>>> page = build_report(synthetic_graph(12, seed=2))
>>> page.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arggraph.analysis.contestedness import ContestedReport, QuestionContest
from arggraph.analysis.dates import date_words
from arggraph.analysis.debate import DebateAnalysis, analyse
from arggraph.analysis.objections import READER_STATUSES, STATUS_COUNT_WORDS, Statuses
from arggraph.analysis.positions import Position, PositionsReport, QuestionPositions
from arggraph.analysis.results import QuoteRef, SpeakerRef, shorten
from arggraph.analysis.signed import SignedRelation, signed_links
from arggraph.analysis.summary import graph_summary
from arggraph.io.atomic import write_text_atomic
from arggraph.model import ArgumentGraph, Attribution
from arggraph.render.html import render_template
from arggraph.render.text import robustness_words
from arggraph.render.views import (
    PRECOMPUTE_ABOVE,
    GraphView,
    answered_questions,
    legend,
    question_views,
    topic_legend,
    topic_views,
)

HEAT_MAP_SPEAKERS = 40
"""The heat map shows at most this many speakers (those with the most evidence)."""

HOW = {
    "implicit": "implicit: the text leaves it unsaid; the words are the annotator's",
    "asked": "asked as a question, not held",
}
"""How an attribution that is not a plain holding reads to a reader."""

REPORT_GRAPHS = 12
"""Maps embedded in the report, the most contested first, at most this many.

A question that some claim answers gets its own map in its section; a topic none of
whose questions is answered gets the topic's map. Each map carries its claims'
details; beyond a dozen the page grows past what a browser opens comfortably.
``arggraph render`` draws every topic and question.
"""

QUESTION_ROWS = 100
"""The first table ranks at most this many contested questions, the most contested."""

SECTION_QUESTIONS = 30
"""Questions with a full section (lineup, quotes, outline, clashes, map), most contested first.

A graph with more questions than this gets sections for these only, grouped by topic
as usual; the page says how many are left out. ``arggraph topics --json`` ranks every
question and ``arggraph positions --question ID`` shows any one in full.
"""

CLAIM_ROWS = 2_000
"""Up to this many claims the table lists every claim; beyond, the claims the page shows."""

SOURCE_CHARACTERS = 2_000_000
"""Up to this much text in all, the sources show each document whole; beyond, each
quoted passage the page links to, with :data:`SOURCE_CONTEXT` characters either side."""

SOURCE_CONTEXT = 300
"""Characters of text kept before and after a passage when sources are cut to passages."""

NAMES_LISTED = 30
"""At most this many members per camp, unaligned speakers and unrespected links are named."""

ROW_NAMES = 10
"""Names per answer in a row of the question table; the rest are counted ("and 5 more")."""


def render_report(
    graph: ArgumentGraph,
    path: str | Path,
    *,
    precompute_above: int = PRECOMPUTE_ABOVE,
    debate: DebateAnalysis | None = None,
) -> Path:
    """Write the report for ``graph`` to ``path`` atomically; return the path."""
    page = build_report(graph, precompute_above=precompute_above, debate=debate)
    return write_text_atomic(Path(path), page, inputs=graph.input_paths)


def build_report(
    graph: ArgumentGraph,
    *,
    precompute_above: int = PRECOMPUTE_ABOVE,
    debate: DebateAnalysis | None = None,
) -> str:
    """The report for ``graph`` as one standalone HTML page (deterministic).

    ``debate`` is ``analyse(graph)`` when the caller has it already.
    """
    debate = debate if debate is not None else analyse(graph)
    statuses, contested = debate.statuses, debate.contested
    sources = _Sources(graph)
    shown = _Shown.choose(contested, debate.positions)
    maps = [m for m in _maps(graph, contested) if shown.has(*m)]
    chosen = maps[:REPORT_GRAPHS]
    views = _drawn_maps(graph, chosen, statuses, precompute_above)
    shown_claims = {
        c for q in debate.positions.questions if q.id in shown.questions for c in q.claims
    }
    outline = _Outline(graph, shown_claims)
    topics = _topics(contested, debate.positions, sources, outline, _strips(debate, shown), shown)
    ranked = [q for q in contested.questions if q.contested]
    claims = _claim_rows(graph, statuses, sources, _listed_claims(graph, topics))
    texts = _texts_size(graph)
    texts_cut = texts > SOURCE_CHARACTERS
    documents = sources.documents(whole=not texts_cut)  # after every quote on the page
    return render_template(
        "report.html.j2",
        title=graph.title or "Argument graph",
        description=graph.description,
        summary=_summary(graph, statuses),
        status_note=statuses.note,
        topics=topics,
        questions=[_question_row(q, shown) for q in ranked[:QUESTION_ROWS]],
        questions_ranked=len(ranked),
        sections_left_out=shown.left_out(),
        sections_shown=len(shown.questions),
        timeline_skipped=debate.timeline_skipped,
        views=views,
        graphs_omitted=len(maps) - len(chosen),
        alignment=_alignment(debate),
        claims=claims,
        claims_total=len(graph.claims),
        claims_limit=CLAIM_ROWS,
        documents=documents,
        documents_total=len(graph.documents),
        sources_cut=texts if texts_cut else 0,
        source_context=SOURCE_CONTEXT,
        names_listed=NAMES_LISTED,
        legend=legend(),
        topic_shapes=topic_legend(graph),
    )


@dataclass
class _Shown:
    """The questions that get a full section, and the topics they belong to."""

    questions: set[str]
    topics: set[str]
    cut: bool
    """True when questions were left out (the graph has more than SECTION_QUESTIONS)."""
    total: int

    @classmethod
    def choose(cls, contested: ContestedReport, stands: PositionsReport) -> _Shown:
        """The :data:`SECTION_QUESTIONS` most contested questions with something to show.

        Contested questions by rank first, then the others by topic rank and file order.
        """
        by_id = {q.id: q for q in stands.questions}
        candidates: list[tuple[int, int, str, str]] = []
        for t, topic in enumerate(contested.topics):
            for order, q in enumerate(topic.questions):
                if q.contested or by_id[q.id].positions or by_id[q.id].reported:
                    rank = q.rank if q.contested else len(contested.questions) + t
                    candidates.append((rank, order, q.id, topic.topic))
        candidates.sort()
        chosen = candidates[:SECTION_QUESTIONS]
        cut = len(chosen) < len(candidates)
        topics = {t for *_, t in chosen} if cut else {topic.topic for topic in contested.topics}
        return cls({q for _, _, q, _ in chosen}, topics, cut, len(candidates))

    def has(self, kind: str, key: str) -> bool:
        """Whether the page has a section for this question or topic."""
        return key in (self.questions if kind == "question" else self.topics)

    def left_out(self) -> int:
        """Questions with answers that have no section on this page."""
        return self.total - len(self.questions)


def _drawn_maps(
    graph: ArgumentGraph, chosen: list[tuple[str, str]], statuses: Statuses, precompute_above: int
) -> dict[str, GraphView]:
    """The chosen maps by key ('question:<id>', 'topic:<id>'); look-ups built only if needed."""
    questions = [key for kind, key in chosen if kind == "question"]
    topics = [key for kind, key in chosen if kind == "topic"]
    drawn: list[GraphView] = []
    if questions:
        drawn += question_views(
            graph, questions, statuses=statuses, precompute_above=precompute_above
        ).values()
    if topics:
        drawn += topic_views(
            graph, topics, statuses=statuses, precompute_above=precompute_above
        ).values()
    return {view.key: view for view in drawn}


def _texts_size(graph: ArgumentGraph) -> int:
    return sum(len(graph.text_of(d.id) or "") for d in graph.documents)


def _has_claims(graph: ArgumentGraph) -> set[str]:
    """The topics some claim carries."""
    return {t for c in graph.claims for t in c.topics}


def _maps(graph: ArgumentGraph, contested: ContestedReport) -> list[tuple[str, str]]:
    """The maps the report can show, most contested first: (kind, question or topic id).

    Each answered question has a map; a topic with claims but no answered question
    has its topic map. Contested questions come first by rank, then the rest by topic
    rank and file order.
    """
    answered = set(answered_questions(graph))
    with_claims = _has_claims(graph)
    maps: list[tuple[int, int, tuple[str, str]]] = []
    for t, topic in enumerate(contested.topics):
        asked = [q for q in topic.questions if q.id in answered]
        for order, q in enumerate(asked):
            rank = q.rank if q.contested else len(contested.questions) + t
            maps.append((rank, order, ("question", q.id)))
        if not asked and topic.topic in with_claims:
            maps.append((len(contested.questions) + t, 0, ("topic", topic.topic)))
    return [item for *_, item in sorted(maps)]


def _summary(graph: ArgumentGraph, statuses: Statuses) -> list[dict[str, Any]]:
    """The counts of the first line, each a group of (count, words) read as one phrase.

    Speakers count the voices the report can count (people and organisations); groups a
    text reports are counted apart, as the question sections treat them. Quotes count
    as ``arggraph validate`` does: every claim quote and every relation quote.
    """
    summary = graph_summary(graph)
    relation_ids = {r.id for r in graph.relations if r.id is not None}
    undercuts = sum(1 for r in graph.relations if r.target in relation_ids)
    groups = sum(1 for s in graph.speakers if s.kind == "group")
    relation_quotes = sum(1 for r in graph.relations if r.attribution is not None)
    speakers = [_count(summary.speakers - groups, "speaker")]
    if groups:
        speakers.append(_count(groups, "reported group"))
    rows = [
        _row(_count(summary.documents, "document")),
        _row(*speakers),
        _row(_count(summary.topics, "topic")),
        _row(_count(summary.claims, "claim")),
        _quotes_row(summary.attributions, relation_quotes),
        _row(_count(summary.supports, "support")),
        _row(_count(summary.rebuts, "rebuttal")),
        _row((undercuts, "of them undercuts" if undercuts != 1 else "of them an undercut")),
    ]
    if statuses.by_claim:
        counts: dict[str, int] = defaultdict(int)
        for status in statuses.by_claim.values():
            counts[status.status] += 1
        rows += [_row((counts[n], STATUS_COUNT_WORDS[n])) for n in READER_STATUSES if counts[n]]
    return rows


def _count(n: int, noun: str) -> tuple[int, str]:
    """``n`` with ``noun`` in the singular or plural it needs."""
    return n, noun if n == 1 else noun + "s"


def _row(*parts: tuple[int, str], note: str = "") -> dict[str, Any]:
    return {"parts": list(parts), "note": note}


def _quotes_row(on_claims: int, on_relations: int) -> dict[str, Any]:
    """All quotes, as validate counts them, and where they are when relations have some."""
    note = f"({on_claims:,} on claims, {on_relations:,} on relations)" if on_relations else ""
    return _row(_count(on_claims + on_relations, "quote"), note=note)


# ---------------------------------------------------------------- sources


@dataclass
class _Sources:
    """Anchors for quoted passages, and each document's text cut into marked segments.

    Every passage a quote on the page links to is remembered, so that sources cut to
    passages keep exactly the ones linked.
    """

    graph: ArgumentGraph
    doc_index: dict[str, int] = field(default_factory=dict)
    speaker_names: dict[str, str] = field(default_factory=dict)
    linked: dict[str, set[tuple[int, int]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.doc_index = {d.id: i for i, d in enumerate(self.graph.documents)}
        self.speaker_names = {s.id: s.name for s in self.graph.speakers}

    def anchor(self, document: str, start: int | None, end: int | None) -> str:
        """The fragment id of a quoted passage, or of its document when it has no offsets."""
        index = self.doc_index[document]
        if start is None or end is None or self.graph.text_of(document) is None:
            return f"doc-{index}"
        return f"src-{index}-{start}-{end}"

    def _href(self, document: str, start: int | None, end: int | None) -> str:
        """The link to a passage, remembered as shown on the page."""
        passages = self.linked.setdefault(document, set())
        if start is not None and end is not None:
            passages.add((start, end))
        return "#" + self.anchor(document, start, end)

    def quote(self, ref: QuoteRef) -> dict[str, Any]:
        return {
            "quote": ref.quote,
            "speaker": ref.speaker_name,
            "document": self.graph.documents[self.doc_index[ref.document]].title,
            "href": self._href(ref.document, ref.start, ref.end),
            "how": HOW["implicit"] if ref.implicit else None,
        }

    def attribution(self, attribution: Attribution) -> dict[str, Any]:
        doc = self.graph.documents[self.doc_index[attribution.document]]
        return {
            "quote": attribution.quote,
            "speaker": self.speaker_names[attribution.speaker],
            "document": doc.title,
            "href": self._href(attribution.document, attribution.start, attribution.end),
            "how": HOW["implicit"]
            if attribution.implicit
            else HOW["asked"]
            if attribution.asked
            else None,
        }

    def documents(self, *, whole: bool = True) -> list[dict[str, Any]]:
        """Each document with its text marked; ``whole=False``: only the linked ones,
        cut to the linked passages with some context."""
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for claim, att in self.graph.iter_attributions():
            if att.start is None or att.end is None:
                continue
            if whole or (att.start, att.end) in self.linked.get(att.document, ()):
                spans[att.document].append((att.start, att.end, claim.id))
        result = []
        for doc in self.graph.documents:
            if not whole and doc.id not in self.linked:
                continue
            text = self.graph.text_of(doc.id)
            url = doc.url if doc.url and doc.url.startswith(("https://", "http://")) else None
            segments = None if text is None else self._segments(doc.id, text, spans[doc.id])
            result.append(
                {
                    "anchor": f"doc-{self.doc_index[doc.id]}",
                    "title": doc.title,
                    "authors": ", ".join(doc.authors),
                    "date": doc.date,
                    "kind": doc.kind,
                    "url": url,
                    "url_text": doc.url,
                    "quotes": len(spans[doc.id]),
                    "segments": segments if whole or segments is None else _excerpts(segments),
                }
            )
        return result

    def _segments(
        self, document: str, text: str, spans: list[tuple[int, int, str]]
    ) -> list[dict[str, Any]]:
        """``text`` cut at every quote boundary; marked where some quote covers it.

        Each quote's anchor sits where it starts and a link back to its claim where it
        ends, so overlapping quotes keep their own anchors.
        """
        valid = sorted({s for s in spans if 0 <= s[0] < s[1] <= len(text)})
        cuts = sorted({0, len(text)} | {s[0] for s in valid} | {s[1] for s in valid})
        starts: dict[int, list[str]] = defaultdict(list)
        ends: dict[int, list[str]] = defaultdict(list)
        for start, end, claim_id in valid:
            anchor = self.anchor(document, start, end)
            if anchor not in starts[start]:
                starts[start].append(anchor)
            if claim_id not in ends[end]:
                ends[end].append(claim_id)
        opening = Counter(start for start, _, _ in valid)
        closing = Counter(end for _, end, _ in valid)
        covering = 0  # quotes that cover the segment starting at the cut (a sweep, not a scan)
        segments: list[dict[str, Any]] = []
        for a, b in itertools.pairwise(cuts):
            covering += opening[a] - closing[a]
            marked = covering > 0
            segment = {
                "text": text[a:b],
                "mark": marked,
                "anchors": starts.get(a, []),
                "back": ends.get(b, []),
            }
            if segments and not marked and not segments[-1]["mark"] and not segment["anchors"]:
                segments[-1]["text"] += segment["text"]
            else:
                segments.append(segment)
        return segments


def _excerpts(segments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``segments`` with each unmarked stretch cut to :data:`SOURCE_CONTEXT` characters
    either side of the passages around it (an ellipsis marks each cut)."""
    keep = SOURCE_CONTEXT
    result = []
    last = len(segments) - 1
    for i, segment in enumerate(segments):
        text = segment["text"]
        if not segment["mark"] and len(text) > 2 * keep + 5:
            head = text[:keep] if i > 0 else ""
            tail = text[-keep:] if i < last else ""
            text = f"{head} … {tail}".strip() if head or tail else "…"
        result.append(segment | {"text": text})
    return result


# ---------------------------------------------------------------- contested topics


def _strips(debate: DebateAnalysis, shown: _Shown) -> dict[str, list[dict[str, Any]]]:
    """Each shown question's timeline strip: per document in date order, the lineup so far.

    Documents come by the earliest day their date can mean; a partial date shows how
    precise it is ("2025-02 (month only)") and a step whose date overlaps another's
    says its order is uncertain (:mod:`arggraph.analysis.time`): the dates shown let
    the reader see which.
    """
    if debate.timeline is None:
        return {}
    titles = {d.id: d.title for d in debate.graph.documents}
    uncertain = {d.id for d in debate.timeline.documents if d.uncertain_with}
    return {
        q.id: [
            {
                "document": shorten(titles[step.document], 34),
                "date": date_words(step.date),
                "uncertain": step.document in uncertain,
                "lineup": f"{step.yes} yes · {step.no} no"
                + (f" · {step.mixed} both" if step.mixed else ""),
                "rank": f"contested, #{step.rank}" if step.contested else "not contested",
                "joined": [v.name for v in step.voices if v.event == "first answer"],
                "changed": [v.name for v in step.voices if v.event != "first answer"],
            }
            for step in q.steps
        ]
        for q in debate.timeline.questions
        if q.id in shown.questions and any(step.yes or step.no or step.mixed for step in q.steps)
    }


def _topics(
    report: ContestedReport,
    stands: PositionsReport,
    sources: _Sources,
    outline: _Outline,
    strips: dict[str, list[dict[str, Any]]],
    shown: _Shown,
) -> list[dict[str, Any]]:
    """The topics with a section, each with its shown questions in full."""
    by_id = {q.id: q for q in stands.questions}
    return [
        {
            "rank": topic.rank,
            "id": topic.topic,
            "label": topic.label,
            "question": topic.question,
            "score": topic.score,
            "reason": topic.reason,
            "questions": [
                _question(q, by_id[q.id], sources)
                | {"outline": outline.of(by_id[q.id]), "strip": strips.get(q.id, [])}
                for q in topic.questions
                if q.id in shown.questions
            ],
        }
        for topic in report.topics
        if topic.topic in shown.topics
    ]


@dataclass
class _Outline:
    """A question as a tree a screen reader and a printout can follow (like a Kialo tree).

    The question, then each answer, the claims that give it (with who holds them), and
    under each claim what supports and what rebuts or undercuts it, one level deep.
    Only the relations into ``claims`` (those of the questions shown) are kept.
    """

    graph: ArgumentGraph
    claims: set[str]
    into: dict[str, list[SignedRelation]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        into: dict[str, list[SignedRelation]] = defaultdict(list)
        for link in signed_links(self.graph):  # models only for the few kept
            if link.target in self.claims:
                into[link.target].append(SignedRelation(**link._asdict()))
        self.into = into
        self.names = {s.id: s.name for s in self.graph.speakers}

    def _item(self, claim_id: str) -> dict[str, Any]:
        claim = self.graph.claim(claim_id)
        return {
            "id": claim_id,
            "statement": claim.statement,
            "holders": ", ".join(self.names[s] for s in claim.speakers),
        }

    def of(self, q: QuestionPositions) -> list[dict[str, Any]]:
        answers: list[dict[str, Any]] = []
        for answer in ("yes", "no"):
            claims = [c for c in q.claims if self.graph.claim(c).stances.get(q.id) == answer]
            answers.append(
                {
                    "answer": answer,
                    "claims": [
                        self._item(c)
                        | {
                            "children": [
                                self._item(r.source)
                                | {
                                    "kind": "supports"
                                    if r.sign > 0
                                    else "undercuts"
                                    if r.undercut_of
                                    else "rebuts"
                                }
                                for r in self.into.get(c, [])
                            ]
                        }
                        for c in claims
                    ],
                }
            )
        return answers


def _question_row(q: QuestionContest, shown: _Shown) -> dict[str, Any]:
    """One row of the report's first table: a question and its lineup."""
    rob = q.robustness
    return {
        "section": q.id in shown.questions,
        "rank": q.rank,
        "id": q.id,
        "question": q.question or q.label,
        "yes": _names(q.yes),
        "no": _names(q.no),
        "mixed": _names(q.mixed),
        "cruxes": q.cruxes,
        "answered": q.answered,
        "robust": robustness_words(q),
        "why": _why(q),
        "stable": rob is not None and rob.stable,
    }


def _names(speakers: Sequence[SpeakerRef]) -> list[str]:
    """The first :data:`ROW_NAMES` names, and how many more there are."""
    names = [s.name for s in speakers[:ROW_NAMES]]
    return names + ([f"and {len(speakers) - ROW_NAMES} more"] if len(speakers) > ROW_NAMES else [])


def _why(q: QuestionContest) -> str:
    """Why the question ranks where it does, in a line: voices and sources."""
    both = f", {len(q.mixed)} both ways" if q.mixed else ""
    documents = f"{len(q.documents)} document{'s' if len(q.documents) != 1 else ''}"
    says = "says" if len(q.yes) == 1 else "say"
    return f"{len(q.yes)} {says} yes, {len(q.no)} no{both}; in {documents}"


def _question(contest: QuestionContest, q: QuestionPositions, sources: _Sources) -> dict[str, Any]:
    return {
        "id": q.id,
        "label": q.label,
        "question": q.question or q.label,
        "contested": contest.contested,
        "rank": contest.rank,
        "score": contest.score,
        "reason": contest.reason,
        "positions": [_position(p, sources) for p in q.positions],
        "reported": [
            {
                "name": v.name,
                "answer": v.answer,
                "statement": v.statement,
                "quotes": [sources.quote(x) for x in v.quotes],
            }
            for v in q.reported
        ],
        "cruxes": [
            {
                "verb": (
                    "rebut{s} it" if c.kind == "rebuts" else "undercut{s} the argument it makes"
                ).format(s="" if len(c.by) > 1 else "s"),
                "answered": c.answered,
                "by": ", ".join(s.name for s in c.by),
                "against": ", ".join(s.name for s in c.against),
                "source": {
                    "id": c.source.id,
                    "statement": c.source.statement,
                    "answer": c.source_answer,
                    "quotes": [sources.quote(x) for x in c.source.quotes],
                },
                "target": {
                    "id": c.target.id,
                    "statement": c.target.statement,
                    "answer": c.target_answer,
                    "quotes": [sources.quote(x) for x in c.target.quotes],
                },
            }
            for c in q.cruxes
        ],
    }


def _position(p: Position, sources: _Sources) -> dict[str, Any]:
    return {
        "name": p.name,
        "role": p.role,
        "lean": {"yes": "yes", "no": "no", "mixed": "both ways"}[p.lean],
        "lean_class": p.lean,
        "by_relation": p.basis == "relations",
        "yes": p.yes,
        "no": p.no,
        "claims": [
            {
                "id": c.claim,
                "statement": c.statement,
                "answer": c.answer,
                "quotes": [sources.quote(x) for x in c.quotes],
            }
            for c in p.claims
        ],
        "relations": [
            {
                "kind": r.kind,
                "source": r.source_statement,
                "target": r.target_statement,
                "target_id": r.target,
                "target_answer": r.target_answer,
                "quotes": [sources.quote(x) for x in r.quotes],
            }
            for r in p.relations
        ],
    }


# ---------------------------------------------------------------- alignment


def _alignment(debate: DebateAnalysis) -> dict[str, Any]:
    alignment, camps = debate.alignment, debate.camps
    if alignment is None or camps is None:
        return {"error": debate.alignment_error}
    names = {s.id: s.name for s in alignment.speakers}
    evidence: dict[str, float] = defaultdict(float)
    for first, second, weight in alignment.evidence_weights():  # no pair built
        evidence[first] += weight
        evidence[second] += weight
    chosen = sorted(alignment.speakers, key=lambda s: -evidence[s.id])[:HEAT_MAP_SPEAKERS]
    keep = {s.id for s in chosen}
    shown = [s for s in alignment.speakers if s.id in keep]
    pairs = {(p.first, p.second): p for p in alignment.pairs_among(keep)}
    rows = []
    for a in shown:
        cells = []
        for b in shown:
            pair = pairs.get((a.id, b.id)) or pairs.get((b.id, a.id))
            if a.id == b.id:
                cells.append({"text": "\u2014", "colour": "#eceff1", "title": a.name})
            elif pair is None:
                cells.append(
                    {
                        "text": "",
                        "colour": "#ffffff",
                        "title": f"{a.name} and {b.name}: no evidence",
                    }
                )
            else:
                cells.append(
                    {
                        "text": f"{pair.score:+.2f}",
                        "colour": _heat(pair.score),
                        "title": (
                            f"{a.name} and {b.name}: agreement {pair.agreement:g}, "
                            f"disagreement {pair.disagreement:g} (supports {len(pair.supports)}, "
                            f"rebuts {len(pair.rebuts)}, shared claims {len(pair.shared_claims)}, "
                            f"same side {len(pair.same_side_of)}, "
                            f"opposite sides {len(pair.opposite_sides_of)})"
                        ),
                    }
                )
        rows.append({"name": a.name, "cells": cells})
    return {
        "error": None,
        "columns": [s.name for s in shown],
        "rows": rows,
        "omitted": len(alignment.speakers) - len(shown),
        "camps": [
            {
                "id": camp.id,
                "name": camp.name,
                "speakers": [s.name for s in camp.speakers[:NAMES_LISTED]],
                "more": max(0, len(camp.speakers) - NAMES_LISTED),
                "opposes": camp.opposes,
            }
            for camp in camps.camps
        ],
        "unaligned": [s.name for s in camps.unaligned[:NAMES_LISTED]],
        "unaligned_more": max(0, len(camps.unaligned) - NAMES_LISTED),
        "frustrated": [
            f"{names.get(link.first, link.first)} and {names.get(link.second, link.second)} "
            f"({'allies' if link.sign > 0 else 'opponents'}, weight {link.weight:g}: "
            f"{', '.join(link.evidence)})"
            for link in camps.frustrated[:NAMES_LISTED]
        ],
        "frustrated_more": max(0, len(camps.frustrated) - NAMES_LISTED),
        "exact": camps.exact,
    }


def _heat(score: float) -> str:
    """Green for agreement, red for disagreement, paler nearer 0."""
    amount = min(1.0, abs(score)) * 0.75
    base = (67, 160, 71) if score > 0 else (229, 57, 53)
    rgb = [round(255 - (255 - c) * amount) for c in base]
    return "#" + "".join(f"{c:02x}" for c in rgb)


# ---------------------------------------------------------------- claims table


def _listed_claims(graph: ArgumentGraph, topics: list[dict[str, Any]]) -> set[str] | None:
    """The claims the table lists: None for all, or beyond :data:`CLAIM_ROWS` the claims
    the question sections show (so every claim link on the page lands on its row)."""
    if len(graph.claims) <= CLAIM_ROWS:
        return None
    listed: set[str] = set()
    for topic in topics:
        for q in topic["questions"]:
            for p in q["positions"]:
                listed.update(c["id"] for c in p["claims"])
                listed.update(r["target_id"] for r in p["relations"])
            for c in q["cruxes"]:
                listed.update((c["source"]["id"], c["target"]["id"]))
            for answer in q["outline"]:
                for c in answer["claims"]:
                    listed.add(c["id"])
                    listed.update(k["id"] for k in c["children"])
    return listed


def _claim_rows(
    graph: ArgumentGraph, statuses: Statuses, sources: _Sources, listed: set[str] | None
) -> list[dict[str, Any]]:
    topics = {t.id: t.label for t in graph.topics}
    speakers = {s.id: s.name for s in graph.speakers}
    supports: dict[str, int] = defaultdict(int)
    rebuts: dict[str, int] = defaultdict(int)
    for rel in graph.relations:
        (supports if rel.kind == "supports" else rebuts)[rel.target] += 1
    rows = []
    for claim in graph.claims:
        if listed is not None and claim.id not in listed:
            continue
        status = statuses.of(claim.id)
        rows.append(
            {
                "id": claim.id,
                "statement": claim.statement,
                "note": claim.note,  # drafts say so here ("Draft: claim (confidence ...)")
                "topics": ", ".join(topics[t] for t in claim.topics),
                "holders": ", ".join(speakers[s] for s in claim.speakers),
                "quotes": [sources.attribution(a) for a in claim.attributions],
                "status": status.status if status else "not computed",
                "reason": status.reason if status else "",
                "strength": statuses.strength(claim.id),
                "supports": supports[claim.id],
                "rebuts": rebuts[claim.id],
            }
        )
    return rows
