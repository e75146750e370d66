"""Split a signed graph in two, leaving the fewest edges frustrated (structural balance).

The structural-balance partition of a signed graph (Harary 1953; Cartwright & Harary
1956): ``+`` edges want their ends on one side, ``-`` edges on opposite sides. It knows
nothing of arguments; alignment uses it to form camps of speakers.

References
----------
F. Harary, "On the notion of balance of a signed graph", Michigan Math. J. 2 (1953).
D. Cartwright and F. Harary, "Structural balance: a generalization of Heider's theory",
Psychological Review 63 (1956).
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from pydantic import Field

from arggraph.analysis.results import Result

DEFAULT_EXACT_LIMIT = 22
"""Components of an unbalanced signed graph up to this many nodes are split exactly."""

SEARCH_BUDGET = 400_000
"""Branch-and-bound nodes visited per component before falling back to the heuristic split."""


class BalancedSplit(Result):
    """A two-way split of a signed graph that leaves the fewest edges frustrated."""

    sides: dict[str, Literal[0, 1]] = Field(description="node -> side 0 or 1, in node order")
    components: list[list[str]] = Field(
        description="connected components (by edges), each in node order, ordered by first node"
    )
    frustration: int = Field(description="total weight of the frustrated edges")
    frustrated_edges: list[int] = Field(description="positions of frustrated edges in the input")
    exact: bool = Field(description="False when some component was split by local search")


def balanced_split(
    nodes: Sequence[str],
    signed_edges: Iterable[tuple[str, str, int]],
    *,
    fixed: Mapping[str, int] | None = None,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
) -> BalancedSplit:
    """Split a signed graph in two, minimising the weight of frustrated edges.

    An edge ``(u, v, w)`` with ``w > 0`` wants ``u`` and ``v`` on the same side and
    ``w < 0`` on opposite sides; ``abs(w)`` is its weight, and parallel edges and
    self-loops are allowed (a negative self-loop is always frustrated). A graph with
    a split that frustrates nothing is *balanced* (Harary 1953).

    Each connected component is solved on its own: by breadth-first 2-colouring when
    it is balanced (exact, any size); else by branch and bound when it has at most
    ``exact_limit`` nodes (exact, unless it visits more than :data:`SEARCH_BUDGET`
    search nodes); else, or then, by a greedy colouring in breadth-first order
    improved by single-node flips until none helps (a local optimum; ``exact`` is
    then False). Among equally good splits the first in node order wins, with the
    first free node of each component on side 0, so the result depends only on the
    order of ``nodes`` (callers pass a content-derived order).

    Parameters
    ----------
    nodes : sequence of str
        Every node, in the order that breaks ties.
    signed_edges : iterable of (str, str, int)
        Signed, weighted edges between nodes; weights must not be 0. Read once, in
        order: an edge's position in it is its number in ``frustrated_edges``.
    fixed : mapping of str to 0 or 1, optional
        Nodes whose side is given (hard constraints).
    exact_limit : int
        Largest unbalanced component solved by branch and bound.

    Returns
    -------
    BalancedSplit
        The side of every node, the components, and the frustrated edges.

    Example
    -------
    >>> split = balanced_split(["a", "b", "c"], [("a", "b", -1), ("b", "c", -1), ("a", "c", -1)])
    >>> split.frustration, split.sides
    (1, {'a': 0, 'b': 0, 'c': 1})
    """
    order = list(dict.fromkeys(nodes))
    index = {node: i for i, node in enumerate(order)}
    fix: dict[int, int] = {}
    for node, value in (fixed or {}).items():
        if node not in index or value not in (0, 1):
            raise ValueError(f"fixed node {node!r} must be one of the nodes, with side 0 or 1")
        fix[index[node]] = value
    pairs: list[dict[int, list[int]]] = [{} for _ in order]
    # the edges by node number, read once: a caller may make each edge when read
    firsts, seconds = array("l"), array("l")
    weights: list[int] = []
    for u, v, weight in signed_edges:
        i, j = index.get(u), index.get(v)
        if i is None or j is None:
            raise ValueError(f"edge ({u!r}, {v!r}) names a node not in nodes")
        if weight == 0:
            raise ValueError(f"edge ({u!r}, {v!r}) has weight 0")
        firsts.append(i)
        seconds.append(j)
        weights.append(weight)
        if i == j:
            continue
        pair = pairs[i].get(j)
        if pair is None:
            pair = pairs[i][j] = pairs[j][i] = [0, 0]
        pair[0 if weight > 0 else 1] += abs(weight)
    adjacency = [[(j, pq[0], pq[1]) for j, pq in sorted(p.items())] for p in pairs]
    side = [0] * len(order)
    exact = True
    components: list[list[int]] = []
    seen = [False] * len(order)
    for start in range(len(order)):
        if seen[start]:
            continue
        component = _bfs_order(adjacency, start, seen)
        components.append(sorted(component))
        if not _two_colour(adjacency, component, fix, side):
            exact = _split_unbalanced(adjacency, component, fix, side, exact_limit) and exact
    frustrated = [
        k
        for k, (i, j, weight) in enumerate(zip(firsts, seconds, weights, strict=True))
        if (side[i] == side[j]) == (weight < 0)
    ]
    return BalancedSplit(
        sides={node: 1 if side[i] else 0 for i, node in enumerate(order)},
        components=[[order[i] for i in c] for c in components],
        frustration=sum(abs(weights[k]) for k in frustrated),
        frustrated_edges=frustrated,
        exact=exact,
    )


Adjacency = list[list[tuple[int, int, int]]]


def _bfs_order(adjacency: Adjacency, start: int, seen: list[bool]) -> list[int]:
    seen[start] = True
    queue, found = deque([start]), [start]
    while queue:
        u = queue.popleft()
        for v, _, _ in adjacency[u]:
            if not seen[v]:
                seen[v] = True
                found.append(v)
                queue.append(v)
    return found


def _two_colour(
    adjacency: Adjacency, component: list[int], fix: dict[int, int], side: list[int]
) -> bool:
    """Colour a balanced component without frustration; False if it is not balanced."""
    start = next((i for i in sorted(component) if i in fix), min(component))
    colour = {start: fix.get(start, 0)}
    queue = deque([start])
    while queue:
        u = queue.popleft()
        for v, p, q in adjacency[u]:
            if p and q:
                return False
            want = colour[u] if p else 1 - colour[u]
            if v in colour:
                if colour[v] != want:
                    return False
            elif fix.get(v, want) != want:
                return False
            else:
                colour[v] = want
                queue.append(v)
    for node, value in colour.items():
        side[node] = value
    return True


def _split_unbalanced(
    adjacency: Adjacency,
    component: list[int],
    fix: dict[int, int],
    side: list[int],
    exact_limit: int,
) -> bool:
    """Split an unbalanced component into ``side``; True when the split is proven optimal."""
    fixed_nodes = [i for i in sorted(component) if i in fix]
    free = [i for i in component if i not in fix]  # breadth-first order from the first node
    heuristic = _local_search(adjacency, fixed_nodes, free, fix)
    for node, value in heuristic.items():
        side[node] = value
    if len(component) > exact_limit:
        return False
    upper = _component_cost(adjacency, component, side)
    best = _branch_and_bound(adjacency, fixed_nodes, free, fix, upper)
    if best is None:
        return False
    for node, value in best.items():
        side[node] = value
    return True


def _component_cost(adjacency: Adjacency, component: list[int], side: list[int]) -> int:
    cost = 0
    for u in component:
        for v, p, q in adjacency[u]:
            if u < v:
                cost += q if side[u] == side[v] else p
    return cost


def _local_search(
    adjacency: Adjacency, fixed_nodes: list[int], free: list[int], fix: dict[int, int]
) -> dict[int, int]:
    """Greedy colouring in breadth-first order, then single flips while one helps.

    Each node keeps the cost of either side given its placed neighbours, updated as
    they are placed or flipped: a check is two lookups, not a walk of the neighbours.
    """
    size = len(adjacency)
    side = [0] * size
    cost_of = [[0, 0] for _ in range(size)]

    def place(node: int, value: int) -> None:
        side[node] = value
        for v, p, q in adjacency[node]:
            here = cost_of[v]
            here[value] += q
            here[1 - value] += p

    for node in fixed_nodes:
        place(node, fix[node])
    for node in free:
        cost0, cost1 = cost_of[node]
        place(node, 1 if cost1 < cost0 else 0)
    improved = True
    while improved:
        improved = False
        for node in free:
            old = side[node]
            if cost_of[node][1 - old] < cost_of[node][old]:
                side[node] = 1 - old
                for v, p, q in adjacency[node]:
                    here, shift = cost_of[v], p - q
                    here[old] += shift
                    here[1 - old] -= shift
                improved = True
    return {node: side[node] for node in [*fixed_nodes, *free]}


def _branch_and_bound(
    adjacency: Adjacency,
    fixed_nodes: list[int],
    free: list[int],
    fix: dict[int, int],
    upper: int,
) -> dict[int, int] | None:
    """The first optimal split in search order, or None if the search budget runs out.

    The bound adds, for every unplaced node, the cheaper of its two sides given the
    placed nodes; edges between unplaced nodes are left out, so it never overestimates.
    """
    size = len(adjacency)
    side = [0] * size
    placed = [False] * size
    cost_of = [[0, 0] for _ in range(size)]  # cost of each side given the placed neighbours
    base = 0
    for node in fixed_nodes:
        base += cost_of[node][fix[node]]
        side[node], placed[node] = fix[node], True
        for v, p, q in adjacency[node]:
            cost_of[v][fix[node]] += q
            cost_of[v][1 - fix[node]] += p
    best_cost = upper + 1
    best: list[int] | None = None
    visits = 0
    symmetric = not fixed_nodes

    def search(k: int, cost: int, rest: int) -> bool:
        nonlocal best_cost, best, visits
        visits += 1
        if visits > SEARCH_BUDGET:
            return False
        if cost + rest >= best_cost:
            return True
        if k == len(free):
            best_cost, best = cost, [side[n] for n in free]
            return True
        node = free[k]
        low = min(cost_of[node])
        for value in (0,) if symmetric and k == 0 else (0, 1):
            side[node], placed[node] = value, True
            delta = 0
            for v, p, q in adjacency[node]:
                if not placed[v]:
                    before = min(cost_of[v])
                    cost_of[v][value] += q
                    cost_of[v][1 - value] += p
                    delta += min(cost_of[v]) - before
            finished = search(k + 1, cost + cost_of[node][value], rest - low + delta)
            for v, p, q in adjacency[node]:
                if not placed[v]:
                    cost_of[v][value] -= q
                    cost_of[v][1 - value] -= p
            placed[node] = False
            if not finished:
                return False
        return True

    rest = sum(min(cost_of[n]) for n in free)
    if not search(0, base, rest) or best is None:
        return None
    result = {node: fix[node] for node in fixed_nodes}
    result.update(zip(free, best, strict=True))
    return result
