"""Leave-one-document-out robustness: recounting only what a document touches changes nothing."""

from __future__ import annotations

import random
from typing import Any

import pytest

import arggraph
from arggraph.analysis.contestedness import contested_topics
from arggraph.analysis.positions import positions
from arggraph.analysis.robustness import Score, rank_moves
from arggraph.model import ArgumentGraph
from arggraph.synthetic import synthetic_graph_data


def rough_graph(seed: int) -> ArgumentGraph:
    """A synthetic graph with what robustness must get right: dated documents (some
    undated), claims quoted in two documents, group speakers, askers, relations drawn
    by a speaker in a document, and undercuts (some of undercuts)."""
    rng = random.Random(seed)
    data, texts = synthetic_graph_data(
        240, n_documents=9, n_speakers=30, stance_share=0.6, sub_question_share=0.5, seed=seed
    )
    for document in data["documents"]:
        document.pop("path")
        document["date"] = rng.choice([None, "2024", "2025-01", "2025-02-11", "2025-03"])
    for speaker in data["speakers"][:4]:
        speaker["kind"] = "group"
    ids = [d["id"] for d in data["documents"]]
    for claim in data["claims"]:
        first = claim["attributions"][0]
        if rng.random() < 0.3:
            other = rng.choice(ids)
            texts[other] += first["quote"] + "\n"
            speaker = f"s{rng.randrange(30)}"
            asked = rng.random() < 0.2
            claim["attributions"].append(
                {"speaker": speaker, "document": other, "quote": first["quote"], "asked": asked}
            )
    relations: list[dict[str, Any]] = data["relations"]
    for k, rel in enumerate(relations):
        rel["id"] = f"r{k}"
        if rng.random() < 0.1:
            rel["attribution"] = {
                "speaker": f"s{rng.randrange(30)}",
                "document": rng.choice(ids),
                "quote": "Claim",
                "implicit": True,
            }
    for k in range(40):
        attacked = rng.choice(relations)
        source = f"c{rng.randrange(240)}"
        if source not in (attacked["source"], attacked["target"]):
            relations.append(
                {"id": f"u{k}", "source": source, "target": attacked["id"], "kind": "rebuts"}
            )
    for document in data["documents"]:
        document["text"] = texts[document["id"]]
    return ArgumentGraph.model_validate(data)


def rerun_moves(graph: ArgumentGraph) -> dict[str, list[tuple[str, int]]]:
    """The moves as the definition says: rank every question again without each document."""
    base = {q.id: q.rank for q in contested_topics(graph, robustness=False).questions}
    moves: dict[str, list[tuple[str, int]]] = {q: [] for q in base}
    for document in graph.documents:
        stands = positions(graph, without_document=document.id)
        for q in contested_topics(graph, robustness=False, stands=stands).questions:
            if q.rank != base[q.id]:
                moves[q.id].append((document.id, q.rank))
    return moves


def found_moves(graph: ArgumentGraph) -> dict[str, list[tuple[str, int]]]:
    report = contested_topics(graph)
    return {
        q.id: [(m.without, m.rank) for m in q.robustness.moves]
        for q in report.questions
        if q.robustness is not None
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_recounting_touched_questions_equals_rerunning_every_document(seed: int) -> None:
    graph = rough_graph(seed)
    expected = rerun_moves(graph)
    assert sum(map(len, expected.values())) > 0  # something moves: the check has teeth
    assert found_moves(graph) == expected


def test_the_deepseek_graph_moves_as_when_rerun() -> None:
    graph = arggraph.load("graphs/deepseek.yaml")
    assert found_moves(graph) == rerun_moves(graph)


CASES: list[tuple[dict[str, Score], dict[str, Score], dict[str, int]]] = [
    # base scores, one run's changed scores, the ranks that move in that run
    (
        {"a": (True, 3.0), "b": (True, 2.0), "c": (True, 1.0)},
        {"c": (True, 5.0)},
        {"c": 1, "a": 2, "b": 3},
    ),
    (
        {"a": (True, 3.0), "b": (True, 2.0), "c": (True, 1.0)},
        {"a": (False, 0.0)},
        {"a": 0, "b": 1, "c": 2},
    ),
    ({"a": (True, 3.0), "b": (True, 2.0), "c": (False, 0.0)}, {"c": (True, 2.5)}, {"c": 2, "b": 3}),
    ({"a": (True, 3.0), "b": (True, 2.0)}, {"a": (True, 3.0)}, {}),
    ({"a": (True, 2.0), "b": (True, 2.0)}, {"b": (True, 2.0), "a": (True, 1.0)}, {"b": 1, "a": 2}),
    (
        {"a": (True, 3.0), "b": (True, 2.0), "c": (True, 1.0)},
        {"a": (True, 1.5), "c": (True, 2.5)},
        {"c": 1, "a": 3},  # b stays second
    ),
]


@pytest.mark.parametrize(("base", "changed", "moved"), CASES)
def test_rank_moves(
    base: dict[str, Score], changed: dict[str, Score], moved: dict[str, int]
) -> None:
    moves = rank_moves(base, iter([("doc", changed)]))
    assert {q: found for q, ((_, found),) in moves.items()} == moved
