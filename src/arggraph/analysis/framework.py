"""Abstract argumentation frameworks: Dung's, and bipolar ones with supports.

An :class:`ArgumentationFramework` is a set of arguments (string ids) with an attack
relation (Dung 1995) and, optionally, a support relation (a *bipolar* framework,
Cayrol & Lagasquie-Schiex 2005). It is built once, from ids, into integer adjacency
lists so that the semantics in :mod:`arggraph.analysis.semantics` and
:mod:`arggraph.analysis.gradual` run in time linear in the size of the framework; a
framework of a million arguments and three million attacks builds in seconds.

:func:`bipolar_to_dung` turns a bipolar framework into a Dung framework by adding the
attacks that supports imply, so that Dung's semantics can be used on it.

Example
-------
>>> af = ArgumentationFramework(["a", "b", "c"], [("a", "b")], supports=[("c", "a")])
>>> af.attackers_of("b"), af.is_bipolar
(('a',), True)
>>> sorted(bipolar_to_dung(af).attacks)
[('a', 'b'), ('c', 'b')]

References
----------
P. M. Dung, "On the acceptability of arguments and its fundamental role in
nonmonotonic reasoning, logic programming and n-person games", Artificial
Intelligence 77 (1995) 321-357.
C. Cayrol and M.-C. Lagasquie-Schiex, "On the acceptability of arguments in bipolar
argumentation frameworks", ECSQARU 2005, LNCS 3571, 378-389.
C. Cayrol and M.-C. Lagasquie-Schiex, "Bipolarity in argumentation graphs: towards a
better understanding", International Journal of Approximate Reasoning 54 (2013)
876-899.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from arggraph.collector import collector_paused
from arggraph.errors import AnalysisError

Pair = tuple[str, str]


class ArgumentationFramework:
    """Arguments, attacks between them and, optionally, supports (a bipolar framework).

    Arguments are kept in the order given (repeats dropped); attacks and supports are
    sets (repeats dropped). Self-attacks are allowed; self-supports are ignored, as a
    support of an argument by itself adds nothing. An attack or support naming an
    argument that is not listed raises ``ValueError``, unless ``add_missing`` is true,
    in which case the argument is appended.

    Internally argument ``i`` (its position in :attr:`arguments`) has the sorted
    integer lists ``attackers[i]``, ``attacked[i]``, ``supporters[i]`` and
    ``supported[i]``; algorithms read these and must not change them.

    Parameters
    ----------
    arguments : iterable of str
        Argument ids.
    attacks : iterable of (str, str)
        ``(a, b)``: ``a`` attacks ``b``.
    supports : iterable of (str, str), optional
        ``(a, b)``: ``a`` supports ``b``.
    add_missing : bool
        Append arguments that attacks or supports name but ``arguments`` lacks.

    Example
    -------
    >>> af = ArgumentationFramework(["a", "b"], [("a", "b"), ("b", "a")])
    >>> len(af), af.attack_count, af.attacked_by("a")
    (2, 2, ('b',))
    """

    __slots__ = (
        "_attacks",
        "_supports",
        "arguments",
        "attack_count",
        "attacked",
        "attackers",
        "index",
        "support_count",
        "supported",
        "supporters",
    )

    arguments: tuple[str, ...]
    index: dict[str, int]
    attackers: list[list[int]]
    attacked: list[list[int]]
    supporters: list[list[int]]
    supported: list[list[int]]
    attack_count: int
    support_count: int

    def __init__(
        self,
        arguments: Iterable[str],
        attacks: Iterable[Pair] = (),
        supports: Iterable[Pair] = (),
        *,
        add_missing: bool = False,
    ) -> None:
        with collector_paused():
            names = list(dict.fromkeys(arguments))
            index = {name: i for i, name in enumerate(names)}
            attacked = _adjacency(names, index, attacks, "attack", add_missing, keep_loops=True)
            supported = _adjacency(names, index, supports, "support", add_missing, keep_loops=False)
            self.arguments = tuple(names)
            self.index = index
            self.attacked, self.attackers, self.attack_count = _finish(attacked, len(names))
            self.supported, self.supporters, self.support_count = _finish(supported, len(names))
        self._attacks: frozenset[Pair] | None = None
        self._supports: frozenset[Pair] | None = None

    @classmethod
    def from_indices(
        cls,
        arguments: Sequence[str],
        attacked: list[list[int]],
        supported: list[list[int]] | None = None,
    ) -> ArgumentationFramework:
        """Build from integer adjacency lists (``attacked[i]``: the arguments ``i`` attacks).

        A fast path for code that already works on indices, such as parsers and
        :func:`bipolar_to_dung`; the lists may hold repeats and come in any order.
        """
        af = cls.__new__(cls)
        af.arguments = tuple(arguments)
        af.index = {name: i for i, name in enumerate(af.arguments)}
        if len(af.index) != len(af.arguments):
            raise ValueError("argument ids must be distinct")
        n = len(af.arguments)
        if len(attacked) != n or (supported is not None and len(supported) != n):
            raise ValueError("adjacency lists must have one entry per argument")
        with collector_paused():
            af.attacked, af.attackers, af.attack_count = _finish(attacked, n)
            af.supported, af.supporters, af.support_count = _finish(
                [[j for j in row if j != i] for i, row in enumerate(supported or [[]] * n)], n
            )
        af._attacks = None
        af._supports = None
        return af

    def __len__(self) -> int:
        return len(self.arguments)

    def __contains__(self, argument: object) -> bool:
        return argument in self.index

    def __repr__(self) -> str:
        kind = "bipolar " if self.support_count else ""
        return (
            f"<{kind}ArgumentationFramework: {len(self)} arguments, "
            f"{self.attack_count} attacks, {self.support_count} supports>"
        )

    def __eq__(self, other: object) -> bool:
        """Equal when the arguments (as a set), attacks and supports are."""
        if not isinstance(other, ArgumentationFramework):
            return NotImplemented
        return (
            set(self.arguments) == set(other.arguments)
            and self.attacks == other.attacks
            and self.supports == other.supports
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def is_bipolar(self) -> bool:
        """True when the framework has at least one support."""
        return self.support_count > 0

    @property
    def attacks(self) -> frozenset[Pair]:
        """Every attack as an ``(attacker, attacked)`` pair (built on first use)."""
        if self._attacks is None:
            self._attacks = _pairs(self.arguments, self.attacked)
        return self._attacks

    @property
    def supports(self) -> frozenset[Pair]:
        """Every support as a ``(supporter, supported)`` pair (built on first use)."""
        if self._supports is None:
            self._supports = _pairs(self.arguments, self.supported)
        return self._supports

    def attackers_of(self, argument: str) -> tuple[str, ...]:
        """The arguments that attack ``argument``, in argument order."""
        return tuple(self.arguments[j] for j in self.attackers[self.index[argument]])

    def attacked_by(self, argument: str) -> tuple[str, ...]:
        """The arguments that ``argument`` attacks, in argument order."""
        return tuple(self.arguments[j] for j in self.attacked[self.index[argument]])

    def supporters_of(self, argument: str) -> tuple[str, ...]:
        """The arguments that support ``argument``, in argument order."""
        return tuple(self.arguments[j] for j in self.supporters[self.index[argument]])

    def without_supports(self) -> ArgumentationFramework:
        """The same arguments and attacks, supports dropped (a plain Dung framework)."""
        return ArgumentationFramework.from_indices(self.arguments, self.attacked)


def _adjacency(
    names: list[str],
    index: dict[str, int],
    pairs: Iterable[Pair],
    what: str,
    add_missing: bool,
    *,
    keep_loops: bool,
) -> list[list[int]]:
    rows: list[list[int]] = [[] for _ in names]
    for pair in pairs:
        source, target = pair
        i = index.get(source)
        j = index.get(target)
        if i is None or j is None:
            if not add_missing:
                missing = source if i is None else target
                raise ValueError(
                    f"{what} ({source!r}, {target!r}) names argument {missing!r}, which is "
                    "not among the arguments; list it, or pass add_missing=True"
                )
            for name in (source, target):
                if name not in index:
                    index[name] = len(names)
                    names.append(name)
                    rows.append([])
            i, j = index[source], index[target]
        if keep_loops or i != j:
            rows[i].append(j)
    return rows


def _finish(forward: list[list[int]], n: int) -> tuple[list[list[int]], list[list[int]], int]:
    """Sorted, repeat-free forward lists, the matching backward lists, and the edge count."""
    while len(forward) < n:
        forward.append([])
    backward: list[list[int]] = [[] for _ in range(n)]
    count = 0
    for i in range(n):
        row = forward[i]
        if len(row) > 1:
            row = forward[i] = sorted(set(row))
        count += len(row)
        for j in row:
            backward[j].append(i)  # i rises, so backward rows come out sorted
    return forward, backward, count


def _pairs(names: tuple[str, ...], forward: list[list[int]]) -> frozenset[Pair]:
    return frozenset((names[i], names[j]) for i, row in enumerate(forward) for j in row)


def bipolar_to_dung(
    af: ArgumentationFramework,
    *,
    supported: bool = True,
    secondary: bool = True,
    max_derived: int | None = None,
) -> ArgumentationFramework:
    """The Dung framework of a bipolar one: its attacks plus those its supports imply.

    Following Cayrol & Lagasquie-Schiex (2005; named as here in their 2013 survey):

    - a **supported attack** of ``c`` by ``a``: a chain of supports from ``a`` to some
      ``b`` that attacks ``c`` (``a`` supports ... supports ``b``, ``b`` attacks ``c``).
      Backing an attacker is attacking: if ``a`` holds, so does ``b``, and ``c`` falls.
    - a **secondary attack** of ``c`` by ``a``: ``a`` attacks some ``b`` from which a
      chain of supports leads to ``c`` (``a`` attacks ``b``, ``b`` supports ...
      supports ``c``). Knocking out a premise is attacking what rests on it.

    Each derived attack starts from one original attack; chains that mix the two
    (supports, then an attack, then supports) are not added, as in the 2005 paper.
    The result has the same arguments, the original attacks plus the derived ones,
    and no supports. Supported attacks read supports as *deductive* and secondary
    attacks read them as *necessary* (Cayrol & Lagasquie-Schiex 2013, sections 3-4);
    pass ``secondary=False`` or ``supported=False`` to keep only one reading.

    The cost is the number of derived attacks plus, for each argument with supports,
    a walk along its support chains; many long support chains can make it quadratic
    (a random graph of 5,000 claims with 10,000 supports implies 15 million attacks).
    ``max_derived`` bounds it: past that many derived attacks it stops and raises
    :class:`~arggraph.errors.AnalysisError` instead of filling the memory.

    Parameters
    ----------
    af : ArgumentationFramework
    supported, secondary : bool
        Which derived attacks to add.
    max_derived : int, optional
        Most derived attacks to add (counted with repeats) before refusing.

    Returns
    -------
    ArgumentationFramework
        A framework without supports.

    Example
    -------
    >>> af = ArgumentationFramework(
    ...     ["a", "b", "c", "d"], [("b", "c")], supports=[("a", "b"), ("c", "d")])
    >>> sorted(bipolar_to_dung(af).attacks)
    [('a', 'c'), ('b', 'c'), ('b', 'd')]
    """
    n = len(af)
    attacked = [list(row) for row in af.attacked]
    reach: dict[int, list[int]] = {}

    def reachable(start: int) -> list[int]:
        """Arguments reached from ``start`` by one or more supports."""
        found = reach.get(start)
        if found is None:
            seen = {start}
            stack = [start]
            found = []
            while stack:
                for j in af.supported[stack.pop()]:
                    if j not in seen:
                        seen.add(j)
                        found.append(j)
                        stack.append(j)
            reach[start] = found
        return found

    derived = 0
    for a in range(n):
        if not af.supported[a]:
            continue
        if supported:
            for b in reachable(a):
                attacked[a].extend(af.attacked[b])
                derived += len(af.attacked[b])
        if secondary:
            below = reachable(a)
            for attacker in af.attackers[a]:
                attacked[attacker].extend(below)
            derived += len(below) * len(af.attackers[a])
        if max_derived is not None and derived > max_derived:
            raise AnalysisError(
                f"the supports imply more than {max_derived:,} derived attacks (supported "
                "and secondary attacks along long support chains); compute without them "
                "(bipolar=False, or 'arggraph status --no-bipolar') or raise max_derived"
            )
    return ArgumentationFramework.from_indices(af.arguments, attacked)
