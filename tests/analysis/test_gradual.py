"""Gradual semantics: DF-QuAD and the h-categorizer, values worked out by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.analysis.framework import ArgumentationFramework
from arggraph.analysis.gradual import df_quad, h_categorizer


def bipolar(arguments: str, attacks: str = "", supports: str = "") -> ArgumentationFramework:
    """``bipolar("a b c", "b>a", "c>a")``: arguments, attacks ``x>y``, supports ``x>y``."""

    def pairs(text: str) -> list[tuple[str, str]]:
        return [(e.split(">")[0], e.split(">")[1]) for e in text.split()]

    return ArgumentationFramework(arguments.split(), pairs(attacks), pairs(supports))


# ---------------------------------------------------------------- h-categorizer

H_CASES = [
    # Besnard & Hunter 2001: a chain a -> b -> c -> d with all weights 1:
    # h(a) = 1; h(b) = 1/(1+1) = 0.5; h(c) = 1/(1+0.5) = 0.6667; h(d) = 1/(1+2/3) = 0.6
    ("chain", bipolar("a b c d", "a>b b>c c>d"), 1.0, {"a": 1.0, "b": 0.5, "c": 0.6667, "d": 0.6}),
    # two attackers of strength 1: h(c) = 1/(1+1+1) = 0.3333
    ("two attackers", bipolar("a b c", "a>c b>c"), 1.0, {"a": 1.0, "b": 1.0, "c": 0.3333}),
    # a pair attacking each other: x = 1/(1+x), x = (sqrt 5 - 1)/2 = 0.6180
    ("pair", bipolar("a b", "a>b b>a"), 1.0, {"a": 0.618, "b": 0.618}),
    # an odd cycle: the same equation, the same value
    ("odd cycle", bipolar("a b c", "a>b b>c c>a"), 1.0, {"a": 0.618, "b": 0.618, "c": 0.618}),
    # weighted (Amgoud et al. 2017), all weights 0.5: a = 0.5; b = 0.5/1.5 = 0.3333;
    # c = 0.5/(1 + 1/3) = 0.375
    ("weighted chain", bipolar("a b c", "a>b b>c"), 0.5, {"a": 0.5, "b": 0.3333, "c": 0.375}),
]


@pytest.mark.parametrize(
    ("name", "framework", "base", "expected"), H_CASES, ids=[c[0] for c in H_CASES]
)
def test_h_categorizer_values(
    name: str, framework: ArgumentationFramework, base: float, expected: dict[str, float]
) -> None:
    result = h_categorizer(framework, default_base=base)
    assert result.strengths == expected
    assert result.converged


def test_h_categorizer_ignores_supports() -> None:
    framework = bipolar("a b c", "a>b", "c>b")
    assert h_categorizer(framework, default_base=1.0).strengths["b"] == 0.5


def test_acyclic_needs_one_sweep_and_cycles_more() -> None:
    assert h_categorizer(bipolar("a b c", "a>b b>c")).iterations == 1
    assert h_categorizer(bipolar("a b", "a>b b>a")).iterations > 1


# ---------------------------------------------------------------- DF-QuAD

DF_CASES = [
    # Rago et al. 2016's definitions. a (base 0.5) attacked by b (0.8) and c (0.6),
    # supported by d (0.4) and e (0.5): attack F = 1 - 0.2*0.4 = 0.92, support
    # F = 1 - 0.6*0.5 = 0.7; attack wins: 0.5 - 0.5*(0.92 - 0.7) = 0.39
    (
        "attack wins",
        bipolar("a b c d e", "b>a c>a", "d>a e>a"),
        {"b": 0.8, "c": 0.6, "d": 0.4},
        {"a": 0.39, "b": 0.8, "c": 0.6, "d": 0.4, "e": 0.5},
    ),
    # a (0.6) attacked by b (0.3), supported by c (0.9): 0.6 + 0.4*(0.9 - 0.3) = 0.84
    (
        "support wins",
        bipolar("a b c", "b>a", "c>a"),
        {"a": 0.6, "b": 0.3, "c": 0.9},
        {"a": 0.84, "b": 0.3, "c": 0.9},
    ),
    # attack and support of equal strength cancel: a keeps its base score
    ("balanced", bipolar("a b c", "b>a", "c>a"), {"a": 0.7}, {"a": 0.7, "b": 0.5, "c": 0.5}),
    # e supports d: d = 0.5 + 0.5*0.5 = 0.75; d attacks a: a = 0.5 - 0.5*0.75 = 0.125
    ("chain", bipolar("a d e", "d>a", "e>d"), {}, {"a": 0.125, "d": 0.75, "e": 0.5}),
    # no attackers or supporters: strength = base score
    ("alone", bipolar("a"), {"a": 0.2}, {"a": 0.2}),
    # a fully strong attacker wipes out its target
    ("knock-out", bipolar("a b", "b>a"), {"b": 1.0}, {"a": 0.0, "b": 1.0}),
]


@pytest.mark.parametrize(
    ("name", "framework", "bases", "expected"), DF_CASES, ids=[c[0] for c in DF_CASES]
)
def test_df_quad_values(
    name: str,
    framework: ArgumentationFramework,
    bases: dict[str, float],
    expected: dict[str, float],
) -> None:
    result = df_quad(framework, base_scores=bases)
    assert result.strengths == expected
    assert (result.converged, result.iterations) == (True, 1)


def test_df_quad_on_a_cycle_converges_to_the_fixed_point() -> None:
    # a and b attack each other, base 0.5: a = 0.5*(1 - b), b = 0.5*(1 - a): a = b = 1/3
    result = df_quad(bipolar("a b", "a>b b>a"))
    assert result.strengths == {"a": 0.3333, "b": 0.3333}
    assert result.converged
    assert result.iterations > 1


def test_iteration_cap_reports_no_convergence() -> None:
    result = df_quad(bipolar("a b", "a>b b>a"), max_iterations=2)
    assert (result.converged, result.iterations) == (False, 2)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"base_scores": {"zz": 0.5}}, "not an argument"),
        ({"base_scores": {"a": 1.5}}, "between 0 and 1"),
        ({"default_base": -0.1}, "between 0 and 1"),
        ({"tolerance": 0.0}, "tolerance"),
    ],
)
def test_bad_options_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        df_quad(bipolar("a"), **kwargs)  # type: ignore[arg-type]


def test_result_json_is_sorted_and_rounded() -> None:
    result = h_categorizer(bipolar("c b a", "a>b b>c"), default_base=1.0)
    assert result.model_dump_json() == (
        '{"semantics":"h-categorizer","strengths":{"a":1.0,"b":0.5,"c":0.6667},'
        '"converged":true,"iterations":1,"tolerance":1e-9,"max_iterations":1000}'
    )


@st.composite
def weighted(draw: st.DrawFn) -> tuple[ArgumentationFramework, dict[str, float]]:
    n = draw(st.integers(min_value=1, max_value=8))
    names = [f"x{i}" for i in range(n)]
    edge = st.tuples(st.sampled_from(names), st.sampled_from(names))
    attacks = draw(st.lists(edge, max_size=16))
    supports = [(a, b) for a, b in draw(st.lists(edge, max_size=16)) if (a, b) not in attacks]
    bases = {a: draw(st.floats(min_value=0, max_value=1)) for a in names}
    return ArgumentationFramework(names, attacks, supports), bases


@settings(max_examples=100, deadline=None)
@given(weighted())
def test_strengths_stay_in_the_unit_interval(
    case: tuple[ArgumentationFramework, dict[str, float]],
) -> None:
    framework, bases = case
    for result in (
        df_quad(framework, base_scores=bases),
        h_categorizer(framework, base_scores=bases),
    ):
        assert all(0.0 <= s <= 1.0 for s in result.strengths.values())
    # the h-categorizer never rises above its weight
    h = h_categorizer(framework, base_scores=bases)
    assert all(h.strengths[a] <= round(bases[a], 4) + 1e-4 for a in framework.arguments)
    assert h.converged
