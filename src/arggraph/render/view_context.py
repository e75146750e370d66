"""Look-ups shared by every view of one graph, built once: :class:`ViewContext`.

Claims, speakers, documents, topics and questions by id; each item's claims in file
order; each relation's ends along its chain of undercuts; and each claim's details,
node, box and relation look, made on first use and reused by every view that draws
them (they are only read).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from arggraph.analysis.objections import Statuses
from arggraph.analysis.results import shorten
from arggraph.analysis.signed import relation_chain
from arggraph.model import ArgumentGraph, Claim, Relation
from arggraph.render import style
from arggraph.render.details import claim_details
from arggraph.render.view_data import SharedText
from arggraph.render.view_nodes import ClaimLook, box_node, claim_look, claim_node

__all__ = ["QuestionInfo", "ViewContext"]


@dataclass(frozen=True)
class QuestionInfo:
    """A question a claim can answer: a topic's own or one of its sub-questions."""

    id: str
    topic: str
    label: str
    question: str
    own: bool


class ViewContext:
    """Look-ups shared by every view of one graph (built once)."""

    def __init__(self, graph: ArgumentGraph, statuses: Statuses) -> None:
        self.graph = graph
        self.statuses = statuses
        self.claims = {c.id: c for c in graph.claims}
        self.statements = {c.id: c.statement for c in graph.claims}
        self.speakers = {s.id: s for s in graph.speakers}
        self.documents = {d.id: d for d in graph.documents}
        self.topics = {t.id: t for t in graph.topics}
        self.questions: dict[str, QuestionInfo] = {}
        for topic in graph.topics:
            self.questions[topic.id] = QuestionInfo(
                topic.id, topic.id, topic.label, topic.question or topic.label, True
            )
            for sub in topic.questions:
                self.questions[sub.id] = QuestionInfo(
                    sub.id, topic.id, sub.label or sub.question, sub.question, False
                )
        self.relations = {r.key: r for r in graph.relations}
        # one pass over the claims: each view takes its members from these, in file order
        self.position = {c.id: i for i, c in enumerate(graph.claims)}
        self.by_item: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.items_of: dict[str, tuple[tuple[str, str], ...]] = {}
        for claim in graph.claims:
            self.items_of[claim.id] = tuple(_item_keys(claim))
            for key in self.items_of[claim.id]:
                self.by_item[key].append(claim.id)
        self._details: dict[str, tuple[dict[str, Any], tuple[str, ...]]] = {}
        self._relation_looks: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._nodes: dict[tuple[str, bool], dict[str, Any]] = {}
        self._boxes: dict[tuple[Any, ...], dict[str, Any]] = {}
        self._looks: dict[str, ClaimLook] = {}
        self.facet_labels = {
            "topic": {t.id: t.label for t in graph.topics},
            "speaker": {s.id: s.name for s in graph.speakers},
            "document": {d.id: d.title for d in graph.documents},
        }
        self._facet_rank: dict[str, dict[str, int]] = {}
        self.shared = SharedText(position=self.position)
        self.topic_style = {t.id: style.topic_style(i) for i, t in enumerate(graph.topics)}
        self.into: dict[str, list[Relation]] = defaultdict(list)
        self.out_of: dict[str, list[Relation]] = defaultdict(list)
        for rel in graph.relations:
            self.out_of[rel.source].append(rel)
            self.into[rel.target].append(rel)
        self.undercut_targets = {r.target for r in graph.relations if r.target in self.relations}
        self.undercuts_of: dict[str, list[str]] = defaultdict(list)
        for rel_key, rel in self.relations.items():
            if rel.target in self.relations:
                self.undercuts_of[rel.target].append(rel_key)

        self.order = {r.key: i for i, r in enumerate(graph.relations)}
        self.ends: dict[str, frozenset[str]] = {}
        self.end_claim: dict[str, str | None] = {}
        self.by_end: dict[str, list[str]] = defaultdict(list)
        for rel in graph.relations:
            chain, end = relation_chain(rel, self.relations)
            ends = frozenset({r.source for r in chain} | ({end} if end is not None else set()))
            self.ends[rel.key] = ends
            self.end_claim[rel.key] = end
            for claim_id in ends:
                self.by_end[claim_id].append(rel.key)

    def warm(self) -> None:
        """Make every claim's details, look and network nodes and every relation's look
        now, before page workers are forked, so they share them rather than each making
        its own (0.7 s per process at 10k claims); they are the same whoever makes them."""
        for claim_id in self.claims:
            self.details(claim_id)
            self.look(claim_id)
            self.claim_node(claim_id, False)
            self.claim_node(claim_id, True)
        for key in self.relations:
            self.relation_look(key)

    def in_facet_order(self, kind: str, item_ids: Iterable[str]) -> list[str]:
        """Topics, speakers or documents (``kind``) sorted as the filter menus list them:
        by label, case-folded, then id (the whole order is worked out once per kind)."""
        rank = self._facet_rank.get(kind)
        if rank is None:
            labels = self.facet_labels[kind]
            ordered = sorted(labels, key=lambda i: (labels[i].casefold(), i))
            rank = self._facet_rank[kind] = {item_id: n for n, item_id in enumerate(ordered)}
        return sorted(item_ids, key=rank.__getitem__)

    def members(self, kind: str, item_id: str) -> list[str]:
        """Ids of the claims on a topic, held by a speaker, quoted from a document or
        answering a question (``kind``: topic, speaker, document, question), in file order."""
        return self.by_item.get((kind, item_id), [])

    def in_file_order(self, claim_ids: Iterable[str]) -> list[str]:
        """``claim_ids`` sorted as the claims are in the file."""
        return sorted(claim_ids, key=self.position.__getitem__)

    def details(self, claim_id: str) -> tuple[dict[str, Any], tuple[str, ...]]:
        """A claim's details panel data and the ids of the claims it names, made once.

        Every view that draws the claim shares the same data (it is only read).
        """
        if claim_id not in self._details:
            named: dict[str, str] = {}
            data = claim_details(self, self.claims[claim_id], named)
            self._details[claim_id] = (data, tuple(named))
        return self._details[claim_id]

    def relation_look(self, key: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """A relation's edge look and its row of the relation table, made once (read only)."""
        if key not in self._relation_looks:
            rel = self.relations[key]
            undercut = rel.target in self.relations
            look = style.edge_style(rel.kind, undercut)
            base = {"relation": key, "kind": rel.kind, "undercut": undercut, **look}
            by = None
            if rel.attribution is not None:
                by = {
                    "speaker": self.speakers[rel.attribution.speaker].name,
                    "quote": rel.attribution.quote,
                }
            row = {
                "source": rel.source,
                "target": rel.target,
                "kind": rel.kind,
                "undercut": undercut,
                "note": rel.note,
                "by": by,
            }
            self._relation_looks[key] = (base, row)
        return self._relation_looks[key]

    def look(self, claim_id: str) -> ClaimLook:
        """What every node of the claim shares (label, box text, fills), made once."""
        made = self._looks.get(claim_id)
        if made is None:
            made = self._looks[claim_id] = claim_look(self, self.claims[claim_id])
        return made

    def claim_node(self, claim_id: str, guest: bool) -> dict[str, Any]:
        """A claim's node in a network view: a fresh copy of one made once per claim."""
        made = self._nodes.get((claim_id, guest))
        if made is None:
            made = self._nodes[(claim_id, guest)] = claim_node(self, self.claims[claim_id], guest)
        return dict(made)

    def box_node(self, claim_id: str, guest: bool, questions: list[str]) -> dict[str, Any]:
        """A claim's box in an argument map: a fresh copy of one made once per claim and
        the questions of the map it answers."""
        claim = self.claims[claim_id]
        asked = tuple(q for q in questions if q in claim.stances)
        key = (claim_id, guest, asked, len(questions) == 1)
        made = self._boxes.get(key)
        if made is None:
            made = self._boxes[key] = box_node(self, claim, guest, questions)
        return dict(made)

    def relation_text(self, rel: Relation) -> str:
        """A relation in words: its ends' statements, shortened, and its kind."""
        target = (
            shorten(self.claims[rel.target].statement, 60)
            if rel.target in self.claims
            else f"the inference {rel.target}"
        )
        source = shorten(self.claims[rel.source].statement, 60)
        return f"\u201c{source}\u201d {rel.kind} \u201c{target}\u201d"


def _item_keys(claim: Claim) -> Iterable[tuple[str, str]]:
    """What a claim belongs to, as (kind, id): its topics, holders, documents, questions."""
    yield from (("topic", t) for t in claim.topics)
    yield from (("speaker", s) for s in claim.speakers)
    yield from (("document", d) for d in claim.documents)
    yield from (("question", q) for q in claim.stances)
