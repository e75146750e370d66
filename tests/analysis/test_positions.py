"""Positions: who answers which question, from their own claims, one small graph per rule."""

from __future__ import annotations

import pytest

import arggraph
from arggraph.analysis.positions import Position, PositionsReport, QuestionPositions, positions
from arggraph.errors import InvalidGraphError
from arggraph.model import ArgumentGraph
from arggraph.synthetic import synthetic_graph
from tests.analysis.graphs import claim, graph_of
from tests.conftest import DEEPSEEK
from tests.tables.constructs import constructs_graph


def lineup(q: QuestionPositions) -> dict[str, tuple[str, str]]:
    """speaker id -> (lean, basis)."""
    return {p.speaker: (p.lean, p.basis) for p in q.positions}


def position(q: QuestionPositions, speaker: str) -> Position:
    return next(p for p in q.positions if p.speaker == speaker)


def test_a_speakers_lean_comes_from_their_own_answers_with_quotes() -> None:
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes", statement="Compute matters less."),
            claim("still", "heim", stance="no", statement="Compute still matters."),
            claim("chips", "heim", stance="no", statement="Labs still buy chips."),
        ]
    )
    q = positions(graph).question("compute")
    assert lineup(q) == {"chilson": ("yes", "own claims"), "heim": ("no", "own claims")}
    heim = position(q, "heim")
    assert (heim.yes, heim.no) == (0, 2)
    assert [c.quotes[0].quote for c in heim.claims] == [
        "Labs still buy chips.",
        "Compute still matters.",
    ]
    assert [p.speaker for p in q.positions] == ["chilson", "heim"]  # yes first, then no


def test_a_borrowed_claim_does_not_give_its_supporter_the_claims_answer() -> None:
    """Supporting a yes-claim with a claim that answers nothing places by relation only."""
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes"),
            claim("cheap", "wagner", topics="costs"),  # evidence from another topic, no stance
            claim("still", "heim", stance="no"),
        ],
        ["cheap supports less"],
    )
    q = positions(graph).question("compute")
    wagner = position(q, "wagner")
    assert (wagner.lean, wagner.basis, wagner.claims) == ("yes", "relations", [])
    assert [(r.relation, r.implies) for r in wagner.relations] == [("cheap->less", "yes")]
    assert [v.name for v in q.voices("yes")] == ["Neil Chilson"]  # not Wagner


def test_rebutting_a_yes_claim_leans_no_by_relation() -> None:
    graph = graph_of(
        [claim("less", "chilson", stance="yes"), claim("x", "heim")], ["x rebuts less"]
    )
    heim = position(positions(graph).question("compute"), "heim")
    assert (heim.lean, heim.basis) == ("no", "relations")


def test_own_answers_outweigh_relations() -> None:
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes"),
            claim("still", "heim", stance="no"),
            claim("aside", "heim", topics="costs"),
        ],
        ["aside supports less"],
    )
    heim = position(positions(graph).question("compute"), "heim")
    assert (heim.lean, heim.basis, heim.relations) == ("no", "own claims", [])


def test_a_group_view_is_reported_apart_and_never_a_voice() -> None:
    graph = graph_of(
        [
            claim("less", "commentators", stance="yes", statement="Compute is over."),
            claim("still", "heim", stance="no"),
        ],
        ["still rebuts less"],
    )
    q = positions(graph).question("compute")
    assert lineup(q) == {"heim": ("no", "own claims")}
    assert [(v.speaker, v.answer, v.quotes[0].quote) for v in q.reported] == [
        ("commentators", "yes", "Compute is over.")
    ]
    assert q.cruxes == []  # a rebuttal of a group's view is no clash between named voices


def test_mixed_only_when_own_words_go_both_ways_and_both_quotes_shown() -> None:
    graph = graph_of(
        [
            claim("keep", "dunnmon", stance="yes", statement="Keep the controls."),
            claim("leaky", "dunnmon", stance="no", statement="They leak anyway."),
            claim("tighten", "heim", stance="yes"),
            claim("more", "heim", stance="yes"),
        ]
    )
    q = positions(graph).question("compute")
    dunnmon = position(q, "dunnmon")
    assert (dunnmon.lean, dunnmon.yes, dunnmon.no) == ("mixed", 1, 1)
    assert {(c.answer, c.quotes[0].quote) for c in dunnmon.claims} == {
        ("yes", "Keep the controls."),
        ("no", "They leak anyway."),
    }
    assert position(q, "heim").lean == "yes"


def test_co_holders_of_a_claim_agree_and_never_clash() -> None:
    graph = graph_of(
        [
            claim("shared", "heim,mcbride", stance="no"),
            claim("other", "heim", stance="no"),
            claim("less", "chilson", stance="yes"),
        ],
        ["other rebuts shared", "shared rebuts less"],
    )
    q = positions(graph).question("compute")
    assert lineup(q)["heim"] == lineup(q)["mcbride"] == ("no", "own claims")
    assert [c.relation for c in q.cruxes] == ["shared->less"]
    assert q.contradicting == []  # Heim qualifying a claim he holds is no camp conflict


def test_no_crux_between_claims_a_speaker_holds_both_of() -> None:
    graph = graph_of(
        [claim("report", "chilson", stance="yes"), claim("caveat", "chilson", stance="no")],
        ["caveat rebuts report"],
    )
    q = positions(graph).question("compute")
    assert q.cruxes == []
    assert position(q, "chilson").lean == "mixed"


def test_a_crux_has_both_quotes_and_says_whether_it_is_answered() -> None:
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes", statement="Compute matters less.", doc="essay"),
            claim("still", "heim", stance="no", statement="Compute still matters."),
            claim("reply", "chilson", statement="Inference explains the chips.", doc="essay"),
        ],
        ["still rebuts less", "reply rebuts still"],
    )
    q = positions(graph).question("compute")
    crux = next(c for c in q.cruxes if c.relation == "still->less")
    assert (crux.source_answer, crux.target_answer) == ("no", "yes")
    assert [s.name for s in crux.by] == ["Lennart Heim"]
    assert [s.name for s in crux.against] == ["Neil Chilson"]
    assert crux.source.quotes[0].quote == "Compute still matters."
    assert crux.target.quotes[0].quote == "Compute matters less."
    assert (crux.answered, crux.answered_by, crux.documents) == (
        True,
        ["reply->still"],
        ["essay", "talk"],
    )


@pytest.mark.parametrize(
    ("essay_date", "answered_by"),
    [
        ("2025-03", ["reply->still"]),  # the reply comes after the claim it rebuts
        ("2024", []),  # the reply is older than the claim: no answer to it
        ("2025-01", ["reply->still"]),  # a month not certainly older than a day in it
        (None, ["reply->still"]),  # an undated reply is never certainly older
    ],
)
def test_a_crux_is_answered_only_by_a_rebuttal_not_older_than_its_source(
    essay_date: str | None, answered_by: list[str]
) -> None:
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes", doc="essay"),
            claim("still", "heim", stance="no", doc="talk"),
            claim("reply", "chilson", doc="essay"),
        ],
        ["still rebuts less", "reply rebuts still"],
    )
    dates = {"essay": essay_date, "talk": "2025-01-20"}
    documents = [d.model_copy(update={"date": dates[d.id]}) for d in graph.documents]
    q = positions(graph.model_copy(update={"documents": documents})).question("compute")
    crux = next(c for c in q.cruxes if c.relation == "still->less")
    assert (crux.answered, crux.answered_by) == (bool(answered_by), answered_by)


def test_a_rebuttal_between_same_answers_is_no_crux_but_contradicts_the_camps() -> None:
    graph = graph_of(
        [claim("a", "heim", stance="yes"), claim("b", "mcbride", stance="yes")], ["a rebuts b"]
    )
    q = positions(graph).question("compute")
    assert q.cruxes == []
    assert [(link.relation, link.why) for link in q.contradicting] == [
        ("a->b", "a rebuttal between speakers who give the same answer")
    ]


def test_sub_questions_are_answered_separately() -> None:
    graph = graph_of(
        [
            claim(
                "leaky",
                "mcbride",
                topics="controls",
                stances={"slowed": "no", "tighten": "yes"},
            ),
            claim("worked", "chilson", topics="controls", stances={"slowed": "yes"}),
        ],
        questions={"controls": ["slowed", "tighten"]},
    )
    report = positions(graph)
    assert [q.id for q in report.questions] == ["controls", "slowed", "tighten"]
    assert lineup(report.question("slowed")) == {
        "mcbride": ("no", "own claims"),
        "chilson": ("yes", "own claims"),
    }
    assert lineup(report.question("tighten")) == {"mcbride": ("yes", "own claims")}
    assert report.question("controls").positions == []


def test_leaving_a_document_out_drops_its_quotes() -> None:
    graph = graph_of(
        [claim("less", "chilson", stance="yes", doc="essay"), claim("still", "heim", stance="no")]
    )
    q = positions(graph, without_document="essay").question("compute")
    assert lineup(q) == {"heim": ("no", "own claims")}


# ---------------------------------------------------------------- the format


def test_pro_and_con_still_load_as_yes_and_no() -> None:
    graph = graph_of([claim("a", "heim", stance="pro"), claim("b", "wagner", stance="con")])
    assert [c.stances for c in graph.claims] == [{"compute": "yes"}, {"compute": "no"}]


def test_a_stance_on_an_unknown_question_is_an_error_with_a_hint() -> None:
    with pytest.raises(InvalidGraphError) as err:
        graph_of(
            [claim("a", "heim", stances={"tightn": "yes"})], questions={"compute": ["tighten"]}
        )
    text = str(err.value)
    assert "unknown question 'tightn'" in text
    assert "tighten" in text  # did you mean


def test_a_stance_on_a_question_of_a_topic_the_claim_does_not_carry_is_an_error() -> None:
    with pytest.raises(InvalidGraphError, match=r"not in topic 'controls'.*add 'controls'"):
        graph_of(
            [claim("a", "heim", topics="compute", stances={"tighten": "yes"})],
            questions={"controls": ["tighten"]},
        )


def test_a_question_id_used_twice_is_an_error() -> None:
    with pytest.raises(InvalidGraphError, match=r"question id 'compute' .* already used"):
        graph_of([claim("a", "heim")], questions={"compute": ["compute"]})


def test_a_stance_other_than_yes_or_no_is_a_located_error() -> None:
    text = (
        "documents: [{id: d, title: D, text: Compute matters.}]\n"
        "speakers: [{id: heim, name: Heim}]\n"
        "topics: [{id: compute, label: Compute}]\n"
        "claims:\n"
        "  - id: a\n"
        "    statement: Compute matters.\n"
        "    topics: [compute]\n"
        "    stances: {compute: maybe}\n"
        "    attributions: [{speaker: heim, document: d, quote: Compute matters.}]\n"
    )
    with pytest.raises(InvalidGraphError) as err:
        arggraph.loads(text)
    (problem,) = err.value.problems
    assert problem.line == 8
    assert "'yes' or 'no'" in problem.message


# ---------------------------------------------------------------- the DeepSeek graph


@pytest.fixture(scope="module")
def deepseek() -> ArgumentGraph:
    return arggraph.load(DEEPSEEK)


def test_design_card_heim_and_mcbride_answer_no_to_compute_matters_less(
    deepseek: ArgumentGraph,
) -> None:
    """The design card's example, with the guests' own words."""
    q = positions(deepseek).question("compute")
    assert q.question == "Does compute matter less for AI leadership after DeepSeek?"
    for speaker in ("heim", "mcbride"):
        p = position(q, speaker)
        assert (p.lean, p.basis) == ("no", "own claims")
        quotes = [x for c in p.claims for x in c.quotes]
        assert quotes
        assert all(x.speaker == speaker and x.document == "podcast" for x in quotes)
    assert "compute-matters-less" in {c.target.id for c in q.cruxes if c.target_answer == "yes"}


def test_deepseek_no_named_speaker_is_both_yes_and_no_without_own_words_both_ways(
    deepseek: ArgumentGraph,
) -> None:
    for q in positions(deepseek).questions:
        for p in q.positions:
            if p.lean == "mixed" and p.basis == "own claims":
                answers = {c.answer for c in p.claims}
                assert answers == {"yes", "no"}, (q.id, p.speaker)


def test_a_link_between_documents_places_nobody_but_is_still_a_crux() -> None:
    """An analyst's cross-document link is evidence of a clash, not a speaker's answer."""
    graph = graph_of(
        [
            claim("less", "chilson", stance="yes", doc="essay"),
            claim("still", "heim", stance="no"),
            claim("second", "karp", doc="news"),
        ],
        ["second rebuts less", "still rebuts less"],
    )
    q = positions(graph).question("compute")
    assert "karp" not in lineup(q)
    assert {c.relation for c in q.cruxes} == {"second->less", "still->less"}


def test_a_link_the_speaker_draws_places_them_across_documents() -> None:
    data = graph_of(
        [claim("less", "chilson", stance="yes", doc="essay"), claim("second", "karp", doc="news")],
        ["second rebuts less"],
    ).model_dump()
    data["relations"][0]["attribution"] = {
        "speaker": "karp",
        "document": "news",
        "quote": "Claim second holds.",
    }
    q = positions(ArgumentGraph.model_validate(data)).question("compute")
    assert lineup(q)["karp"] == ("no", "relations")


def test_an_undercut_clashes_on_the_question_of_the_step_it_attacks_only() -> None:
    """Undercutting "cheap supports less" argues against less's answer, not cheap's."""
    graph = graph_of(
        [
            claim("cheap", "chilson", topics="compute,costs", stances={"costs": "yes"}),
            claim("less", "chilson", stance="yes"),
            claim("opaque", "heim"),
        ],
        ["r1: cheap supports less", "opaque rebuts r1"],
    )
    report = positions(graph)
    (crux,) = report.question("compute").cruxes
    assert (crux.kind, crux.target.id, crux.target_answer) == ("undercuts", "cheap", "yes")
    assert report.question("costs").cruxes == []


def test_a_crux_quotes_only_the_named_people_on_each_end() -> None:
    graph = graph_of(
        [
            claim("less", "chilson,commentators", stance="yes", statement="Compute is over."),
            claim("still", "heim", stance="no", statement="Compute still matters."),
        ],
        ["still rebuts less"],
    )
    (crux,) = positions(graph).question("compute").cruxes
    assert [q.speaker for q in crux.target.quotes] == ["chilson"]


# ---------------------------------------------------------------- results built unvalidated


@pytest.mark.parametrize("name", ["deepseek", "constructs", "synthetic"])
def test_positions_are_what_validating_their_own_json_gives(
    name: str, deepseek: ArgumentGraph
) -> None:
    """positions builds its results without validation (results.built): the data must be
    valid, with the fields in the order the models declare them (the JSON follows it)."""
    if name == "deepseek":
        graph = deepseek
    elif name == "constructs":
        graph = constructs_graph()
    else:
        graph = synthetic_graph(300, seed=2, stance_share=0.6, sub_question_share=0.5)
    for without in (None, graph.documents[0].id):
        report = positions(graph, without_document=without)
        text = report.model_dump_json()
        validated = PositionsReport.model_validate_json(text)
        assert validated == report
        assert validated.model_dump_json() == text
