"""How contested each claim is: rebuttals and supports received, by whom, answered or not."""

from __future__ import annotations

import random

from arggraph.analysis.contested import contested_claims, score_components
from arggraph.model import ArgumentGraph
from tests.analysis.graphs import claim, graph_of

# The worked example of docs/analysis.md.
WORKED = [
    claim("less", "chilson", statement="Compute matters less.", doc="essay"),
    claim("still", "heim", statement="Compute still matters."),
    claim("chips", "mcbride", statement="Frontier labs still buy more chips."),
    claim("cheap", "wagner", statement="Efficiency gains cut training cost."),
    claim("inference", "chilson", statement="Chip purchases reflect inference.", doc="essay"),
]
WORKED_RELATIONS = [
    "still rebuts less",
    "chips rebuts less",
    "cheap supports less",
    "inference rebuts chips",
]


def names(speakers: list[object]) -> list[str]:
    return [s.name for s in speakers]  # type: ignore[attr-defined]


def test_score_components_formula() -> None:
    c = score_components(
        speakers_a=2, speakers_b=2, documents_a=2, documents_b=1, rebuttals=3, answered=1
    )
    assert (c.volume, c.answered_share, c.spread, c.score) == (0.75, 0.3333, 0.5, 3.0556)


def test_an_undercut_of_a_rebuttal_answers_it() -> None:
    claims = [claim("a", "heim"), claim("b", "wagner"), claim("c", "chilson")]
    graph = graph_of(claims, ["r1: a rebuts b", "c rebuts r1"])
    b = next(c for c in contested_claims(graph).claims if c.claim.id == "b")
    rebuttal = next(r for r in b.rebuttals if r.relation == "r1")
    assert rebuttal.answered_by == ["c->r1"]


# ---------------------------------------------------------------- claims and views


def test_contested_claims_lists_rebuttals_by_whom_and_supports() -> None:
    report = contested_claims(graph_of(WORKED, WORKED_RELATIONS))
    assert [c.claim.id for c in report.claims][:2] == ["less", "chips"]
    less = report.claims[0]
    assert [(r.source, names(r.by), r.answered) for r in less.rebuttals] == [
        ("still", ["Lennart Heim"], False),  # by statement: "Compute still ..." first
        ("chips", ["Keegan McBride"], True),
    ]
    assert [(s.source, names(s.by)) for s in less.supports] == [("cheap", ["Lauren Wagner"])]
    # for: Chilson, Wagner (essay, talk); against: McBride, Heim (talk); 2 rebuttals, 1 answered
    assert less.score == round(2 * (1 + (2 / 3 + 1 / 2 + 1 / 2) / 3), 4)
    assert less.reasons[0] == (
        "Contested (score 3.1111): 2 rebuttals from 2 speakers, 1 answered; "
        "1 support from Lauren Wagner."
    )
    assert report.claims[-1].reasons == ["Not contested: nothing rebuts it."]


def test_json_is_the_same_bytes_for_reordered_input() -> None:
    graph = graph_of(WORKED, WORKED_RELATIONS)
    data = graph.model_dump()
    rng = random.Random(7)
    for section in ("claims", "relations", "speakers", "documents"):
        rng.shuffle(data[section])
    shuffled = ArgumentGraph.model_validate(data)
    assert contested_claims(graph).model_dump_json() == contested_claims(shuffled).model_dump_json()
