"""Dung's semantics: textbook answers, ICCMA reference answers, properties, budgets."""

from __future__ import annotations

import itertools
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arggraph.analysis.framework import ArgumentationFramework, bipolar_to_dung
from arggraph.analysis.semantics import (
    SemanticsBudgetExceeded,
    acceptance,
    complete_extensions,
    complete_labellings,
    credulously_accepted,
    grounded_extension,
    grounded_labelling,
    is_admissible,
    is_complete,
    is_conflict_free,
    is_stable,
    preferred_extensions,
    preferred_labellings,
    sceptically_accepted,
    stable_extensions,
)
from arggraph.errors import AnalysisError
from arggraph.io.iccma import read_iccma, read_query

DATA = Path(__file__).resolve().parent.parent / "data" / "iccma"
REFERENCE = DATA / "reference"


def af(arguments: str, attacks: str = "") -> ArgumentationFramework:
    """``af("a b c", "a>b b>c")``: arguments, then attacks written ``x>y``."""
    pairs = [tuple(edge.split(">")) for edge in attacks.split()]
    return ArgumentationFramework(arguments.split(), [(p[0], p[1]) for p in pairs])


def sets(*extensions: str) -> list[frozenset[str]]:
    """``sets("", "a d")``: extensions written as space-separated arguments."""
    return [frozenset(e.split()) for e in extensions]


# name, framework, grounded, complete, preferred, stable (extensions in result order:
# smallest first, then alphabetical)
TEXTBOOK = [
    # Dung 1995: a attacks b attacks c; a reinstates c.
    ("chain", af("a b c", "a>b b>c"), "a c", ["a c"], ["a c"], ["a c"]),
    # Dung 1995, the Nixon diamond: two positions, nothing sceptical.
    ("nixon", af("q r", "q>r r>q"), "", ["", "q", "r"], ["q", "r"], ["q", "r"]),
    # Baroni, Caminada & Giacomin 2011: an odd cycle has no stable extension.
    ("odd cycle", af("a b c", "a>b b>c c>a"), "", [""], [""], []),
    # a self-attacking argument is never accepted, and makes stable fail here.
    ("self-attack", af("a b", "a>a"), "b", ["b"], ["b"], []),
    # Baroni, Caminada & Giacomin 2011, floating reinstatement: d is in every
    # preferred extension but not in the grounded one.
    (
        "floating reinstatement",
        af("a b c d", "a>b b>a a>c b>c c>d"),
        "",
        ["", "a d", "b d"],
        ["a d", "b d"],
        ["a d", "b d"],
    ),
    # an unattacked d breaks the odd cycle: everything is decided.
    ("broken odd cycle", af("a b c d", "a>b b>c c>a d>a"), "b d", ["b d"], ["b d"], ["b d"]),
    # stable is stricter than preferred: {a} does not attack the self-attacker c.
    (
        "stable below preferred",
        af("a b c", "a>b b>a b>c c>c"),
        "",
        ["", "a", "b"],
        ["a", "b"],
        ["b"],
    ),
    # the empty framework has one extension, the empty set, under every semantics.
    ("empty", af(""), "", [""], [""], [""]),
]


@pytest.mark.parametrize(
    ("name", "framework", "grounded", "complete", "preferred", "stable"),
    TEXTBOOK,
    ids=[t[0] for t in TEXTBOOK],
)
def test_textbook_extensions(
    name: str,
    framework: ArgumentationFramework,
    grounded: str,
    complete: list[str],
    preferred: list[str],
    stable: list[str],
) -> None:
    assert grounded_extension(framework) == frozenset(grounded.split())
    assert complete_extensions(framework) == sets(*complete)
    assert preferred_extensions(framework) == sets(*preferred)
    assert stable_extensions(framework) == sets(*stable)


def test_grounded_labelling_of_a_chain() -> None:
    labelling = grounded_labelling(af("a b c d", "a>b b>c c>d"))
    assert labelling.as_dict() == {"a": "in", "b": "out", "c": "in", "d": "out"}


def test_grounded_labelling_leaves_cycles_undecided() -> None:
    labelling = grounded_labelling(af("a b c", "a>b b>a b>c"))
    assert labelling.undec == {"a", "b", "c"}
    assert labelling.label_of("c") == "undec"


def test_preferred_labellings_of_odd_cycle_are_all_undecided() -> None:
    (labelling,) = preferred_labellings(af("a b c", "a>b b>c c>a"))
    assert labelling.undec == {"a", "b", "c"}


def test_complete_labellings_out_sets() -> None:
    outs = [sorted(lab.out) for lab in complete_labellings(af("a b c d", "a>b b>a a>c b>c c>d"))]
    assert outs == [[], ["b", "c"], ["a", "c"]]


@pytest.mark.parametrize(
    ("semantics", "credulous", "sceptical"),
    [
        ("grounded", "", ""),
        ("complete", "a b d", ""),
        ("preferred", "a b d", "d"),
        ("stable", "a b d", "d"),
    ],
)
def test_acceptance_floating_reinstatement(semantics: str, credulous: str, sceptical: str) -> None:
    framework = af("a b c d", "a>b b>a a>c b>c c>d")
    assert credulously_accepted(framework, semantics=semantics) == set(credulous.split())  # type: ignore[arg-type]
    assert sceptically_accepted(framework, semantics=semantics) == set(sceptical.split())  # type: ignore[arg-type]


def test_no_stable_extension_accepts_everything_sceptically() -> None:
    odd = af("a b c", "a>b b>c c>a")
    assert sceptically_accepted(odd, semantics="stable") == {"a", "b", "c"}
    assert credulously_accepted(odd, semantics="stable") == frozenset()


def test_acceptance_combines_independent_parts() -> None:
    # two Nixon diamonds and a chain: 4 preferred extensions, found part by part
    framework = af("a b c d e f", "a>b b>a c>d d>c e>f")
    credulous, sceptical, rejected = acceptance(framework)
    assert credulous == {"a", "b", "c", "d", "e"}
    assert sceptical == {"e"}
    assert rejected == {"f"}
    assert len(preferred_extensions(framework)) == 4


def test_unknown_semantics_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown semantics"):
        credulously_accepted(af("a"), semantics="ideal")  # type: ignore[arg-type]


def test_bipolar_framework_through_dung() -> None:
    # c supports a, a attacks b: c attacks b (supported); d attacks e, e supports f:
    # d attacks f (secondary)
    bipolar = ArgumentationFramework(
        ["a", "b", "c", "d", "e", "f"], [("a", "b"), ("d", "e")], [("c", "a"), ("e", "f")]
    )
    dung = bipolar_to_dung(bipolar)
    assert dung.attacks == {("a", "b"), ("c", "b"), ("d", "e"), ("d", "f")}
    assert grounded_extension(dung) == {"a", "c", "d"}


# ---------------------------------------------------------------- ICCMA reference


def reference_extensions(task: str) -> set[frozenset[str]]:
    text = (REFERENCE / f"iccma-2019-Medium-result-b1.apx-{task}.out").read_text()
    first = text.strip().splitlines()[0]
    return {
        frozenset(a for a in inner.split(",") if a)
        for inner in re.findall(r"\[([^\[\]]*)\]", first)
    }


def reference_answer(task: str) -> bool:
    answer = (REFERENCE / f"iccma-2019-Medium-result-b1.apx-{task}.out").read_text().split()[0]
    assert answer in ("YES", "NO")
    return answer == "YES"


@pytest.fixture(scope="module")
def medium() -> ArgumentationFramework:
    return read_iccma(DATA / "Medium-result-b1.apx")


@pytest.fixture(scope="module")
def medium_query() -> str:
    return read_query(DATA / "Medium-result-b1.arg")


def test_iccma_grounded_agrees(medium: ArgumentationFramework, medium_query: str) -> None:
    grounded = grounded_extension(medium)
    assert (medium_query in grounded) is reference_answer("DC-GR")
    # SE-CO: the reference's one complete extension is the empty (grounded) one
    assert reference_extensions("SE-CO") == {grounded} == {frozenset()}


def test_iccma_stable_agrees(medium: ArgumentationFramework) -> None:
    stable = stable_extensions(medium)
    assert len(stable) == len(set(stable)) == 15
    assert set(stable) == reference_extensions("EE-ST")


@pytest.mark.slow
def test_iccma_complete_and_preferred_agree(
    medium: ArgumentationFramework, medium_query: str
) -> None:
    complete = reference_extensions("EE-CO")
    assert len(complete) == 24
    assert set(complete_extensions(medium)) == complete
    maximal = {e for e in complete if not any(e < other for other in complete)}
    assert set(preferred_extensions(medium)) == maximal
    credulous, sceptical, _ = acceptance(medium, semantics="complete")
    assert (medium_query in credulous) is reference_answer("DC-CO")
    assert (medium_query in sceptical) is reference_answer("DS-CO")


# ---------------------------------------------------------------- properties


@st.composite
def frameworks(draw: st.DrawFn, max_size: int = 7) -> ArgumentationFramework:
    n = draw(st.integers(min_value=0, max_value=max_size))
    names = [f"x{i}" for i in range(n)]
    pairs = [(a, b) for a in names for b in names]
    attacks: list[tuple[str, str]] = (
        draw(st.lists(st.sampled_from(pairs), unique=True)) if pairs else []
    )
    return ArgumentationFramework(names, attacks)


def subsets(framework: ArgumentationFramework) -> list[frozenset[str]]:
    names = framework.arguments
    return [frozenset(c) for r in range(len(names) + 1) for c in itertools.combinations(names, r)]


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_grounded_is_the_least_complete_extension(framework: ArgumentationFramework) -> None:
    grounded = grounded_extension(framework)
    assert is_conflict_free(framework, grounded)
    assert is_admissible(framework, grounded)
    assert is_complete(framework, grounded)
    complete = complete_extensions(framework)
    assert complete[0] == grounded
    assert all(grounded <= e for e in complete)


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_extensions_match_brute_force(framework: ArgumentationFramework) -> None:
    every = subsets(framework)
    complete = {s for s in every if is_complete(framework, s)}
    preferred = {s for s in complete if not any(s < t for t in complete)}
    stable = {s for s in every if is_stable(framework, s)}
    assert set(complete_extensions(framework)) == complete
    assert set(preferred_extensions(framework)) == preferred
    assert set(stable_extensions(framework)) == stable


@settings(max_examples=150, deadline=None)
@given(frameworks(max_size=12))
def test_stable_within_preferred_within_complete(framework: ArgumentationFramework) -> None:
    complete = complete_extensions(framework)
    preferred = preferred_extensions(framework)
    stable = stable_extensions(framework)
    assert set(stable) <= set(preferred) <= set(complete)
    assert all(is_admissible(framework, e) for e in preferred)
    assert all(is_stable(framework, e) for e in stable)
    assert len(complete) == len(set(complete))


# ---------------------------------------------------------------- budgets


def ring_of_pairs(k: int) -> ArgumentationFramework:
    """k mutually attacking pairs joined in a ring: 2k undecided arguments, one part."""
    names = [f"{side}{i}" for i in range(k) for side in "ab"]
    attacks = [(f"a{i}", f"b{i}") for i in range(k)] + [(f"b{i}", f"a{i}") for i in range(k)]
    attacks += [(f"a{i}", f"a{(i + 1) % k}") for i in range(k)]
    return ArgumentationFramework(names, attacks)


def test_budget_on_undecided_arguments_is_immediate() -> None:
    big = ring_of_pairs(50_000)
    assert grounded_extension(big) == frozenset()  # linear: no budget
    start = time.monotonic()
    with pytest.raises(SemanticsBudgetExceeded) as info:
        preferred_extensions(big)
    assert time.monotonic() - start < 5
    assert isinstance(info.value, AnalysisError)
    assert info.value.budget == "max_undecided"
    message = str(info.value)
    assert "100,000 arguments" in message
    assert "max_undecided=1,000" in message
    assert "Pass a larger max_undecided=" in message


def test_budget_on_search_steps() -> None:
    # one part of 24 arguments with many complete labellings: more steps than allowed
    with pytest.raises(SemanticsBudgetExceeded, match="max_steps=100") as info:
        complete_extensions(ring_of_pairs(12), max_steps=100)
    assert info.value.needed == 101


def test_budget_on_number_of_extensions() -> None:
    pairs = af(
        " ".join(f"a{i} b{i}" for i in range(20)),
        " ".join(f"a{i}>b{i} b{i}>a{i}" for i in range(20)),
    )
    with pytest.raises(SemanticsBudgetExceeded, match="max_extensions"):
        preferred_extensions(pairs)
    # acceptance never lists extensions, so it takes this framework in its stride
    assert sceptically_accepted(pairs) == frozenset()
    assert len(credulously_accepted(pairs)) == 40


def test_budget_on_time() -> None:
    with pytest.raises(SemanticsBudgetExceeded, match="timeout"):
        complete_extensions(ring_of_pairs(400), max_steps=None, timeout=0.05)


def test_budget_on_extensions_of_one_part_stops_the_search_early() -> None:
    with pytest.raises(SemanticsBudgetExceeded, match="max_extensions=50") as info:
        complete_extensions(ring_of_pairs(12), max_steps=None, max_extensions=50)
    assert info.value.needed == 51


def test_preferred_search_in_one_big_part_is_bounded_by_steps() -> None:
    start = time.monotonic()
    with pytest.raises(SemanticsBudgetExceeded, match="max_steps"):
        sceptically_accepted(ring_of_pairs(400), max_steps=20_000)
    assert time.monotonic() - start < 30
