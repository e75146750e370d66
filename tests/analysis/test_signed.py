"""The one reading of relations as signed links: supports +1, rebuttals -1, undercuts resolved."""

from __future__ import annotations

from arggraph.analysis.signed import signed_relations
from tests.analysis.graphs import claim, graph_of


def test_supports_and_rebuttals_are_signed_links_in_file_order() -> None:
    graph = graph_of([claim("a", "heim"), claim("b", "wagner")], ["a rebuts b", "b supports a"])
    assert [(r.source, r.target, r.sign) for r in signed_relations(graph)] == [
        ("a", "b", -1),
        ("b", "a", 1),
    ]


def test_an_undercut_rebuts_the_argument_of_the_undercut_relations_source() -> None:
    claims = [
        claim("cheap", "chilson", statement="Training cost $6m."),
        claim("less", "chilson", statement="Compute matters less."),
        claim("costs", "heim", statement="The $6m leaves costs out.", topics="costs"),
    ]
    graph = graph_of(claims, ["r1: cheap supports less", "costs rebuts r1"])
    (undercut,) = [r for r in signed_relations(graph) if r.undercut_of]
    assert (undercut.source, undercut.target, undercut.sign) == ("costs", "cheap", -1)
    assert undercut.topic_claim == "less"


def test_a_loop_of_undercuts_is_debated_at_the_attacked_claim() -> None:
    claims = [claim("a", "heim"), claim("b", "wagner")]
    graph = graph_of(claims, ["r1: a rebuts r2", "r2: b rebuts r1"])
    loop = {r.relation: (r.target, r.topic_claim) for r in signed_relations(graph)}
    assert loop == {"r1": ("b", "b"), "r2": ("a", "a")}
