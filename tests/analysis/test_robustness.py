"""Leave-one-document-out robustness: recounting only what a document touches changes nothing."""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterable
from typing import Any

import pytest

import arggraph
from arggraph.analysis.contestedness import contested_topics
from arggraph.analysis.positions import positions, question_voices_and_reading
from arggraph.analysis.rank_moves import KEPT_MOVES, KeptMoves, Score, rank_moves
from arggraph.analysis.robustness import _Base, _Counts, _Reading, leave_one_out_tallies
from arggraph.analysis.signed import signed_links
from arggraph.model import ArgumentGraph
from arggraph.synthetic import synthetic_graph_data


def rough_graph(seed: int, quoted_again: float = 0.3) -> ArgumentGraph:
    """A synthetic graph with what robustness must get right: dated documents (some
    undated), claims quoted again (``quoted_again`` of them, in the same or another
    document), group speakers, askers, relations drawn by a speaker in a document, and
    undercuts (some of undercuts)."""
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
        if rng.random() < quoted_again:
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


def kept_moves(base_rank: int, ranks: Iterable[tuple[int, int]]) -> KeptMoves:
    """What :func:`rank_moves` keeps of a question's (run, rank) in every run, by
    definition: one run at a time, a drop listed, a rank offered to both bounded heaps."""
    summary = KeptMoves()
    for run, rank in ranks:
        if rank == base_rank:
            continue
        summary.moved += 1
        if rank == 0:
            summary.dropped.append(run)
        else:
            _keep_smallest(summary.best, (rank, run))
            _keep_smallest(summary.worst, (-rank, run))
    return summary


def _keep_smallest(heap: list[tuple[int, int]], key: tuple[int, int]) -> None:
    """Keep the :data:`KEPT_MOVES` smallest keys in ``heap``, stored negated (a max-heap)."""
    negated = (-key[0], -key[1])
    if len(heap) < KEPT_MOVES:
        heapq.heappush(heap, negated)
    elif negated > heap[0]:
        heapq.heapreplace(heap, negated)


def rerun_moves(graph: ArgumentGraph) -> dict[str, tuple[int, list[tuple[str, int]]]]:
    """The moves as the definition says: rank every question again without each document,
    then keep of them what :func:`kept_moves` keeps: (runs that move it, kept moves)."""
    base = {q.id: q.rank for q in contested_topics(graph, robustness=False).questions}
    ranks: dict[str, list[tuple[int, int]]] = {q: [] for q in base}
    documents = [d.id for d in graph.documents]
    for run, document in enumerate(documents):
        stands = positions(graph, without_document=document)
        for q in contested_topics(graph, robustness=False, stands=stands).questions:
            ranks[q.id].append((run, q.rank))
    summaries = {q: kept_moves(base[q], ranks[q]) for q in base}
    return {
        q: (k.moved, [(documents[run], rank) for run, rank in k.kept()])
        for q, k in summaries.items()
    }


def found_moves(graph: ArgumentGraph) -> dict[str, tuple[int, list[tuple[str, int]]]]:
    report = contested_topics(graph)
    return {
        q.id: (q.robustness.moved, [(m.without, m.rank) for m in q.robustness.moves])
        for q in report.questions
        if q.robustness is not None
    }


@pytest.mark.parametrize(("seed", "quoted_again"), [(1, 0.3), (2, 0.3), (3, 0.3), (4, 0.03)])
def test_recounting_touched_questions_equals_rerunning_every_document(
    seed: int, quoted_again: float
) -> None:
    graph = rough_graph(seed, quoted_again)
    expected = rerun_moves(graph)
    assert sum(moved for moved, _ in expected.values()) > 0  # something moves: the check has teeth
    assert found_moves(graph) == expected


def test_some_moves_are_counted_but_not_kept() -> None:
    """The rough graphs move some question in more runs than are kept: the cut is tested."""
    found = found_moves(rough_graph(1))
    assert any(moved > len(kept) for moved, kept in found.values())


@pytest.mark.parametrize("seed", [1, 4])
def test_starting_from_what_positions_read_equals_reading_the_graph_again(seed: int) -> None:
    """The runs take holdings, answers and crux statuses from positions' index as
    contested_topics reads voices with it: the tallies are those of runs that have the
    index read the graph on its own (``whole_reading``)."""
    graph = rough_graph(seed, quoted_again=0.3 if seed == 1 else 0.03)
    links = signed_links(graph)
    _, whole = question_voices_and_reading(graph, links)
    assert sum(len(s) for s in whole.crux_status.values()) > 0
    assert any(done for s in whole.crux_status.values() for _, done in s)  # answered cruxes too
    shared = list(leave_one_out_tallies(graph, links, whole=whole))
    assert shared == list(leave_one_out_tallies(graph, links))
    assert any(tallies for _, tallies in shared)


def test_the_deepseek_graph_moves_as_when_rerun() -> None:
    graph = arggraph.load("graphs/deepseek.yaml")
    assert found_moves(graph) == rerun_moves(graph)


def test_the_range_of_ranks_is_that_of_every_run() -> None:
    graph = rough_graph(2)
    base = {q.id: q.rank for q in contested_topics(graph, robustness=False).questions}
    every: dict[str, list[int]] = {q: [rank] for q, rank in base.items()}
    for document in graph.documents:
        stands = positions(graph, without_document=document.id)
        for q in contested_topics(graph, robustness=False, stands=stands).questions:
            every[q.id].append(q.rank)
    for q in contested_topics(graph).questions:
        assert q.robustness is not None
        ranks = every[q.id]
        lowest = min(ranks) if q.rank else min((r for r in ranks if r), default=0)
        assert (q.robustness.lowest, q.robustness.highest) == (
            lowest,
            0 if 0 in ranks else max(ranks),
        )


def test_kept_moves_keeps_drops_and_the_best_and_worst_ranks() -> None:
    # base rank 5; runs 0-9 give these ranks (runs 1 and 7 drop it out)
    ranks = [4, 0, 6, 2, 5, 9, 2, 0, 8, 3]
    summary = kept_moves(5, enumerate(ranks))
    assert summary.moved == 9
    # best: 2 (run 3), 2 (run 6), 3 (run 9); worst: 9 (run 5), 8 (run 8), 6 (run 2)
    assert summary.kept() == [(1, 0), (2, 6), (3, 2), (5, 9), (6, 2), (7, 0), (8, 8), (9, 3)]


@pytest.mark.parametrize("seed", range(20))
def test_rank_moves_equals_ranking_every_run(seed: int) -> None:
    """Many runs over few questions, so most moves are shifts and many are cut."""
    rng = random.Random(seed)
    names = [f"q{k:02d}" for k in range(rng.randrange(2, 30))]

    def score() -> Score:
        contested = rng.random() < 0.7
        return (contested, float(rng.randrange(1, 8)) if contested else 0.0)

    base = {q: score() for q in names}
    runs = [
        (f"d{k}", {q: score() for q in rng.sample(names, rng.randrange(0, 4))})
        for k in range(rng.randrange(1, 25))
    ]
    found = rank_moves(base, iter(runs))
    base_rank = ranks_of(base)
    ranks: dict[str, list[tuple[int, int]]] = {q: [] for q in names}
    for run, (_, changed) in enumerate(runs):
        for q, rank in ranks_of({**base, **changed}).items():
            ranks[q].append((run, rank))
    for q in names:
        expected = kept_moves(base_rank[q], ranks[q])
        got = found.get(q, KeptMoves())
        assert (got.moved, got.kept()) == (expected.moved, expected.kept())


def ranks_of(scores: dict[str, Score]) -> dict[str, int]:
    ordered = sorted(scores, key=lambda q: (-scores[q][1], q))
    return {q: (i if scores[q][0] else 0) for i, q in enumerate(ordered, start=1)}


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
    assert {q: found for q, k in moves.items() for ((_, found),) in [k.kept()]} == moved


def dropped_and_reread(graph: ArgumentGraph) -> tuple[int, int]:
    """Check every (question, document) the dropping shortcut takes against reading the
    document's claims again; return (shortcuts checked, recounts it cannot take)."""
    base = _Base.of(graph, signed_links(graph))
    whole = _Reading(base, None)
    checked = reread = 0
    for question in sorted(base.answers):
        counts = _Counts.of(whole, question)
        quoting, shared = counts.quoted_by_document(base)
        for document, changed in quoting.items():
            reading = _Reading(base, document)
            if all(base.only_in.get(c) == document for c in changed):
                assert document not in shared
                dropped = counts.without_dropped(whole, document, changed)
                assert dropped == counts.without(reading, changed), (question, document)
                checked += 1
            else:
                assert document in shared
                reread += 1
    return checked, reread


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dropping_claims_quoted_in_one_document_equals_reading_them_again(seed: int) -> None:
    checked, reread = dropped_and_reread(rough_graph(seed, quoted_again=0.03))
    assert (checked > 30, reread > 10) == (True, True)  # both ways are taken


def test_a_graph_of_claims_quoted_once_only_drops() -> None:
    data, texts = synthetic_graph_data(
        400, n_documents=6, n_speakers=25, stance_share=0.6, sub_question_share=0.5, seed=4
    )
    for document in data["documents"]:
        document.pop("path")
        document["text"] = texts[document["id"]]
    graph = ArgumentGraph.model_validate(data)
    checked, reread = dropped_and_reread(graph)
    assert (checked > 100, reread) == (True, 0)
    assert found_moves(graph) == rerun_moves(graph)


@pytest.mark.parametrize(("seed", "robust"), [(1, True), (2, False), (4, True)])
def test_voices_counted_from_the_graph_equal_those_read_from_positions(
    seed: int, robust: bool
) -> None:
    """contested_topics counts voices, documents and cruxes without building positions;
    given positions (``stands``) it reads them there: the two reports are the same."""
    graph = rough_graph(seed, quoted_again=0.3 if seed != 4 else 0.03)
    counted = contested_topics(graph, robustness=robust)
    read = contested_topics(graph, robustness=robust, stands=positions(graph))
    assert any(q.contested and q.answered and q.mixed for q in counted.questions)
    assert counted.model_dump_json() == read.model_dump_json()
