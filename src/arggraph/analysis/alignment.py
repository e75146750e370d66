"""Who agrees with whom: speaker alignment and the camps it implies.

Two speakers *agree* when a claim of one supports a claim of the other, when they
hold the same claim, or when their claims relate the same way to a third claim
(both support it, or both rebut it); they *disagree* when a claim of one rebuts a
claim of the other, or when one supports and the other rebuts the same claim.
:func:`speaker_alignment` counts this evidence for every pair of speakers, with the
relations and claims behind each count, and scores it in ``[-1, 1]``;
:func:`speaker_camps` splits the signed speaker graph into camps by structural
balance (Cartwright & Harary 1956), as :func:`~arggraph.analysis.contested.contested_topics`
does for claims. docs/analysis.md gives the definitions.

Example
-------
>>> import arggraph                                                    # doctest: +SKIP
>>> camps = speaker_camps(arggraph.load("graphs/deepseek.yaml"))       # doctest: +SKIP
>>> [[s.name for s in camp.speakers] for camp in camps.camps][:2]      # doctest: +SKIP

References
----------
D. Cartwright and F. Harary, "Structural balance: a generalization of Heider's theory",
Psychological Review 63 (1956).
N. Bansal, A. Blum and S. Chawla, "Correlation clustering", Machine Learning 56 (2004).
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator, MutableSequence, Sequence, Set
from itertools import combinations
from typing import Literal, overload

from pydantic import Field

from arggraph.analysis.balance import DEFAULT_EXACT_LIMIT, balanced_split
from arggraph.analysis.lazy_results import LazyResults
from arggraph.analysis.positions import PositionsReport, positions
from arggraph.analysis.results import ROUND_DIGITS, Result, SpeakerRef, counted
from arggraph.analysis.signed import signed_links
from arggraph.collector import collector_paused
from arggraph.errors import AnalysisError
from arggraph.model import ArgumentGraph

INDIRECT_WEIGHT = 0.5
"""Weight of agreeing or disagreeing about a third claim, against 1 for direct evidence."""

DEFAULT_MAX_PAIRS = 2_000_000
"""Evidence items :func:`speaker_alignment` counts on any graph before it refuses."""

PAIRS_PER_ITEM = 10
"""More evidence items allowed per claim and per relation of the graph.

Evidence grows with the graph while few speakers hold each claim; it grows with the
square of their number when thousands hold or answer one claim. The default budget,
``DEFAULT_MAX_PAIRS + PAIRS_PER_ITEM * (claims + relations)``, lets the first through
at any size and stops the second (AnalysisError) before it fills memory.
"""


class AlignmentPair(Result):
    """The evidence that two speakers agree or disagree, and its score.

    Lists hold the relation keys or claim ids behind each count; ``first`` comes
    before ``second`` in the alignment's speaker order.
    """

    first: str = Field(description="speaker id")
    second: str = Field(description="speaker id")
    supports: list[str] = Field(description="relations where a claim of one supports the other's")
    rebuts: list[str] = Field(description="relations where a claim of one rebuts the other's")
    shared_claims: list[str] = Field(description="claims both hold")
    same_side_of: list[str] = Field(description="claims both support, or both rebut")
    opposite_sides_of: list[str] = Field(description="claims one supports and the other rebuts")
    agreement: float = Field(description="supports + shared_claims + 0.5 * same_side_of")
    disagreement: float = Field(description="rebuts + 0.5 * opposite_sides_of")
    score: float = Field(description="(agreement - disagreement) / (agreement + disagreement)")


class SpeakerAlignment(Result):
    """Pairwise alignment of speakers: a sparse symmetric matrix.

    ``speakers`` fixes the order (by name, then id); ``pairs`` holds every pair with
    some evidence, ``first`` before ``second``, in that order. Pairs not listed have
    no evidence and score 0. The pairs are kept as compact evidence and each
    :class:`AlignmentPair` is built when read (a
    :class:`~arggraph.analysis.lazy_results.LazyResults`): millions of them at corpus
    scale would not fit in memory as models.
    """

    speakers: list[SpeakerRef]
    pairs: LazyResults[AlignmentPair]

    def _summary(self) -> str:
        return (
            f"{counted(len(self.speakers), 'speaker')}, "
            f"{counted(len(self.pairs), 'pair')} with evidence"
        )

    def pair(self, a: str, b: str) -> AlignmentPair | None:
        """The evidence between speakers ``a`` and ``b`` (either order), if any."""
        for item in self.pairs:
            if {item.first, item.second} == {a, b}:
                return item
        return None

    def evidence_weights(self) -> Iterator[tuple[str, str, float]]:
        """``(first, second, agreement + disagreement)`` of every pair, in ``pairs`` order,
        read without building the pairs (a report ranks speakers by it)."""
        rows = self.pairs.rows
        if isinstance(rows, _PairRows):
            for k in range(len(rows)):
                yield *rows.speakers_of(k), (rows.agreeing[k] + rows.disagreeing[k]) / 2
        else:
            for pair in self.pairs:
                yield pair.first, pair.second, pair.agreement + pair.disagreement

    def pairs_among(self, speakers: Set[str]) -> list[AlignmentPair]:
        """The pairs of two of ``speakers``, in ``pairs`` order; only those are built."""
        rows = self.pairs.rows
        if not isinstance(rows, _PairRows):
            return [p for p in self.pairs if p.first in speakers and p.second in speakers]
        return [
            rows[k] for k in range(len(rows)) if all(s in speakers for s in rows.speakers_of(k))
        ]

    def score_matrix(self) -> list[list[float]]:
        """Scores as a dense matrix in ``speakers`` order; 1 on the diagonal, 0 without evidence."""
        position = {s.id: i for i, s in enumerate(self.speakers)}
        size = len(self.speakers)
        matrix = [[1.0 if i == j else 0.0 for j in range(size)] for i in range(size)]
        for item in self.pairs:
            i, j = position[item.first], position[item.second]
            matrix[i][j] = matrix[j][i] = item.score
        return matrix


@collector_paused()
def speaker_alignment(
    graph: ArgumentGraph,
    *,
    topic: str | None = None,
    groups: bool = False,
    max_pairs: int | None = None,
) -> SpeakerAlignment:
    """How often each pair of speakers agrees or disagrees, directly and through claims.

    For speakers X and Y (X is not Y), counting each relation or claim once per pair:

    - ``supports`` / ``rebuts``: relations from a claim X holds to a claim Y holds
      (either direction); an undercut of a relation counts as a rebuttal of that
      relation's source claim (see :func:`~arggraph.analysis.contested.signed_relations`);
    - ``shared_claims``: claims both hold;
    - ``same_side_of`` / ``opposite_sides_of``: third claims that X's and Y's claims
      both support or both rebut, or one supports and the other rebuts (a speaker who
      both supports and rebuts a claim takes neither side of it).

    A relation between two claims that share a holder (a speaker qualifying their own
    claim, or a claim merged from several holders) is no disagreement between anyone:
    co-holders of a claim agree. Group speakers (``kind: group``: reported views) are
    left out unless ``groups`` is true.

    ``agreement = supports + shared_claims + 0.5 * same_side_of``,
    ``disagreement = rebuts + 0.5 * opposite_sides_of``, and
    ``score = (agreement - disagreement) / (agreement + disagreement)``.

    Parameters
    ----------
    graph : ArgumentGraph
    topic : str, optional
        Count only claims of this topic, and relations whose target is one of them:
        alignment on one subject rather than pooled over all.
    groups : bool
        Keep group speakers (reported views) as speakers.
    max_pairs : int, optional
        Refuse with :class:`~arggraph.errors.AnalysisError` rather than count more
        evidence items than this (many distinct speakers relating to one claim make
        them grow with the square of their number). By default
        ``DEFAULT_MAX_PAIRS + PAIRS_PER_ITEM * (claims + relations)``.

    Returns
    -------
    SpeakerAlignment

    Example
    -------
    >>> import arggraph                                                    # doctest: +SKIP
    >>> a = speaker_alignment(arggraph.load("graphs/deepseek.yaml"))       # doctest: +SKIP
    >>> a.pair("heim", "chilson").score                                    # doctest: +SKIP
    -1.0
    """
    speakers = sorted(
        (s for s in graph.speakers if groups or s.kind != "group"), key=lambda s: (s.name, s.id)
    )
    links = signed_links(graph)
    claim_ids = [c.id for c in graph.claims]
    evidence = _Evidence(
        _Evidence.budget_for(graph, max_pairs),
        [s.id for s in speakers],
        claim_ids,
        [rel.relation for rel in links],
    )
    order = {s.id: i for i, s in enumerate(speakers)}
    number = {claim_id: k for k, claim_id in enumerate(claim_ids)}
    holders: dict[str, list[int]] = {}  # claim -> counted holders, as positions in `speakers`
    all_holders: dict[str, set[str]] = {}
    for claim in graph.claims:
        ids = claim.speakers  # a property that rebuilds its list: read once per claim
        holders[claim.id] = sorted(order[s] for s in ids if s in order)
        all_holders[claim.id] = set(ids)
    in_topic = {c.id for c in graph.claims if topic is None or topic in c.topics}
    for k, claim_id in enumerate(claim_ids):
        if claim_id in in_topic:
            for x, y in combinations(holders[claim_id], 2):
                evidence.add(x, y, _SHARED, k)
    sides: dict[str, dict[int, int]] = defaultdict(dict)  # target -> speaker -> sign bits
    for k, rel in enumerate(links):
        if rel.target not in in_topic or all_holders[rel.source] & all_holders[rel.target]:
            continue  # another subject, or a claim's own holder qualifying it
        kind, bit = (_SUPPORTS, _SUPPORTING) if rel.sign > 0 else (_REBUTS, _REBUTTING)
        by_speaker = sides[rel.target]
        for x in holders[rel.source]:
            by_speaker[x] = by_speaker.get(x, 0) | bit
            for y in holders[rel.target]:
                evidence.add(x, y, kind, k)
    for target, by_speaker in sides.items():
        # a speaker who both supports and rebuts a claim takes neither side of it
        sided = sorted((x, bits) for x, bits in by_speaker.items() if bits != _BOTH)
        for (x, bx), (y, by) in combinations(sided, 2):
            evidence.add(x, y, _SAME if bx == by else _OPPOSITE, number[target])
    return SpeakerAlignment(
        speakers=[SpeakerRef(id=s.id, name=s.name, role=s.role) for s in speakers],
        pairs=LazyResults(evidence.pairs()),
    )


_SUPPORTS, _REBUTS, _SHARED, _SAME, _OPPOSITE = range(5)
"""Positions of the evidence kinds in :data:`_KINDS`; the first two name relations."""
_KIND_COUNT = 5
_SUPPORTING, _REBUTTING = 1, 2
_BOTH = _SUPPORTING | _REBUTTING
_AGREEING = (2, 0, 2, 1, 0)
"""Twice each kind's weight in agreement (whole numbers: weights are halves)."""
_DISAGREEING = (0, 2, 0, 0, 1)


class _Evidence:
    """The evidence of every pair of speakers that meet, under a budget of items.

    Speakers are numbered in the alignment's order, claims and relations by their place
    in the graph; each item is one integer (pair, kind, claim or relation), so the
    evidence costs a few bytes an item, and :meth:`pairs` sorts them into pairs.
    """

    def __init__(
        self, budget: int, speakers: list[str], claims: list[str], relations: list[str]
    ) -> None:
        self.budget = budget
        self.left = budget
        self.speakers = speakers
        self.size = len(speakers)
        self.claims = claims
        self.relations = relations
        self.items = max(len(claims), len(relations), 1)
        self.codes: MutableSequence[int] = _codes(self.size**2 * _KIND_COUNT * self.items)

    @staticmethod
    def budget_for(graph: ArgumentGraph, max_pairs: int | None) -> int:
        """``max_pairs``, or by default a budget that grows with the graph (see the docs)."""
        if max_pairs is not None:
            return max_pairs
        return DEFAULT_MAX_PAIRS + PAIRS_PER_ITEM * (len(graph.claims) + len(graph.relations))

    def add(self, x: int, y: int, kind: int, item: int) -> None:
        """Count ``item`` (a claim's or relation's number) as evidence of ``kind`` for x, y."""
        if x == y:
            return
        self.left -= 1
        if self.left < 0:
            raise AnalysisError(
                f"speaker alignment would count more than {self.budget} speaker pairs; "
                "pass a larger max_pairs to run it anyway"
            )
        key = x * self.size + y if x < y else y * self.size + x
        self.codes.append((key * _KIND_COUNT + kind) * self.items + item)

    def pairs(self) -> _PairRows:
        """Every pair with evidence, in speaker order, each item once."""
        ordered = sorted(self.codes)
        self.codes = _codes(0)
        codes = _codes(len(ordered) and ordered[-1])
        starts = array("q")
        agreeing, disagreeing = array("i"), array("i")  # small counts: 4 bytes each
        per_pair = _KIND_COUNT * self.items
        last, last_key = -1, -1
        for code in ordered:
            if code == last:
                continue  # the same relation or claim counted again for a pair
            last = code
            key, kind = divmod(code // self.items, _KIND_COUNT)
            if key != last_key:
                last_key = key
                starts.append(len(codes))
                agreeing.append(0)
                disagreeing.append(0)
            codes.append(code)
            agreeing[-1] += _AGREEING[kind]
            disagreeing[-1] += _DISAGREEING[kind]
        starts.append(len(codes))
        del ordered
        return _PairRows(self, codes, starts, agreeing, disagreeing, per_pair)


def _codes(largest: int) -> MutableSequence[int]:
    """A compact array for evidence codes up to ``largest`` (a list beyond 64 bits)."""
    return array("q") if largest < 2**63 else []


class _PairRows:
    """Each pair's evidence as a run of sorted codes; :meth:`__getitem__` builds its model."""

    def __init__(
        self,
        evidence: _Evidence,
        codes: MutableSequence[int],
        starts: array[int],
        agreeing: array[int],
        disagreeing: array[int],
        per_pair: int,
    ) -> None:
        self.speakers, self.size = evidence.speakers, evidence.size
        self.claims, self.relations, self.items = (
            evidence.claims,
            evidence.relations,
            evidence.items,
        )
        self.codes, self.starts, self.per_pair = codes, starts, per_pair
        self.agreeing, self.disagreeing = agreeing, disagreeing
        """Twice the agreement and disagreement of each pair."""

    def __len__(self) -> int:
        return len(self.starts) - 1

    def speakers_of(self, index: int) -> tuple[str, str]:
        """The pair's (first, second) speaker ids."""
        first, second = divmod(self.codes[self.starts[index]] // self.per_pair, self.size)
        return self.speakers[first], self.speakers[second]

    def evidence_of(self, index: int) -> tuple[list[str], ...]:
        """The pair's relation keys and claim ids, one sorted list per kind."""
        found: tuple[list[str], ...] = ([], [], [], [], [])
        for k in range(self.starts[index], self.starts[index + 1]):
            rest, item = divmod(self.codes[k], self.items)
            kind = rest % _KIND_COUNT
            found[kind].append(self.relations[item] if kind <= _REBUTS else self.claims[item])
        for items in found:
            if len(items) > 1:
                items.sort()
        return found

    def __getitem__(self, index: int) -> AlignmentPair:
        return _pair(
            *self.speakers_of(index),
            self.evidence_of(index),
            self.agreeing[index] / 2,
            self.disagreeing[index] / 2,
        )


def _pair(
    x: str, y: str, evidence: tuple[list[str], ...], agreement: float, disagreement: float
) -> AlignmentPair:
    supports, rebuts, shared, same, opposite = evidence
    # whole counts and halves: exact in floating point, nothing to round
    total = agreement + disagreement
    score = (agreement - disagreement) / total if total else 0.0
    return AlignmentPair(
        first=x,
        second=y,
        agreement=agreement,
        disagreement=disagreement,
        score=_round(score),
        supports=supports,
        rebuts=rebuts,
        shared_claims=shared,
        same_side_of=same,
        opposite_sides_of=opposite,
    )


_KINDS = ("supports", "rebuts", "shared_claims", "same_side_of", "opposite_sides_of")


def _round(value: float) -> float:
    return round(value, ROUND_DIGITS) + 0.0


class CampLink(Result):
    """A signed link between two speakers: the net of their agreement and disagreement."""

    first: str
    second: str
    sign: int = Field(description="+1 allies, -1 opponents")
    weight: float = Field(description="|agreement - disagreement|")
    evidence: list[str] = Field(
        description="the relation keys and claim ids behind it (supports, rebuttals, shared "
        "claims, claims both or one-and-the-other argue about)"
    )


class CampAnswer(Result):
    """An answer a camp's members give to a question, in their own claims."""

    question: str = Field(description="question id")
    label: str = Field(description="the question's short label")
    answer: Literal["yes", "no"]
    members: list[str] = Field(description="speaker ids of the camp who give this answer")


class Camp(Result):
    """A group of speakers on one side of a structural-balance split."""

    id: str = Field(description="'camp-1', 'camp-2', ... largest first")
    name: str = Field(description="what its members answer, e.g. 'Tighten them?: yes'")
    speakers: list[SpeakerRef]
    opposes: list[str] = Field(description="camps on the other side of the same split")
    answers: list[CampAnswer] = Field(
        description="answers at least half its members give and none contradicts, most shared first"
    )


class SpeakerCamps(Result):
    """Coalitions of speakers, the speakers linked to nobody, and what the split leaves out."""

    camps: list[Camp]
    unaligned: list[SpeakerRef] = Field(description="speakers with no signed link to anyone")
    links: LazyResults[CampLink] = Field(description="built when read, as alignment's pairs")
    frustrated: LazyResults[CampLink] = Field(description="links the split does not respect")
    frustration: float = Field(description="total weight of the frustrated links")
    exact: bool = Field(description="False when some part was split by local search")

    def _summary(self) -> str:
        return (
            f"{counted(len(self.camps), 'camp')}, {len(self.unaligned)} unaligned, "
            f"{counted(len(self.links), 'link')}, {len(self.frustrated)} frustrated"
        )


@collector_paused()
def speaker_camps(
    graph: ArgumentGraph,
    *,
    topic: str | None = None,
    exact_limit: int = DEFAULT_EXACT_LIMIT,
    max_pairs: int | None = None,
    alignment: SpeakerAlignment | None = None,
    stands: PositionsReport | None = None,
) -> SpeakerCamps:
    """Group speakers into camps by a structural-balance split of the signed speaker graph.

    Two speakers are linked when their alignment's agreement and disagreement differ
    (see :func:`speaker_alignment`): allies (+) when agreement is larger, opponents
    (-) when disagreement is, with weight the difference. Each connected part of this
    graph is split in two by :func:`~arggraph.analysis.contested.balanced_split`,
    minimising the weight of frustrated links (allies split apart, opponents kept
    together); each side of a split is a camp, and the two camps of one split oppose
    each other. Parts are never merged (nothing links them), so a graph yields as many
    camps as its parts need; a part without opponents is one camp. Speakers with no
    link are *unaligned*, not forced into a camp. Each camp is named by the answers
    (from :func:`~arggraph.analysis.positions.positions`) that at least half of its
    members give in their own claims and none of them contradicts.

    Parameters
    ----------
    graph : ArgumentGraph
    topic : str, optional
        Camps on one topic only (see :func:`speaker_alignment`).
    exact_limit : int
        Largest unbalanced part split exactly (see ``balanced_split``).
    max_pairs : int, optional
        Passed to :func:`speaker_alignment`.
    alignment, stands : optional
        ``speaker_alignment(graph, topic=topic)`` and ``positions(graph)`` when the
        caller has them already.

    Returns
    -------
    SpeakerCamps
        Camps largest first (ties: by their first speaker's name), speakers by name.

    Example
    -------
    >>> import arggraph                                                  # doctest: +SKIP
    >>> speaker_camps(arggraph.load("graphs/deepseek.yaml")).frustration  # doctest: +SKIP
    0.0

    References
    ----------
    Cartwright & Harary (1956); Bansal, Blum & Chawla (2004).
    """
    if alignment is None:
        alignment = speaker_alignment(graph, topic=topic, max_pairs=max_pairs)
    refs = {s.id: s for s in alignment.speakers}
    links = _LinkRows(alignment)
    linked = {links.speakers[k] for k in set(links.ends)}
    nodes = [s.id for s in alignment.speakers if s.id in linked]
    split = balanced_split(nodes, _Edges(links), exact_limit=exact_limit)
    sides: list[list[str]] = []
    opposed: list[tuple[int, int]] = []
    for component in split.components:
        halves = [[s for s in component if split.sides[s] == k] for k in (0, 1)]
        halves = sorted((h for h in halves if h), key=lambda h: (-len(h), component.index(h[0])))
        if len(halves) == 2:
            opposed.append((len(sides), len(sides) + 1))
        sides.extend(halves)
    position = {s.id: i for i, s in enumerate(alignment.speakers)}
    numbered = sorted(range(len(sides)), key=lambda k: (-len(sides[k]), position[sides[k][0]]))
    camp_id = {k: f"camp-{n}" for n, k in enumerate(numbered, start=1)}
    opponents: dict[int, list[str]] = defaultdict(list)
    for a, b in opposed:
        opponents[a].append(camp_id[b])
        opponents[b].append(camp_id[a])
    frustrated = _Chosen(links, split.frustrated_edges)
    leans = _leans(stands if stands is not None else positions(graph), topic)
    camps = []
    for k in numbered:
        answers = _camp_answers(sides[k], leans)
        name = "; ".join(f"{a.label}: {a.answer}" for a in answers[:2]) or "no shared answer"
        camps.append(
            Camp(
                id=camp_id[k],
                name=name,
                speakers=[refs[s] for s in sides[k]],
                opposes=opponents[k],
                answers=answers,
            )
        )
    return SpeakerCamps(
        camps=camps,
        unaligned=[s for s in alignment.speakers if s.id not in linked],
        links=LazyResults(links),
        frustrated=LazyResults(frustrated),
        frustration=_round(sum(abs(links.doubled[k]) for k in split.frustrated_edges) / 2),
        exact=split.exact,
    )


class _LinkRows:
    """The camp links of an alignment: each pair whose agreement and disagreement differ,
    kept as the pair's number and its doubled net; :meth:`__getitem__` builds the link."""

    def __init__(self, alignment: SpeakerAlignment) -> None:
        self.pairs = pairs = alignment.pairs
        self.speakers = [s.id for s in alignment.speakers]
        self.chosen = array("q")
        """The pair behind each link."""
        self.doubled = array("i")
        """Twice each link's agreement minus disagreement: whole, as weights are halves."""
        self.ends = array("i")
        """The two speakers of each link, by their number in ``speakers``, one after the other."""
        rows = pairs.rows
        if isinstance(rows, _PairRows):
            size = rows.size
            for k in range(len(rows)):
                net = rows.agreeing[k] - rows.disagreeing[k]
                if net:
                    self._add(k, *divmod(rows.codes[rows.starts[k]] // rows.per_pair, size), net)
        else:
            number = {s: i for i, s in enumerate(self.speakers)}
            for k, pair in enumerate(pairs):
                if pair.agreement - pair.disagreement:
                    doubled = round(2 * pair.agreement) - round(2 * pair.disagreement)
                    self._add(k, number[pair.first], number[pair.second], doubled)

    def _add(self, pair: int, first: int, second: int, doubled: int) -> None:
        self.chosen.append(pair)
        self.doubled.append(doubled)
        self.ends.extend((first, second))

    def edge(self, index: int) -> tuple[str, str, int]:
        """(first, second, doubled net) of a link: a signed edge to split."""
        ends, at = self.ends, 2 * index
        return self.speakers[ends[at]], self.speakers[ends[at + 1]], self.doubled[index]

    def __len__(self) -> int:
        return len(self.chosen)

    def __getitem__(self, index: int) -> CampLink:
        pair, doubled = self.chosen[index], self.doubled[index]
        rows = self.pairs.rows
        if isinstance(rows, _PairRows):
            first, second = rows.speakers_of(pair)
            evidence = {item for items in rows.evidence_of(pair) for item in items}
        else:
            model = self.pairs[pair]
            first, second = model.first, model.second
            evidence = {item for kind in _KINDS for item in getattr(model, kind)}
        return CampLink(
            first=first,
            second=second,
            sign=1 if doubled > 0 else -1,
            weight=_round(abs(doubled) / 2),
            evidence=sorted(evidence),
        )


class _Edges(Sequence[tuple[str, str, int]]):
    """The links as the signed edges :func:`balanced_split` reads, made when read."""

    def __init__(self, links: _LinkRows) -> None:
        self.links = links

    def __len__(self) -> int:
        return len(self.links)

    @overload
    def __getitem__(self, index: int) -> tuple[str, str, int]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, str, int]]: ...

    def __getitem__(self, index: int | slice) -> tuple[str, str, int] | list[tuple[str, str, int]]:
        if isinstance(index, slice):
            return [self.links.edge(k) for k in range(*index.indices(len(self)))]
        if not -len(self) <= index < len(self):
            raise IndexError("edge index out of range")
        return self.links.edge(index % len(self))

    def __iter__(self) -> Iterator[tuple[str, str, int]]:
        return map(self.links.edge, range(len(self)))


class _Chosen:
    """Some of the links, by their positions (the frustrated ones), built when read."""

    def __init__(self, links: _LinkRows, positions: list[int]) -> None:
        self.links = links
        self.positions = array("q", positions)

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, index: int) -> CampLink:
        return self.links[self.positions[index]]


_Leans = dict[tuple[str, str], dict[str, str]]
"""(question id, label) -> speaker id -> 'yes' | 'no' | 'mixed', from own claims."""


def _leans(stands: PositionsReport, topic: str | None) -> _Leans:
    return {
        (q.id, q.label): {p.speaker: p.lean for p in q.positions if p.basis == "own claims"}
        for q in stands.questions
        if topic is None or q.topic == topic
    }


def _camp_answers(members: list[str], leans: _Leans) -> list[CampAnswer]:
    """Answers at least half the members give (at least one) and no member contradicts."""
    found = []
    place = {s: k for k, s in enumerate(members)}
    for order, ((qid, label), by_speaker) in enumerate(leans.items()):
        if 2 * len(by_speaker) < len(members):
            continue  # fewer than half the members could give any answer
        # the members who answer it, in the camp's order: read from the few who answer
        given = dict(
            sorted(
                ((s, lean) for s, lean in by_speaker.items() if s in place),
                key=lambda item: place[item[0]],
            )
        )
        for answer in ("yes", "no"):
            agree = [s for s, lean in given.items() if lean == answer]
            against = [s for s, lean in given.items() if lean not in (answer, "mixed")]
            if agree and not against and 2 * len(agree) >= len(members):
                found.append(
                    (
                        -len(agree),
                        order,
                        CampAnswer(
                            question=qid,
                            label=label,
                            answer=answer,
                            members=agree,
                        ),
                    )
                )
    return [item for *_, item in sorted(found, key=lambda t: (t[0], t[1]))]
