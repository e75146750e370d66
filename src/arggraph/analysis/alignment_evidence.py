"""What :func:`~arggraph.analysis.alignment.speaker_alignment` returns, and the compact
evidence its pairs are built from when read.

At corpus scale alignment finds millions of speaker pairs, each with lists of relation
keys and claim ids; as models they would not fit in memory. So every item of evidence
is one integer, ``((pair * KIND_COUNT + kind) * items + item)`` (pair from the two
speakers' numbers, item a claim's or relation's place in the graph): :class:`Evidence`
collects them under a budget, :class:`PairRows` keeps them sorted into runs, one per
pair, and builds each :class:`AlignmentPair` when read. The counting itself (which
relation or claim is evidence of what) is :mod:`arggraph.analysis.alignment`.

Example
-------
>>> evidence = Evidence(10, ["heim", "mcbride"], ["c1", "c2"], ["r1"])
>>> evidence.add(0, 1, SHARED, 1)
>>> evidence.add(1, 0, REBUTS, 0)
>>> pair = evidence.pairs()[0]
>>> pair.shared_claims, pair.rebuts, pair.score
(['c2'], ['r1'], 0.0)
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, MutableSequence, Set

from pydantic import Field

from arggraph.analysis.lazy_results import LazyResults
from arggraph.analysis.results import Result, SpeakerRef, counted, round_score
from arggraph.errors import AnalysisError


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
        if isinstance(rows, PairRows):
            ids, agreeing, disagreeing = rows.speakers, rows.agreeing, rows.disagreeing
            for k, (first, second) in enumerate(rows.numbers(range(len(rows)))):
                yield ids[first], ids[second], (agreeing[k] + disagreeing[k]) / 2
        else:
            for pair in self.pairs:
                yield pair.first, pair.second, pair.agreement + pair.disagreement

    def pairs_among(self, speakers: Set[str]) -> list[AlignmentPair]:
        """The pairs of two of ``speakers``, in ``pairs`` order; only those are built."""
        rows = self.pairs.rows
        if not isinstance(rows, PairRows):
            return [p for p in self.pairs if p.first in speakers and p.second in speakers]
        ids = rows.speakers
        return [
            rows[k]
            for k, (first, second) in enumerate(rows.numbers(range(len(rows))))
            if ids[first] in speakers and ids[second] in speakers
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


SUPPORTS, REBUTS, SHARED, SAME, OPPOSITE = range(5)
"""The evidence kinds, as numbered in :data:`KINDS`; the first two name relations."""
KINDS = ("supports", "rebuts", "shared_claims", "same_side_of", "opposite_sides_of")
"""The :class:`AlignmentPair` field that lists each kind's evidence."""
KIND_COUNT = 5
_AGREEING = (2, 0, 2, 1, 0)
"""Twice each kind's weight in agreement (whole numbers: weights are halves)."""
_DISAGREEING = (0, 2, 0, 0, 1)


class Evidence:
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
        self.codes: MutableSequence[int] = _codes(self.size**2 * KIND_COUNT * self.items)

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
        self.codes.append((key * KIND_COUNT + kind) * self.items + item)

    def pairs(self) -> PairRows:
        """Every pair with evidence, in speaker order, each item once."""
        ordered = sorted(self.codes)
        self.codes = _codes(0)
        codes = _codes(len(ordered) and ordered[-1])
        starts = array("q")
        agreeing, disagreeing = array("i"), array("i")  # small counts: 4 bytes each
        per_pair = KIND_COUNT * self.items
        last, last_key = -1, -1
        for code in ordered:
            if code == last:
                continue  # the same relation or claim counted again for a pair
            last = code
            key, kind = divmod(code // self.items, KIND_COUNT)
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
        return PairRows(self, codes, starts, agreeing, disagreeing, per_pair)


def _codes(largest: int) -> MutableSequence[int]:
    """A compact array for evidence codes up to ``largest`` (a list beyond 64 bits)."""
    return array("q") if largest < 2**63 else []


class PairRows:
    """Each pair's evidence as a run of sorted codes; :meth:`__getitem__` builds its model."""

    def __init__(
        self,
        evidence: Evidence,
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

    def numbers(self, pairs: Iterable[int]) -> Iterator[tuple[int, int]]:
        """Each of ``pairs``' (first, second) speakers, by their number in ``speakers``.

        The one place a pair's code is read back as its speakers; a generator, so that
        reading every pair costs no call per pair.
        """
        codes, starts, per_pair, size = self.codes, self.starts, self.per_pair, self.size
        for index in pairs:
            yield divmod(codes[starts[index]] // per_pair, size)

    def speakers_of(self, index: int) -> tuple[str, str]:
        """The pair's (first, second) speaker ids."""
        ((first, second),) = self.numbers((index,))
        return self.speakers[first], self.speakers[second]

    def evidence_of(self, index: int) -> tuple[list[str], ...]:
        """The pair's relation keys and claim ids, one sorted list per kind."""
        found: tuple[list[str], ...] = ([], [], [], [], [])
        for k in range(self.starts[index], self.starts[index + 1]):
            rest, item = divmod(self.codes[k], self.items)
            kind = rest % KIND_COUNT
            found[kind].append(self.relations[item] if kind <= REBUTS else self.claims[item])
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
        score=round_score(score),
        supports=supports,
        rebuts=rebuts,
        shared_claims=shared,
        same_side_of=same,
        opposite_sides_of=opposite,
    )


__all__ = [
    "KINDS",
    "KIND_COUNT",
    "OPPOSITE",
    "REBUTS",
    "SAME",
    "SHARED",
    "SUPPORTS",
    "AlignmentPair",
    "Evidence",
    "PairRows",
    "SpeakerAlignment",
]
