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

:mod:`arggraph.analysis.rank_moves` turns those few changed scores into every
question's new ranks (:func:`rank_moves`, re-exported here with :class:`KeptMoves`,
:data:`KEPT_MOVES` and :data:`Score`).
"""

from __future__ import annotations

from collections import ChainMap, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from arggraph.analysis.holding import DocumentDates, Holding, holding, voiced_documents
from arggraph.analysis.positions import CruxStatus, WholeReading, whole_reading
from arggraph.analysis.rank_moves import KEPT_MOVES, KeptMoves, Score, rank_moves
from arggraph.analysis.rebuttals import (
    SpeakerAnswers,
    attacked_answer,
    is_clash,
    reads_sides,
    rebuttal_in_time,
    step_drawers,
)
from arggraph.analysis.signed import Signed
from arggraph.model import Answer, ArgumentGraph, Claim, Relation

__all__ = [
    "KEPT_MOVES",
    "KeptMoves",
    "Score",
    "Tally",
    "leave_one_out_tallies",
    "rank_moves",
]


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


class _Reading:
    """The graph's claims and relations as read with one document (or none) left out.

    Two modes, set by ``without``:

    - ``None``, the whole graph: :attr:`held` is the base's holdings, and a claim's
      answering sources are positions' in-time rebuttals (:attr:`_whole_answering`, the
      base's ``answering``);
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
        the whole graph; None otherwise."""
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

    def crux_status(
        self, rel: Signed, answers: Mapping[str, Answer], given: SpeakerAnswers
    ) -> CruxStatus:
        """Whether ``rel`` (a rebuttal of one of ``answers``) is a crux, and an answered
        one, where ``given`` counts each speaker's own answers to the question."""
        crux = self._is_crux(rel, answers, given)
        return crux, crux and self.answered(rel.source)

    def _is_crux(self, rel: Signed, answers: Mapping[str, Answer], given: SpeakerAnswers) -> bool:
        held = self.held
        source, target = held(rel.source), held(rel.target)
        if source is None or target is None:  # not kept
            return False
        at = attacked_answer(rel, answers, self.base.by_key)  # the attacked claim is the target
        if at is None:
            return False
        drawn = None if rel.undercut_of is None else step_drawers(rel, self.base.by_key, held)
        return is_clash(answers.get(rel.source), at[1], source, target, given, drawn=drawn)


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
    _by_speaker: dict[str, list[int]] | None = None

    def held_by(self, base: _Base, speakers: Iterable[str]) -> set[int]:
        """The rebuttals whose crux test reads the side of one of ``speakers``
        (:func:`~arggraph.analysis.rebuttals.reads_sides`: a holder of a source that
        answers nothing, or of an undercut target, on the whole graph), listed per
        speaker the first time one of them changes side."""
        if self._by_speaker is None:
            self._by_speaker = defaultdict(list)
            held, answers = base.held, self.answers
            for k, (_, rel) in enumerate(self.rels):
                source_side, target_side = reads_sides(
                    answers.get(rel.source), rel.undercut_of is not None
                )
                if source_side:
                    for speaker in held[rel.source].named:
                        self._by_speaker[speaker].append(k)
                if target_side:
                    for speaker in held[rel.target].named:
                        self._by_speaker[speaker].append(k)
        by_speaker = self._by_speaker
        return {k for s in speakers for k in by_speaker.get(s, ())}

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
        answers = base.answers.get(question, {})  # shared, never mutated (see :meth:`without`)
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
                    status.append(reading.crux_status(rel, answers, given))
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
        if held is None or not held.named:
            return
        which = _YES if answer == "yes" else _NO
        for speaker in held.named:
            given[speaker][which] += sign
        for document in voiced_documents(held):
            documents[document] += sign

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
        dropped claim are looked at again, by which claims drop; but a speaker whose
        side on the question changes (who no longer gives the attacked answer only, or
        gives it no more) may make or unmake one, so the rebuttals whose test reads
        their side are judged again by the crux test. ``whole`` must be the whole graph's
        reading (nothing left out): the claims that stay are held there as before the
        drop (a footprint claim the document quotes drops), and the dropped claims'
        holdings and the answers of the cruxes are read there too.
        """
        answers, given, held = self.answers, self.given, whole.base.held
        touched: dict[str, list[int]] = {}
        voices = 0
        for claim_id in gone:
            answer = answers.get(claim_id)
            if answer is None:
                continue
            claim_held = held[claim_id]
            which = _YES if answer == "yes" else _NO
            for speaker in claim_held.named:
                now = touched.get(speaker)
                if now is None:
                    now = touched[speaker] = list(given[speaker])
                now[which] -= 1
            voices += len(voiced_documents(claim_held))
        sides = self.sides
        moved: list[str] = []
        if touched:
            sides = list(sides)
            for speaker, now in touched.items():
                before, after = _side(given[speaker]), _side(now)
                sides[before] -= 1
                sides[after] += 1
                if before != after:
                    moved.append(speaker)
        voiced = len(self.documents)
        if voices and self.documents.get(document) == voices:
            voiced -= 1
        cruxes, answered = self.cruxes, self.answered
        dropped = set(gone)
        resided = self.held_by(whole.base, moved) if moved else set()
        for k in {k for c in gone for k in self.depends.get(c, ())}:
            crux, done = self.status[k]
            if not crux or k in resided:
                continue  # dropping claims makes no crux; a side change is judged below
            claim_id, rel = self.rels[k]
            if claim_id in dropped or rel.source in dropped or rel.target in dropped:
                cruxes -= 1
                answered -= done
            elif done and dropped.issuperset(whole.answering_sources(rel.source)):
                answered -= 1
        if resided:
            regiven = ChainMap(touched, given)
            for k in resided:
                crux, done = self.status[k]
                claim_id, rel = self.rels[k]
                is_crux = not (
                    claim_id in dropped or rel.source in dropped or rel.target in dropped
                ) and whole._is_crux(rel, answers, regiven)
                is_done = is_crux and not dropped.issuperset(whole.answering_sources(rel.source))
                cruxes += is_crux - crux
                answered += is_done - done
        return Tally(sides[1], sides[2], sides[3], cruxes, answered, voiced)

    def without(self, reading: _Reading, changed: list[str]) -> Tally:
        """The tally with ``reading``'s document left out, whose claims here are ``changed``:
        the rebuttals that read them are judged again, and those with an end held by a
        speaker whose side on the question changes."""
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
        now_given: dict[str, list[int]] = {}
        moved: list[str] = []
        for speaker, delta in given.items():
            old = self.given.get(speaker, [0, 0])
            now = now_given[speaker] = [old[0] + delta[0], old[1] + delta[1]]
            before, after = _side(old), _side(now)
            sides[before] -= 1
            sides[after] += 1
            if before != after:
                moved.append(speaker)
        voiced = len(self.documents)
        for document, change in documents.items():
            before_count = self.documents.get(document, 0)
            voiced += (before_count + change > 0) - (before_count > 0)
        cruxes, answered = self.cruxes, self.answered
        regiven = ChainMap(now_given, self.given)
        resided = self.held_by(base, moved) if moved else set()
        for k in {k for c in changed for k in self.depends.get(c, ())} | resided:
            claim_id, rel = self.rels[k]
            crux, done = (
                reading.crux_status(rel, answers, regiven)
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
    held: Mapping[str, Holding]
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
    answering: Callable[[str], list[Signed]]
    """The rebuttals of a claim in time on the whole graph, as positions read them."""
    crux_status: Mapping[str, list[CruxStatus]]
    """Question id -> its crux statuses on the whole graph, as positions found them."""
    _quoted: dict[str, list[str]] | None = None

    @classmethod
    def of(
        cls, graph: ArgumentGraph, signed: Sequence[Signed], whole: WholeReading | None = None
    ) -> _Base:
        """Take what positions read of the graph (``whole``) as it is, or have positions'
        index read it (:func:`~arggraph.analysis.positions.whole_reading`): the whole
        graph is read one way, once."""
        if whole is None:
            whole = whole_reading(graph, signed)
        only_in, documents_of = _quoting(graph)
        return cls(
            claims=whole.claims,
            groups=whole.groups,
            held=whole.held,
            by_key=whole.by_key,
            dates=whole.dates,
            answers=whole.answers,
            attacks_at=whole.attacks_at,
            rebuttals_into=whole.rebuttals_into,
            only_in=only_in,
            documents_of=documents_of,
            answering=whole.answering,
            crux_status=whole.crux_status,
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
    positions' index read of the same graph and ``signed`` (holdings, answers,
    rebuttals, crux statuses), taken as it is; read here the same way when not given.
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
