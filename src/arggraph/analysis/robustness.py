"""Leave one document out, recount only the questions it touches, and re-rank by events.

:func:`~arggraph.analysis.contestedness.contested_topics` checks how robust its ranking
is by leaving each document out in turn. Rerunning every position for every document
costs (documents x graph); yet a document changes only the questions whose claims it
quotes. A question's count (its voices, cruxes and documents, what its score is made
of) reads a known set of claims, its *footprint*: the claims that answer it, both
ends of each rebuttal of their answers, and the sources of the rebuttals of those
rebuttals (whether a crux is answered). :func:`leave_one_out_tallies` recounts, per
document, only the questions whose footprint it quotes, and only by difference: the
claims it quotes take their old part of the counts out and put their new part in
(:class:`_Counts`), and only the rebuttals that read them are judged again.
:func:`rank_moves` turns
those few changed scores into every question's new rank in time proportional to
what moves, not to the number of questions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from arggraph.analysis.holding import DocumentDates, Holding, holding
from arggraph.analysis.positions import (
    attacked_answer,
    attacks_by_answering_claim,
    is_clash,
    rebuttal_in_time,
)
from arggraph.analysis.signed import Signed
from arggraph.model import Answer, ArgumentGraph, Claim, Relation


@dataclass(frozen=True, slots=True)
class Tally:
    """What a question's contestedness score is made of, in counts."""

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
    """The graph's claims and relations as read with one document (or none) left out."""

    def __init__(self, base: _Base, without: str | None) -> None:
        self.base = base
        quoted = base.quoted_in.get(without, set()) if without is not None else set()
        # only the claims the left-out document quotes read differently
        self._changed = {c: holding(base.claims[c], without, base.groups) for c in quoted}
        self._answered: dict[str, bool] = {}

    def held(self, claim_id: str) -> Holding | None:
        """The claim without the left-out document's quotes, None if it drops out."""
        changed = self._changed
        return changed[claim_id] if claim_id in changed else self.base.held[claim_id]

    def kept(self, rel: Signed) -> bool:
        return self.held(rel.source) is not None and self.held(rel.target) is not None

    def answered(self, claim_id: str) -> bool:
        """Whether a kept rebuttal from a document not older than the claim's rebuts it."""
        found = self._answered.get(claim_id)
        if found is None:
            base = self.base
            found = self._answered[claim_id] = any(
                self.kept(r) and rebuttal_in_time(r, base.by_key, base.dates, self.held)
                for r in base.rebuttals_into.get(claim_id, ())
            )
        return found

    def crux_status(
        self, claim_id: str, rel: Signed, answers: Mapping[str, Answer]
    ) -> tuple[bool, bool]:
        """Whether ``rel`` (listed under the answering ``claim_id``) is a crux, and an
        answered one."""
        crux = self._is_crux(rel, answers)
        return crux, crux and self.answered(rel.source)

    def _is_crux(self, rel: Signed, answers: Mapping[str, Answer]) -> bool:
        if not self.kept(rel):
            return False
        at = attacked_answer(rel, answers, self.base.by_key)
        if at is None:
            return False
        source, target = self.held(rel.source), self.held(at[0])
        if source is None or target is None:
            return False
        return is_clash(answers.get(rel.source), at[1], source, target)


_YES, _NO = 0, 1


def _side(given: list[int]) -> int:
    """0 no answer, 1 yes only, 2 no only, 3 both ways (mixed)."""
    return (given[_YES] > 0) | (given[_NO] > 0) << 1


@dataclass
class _Counts:
    """A question's counts on the whole graph, kept apart by what each claim adds.

    A document left out changes a few claims of a footprint; :meth:`without` takes
    their old part out and puts their new part in, instead of recounting it all.
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
    status: list[tuple[bool, bool]]
    """(a crux, an answered crux) per rebuttal."""
    depends: dict[str, list[int]]
    """Claim -> the rebuttals whose status reads it."""

    @classmethod
    def of(cls, reading: _Reading, question: str) -> _Counts:
        base = reading.base
        answers = dict(base.answers.get(question, {}))
        counts = cls(answers, defaultdict(lambda: [0, 0]), defaultdict(int), [0] * 4, [], [], {})
        for claim_id, answer in answers.items():
            counts._add(reading.held(claim_id), answer, 1, counts.given, counts.documents)
        for given in counts.given.values():
            counts.sides[_side(given)] += 1
        depends: dict[str, list[int]] = defaultdict(list)
        for claim_id in answers:
            for rel in base.attacks_at.get(claim_id, ()):
                k = len(counts.rels)
                counts.rels.append((claim_id, rel))
                counts.status.append(reading.crux_status(claim_id, rel, answers))
                for c in {claim_id, rel.source, rel.target}:
                    depends[c].append(k)
                for answer_rel in base.rebuttals_into.get(rel.source, ()):
                    depends[answer_rel.source].append(k)
        counts.depends = depends
        return counts

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
        cruxes = sum(crux for crux, _ in self.status)
        answered = sum(done for _, done in self.status)
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


@dataclass
class _Base:
    """The whole graph, read once: what every leave-one-out run looks up."""

    claims: dict[str, Claim]
    groups: dict[str, bool]
    held: dict[str, Holding | None]
    by_key: dict[str, Relation]
    dates: DocumentDates
    answers: dict[str, dict[str, Answer]]
    attacks_at: dict[str, list[Signed]]
    rebuttals_into: dict[str, list[Signed]]
    quoted_in: dict[str, set[str]]
    """Document id -> the claims it quotes."""

    @classmethod
    def of(cls, graph: ArgumentGraph, signed: Sequence[Signed]) -> _Base:
        claims = {c.id: c for c in graph.claims}
        groups = {s.id: s.kind == "group" for s in graph.speakers}
        by_key = {r.key: r for r in graph.relations}
        answers: dict[str, dict[str, Answer]] = defaultdict(dict)
        quoted_in: dict[str, set[str]] = defaultdict(set)
        for claim in graph.claims:
            for question, answer in claim.stances.items():
                answers[question][claim.id] = answer
            for a in claim.attributions:
                quoted_in[a.document].add(claim.id)
        rebuttals_into: dict[str, list[Signed]] = defaultdict(list)
        for rel in signed:
            if rel.sign < 0:
                rebuttals_into[rel.target].append(rel)
        return cls(
            claims=claims,
            groups=groups,
            held={c.id: holding(c, None, groups) for c in graph.claims},
            by_key=by_key,
            dates=DocumentDates({d.id: d.date for d in graph.documents}),
            answers=answers,
            attacks_at=attacks_by_answering_claim(signed, by_key, claims),
            rebuttals_into=rebuttals_into,
            quoted_in=quoted_in,
        )

    def footprints(self) -> dict[str, set[str]]:
        """Claim id -> the questions whose count reads it (see the module's docs)."""
        readers: dict[str, set[str]] = defaultdict(set)
        for question, answers in self.answers.items():
            for claim_id in answers:
                readers[claim_id].add(question)
                for rel in self.attacks_at.get(claim_id, ()):
                    readers[rel.source].add(question)
                    readers[rel.target].add(question)
                    for answer in self.rebuttals_into.get(rel.source, ()):
                        readers[answer.source].add(question)
        return readers


def leave_one_out_tallies(
    graph: ArgumentGraph, signed: Sequence[Signed]
) -> Iterator[tuple[str, dict[str, Tally]]]:
    """For each document in file order: the tallies of the questions it touches, without it.

    Questions it does not touch keep their tallies from the whole graph.
    """
    base = _Base.of(graph, signed)
    readers = base.footprints()
    whole = _Reading(base, None)
    counts: dict[str, _Counts] = {}
    for document in graph.documents:
        changed: dict[str, list[str]] = defaultdict(list)
        for claim_id in base.quoted_in.get(document.id, ()):
            for question in readers.get(claim_id, ()):
                changed[question].append(claim_id)
        reading = _Reading(base, document.id)
        tallies = {}
        for question in sorted(changed):
            if question not in counts:
                counts[question] = _Counts.of(whole, question)
            tallies[question] = counts[question].without(reading, changed[question])
        yield document.id, tallies


def rank_moves(
    base: Mapping[str, Score],
    runs: Iterator[tuple[str, dict[str, Score]]],
) -> dict[str, list[tuple[str, int]]]:
    """Question id -> (document, rank without it) for every run in which its rank differs.

    ``base`` holds every question's (contested, score) on the whole graph; each run
    gives only the questions whose score may have changed. A question's rank is
    1 + the number of questions ahead of it (higher score, then smaller id), or 0
    when it is not contested.
    """
    order = sorted(base, key=lambda q: _key(q, base[q]))
    keys = [_key(q, base[q]) for q in order]
    position = {q: p for p, q in enumerate(order)}
    contested = sum(1 for q in order if base[q][0])
    moves: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for document, changed in runs:
        removed = sorted(position[q] for q in changed)
        inserted = {q: bisect_left(keys, _key(q, s)) for q, s in changed.items()}
        new_keys = sorted(_key(q, s) for q, s in changed.items())
        for q, score in changed.items():
            rank = 0
            if score[0]:
                at = inserted[q]
                ahead_unchanged = at - bisect_left(removed, at)
                rank = 1 + ahead_unchanged + bisect_left(new_keys, _key(q, score))
            if rank != (position[q] + 1 if base[q][0] else 0):
                moves[q].append((document, rank))
        for p, shift in _shifted(removed, inserted.values(), contested):
            q = order[p]
            if q not in changed:
                moves[q].append((document, p + 1 + shift))
    return moves


def _key(question: str, score: Score) -> tuple[float, str]:
    return -score[1], question


def _shifted(
    removed: Sequence[int], inserted: Iterable[int], limit: int
) -> Iterator[tuple[int, int]]:
    """(position, shift) of every base position below ``limit`` whose rank shifts.

    A question taken out at position r moves everything after it up one; a question
    put back before position j moves j and everything after it down one.
    """
    events = sorted([(j, 1) for j in inserted] + [(r + 1, -1) for r in removed])
    shift = 0
    for k, (at, delta) in enumerate(events):
        shift += delta
        end = events[k + 1][0] if k + 1 < len(events) else limit
        if shift:
            for p in range(at, min(end, limit)):
                yield p, shift
