"""Counts that describe a graph: per document, speaker and topic.

Example
-------
>>> import arggraph                                        # doctest: +SKIP
>>> graph_summary(arggraph.load("graphs/deepseek.yaml")).claims   # doctest: +SKIP
96
"""

from __future__ import annotations

from collections import Counter

from arggraph.analysis.results import Result, counted
from arggraph.model import ArgumentGraph


class CountRow(Result):
    """Counts for one document, speaker or topic."""

    id: str
    label: str
    claims: int
    attributions: int
    supports: int
    rebuts: int


class GraphSummary(Result):
    """Totals and per-document, per-speaker and per-topic counts, in file order."""

    title: str | None
    documents: int
    speakers: int
    topics: int
    claims: int
    attributions: int
    supports: int
    rebuts: int
    by_document: list[CountRow]
    by_speaker: list[CountRow]
    by_topic: list[CountRow]

    def _summary(self) -> str:
        title = f"{self.title!r}: " if self.title else ""
        return title + ", ".join(
            counted(n, noun)
            for n, noun in [
                (self.documents, "document"),
                (self.speakers, "speaker"),
                (self.topics, "topic"),
                (self.claims, "claim"),
                (self.supports, "support"),
                (self.rebuts, "rebuttal"),
            ]
        )


def graph_summary(graph: ArgumentGraph) -> GraphSummary:
    """Count claims, attributions and relations overall and per document, speaker and topic.

    A claim counts once for each document, speaker or topic it belongs to; a relation
    counts for every document, speaker or topic of its source claim (the one that
    makes the argument).
    """
    kinds = Counter(r.kind for r in graph.relations)
    by_source: dict[str, Counter[str]] = {c.id: Counter() for c in graph.claims}
    for rel in graph.relations:
        if rel.source in by_source:
            by_source[rel.source][rel.kind] += 1

    def rows(
        ids_labels: list[tuple[str, str]], members: dict[str, set[str]], atts: Counter[str]
    ) -> list[CountRow]:
        result = []
        for item_id, label in ids_labels:
            claims = members.get(item_id, set())
            sup = sum(by_source[c]["supports"] for c in claims)
            reb = sum(by_source[c]["rebuts"] for c in claims)
            result.append(
                CountRow(
                    id=item_id,
                    label=label,
                    claims=len(claims),
                    attributions=atts[item_id],
                    supports=sup,
                    rebuts=reb,
                )
            )
        return result

    doc_members: dict[str, set[str]] = {}
    speaker_members: dict[str, set[str]] = {}
    topic_members: dict[str, set[str]] = {}
    doc_atts: Counter[str] = Counter()
    speaker_atts: Counter[str] = Counter()
    topic_atts: Counter[str] = Counter()
    for claim in graph.claims:
        for att in claim.attributions:
            doc_members.setdefault(att.document, set()).add(claim.id)
            speaker_members.setdefault(att.speaker, set()).add(claim.id)
            doc_atts[att.document] += 1
            speaker_atts[att.speaker] += 1
        for topic in claim.topics:
            topic_members.setdefault(topic, set()).add(claim.id)
            topic_atts[topic] += len(claim.attributions)
    return GraphSummary(
        title=graph.title,
        documents=len(graph.documents),
        speakers=len(graph.speakers),
        topics=len(graph.topics),
        claims=len(graph.claims),
        attributions=sum(len(c.attributions) for c in graph.claims),
        supports=kinds["supports"],
        rebuts=kinds["rebuts"],
        by_document=rows([(d.id, d.title) for d in graph.documents], doc_members, doc_atts),
        by_speaker=rows([(s.id, s.name) for s in graph.speakers], speaker_members, speaker_atts),
        by_topic=rows([(t.id, t.label) for t in graph.topics], topic_members, topic_atts),
    )
