"""Relations learned from annotated corpora: pair scores decoded into a graph.

A :class:`RelationModel` is a multinomial logistic regression over the pair features
of :mod:`arggraph.extract.pairs` (classes ``none`` / ``supports`` / ``rebuts`` for an
ordered pair ``source -> target``), with a Platt calibration of the proposals it
decodes. It is trained by ``benchmarks/train_relations.py`` (scikit-learn) on the
microtexts and AIFdb corpora and ships inside the package as
``relation_model.json`` (weights by feature name); scoring here is plain Python.

Two models share the file: ``within`` (content and position in the text) for
claims of one document, and ``across`` (content only) for claims of different
documents.

- :func:`learned_relations`: within each document, each claim attaches to at most one
  target among its neighbours (:data:`~arggraph.extract.pairs.WINDOW` claims either
  way): the maximum branching (Edmonds) over the calibrated confidences that reach
  the model's threshold, so the relations form a forest, as annotated arguments do.
- :func:`cross_document_relations`: between claims of different documents on the same
  topic, each claim's best ``budget`` targets, ranked by confidence.

Every relation carries its calibrated confidence: the estimated chance that a
reviewer finds it right (kind and direction), as measured on held-out texts.

Example
-------
>>> nodes = [RelationNode(0, "d", 0, 0, "a", "We should keep the export controls."),
...          RelationNode(1, "d", 0, 1, "a", "Because they slow down the rivals a lot.")]
>>> [(r.source, r.target, r.kind) for r in learned_relations(nodes)]
[(1, 0, 'supports')]
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from arggraph.extract.pairs import WINDOW, PairContext
from arggraph.extract.relations import DraftRelation, RelationNode
from arggraph.model import RelationKind

__all__ = [
    "ModelPart",
    "PairScore",
    "RelationModel",
    "cross_document_relations",
    "default_model",
    "learned_relations",
]

CLASSES: tuple[str, str, str] = ("none", "supports", "rebuts")
MODEL_FILE = "relation_model.json"


@dataclass(frozen=True)
class PairScore:
    """How the model reads ``source -> target``: its kind, probabilities, confidence."""

    source: int
    target: int
    kind: RelationKind
    relation: float
    """P(supports) + P(rebuts): that the pair is related at all (uncalibrated)."""
    kind_given_relation: float
    """P(kind | related), uncalibrated."""
    confidence: float
    """Calibrated chance that the relation, kind and direction, is right."""


@dataclass(frozen=True)
class ModelPart:
    """One logistic regression with its calibration and proposal threshold."""

    weights: dict[str, tuple[float, float, float]]
    calibration: tuple[float, float, float]
    """``(a, b, c)``: confidence = sigmoid(a * logit(relation) + b * logit(kind) + c)."""
    threshold: float
    """Confidence from which a relation is proposed."""

    def probabilities(self, features: dict[str, float]) -> tuple[float, float, float]:
        """P(none), P(supports), P(rebuts) of a pair's features."""
        z = [0.0, 0.0, 0.0]
        for name, value in features.items():
            w = self.weights.get(name)
            if w is not None:
                z[0] += w[0] * value
                z[1] += w[1] * value
                z[2] += w[2] * value
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = sum(e)
        return e[0] / total, e[1] / total, e[2] / total

    def score(self, source: int, target: int, features: dict[str, float]) -> PairScore:
        """The pair's kind, probabilities and calibrated confidence."""
        _, supports, rebuts = self.probabilities(features)
        relation = supports + rebuts
        kind: RelationKind = "supports" if supports >= rebuts else "rebuts"
        given = max(supports, rebuts) / relation if relation > 0 else 0.5
        a, b, c = self.calibration
        confidence = _sigmoid(a * _logit(relation) + b * _logit(given) + c)
        return PairScore(source, target, kind, relation, given, confidence)


@dataclass(frozen=True)
class RelationModel:
    """The ``within`` and ``across`` models and what they were trained on."""

    within: ModelPart
    across: ModelPart
    window: int
    trained_on: tuple[str, ...]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RelationModel:
        """A model from the JSON structure ``benchmarks/train_relations.py`` writes."""

        def part(raw: dict[str, Any]) -> ModelPart:
            return ModelPart(
                {k: (float(v[0]), float(v[1]), float(v[2])) for k, v in raw["weights"].items()},
                (
                    float(raw["calibration"][0]),
                    float(raw["calibration"][1]),
                    float(raw["calibration"][2]),
                ),
                float(raw["threshold"]),
            )

        return cls(
            part(data["within"]),
            part(data["across"]),
            int(data.get("window", WINDOW)),
            tuple(str(t) for t in data.get("trained_on", [])),
        )


@cache
def default_model() -> RelationModel:
    """The model shipped in the package (``arggraph/extract/relation_model.json``)."""
    text = resources.files("arggraph.extract").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return RelationModel.from_dict(json.loads(text))


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x))


def within_scores(context: PairContext, model: RelationModel | None = None) -> list[PairScore]:
    """Every ordered pair of one document within the window, scored (source order)."""
    part = (model or default_model()).within
    width = (model or default_model()).window
    return [
        part.score(source, target, context.features(source, target))
        for source in range(len(context.nodes))
        for target in context.window(source, width=width)
    ]


def decode_forest(scores: list[PairScore], threshold: float) -> list[PairScore]:
    """The highest-confidence forest: each source at most one target, no cycles.

    Edmonds' maximum branching over the pairs whose confidence reaches ``threshold``
    (edges point from target to source, so a branching gives each source one target).
    """
    graph: nx.DiGraph[int] = nx.DiGraph()
    for s in scores:
        if s.confidence >= threshold:
            graph.add_edge(s.target, s.source, weight=s.confidence, score=s)
    if graph.number_of_edges() == 0:
        return []
    branching = nx.maximum_branching(graph, attr="weight", preserve_attrs=True)
    kept = [graph.edges[u, v]["score"] for u, v in branching.edges()]
    return sorted(kept, key=lambda s: (s.source, s.target))


def learned_relations(
    nodes: list[RelationNode],
    *,
    model: RelationModel | None = None,
    threshold: float | None = None,
    context: PairContext | None = None,
) -> list[DraftRelation]:
    """Relations within each document, decoded into a forest (module docs).

    Parameters
    ----------
    nodes
        The claims, ``nodes[i].index == i``, in document order.
    model
        Default :func:`default_model`.
    threshold
        Confidence from which a relation is proposed; default the model's own,
        chosen when training to maximise F1 on held-out texts.
    context
        The pair features' shared context, if already built for ``nodes``.

    Returns
    -------
    list[DraftRelation]
        Ordered by source; ``confidence`` is calibrated.
    """
    model = model or default_model()
    context = context or PairContext(nodes)
    cut = model.within.threshold if threshold is None else threshold
    chosen = decode_forest(within_scores(context, model), cut)
    return [
        DraftRelation(
            s.source,
            s.target,
            s.kind,
            round(s.confidence, 2),
            f"learned model (P(related) {s.relation:.2f}, P({s.kind}) {s.kind_given_relation:.2f})",
        )
        for s in chosen
    ]


def cross_document_relations(
    nodes: list[RelationNode],
    *,
    model: RelationModel | None = None,
    budget: int = 1,
    threshold: float = 0.0,
    same_question: dict[int, set[str]] | None = None,
    context: PairContext | None = None,
) -> list[DraftRelation]:
    """Relations between claims of different documents on the same question, best first.

    Parameters
    ----------
    nodes
        The claims, ``nodes[i].index == i``.
    model
        Default :func:`default_model`; its ``across`` part (content only) scores pairs.
    budget
        At most this many proposals from each claim (its best targets).
    threshold
        Leave out proposals under this confidence.
    same_question
        Node index -> the questions (or topics) it answers; two claims are paired only
        when they share one. Default: the nodes' ``topic`` (``-1``: none).
    context
        The pair features' shared context, if already built for ``nodes``.

    Returns
    -------
    list[DraftRelation]
        Ranked by confidence (highest first, ties by source and target).
    """
    model = model or default_model()
    context = context or PairContext(nodes)
    questions = same_question or {n.index: {str(n.topic)} for n in nodes if n.topic >= 0}
    proposals: list[PairScore] = []
    for source in nodes:
        mine = questions.get(source.index, set())
        if not mine:
            continue
        scored = [
            model.across.score(
                source.index,
                target.index,
                context.features(source.index, target.index, positional=False),
            )
            for target in nodes
            if target.document != source.document and mine & questions.get(target.index, set())
        ]
        scored.sort(key=lambda s: (-s.confidence, s.target))
        proposals += [s for s in scored[:budget] if s.confidence >= threshold]
    proposals.sort(key=lambda s: (-s.confidence, s.source, s.target))
    return [
        DraftRelation(
            s.source,
            s.target,
            s.kind,
            round(s.confidence, 2),
            f"learned model, across documents (P(related) {s.relation:.2f})",
        )
        for s in proposals
    ]
