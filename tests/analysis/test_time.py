"""Time: partial dates, the graph as of a date, the answering rule, and the timeline."""

from __future__ import annotations

import pytest

from arggraph.analysis.dates import date_span, not_older, published_by
from arggraph.analysis.positions import positions
from arggraph.analysis.time import as_of, document_order, timeline
from arggraph.errors import ArgGraphError
from arggraph.model import ArgumentGraph
from tests.analysis.graphs import claim, graph_of
from tests.conftest import DEEPSEEK


def dated(graph: ArgumentGraph, **dates: str) -> ArgumentGraph:
    """``graph`` with these document dates (document id = date)."""
    data = graph.model_dump(exclude_none=True)
    for document in data["documents"]:
        if document["id"] in dates:
            document["date"] = dates[document["id"]]
    return ArgumentGraph.model_validate(data)


@pytest.mark.parametrize(
    ("document", "day", "published"),
    [
        ("2025-02", "2025-02-28", True),
        ("2025-02", "2025-02-27", False),
        ("2025-02", "2025-02-01", False),
        ("2025-02", "2025-03", True),
        ("2025-02-11", "2025-02", True),
        ("2025", "2025-12", True),
        ("2025", "2025-06-30", False),
        (None, "2100", False),
    ],
)
def test_a_partial_date_is_published_by_its_last_day(
    document: str | None, day: str, published: bool
) -> None:
    assert published_by(document, day) is published


@pytest.mark.parametrize("bad", ["2025-13", "2025-02-30", "Feb 2025", "25"])
def test_a_malformed_date_is_refused_with_the_forms_it_takes(bad: str) -> None:
    with pytest.raises(ArgGraphError, match="write YYYY, YYYY-MM or YYYY-MM-DD"):
        date_span(bad)


@pytest.mark.parametrize(
    ("answer", "claim_", "result"),
    [
        (["2025-02-10"], ["2025-02-11"], False),
        (["2025-02"], ["2025-02-11"], True),  # may be later: not certainly older
        (["2025-02-11"], ["2025-02-11"], True),
        ([None], ["2025-02-11"], True),
    ],
)
def test_not_older(answer: list[str | None], claim_: list[str | None], result: bool) -> None:
    assert not_older(answer, claim_) is result


TWO_DOCS = dated(
    graph_of(
        [
            claim("a", "heim", doc="early", stance="yes"),
            claim("b", "mcbride", doc="late", stance="no"),
            claim("c", "heim", doc="late"),
        ],
        ["r1: b rebuts a", "c rebuts r1"],
    ),
    early="2025-01",
    late="2025-02-11",
)


def test_as_of_keeps_only_what_was_published_and_leaves_the_input_alone() -> None:
    before = TWO_DOCS.model_dump()
    early = as_of(TWO_DOCS, "2025-01-31")
    assert [d.id for d in early.documents] == ["early"]
    assert [c.id for c in early.claims] == ["a"]
    assert early.relations == []
    assert early.text_of("early") == TWO_DOCS.text_of("early")
    assert TWO_DOCS.model_dump() == before
    assert as_of(TWO_DOCS, "2025-02") == TWO_DOCS
    assert as_of(TWO_DOCS, "2024").claims == []


def test_an_undercut_goes_when_the_relation_it_attacks_goes() -> None:
    g = dated(
        graph_of(
            [
                claim("a", "heim", doc="one", stance="yes"),
                claim("b", "mcbride", doc="two", stance="no"),
                claim("c", "heim", doc="one"),
            ],
            ["r1: b rebuts a", "c rebuts r1"],
        ),
        one="2025-01",
        two="2025-03",
    )
    assert as_of(g, "2025-02").relations == []


def test_a_rebuttal_answers_a_claim_only_from_a_document_not_older() -> None:
    # mcbride (late) rebuts heim's a; heim's reply d is in the early document: older
    # than the objection, so it cannot answer it
    claims = [
        claim("a", "heim", doc="early", stance="yes"),
        claim("b", "mcbride", doc="late", stance="no"),
        claim("d", "heim", doc="early", statement="Claim d answers."),
    ]
    graph = graph_of(claims, ["b rebuts a", "d rebuts b"])

    def answered(g: ArgumentGraph) -> bool:
        cruxes = positions(g).question("compute").cruxes
        return next(c for c in cruxes if c.relation == "b->a").answered

    assert not answered(dated(graph, early="2025-01", late="2025-02"))
    assert answered(dated(graph, early="2025-02", late="2025-02"))
    assert answered(graph)  # undated: never certainly older


def test_timeline_replays_each_question_document_by_document() -> None:
    t = timeline(TWO_DOCS)
    assert [d.id for d in t.documents] == ["early", "late"]
    [q] = t.questions
    first, second = q.steps
    assert [(v.name, v.event, v.after) for v in first.voices] == [
        ("Lennart Heim", "first answer", "yes")
    ]
    assert (first.rank, first.contested) == (0, False)
    assert [(v.name, v.event, v.after) for v in second.voices] == [
        ("Keegan McBride", "first answer", "no")
    ]
    assert (second.rank, second.yes, second.no, second.cruxes) == (1, 1, 1, 2)


def test_timeline_reports_a_change_of_lean() -> None:
    g = dated(
        graph_of(
            [
                claim("a", "heim", doc="early", stance="yes"),
                claim("b", "heim", doc="late", stance="no"),
            ]
        ),
        early="2025-01",
        late="2025-02",
    )
    [q] = timeline(g).questions
    assert [(v.event, v.before, v.after) for v in q.steps[1].voices] == [
        ("lean changed", "yes", "mixed")
    ]


def test_undated_documents_come_last_in_file_order() -> None:
    g = dated(graph_of([claim("a", "heim", doc="x"), claim("b", "heim", doc="y")]), y="2025")
    assert [d.id for d in document_order(g)] == ["y", "x"]


def test_the_deepseek_documents_in_order() -> None:
    import arggraph

    order = [d.id for d in timeline(arggraph.load(DEEPSEEK)).documents]
    assert order == ["chilson", "podcast", "news", "dunnmon"]  # earliest possible day first
