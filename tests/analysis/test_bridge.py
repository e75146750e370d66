"""From argument graphs to frameworks, and the statuses of claims."""

from __future__ import annotations

import pytest

import arggraph
from arggraph.analysis.bridge import (
    ClaimStatusReport,
    claim_statuses,
    to_argumentation_framework,
)
from arggraph.analysis.semantics import SemanticsBudgetExceeded
from arggraph.model import Attribution, Claim, Document, Relation, Speaker, Topic
from tests.conftest import DEEPSEEK


def graph(relations: list[tuple[str, str, str, str | None]], claims: str) -> arggraph.ArgumentGraph:
    """A graph of the claims named in ``claims``; relations are (source, kind, target, id)."""
    ids = claims.split()
    text = " ".join(f"Claim {c} holds." for c in ids)
    return arggraph.ArgumentGraph(
        documents=[Document(id="d", title="Talk", kind="transcript", text=text)],
        speakers=[Speaker(id="s", name="Speaker")],
        topics=[Topic(id="t", label="Topic")],
        claims=[
            Claim(
                id=c,
                statement=f"Claim {c} holds.",
                topics=["t"],
                attributions=[Attribution(speaker="s", document="d", quote=f"Claim {c} holds")],
            )
            for c in ids
        ],
        relations=[
            Relation(id=rid, source=s, target=t, kind=kind)  # type: ignore[arg-type]
            for s, kind, t, rid in relations
        ],
    )


def statuses(report: ClaimStatusReport) -> dict[str, str]:
    return {c.claim: c.status for c in report.claims}


def test_claims_relations_and_undercuts_become_a_framework() -> None:
    g = graph(
        [
            ("a", "rebuts", "b", None),
            ("c", "supports", "b", "r1"),
            ("d", "rebuts", "r1", None),  # undercut of c -> b: attacks c
        ],
        "a b c d",
    )
    af = to_argumentation_framework(g)
    assert af.arguments == ("a", "b", "c", "d")
    assert af.attacks == {("a", "b"), ("d", "c")}
    assert af.supports == {("c", "b")}
    assert to_argumentation_framework(g, bipolar=False).supports == frozenset()


def test_grounded_statuses_of_a_chain() -> None:
    # a rebuts b rebuts c: a stands, b falls, c is reinstated
    report = claim_statuses(
        graph([("a", "rebuts", "b", None), ("b", "rebuts", "c", None)], "a b c")
    )
    assert statuses(report) == {"a": "accepted", "b": "rejected", "c": "accepted"}
    assert [c.label for c in report.claims] == ["in", "in", "out"]
    assert (report.accepted, report.rejected, report.undecided) == (2, 1, 0)


def test_mutual_rebuttal_under_each_semantics() -> None:
    g = graph([("a", "rebuts", "b", None), ("b", "rebuts", "a", None)], "a b")
    assert set(statuses(claim_statuses(g)).values()) == {"undecided"}
    sceptical = claim_statuses(g, semantics="preferred-sceptical")
    assert set(statuses(sceptical).values()) == {"undecided"}
    credulous = claim_statuses(g, semantics="preferred-credulous")
    assert set(statuses(credulous).values()) == {"accepted"}
    assert all(c.credulous and not c.sceptical and c.label is None for c in credulous.claims)


def test_supports_add_supported_and_secondary_attacks() -> None:
    # s supports a, a rebuts b: s attacks b (supported attack).
    # x rebuts p, p supports q: x attacks q (secondary attack).
    g = graph(
        [
            ("s", "supports", "a", None),
            ("a", "rebuts", "b", None),
            ("x", "rebuts", "p", None),
            ("p", "supports", "q", None),
        ],
        "s a b x p q",
    )
    report = claim_statuses(g)
    attackers = {c.claim: c.attackers for c in report.claims}
    assert attackers["b"] == ["a", "s"]
    assert attackers["q"] == ["x"]
    assert report.derived_attacks == 2
    assert statuses(report)["q"] == "rejected"
    plain = claim_statuses(g, bipolar=False)
    assert statuses(plain)["q"] == "accepted"
    assert plain.derived_attacks == 0


def test_undercut_rejects_the_source_claim() -> None:
    g = graph([("c", "supports", "b", "r1"), ("d", "rebuts", "r1", None)], "b c d")
    report = claim_statuses(g, bipolar=False)
    assert statuses(report) == {"b": "accepted", "c": "rejected", "d": "accepted"}


def test_strengths_are_df_quad_with_base_scores() -> None:
    # a (0.5) rebutted by b (0.8): 0.5 - 0.5*0.8 = 0.1; c supports b: b = 0.8 + 0.2*0.5 = 0.9,
    # so a = 0.5 - 0.5*0.9 = 0.05
    g = graph([("b", "rebuts", "a", None), ("c", "supports", "b", None)], "a b c")
    report = claim_statuses(g, base_scores={"b": 0.8})
    strength = {c.claim: c.strength for c in report.claims}
    assert strength == {"a": 0.05, "b": 0.9, "c": 0.5}
    assert {c.claim: c.base_score for c in report.claims} == {"a": 0.5, "b": 0.8, "c": 0.5}
    assert report.strength_converged


def test_unknown_base_score_claim_is_refused() -> None:
    with pytest.raises(ValueError, match="'nope'"):
        claim_statuses(graph([], "a"), base_scores={"nope": 0.3})


def test_unknown_semantics_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown semantics"):
        claim_statuses(graph([], "a"), semantics="stable")  # type: ignore[arg-type]


def test_budget_reaches_the_caller() -> None:
    g = graph([("a", "rebuts", "b", None), ("b", "rebuts", "a", None)], "a b")
    with pytest.raises(SemanticsBudgetExceeded, match="max_undecided=1"):
        claim_statuses(g, semantics="preferred-sceptical", max_undecided=1)


def test_json_does_not_depend_on_file_order() -> None:
    relations: list[tuple[str, str, str, str | None]] = [
        ("a", "rebuts", "b", None),
        ("c", "supports", "a", None),
        ("b", "rebuts", "c", None),
    ]
    forward = claim_statuses(graph(relations, "a b c"))
    backward = claim_statuses(graph(relations[::-1], "c b a"))
    assert forward.model_dump_json() == backward.model_dump_json()


def test_real_graph_has_a_status_for_every_claim() -> None:
    g = arggraph.load(DEEPSEEK)
    report = claim_statuses(g)
    assert len(report.claims) == len(g.claims) == report.arguments
    assert report.accepted + report.rejected + report.undecided == len(g.claims)
    assert all(0.0 <= c.strength <= 1.0 for c in report.claims)


def test_too_many_derived_attacks_refuse_with_advice() -> None:
    from arggraph.analysis.framework import ArgumentationFramework, bipolar_to_dung
    from arggraph.errors import AnalysisError

    # A support chain of 50 arguments, the last one attacking: 49 supported attacks.
    names = [f"a{i}" for i in range(51)]
    supports = [(names[i], names[i + 1]) for i in range(49)]
    af = ArgumentationFramework(names, [("a49", "a50")], supports=supports)
    assert len(bipolar_to_dung(af, max_derived=10_000).attacks) > 49
    with pytest.raises(AnalysisError, match="--no-bipolar"):
        bipolar_to_dung(af, max_derived=10)
