"""One offline HTML report: what is contested, who sides with whom, every claim, the sources.

Sections: summary counts; contested topics ranked, each with its reasons, a bar for
its score, both sides (claims, speakers, quotes) and its graph view; the speaker
alignment heat map and camps; a sortable, filterable table of every claim with its
reader status (unchallenged, objection answered or objection unanswered, the reason on
hover) and strength; and a source reader, each document's text with every quoted
passage marked (from the attributions' ``start``/``end`` offsets), which each quote
in the report links to. vis-network is inlined once; each graph has its own JSON
block and is drawn when it scrolls into view.

Example
-------
>>> from arggraph.synthetic import synthetic_graph
>>> page = build_report(synthetic_graph(12, seed=2))
>>> page.startswith("<!DOCTYPE html>")
True
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arggraph.analysis.contestedness import ContestedReport, QuestionContest
from arggraph.analysis.debate import DebateAnalysis, analyse
from arggraph.analysis.objections import READER_STATUSES, Statuses
from arggraph.analysis.positions import Position, PositionsReport, QuestionPositions
from arggraph.analysis.results import QuoteRef, shorten
from arggraph.analysis.signed import SignedRelation, signed_relations
from arggraph.analysis.summary import graph_summary
from arggraph.io.atomic import write_text_atomic
from arggraph.model import ArgumentGraph, Attribution
from arggraph.render.html import render_template
from arggraph.render.text import robustness_words
from arggraph.render.views import (
    PRECOMPUTE_ABOVE,
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


def render_report(
    graph: ArgumentGraph, path: str | Path, *, precompute_above: int = PRECOMPUTE_ABOVE
) -> Path:
    """Write the report for ``graph`` to ``path`` atomically; return the path."""
    page = build_report(graph, precompute_above=precompute_above)
    return write_text_atomic(Path(path), page, inputs=graph.input_paths)


def build_report(graph: ArgumentGraph, *, precompute_above: int = PRECOMPUTE_ABOVE) -> str:
    """The report for ``graph`` as one standalone HTML page (deterministic)."""
    debate = analyse(graph)
    statuses, contested = debate.statuses, debate.contested
    sources = _Sources(graph)
    maps = _maps(graph, contested)
    chosen = maps[:REPORT_GRAPHS]
    drawn = [
        *question_views(
            graph,
            [key for kind, key in chosen if kind == "question"],
            statuses=statuses,
            precompute_above=precompute_above,
        ).values(),
        *topic_views(
            graph,
            [key for kind, key in chosen if kind == "topic"],
            statuses=statuses,
            precompute_above=precompute_above,
        ).values(),
    ]
    views = {view.key: view for view in drawn}  # 'question:<id>' and 'topic:<id>'
    return render_template(
        "report.html.j2",
        title=graph.title or "Argument graph",
        description=graph.description,
        summary=_summary(graph, statuses),
        status_note=statuses.note,
        topics=_topics(contested, debate.positions, sources, _Outline(graph), _strips(debate)),
        questions=[_question_row(q) for q in contested.questions if q.contested],
        views=views,
        graphs_omitted=len(maps) - len(chosen),
        alignment=_alignment(debate),
        claims=_claim_rows(graph, statuses, sources),
        documents=sources.documents(),
        legend=legend(),
        topic_shapes=topic_legend(graph),
    )


def _has_claims(graph: ArgumentGraph, topic_id: str) -> bool:
    return any(topic_id in c.topics for c in graph.claims)


def _maps(graph: ArgumentGraph, contested: ContestedReport) -> list[tuple[str, str]]:
    """The maps the report can show, most contested first: (kind, question or topic id).

    Each answered question has a map; a topic with claims but no answered question
    has its topic map. Contested questions come first by rank, then the rest by topic
    rank and file order.
    """
    answered = set(answered_questions(graph))
    maps: list[tuple[int, int, tuple[str, str]]] = []
    for t, topic in enumerate(contested.topics):
        asked = [q for q in topic.questions if q.id in answered]
        for order, q in enumerate(asked):
            rank = q.rank if q.contested else len(contested.questions) + t
            maps.append((rank, order, ("question", q.id)))
        if not asked and _has_claims(graph, topic.topic):
            maps.append((len(contested.questions) + t, 0, ("topic", topic.topic)))
    return [item for *_, item in sorted(maps)]


def _summary(graph: ArgumentGraph, statuses: Statuses) -> list[tuple[str, int]]:
    summary = graph_summary(graph)
    undercuts = sum(1 for r in graph.relations if graph.is_undercut(r))
    rows = [
        ("documents", summary.documents),
        ("speakers", summary.speakers),
        ("topics", summary.topics),
        ("claims", summary.claims),
        ("quotes", summary.attributions),
        ("supports", summary.supports),
        ("rebuttals", summary.rebuts),
        ("of them undercuts", undercuts),
    ]
    if statuses.by_claim:
        counts: dict[str, int] = defaultdict(int)
        for status in statuses.by_claim.values():
            counts[status.status] += 1
        rows += [(name, counts[name]) for name in READER_STATUSES if counts[name]]
    return rows


# ---------------------------------------------------------------- sources


@dataclass
class _Sources:
    """Anchors for quoted passages, and each document's text cut into marked segments."""

    graph: ArgumentGraph
    doc_index: dict[str, int] = field(default_factory=dict)
    speaker_names: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.doc_index = {d.id: i for i, d in enumerate(self.graph.documents)}
        self.speaker_names = {s.id: s.name for s in self.graph.speakers}

    def anchor(self, document: str, start: int | None, end: int | None) -> str:
        """The fragment id of a quoted passage, or of its document when it has no offsets."""
        index = self.doc_index[document]
        if start is None or end is None or self.graph.text_of(document) is None:
            return f"doc-{index}"
        return f"src-{index}-{start}-{end}"

    def quote(self, ref: QuoteRef) -> dict[str, Any]:
        return {
            "quote": ref.quote,
            "speaker": ref.speaker_name,
            "document": self.graph.documents[self.doc_index[ref.document]].title,
            "href": "#" + self.anchor(ref.document, ref.start, ref.end),
            "how": HOW["implicit"] if ref.implicit else None,
        }

    def attribution(self, attribution: Attribution) -> dict[str, Any]:
        doc = self.graph.documents[self.doc_index[attribution.document]]
        return {
            "quote": attribution.quote,
            "speaker": self.speaker_names[attribution.speaker],
            "document": doc.title,
            "href": "#" + self.anchor(attribution.document, attribution.start, attribution.end),
            "how": HOW["implicit"]
            if attribution.implicit
            else HOW["asked"]
            if attribution.asked
            else None,
        }

    def documents(self) -> list[dict[str, Any]]:
        spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for claim, att in self.graph.iter_attributions():
            if att.start is not None and att.end is not None:
                spans[att.document].append((att.start, att.end, claim.id))
        result = []
        for doc in self.graph.documents:
            text = self.graph.text_of(doc.id)
            url = doc.url if doc.url and doc.url.startswith(("https://", "http://")) else None
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
                    "segments": None
                    if text is None
                    else self._segments(doc.id, text, spans[doc.id]),
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
        segments: list[dict[str, Any]] = []
        for a, b in itertools.pairwise(cuts):
            marked = any(s <= a and b <= e for s, e, _ in valid)
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


# ---------------------------------------------------------------- contested topics


def _strips(debate: DebateAnalysis) -> dict[str, list[dict[str, Any]]]:
    """Each question's timeline strip: per document in date order, the lineup so far."""
    if debate.timeline is None:
        return {}
    titles = {d.id: d.title for d in debate.graph.documents}
    return {
        q.id: [
            {
                "document": shorten(titles[step.document], 34),
                "date": step.date or "undated",
                "lineup": f"{step.yes} yes · {step.no} no"
                + (f" · {step.mixed} both" if step.mixed else ""),
                "rank": f"contested, #{step.rank}" if step.contested else "not contested",
                "joined": [v.name for v in step.voices if v.event == "first answer"],
                "changed": [v.name for v in step.voices if v.event != "first answer"],
            }
            for step in q.steps
        ]
        for q in debate.timeline.questions
        if any(step.yes or step.no or step.mixed for step in q.steps)
    }


def _topics(
    report: ContestedReport,
    stands: PositionsReport,
    sources: _Sources,
    outline: _Outline,
    strips: dict[str, list[dict[str, Any]]],
) -> list[dict[str, Any]]:
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
                if q.contested or by_id[q.id].positions or by_id[q.id].reported
            ],
        }
        for topic in report.topics
    ]


@dataclass
class _Outline:
    """A question as a tree a screen reader and a printout can follow (like a Kialo tree).

    The question, then each answer, the claims that give it (with who holds them), and
    under each claim what supports and what rebuts or undercuts it, one level deep.
    """

    graph: ArgumentGraph
    into: dict[str, list[SignedRelation]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        into: dict[str, list[SignedRelation]] = defaultdict(list)
        for rel in signed_relations(self.graph):
            into[rel.target].append(rel)
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


def _question_row(q: QuestionContest) -> dict[str, Any]:
    """One row of the report's first table: a question and its lineup."""
    rob = q.robustness
    return {
        "rank": q.rank,
        "id": q.id,
        "question": q.question or q.label,
        "yes": [s.name for s in q.yes],
        "no": [s.name for s in q.no],
        "mixed": [s.name for s in q.mixed],
        "cruxes": q.cruxes,
        "answered": q.answered,
        "robust": robustness_words(q),
        "why": _why(q),
        "stable": rob is None or rob.stable,
    }


def _why(q: QuestionContest) -> str:
    """Why the question ranks where it does, in a line: voices and sources."""
    both = f", {len(q.mixed)} both ways" if q.mixed else ""
    documents = f"{len(q.documents)} document{'s' if len(q.documents) != 1 else ''}"
    return f"{len(q.yes)} say yes, {len(q.no)} no{both}; in {documents}"


def _question(contest: QuestionContest, q: QuestionPositions, sources: _Sources) -> dict[str, Any]:
    return {
        "id": q.id,
        "label": q.label,
        "question": q.question or q.label,
        "contested": contest.contested,
        "rank": contest.rank,
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
    for item in alignment.pairs:
        weight = item.agreement + item.disagreement
        evidence[item.first] += weight
        evidence[item.second] += weight
    chosen = sorted(alignment.speakers, key=lambda s: -evidence[s.id])[:HEAT_MAP_SPEAKERS]
    keep = {s.id for s in chosen}
    shown = [s for s in alignment.speakers if s.id in keep]
    pairs = {(p.first, p.second): p for p in alignment.pairs}
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
                "speakers": [s.name for s in camp.speakers],
                "opposes": camp.opposes,
            }
            for camp in camps.camps
        ],
        "unaligned": [s.name for s in camps.unaligned],
        "frustrated": [
            f"{names.get(link.first, link.first)} and {names.get(link.second, link.second)} "
            f"({'allies' if link.sign > 0 else 'opponents'}, weight {link.weight:g}: "
            f"{', '.join(link.evidence)})"
            for link in camps.frustrated
        ],
        "exact": camps.exact,
    }


def _heat(score: float) -> str:
    """Green for agreement, red for disagreement, paler nearer 0."""
    amount = min(1.0, abs(score)) * 0.75
    base = (67, 160, 71) if score > 0 else (229, 57, 53)
    rgb = [round(255 - (255 - c) * amount) for c in base]
    return "#" + "".join(f"{c:02x}" for c in rgb)


# ---------------------------------------------------------------- claims table


def _claim_rows(
    graph: ArgumentGraph, statuses: Statuses, sources: _Sources
) -> list[dict[str, Any]]:
    topics = {t.id: t.label for t in graph.topics}
    speakers = {s.id: s.name for s in graph.speakers}
    supports: dict[str, int] = defaultdict(int)
    rebuts: dict[str, int] = defaultdict(int)
    for rel in graph.relations:
        (supports if rel.kind == "supports" else rebuts)[rel.target] += 1
    rows = []
    for claim in graph.claims:
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
