"""Annotated texts as training examples for the learned relation model.

A human graph (microtexts, an AIFdb nodeset) becomes one :class:`LabelledText` per
document: its claims as :class:`~arggraph.extract.relations.RelationNode` in text
order, and the gold ``supports`` / ``rebuts`` relations between them. The model is
trained on ordered pairs within :data:`~arggraph.extract.pairs.WINDOW` claims of each
other: a gold relation gives its kind, every other pair is ``none``. An undercut
(which attacks a relation, not a claim) leaves its pairs out of training.

The training itself (scikit-learn) lives in ``benchmarks/train_relations.py``; this
module needs nothing beyond arggraph.

Example
-------
>>> import arggraph                                                       # doctest: +SKIP
>>> gold = arggraph.import_graph("microtexts", "../shared/data/microtexts")  # doctest: +SKIP
>>> texts = labelled_texts(gold, corpus="microtexts", speakers=False)     # doctest: +SKIP
>>> len(texts), sum(len(t.gold) for t in texts)                          # doctest: +SKIP
(89, 358)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from arggraph.extract.relations import RelationNode
from arggraph.model import ArgumentGraph, RelationKind

__all__ = ["LabelledText", "labelled_texts"]


@dataclass
class LabelledText:
    """One annotated document: its claims in order and the gold relations among them."""

    id: str
    corpus: str
    nodes: list[RelationNode]
    gold: dict[tuple[int, int], RelationKind]
    """``(source, target)`` node indices -> kind."""
    excluded: set[tuple[int, int]] = field(default_factory=set)
    """Pairs left out of training (an undercut's ends)."""


def _segment_of(text: str, start: int) -> int:
    """The number of non-empty lines before offset ``start``: the passage index."""
    return sum(1 for line in text[:start].split("\n")[:-1] if line.strip())


def labelled_texts(
    graph: ArgumentGraph, *, corpus: str, speakers: bool = True
) -> list[LabelledText]:
    """Each document of ``graph`` with its claims and gold relations.

    Parameters
    ----------
    graph
        A human graph whose claims quote its documents with offsets.
    corpus
        A label recorded in each text (``"microtexts"``, ``"qt30"`` ...).
    speakers
        Keep the graph's speakers; ``False`` gives every claim one speaker, as the
        extractor sees an essay (microtexts' proponent / opponent are roles, not
        people, and would leak the answer).

    Returns
    -------
    list[LabelledText]
        One per document with at least two claims, ordered by document id.
    """
    placed: dict[str, tuple[str, int, int, str, str]] = {}
    for claim, att in graph.iter_attributions():
        if att.start is None or att.end is None or claim.id in placed:
            continue
        placed[claim.id] = (att.document, att.start, att.end, att.speaker, att.quote)
    relations = {r.id: r for r in graph.relations}
    texts: list[LabelledText] = []
    for document in sorted(d.id for d in graph.documents):
        text = graph.text_of(document) or ""
        members = sorted(
            (c for c, p in placed.items() if p[0] == document), key=lambda c: placed[c][1:3]
        )
        if len(members) < 2:
            continue
        number = {claim: i for i, claim in enumerate(members)}
        nodes = [
            RelationNode(
                i,
                document,
                _segment_of(text, placed[claim][1]),
                i,
                placed[claim][3] if speakers else "author",
                placed[claim][4],
            )
            for i, claim in enumerate(members)
        ]
        gold: dict[tuple[int, int], RelationKind] = {}
        excluded: set[tuple[int, int]] = set()
        for relation in graph.relations:
            if relation.source not in number:
                continue
            source = number[relation.source]
            if relation.target in number:
                gold[(source, number[relation.target])] = relation.kind
            elif relation.target in relations:  # an undercut: the attacked relation's ends
                attacked = relations[relation.target]
                for end in (attacked.source, attacked.target):
                    if end in number:
                        excluded.add((source, number[end]))
        texts.append(LabelledText(document, corpus, nodes, gold, excluded))
    return texts
