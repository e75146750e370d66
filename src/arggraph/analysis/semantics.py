"""Dung's semantics: grounded, complete, preferred and stable extensions, and acceptance.

The **grounded** labelling is computed by the linear-time labelling algorithm (an
argument is ``in`` once all its attackers are ``out``, and ``out`` once one attacker
is ``in``; Modgil & Caminada 2009): a queue of arguments whose
attackers are all ``out`` and a counter, per argument, of attackers not yet ``out``.
It runs in O(arguments + attacks), without recursion.

**Complete, preferred and stable** semantics are hard in general (deciding sceptical
acceptance under preferred is Π2-complete; Dunne & Bench-Capon 2002), so they are
computed by a search bounded by a budget. Every complete labelling extends the
grounded one (Dung 1995, theorem 25), so only the arguments grounded leaves
``undec`` are searched, and each weakly connected part of them separately (their
labellings combine freely: an argument's attackers outside the undecided part are
all ``out``). In each part, a backtracking search decides one argument at a time
``in`` or not ``in`` and propagates the rules of a complete labelling (Caminada 2006;
Baroni, Caminada & Giacomin 2011, section 3); a complete labelling is fixed by its
``in`` set, so each leaf is a complete labelling, found once. Preferred labellings
are the complete ones with a maximal ``in`` set; stable ones are the complete ones
with no ``undec`` (every argument not ``in`` must be attacked by an ``in`` one).

Past the budget (an undecided part larger than ``max_undecided``, more than
``max_steps`` search steps, more than ``max_extensions`` extensions to list, or
``timeout`` seconds) the search stops with :class:`SemanticsBudgetExceeded`; it
never hangs.

Example
-------
>>> from arggraph.analysis.framework import ArgumentationFramework
>>> nixon = ArgumentationFramework(["q", "r"], [("q", "r"), ("r", "q")])
>>> sorted(grounded_extension(nixon)), [sorted(e) for e in preferred_extensions(nixon)]
([], [['q'], ['r']])

References
----------
P. M. Dung, "On the acceptability of arguments and its fundamental role in
nonmonotonic reasoning, logic programming and n-person games", Artificial
Intelligence 77 (1995) 321-357.
M. Caminada, "On the issue of reinstatement in argumentation", JELIA 2006.
S. Modgil and M. Caminada, "Proof theories and algorithms for abstract
argumentation frameworks", in Argumentation in Artificial Intelligence (2009) 105-129.
P. Baroni, M. Caminada and M. Giacomin, "An introduction to argumentation
semantics", Knowledge Engineering Review 26 (2011) 365-410.
P. E. Dunne and T. J. M. Bench-Capon, "Coherence in finite argument systems",
Artificial Intelligence 141 (2002) 187-203.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Literal

from arggraph.analysis.framework import ArgumentationFramework
from arggraph.errors import AnalysisError

Label = Literal["in", "out", "undec"]
ExtensionSemantics = Literal["complete", "preferred", "stable"]
SemanticsName = Literal["grounded", "complete", "preferred", "stable"]

DEFAULT_MAX_UNDECIDED = 1_000
"""Largest weakly connected part left undecided by grounded that the search takes on."""

DEFAULT_MAX_STEPS = 2_000_000
"""Search steps (label choices tried) allowed in one call, over all parts."""

DEFAULT_MAX_EXTENSIONS = 10_000
"""Most extensions a call lists (they multiply across independent parts)."""

_UNSET, _IN, _OUT, _UNDEC = 0, 1, 2, 3
_NAMES: dict[int, Label] = {_IN: "in", _OUT: "out", _UNDEC: "undec"}


class SemanticsBudgetExceeded(AnalysisError):  # noqa: N818 (the name says what happened)
    """An exponential semantics would exceed its budget on this framework.

    ``budget`` names the limit (``max_undecided``, ``max_steps``, ``max_extensions``
    or ``timeout``), ``limit`` its value and ``needed`` what was reached.
    """

    def __init__(self, semantics: str, budget: str, limit: float, needed: float) -> None:
        self.semantics = semantics
        self.budget = budget
        self.limit = limit
        self.needed = needed
        what = {
            "max_undecided": (
                f"a connected part of the framework has {needed:,.0f} arguments that the "
                f"grounded labelling leaves undecided, more than max_undecided={limit:,.0f}; "
                "the search is exponential in that number"
            ),
            "max_steps": f"the search took more than max_steps={limit:,.0f} steps",
            "max_extensions": (
                f"there are at least {needed:,.0f} extensions, more than "
                f"max_extensions={limit:,.0f}"
            ),
            "timeout": f"the search ran longer than timeout={limit:g} seconds",
        }[budget]
        super().__init__(
            f"{semantics} semantics: {what}. Pass a larger {budget}= (or None for no "
            "limit) to try anyway, or use grounded semantics, which takes linear time."
        )


@dataclass(frozen=True)
class Budget:
    """Limits on the exponential search; ``None`` means no limit.

    Example
    -------
    >>> Budget(max_steps=10).max_steps
    10
    """

    max_undecided: int | None = DEFAULT_MAX_UNDECIDED
    max_steps: int | None = DEFAULT_MAX_STEPS
    max_extensions: int | None = DEFAULT_MAX_EXTENSIONS
    timeout: float | None = None


@dataclass(frozen=True)
class Labelling:
    """A labelling: the arguments labelled ``in``, ``out`` and ``undec``.

    The ``in`` arguments form the extension the labelling stands for (Caminada 2006).

    Example
    -------
    >>> lab = Labelling(frozenset({"a"}), frozenset({"b"}), frozenset())
    >>> lab.label_of("b"), lab.extension
    ('out', frozenset({'a'}))
    """

    in_: frozenset[str]
    out: frozenset[str]
    undec: frozenset[str]

    @property
    def extension(self) -> frozenset[str]:
        """The arguments labelled ``in``."""
        return self.in_

    def label_of(self, argument: str) -> Label:
        """``"in"``, ``"out"`` or ``"undec"``; ``KeyError`` for an unknown argument."""
        if argument in self.in_:
            return "in"
        if argument in self.out:
            return "out"
        if argument in self.undec:
            return "undec"
        raise KeyError(argument)

    def as_dict(self) -> dict[str, Label]:
        """``{argument: label}``, arguments sorted."""
        labels: dict[str, Label] = {a: "in" for a in self.in_}
        labels.update({a: "out" for a in self.out})
        labels.update({a: "undec" for a in self.undec})
        return dict(sorted(labels.items()))


# ---------------------------------------------------------------- grounded


def _grounded_labels(af: ArgumentationFramework) -> list[int]:
    n = len(af)
    label = [_UNSET] * n
    pending = [len(row) for row in af.attackers]  # attackers not yet out
    queue = [i for i in range(n) if pending[i] == 0]
    for i in queue:
        label[i] = _IN
    while queue:
        a = queue.pop()
        for b in af.attacked[a]:
            if label[b] != _UNSET:
                continue
            label[b] = _OUT
            for c in af.attacked[b]:
                pending[c] -= 1
                if pending[c] == 0 and label[c] == _UNSET:
                    label[c] = _IN
                    queue.append(c)
    return [_UNDEC if x == _UNSET else x for x in label]


def _labelling(af: ArgumentationFramework, label: Sequence[int]) -> Labelling:
    names = af.arguments
    return Labelling(
        in_=frozenset(names[i] for i, x in enumerate(label) if x == _IN),
        out=frozenset(names[i] for i, x in enumerate(label) if x == _OUT),
        undec=frozenset(names[i] for i, x in enumerate(label) if x == _UNDEC),
    )


def grounded_labelling(af: ArgumentationFramework) -> Labelling:
    """The grounded labelling: the least complete labelling (Dung 1995; Caminada 2006).

    ``in`` are the arguments the framework defends from scratch, ``out`` those
    attacked by one of them, ``undec`` the rest. Linear time; no recursion.

    Parameters
    ----------
    af : ArgumentationFramework
        Supports, if any, are ignored; see :func:`~arggraph.analysis.framework.bipolar_to_dung`.

    Returns
    -------
    Labelling

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> chain = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> lab = grounded_labelling(chain)
    >>> sorted(lab.in_), sorted(lab.out), sorted(lab.undec)
    (['a', 'c'], ['b'], [])
    """
    return _labelling(af, _grounded_labels(af))


def grounded_extension(af: ArgumentationFramework) -> frozenset[str]:
    """The grounded extension: the ``in`` arguments of :func:`grounded_labelling`.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> sorted(grounded_extension(ArgumentationFramework(["a", "b"], [("a", "b")])))
    ['a']
    """
    return grounded_labelling(af).in_


# ---------------------------------------------------------------- search


class _Clock:
    """Counts search steps against the budget, and checks the time now and then."""

    def __init__(self, semantics: str, budget: Budget) -> None:
        self.semantics = semantics
        self.budget = budget
        self.steps = 0
        self.deadline = None if budget.timeout is None else time.monotonic() + budget.timeout

    def tick(self) -> None:
        self.steps += 1
        limit = self.budget.max_steps
        if limit is not None and self.steps > limit:
            raise SemanticsBudgetExceeded(self.semantics, "max_steps", limit, self.steps)
        if self.deadline is not None and self.steps % 256 == 0:
            self.check_time()

    def check_time(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            timeout = self.budget.timeout or 0.0
            raise SemanticsBudgetExceeded(self.semantics, "timeout", timeout, timeout)


class _Part:
    """One weakly connected part of the undecided arguments, with local indices."""

    def __init__(self, af: ArgumentationFramework, members: list[int]) -> None:
        local = {g: k for k, g in enumerate(members)}
        self.members = members
        self.attacked = [[local[t] for t in af.attacked[g] if t in local] for g in members]
        self.attackers = [[local[s] for s in af.attackers[g] if s in local] for g in members]
        # deciding a strong attacker first settles the most arguments
        self.order = sorted(range(len(members)), key=lambda k: (-len(self.attacked[k]), k))

    def labellings(
        self, *, stable: bool, clock: _Clock, limit: int | None = None
    ) -> list[tuple[int, int]]:
        """Every complete (or stable) labelling of the part, by backtracking search.

        A complete labelling is fixed by its ``in`` set, so the search decides for one
        argument at a time whether it is ``in`` or not (``in`` first), and propagates:
        an argument attacked by an ``in`` one is not ``in``; one whose attackers are all
        attacked by ``in`` arguments (it is defended) is ``in``, and must not be left
        out; an attacker of an ``in`` argument must itself be attacked by an ``in``
        one, so when a single candidate is left, that candidate is ``in``; an argument
        none of whose attackers can be ``in`` is never ``out``, so what it attacks is
        not ``in``; an argument left undecided keeps an attacker that is not ``out``.
        Under stable semantics every argument left out must be attacked by an ``in``
        one too. Sets of arguments are bit masks (Python integers), so a step costs a
        few operations on them rather than a walk over every attack it touches.
        """
        n = len(self.members)
        att = [_mask(row) for row in self.attackers]  # att[a]: the attackers of a
        tgt = [_mask(row) for row in self.attacked]  # tgt[a]: what a attacks
        everything = (1 << n) - 1
        # the state: in, not in, out (attacked by in), must be out (attacks an in
        # argument; under stable also every argument not in)
        state = [0, 0, 0, 0]

        def assign_in(v: int) -> int:
            """Label v in; the arguments whose rules may now fire."""
            bit = 1 << v
            in_, _, out, must = state
            state[0] = in_ | bit
            newly_out = tgt[v] & ~out
            state[2] = out | tgt[v]
            state[3] = must | att[v]
            touched = bit | tgt[v] | att[v]
            while newly_out:
                low = newly_out & -newly_out
                touched |= tgt[low.bit_length() - 1]
                newly_out ^= low
            return touched

        def assign_not_in(mask: int) -> int:
            state[1] |= mask
            if stable:
                state[3] |= mask
            touched = mask
            while mask:
                low = mask & -mask
                touched |= tgt[low.bit_length() - 1]
                mask ^= low
            return touched

        def propagate(pending: int) -> bool:
            """Apply the rules until nothing changes; False on a contradiction."""
            while pending:
                low = pending & -pending
                pending ^= low
                a = low.bit_length() - 1
                in_, not_in, out, must = state
                is_in = bool(in_ & low)
                is_not_in = bool(not_in & low)
                is_out = bool(out & low)
                if is_in and (is_out or must & low):
                    return False
                if not is_in and not is_not_in and (is_out or must & low):
                    pending |= assign_not_in(low)
                    continue
                attackers_left = att[a] & ~out  # attackers not (yet) out
                if not attackers_left:  # defended: must be in
                    if is_not_in:
                        return False
                    if not is_in:
                        pending |= assign_in(a)
                        continue
                candidates = att[a] & ~not_in  # attackers that may still be in
                if not is_out and not candidates:  # a is never out: what it attacks is not in
                    if tgt[a] & in_:
                        return False
                    free = tgt[a] & ~not_in
                    if free:
                        pending |= assign_not_in(free)
                        in_, not_in, out, must = state
                if must & low and not is_out:  # a must be attacked by an in argument
                    if not candidates:
                        return False
                    if candidates & (candidates - 1) == 0:
                        pending |= assign_in(candidates.bit_length() - 1)
                        continue
                if is_not_in and not is_out and attackers_left & (attackers_left - 1) == 0:
                    # left undecided with one attacker not out: that attacker must
                    # never be out, so nothing that attacks it may be in
                    b = attackers_left.bit_length() - 1
                    if att[b] & in_:
                        return False
                    free = att[b] & ~not_in
                    if free:
                        pending |= assign_not_in(free)
            return True

        def leaf() -> tuple[int, int]:
            """The labelling found, as masks of its in and out arguments."""
            if limit is not None and len(found) >= limit:
                semantics = "stable" if stable else clock.semantics
                raise SemanticsBudgetExceeded(semantics, "max_extensions", limit, len(found) + 1)
            return state[0], state[2]

        def decided() -> int:
            return state[0] | state[1]

        def choose(pos: int) -> int:
            """The next argument to decide: a defender of an in argument if one is
            needed (for the attacker with the fewest candidates), else the next in
            order of attacks made."""
            _, not_in, out, must = state
            needy = must & ~out
            best, fewest = 0, n + 1
            while needy:
                low = needy & -needy
                needy ^= low
                candidates = att[low.bit_length() - 1] & ~not_in
                count = candidates.bit_count()
                if count < fewest:
                    best, fewest = candidates, count
            free = best & ~decided()
            if free:
                return (free & -free).bit_length() - 1
            return self.order[pos]

        found: list[tuple[int, int]] = []
        if stable:
            state[3] = 0
        if not propagate(everything):
            return found
        # a choice point: (argument, next option: 0 in, 1 not in, 2 done; the state
        # before the choice; the scan position)
        stack: list[tuple[int, list[int], int]] = []
        options: list[int] = []
        pos = 0
        descend = True
        while True:
            if descend:
                done = decided()
                while pos < n and done >> self.order[pos] & 1:
                    pos += 1
                if pos == n:
                    found.append(leaf())
                else:
                    stack.append((choose(pos), list(state), pos))
                    options.append(0)
            descend = False
            while stack:
                v, saved, at = stack[-1]
                state[:] = saved
                option = options[-1]
                if option == 2:
                    stack.pop()
                    options.pop()
                    continue
                options[-1] = option + 1
                clock.tick()
                touched = assign_in(v) if option == 0 else assign_not_in(1 << v)
                if propagate(touched):
                    pos = at
                    descend = True
                    break
            if not descend:
                break
        return found


def _mask(indices: list[int]) -> int:
    mask = 0
    for i in indices:
        mask |= 1 << i
    return mask


@dataclass(frozen=True)
class _Solved:
    """The grounded labels, and each undecided part's labellings (local label lists)."""

    grounded: list[int]
    parts: list[_Part]
    labellings: list[list[tuple[int, int]]]


def _components(af: ArgumentationFramework, grounded: list[int]) -> list[list[int]]:
    seen = [x != _UNDEC for x in grounded]
    parts = []
    for start in range(len(af)):
        if seen[start]:
            continue
        seen[start] = True
        members, stack = [start], [start]
        while stack:
            a = stack.pop()
            for b in (*af.attacked[a], *af.attackers[a]):
                if not seen[b]:
                    seen[b] = True
                    members.append(b)
                    stack.append(b)
        members.sort()
        parts.append(members)
    return parts


def _solve(af: ArgumentationFramework, semantics: ExtensionSemantics, budget: Budget) -> _Solved:
    grounded = _grounded_labels(af)
    members = _components(af, grounded)
    limit = budget.max_undecided
    largest = max((len(m) for m in members), default=0)
    if limit is not None and largest > limit:
        raise SemanticsBudgetExceeded(semantics, "max_undecided", limit, largest)
    clock = _Clock(semantics, budget)
    parts = [_Part(af, m) for m in members]
    solved: list[list[tuple[int, int]]] = []
    for part in parts:
        # preferred ones are filtered from more complete ones: only steps bound those
        limit = None if semantics == "preferred" else budget.max_extensions
        labellings = part.labellings(stable=semantics == "stable", clock=clock, limit=limit)
        if semantics == "preferred":
            labellings = _maximal_in(labellings, clock)
        solved.append(labellings)
        clock.check_time()
        if semantics == "stable" and not labellings:
            break  # one part without a stable labelling: the framework has none
    return _Solved(grounded, parts, solved)


def _maximal_in(labellings: list[tuple[int, int]], clock: _Clock) -> list[tuple[int, int]]:
    """The labellings whose ``in`` set no other's contains (their order is kept).

    Largest sets first, each compared with the maximal ones kept so far; every
    comparison round counts as a search step, so this too stays within the budget.
    """
    maxima: list[int] = []
    keep = set()
    sizes = [lab[0].bit_count() for lab in labellings]
    for k in sorted(range(len(labellings)), key=lambda k: -sizes[k]):
        clock.tick()
        mine = labellings[k][0]
        if not any(mine & ~other == 0 for other in maxima):  # distinct: subset is strict
            maxima.append(mine)
            keep.add(k)
    return [lab for k, lab in enumerate(labellings) if k in keep]


def _has_none(solved: _Solved) -> bool:
    return any(not labs for labs in solved.labellings)


def _labellings(
    af: ArgumentationFramework, semantics: ExtensionSemantics, budget: Budget
) -> list[Labelling]:
    solved = _solve(af, semantics, budget)
    if _has_none(solved):
        return []
    count = 1
    for labs in solved.labellings:
        count *= len(labs)
    limit = budget.max_extensions
    if limit is not None and count > limit:
        raise SemanticsBudgetExceeded(semantics, "max_extensions", limit, count)
    result = []
    for choice in product(*solved.labellings):
        label = list(solved.grounded)
        for part, (in_mask, out_mask) in zip(solved.parts, choice, strict=True):
            for k, g in enumerate(part.members):
                label[g] = _IN if in_mask >> k & 1 else _OUT if out_mask >> k & 1 else _UNDEC
        result.append(_labelling(af, label))
    result.sort(key=lambda lab: (len(lab.in_), sorted(lab.in_)))
    return result


def _budget(
    max_undecided: int | None,
    max_steps: int | None,
    max_extensions: int | None,
    timeout: float | None,
) -> Budget:
    return Budget(max_undecided, max_steps, max_extensions, timeout)


def complete_labellings(
    af: ArgumentationFramework,
    *,
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    max_extensions: int | None = DEFAULT_MAX_EXTENSIONS,
    timeout: float | None = None,
) -> list[Labelling]:
    """Every complete labelling, smallest ``in`` set first, then by sorted ``in`` set.

    A labelling is complete when an argument is ``in`` exactly when all its attackers
    are ``out``, and ``out`` exactly when some attacker is ``in`` (Caminada 2006);
    their ``in`` sets are Dung's complete extensions.

    Parameters
    ----------
    af : ArgumentationFramework
    max_undecided, max_steps, max_extensions, timeout
        The budget (see :class:`Budget`); past it :class:`SemanticsBudgetExceeded`.

    Returns
    -------
    list of Labelling

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> nixon = ArgumentationFramework(["q", "r"], [("q", "r"), ("r", "q")])
    >>> [sorted(lab.in_) for lab in complete_labellings(nixon)]
    [[], ['q'], ['r']]
    """
    budget = _budget(max_undecided, max_steps, max_extensions, timeout)
    return _labellings(af, "complete", budget)


def preferred_labellings(
    af: ArgumentationFramework,
    *,
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    max_extensions: int | None = DEFAULT_MAX_EXTENSIONS,
    timeout: float | None = None,
) -> list[Labelling]:
    """Every preferred labelling: the complete ones whose ``in`` set is maximal.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> odd = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> [sorted(lab.undec) for lab in preferred_labellings(odd)]
    [['a', 'b', 'c']]
    """
    budget = _budget(max_undecided, max_steps, max_extensions, timeout)
    return _labellings(af, "preferred", budget)


def stable_labellings(
    af: ArgumentationFramework,
    *,
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    max_extensions: int | None = DEFAULT_MAX_EXTENSIONS,
    timeout: float | None = None,
) -> list[Labelling]:
    """Every stable labelling: the complete ones with no ``undec`` (maybe none at all).

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> stable_labellings(ArgumentationFramework(["a"], [("a", "a")]))
    []
    """
    budget = _budget(max_undecided, max_steps, max_extensions, timeout)
    return _labellings(af, "stable", budget)


def complete_extensions(
    af: ArgumentationFramework,
    *,
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    max_extensions: int | None = DEFAULT_MAX_EXTENSIONS,
    timeout: float | None = None,
) -> list[frozenset[str]]:
    """Every complete extension (Dung 1995, definition 23), in the order of
    :func:`complete_labellings`.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> chain = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> [sorted(e) for e in complete_extensions(chain)]
    [['a', 'c']]
    """
    budget = _budget(max_undecided, max_steps, max_extensions, timeout)
    return [lab.in_ for lab in _labellings(af, "complete", budget)]


def preferred_extensions(
    af: ArgumentationFramework,
    *,
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    max_extensions: int | None = DEFAULT_MAX_EXTENSIONS,
    timeout: float | None = None,
) -> list[frozenset[str]]:
    """Every preferred extension: the maximal admissible sets (Dung 1995, definition 7).

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> odd = ArgumentationFramework(["a", "b", "c"], [("a", "b"), ("b", "c"), ("c", "a")])
    >>> preferred_extensions(odd)
    [frozenset()]
    """
    budget = _budget(max_undecided, max_steps, max_extensions, timeout)
    return [lab.in_ for lab in _labellings(af, "preferred", budget)]


def stable_extensions(
    af: ArgumentationFramework,
    *,
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    max_extensions: int | None = DEFAULT_MAX_EXTENSIONS,
    timeout: float | None = None,
) -> list[frozenset[str]]:
    """Every stable extension: conflict-free sets attacking every argument outside
    (Dung 1995, definition 13); there may be none.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> nixon = ArgumentationFramework(["q", "r"], [("q", "r"), ("r", "q")])
    >>> [sorted(e) for e in stable_extensions(nixon)]
    [['q'], ['r']]
    """
    budget = _budget(max_undecided, max_steps, max_extensions, timeout)
    return [lab.in_ for lab in _labellings(af, "stable", budget)]


# ---------------------------------------------------------------- acceptance


def _acceptance(
    af: ArgumentationFramework, semantics: SemanticsName, budget: Budget
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(credulously in, sceptically in, sceptically out) under ``semantics``."""
    names = af.arguments
    if semantics == "grounded":
        grounded = _labelling(af, _grounded_labels(af))
        return grounded.in_, grounded.in_, grounded.out
    if semantics not in ("complete", "preferred", "stable"):
        raise ValueError(
            f"unknown semantics {semantics!r}; use grounded, complete, preferred or stable"
        )
    # credulous acceptance is the same under complete and preferred; searching
    # complete labellings is cheaper than filtering them for maximality
    solved = _solve(af, "preferred" if semantics == "preferred" else semantics, budget)
    if _has_none(solved):  # no stable extension: nothing credulous, everything sceptical
        everything = frozenset(names)
        return frozenset(), everything, everything
    base = [names[i] for i, x in enumerate(solved.grounded) if x == _IN]
    base_out = [names[i] for i, x in enumerate(solved.grounded) if x == _OUT]
    credulous, sceptical, sceptical_out = list(base), list(base), list(base_out)
    for part, labs in zip(solved.parts, solved.labellings, strict=True):
        in_some, in_all, out_all = 0, -1, -1
        for in_mask, out_mask in labs:
            in_some |= in_mask
            in_all &= in_mask
            out_all &= out_mask
        for k, g in enumerate(part.members):
            if in_some >> k & 1:
                credulous.append(names[g])
            if in_all >> k & 1:
                sceptical.append(names[g])
            if out_all >> k & 1:
                sceptical_out.append(names[g])
    if semantics == "complete":  # sceptical complete is grounded (its least element)
        sceptical, sceptical_out = base, base_out
    return frozenset(credulous), frozenset(sceptical), frozenset(sceptical_out)


def credulously_accepted(
    af: ArgumentationFramework,
    *,
    semantics: SemanticsName = "preferred",
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    timeout: float | None = None,
) -> frozenset[str]:
    """The arguments in at least one extension of ``semantics``.

    Computed part by part, without listing the extensions (which can be exponentially
    many), so ``max_extensions`` does not apply. Under complete and preferred the
    answer is the same (every complete extension is within a preferred one).

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> nixon = ArgumentationFramework(["q", "r"], [("q", "r"), ("r", "q")])
    >>> sorted(credulously_accepted(nixon))
    ['q', 'r']
    >>> sorted(credulously_accepted(nixon, semantics="grounded"))
    []
    """
    budget = Budget(max_undecided, max_steps, None, timeout)
    return _acceptance(af, semantics, budget)[0]


def sceptically_accepted(
    af: ArgumentationFramework,
    *,
    semantics: SemanticsName = "preferred",
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    timeout: float | None = None,
) -> frozenset[str]:
    """The arguments in every extension of ``semantics``.

    Under grounded and complete this is the grounded extension (no search). Under
    stable, a framework without stable extensions accepts every argument
    sceptically (vacuously; the convention of the ICCMA competitions).

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> af = ArgumentationFramework(["a", "b", "c", "d"],
    ...     [("a", "b"), ("b", "a"), ("a", "c"), ("b", "c"), ("c", "d")])
    >>> sorted(sceptically_accepted(af)), sorted(sceptically_accepted(af, semantics="grounded"))
    (['d'], [])
    """
    if semantics == "complete":
        semantics = "grounded"
    budget = Budget(max_undecided, max_steps, None, timeout)
    return _acceptance(af, semantics, budget)[1]


def acceptance(
    af: ArgumentationFramework,
    *,
    semantics: SemanticsName = "preferred",
    max_undecided: int | None = DEFAULT_MAX_UNDECIDED,
    max_steps: int | None = DEFAULT_MAX_STEPS,
    timeout: float | None = None,
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """``(credulous, sceptical, rejected)`` in one search: the arguments ``in`` in some,
    ``in`` in every, and ``out`` in every labelling of ``semantics``.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> chain = ArgumentationFramework(["a", "b"], [("a", "b")])
    >>> acceptance(chain, semantics="stable")
    (frozenset({'a'}), frozenset({'a'}), frozenset({'b'}))
    """
    budget = Budget(max_undecided, max_steps, None, timeout)
    return _acceptance(af, semantics, budget)


# ---------------------------------------------------------------- checks


def is_conflict_free(af: ArgumentationFramework, arguments: Iterable[str]) -> bool:
    """True when no argument of the set attacks one of the set.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> is_conflict_free(ArgumentationFramework(["a", "b"], [("a", "b")]), {"a", "b"})
    False
    """
    chosen = {af.index[a] for a in arguments}
    return not any(j in chosen for i in chosen for j in af.attacked[i])


def _defended(af: ArgumentationFramework, chosen: set[int]) -> set[int]:
    """The arguments all of whose attackers are attacked by ``chosen``."""
    hit = {j for i in chosen for j in af.attacked[i]}
    return {a for a in range(len(af)) if all(b in hit for b in af.attackers[a])}


def is_admissible(af: ArgumentationFramework, arguments: Iterable[str]) -> bool:
    """True when the set is conflict-free and defends each of its arguments.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> is_admissible(ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")]), {"a"})
    True
    """
    chosen = {af.index[a] for a in arguments}
    names = [af.arguments[i] for i in chosen]
    return is_conflict_free(af, names) and chosen <= _defended(af, chosen)


def is_complete(af: ArgumentationFramework, arguments: Iterable[str]) -> bool:
    """True when the set is admissible and holds every argument it defends.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> is_complete(ArgumentationFramework(["a", "b"], [("a", "b")]), set())
    False
    """
    chosen = {af.index[a] for a in arguments}
    names = [af.arguments[i] for i in chosen]
    return is_conflict_free(af, names) and chosen == _defended(af, chosen)


def is_stable(af: ArgumentationFramework, arguments: Iterable[str]) -> bool:
    """True when the set is conflict-free and attacks every argument outside it.

    Example
    -------
    >>> from arggraph.analysis.framework import ArgumentationFramework
    >>> is_stable(ArgumentationFramework(["a", "b"], [("a", "b")]), {"a"})
    True
    """
    chosen = {af.index[a] for a in arguments}
    names = [af.arguments[i] for i in chosen]
    hit = {j for i in chosen for j in af.attacked[i]}
    return is_conflict_free(af, names) and all(a in chosen or a in hit for a in range(len(af)))
