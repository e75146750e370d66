"""Speaker alignment (who agrees with whom) and the camps it implies."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.analysis.alignment import speaker_alignment, speaker_camps
from arggraph.errors import AnalysisError
from arggraph.model import ArgumentGraph


def graph_of(holders: dict[str, str], relations: Sequence[str] = ()) -> ArgumentGraph:
    """Claims by id -> comma-separated holders; relations as ``"a rebuts b"`` or ``"r1: ..."``.

    Speaker ``x`` is named ``"X"``, so the alignment's order (by name) is alphabetical.
    """
    speakers = sorted({s for by in holders.values() for s in by.split(",")})
    rels = []
    for text in relations:
        rel_id, _, rest = text.rpartition(": ")
        source, kind, target = rest.split()
        rels.append(
            {"source": source, "target": target, "kind": kind} | ({"id": rel_id} if rel_id else {})
        )
    return ArgumentGraph.model_validate(
        {
            "documents": [{"id": "d", "title": "D", "text": "x"}],
            "speakers": [{"id": s, "name": s.upper()} for s in speakers],
            "topics": [{"id": "t", "label": "T"}],
            "claims": [
                {
                    "id": c,
                    "statement": f"Claim {c}.",
                    "topics": ["t"],
                    "attributions": [
                        {"speaker": s, "document": "d", "quote": "x"} for s in by.split(",")
                    ],
                }
                for c, by in holders.items()
            ],
            "relations": rels,
        }
    )


def counts(graph: ArgumentGraph, a: str, b: str) -> tuple[Any, ...]:
    pair = speaker_alignment(graph).pair(a, b)
    assert pair is not None
    return (
        len(pair.supports),
        len(pair.rebuts),
        len(pair.shared_claims),
        len(pair.same_side_of),
        len(pair.opposite_sides_of),
        pair.score,
    )


@pytest.mark.parametrize(
    ("holders", "relations", "expected"),
    [
        pytest.param({"p": "x", "q": "y"}, ["p supports q"], (1, 0, 0, 0, 0, 1.0), id="support"),
        pytest.param({"p": "x", "q": "y"}, ["p rebuts q"], (0, 1, 0, 0, 0, -1.0), id="rebut"),
        pytest.param({"p": "x,y"}, [], (0, 0, 1, 0, 0, 1.0), id="shared-claim"),
        pytest.param(
            {"p": "x", "q": "y", "t": "z"},
            ["p rebuts t", "q rebuts t"],
            (0, 0, 0, 1, 0, 1.0),
            id="both-rebut-a-third-claim",
        ),
        pytest.param(
            {"p": "x", "q": "y", "t": "z"},
            ["p supports t", "q rebuts t"],
            (0, 0, 0, 0, 1, -1.0),
            id="opposite-sides-of-a-third-claim",
        ),
        pytest.param(
            {"p": "x", "q": "y", "r": "x", "t": "z"},
            ["p supports t", "r rebuts t", "q rebuts t"],
            None,
            id="a-speaker-on-both-sides-of-a-claim-takes-neither",
        ),
        pytest.param(
            # a support of x's and a rebuttal both count: (1 - 1) / 2 = 0
            {"p": "x", "q": "y", "s": "x"},
            ["p supports q", "s rebuts q"],
            (1, 1, 0, 0, 0, 0.0),
            id="mixed",
        ),
        pytest.param(
            {"a": "x", "b": "z", "c": "y"},
            ["r1: a supports b", "c rebuts r1"],
            (0, 1, 0, 0, 0, -1.0),
            id="undercut-rebuts-the-inference-maker",
        ),
        pytest.param(
            # agreement 1 + 0.5 (same side of t), disagreement 1: (1.5 - 1) / 2.5 = 0.2
            {"p": "x", "q": "y", "p2": "x", "q2": "y", "t": "z"},
            ["p supports q", "p2 rebuts q2", "p rebuts t", "q rebuts t"],
            (1, 1, 0, 1, 0, 0.2),
            id="weights",
        ),
    ],
)
def test_pair_counts(holders: dict[str, str], relations: list[str], expected: Any) -> None:
    graph = graph_of(holders, relations)
    if expected is None:
        assert speaker_alignment(graph).pair("x", "y") is None
    else:
        assert counts(graph, "x", "y") == expected


def test_evidence_lists_relations_and_claims() -> None:
    graph = graph_of({"p": "x", "q": "y", "t": "z"}, ["p rebuts q", "p rebuts t", "q rebuts t"])
    pair = speaker_alignment(graph).pair("y", "x")
    assert pair is not None
    assert (pair.first, pair.second) == ("x", "y")
    assert (pair.rebuts, pair.same_side_of) == (["p->q"], ["t"])
    assert (pair.agreement, pair.disagreement) == (0.5, 1.0)


def test_matrix_is_symmetric_in_name_order() -> None:
    graph = graph_of({"p": "y", "q": "x", "r": "z"}, ["p rebuts q", "r supports q"])
    alignment = speaker_alignment(graph)
    assert [s.id for s in alignment.speakers] == ["x", "y", "z"]
    assert alignment.score_matrix() == [
        [1.0, -1.0, 1.0],
        [-1.0, 1.0, -1.0],  # y rebuts q, z supports q: opposite sides of q
        [1.0, -1.0, 1.0],
    ]


def test_alignment_refuses_too_many_pairs() -> None:
    holders = {"t": "target"} | {f"c{i}": f"s{i}" for i in range(30)}
    graph = graph_of(holders, [f"c{i} rebuts t" for i in range(30)])
    with pytest.raises(AnalysisError, match="more than 100 speaker pairs"):
        speaker_alignment(graph, max_pairs=100)
    assert len(speaker_alignment(graph).pairs) == 30 + 30 * 29 // 2


def star(rebutters: int) -> ArgumentGraph:
    """``rebutters`` speakers, each rebutting one target claim: their pairs grow as n^2."""
    holders = {"t": "target"} | {f"c{i}": f"s{i}" for i in range(rebutters)}
    return graph_of(holders, [f"c{i} rebuts t" for i in range(rebutters)])


@pytest.mark.parametrize(
    ("rebutters", "refused"),
    [
        (30, False),  # 30 rebuttals + 435 same-side pairs <= 10 x (31 claims + 30 relations)
        (60, True),  # 60 + 1,770 > 10 x (61 + 60)
    ],
)
def test_the_default_budget_grows_with_the_graph_not_with_its_square(
    monkeypatch: pytest.MonkeyPatch, rebutters: int, refused: bool
) -> None:
    monkeypatch.setattr("arggraph.analysis.alignment.DEFAULT_MAX_PAIRS", 0)
    if refused:
        with pytest.raises(AnalysisError, match="more than 1210 speaker pairs"):
            speaker_alignment(star(rebutters))
    else:
        assert len(speaker_alignment(star(rebutters)).pairs) == 30 + 30 * 29 // 2


def test_camps_split_opponents_and_leave_the_unlinked_unaligned() -> None:
    graph = graph_of(
        {"a": "x", "b": "y", "c": "z", "d": "w", "lone": "u"},
        ["a rebuts b", "c supports a", "d supports b"],
    )
    camps = speaker_camps(graph)
    assert [(c.id, [s.id for s in c.speakers], c.opposes) for c in camps.camps] == [
        ("camp-1", ["w", "y"], ["camp-2"]),
        ("camp-2", ["x", "z"], ["camp-1"]),
    ]
    assert [s.id for s in camps.unaligned] == ["u"]
    assert (list(camps.frustrated), camps.frustration, camps.exact) == ([], 0.0, True)


def test_camps_of_unrelated_debates_are_not_merged() -> None:
    graph = graph_of({"a": "x", "b": "y", "c": "v", "d": "w"}, ["a rebuts b", "c supports d"])
    camps = speaker_camps(graph)
    assert [([s.id for s in c.speakers], c.opposes) for c in camps.camps] == [
        (["v", "w"], []),
        (["x"], ["camp-3"]),
        (["y"], ["camp-2"]),
    ]


def test_three_mutual_opponents_leave_one_link_frustrated() -> None:
    graph = graph_of({"a": "x", "b": "y", "c": "z"}, ["a rebuts b", "b rebuts c", "c rebuts a"])
    camps = speaker_camps(graph)
    # Each pair has one rebuttal (weight 1); no two-way split respects all three.
    assert [link.weight for link in camps.links] == [1.0, 1.0, 1.0]
    assert (len(camps.frustrated), camps.frustration, camps.exact) == (1, 1.0, True)


def test_no_speakers_no_camps() -> None:
    camps = speaker_camps(ArgumentGraph())
    assert (camps.camps, camps.unaligned, list(camps.links)) == ([], [], [])


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.booleans()), max_size=12),
    st.randoms(use_true_random=False),
)
def test_camps_do_not_depend_on_speaker_ids_or_input_order(
    edges: list[tuple[int, int, bool]], rng: random.Random
) -> None:
    holders = {f"c{i}": f"s{i}" for i in range(6)}
    seen: set[tuple[int, int]] = set()
    relations = []
    for a, b, rebut in edges:
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            relations.append(f"c{a} {'rebuts' if rebut else 'supports'} c{b}")
    graph = graph_of(holders, relations)
    data = graph.model_dump()
    rename = {f"s{i}": f"k{5 - i}" for i in range(6)}
    for s in data["speakers"]:
        s["id"] = rename[s["id"]]
    for c in data["claims"]:
        for a in c["attributions"]:
            a["speaker"] = rename[a["speaker"]]
    for section in ("claims", "relations", "speakers"):
        rng.shuffle(data[section])
    other = ArgumentGraph.model_validate(data)

    def view(g: ArgumentGraph) -> Any:
        camps = speaker_camps(g)
        return (
            [([s.name for s in c.speakers], c.opposes) for c in camps.camps],
            [s.name for s in camps.unaligned],
            camps.frustration,
        )

    assert view(graph) == view(other)


# ---------------------------------------------------------------- built when read


def rough_alignment_graph() -> ArgumentGraph:
    """A synthetic graph with many pairs, repeated evidence and relations without ids."""
    from arggraph.synthetic import synthetic_graph_data

    data, texts = synthetic_graph_data(600, n_documents=3, n_speakers=25, seed=4)
    for document in data["documents"]:
        document.pop("path")
        document["text"] = texts[document["id"]]
    return ArgumentGraph.model_validate(data)


def test_pairs_read_as_a_list_and_dump_as_one() -> None:
    alignment = speaker_alignment(rough_alignment_graph())
    pairs = list(alignment.pairs)
    assert len(pairs) == len(alignment.pairs) > 100
    assert alignment.pairs[-1] == pairs[-1]
    assert alignment.pairs[:2] == pairs[:2]
    as_list = type(alignment)(speakers=alignment.speakers, pairs=pairs)
    assert as_list.model_dump_json() == alignment.model_dump_json()
    assert type(alignment).model_validate_json(alignment.model_dump_json()) == alignment


def test_each_pair_lists_its_evidence_once_and_sorted() -> None:
    for pair in speaker_alignment(rough_alignment_graph()).pairs:
        kinds = (pair.supports, pair.rebuts, pair.shared_claims, pair.same_side_of)
        for items in (*kinds, pair.opposite_sides_of):
            assert items == sorted(set(items))
        assert pair.agreement == (
            len(pair.supports) + len(pair.shared_claims) + len(pair.same_side_of) / 2
        )
        assert pair.disagreement == len(pair.rebuts) + len(pair.opposite_sides_of) / 2


def test_camps_of_a_given_alignment_equal_camps_of_the_computed_one() -> None:
    """Camps read a computed alignment's compact evidence, and a caller's list of pairs
    through the models: both give the same camps, links and frustrated links."""
    graph = rough_alignment_graph()
    alignment = speaker_alignment(graph)
    given_list = type(alignment)(speakers=alignment.speakers, pairs=list(alignment.pairs))
    computed = speaker_camps(graph, alignment=alignment)
    assert len(computed.frustrated) > 0
    assert speaker_camps(graph, alignment=given_list).model_dump_json() == (
        computed.model_dump_json()
    )
    assert computed.frustration == sum(link.weight for link in computed.frustrated)


def test_evidence_weights_and_pairs_among_read_as_the_pairs_say() -> None:
    alignment = speaker_alignment(rough_alignment_graph())
    pairs = list(alignment.pairs)
    assert list(alignment.evidence_weights()) == [
        (p.first, p.second, p.agreement + p.disagreement) for p in pairs
    ]
    some = {s.id for s in alignment.speakers[::3]}
    among = [p for p in pairs if p.first in some and p.second in some]
    assert alignment.pairs_among(some) == among
    assert len(among) > 0
    given_list = type(alignment)(speakers=alignment.speakers, pairs=pairs)
    assert given_list.pairs_among(some) == among
    assert list(given_list.evidence_weights()) == list(alignment.evidence_weights())


def test_every_alignment_and_camps_name_is_imported_from_alignment() -> None:
    """The results live in alignment_evidence and camps; callers import them from here."""
    from arggraph.analysis import alignment, alignment_evidence, camps

    assert {
        "AlignmentPair",
        "SpeakerAlignment",
        "Camp",
        "CampAnswer",
        "CampLink",
        "SpeakerCamps",
        "speaker_alignment",
        "speaker_camps",
    } <= set(alignment.__all__)
    assert alignment.AlignmentPair is alignment_evidence.AlignmentPair
    assert alignment.SpeakerAlignment is alignment_evidence.SpeakerAlignment
    assert (alignment.Camp, alignment.CampLink) == (camps.Camp, camps.CampLink)
