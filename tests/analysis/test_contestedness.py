"""Contestedness from positions: the score by hand, what makes a question contested, robustness."""

from __future__ import annotations

import random
from math import log2
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arggraph
from arggraph.analysis.contestedness import contested_topics, question_score
from arggraph.model import ArgumentGraph
from tests.analysis.graphs import claim, graph_of
from tests.conftest import DEEPSEEK


def test_score_formula_by_hand() -> None:
    # 2 voices a side, 3 cruxes of which 1 answered (engagement 4), 3 documents
    assert question_score(2, 4, 3) == round(2 * (1 + log2(5)) * 1.5, 4)
    assert question_score(0, 10, 4) == 0.0


def test_a_question_is_contested_when_named_voices_answer_differently() -> None:
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes", doc="essay"),
            claim("still", "heim", stance="no"),
            claim("chips", "mcbride", stance="no"),
        ],
        ["still rebuts less", "chips rebuts less"],
    )
    (q,) = contested_topics(graph).questions
    assert q.contested
    assert [s.name for s in q.yes] == ["Neil Chilson"]
    assert [s.name for s in q.no] == ["Keegan McBride", "Lennart Heim"]
    assert (q.balance, q.cruxes, q.answered, q.engagement) == (1.0, 2, 0, 2)
    assert q.documents == ["essay", "talk"]
    assert q.score == question_score(1, 2, 2)
    assert q.reason == (
        "yes: Neil Chilson; no: Keegan McBride and Lennart Heim (2 direct clashes)."
    )


@pytest.mark.parametrize(
    ("claims", "relations"),
    [
        pytest.param(
            [claim("a", "heim", stance="yes"), claim("b", "mcbride", stance="yes")],
            ["a rebuts b"],
            id="everyone-says-yes",
        ),
        pytest.param(
            [claim("a", "commentators", stance="yes"), claim("b", "heim", stance="no")],
            ["b rebuts a"],
            id="only-a-group-says-yes",
        ),
        pytest.param(
            [claim("a", "heim", stance="yes"), claim("b", "wagner")],
            ["b rebuts a"],
            id="the-other-side-only-by-relation",
        ),
    ],
)
def test_not_contested(claims: list[dict[str, Any]], relations: list[str]) -> None:
    (q,) = contested_topics(graph_of(claims, relations)).questions
    assert (q.contested, q.score, q.rank) == (False, 0.0, 0)


def test_a_mixed_speaker_is_half_a_voice_on_each_side() -> None:
    graph = graph_of(
        [
            claim("y1", "heim", stance="yes"),
            claim("y2", "mcbride", stance="yes"),
            claim("d1", "dunnmon", stance="yes"),
            claim("d2", "dunnmon", stance="no"),
            claim("n1", "chilson", stance="no"),
        ]
    )
    (q,) = contested_topics(graph).questions
    assert [s.name for s in q.mixed] == ["Dunnmon"]
    assert q.balance == 1.5  # min(2 + 0.5, 1 + 0.5)


def test_an_answered_crux_counts_twice() -> None:
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes"),
            claim("still", "heim", stance="no"),
            claim("reply", "wagner"),
        ],
        ["still rebuts less", "reply rebuts still"],
    )
    (q,) = contested_topics(graph).questions
    # still->less is answered (by reply); reply->still, an objection to a no, is not
    assert (q.cruxes, q.answered, q.engagement) == (2, 1, 3)


def test_a_topic_scores_its_best_question_plus_half_the_rest() -> None:
    graph = graph_of(
        [
            claim("a", "heim", topics="controls", stances={"slowed": "yes", "tighten": "yes"}),
            claim("b", "chilson", topics="controls", stances={"slowed": "no", "tighten": "no"}),
            claim("c", "mcbride", topics="controls", stances={"slowed": "no"}),
        ],
        ["b rebuts a"],
        questions={"controls": ["slowed", "tighten"]},
    )
    (topic,) = contested_topics(graph).topics
    scores = [q.score for q in topic.questions]
    assert [q.id for q in topic.questions][:2] == ["slowed", "tighten"]
    assert scores == sorted(scores, reverse=True)
    assert topic.score == round(scores[0] + sum(scores[1:]) / 2, 4)


def test_robustness_names_the_document_a_rank_rests_on() -> None:
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes", doc="essay"),
            claim("still", "heim", stance="no"),
            claim("chips", "mcbride", stance="no", doc="paper"),
        ],
        ["still rebuts less", "chips rebuts less"],
    )
    report = contested_topics(graph)
    compute = next(q for q in report.questions if q.id == "compute")
    assert compute.robustness is not None
    assert [(m.without, m.rank) for m in compute.robustness.moves] == [("essay", 0)]
    assert (compute.robustness.stable, compute.robustness.highest) == (False, 0)


def test_robustness_can_be_switched_off() -> None:
    graph = graph_of([claim("a", "heim", stance="yes"), claim("b", "chilson", stance="no")])
    assert contested_topics(graph, robustness=False).questions[0].robustness is None


# ---------------------------------------------------------------- properties


@st.composite
def small_graphs(draw: st.DrawFn) -> dict[str, Any]:
    n = draw(st.integers(1, 8))
    n_speakers = draw(st.integers(1, 4))
    claims = []
    for i in range(n):
        answer = draw(st.sampled_from([None, "yes", "no"]))
        speakers = draw(st.sets(st.integers(0, n_speakers - 1), min_size=1, max_size=2))
        claims.append(
            {
                "id": f"c{i}",
                "statement": f"Statement {i}.",
                "topics": ["t0"],
                "stances": {"t0": answer} if answer else {},
                "attributions": [
                    {"speaker": f"s{s}", "document": f"d{s % 2}", "quote": f"Statement {i}."}
                    for s in sorted(speakers)
                ],
            }
        )
    pairs = [(a, b) for a in range(n) for b in range(n) if a != b]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=12)) if pairs else []
    return {
        "documents": [{"id": f"d{k}", "title": f"Document {k}", "text": "x"} for k in range(2)],
        "speakers": [{"id": f"s{k}", "name": f"Name {k}"} for k in range(n_speakers)],
        "topics": [{"id": "t0", "label": "Label"}],
        "claims": claims,
        "relations": [
            {
                "source": f"c{a}",
                "target": f"c{b}",
                "kind": draw(st.sampled_from(["supports", "rebuts"])),
            }
            for a, b in chosen
        ],
    }


def _content(data: dict[str, Any]) -> list[Any]:
    graph = ArgumentGraph.model_validate(data, context={"unchecked": True})
    (q,) = contested_topics(graph).questions
    return [q.score, q.balance, q.cruxes, q.answered, [s.name for s in q.yes + q.no + q.mixed]]


@settings(max_examples=60, deadline=None)
@given(small_graphs(), st.randoms(use_true_random=False))
def test_shuffling_the_input_changes_nothing(data: dict[str, Any], rng: random.Random) -> None:
    shuffled = {k: list(v) for k, v in data.items()}
    for section in shuffled.values():
        rng.shuffle(section)
    assert _content(data) == _content(shuffled)


@settings(max_examples=60, deadline=None)
@given(small_graphs())
def test_contested_exactly_when_named_own_answers_differ(data: dict[str, Any]) -> None:
    graph = ArgumentGraph.model_validate(data, context={"unchecked": True})
    answers: dict[str, set[str]] = {}
    for c in graph.claims:
        for s in c.speakers:
            if "t0" in c.stances:
                answers.setdefault(s, set()).add(c.stances["t0"])
    given_answers = set().union(*answers.values()) if answers else set()
    expected = given_answers == {"yes", "no"} and len(answers) > 1
    (q,) = contested_topics(graph).questions
    assert q.contested == expected


# ---------------------------------------------------------------- the DeepSeek graph


@pytest.fixture(scope="module")
def deepseek() -> ArgumentGraph:
    return arggraph.load(DEEPSEEK)


def test_deepseek_compute_is_contested_with_heim_and_mcbride_answering_no(
    deepseek: ArgumentGraph,
) -> None:
    report = contested_topics(deepseek)
    compute = next(q for q in report.questions if q.id == "compute")
    assert compute.contested
    assert {"Lennart Heim", "Keegan McBride"} <= {s.name for s in compute.no}
    assert "Lennart Heim" in compute.reason


def test_deepseek_no_speaker_is_on_both_sides_of_a_question(deepseek: ArgumentGraph) -> None:
    for q in contested_topics(deepseek).questions:
        assert not {s.id for s in q.yes} & {s.id for s in q.no}, q.id


def test_deepseek_report_is_deterministic(deepseek: ArgumentGraph) -> None:
    first = contested_topics(deepseek).model_dump_json()
    assert first == contested_topics(deepseek).model_dump_json()


def test_documents_are_those_the_voices_answer_in() -> None:
    """A group's quote of a claim, or a quote by a speaker who only asks it, adds no
    document; counted from the graph or read from positions, the documents agree."""
    still = claim("still", "heim", stance="no", doc="essay")
    still["attributions"] += [
        {**still["attributions"][0], "speaker": "commentators", "document": "news"},
        {**still["attributions"][0], "speaker": "wagner", "document": "podcast", "asked": True},
    ]
    graph = graph_of([claim("less", "chilson", stance="yes"), still], ["less rebuts still"])
    counted = contested_topics(graph, robustness=False).questions[0]
    read = contested_topics(graph, robustness=False, stands=arggraph.positions(graph))
    assert counted.documents == ["essay", "talk"]
    assert read.questions[0] == counted
