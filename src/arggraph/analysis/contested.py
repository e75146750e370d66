"""Which topics and claims are contested, and why: sides, rebuttals, a score you can check.

A topic's claims are split into two sides from the signed relations among them
(``supports`` = same side, ``rebuts`` = opposite sides): the structural-balance
partition of a signed graph (Harary 1953; Cartwright & Harary 1956) that leaves the
fewest relations *frustrated* (a rebuttal within a side, or a support across sides).
The score then asks how many distinct voices the smaller side has, and how much the
sides engage: how many rebuttals cross between them, how many of those are answered,
and how many documents the smaller side is quoted from. Every number is listed with
the claims, speakers, documents and relations behind it, and explained in
``reasons``. docs/analysis.md gives the definitions and a worked example.

Example
-------
>>> import arggraph                                                 # doctest: +SKIP
>>> report = contested_topics(arggraph.load("graphs/deepseek.yaml"))  # doctest: +SKIP
>>> report.topics[0].reasons[0]                                     # doctest: +SKIP
'Contested (score 3.06): ...'

References
----------
F. Harary, "On the notion of balance of a signed graph", Michigan Math. J. 2 (1953).
D. Cartwright and F. Harary, "Structural balance: a generalization of Heider's theory",
Psychological Review 63 (1956).
J. L. Pollock, "Defeasible reasoning", Cognitive Science 11 (1987) (undercutters).
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from arggraph.model import ArgumentGraph, Claim, Stance

ROUND_DIGITS = 4
"""Every float in a result is rounded to this many decimals, so JSON output is stable."""

DEFAULT_EXACT_LIMIT = 22
"""Components of an unbalanced signed graph up to this many nodes are split exactly."""

SEARCH_BUDGET = 400_000
"""Branch-and-bound nodes visited per component before falling back to the heuristic split."""

T = TypeVar("T")
SideName = Literal["A", "B"]
_SIDE_NAMES: tuple[SideName, SideName] = ("A", "B")


class _Result(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- signed splits


class BalancedSplit(_Result):
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
    signed_edges: Sequence[tuple[str, str, int]],
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
    signed_edges : sequence of (str, str, int)
        Signed, weighted edges between nodes; weights must not be 0.
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
    for u, v, weight in signed_edges:
        if u not in index or v not in index:
            raise ValueError(f"edge ({u!r}, {v!r}) names a node not in nodes")
        if weight == 0:
            raise ValueError(f"edge ({u!r}, {v!r}) has weight 0")
        i, j = index[u], index[v]
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
        for k, (u, v, weight) in enumerate(signed_edges)
        if (side[index[u]] == side[index[v]]) == (weight < 0)
    ]
    return BalancedSplit(
        sides={node: 1 if side[i] else 0 for i, node in enumerate(order)},
        components=[[order[i] for i in c] for c in components],
        frustration=sum(abs(signed_edges[k][2]) for k in frustrated),
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


def _cost_at(
    adjacency: Adjacency, node: int, value: int, side: list[int], placed: list[bool]
) -> int:
    cost = 0
    for v, p, q in adjacency[node]:
        if placed[v]:
            cost += q if side[v] == value else p
    return cost


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
    """Greedy colouring in breadth-first order, then single flips while one helps."""
    size = len(adjacency)
    side = [0] * size
    placed = [False] * size
    for node in fixed_nodes:
        side[node], placed[node] = fix[node], True
    for node in free:
        cost0 = _cost_at(adjacency, node, 0, side, placed)
        cost1 = _cost_at(adjacency, node, 1, side, placed)
        side[node], placed[node] = (1 if cost1 < cost0 else 0), True
    improved = True
    while improved:
        improved = False
        for node in free:
            here = _cost_at(adjacency, node, side[node], side, placed)
            there = _cost_at(adjacency, node, 1 - side[node], side, placed)
            if there < here:
                side[node] = 1 - side[node]
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


# ---------------------------------------------------------------- signed relations


class SignedRelation(_Result):
    """A relation as a signed link between two claims, undercuts resolved.

    An undercut (a rebuttal whose target is relation ``r``) attacks the argument that
    ``r``'s source claim makes, so it counts as a rebuttal of that claim; it belongs to
    the debate of the claim at the end of ``r``'s chain of targets.
    """

    relation: str = Field(description="the relation's id, or 'source->target'")
    source: str = Field(description="claim id")
    target: str = Field(description="claim id; for an undercut, the undercut relation's source")
    sign: Literal[1, -1] = Field(description="+1 supports, -1 rebuts")
    undercut_of: str | None = Field(None, description="for an undercut, the relation it attacks")
    topic_claim: str = Field(description="the claim whose topics this relation is debated in")


def signed_relations(graph: ArgumentGraph) -> list[SignedRelation]:
    """Every relation as a signed link between two claims, in file order.

    A support is ``+1`` and a rebuttal ``-1`` from its source to its target claim, and
    is debated in the topics of its target. An undercut of relation ``r`` (source
    ``x``, target ``y``) is a rebuttal of ``x`` (it denies that ``x`` bears on ``y``,
    so it sides with whoever ``x`` argues against) and is debated in the topics of
    ``y``, following ``r``'s own target if ``r`` is an undercut too; a loop of
    undercuts that never reaches a claim is debated in the topics of ``x``.

    Parameters
    ----------
    graph : ArgumentGraph

    Returns
    -------
    list of SignedRelation

    Example
    -------
    >>> import arggraph                                                 # doctest: +SKIP
    >>> signed_relations(arggraph.load("graphs/deepseek.yaml"))[0].sign  # doctest: +SKIP
    -1
    """
    by_id = {r.id: r for r in graph.relations if r.id is not None}
    claim_ids = {c.id for c in graph.claims}
    result = []
    for rel in graph.relations:
        if not graph.is_undercut(rel):
            sign: Literal[1, -1] = 1 if rel.kind == "supports" else -1
            result.append(
                SignedRelation(
                    relation=rel.key,
                    source=rel.source,
                    target=rel.target,
                    sign=sign,
                    topic_claim=rel.target,
                )
            )
            continue
        attacked = by_id[rel.target]
        end, seen = attacked.target, {rel.target}
        while end not in claim_ids:  # follow undercuts of undercuts to a claim
            if end in seen:  # a loop of undercuts never reaches one
                end = attacked.source
                break
            seen.add(end)
            end = by_id[end].target
        result.append(
            SignedRelation(
                relation=rel.key,
                source=rel.source,
                target=attacked.source,
                sign=-1,
                undercut_of=attacked.key,
                topic_claim=end,
            )
        )
    return result


# ---------------------------------------------------------------- result models


class SpeakerRef(_Result):
    """A speaker, by id, name and role."""

    id: str
    name: str
    role: str | None = None


class DocumentRef(_Result):
    """A document, by id and title."""

    id: str
    title: str


class QuoteRef(_Result):
    """One attribution of a claim: who, where, in their words, at which offsets."""

    speaker: str
    speaker_name: str
    document: str
    quote: str
    start: int | None
    end: int | None


class ClaimRef(_Result):
    """A claim with its statement and every quote that grounds it."""

    id: str
    statement: str
    quotes: list[QuoteRef]


class Rebuttal(_Result):
    """One rebuttal (or undercut) and who makes it, and whether it is answered.

    A rebuttal is *answered* when its source claim is itself rebutted (by any claim,
    anywhere in the graph), which includes an undercut of this very rebuttal.
    """

    relation: str
    source: str = Field(description="the rebutting claim")
    target: str = Field(description="the rebutted claim (for an undercut: whose argument)")
    undercut_of: str | None = Field(None, description="the relation an undercut attacks")
    by: list[SpeakerRef] = Field(description="holders of the source claim")
    against: list[SpeakerRef] = Field(description="holders of the target claim")
    answered: bool
    answered_by: list[str] = Field(description="relations that rebut the source claim")


class Support(_Result):
    """One support received by a claim, and who gives it."""

    relation: str
    source: str
    by: list[SpeakerRef]


class TopicRebuttal(Rebuttal):
    """A rebuttal in a topic's debate, with the sides of both ends."""

    source_side: SideName
    target_side: SideName
    cross_side: bool = Field(description="source and target are on opposite sides")


class ScoreComponents(_Result):
    """The numbers a contestedness score is computed from (see docs/analysis.md)."""

    speakers_a: int = Field(description="distinct speakers holding a claim on side A")
    speakers_b: int
    documents_a: int = Field(description="distinct documents quoting a claim on side A")
    documents_b: int
    rebuttals: int = Field(description="rebuttals crossing between the sides")
    answered: int = Field(description="of those, how many are answered")
    voices: int = Field(description="min(speakers_a, speakers_b)")
    volume: float = Field(description="rebuttals / (rebuttals + 1)")
    answered_share: float = Field(description="answered / rebuttals (0 without rebuttals)")
    spread: float = Field(description="m / (m + 1), m = min(documents_a, documents_b)")
    engagement: float = Field(description="(volume + answered_share + spread) / 3")
    score: float = Field(description="voices * (1 + engagement), or 0 without rebuttals")


class Side(_Result):
    """One side of a topic: its claims, speakers and documents."""

    name: SideName
    stance: Stance | None = Field(description="'yes'/'no' when claims state stances")
    claims: list[ClaimRef]
    guests: list[str] = Field(description="claims from other topics that join by a relation")
    speakers: list[SpeakerRef]
    documents: list[DocumentRef]


class TopicContest(_Result):
    """How contested one topic is, with everything the score comes from."""

    rank: int = Field(description="1 = most contested")
    topic: str
    label: str
    question: str | None
    score: float
    components: ScoreComponents
    side_a: Side
    side_b: Side
    unplaced: list[ClaimRef] = Field(description="claims with no relation and no stance")
    rebuttals: list[TopicRebuttal] = Field(description="every rebuttal in the topic's debate")
    relations: int = Field(description="relations in the topic's debate")
    frustrated: list[str] = Field(description="relations that do not fit the two sides")
    split_exact: bool = Field(description="False when the split came from local search")
    reasons: list[str]


class SpeakerInTopic(_Result):
    """One speaker's part in one topic."""

    topic: str
    label: str
    rank: int
    sides: list[SideName]
    claims: list[str]
    rebuttals_given: int
    rebuttals_received: int


class SpeakerTopics(_Result):
    """The topics a speaker takes part in, most contested first."""

    speaker: SpeakerRef
    topics: list[SpeakerInTopic]


class DocumentInTopic(_Result):
    """One document's part in one topic."""

    topic: str
    label: str
    rank: int
    claims_a: list[str]
    claims_b: list[str]
    rebuttals: int = Field(description="cross-side rebuttals with an end quoted in this document")


class DocumentTopics(_Result):
    """The topics a document's claims take part in, most contested first."""

    document: DocumentRef
    topics: list[DocumentInTopic]


class ContestedReport(_Result):
    """Topics from most to least contested, and the same results per speaker and document."""

    topics: list[TopicContest]
    by_speaker: list[SpeakerTopics]
    by_document: list[DocumentTopics]


class ClaimContest(_Result):
    """How contested one claim is: rebuttals and supports received, and by whom."""

    rank: int
    claim: ClaimRef
    score: float
    components: ScoreComponents = Field(
        description="side A: the claim's holders and supporters; side B: its rebutters"
    )
    rebuttals: list[Rebuttal]
    supports: list[Support]
    reasons: list[str]


class ContestedClaimsReport(_Result):
    """Every claim, from most to least contested."""

    claims: list[ClaimContest]


# ---------------------------------------------------------------- shared lookups


@dataclass
class _Index:
    """Lookups over one graph, built once per analysis."""

    graph: ArgumentGraph
    claims: dict[str, Claim] = field(default_factory=dict)
    claim_order: dict[str, int] = field(default_factory=dict)
    speakers: dict[str, SpeakerRef] = field(default_factory=dict)
    speaker_order: dict[str, int] = field(default_factory=dict)
    documents: dict[str, DocumentRef] = field(default_factory=dict)
    document_order: dict[str, int] = field(default_factory=dict)
    relations: list[SignedRelation] = field(default_factory=list)
    rebuttals_into: dict[str, list[SignedRelation]] = field(default_factory=dict)
    supports_into: dict[str, list[SignedRelation]] = field(default_factory=dict)
    _claim_refs: dict[str, ClaimRef] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: ArgumentGraph) -> _Index:
        index = cls(graph)
        index.claims = {c.id: c for c in graph.claims}
        index.claim_order = _rank_by(index.claims, lambda c: (c.statement, c.id))
        index.speakers = {
            s.id: SpeakerRef(id=s.id, name=s.name, role=s.role) for s in graph.speakers
        }
        index.speaker_order = _rank_by(index.speakers, lambda s: (s.name, s.id))
        index.documents = {d.id: DocumentRef(id=d.id, title=d.title) for d in graph.documents}
        index.document_order = _rank_by(index.documents, lambda d: (d.title, d.id))
        index.relations = signed_relations(graph)
        index.rebuttals_into = defaultdict(list)
        index.supports_into = defaultdict(list)
        for rel in index.relations:
            into = index.rebuttals_into if rel.sign < 0 else index.supports_into
            into[rel.target].append(rel)
        return index

    def claim_ref(self, claim_id: str) -> ClaimRef:
        ref = self._claim_refs.get(claim_id)
        if ref is None:
            claim = self.claims[claim_id]
            quotes = [
                QuoteRef(
                    speaker=a.speaker,
                    speaker_name=self.speakers[a.speaker].name,
                    document=a.document,
                    quote=a.quote,
                    start=a.start,
                    end=a.end,
                )
                for a in claim.attributions
            ]
            ref = self._claim_refs[claim_id] = ClaimRef(
                id=claim.id, statement=claim.statement, quotes=quotes
            )
        return ref

    def sorted_claims(self, claim_ids: Iterable[str]) -> list[str]:
        return sorted(set(claim_ids), key=self.claim_order.__getitem__)

    def speaker_refs(self, claim_ids: Iterable[str]) -> list[SpeakerRef]:
        ids = {s for c in claim_ids for s in self.claims[c].speakers}
        return [self.speakers[s] for s in sorted(ids, key=self.speaker_order.__getitem__)]

    def document_refs(self, claim_ids: Iterable[str]) -> list[DocumentRef]:
        ids = {d for c in claim_ids for d in self.claims[c].documents}
        return [self.documents[d] for d in sorted(ids, key=self.document_order.__getitem__)]

    def rebuttal(self, rel: SignedRelation) -> Rebuttal:
        answers = sorted(r.relation for r in self.rebuttals_into.get(rel.source, []))
        return Rebuttal(
            relation=rel.relation,
            source=rel.source,
            target=rel.target,
            undercut_of=rel.undercut_of,
            by=self.speaker_refs([rel.source]),
            against=self.speaker_refs([rel.target]),
            answered=bool(answers),
            answered_by=answers,
        )


def _rank_by(items: Mapping[str, T], key: Callable[[T], tuple[str, str]]) -> dict[str, int]:
    ordered = sorted(items, key=lambda k: key(items[k]))
    return {item: i for i, item in enumerate(ordered)}


def _round(value: float) -> float:
    return round(value, ROUND_DIGITS) + 0.0


def score_components(
    *,
    speakers_a: int,
    speakers_b: int,
    documents_a: int,
    documents_b: int,
    rebuttals: int,
    answered: int,
) -> ScoreComponents:
    """The contestedness score from its counts (docs/analysis.md, "The score").

    ``score = voices * (1 + engagement)`` where ``voices = min(speakers_a,
    speakers_b)`` and ``engagement`` is the mean of ``volume = r / (r + 1)``,
    ``answered_share = answered / r`` and ``spread = m / (m + 1)`` with ``r`` the
    cross-side rebuttals and ``m = min(documents_a, documents_b)``; the score is 0
    when ``r`` is 0. Since ``engagement < 1``, a score lies in ``[voices, 2 * voices)``:
    a debate with two voices on each side always outranks one voice against many.

    Example
    -------
    >>> score_components(speakers_a=2, speakers_b=2, documents_a=2, documents_b=1,
    ...                  rebuttals=3, answered=1).score
    3.0556
    """
    voices = min(speakers_a, speakers_b)
    smaller_documents = min(documents_a, documents_b)
    volume = rebuttals / (rebuttals + 1)
    answered_share = answered / rebuttals if rebuttals else 0.0
    spread = smaller_documents / (smaller_documents + 1)
    engagement = (volume + answered_share + spread) / 3
    score = voices * (1 + engagement) if rebuttals else 0.0
    return ScoreComponents(
        speakers_a=speakers_a,
        speakers_b=speakers_b,
        documents_a=documents_a,
        documents_b=documents_b,
        rebuttals=rebuttals,
        answered=answered,
        voices=voices,
        volume=_round(volume),
        answered_share=_round(answered_share),
        spread=_round(spread),
        engagement=_round(engagement),
        score=_round(score),
    )


# ---------------------------------------------------------------- topics


@dataclass
class _Debate:
    """One topic's debate: its claims and guests, relations, and the split into sides."""

    topic: str
    members: list[str]
    relations: list[SignedRelation]
    side: dict[str, int]
    frustrated: list[str]
    exact: bool
    stances: bool


def _debate(
    index: _Index, topic: str, members: list[str], relations: list[SignedRelation], exact_limit: int
) -> _Debate:
    anchors: dict[str, int] = {}
    for claim_id in members:
        stance = index.claims[claim_id].stances.get(topic)
        if stance is not None:
            anchors[claim_id] = 0 if stance == "yes" else 1
    linked = {r.source for r in relations} | {r.target for r in relations}
    nodes = index.sorted_claims(linked | set(anchors))
    split = balanced_split(
        nodes,
        [(r.source, r.target, r.sign) for r in relations],
        fixed=anchors,
        exact_limit=exact_limit,
    )
    received: dict[tuple[str, int], int] = defaultdict(int)
    for rel in relations:
        received[(rel.target, rel.sign)] += 1

    def prominence(claim_id: str) -> tuple[int, ...]:
        claim = index.claims[claim_id]
        return (
            -received[(claim_id, 1)],
            -received[(claim_id, -1)],
            -len(claim.speakers),
            -len(claim.attributions),
            index.claim_order[claim_id],
        )

    flips = _orientation(index, split, anchors, prominence, exact_limit)
    component_of = {c: i for i, comp in enumerate(split.components) for c in comp}
    side = {c: split.sides[c] ^ flips[component_of[c]] for c in nodes}
    return _Debate(
        topic=topic,
        members=members,
        relations=relations,
        side=side,
        frustrated=sorted(relations[k].relation for k in split.frustrated_edges),
        exact=split.exact,
        stances=bool(anchors),
    )


def _orientation(
    index: _Index,
    split: BalancedSplit,
    anchors: dict[str, int],
    prominence: Callable[[str], tuple[int, ...]],
    exact_limit: int,
) -> list[int]:
    """Flip relation components so each speaker's claims sit on one side where they can.

    Components are linked through the speakers who hold claims in them: a second
    balanced split, of components and speakers, minimises the claims that sit on
    the other side from their speaker's. A group of components that no stance fixes
    is then turned so its most prominent claim is on side A.
    """
    components = split.components
    anchored = {i for i, comp in enumerate(components) if any(c in anchors for c in comp)}
    speaker_ids = sorted(
        {s for comp in components for c in comp for s in index.claims[c].speakers},
        key=index.speaker_order.__getitem__,
    )
    nodes = [f"component {i}" for i in range(len(components))]
    nodes += [f"speaker {s}" for s in speaker_ids]
    edges = [
        (f"component {i}", f"speaker {s}", 1 if split.sides[c] == 0 else -1)
        for i, comp in enumerate(components)
        for c in comp
        for s in index.claims[c].speakers
    ]
    oriented = balanced_split(
        nodes, edges, fixed={f"component {i}": 0 for i in anchored}, exact_limit=exact_limit
    )
    flips = [int(oriented.sides[f"component {i}"]) for i in range(len(components))]
    for group in oriented.components:
        members = [int(n.split(" ", 1)[1]) for n in group if n.startswith("component ")]
        if not members or any(i in anchored for i in members):
            continue
        lead = min(
            ((c, i) for i in members for c in components[i]),
            key=lambda ci: prominence(ci[0]),
        )
        if split.sides[lead[0]] ^ flips[lead[1]]:
            for i in members:
                flips[i] ^= 1
    return flips


def contested_topics(
    graph: ArgumentGraph, *, exact_limit: int = DEFAULT_EXACT_LIMIT
) -> ContestedReport:
    """Rank topics from most to least contested, with sides, rebuttals and reasons.

    Each topic's debate holds its claims, the claims that support or rebut them from
    other topics (guests), and the relations that target its claims (see
    :func:`signed_relations` for undercuts). The debate is split into two sides by
    :func:`balanced_split`: claims' stated stances are hard constraints (pro on side
    A, con on side B); then each speaker's claims are kept on one side where the
    relations leave a choice; without stances, side A is the side of the most
    supported claim. Claims with no relation in the debate and no stance are
    *unplaced*. The score is :func:`score_components` of the two sides.

    Parameters
    ----------
    graph : ArgumentGraph
    exact_limit : int
        Largest unbalanced component split exactly (see :func:`balanced_split`).

    Returns
    -------
    ContestedReport
        Topics ranked by score, then cross-side rebuttals, then speakers involved, then
        label; and per-speaker and per-document views of the same results.

    Example
    -------
    >>> import arggraph                                                  # doctest: +SKIP
    >>> top = contested_topics(arggraph.load("graphs/deepseek.yaml")).topics[0]  # doctest: +SKIP
    >>> top.label, top.score                                             # doctest: +SKIP
    ('Export controls', 20.8142)

    References
    ----------
    Harary (1953); Cartwright & Harary (1956); docs/analysis.md.
    """
    index = _Index.of(graph)
    members: dict[str, list[str]] = {t.id: [] for t in graph.topics}
    for claim_id in index.sorted_claims(index.claims):
        for topic in dict.fromkeys(index.claims[claim_id].topics):
            members[topic].append(claim_id)
    debated: dict[str, list[SignedRelation]] = {t.id: [] for t in graph.topics}
    for rel in index.relations:
        for topic in dict.fromkeys(index.claims[rel.topic_claim].topics):
            debated[topic].append(rel)
    results = [
        _topic_contest(index, t.id, _debate(index, t.id, members[t.id], debated[t.id], exact_limit))
        for t in graph.topics
    ]
    results.sort(
        key=lambda r: (
            -r.score,
            -r.components.rebuttals,
            -(len(r.side_a.speakers) + len(r.side_b.speakers)),
            r.label,
            r.topic,
        )
    )
    ranked = [r.model_copy(update={"rank": i}) for i, r in enumerate(results, start=1)]
    return ContestedReport(
        topics=ranked,
        by_speaker=_by_speaker(index, ranked),
        by_document=_by_document(index, ranked),
    )


def _topic_contest(index: _Index, topic_id: str, debate: _Debate) -> TopicContest:
    topic = next(t for t in index.graph.topics if t.id == topic_id)
    member_set = set(debate.members)
    on: tuple[list[str], list[str]] = ([], [])
    for claim_id in index.sorted_claims(debate.side):
        on[debate.side[claim_id]].append(claim_id)
    sides = [
        Side(
            name=_SIDE_NAMES[k],
            stance=("yes", "no")[k] if debate.stances else None,
            claims=[index.claim_ref(c) for c in on[k]],
            guests=[c for c in on[k] if c not in member_set],
            speakers=index.speaker_refs(on[k]),
            documents=index.document_refs(on[k]),
        )
        for k in (0, 1)
    ]
    rebuttals = []
    for rel in debate.relations:
        if rel.sign > 0:
            continue
        source_side, target_side = debate.side[rel.source], debate.side[rel.target]
        rebuttals.append(
            TopicRebuttal(
                **dict(index.rebuttal(rel)),  # shallow: keeps the shared SpeakerRefs
                source_side=_SIDE_NAMES[source_side],
                target_side=_SIDE_NAMES[target_side],
                cross_side=source_side != target_side,
            )
        )
    rebuttals.sort(
        key=lambda r: (index.claim_order[r.target], index.claim_order[r.source], r.relation)
    )
    cross = [r for r in rebuttals if r.cross_side]
    components = score_components(
        speakers_a=len(sides[0].speakers),
        speakers_b=len(sides[1].speakers),
        documents_a=len(sides[0].documents),
        documents_b=len(sides[1].documents),
        rebuttals=len(cross),
        answered=sum(r.answered for r in cross),
    )
    unplaced = [index.claim_ref(c) for c in debate.members if c not in debate.side]
    return TopicContest(
        rank=0,
        topic=topic.id,
        label=topic.label,
        question=topic.question,
        score=components.score,
        components=components,
        side_a=sides[0],
        side_b=sides[1],
        unplaced=unplaced,
        rebuttals=rebuttals,
        relations=len(debate.relations),
        frustrated=debate.frustrated,
        split_exact=debate.exact,
        reasons=_topic_reasons(index, debate, sides, rebuttals, components, len(unplaced)),
    )


def _by_speaker(index: _Index, topics: list[TopicContest]) -> list[SpeakerTopics]:
    parts: dict[str, list[SpeakerInTopic]] = defaultdict(list)
    for result in topics:
        claims: dict[str, list[str]] = defaultdict(list)
        sides: dict[str, set[SideName]] = defaultdict(set)
        for side in (result.side_a, result.side_b):
            for claim in side.claims:
                for speaker in dict.fromkeys(q.speaker for q in claim.quotes):
                    claims[speaker].append(claim.id)
                    sides[speaker].add(side.name)
        given: dict[str, int] = defaultdict(int)
        received: dict[str, int] = defaultdict(int)
        for reb in result.rebuttals:
            for ref in reb.by:
                given[ref.id] += 1
            for ref in reb.against:
                received[ref.id] += 1
        for speaker, claim_ids in claims.items():
            parts[speaker].append(
                SpeakerInTopic(
                    topic=result.topic,
                    label=result.label,
                    rank=result.rank,
                    sides=sorted(sides[speaker]),
                    claims=index.sorted_claims(claim_ids),
                    rebuttals_given=given[speaker],
                    rebuttals_received=received[speaker],
                )
            )
    return [
        SpeakerTopics(speaker=index.speakers[s], topics=parts[s])
        for s in sorted(index.speakers, key=index.speaker_order.__getitem__)
    ]


def _by_document(index: _Index, topics: list[TopicContest]) -> list[DocumentTopics]:
    parts: dict[str, list[DocumentInTopic]] = defaultdict(list)
    for result in topics:
        claims: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for k, side in enumerate((result.side_a, result.side_b)):
            for claim in side.claims:
                for document in dict.fromkeys(q.document for q in claim.quotes):
                    claims[document][k].append(claim.id)
        rebuttals: dict[str, int] = defaultdict(int)
        for reb in result.rebuttals:
            if reb.cross_side:
                ends = set(index.claims[reb.source].documents) | set(
                    index.claims[reb.target].documents
                )
                for document in ends:
                    rebuttals[document] += 1
        for document, (side_a, side_b) in claims.items():
            parts[document].append(
                DocumentInTopic(
                    topic=result.topic,
                    label=result.label,
                    rank=result.rank,
                    claims_a=side_a,
                    claims_b=side_b,
                    rebuttals=rebuttals[document],
                )
            )
    return [
        DocumentTopics(document=index.documents[d], topics=parts[d])
        for d in sorted(index.documents, key=index.document_order.__getitem__)
    ]


# ---------------------------------------------------------------- claims


def contested_claims(graph: ArgumentGraph) -> ContestedClaimsReport:
    """Rank every claim by how contested it is: rebuttals received, by whom, answered or not.

    A claim's two sides are its holders and the holders of claims that support it
    (side A) against the holders of claims that rebut it (side B), undercuts counting
    as in :func:`signed_relations`; the score is :func:`score_components` of those
    sides, with all rebuttals received as cross-side rebuttals.

    Parameters
    ----------
    graph : ArgumentGraph

    Returns
    -------
    ContestedClaimsReport
        Claims ranked by score, then rebuttals received, then distinct rebutters,
        then statement.

    Example
    -------
    >>> import arggraph                                                    # doctest: +SKIP
    >>> contested_claims(arggraph.load("graphs/deepseek.yaml")).claims[0].claim.id  # doctest: +SKIP
    'sputnik-moment'
    """
    index = _Index.of(graph)
    results = []
    for claim_id in index.sorted_claims(index.claims):
        rebuts = sorted(
            (index.rebuttal(r) for r in index.rebuttals_into.get(claim_id, [])),
            key=lambda r: (index.claim_order[r.source], r.relation),
        )
        supports = sorted(
            (
                Support(relation=r.relation, source=r.source, by=index.speaker_refs([r.source]))
                for r in index.supports_into.get(claim_id, [])
            ),
            key=lambda s: (index.claim_order[s.source], s.relation),
        )
        side_a = [claim_id, *(s.source for s in supports)]
        side_b = [r.source for r in rebuts]
        components = score_components(
            speakers_a=len(index.speaker_refs(side_a)),
            speakers_b=len(index.speaker_refs(side_b)),
            documents_a=len(index.document_refs(side_a)),
            documents_b=len(index.document_refs(side_b)),
            rebuttals=len(rebuts),
            answered=sum(r.answered for r in rebuts),
        )
        results.append(
            ClaimContest(
                rank=0,
                claim=index.claim_ref(claim_id),
                score=components.score,
                components=components,
                rebuttals=rebuts,
                supports=supports,
                reasons=_claim_reasons(index, claim_id, rebuts, supports, components),
            )
        )
    results.sort(
        key=lambda r: (
            -r.score,
            -r.components.rebuttals,
            -r.components.speakers_b,
            index.claim_order[r.claim.id],
        )
    )
    return ContestedClaimsReport(
        claims=[r.model_copy(update={"rank": i}) for i, r in enumerate(results, start=1)]
    )


# ---------------------------------------------------------------- reasons in words


def _plural(n: int, noun: str, plural: str | None = None) -> str:
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _names(speakers: Sequence[SpeakerRef], *, roles: bool = False, limit: int = 4) -> str:
    def name(s: SpeakerRef) -> str:
        return f"{s.name} ({s.role})" if roles and s.role else s.name

    shown = [name(s) for s in speakers[:limit]]
    if len(speakers) > limit:
        return f"{', '.join(shown)} and {_plural(len(speakers) - limit, 'other')}"
    if len(shown) <= 1:
        return "".join(shown) or "nobody"
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _statement(index: _Index, claim_id: str, width: int = 90) -> str:
    text = " ".join(index.claims[claim_id].statement.split()).rstrip(".")
    return '"' + (text if len(text) <= width else text[: width - 1] + "…") + '"'


def _claim_phrase(index: _Index, claim_id: str) -> str:
    holders = index.speaker_refs([claim_id])
    if len(holders) == 1:
        return f"{holders[0].name}'s claim {_statement(index, claim_id)}"
    return f"the claim {_statement(index, claim_id)} held by {_names(holders)}"


def _rebuttal_sentence(index: _Index, group: list[Rebuttal]) -> str:
    """One sentence for the rebuttals of one claim (or of one inference)."""
    first = group[0]
    rebutters = index.speaker_refs(r.source for r in group)
    several = len(rebutters) != 1
    target = _claim_phrase(index, first.target)
    if first.undercut_of is None:
        verb = "rebut" if several else "rebuts"
        what = target
    else:
        verb = "undercut" if several else "undercuts"
        attacked = next(r for r in index.graph.relations if r.key == first.undercut_of)
        if attacked.target in index.claims:
            what = f"the step from {target} to {_statement(index, attacked.target)}"
        else:
            what = f"the step drawn from {target} in relation '{attacked.key}'"
    answered = sum(r.answered for r in group)
    n = len(group)
    if n == 1 and answered:
        answerers = index.speaker_refs(
            rel.source for rel in index.rebuttals_into.get(first.source, [])
        )
        tail = f"the rebuttal is answered by {_names(answerers)}"
    elif n == 1:
        tail = "the rebuttal is unanswered"
    elif answered == 0:
        tail = f"none of the {n} rebuttals is answered"
    elif answered == n:
        tail = f"all {n} rebuttals are answered"
    else:
        tail = f"{answered} of the {n} rebuttals {'is' if answered == 1 else 'are'} answered"
    return f"{_names(rebutters, roles=True)} {verb} {what}; {tail}."


def _grouped(index: _Index, rebuttals: Sequence[Rebuttal]) -> list[list[Rebuttal]]:
    groups: dict[tuple[str, str | None], list[Rebuttal]] = defaultdict(list)
    for reb in rebuttals:
        groups[(reb.target, reb.undercut_of)].append(reb)
    return sorted(
        groups.values(),
        key=lambda g: (
            -len(index.speaker_refs(r.source for r in g)),
            -len(g),
            index.claim_order[g[0].target],
            g[0].undercut_of or "",
        ),
    )


def _more(groups: list[list[Rebuttal]], shown: int) -> str | None:
    rest = groups[shown:]
    if not rest:
        return None
    count = sum(len(g) for g in rest)
    return (
        f"{_plural(count, 'more rebuttal')} target {_plural(len(rest), 'more claim')}; "
        "every one is listed under rebuttals."
    )


_SHOWN_GROUPS = 4


def _topic_reasons(
    index: _Index,
    debate: _Debate,
    sides: list[Side],
    rebuttals: list[TopicRebuttal],
    score: ScoreComponents,
    unplaced: int,
) -> list[str]:
    label = ["side A", "side B"]
    if debate.stances:
        label = ["side A (pro)", "side B (con)"]
    reasons: list[str] = []
    cross = [r for r in rebuttals if r.cross_side]
    if not debate.members:
        return ["Not contested: no claim is filed under this topic."]
    if not rebuttals:
        claims = (
            "its only claim"
            if len(debate.members) == 1
            else f"any of its {len(debate.members)} claims"
        )
        return [f"Not contested: no claim rebuts {claims}."]
    if not cross:
        reasons.append(
            f"Not contested across sides: its {_plural(len(rebuttals), 'rebuttal')} "
            "fall within one side, because the claims' stated stances put both ends there."
        )
    else:
        reasons.append(
            f"Contested (score {score.score:g}): {label[0]} has "
            f"{_plural(score.speakers_a, 'speaker')} ({_names(sides[0].speakers)}) in "
            f"{_plural(score.documents_a, 'document')}, {label[1]} has {score.speakers_b} "
            f"({_names(sides[1].speakers)}) in {_plural(score.documents_b, 'document')}; "
            f"{_plural(score.rebuttals, 'rebuttal')} cross between the sides, "
            f"{score.answered} of them answered."
        )
        groups = _grouped(index, cross)
        reasons.extend(_rebuttal_sentence(index, g) for g in groups[:_SHOWN_GROUPS])
        more = _more(groups, _SHOWN_GROUPS)
        if more:
            reasons.append(more)
        if score.voices == 1:
            k = 0 if score.speakers_a == 1 else 1
            reasons.append(
                f"Only one speaker ({sides[k].speakers[0].name}) holds {label[k]}, so the score "
                "stays below 2 however many rebut them; debates with two or more voices on "
                "each side rank higher."
            )
    other_side = {s.id for s in sides[1].speakers}
    both = [s for s in sides[0].speakers if s.id in other_side]
    if both:
        reasons.append(
            f"{_names(both)} {'holds' if len(both) == 1 else 'hold'} claims on both sides."
        )
    if debate.frustrated:
        reasons.append(
            f"{len(debate.frustrated)} of its {_plural(len(debate.relations), 'relation')} "
            f"{'does' if len(debate.frustrated) == 1 else 'do'} not fit a two-sided split "
            f"(a rebuttal within a side or a support across sides): "
            f"{', '.join(debate.frustrated[:5])}{' ...' if len(debate.frustrated) > 5 else ''}."
        )
    else:
        reasons.append(
            f"All {_plural(len(debate.relations), 'relation')} fit the two sides "
            "(supports within a side, rebuttals across)."
            if len(debate.relations) > 1
            else "Its one relation fits the two sides."
        )
    if not debate.exact:
        reasons.append("The split was found by local search; a better one may exist.")
    if unplaced:
        reasons.append(
            f"{_plural(unplaced, 'claim')} {'has' if unplaced == 1 else 'have'} no relation in "
            "the topic and no stated stance, so they sit on neither side."
        )
    return reasons


def _claim_reasons(
    index: _Index,
    claim_id: str,
    rebuttals: list[Rebuttal],
    supports: list[Support],
    score: ScoreComponents,
) -> list[str]:
    supporters = index.speaker_refs(s.source for s in supports)
    backing = f"; {_plural(len(supports), 'support')} from {_names(supporters)}" if supports else ""
    if not rebuttals:
        return [f"Not contested: nothing rebuts it{backing}."]
    reasons = [
        f"Contested (score {score.score:g}): {_plural(len(rebuttals), 'rebuttal')} from "
        f"{_plural(score.speakers_b, 'speaker')}, {score.answered} answered{backing}."
    ]
    groups = _grouped(index, rebuttals)
    reasons.extend(_rebuttal_sentence(index, g) for g in groups[:_SHOWN_GROUPS])
    more = _more(groups, _SHOWN_GROUPS)
    if more:
        reasons.append(more)
    return reasons
