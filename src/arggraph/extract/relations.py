"""Candidate relations between claims: who supports or rebuts what, with a confidence.

Each claim proposes at most one relation, its most likely target, by the first rule
that applies (confidences in brackets, raised a little by similarity):

1. **Answering another speaker**: a claim with an agreement cue (*I agree*,
   *building on*, *exactly*) supports, one with a disagreement cue (*I don't think*,
   *misleading*, *wrong*, *myth*) rebuts, the most similar earlier claim of another
   speaker (0.55).
2. **A reason clause** opening with *since* / *because* supports the clause before (0.7).
3. **A concession** (*granted*, *of course*, *admittedly*, *it is true that*) rebuts
   its segment's main claim (0.6); so does a claim the next one answers with a
   contrast (*X. But Y.*: X is the view Y answers) (0.5).
4. **A contrast** opening with *but* / *however* / *yet* rebuts the claim before (0.55).
5. **An elaboration** (*for example*, *this means*) supports the claim before (0.6).
6. **Another claim of a segment** supports the segment's main claim: the one that most
   recommends or concludes (*should*, *therefore*) (0.45).
7. **A segment's main claim** links to the most similar claim of the same topic
   elsewhere, if similar enough: it rebuts when it carries contrast or disagreement
   cues and the other does not, otherwise it supports (0.3).

A segment is a transcript turn or a paragraph. The same pair of claims is never
linked twice. :func:`nearest_neighbour_relations` is the baseline without cues.

Example
-------
>>> nodes = [RelationNode(0, "d", 0, 0, "ann", "We should keep the controls."),
...          RelationNode(1, "d", 0, 1, "ann", "Granted, they leak a lot at the margins.")]
>>> [(r.source, r.target, r.kind) for r in candidate_relations(nodes, [[1, .2], [.2, 1]])]
[(1, 0, 'rebuts')]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from arggraph.extract.cues import cues_in, first_cue
from arggraph.model import RelationKind

__all__ = [
    "DraftRelation",
    "RelationNode",
    "candidate_relations",
    "nearest_neighbour_relations",
]


@dataclass
class RelationNode:
    """A claim as the relation finder sees it."""

    index: int
    document: str
    segment: int
    order: int
    speaker: str
    text: str
    topic: int = -1
    cues: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.cues:
            self.cues = cues_in(self.text)


@dataclass(frozen=True)
class DraftRelation:
    """``source`` supports or rebuts ``target`` (node indices), how sure, and why."""

    source: int
    target: int
    kind: RelationKind
    confidence: float
    reason: str


_Add = Callable[[RelationNode, int, RelationKind, float, str], bool]


def _conclusion_weight(node: RelationNode, first: bool, last: bool) -> float:
    """How much a claim reads as the thesis of its passage.

    Recommending and concluding count most; a passage's first claim (and less, its
    last) is where a thesis usually stands; a claim that opens by pointing back
    (*this*, *that*), conceding, contrasting or giving a reason is not the thesis.
    """
    weight = 2.0 * ("recommend" in node.cues) + 2.5 * ("conclude" in node.cues)
    weight += 0.5 * ("evaluate" in node.cues) + 0.5 * ("stance" in node.cues)
    weight += 0.5 * first + 0.25 * last
    if _opener(node) is not None:
        weight -= 2.0
    if node.text.lstrip("\"'\u201c ").lower().startswith(_ANAPHORIC):
        weight -= 1.0
    return weight


_ANAPHORIC = ("this ", "that ", "these ", "those ", "it ", "they ", "their ", "its ")


def _segment_mains(nodes: list[RelationNode]) -> dict[tuple[str, int], int]:
    """The main claim of each segment with two or more claims (first of the heaviest)."""
    by_segment: dict[tuple[str, int], list[RelationNode]] = {}
    for node in nodes:
        by_segment.setdefault((node.document, node.segment), []).append(node)
    mains = {}
    for key, members in by_segment.items():
        if len(members) < 2:
            continue
        weights = [
            (_conclusion_weight(n, i == 0, i == len(members) - 1), -n.order, n.index)
            for i, n in enumerate(members)
        ]
        mains[key] = max(weights)[2]
    return mains


def candidate_relations(
    nodes: list[RelationNode],
    similarity: list[list[float]],
    *,
    related: float = 0.12,
) -> list[DraftRelation]:
    """Candidate supports/rebuts relations among ``nodes``, at most one from each.

    Parameters
    ----------
    nodes
        The claims, ``nodes[i].index == i``, in document order.
    similarity
        ``similarity[i][j]``: how alike claims ``i`` and ``j`` are (cosine).
    related
        The similarity from which two claims are alike enough to link (rules 1 and 7).

    Returns
    -------
    list[DraftRelation]
        Ordered by source.
    """
    mains = _segment_mains(nodes)
    previous: dict[int, RelationNode] = {}
    following: dict[int, RelationNode] = {}
    last_in_segment: dict[tuple[str, int], RelationNode] = {}
    for node in nodes:
        key = (node.document, node.segment)
        if key in last_in_segment:
            previous[node.index] = last_in_segment[key]
            following[last_in_segment[key].index] = node
        last_in_segment[key] = node
    linked: set[frozenset[int]] = set()
    relations: list[DraftRelation] = []
    loose: list[RelationNode] = []

    def add(source: RelationNode, target: int, kind: RelationKind, base: float, why: str) -> bool:
        pair = frozenset((source.index, target))
        if target == source.index or pair in linked:
            return False
        linked.add(pair)
        sim = max(0.0, similarity[source.index][target])
        confidence = round(min(0.95, base + 0.2 * sim), 2)
        relations.append(DraftRelation(source.index, target, kind, confidence, why))
        return True

    for node in nodes:
        before = previous.get(node.index)
        main = mains.get((node.document, node.segment))
        if _answers_someone(node, nodes, similarity, related, add):
            continue
        opener = _opener(node)
        after = following.get(node.index)
        if opener is None and after is not None and _opener(after) == "contrast":
            opener = "conceded"  # "X. But Y.": X is the view Y answers
        if opener == "cause" and before is not None:
            add(node, before.index, "supports", 0.7, "reason clause (since/because)")
        elif opener == "concede" and main is not None and main != node.index:
            add(node, main, "rebuts", 0.6, f"concession ({first_cue(node.text, 'concede')})")
        elif opener == "conceded" and main is not None and main != node.index:
            add(node, main, "rebuts", 0.5, "objection: the next claim answers it with a contrast")
        elif opener == "contrast" and before is not None:
            add(
                node, before.index, "rebuts", 0.55, f"contrast ({first_cue(node.text, 'contrast')})"
            )
        elif opener == "elaborate" and before is not None:
            add(node, before.index, "supports", 0.6, "elaboration of the claim before")
        elif main is not None and main != node.index:
            add(node, main, "supports", 0.45, "supports the main claim of its passage")
        else:
            loose.append(node)
    for node in loose:  # the weakest rule last, so that it never pre-empts a cue
        _link_elsewhere(node, nodes, similarity, related, add)
    return sorted(relations, key=lambda r: (r.source, r.target))


def _opener(node: RelationNode) -> str | None:
    """How the claim opens: a reason, concession, contrast or elaboration cue."""
    lowered = node.text.lstrip("\"'\u201c\u2018 ").lower()
    if lowered.startswith(("since ", "because ", "as a result", "after all")):
        return "cause"
    for family in ("concede", "contrast", "elaborate"):
        if first_cue(node.text, family, within=2):
            return family
    return None


def _answers_someone(
    node: RelationNode,
    nodes: list[RelationNode],
    similarity: list[list[float]],
    related: float,
    add: _Add,
) -> bool:
    """Rule 1: agreement or disagreement with the most similar earlier claim of another."""
    if "disagree" in node.cues:
        kind: RelationKind = "rebuts"
        cue = node.cues["disagree"][0]
    elif "agree" in node.cues:
        kind, cue = "supports", node.cues["agree"][0]
    else:
        return False
    others = [
        other
        for other in nodes
        if other.speaker != node.speaker
        and (other.document != node.document or other.order < node.order)
        and similarity[node.index][other.index] >= related
    ]
    if not others:
        return False
    target = max(others, key=lambda o: (similarity[node.index][o.index], -o.index))
    reason = f"{'dis' if kind == 'rebuts' else ''}agreement cue '{cue}'"
    return add(node, target.index, kind, 0.55, reason)


def _link_elsewhere(
    node: RelationNode,
    nodes: list[RelationNode],
    similarity: list[list[float]],
    related: float,
    add: _Add,
) -> None:
    """Rule 7: the most similar claim of the same topic outside the node's segment."""
    candidates = [
        other
        for other in nodes
        if other.topic == node.topic
        and (other.document, other.segment) != (node.document, node.segment)
        and similarity[node.index][other.index] >= 2 * related
    ]
    if not candidates:
        return
    target = max(candidates, key=lambda o: (similarity[node.index][o.index], -o.index))
    opposed = ("contrast" in node.cues or "disagree" in node.cues) and not (
        "contrast" in target.cues or "disagree" in target.cues
    )
    add(
        node,
        target.index,
        "rebuts" if opposed else "supports",
        0.3,
        "similar claim on the same topic" + (", contrast cue" if opposed else ""),
    )


def nearest_neighbour_relations(similarity: list[list[float]]) -> list[DraftRelation]:
    """Baseline: each claim supports the claim most similar to it; no cues, no rebuttals.

    >>> similarity = [[1, .5, .1], [.5, 1, .2], [.1, .2, 1]]
    >>> [(r.source, r.target) for r in nearest_neighbour_relations(similarity)]
    [(0, 1), (2, 1)]
    """
    linked: set[frozenset[int]] = set()
    relations = []
    for i, row in enumerate(similarity):
        others = [(s, -j) for j, s in enumerate(row) if j != i and s > 0]
        if not others:
            continue
        best, negative_j = max(others)
        pair = frozenset((i, -negative_j))
        if pair in linked:
            continue
        linked.add(pair)
        relations.append(
            DraftRelation(i, -negative_j, "supports", round(best, 2), "nearest neighbour")
        )
    return relations
