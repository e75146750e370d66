"""Rank every question again in each leave-one-document-out run, keeping what a reader reads.

:func:`rank_moves` turns the few scores each run changes into every question's new
ranks without listing them all. A document that moves one question shifts the rank of
every question between its old and new place, so the runs that move some rank grow
with documents x questions (3,195 at 10k claims, 320,908 at 100k, about 33 million at
1M in the synthetic corpora): too many to keep, and more than a reader reads. Per
question it keeps exactly what :class:`~arggraph.analysis.contestedness.Robustness`
reports and the pages say, and a bounded sample of the rest (:class:`KeptMoves`):

- how many runs move the rank (all of them counted);
- every run that drops a contested question out of the ranking (rank 0): the
  documents its contest rests on, which a reader needs by name. A document can only
  drop a question it quotes, so these are at most the question's footprint;
- the :data:`KEPT_MOVES` runs that give it its best ranks and the :data:`KEPT_MOVES`
  that give it its worst (ties: the earlier document), so the range of ranks is exact.

A run shifts the questions it does not recount in a few ranges of positions by a
constant (one more ahead, one fewer) (:func:`_shifted`). Each range is counted in a
difference array, and offered to the best and worst shifts kept per position
(:class:`_Shifts`): runs come in order, so a later run ties no kept shift, and one
``max``/``min`` over the range's slice of kept bars tells whether any position in it
needs a look. Memory grows with the questions, and Python-level work with the
questions recounted and the shifts kept, not with documents x questions.

The scores come from :func:`~arggraph.analysis.robustness.leave_one_out_tallies`, via
:func:`~arggraph.analysis.contestedness.contested_topics`.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from math import inf

Score = tuple[bool, float]
"""(contested, score) of a question."""

KEPT_MOVES = 3
"""Runs kept per question for its best ranks, and as many for its worst (see the module)."""


@dataclass(slots=True)
class KeptMoves:
    """The runs that move one question's rank: all counted, the telling ones kept."""

    moved: int = 0
    """Runs in which the rank differs from the whole graph's."""
    dropped: list[int] = field(default_factory=list)
    """Runs (by document index) that leave the question uncontested."""
    best: list[tuple[int, int]] = field(default_factory=list)
    """Up to :data:`KEPT_MOVES` (rank, run) pairs with the best ranks, a heap of negatives."""
    worst: list[tuple[int, int]] = field(default_factory=list)
    """Up to :data:`KEPT_MOVES` (-rank, run) pairs with the worst ranks, a heap of negatives."""

    def kept(self) -> list[tuple[int, int]]:
        """(run, rank) of every kept move, in run (document) order."""
        kept = dict.fromkeys(self.dropped, 0)
        kept.update((-run, -rank) for rank, run in self.best)
        kept.update((-run, rank) for rank, run in self.worst)
        return sorted(kept.items())


def rank_moves(
    base: Mapping[str, Score],
    runs: Iterable[tuple[str, dict[str, Score]]],
) -> dict[str, KeptMoves]:
    """Question id -> the runs that move its rank, counted and kept as the module says.

    ``base`` holds every question's (contested, score) on the whole graph; each run
    (numbered in the order given, from 0) gives only the questions whose score may have
    changed. A question's rank is 1 + the number of questions ahead of it (higher score,
    then smaller id), or 0 when it is not contested. Questions that no run moves are
    left out.

    Assumes every uncontested question scores 0.0 and every contested one more (as
    :func:`~arggraph.analysis.contestedness.score_counts` makes them), in ``base`` and in
    every run: the contested questions are then exactly the first ``contested`` places
    of the order, and only those places are ranked.
    """
    order = sorted(base, key=lambda q: _key(q, base[q]))
    ranking = _Ranking(order, [-base[q][1] for q in order])
    position = {q: p for p, q in enumerate(order)}
    contested = sum(1 for q in order if base[q][0])
    base_rank = {q: (p + 1 if p < contested else 0) for p, q in enumerate(order)}
    recounted: dict[str, list[tuple[int, int]]] = defaultdict(list)
    shifts = _Shifts(contested)
    for run, (_, changed) in enumerate(runs):
        removed = sorted([position[q] for q in changed])
        inserted = []
        for ahead, (negative, q) in enumerate(sorted([(-s[1], q) for q, s in changed.items()])):
            at = ranking.insertion(negative, q)
            inserted.append(at)
            rank = 1 + at - bisect_left(removed, at) + ahead if changed[q][0] else 0
            if rank != base_rank[q]:
                recounted[q].append((run, rank))
        for start, end, shift in _shifted(removed, sorted(inserted), contested):
            shifts.add(start, end, shift, run)
    swept = {
        order[p]: (moved, [(run, p + 1 + shift) for shift, run in extremes])
        for p, moved, extremes in shifts.swept()
    }
    return {
        q: _kept_of(*swept.get(q, (0, [])), recounted.get(q, []))
        for q in order
        if q in recounted or q in swept
    }


@dataclass(frozen=True, slots=True)
class _Ranking:
    """The whole graph's questions from first to last, to place a new score among them."""

    order: list[str]
    negative: list[float]
    """Minus each one's score (ascending)."""

    def insertion(self, negative: float, question: str) -> int:
        """How many questions rank ahead of ``question`` scored ``-negative`` (ties: ids)."""
        scores = self.negative
        low = bisect_left(scores, negative)
        if low == len(scores) or scores[low] != negative:
            return low
        return bisect_left(self.order, question, low, bisect_right(scores, negative, low))


def _kept_of(
    shifted_runs: int, shifted: list[tuple[int, int]], recounted: list[tuple[int, int]]
) -> KeptMoves:
    """The moves of a question: its recounted runs' (run, rank) moves, in run order, and
    the runs that only shift it (counted, and the (run, rank) of their extremes)."""
    summary = KeptMoves(moved=shifted_runs + len(recounted))
    summary.dropped = [run for run, rank in recounted if rank == 0]
    ranked = [(rank, run) for run, rank in recounted if rank] + [
        (rank, run) for run, rank in shifted
    ]
    if ranked:
        summary.best = [(-rank, -run) for rank, run in sorted(ranked)[:KEPT_MOVES]]
        worst = sorted([(-rank, run) for rank, run in ranked])[:KEPT_MOVES]
        summary.worst = [(-negative, -run) for negative, run in worst]
        heapq.heapify(summary.best)
        heapq.heapify(summary.worst)
    return summary


def _key(question: str, score: Score) -> tuple[float, str]:
    return -score[1], question


def _shifted(
    removed: Sequence[int], inserted: Sequence[int], limit: int
) -> Iterator[tuple[int, int, int]]:
    """(start, end, shift): base positions in [start, end) below ``limit``, none of them
    recounted (``removed``, sorted), whose rank shifts by ``shift`` in this run.

    A question taken out at position r moves everything after it up one; a question
    put back before position j (``inserted``, sorted) moves j and everything after it
    down one.
    """
    at = shift = i = k = 0
    n_inserted, n_removed = len(inserted), len(removed)
    while at < limit:
        next_in = inserted[i] if i < n_inserted else limit
        next_out = removed[k] if k < n_removed else limit
        cut = min(next_in, next_out, limit)
        if shift and at < cut:
            yield at, cut, shift
        if cut == limit:
            return
        while i < n_inserted and inserted[i] == cut:
            shift += 1
            i += 1
        at = cut
        if next_out == cut:  # the recounted position is ranked by its own score
            shift -= 1
            k += 1
            at = cut + 1


class _Shifts:
    """Per base position: how many runs shift its rank, and the shifts behind its best
    and worst ranks.

    A run shifts a few ranges of positions by a constant each (:func:`_shifted`). Runs
    come in order, so a later run ties no kept shift (earlier documents first): a shift
    is kept only if it beats the :data:`KEPT_MOVES` kept ones, and the bars to beat are
    read for a whole range at once (``max``/``min`` of a slice), so a range of
    positions none of which it beats costs no Python loop.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.covering = [0] * (limit + 1)
        """Ranges starting here minus ranges ending here."""
        self.low: list[list[tuple[int, int]]] = [[] for _ in range(limit)]
        """(shift, run) of the smallest shifts, sorted."""
        self.high: list[list[tuple[int, int]]] = [[] for _ in range(limit)]
        """(-shift, run) of the largest shifts, sorted."""
        self.below: list[float] = [inf] * limit
        """A shift kept in ``low`` must be below this."""
        self.above: list[float] = [-inf] * limit
        """A shift kept in ``high`` must be above this."""

    def add(self, start: int, end: int, shift: int, run: int) -> None:
        self.covering[start] += 1
        self.covering[end] -= 1
        below, above = self.below, self.above
        if shift < max(below[start:end]):
            for p in range(start, end):
                if shift < below[p]:
                    below[p] = _kept_bar(self.low[p], (shift, run))
        if shift > min(above[start:end]):
            for p in range(start, end):
                if shift > above[p]:
                    above[p] = -_kept_bar(self.high[p], (-shift, run))

    def swept(self) -> Iterator[tuple[int, int, list[tuple[int, int]]]]:
        """(position, runs that shift it, the (shift, run) of its best and worst shifts)."""
        active = 0
        for p in range(self.limit):
            active += self.covering[p]
            if active:
                best = self.low[p]
                worst = [(-shift, run) for shift, run in self.high[p]]
                yield p, active, list(dict.fromkeys(best + worst))  # a run can be both


def _kept_bar(kept: list[tuple[int, int]], key: tuple[int, int]) -> float:
    """Keep ``key`` among the :data:`KEPT_MOVES` smallest in ``kept``; return the value a
    later key must be below to be kept."""
    insort(kept, key)
    del kept[KEPT_MOVES:]
    return kept[-1][0] if len(kept) == KEPT_MOVES else inf
