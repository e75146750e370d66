"""Features of an ordered pair of claims, for the learned relation model.

:class:`PairContext` prepares what every pair of a set of claims shares (TF-IDF
vectors, positions within each document, each passage's main claim), and
:meth:`PairContext.features` describes the pair ``source -> target`` as a sparse dict
of named features:

- **content** (both models): TF-IDF cosine of the two claims, shared content words, shared names and
  numbers, the discourse-cue families of each (:mod:`arggraph.extract.cues`), how
  each opens (reason, concession, contrast, elaboration), a negation on one side
  only, and the first word of each (lower case);
- **position** (the within-document model only): signed distance in claims,
  first / last claim of the document, same passage, the target being its passage's
  main claim, whether the speaker changes, whether the target is the most
  similar of the source's neighbours, and what the cue rules
  (:func:`~arggraph.extract.relations.candidate_relations`) propose for the pair.

Pure Python: the same code computes features when training (with scikit-learn, in
``benchmarks/train_relations.py``) and when drafting (no scikit-learn).

Example
-------
>>> nodes = [RelationNode(0, "d", 0, 0, "ann", "We should keep the controls."),
...          RelationNode(1, "d", 0, 1, "ann", "Because they slow China down a lot.")]
>>> features = PairContext(nodes).features(1, 0)
>>> features["dist:-1"], features["s_open:cause"]
(1.0, 1.0)
"""

from __future__ import annotations

import math
import re

from arggraph.extract.relations import (
    RelationNode,
    _conclusion_weight,
    _opener,
    candidate_relations,
)
from arggraph.extract.sentences import words
from arggraph.extract.topics import LexicalEmbedder, content_terms

__all__ = ["WINDOW", "PairContext"]

WINDOW = 8
"""Within a document, a claim is paired with the claims at most this many claims away."""

_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]+|[0-9][0-9.,%$]*)")


def _names(text: str) -> set[str]:
    """Capitalised words that do not open a sentence, and numbers: rough named entities."""
    return {m.group(1).lower().strip(".,") for m in _NAME.finditer(text.strip())}


def _distance_bucket(distance: int) -> str:
    if abs(distance) <= 2:
        return f"{distance:+d}"
    if abs(distance) <= 4:
        return "+3..4" if distance > 0 else "-3..4"
    return "+5.." if distance > 0 else "-5.."


class PairContext:
    """What the pairs of ``nodes`` share; ``nodes[i].index == i``, in document order."""

    def __init__(self, nodes: list[RelationNode]) -> None:
        self.nodes = nodes
        self.similarity = LexicalEmbedder().similarity_matrix([n.text for n in nodes])
        self.terms = [set(content_terms(n.text)) for n in nodes]
        self.names = [_names(n.text) for n in nodes]
        self.openers = [_opener(n) for n in nodes]
        self.heads = [(words(n.text) or [""])[0] for n in nodes]
        by_document: dict[str, list[int]] = {}
        for node in nodes:
            by_document.setdefault(node.document, []).append(node.index)
        self.position: dict[int, tuple[int, int]] = {}  # index -> (rank in document, size)
        for members in by_document.values():
            ordered = sorted(members, key=lambda i: nodes[i].order)
            for rank, i in enumerate(ordered):
                self.position[i] = (rank, len(ordered))
        self.documents = {
            d: sorted(m, key=lambda i: nodes[i].order) for d, m in by_document.items()
        }
        self.main = self._segment_mains()
        # the cue rules' own reading of the text, as evidence the model weighs
        self.rules = {
            (r.source, r.target): r.kind
            for r in candidate_relations(nodes, self.similarity, related=LexicalEmbedder.related)
        }
        self.best = [
            max(self.window(i), key=lambda j: (self.similarity[i][j], -j), default=-1)
            for i in range(len(nodes))
        ]

    def _segment_mains(self) -> set[int]:
        by_segment: dict[tuple[str, int], list[RelationNode]] = {}
        for node in self.nodes:
            by_segment.setdefault((node.document, node.segment), []).append(node)
        mains = set()
        for members in by_segment.values():
            members.sort(key=lambda n: n.order)
            weights = [
                (_conclusion_weight(n, i == 0, i == len(members) - 1), -n.order, n.index)
                for i, n in enumerate(members)
            ]
            mains.add(max(weights)[2])
        return mains

    def window(self, source: int, *, width: int = WINDOW) -> list[int]:
        """The claims of ``source``'s document at most ``width`` claims away from it."""
        members = self.documents[self.nodes[source].document]
        rank = self.position[source][0]
        return [j for j in members[max(0, rank - width) : rank + width + 1] if j != source]

    def features(self, source: int, target: int, *, positional: bool = True) -> dict[str, float]:
        """Named features of ``source -> target`` (absent features are 0)."""
        s, t = self.nodes[source], self.nodes[target]
        sim = max(0.0, self.similarity[source][target])
        shared = self.terms[source] & self.terms[target]
        union = self.terms[source] | self.terms[target]
        f: dict[str, float] = {
            "bias": 1.0,
            "sim": sim,
            "sqrt_sim": math.sqrt(sim),
            "jaccard": len(shared) / len(union) if union else 0.0,
            "shared_names": min(3, len(self.names[source] & self.names[target])) / 3,
        }
        for family in s.cues:
            f[f"s_cue:{family}"] = 1.0
        for family in t.cues:
            f[f"t_cue:{family}"] = 1.0
        if self.openers[source]:
            f[f"s_open:{self.openers[source]}"] = 1.0
        if self.openers[target]:
            f[f"t_open:{self.openers[target]}"] = 1.0
        if ("negation" in s.cues) != ("negation" in t.cues):
            f["negation_one_side"] = 1.0
        if "contrast" in s.cues or "disagree" in s.cues:
            f["s_opposes_x_sim"] = sim
        f[f"s_head:{self.heads[source]}"] = 1.0
        f[f"t_head:{self.heads[target]}"] = 1.0
        if not positional:
            return f
        (s_rank, size), (t_rank, _) = self.position[source], self.position[target]
        distance = t_rank - s_rank
        f[f"dist:{_distance_bucket(distance)}"] = 1.0
        f["abs_dist"] = abs(distance) / size
        f["log_size"] = math.log(size)
        f["s_first"] = float(s_rank == 0)
        f["s_last"] = float(s_rank == size - 1)
        f["t_first"] = float(t_rank == 0)
        f["t_last"] = float(t_rank == size - 1)
        f["t_position"] = t_rank / max(1, size - 1)
        f["same_segment"] = float(s.segment == t.segment)
        f["t_main"] = float(target in self.main)
        f["speaker_change"] = float(s.speaker != t.speaker)
        if self.best[source] == target:
            f["most_similar_nearby"] = 1.0
        if (source, target) in self.rules:
            f[f"rule:{self.rules[(source, target)]}"] = 1.0
        if (target, source) in self.rules:
            f["rule:reverse"] = 1.0
        return f
