"""Gradual semantics: a strength in [0, 1] for every argument, not just in or out.

Two semantics, on a framework with base scores (a *weighted* framework):

- **DF-QuAD** (Rago, Toni, Aurisicchio & Baroni 2016) on a bipolar framework. The
  attackers' strengths are aggregated by ``F(v1..vn) = 1 - (1 - v1)...(1 - vn)``
  (``F() = 0``), the supporters' likewise; with base score ``b``, attack ``va`` and
  support ``vs`` an argument's strength is ``b`` if ``va == vs``, ``b - b(va - vs)``
  if ``va > vs``, and ``b + (1 - b)(vs - va)`` otherwise.
- **weighted h-categorizer** (Besnard & Hunter 2001; weighted by Amgoud, Ben-Naim,
  Doder & Vesic 2017): ``s(a) = w(a) / (1 + sum of s(b) over attackers b)``. With all
  weights 1 it is Besnard & Hunter's categoriser (a chain a -> b -> c gives 1, 1/2,
  2/3). It reads attacks only; supports are ignored.

Strengths are computed component by component (strongly connected components of the
attacks and supports, upstream first; Tarjan 1972), so an argument outside every
cycle is computed once, exactly, from its attackers' and supporters' final strengths:
on an acyclic framework the result is the semantics' definition and ``iterations`` is
1. The arguments of a cycle are updated together from the previous sweep's values
(Jacobi sweeps, so the result does not depend on the order of the arguments) until no
strength moves by more than ``tolerance``, or ``max_iterations`` sweeps; each sweep is
linear in the size of the cycle. The h-categorizer always converges to its unique
fixed point (Pu et al. 2014; Amgoud et al. 2017); DF-QuAD need not, and
``converged`` says whether every cycle did. ``iterations`` is the most sweeps any
cycle took.

Example
-------
>>> from arggraph.analysis.framework import ArgumentationFramework
>>> chain = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> h_categorizer(chain, default_base=1.0).strengths
{'a': 1.0, 'b': 0.5, 'c': 0.6667}

References
----------
A. Rago, F. Toni, M. Aurisicchio and P. Baroni, "Discontinuity-free decision support
with quantitative argumentation debates", KR 2016, 63-72.
P. Besnard and A. Hunter, "A logic-based theory of deductive arguments", Artificial
Intelligence 128 (2001) 203-235.
L. Amgoud, J. Ben-Naim, D. Doder and S. Vesic, "Acceptability semantics for weighted
argumentation frameworks", IJCAI 2017, 56-62.
R. Tarjan, "Depth-first search and linear graph algorithms", SIAM Journal on
Computing 1 (1972) 146-160.
F. Pu, J. Luo, Y. Zhang and G. Luo, "Argument ranking with categoriser function",
KSEM 2014, 290-301.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

from pydantic import Field

from arggraph.analysis.framework import ArgumentationFramework
from arggraph.analysis.results import Result, counted

ROUND_DIGITS = 4
"""Strengths are rounded to this many decimals, so JSON output is stable."""

DEFAULT_BASE = 0.5
"""Base score of an argument that ``base_scores`` does not name."""

DEFAULT_TOLERANCE = 1e-9
DEFAULT_MAX_ITERATIONS = 1_000

GradualName = Literal["df-quad", "h-categorizer"]


class GradualStrengths(Result):
    """Strengths of every argument under a gradual semantics, and how they were found."""

    semantics: GradualName
    strengths: dict[str, float] = Field(
        description="argument -> strength in [0, 1], rounded to 4 decimals, sorted by argument"
    )
    converged: bool = Field(description="False when max_iterations sweeps did not settle")
    iterations: int = Field(description="most sweeps any cycle took; 1 for an acyclic framework")
    tolerance: float
    max_iterations: int

    def _summary(self) -> str:
        settled = "converged" if self.converged else "did not converge"
        return (
            f"{self.semantics}, {counted(len(self.strengths), 'argument')}, {settled} "
            f"in {counted(self.iterations, 'sweep')}"
        )


def _bases(
    af: ArgumentationFramework, base_scores: Mapping[str, float] | None, default_base: float
) -> list[float]:
    if not 0.0 <= default_base <= 1.0:
        raise ValueError(f"default_base must be between 0 and 1, not {default_base!r}")
    bases = [default_base] * len(af)
    for name, value in (base_scores or {}).items():
        if name not in af.index:
            raise ValueError(f"base_scores names {name!r}, which is not an argument")
        if not (isinstance(value, int | float) and 0.0 <= value <= 1.0):
            raise ValueError(f"base score of {name!r} must be between 0 and 1, not {value!r}")
        bases[af.index[name]] = float(value)
    return bases


def _components_in_order(
    af: ArgumentationFramework, *, supports: bool
) -> list[tuple[list[int], bool]]:
    """Strongly connected components, upstream first, each with "has a cycle".

    Tarjan's algorithm (1972), iterative: components come out downstream first.
    """
    n = len(af)

    def successors(a: int) -> list[int]:
        return af.attacked[a] + af.supported[a] if supports else af.attacked[a]

    index = [-1] * n
    low = [0] * n
    on_stack = [False] * n
    stack: list[int] = []
    found: list[tuple[list[int], bool]] = []
    counter = 0
    for root in range(n):
        if index[root] >= 0:
            continue
        work = [(root, 0, successors(root))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = True
        while work:
            a, k, succ = work[-1]
            if k < len(succ):
                work[-1] = (a, k + 1, succ)
                b = succ[k]
                if index[b] < 0:
                    index[b] = low[b] = counter
                    counter += 1
                    stack.append(b)
                    on_stack[b] = True
                    work.append((b, 0, successors(b)))
                elif on_stack[b]:
                    low[a] = min(low[a], index[b])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[a])
            if low[a] == index[a]:
                members = []
                while True:
                    b = stack.pop()
                    on_stack[b] = False
                    members.append(b)
                    if b == a:
                        break
                cyclic = len(members) > 1 or a in succ
                found.append((members, cyclic))
    found.reverse()
    return found


def _iterate(
    af: ArgumentationFramework,
    semantics: GradualName,
    bases: list[float],
    tolerance: float,
    max_iterations: int,
) -> GradualStrengths:
    if tolerance <= 0 or max_iterations < 1:
        raise ValueError("tolerance must be positive and max_iterations at least 1")
    uses_supports = semantics == "df-quad"
    attackers, supporters = af.attackers, af.supporters

    def value(a: int, strength: list[float]) -> float:
        if uses_supports:
            attack = 1.0 - math.prod(1.0 - strength[b] for b in attackers[a])
            support = 1.0 - math.prod(1.0 - strength[b] for b in supporters[a])
            base = bases[a]
            if attack >= support:
                return base - base * (attack - support)
            return base + (1.0 - base) * (support - attack)
        return bases[a] / (1.0 + sum(strength[b] for b in attackers[a]))

    strength = list(bases)
    iterations, converged = 1, True
    for members, cyclic in _components_in_order(af, supports=uses_supports):
        if not cyclic:
            strength[members[0]] = value(members[0], strength)
            continue
        # Jacobi sweeps within the cycle: every member from the previous sweep's
        # values, so the result does not depend on the order of the arguments
        sweeps, settled = 0, False
        while sweeps < max_iterations and not settled:
            sweeps += 1
            new = [value(a, strength) for a in members]
            settled = max(abs(v - strength[a]) for a, v in zip(members, new, strict=True)) <= (
                tolerance
            )
            for a, v in zip(members, new, strict=True):
                strength[a] = v
        iterations = max(iterations, sweeps)
        converged = converged and settled
    names = af.arguments
    return GradualStrengths(
        semantics=semantics,
        strengths={names[i]: round(strength[i], ROUND_DIGITS) for i in _by_name(names)},
        converged=converged,
        iterations=iterations,
        tolerance=tolerance,
        max_iterations=max_iterations,
    )


def _by_name(names: tuple[str, ...]) -> list[int]:
    return sorted(range(len(names)), key=names.__getitem__)


def df_quad(
    af: ArgumentationFramework,
    *,
    base_scores: Mapping[str, float] | None = None,
    default_base: float = DEFAULT_BASE,
    tolerance: float = DEFAULT_TOLERANCE,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
) -> GradualStrengths:
    """DF-QuAD strengths (Rago et al. 2016) of a bipolar framework.

    Parameters
    ----------
    af : ArgumentationFramework
        Attacks lower a strength, supports raise it.
    base_scores : mapping of str to float, optional
        Base score (intrinsic strength, in [0, 1]) per argument.
    default_base : float
        Base score of the arguments ``base_scores`` does not name.
    tolerance, max_iterations
        When to stop sweeping a framework with cycles.

    Returns
    -------
    GradualStrengths

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> af = ArgumentationFramework(["a", "b", "c"], [("b", "a")], supports=[("c", "a")])
    >>> df_quad(af, base_scores={"b": 0.8, "c": 0.4}).strengths
    {'a': 0.3, 'b': 0.8, 'c': 0.4}
    """
    return _iterate(af, "df-quad", _bases(af, base_scores, default_base), tolerance, max_iterations)


def h_categorizer(
    af: ArgumentationFramework,
    *,
    base_scores: Mapping[str, float] | None = None,
    default_base: float = DEFAULT_BASE,
    tolerance: float = DEFAULT_TOLERANCE,
    max_iterations: int = DEFAULT_MAX_ITERATIONS,
) -> GradualStrengths:
    """Weighted h-categorizer strengths (Besnard & Hunter 2001; Amgoud et al. 2017).

    Supports are ignored. Pass ``default_base=1.0`` for the unweighted categoriser.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> pair = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> h_categorizer(pair, default_base=1.0).strengths  # x = 1 / (1 + x)
    {'a': 0.618, 'b': 0.618}
    """
    return _iterate(
        af, "h-categorizer", _bases(af, base_scores, default_base), tolerance, max_iterations
    )
