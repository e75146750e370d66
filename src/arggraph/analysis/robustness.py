"""Leave one document out, recount only the questions it touches, and re-rank by events.

:func:`~arggraph.analysis.contestedness.contested_topics` checks how robust its ranking
is by leaving each document out in turn. Rerunning every position for every document
costs (documents x graph); yet a document changes only the questions whose claims it
quotes. A question's count (its voices, cruxes and documents, what its score is made
of) reads a known set of claims, its *footprint*: the claims that answer it, both
ends of each rebuttal of their answers, and the sources of the rebuttals of those
rebuttals (whether a crux is answered). :func:`leave_one_out_tallies` counts each
question once on the whole graph, then recounts it for each document its footprint
quotes, only by difference (:class:`_Counts`): when every claim of the footprint the
document quotes is quoted in that document alone (the usual case), those claims just
drop out, their part of the counts is taken out, and only the cruxes that read them
are looked at again (:meth:`_Counts.without_dropped`: dropping claims makes no crux
and answers none); otherwise the claims the document quotes are read again without it
and put their new part in (:meth:`_Counts.without`). Equal tallies score alike, so
:func:`~arggraph.analysis.contestedness.contested_topics` scores each once.

:func:`rank_moves` turns those few changed scores into every question's new ranks
without listing them all. A document that moves one question shifts the rank of every
question between its old and new place, so the runs that move some rank grow with
documents x questions (3,195 at 10k claims, 320,908 at 100k, about 33 million at 1M
in the synthetic corpora): too many to keep, and more than a reader reads. Per
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
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from math import inf
from typing import NamedTuple

from arggraph.analysis.holding import DocumentDates, Holding, holding
from arggraph.analysis.positions import CruxStatus, WholeReading
from arggraph.analysis.rebuttals import (
    attacked_answer,
    attacks_by_answering_claim,
    is_clash,
    rebuttal_in_time,
    relations_read_by_key,
)
from arggraph.analysis.signed import Signed
from arggraph.model import Answer, ArgumentGraph, Claim, Relation


class Tally(NamedTuple):
    """What a question's contestedness score is made of, in counts (a tuple: equal
    tallies score alike, so their scores are computed once)."""

    yes: int
    """Named speakers whose own claims answer yes only."""
    no: int
    mixed: int
    cruxes: int
    answered: int
    documents: int
    """Documents in which the voices answer."""


Score = tuple[bool, float]
"""(contested, score) of a question."""


class _Reading:
    """The graph's claims and relations as read with one document (or none) left out.

    Two modes, set by ``without``:

    - ``None``, the whole graph: :attr:`held` is the base's holdings, and a claim's
      answering sources come from positions' in-time rebuttals (:attr:`_whole_answering`,
      the base's ``answering``) when positions read the graph, else are read here;
    - a document id: the claims it quotes are held again without it (``_changed``), the
      others as in the base, and the answering sources are always read here, keeping
      only rebuttals whose ends are still held and that come in time without it.
    """

    def __init__(self, base: _Base, without: str | None) -> None:
        self.base = base
        quoted = base.quoted_in(without) if without is not None else ()
        # only the claims the left-out document quotes read differently
        self._changed = {c: holding(base.claims[c], without, base.groups) for c in quoted}
        self._answering: dict[str, list[str]] = {}
        self._whole_answering = base.answering if without is None else None
        """Positions' in-time rebuttals of a claim on the whole graph, when this reads
        the whole graph and positions read it; None otherwise."""
        self.held: Callable[[str], Holding | None] = (
            self._held_without if self._changed else base.held.__getitem__
        )
        """The claim without the left-out document's quotes, None if it drops out."""

    def _held_without(self, claim_id: str) -> Holding | None:
        changed = self._changed
        return changed[claim_id] if claim_id in changed else self.base.held[claim_id]

    def kept(self, rel: Signed) -> bool:
        return self.held(rel.source) is not None and self.held(rel.target) is not None

    def answered(self, claim_id: str) -> bool:
        """Whether a kept rebuttal from a document not older than the claim's rebuts it."""
        return bool(self.answering_sources(claim_id))

    def answering_sources(self, claim_id: str) -> list[str]:
        """The sources of the kept rebuttals of the claim that are in time: it is
        answered while one of them is (what dropping claims can take away)."""
        found = self._answering.get(claim_id)
        if found is None:
            base = self.base
            if self._whole_answering is not None:  # positions read them on the whole graph
                found = [r.source for r in self._whole_answering(claim_id)]
            else:
                found = [
                    r.source
                    for r in base.rebuttals_into.get(claim_id, ())
                    if self.kept(r) and rebuttal_in_time(r, base.by_key, base.dates, self.held)
                ]
            self._answering[claim_id] = found
        return found

    def crux_status(self, claim_id: str, rel: Signed, answers: Mapping[str, Answer]) -> CruxStatus:
        """Whether ``rel`` (listed under the answering ``claim_id``) is a crux, and an
        answered one."""
        crux = self._is_crux(rel, answers)
        return crux, crux and self.answered(rel.source)

    def _is_crux(self, rel: Signed, answers: Mapping[str, Answer]) -> bool:
        held = self.held
        source = held(rel.source)
        if source is None or held(rel.target) is None:  # not kept
            return False
        at = attacked_answer(rel, answers, self.base.by_key)
        if at is None:
            return False
        target = held(at[0])
        if target is None:
            return False
        return is_clash(answers.get(rel.source), at[1], source, target)


_YES, _NO = 0, 1


def _side(given: list[int]) -> int:
    """0 no answer, 1 yes only, 2 no only, 3 both ways (mixed)."""
    return (given[_YES] > 0) | (given[_NO] > 0) << 1


@dataclass
class _Counts:
    """A question's counts on the whole graph, kept apart by what each claim adds.

    A document left out changes a few claims of a footprint. Instead of recounting it
    all, :meth:`without_dropped` takes out the part of claims that drop (quoted in that
    document alone) and looks again only at the cruxes that read them; :meth:`without`
    takes the changed claims' old part out and puts their new part in.
    """

    answers: dict[str, Answer]
    given: dict[str, list[int]]
    """Named speaker -> [claims answering yes, claims answering no]."""
    documents: dict[str, int]
    """Document -> voices' quotes in it."""
    sides: list[int]
    """Speakers by :func:`_side`."""
    rels: list[tuple[str, Signed]]
    """(answering claim, rebuttal of its answer)."""
    status: list[CruxStatus]
    """(a crux, an answered crux) per rebuttal."""
    depends: dict[str, list[int]]
    """Claim -> the rebuttals whose status reads it."""
    cruxes: int = 0
    """Cruxes on the whole graph (the ``status`` that are cruxes)."""
    answered: int = 0

    @classmethod
    def of(
        cls, reading: _Reading, question: str, status: list[CruxStatus] | None = None
    ) -> _Counts:
        """The question's counts in ``reading``; ``status`` (of every rebuttal, in the
        order read here) when positions found them already.

        ``status`` is paired with the rebuttals read here by position only, so its length
        is checked. It is the list of positions' :class:`WholeReading` itself, kept as
        ``self.status``: shared, never to be mutated.
        """
        base = reading.base
        answers = dict(base.answers.get(question, {}))
        given: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        documents: dict[str, int] = defaultdict(int)
        held = reading.held
        for claim_id, answer in answers.items():
            cls._add(held(claim_id), answer, 1, given, documents)
        sides = [0] * 4
        for counted in given.values():
            sides[_side(counted)] += 1
        rels: list[tuple[str, Signed]] = []
        known = status is not None
        status = status if status is not None else []
        depends: dict[str, list[int]] = defaultdict(list)
        attacks_at, rebuttals_into = base.attacks_at, base.rebuttals_into
        for claim_id in answers:
            for rel in attacks_at.get(claim_id, ()):
                k = len(rels)
                rels.append((claim_id, rel))
                if not known:
                    status.append(reading.crux_status(claim_id, rel, answers))
                source, target = rel.source, rel.target
                depends[claim_id].append(k)
                if source != claim_id:
                    depends[source].append(k)
                if target != claim_id and target != source:
                    depends[target].append(k)
                for answer_rel in rebuttals_into.get(source, ()):
                    depends[answer_rel.source].append(k)
        if len(status) != len(rels):
            raise RuntimeError(
                f"internal error: question {question!r} has {len(rels)} rebuttals"
                f" but positions gave {len(status)} crux statuses"
            )
        cruxes = sum(crux for crux, _ in status)
        answered = sum(done for _, done in status)
        return cls(answers, given, documents, sides, rels, status, depends, cruxes, answered)

    @staticmethod
    def _add(
        held: Holding | None,
        answer: Answer,
        sign: int,
        given: dict[str, list[int]],
        documents: dict[str, int],
    ) -> None:
        if held is None:
            return
        which = _YES if answer == "yes" else _NO
        for speaker in held.named:
            given[speaker][which] += sign
        named = set(held.named)
        for a in held.attributions:
            if a.speaker in named:
                documents[a.document] += sign

    def quoted_by_document(self, base: _Base) -> tuple[dict[str, list[str]], set[str]]:
        """Document -> the claims of this question's footprint it quotes, and the
        documents among them that quote one of these claims beside another document."""
        found: dict[str, list[str]] = defaultdict(list)
        shared: set[str] = set()
        only_in, documents_of = base.only_in, base.documents_of
        for claim_id in self.answers.keys() | self.depends.keys():
            document = only_in.get(claim_id)
            if document is not None:
                found[document].append(claim_id)
                continue
            for document in documents_of.get(claim_id, ()):
                found[document].append(claim_id)
                shared.add(document)
        return found, shared

    def without_dropped(self, whole: _Reading, document: str, gone: list[str]) -> Tally:
        """The tally with ``document`` left out when each of its claims here drops out
        (it is quoted in that document alone): the common case, read without holdings.

        Dropping claims makes no crux and answers none: only the cruxes that read a
        dropped claim are looked at again, and only by which claims drop. ``whole`` must
        be the whole graph's reading (nothing left out): the dropped claims' holdings
        and the answers of the cruxes are read there, as they were before the drop.
        """
        answers, given, held = self.answers, self.given, whole.base.held
        touched: dict[str, list[int]] = {}
        voices = 0
        for claim_id in gone:
            answer = answers.get(claim_id)
            if answer is None:
                continue
            holding = held[claim_id]
            if holding is None:
                continue
            which = _YES if answer == "yes" else _NO
            for speaker in holding.named:
                now = touched.get(speaker)
                if now is None:
                    now = touched[speaker] = list(given[speaker])
                now[which] -= 1
            voices += _voices(holding)
        sides = self.sides
        if touched:
            sides = list(sides)
            for speaker, now in touched.items():
                sides[_side(given[speaker])] -= 1
                sides[_side(now)] += 1
        voiced = len(self.documents)
        if voices and self.documents.get(document) == voices:
            voiced -= 1
        cruxes, answered = self.cruxes, self.answered
        dropped = set(gone)
        for k in {k for c in gone for k in self.depends.get(c, ())}:
            crux, done = self.status[k]
            if not crux:
                continue
            claim_id, rel = self.rels[k]
            if claim_id in dropped or rel.source in dropped or rel.target in dropped:
                cruxes -= 1
                answered -= done
            elif done and dropped.issuperset(whole.answering_sources(rel.source)):
                answered -= 1
        return Tally(sides[1], sides[2], sides[3], cruxes, answered, voiced)

    def without(self, reading: _Reading, changed: list[str]) -> Tally:
        """The tally with ``reading``'s document left out, whose claims here are ``changed``."""
        base = reading.base
        given: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        documents: dict[str, int] = defaultdict(int)
        answers = self.answers
        for claim_id in changed:
            if claim_id in self.answers:
                answer = self.answers[claim_id]
                self._add(base.held[claim_id], answer, -1, given, documents)
                self._add(reading.held(claim_id), answer, 1, given, documents)
                if reading.held(claim_id) is None:
                    if answers is self.answers:
                        answers = dict(self.answers)
                    del answers[claim_id]
        sides = list(self.sides)
        for speaker, delta in given.items():
            old = self.given.get(speaker, [0, 0])
            sides[_side(old)] -= 1
            sides[_side([old[0] + delta[0], old[1] + delta[1]])] += 1
        voiced = len(self.documents)
        for document, change in documents.items():
            before = self.documents.get(document, 0)
            voiced += (before + change > 0) - (before > 0)
        cruxes, answered = self.cruxes, self.answered
        for k in {k for c in changed for k in self.depends.get(c, ())}:
            claim_id, rel = self.rels[k]
            crux, done = (
                reading.crux_status(claim_id, rel, answers)
                if claim_id in answers
                else (False, False)
            )
            cruxes += crux - self.status[k][0]
            answered += done - self.status[k][1]
        return Tally(sides[1], sides[2], sides[3], cruxes, answered, voiced)


def _voices(held: Holding) -> int:
    """The claim's quotes by its named holders: what it adds to its documents' voices."""
    if len(held.attributions) == 1:
        return 1 if held.named else 0
    named = set(held.named)
    return sum(1 for a in held.attributions if a.speaker in named)


@dataclass
class _Base:
    """The whole graph, read once: what every leave-one-out run looks up."""

    claims: dict[str, Claim]
    groups: dict[str, bool]
    held: Mapping[str, Holding | None]
    by_key: dict[str, Relation]
    dates: DocumentDates
    answers: dict[str, dict[str, Answer]]
    attacks_at: dict[str, list[Signed]]
    rebuttals_into: dict[str, list[Signed]]
    only_in: dict[str, str]
    """Claim id -> the one document that quotes it, for claims quoted in one only:
    leaving that document out drops the claim."""
    documents_of: dict[str, tuple[str, ...]]
    """Claim id -> the documents that quote it (each once), for claims quoted in more."""
    answering: Callable[[str], list[Signed]] | None = None
    """The rebuttals of a claim in time on the whole graph, when positions read them."""
    crux_status: Mapping[str, list[CruxStatus]] = field(default_factory=dict)
    """Question id -> its crux statuses on the whole graph, when positions found them."""
    _quoted: dict[str, list[str]] | None = None

    @classmethod
    def of(
        cls, graph: ArgumentGraph, signed: Sequence[Signed], whole: WholeReading | None = None
    ) -> _Base:
        """Read the graph, or take what positions read of it (``whole``) as it is."""
        only_in, documents_of = _quoting(graph)
        rebuttals_into: dict[str, list[Signed]] = defaultdict(list)
        for rel in signed:
            if rel.sign < 0:
                rebuttals_into[rel.target].append(rel)
        if whole is not None:
            return cls(
                claims=whole.claims,
                groups=whole.groups,
                held=whole.held,
                by_key=whole.by_key,
                dates=whole.dates,
                answers=whole.answers,
                attacks_at=whole.attacks_at,
                rebuttals_into=rebuttals_into,
                only_in=only_in,
                documents_of=documents_of,
                answering=whole.answering,
                crux_status=whole.crux_status,
            )
        claims = {c.id: c for c in graph.claims}
        groups = {s.id: s.kind == "group" for s in graph.speakers}
        by_key = relations_read_by_key(graph, signed)
        answers: dict[str, dict[str, Answer]] = defaultdict(dict)
        held: dict[str, Holding | None] = {}
        for claim in graph.claims:
            held[claim.id] = holding(claim, None, groups)
            for question, answer in claim.stances.items():
                answers[question][claim.id] = answer
        return cls(
            claims=claims,
            groups=groups,
            held=held,
            by_key=by_key,
            dates=DocumentDates({d.id: d.date for d in graph.documents}),
            answers=answers,
            attacks_at=attacks_by_answering_claim(signed, by_key, claims),
            rebuttals_into=rebuttals_into,
            only_in=only_in,
            documents_of=documents_of,
        )

    def quoted_in(self, document: str) -> list[str]:
        """The claims the document quotes, listed for every document the first time a
        run reads its claims again (a run that only drops claims does not ask)."""
        if self._quoted is None:
            self._quoted = defaultdict(list)
            for claim_id, only in self.only_in.items():
                self._quoted[only].append(claim_id)
            for claim_id, found in self.documents_of.items():
                for quoting in found:
                    self._quoted[quoting].append(claim_id)
        return self._quoted.get(document, [])


def _quoting(graph: ArgumentGraph) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """:attr:`_Base.only_in` and :attr:`_Base.documents_of`: which documents quote each claim."""
    documents_of: dict[str, tuple[str, ...]] = {}
    only_in: dict[str, str] = {}
    for claim in graph.claims:
        attributions = claim.attributions
        if len(attributions) == 1:
            only_in[claim.id] = attributions[0].document
        elif attributions:
            quoting = tuple(dict.fromkeys(a.document for a in attributions))
            if len(quoting) == 1:
                only_in[claim.id] = quoting[0]
            else:
                documents_of[claim.id] = quoting
    return only_in, documents_of


def leave_one_out_tallies(
    graph: ArgumentGraph, signed: Sequence[Signed], *, whole: WholeReading | None = None
) -> Iterator[tuple[str, dict[str, Tally]]]:
    """Every document in file order, with the tallies of the questions it touches without it.

    Questions it does not touch keep their tallies from the whole graph. Each question
    is counted once on the whole graph, then once per document that quotes a claim of
    its footprint; a document whose claims there are quoted in it alone only drops them
    (:meth:`_Counts.without_dropped`), other documents are read again
    (:meth:`_Counts.without`). The work goes question by question, so every tally is
    computed before the first document is yielded: all of them are held at once, one
    dict entry per (document, question it touches) pair (equal tallies share one
    object), and the iterator only hands them out in file order. ``whole``: what
    :func:`~arggraph.analysis.positions.positions_and_reading` read of the same graph
    and ``signed`` (holdings, answers, rebuttals, crux statuses), taken as it is.
    """
    base = _Base.of(graph, signed, whole)
    everything = _Reading(base, None)
    readings: dict[str, _Reading] = {}
    found: dict[str, dict[str, Tally]] = {d.id: {} for d in graph.documents}
    same: dict[Tally, Tally] = {}  # every run is held until the last: equal tallies shared
    for question in sorted(base.answers):
        counts = _Counts.of(everything, question, base.crux_status.get(question))
        quoting, shared = counts.quoted_by_document(base)
        for document, changed in quoting.items():
            if document not in shared:
                tally = counts.without_dropped(everything, document, changed)
            else:
                reading = readings.get(document)
                if reading is None:
                    reading = readings[document] = _Reading(base, document)
                tally = counts.without(reading, changed)
            found[document][question] = same.setdefault(tally, tally)
    for left_out in graph.documents:
        yield left_out.id, found[left_out.id]


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
