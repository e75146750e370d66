"""From argument graphs to frameworks, and the statuses of claims: for readers and formal."""

from __future__ import annotations

import pytest

import arggraph
from arggraph.analysis.objections import (
    ReaderStatusReport,
    claim_statuses_for_display,
    reader_statuses,
)
from arggraph.analysis.semantics import SemanticsBudgetExceeded
from arggraph.analysis.statuses import ClaimStatusReport, claim_statuses, to_argumentation_framework
from arggraph.model import Attribution, Claim, Document, Relation, Speaker, Topic
from tests.conftest import DEEPSEEK


def graph(
    relations: list[tuple[str, str, str, str | None]],
    claims: str,
    holders: dict[str, list[str]] | None = None,
) -> arggraph.ArgumentGraph:
    """A graph of the claims named in ``claims``; relations are (source, kind, target, id).

    Claim ``c`` is held by a speaker of its own (``S-c``) unless ``holders`` names
    others for it.
    """
    ids = claims.split()
    held = {c: [f"S-{c}"] for c in ids} | (holders or {})
    names = sorted({name for names in held.values() for name in names})
    text = " ".join(f"Claim {c} holds." for c in ids)
    return arggraph.ArgumentGraph(
        documents=[Document(id="d", title="Talk", kind="transcript", text=text)],
        speakers=[Speaker(id=name.lower(), name=name) for name in names],
        topics=[Topic(id="t", label="Topic")],
        claims=[
            Claim(
                id=c,
                statement=f"Claim {c} holds.",
                topics=["t"],
                attributions=[
                    Attribution(speaker=name.lower(), document="d", quote=f"Claim {c} holds")
                    for name in held[c]
                ],
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
    report = claim_statuses(g, bipolar=True)
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
    for statuses_of in (claim_statuses, reader_statuses):
        forward = statuses_of(graph(relations, "a b c"))
        backward = statuses_of(graph(relations[::-1], "c b a"))
        assert forward.model_dump_json() == backward.model_dump_json()


def test_real_graph_has_a_status_for_every_claim() -> None:
    g = arggraph.load(DEEPSEEK)
    report = claim_statuses(g)
    assert len(report.claims) == len(g.claims) == report.arguments
    assert report.accepted + report.rejected + report.undecided == len(g.claims)
    assert all(0.0 <= c.strength <= 1.0 for c in report.claims)
    readers = reader_statuses(g)
    assert sorted(c.claim for c in readers.claims) == sorted(c.id for c in g.claims)
    counts = readers.unchallenged + readers.objection_answered + readers.objection_unanswered
    assert counts == len(g.claims)


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


# ---------------------------------------------------------------- derived attacks


def test_derived_attacks_are_off_by_default() -> None:
    # s supports a, a rebuts b: only the stated rebuttal attacks b.
    g = graph([("s", "supports", "a", None), ("a", "rebuts", "b", None)], "s a b")
    report = claim_statuses(g)
    assert not report.bipolar
    assert {c.claim: c.attackers for c in report.claims}["b"] == ["a"]
    assert (report.derived_attacks, report.derived_attacks_dropped) == (0, 0)


@pytest.mark.parametrize(
    ("relations", "holders", "target"),
    [
        pytest.param(  # supported attack s -> b; Heim holds s and b
            [("s", "supports", "a", None), ("a", "rebuts", "b", None)],
            {"s": ["Heim"], "b": ["Heim", "Chilson"]},
            "b",
            id="supported-attack",
        ),
        pytest.param(  # secondary attack x -> q; Heim holds x and q
            [("x", "rebuts", "p", None), ("p", "supports", "q", None)],
            {"x": ["Heim"], "q": ["Heim"]},
            "q",
            id="secondary-attack",
        ),
    ],
)
def test_no_derived_attack_onto_a_claim_the_attackers_holder_also_holds(
    relations: list[tuple[str, str, str, str | None]],
    holders: dict[str, list[str]],
    target: str,
) -> None:
    claims = " ".join(dict.fromkeys(c for s, _, t, _ in relations for c in (s, t)))
    report = claim_statuses(graph(relations, claims, holders), bipolar=True)
    stated = [s for s, kind, t, _ in relations if kind == "rebuts" and t == target]
    assert {c.claim: c.attackers for c in report.claims}[target] == stated
    assert (report.derived_attacks, report.derived_attacks_dropped) == (0, 1)
    # the same graph with other holders keeps the derived attack
    assert claim_statuses(graph(relations, claims), bipolar=True).derived_attacks == 1


def test_no_derived_attack_onto_a_claim_the_attacker_supports() -> None:
    # leaky supports restrict and supports loophole; loophole rebuts restrict. The
    # supported attack leaky -> restrict would have leaky attack what it supports.
    g = graph(
        [
            ("leaky", "supports", "restrict", None),
            ("leaky", "supports", "loophole", None),
            ("loophole", "rebuts", "restrict", None),
        ],
        "leaky restrict loophole",
    )
    report = claim_statuses(g, bipolar=True)
    assert {c.claim: c.attackers for c in report.claims}["restrict"] == ["loophole"]
    assert report.derived_attacks_dropped >= 1
    assert ("leaky", "restrict") not in {(a, c.claim) for c in report.claims for a in c.attackers}


def test_a_stated_rebuttal_between_one_speakers_claims_stays() -> None:
    g = graph([("a", "rebuts", "b", None)], "a b", {"a": ["Heim"], "b": ["Heim"]})
    report = claim_statuses(g, bipolar=True)
    assert {c.claim: c.attackers for c in report.claims}["b"] == ["a"]


# ---------------------------------------------------------------- reader statuses


@pytest.mark.parametrize(
    ("relations", "claims", "expected"),
    [
        pytest.param([], "a", {"a": "unchallenged"}, id="no-relations"),
        pytest.param(
            [("a", "rebuts", "b", None), ("b", "rebuts", "c", None)],
            "a b c",
            {"a": "unchallenged", "b": "objection unanswered", "c": "objection answered"},
            id="chain",
        ),
        pytest.param(
            [("a", "rebuts", "c", None), ("b", "rebuts", "c", None), ("x", "rebuts", "a", None)],
            "a b c x",
            {
                "a": "objection unanswered",
                "b": "unchallenged",
                "c": "objection unanswered",  # b's rebuttal has no reply
                "x": "unchallenged",
            },
            id="one-of-two-answered",
        ),
        pytest.param(
            [("c", "supports", "b", "r1"), ("d", "rebuts", "r1", None)],
            "b c d",
            {"b": "unchallenged", "c": "objection unanswered", "d": "unchallenged"},
            id="undercut-objects-to-the-source",
        ),
        pytest.param(
            [("a", "rebuts", "b", "r1"), ("c", "rebuts", "r1", None)],
            "a b c",
            {"a": "objection unanswered", "b": "objection answered", "c": "unchallenged"},
            id="undercut-answers-a-rebuttal",
        ),
        pytest.param(
            [("x", "rebuts", "p", None), ("p", "supports", "q", None)],
            "x p q",
            {"x": "unchallenged", "p": "objection unanswered", "q": "unchallenged"},
            id="nothing-derived-through-supports",
        ),
        pytest.param(
            [("a", "rebuts", "b", None), ("b", "rebuts", "a", None)],
            "a b",
            {"a": "objection answered", "b": "objection answered"},
            id="mutual-rebuttal",
        ),
    ],
)
def test_reader_statuses(
    relations: list[tuple[str, str, str, str | None]], claims: str, expected: dict[str, str]
) -> None:
    report = reader_statuses(graph(relations, claims))
    assert {c.claim: c.status for c in report.claims} == expected
    counts = (report.unchallenged, report.objection_answered, report.objection_unanswered)
    assert counts == tuple(
        sum(v == name for v in expected.values())
        for name in ("unchallenged", "objection answered", "objection unanswered")
    )


def test_reader_reasons_name_the_objections_and_their_holders() -> None:
    g = graph(
        [
            ("still", "rebuts", "less", None),
            ("us", "rebuts", "less", None),
            ("opaque", "rebuts", "us", None),
        ],
        "less still us opaque",
        {"still": ["Heim"], "us": ["Heim", "Wagner"], "opaque": ["Chilson"]},
    )
    reasons = {c.claim: c.reason for c in reader_statuses(g).claims}
    assert reasons["less"] == (
        'Rebutted by Heim\'s "Claim still holds" (unanswered); rebutted by Heim and '
        'Wagner\'s "Claim us holds" (answered by Chilson\'s "Claim opaque holds").'
    )
    assert reasons["still"] == "No rebuttal or undercut targets it."


def test_reader_reason_of_an_undercut_names_the_link() -> None:
    g = graph([("c", "supports", "b", "r1"), ("d", "rebuts", "r1", None)], "b c d")
    (claim,) = [c for c in reader_statuses(g).claims if c.claim == "c"]
    assert (
        claim.reason
        == 'Its link to "Claim b holds" undercut by S-d\'s "Claim d holds" (unanswered).'
    )
    assert claim.objections[0].undercut_of == "r1"


def test_reader_statuses_list_unanswered_first() -> None:
    g = graph([("a", "rebuts", "b", None), ("b", "rebuts", "c", None)], "a b c")
    assert [c.status for c in reader_statuses(g).claims] == [
        "objection unanswered",
        "objection answered",
        "unchallenged",
    ]


def test_display_statuses_are_reader_statuses_with_strengths() -> None:
    g = graph([("a", "rebuts", "b", None)], "a b")
    shown = claim_statuses_for_display(g)
    assert {k: v.status for k, v in shown.by_claim.items()} == {
        "a": "unchallenged",
        "b": "objection unanswered",
    }
    assert shown.strength("b") == 0.25
    assert shown.of("nope") is None
    assert shown.note is None


def test_reader_statuses_built_unvalidated_are_what_validation_accepts() -> None:
    """The results are built without validation: reading their JSON back gives them again."""
    report = reader_statuses(arggraph.load(DEEPSEEK))
    assert any(o.undercut_of for c in report.claims for o in c.objections)
    assert ReaderStatusReport.model_validate_json(report.model_dump_json()) == report
