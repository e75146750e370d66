"""Candidate relations from discourse cues, and the nearest-neighbour baseline."""

from __future__ import annotations

import pytest

from arggraph.extract.relations import (
    RelationNode,
    candidate_relations,
    nearest_neighbour_relations,
)


def _relations(texts: list[str], speakers: list[str] | None = None) -> list[tuple[int, int, str]]:
    speakers = speakers or ["ann"] * len(texts)
    nodes = [RelationNode(i, "d", 0, i, speakers[i], t) for i, t in enumerate(texts)]
    same = [[1.0 if i == j else 0.5 for j in range(len(texts))] for i in range(len(texts))]
    return [(r.source, r.target, r.kind) for r in candidate_relations(nodes, same)]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        # a reason clause supports the clause before
        (
            ["We should subsidise the treatments,", "since they can cure an illness."],
            [(1, 0, "supports")],
        ),
        # a concession rebuts the main claim; the contrast answers the concession
        (
            [
                "We should raise the fines.",
                "Of course, owners first have to be caught.",
                "But once they pay, they will change.",
            ],
            [(1, 0, "rebuts"), (2, 1, "rebuts")],
        ),
        # "X. But Y.": X is the objection Y answers
        (
            [
                "Shops should open on Sundays.",
                "Workers lose their day of rest.",
                "But most of them choose these shifts.",
            ],
            [(1, 0, "rebuts"), (2, 1, "rebuts")],
        ),
        # other claims support the passage's thesis
        (
            ["Tuition fees are therefore the right measure.", "Universities lack money badly."],
            [(1, 0, "supports")],
        ),
    ],
)
def test_cue_rules(texts: list[str], expected: list[tuple[int, int, str]]) -> None:
    assert _relations(texts) == expected


def test_disagreement_rebuts_another_speakers_claim() -> None:
    nodes = [
        RelationNode(0, "talk", 0, 0, "rosen", "DeepSeek is a Sputnik moment for America."),
        RelationNode(1, "talk", 1, 1, "heim", "I wouldn't call it a Sputnik moment at all."),
    ]
    relations = candidate_relations(nodes, [[1, 0.6], [0.6, 1]])
    assert [(r.source, r.target, r.kind) for r in relations] == [(1, 0, "rebuts")]
    assert 0 < relations[0].confidence < 1
    assert "disagreement" in relations[0].reason


def test_no_pair_is_linked_twice() -> None:
    nodes = [
        RelationNode(0, "t", 0, 0, "a", "I agree that compute matters a lot."),
        RelationNode(1, "t", 1, 1, "b", "I agree that compute matters a great deal."),
    ]
    relations = candidate_relations(nodes, [[1, 0.9], [0.9, 1]])
    pairs = [frozenset((r.source, r.target)) for r in relations]
    assert len(pairs) == len(set(pairs)) == 1


def test_nearest_neighbour_baseline_only_supports() -> None:
    similarity = [[1, 0.5, 0.1], [0.5, 1, 0.2], [0.1, 0.2, 1]]
    relations = nearest_neighbour_relations(similarity)
    assert [(r.source, r.target, r.kind) for r in relations] == [
        (0, 1, "supports"),
        (2, 1, "supports"),
    ]
