"""merge(a, b): one graph, duplicates proposed, conflicts listed, agreement as a figure."""

from __future__ import annotations

from arggraph.analysis.merge import merge
from tests.analysis.graphs import claim, graph_of

A = graph_of(
    [
        claim("a", "heim", statement="Compute still decides who leads.", stance="yes"),
        claim("b", "mcbride", statement="Compute matters less now.", stance="no"),
        claim("c", "chilson", statement="Export controls failed badly."),
    ],
    ["b rebuts a", "c supports b"],
)


def test_a_graph_merged_with_itself_agrees_fully_and_changes_nothing() -> None:
    result = merge(A, A)
    assert result.graph == A
    assert (result.report.claim_agreement, result.report.relation_agreement) == (1.0, 1.0)
    assert result.report.conflicts == result.report.proposed == []


def test_same_words_merge_similar_statements_are_proposed_and_kept_apart() -> None:
    b = graph_of(
        [
            claim(
                "a2", "wagner", statement="Compute still decides who leads!", stance="yes", doc="b"
            ),
            claim("c2", "chilson", statement="Export controls failed badly in China.", doc="b"),
            claim("z", "wagner", statement="Open models spread fast.", doc="b"),
        ],
        ["z rebuts a2"],
    )
    result = merge(A, b)
    assert result.report.combined == ["a2 -> a"]
    [proposal] = result.report.proposed
    assert (proposal.a, proposal.b, proposal.score) == ("c", "c2", 0.8889)
    ids = [c.id for c in result.graph.claims]
    assert ids == ["a", "b", "c", "c2", "z"]
    assert result.graph.claim("a").speakers == ["heim", "wagner"]
    assert [(r.source, r.target) for r in result.graph.relations][-1] == ("z", "a")
    # claims both drew: a (same words) and c (proposed): 2 of 3 and 3
    assert result.report.claims_both == 2
    assert result.report.claim_agreement == round(2 * 2 / 6, 4)
    assert result.report.relation_agreement == 0.0


def test_a_pair_related_both_ways_is_a_conflict_and_a_wins() -> None:
    b = graph_of(
        [
            claim("b", "mcbride", statement="Compute matters less now.", stance="no"),
            claim("c", "chilson", statement="Export controls failed badly."),
            claim("a", "heim", statement="Compute still decides who leads.", stance="yes"),
        ],
        ["b rebuts a", "c rebuts b"],
    )
    result = merge(A, b)
    [conflict] = result.report.conflicts
    assert (conflict.source, conflict.target, conflict.kind_a, conflict.kind_b) == (
        "c",
        "b",
        "supports",
        "rebuts",
    )
    assert [(r.source, r.kind, r.target) for r in result.graph.relations] == [
        ("b", "rebuts", "a"),
        ("c", "supports", "b"),
    ]
    assert result.report.relations_both == 1
    assert any("'c' supports 'b' in a, rebuts in b: a's kept" in line for line in result.report.log)


def test_merge_changes_neither_input() -> None:
    before = A.model_dump()
    b = graph_of([claim("z", "wagner", statement="Open models spread fast.", doc="b")])
    merge(A, b)
    assert A.model_dump() == before
