"""Who answers which question, and how: every speaker's position, in their own words.

A topic asks a yes/no question and may have sub-questions; a claim answers one in its
``stances``. A speaker's position on a question comes from the claims the speaker
**holds** that answer it:

- ``yes`` or ``no`` when all of them give that answer, ``mixed`` only when the
  speaker's own claims go both ways (both sets of quotes are listed);
- a speaker who answers nothing in their own claims but supports or rebuts a claim
  that does is placed by that relation, with ``basis = "relations"`` and the
  relation shown (rebutting a yes-claim leans no), but only where the speaker makes
  that argument: the speaker quotes the source claim in a document that also quotes
  the target, or the relation's attribution names the speaker. An analyst's link
  between documents never puts words in anyone's mouth (it still counts as a crux);
- views held only by groups (``kind: group``: "commentators", a strawman a text
  reports in order to reject it) are listed apart as ``reported`` and never counted
  as a voice.

A *crux* is a rebuttal (or undercut) between two claims that do not give the same
answer, where nobody holds both ends and the two sides disagree on *this* question
(:func:`~arggraph.analysis.rebuttals.clash_sides`): ``against`` names the target's
holders whose own claims give the attacked answer, ``by`` the source's holders whose
own claims do not give that answer only; a crux needs a named speaker on each side.
A rebuttal between two speakers who both answer yes is no crux (it is a quarrel about
something else), and a holder of an undercut's target who answers nothing is named
only if they draw the step it attacks. Every crux counts, several against one claim
too: each is an argument of its own, with its own quotes, answered or not on its own.

A position lists its claims most direct answer first: claims at one end of a crux
between two opposite answers to the question, then claims at one end of another crux
(an objection, an undercut), then the rest; yes before no, then by id, within each.
``contradicting`` lists the links that cut across the camps (a rebuttal inside a
camp, a support from one answer to the other).

Example
-------
>>> import arggraph
>>> report = positions(arggraph.load("graphs/deepseek.yaml"))
>>> compute = report.question("compute")
>>> {"Keegan McBride", "Lennart Heim"} <= {p.name for p in compute.voices("no")}
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from arggraph.analysis.holding import DocumentDates, Holding, holding, voiced_documents
from arggraph.analysis.position_models import (
    Basis,
    ContradictingLink,
    Crux,
    Lean,
    LinkKind,
    Position,
    PositionClaim,
    PositionRelation,
    PositionsReport,
    QuestionPositions,
    ReportedView,
)
from arggraph.analysis.rebuttals import (
    OTHER_ANSWER,
    attacked_answer,
    attacks_by_answering_claim,
    clash_sides,
    rebuttal_in_time,
    relations_read_by_key,
    step_drawers,
)
from arggraph.analysis.results import ClaimRef, QuoteRef, SpeakerRef, built
from arggraph.analysis.signed import Signed, signed_links
from arggraph.collector import collector_paused
from arggraph.model import Answer, ArgumentGraph, Claim, Relation

__all__ = [
    "Basis",
    "ContradictingLink",
    "Crux",
    "Lean",
    "LinkKind",
    "Position",
    "PositionClaim",
    "PositionRelation",
    "PositionsReport",
    "QuestionPositions",
    "QuestionVoices",
    "ReportedView",
    "WholeReading",
    "positions",
    "question_voices",
    "question_voices_and_reading",
    "whole_reading",
]

_LEAN_ORDER = {"yes": 0, "mixed": 1, "no": 2}


@collector_paused()
def positions(
    graph: ArgumentGraph,
    *,
    without_document: str | None = None,
    signed: Sequence[Signed] | None = None,
) -> PositionsReport:
    """Every speaker's position on every question, from their own stance-bearing claims.

    Parameters
    ----------
    graph : ArgumentGraph
    without_document : str, optional
        Leave this document out, as if it had not been read: its attributions are
        ignored, and claims quoted only there (and their relations) drop out. Used to
        check how robust a ranking is.
    signed : sequence of SignedRelation, optional
        ``signed_relations(graph)`` when the caller has it already (the robustness
        runs share one).

    Returns
    -------
    PositionsReport
        One entry per question, topics in file order, each topic's own question first.
    """
    index = _Index(graph, without_document, signed)
    return built(PositionsReport, questions=[index.question(*q) for q in _questions(graph)])


CruxStatus = tuple[bool, bool]
"""(a crux, an answered crux) of one rebuttal of a question's answer."""


class _Clash(NamedTuple):
    """A rebuttal of a question's answer that is a crux, with its two sides."""

    rel: Signed
    target: str
    target_answer: Answer
    source_answer: Answer | None
    by: list[str]
    against: list[str]


@dataclass(frozen=True, slots=True)
class WholeReading:
    """What positions' index read of the whole graph (:func:`question_voices_and_reading`,
    :func:`whole_reading`), handed on so the leave-one-out runs of
    :mod:`~arggraph.analysis.robustness` do not read it again (internal)."""

    claims: dict[str, Claim]
    groups: dict[str, bool]
    held: dict[str, Holding]
    by_key: dict[str, Relation]
    dates: DocumentDates
    answers: dict[str, dict[str, Answer]]
    attacks_at: dict[str, list[Signed]]
    rebuttals_into: dict[str, list[Signed]]
    """Claim id -> the rebuttals whose target it is, in file order."""
    crux_status: dict[str, list[CruxStatus]]
    """Question id -> the status of each (answering claim, rebuttal of its answer), in
    the order of ``answers`` then ``attacks_at``."""
    answering: Callable[[str], list[Signed]]
    """The rebuttals of a claim that come in time (each claim read once)."""


def whole_reading(graph: ArgumentGraph, signed: Sequence[Signed]) -> WholeReading:
    """What positions' index reads of the whole graph, without placing anyone: for
    robustness runs whose caller gave the positions (each question's crux statuses found
    as :func:`positions` finds its cruxes)."""
    index = _Index(graph, None, signed, keep_status=True)
    for question, *_ in _questions(graph):
        index.crux_counts(question)
    return index.whole_reading()


class QuestionVoices(NamedTuple):
    """What :func:`~arggraph.analysis.contestedness.contested_topics` reads of a
    question's positions: its named voices by lean (own claims only), the documents
    they answer in and its cruxes, counted without building the positions' quotes."""

    id: str
    topic: str
    label: str
    question: str | None
    yes: list[SpeakerRef]
    """Named speakers whose own claims answer yes, by name then id."""
    no: list[SpeakerRef]
    mixed: list[SpeakerRef]
    documents: list[str]
    """Documents in which the voices answer, sorted."""
    cruxes: int
    answered: int
    """Cruxes whose rebutting claim is itself rebutted in time."""


def question_voices(graph: ArgumentGraph) -> list[QuestionVoices]:
    """The voices of every question, as :func:`positions` would place them, in its order."""
    index = _Index(graph, None, None)
    return [index.voices(*q) for q in _questions(graph)]


def question_voices_and_reading(
    graph: ArgumentGraph, signed: Sequence[Signed]
) -> tuple[list[QuestionVoices], WholeReading]:
    """:func:`question_voices`, with what it read of the graph for the robustness runs
    (as :func:`whole_reading` reads it, in the same pass)."""
    index = _Index(graph, None, signed, keep_status=True)
    return [index.voices(*q) for q in _questions(graph)], index.whole_reading()


def _questions(graph: ArgumentGraph) -> Iterable[tuple[str, str, str, str, str | None]]:
    """(question id, topic id, topic label, label, text) of every question, in file order."""
    for topic in graph.topics:
        yield topic.id, topic.id, topic.label, topic.label, topic.question
        for sub in topic.questions:
            yield sub.id, topic.id, topic.label, sub.label or sub.question, sub.question


class _Index:
    """Lookups over one graph, built once per call; references built once per claim.

    The results are built with :func:`~arggraph.analysis.results.built` (no validation
    of data made here), and every quote, claim and speaker reference is made once and
    shared by the results that name it.
    """

    def __init__(
        self,
        graph: ArgumentGraph,
        without: str | None,
        signed: Sequence[Signed] | None,
        *,
        keep_status: bool = False,
    ) -> None:
        self.speakers = {s.id: s for s in graph.speakers}
        self.names = {s.id: s.name for s in graph.speakers}
        self.groups = groups = {s.id: s.kind == "group" for s in graph.speakers}
        self.claims: dict[str, Claim] = {}
        self.held: dict[str, Holding] = {}
        for claim in graph.claims:
            found = holding(claim, without, groups)
            if found is not None:
                self.claims[claim.id] = claim
                self.held[claim.id] = found
        links = signed if signed is not None else signed_links(graph)
        if len(self.claims) < len(graph.claims):  # claims quoted only in ``without`` drop out
            links = [r for r in links if r.source in self.claims and r.target in self.claims]
        self.by_key = relations_read_by_key(graph, links)
        self.drawn_by = {
            key: r.attribution for key, r in self.by_key.items() if r.attribution is not None
        }
        self.attacks_at = attacks_by_answering_claim(links, self.by_key, self.claims)
        self.dates = DocumentDates({d.id: d.date for d in graph.documents})
        self._quotes: dict[str, dict[str, list[QuoteRef]]] = {}
        self._claim_refs: dict[str, ClaimRef] = {}
        self._speaker_refs: dict[str, SpeakerRef] = {}
        self._answering: dict[str, list[Signed]] = {}
        self._answered_by: dict[str, list[str]] = {}
        self._given: dict[str, dict[str, list[int]]] = {}
        self.crux_status: dict[str, list[CruxStatus]] | None = {} if keep_status else None
        """Kept for :class:`WholeReading` only: question id -> its :data:`CruxStatus` list."""
        self._links = links
        self._into: dict[str, list[Signed]] | None = None
        self.rebuttals_into: dict[str, list[Signed]] = defaultdict(list)
        """Claim id -> the rebuttals whose target it is, in file order."""
        for rel in links:
            if rel.sign < 0:
                self.rebuttals_into[rel.target].append(rel)
        self.answers: dict[str, dict[str, Answer]] = defaultdict(dict)
        for claim in self.claims.values():
            for question, answer in claim.stances.items():
                self.answers[question][claim.id] = answer

    @property
    def into(self) -> dict[str, list[Signed]]:
        """Claim id -> every link whose target it is, in file order: read the first time
        positions' relation leans or contradicting links ask (voices do not)."""
        if self._into is None:
            self._into = defaultdict(list)
            for rel in self._links:
                self._into[rel.target].append(rel)
        return self._into

    def named(self, claim_id: str) -> list[str]:
        return self.held[claim_id].named

    def quotes_by(self, claim_id: str) -> dict[str, list[QuoteRef]]:
        """The claim's quotes by speaker, in attribution order, each built once."""
        found = self._quotes.get(claim_id)
        if found is None:
            found = self._quotes[claim_id] = {}
            names = self.names
            for a in self.held[claim_id].attributions:
                quote = QuoteRef.of(a, names[a.speaker])
                same = found.get(a.speaker)
                if same is None:
                    found[a.speaker] = [quote]
                else:
                    same.append(quote)
        return found

    def claim_ref(self, claim_id: str, speakers: list[str]) -> ClaimRef:
        """The claim with these named holders' quotes only (not a group's, not others'):
        built once per claim for all its named holders, apart for a part of them."""
        every = speakers == self.named(claim_id)
        found = self._claim_refs.get(claim_id) if every else None
        if found is None:
            by = self.quotes_by(claim_id)
            quotes = (
                list(by[speakers[0]])
                if len(speakers) == 1
                else [q for s in speakers for q in by[s]]
            )
            statement = self.claims[claim_id].statement
            found = built(ClaimRef, id=claim_id, statement=statement, quotes=quotes)
            if every:
                self._claim_refs[claim_id] = found
        return found

    def answering(self, claim_id: str) -> list[Signed]:
        """The rebuttals of the claim that come in time, read once."""
        found = self._answering.get(claim_id)
        if found is None:
            by_key, dates, held = self.by_key, self.dates, self.held.get
            found = self._answering[claim_id] = [
                rel
                for rel in self.rebuttals_into.get(claim_id, ())
                if rebuttal_in_time(rel, by_key, dates, held)
            ]
        return found

    def answered_by(self, claim_id: str) -> list[str]:
        """The keys of :meth:`answering`, sorted, read the first time a crux asks
        whether its source is answered."""
        found = self._answered_by.get(claim_id)
        if found is None:
            found = self._answered_by[claim_id] = sorted(
                r.relation for r in self.answering(claim_id)
            )
        return found

    def whole_reading(self) -> WholeReading:
        """What this index read, for the robustness runs (an index of the whole graph
        that kept its crux statuses)."""
        assert self.crux_status is not None, "built with keep_status=True"
        return WholeReading(
            claims=self.claims,
            groups=self.groups,
            held=self.held,
            by_key=self.by_key,
            dates=self.dates,
            answers=self.answers,
            attacks_at=self.attacks_at,
            rebuttals_into=self.rebuttals_into,
            crux_status=self.crux_status,
            answering=self.answering,
        )

    def speaker_ref(self, speaker_id: str) -> SpeakerRef:
        ref = self._speaker_refs.get(speaker_id)
        if ref is None:
            s = self.speakers[speaker_id]
            ref = built(SpeakerRef, id=s.id, name=s.name, role=s.role)
            self._speaker_refs[speaker_id] = ref
        return ref

    def question(
        self, qid: str, topic: str, topic_label: str, label: str, text: str | None
    ) -> QuestionPositions:
        answers = self.answers.get(qid, {})
        own: dict[str, list[PositionClaim]] = defaultdict(list)
        reported: list[ReportedView] = []
        claims, held, speakers = self.claims, self.held, self.speakers
        for claim_id, answer in answers.items():
            statement = claims[claim_id].statement
            quotes_by = self.quotes_by(claim_id)
            for speaker in held[claim_id].holders:
                quotes = list(quotes_by[speaker])  # a holder has quotes: holders are quoted
                s = speakers[speaker]
                if s.kind == "group":
                    reported.append(
                        built(
                            ReportedView,
                            speaker=speaker,
                            name=s.name,
                            claim=claim_id,
                            statement=statement,
                            answer=answer,
                            quotes=quotes,
                        )
                    )
                else:
                    own[speaker].append(
                        built(
                            PositionClaim,
                            claim=claim_id,
                            statement=statement,
                            answer=answer,
                            quotes=quotes,
                        )
                    )
        by_relation = self._relation_leans(answers, own)
        clashes = self._clashes(qid, answers)
        directness = _directness(clashes)
        found = [self._position(s, claims, [], directness) for s, claims in own.items()]
        found += [self._position(s, [], rels, directness) for s, rels in by_relation.items()]
        found.sort(key=lambda p: (_LEAN_ORDER[p.lean], p.basis != "own claims", p.name, p.speaker))
        leans = {p.speaker: p.lean for p in found}
        reported.sort(key=lambda r: (r.name, r.claim))
        return built(
            QuestionPositions,
            id=qid,
            topic=topic,
            topic_label=topic_label,
            label=label,
            question=text,
            positions=found,
            reported=reported,
            cruxes=self._cruxes(clashes),
            contradicting=self._contradicting(answers, leans),
            claims=sorted(answers),
        )

    def _relation_leans(
        self, answers: dict[str, Answer], answered: Container[str]
    ) -> dict[str, list[PositionRelation]]:
        """Speakers placed only by relations into claims that answer the question."""
        found: dict[str, list[PositionRelation]] = defaultdict(list)
        held, into_claim, drawn_by_key = self.held, self.into, self.drawn_by
        for target, target_answer in answers.items():
            into = into_claim.get(target)
            if not into:
                continue
            target_held = held[target]
            target_holders, target_docs = target_held.holders, set(target_held.documents)
            for rel in into:
                source = rel.source
                if source in answers or rel.undercut_of is not None:
                    continue  # the source answers it (its holders are 'own'), or an undercut
                drawn = drawn_by_key.get(rel.relation) if drawn_by_key else None
                drawn_by = drawn.speaker if drawn is not None else None
                source_held = held[source]
                shared = not target_docs.isdisjoint(source_held.documents)
                if not shared and drawn_by is None:
                    continue  # nobody quotes the source beside the target, nobody draws it
                for speaker in source_held.named:
                    if speaker in answered or speaker in target_holders:
                        continue
                    quotes = self.quotes_by(source)[speaker]
                    if speaker != drawn_by and not (
                        shared and any(q.document in target_docs for q in quotes)
                    ):
                        continue  # a link the speaker never draws: no words put in their mouth
                    found[speaker].append(
                        built(
                            PositionRelation,
                            relation=rel.relation,
                            kind=_kind(rel),
                            source=source,
                            source_statement=self.claims[source].statement,
                            target=target,
                            target_statement=self.claims[target].statement,
                            target_answer=target_answer,
                            implies=target_answer if rel.sign > 0 else OTHER_ANSWER[target_answer],
                            quotes=list(quotes),
                        )
                    )
        return found

    def _position(
        self,
        speaker: str,
        claims: list[PositionClaim],
        relations: list[PositionRelation],
        directness: dict[tuple[str, str], int],
    ) -> Position:
        given = [c.answer for c in claims] or [r.implies for r in relations]
        yes, no = given.count("yes"), given.count("no")
        lean = _lean(yes, no)
        s = self.speakers[speaker]
        if len(claims) > 1:
            claims.sort(
                key=lambda c: (
                    directness.get((speaker, c.claim), _INDIRECT),
                    c.answer != "yes",
                    c.claim,
                )
            )
        if len(relations) > 1:
            relations.sort(key=lambda r: r.relation)
        return built(
            Position,
            speaker=speaker,
            name=s.name,
            role=s.role,
            lean=lean,
            basis="own claims" if claims else "relations",
            yes=yes,
            no=no,
            claims=claims,
            relations=relations,
        )

    def voices(
        self, qid: str, topic: str, topic_label: str, label: str, text: str | None
    ) -> QuestionVoices:
        """The question's :class:`QuestionVoices`: what :meth:`question` places, counted."""
        answers = self.answers.get(qid, {})
        given = self.given(qid, answers)
        documents: set[str] = set()
        held = self.held
        for claim_id in answers:
            claim_held = held[claim_id]
            if claim_held.named:
                documents.update(voiced_documents(claim_held))
        by_lean: dict[Lean, list[SpeakerRef]] = {"yes": [], "no": [], "mixed": []}
        names = self.names
        for speaker in sorted(given, key=lambda s: (names[s], s)):
            yes, no = given[speaker]
            by_lean[_lean(yes, no)].append(self.speaker_ref(speaker))
        cruxes, answered = self.crux_counts(qid)
        return QuestionVoices(
            qid,
            topic,
            label,
            text,
            by_lean["yes"],
            by_lean["no"],
            by_lean["mixed"],
            sorted(documents),
            cruxes,
            answered,
        )

    def given(self, qid: str, answers: dict[str, Answer]) -> dict[str, list[int]]:
        """Named speaker -> [own claims answering yes, answering no] on the question,
        counted once per question (the voices and the crux test read it)."""
        found = self._given.get(qid)
        if found is None:
            found = self._given[qid] = {}
            held = self.held
            for claim_id, answer in answers.items():
                which = answer != "yes"
                for speaker in held[claim_id].named:
                    counts = found.get(speaker)
                    if counts is None:
                        counts = found[speaker] = [0, 0]
                    counts[which] += 1
        return found

    def crux_counts(self, qid: str) -> tuple[int, int]:
        """The question's cruxes, and how many of them are answered (in time)."""
        clashes = self._clashes(qid, self.answers.get(qid, {}))
        return len(clashes), sum(1 for c in clashes if self.answering(c.rel.source))

    def _clashes(self, qid: str, answers: dict[str, Answer]) -> list[_Clash]:
        """The rebuttals of the question's answers that are cruxes, with their sides;
        keeps every rebuttal's :data:`CruxStatus` when the index keeps them, in the
        order of ``answers`` then ``attacks_at``."""
        found = []
        held, attacks_at, by_key = self.held, self.attacks_at, self.by_key
        given = self.given(qid, answers)
        status: list[CruxStatus] | None = None
        if self.crux_status is not None:
            status = self.crux_status[qid] = []
        for claim_id in answers:
            for rel in attacks_at.get(claim_id, ()):
                at = attacked_answer(rel, answers, by_key)
                if at is None:
                    if status is not None:
                        status.append((False, False))
                    continue
                target, target_answer = at
                source = rel.source
                source_answer = answers.get(source)
                sides = clash_sides(
                    source_answer,
                    target_answer,
                    held[source],
                    held[target],
                    given,
                    drawn=None if rel.undercut_of is None else step_drawers(rel, by_key, held.get),
                )
                if sides is None:
                    if status is not None:
                        status.append((False, False))
                    continue
                if status is not None:
                    status.append((True, bool(self.answering(source))))
                found.append(_make(_Clash, (rel, target, target_answer, source_answer, *sides)))
        return found

    def _cruxes(self, clashes: list[_Clash]) -> list[Crux]:
        """The cruxes, each side named by its speakers on it, in their own words."""
        found = []
        held, speaker_ref = self.held, self.speaker_ref
        for rel, target, target_answer, source_answer, by, against in clashes:
            source = rel.source
            answered_by = self.answered_by(source)
            found.append(
                built(
                    Crux,
                    relation=rel.relation,
                    kind="undercuts" if rel.undercut_of else "rebuts",
                    source=self.claim_ref(source, by),
                    source_answer=source_answer,
                    target=self.claim_ref(target, against),
                    target_answer=target_answer,
                    by=[speaker_ref(s) for s in by],
                    against=[speaker_ref(s) for s in against],
                    documents=sorted({*held[source].documents, *held[target].documents}),
                    answered=bool(answered_by),
                    answered_by=list(answered_by),
                )
            )
        found.sort(key=lambda c: (c.answered, c.target.id, c.relation))
        return found

    def _contradicting(
        self, answers: dict[str, Answer], leans: dict[str, Lean]
    ) -> list[ContradictingLink]:
        """Links among the question's claims that cut across the speakers' camps."""
        camp = {s: lean for s, lean in leans.items() if lean != "mixed"}
        found = []
        into_claim, held = self.into, self.held
        for target in answers:
            into = into_claim.get(target)
            if not into:
                continue
            against = held[target].named
            camps_against = {camp[s] for s in against if s in camp}
            if not camps_against:
                continue
            for rel in into:
                by = held[rel.source].named
                camps_by = {camp[s] for s in by if s in camp}
                if not camps_by or not set(by).isdisjoint(against):
                    continue
                if rel.sign < 0 and camps_by & camps_against:
                    why = "a rebuttal between speakers who give the same answer"
                elif rel.sign > 0 and not camps_by & camps_against:
                    why = "a support between speakers who give opposite answers"
                else:
                    continue
                found.append(
                    built(
                        ContradictingLink,
                        relation=rel.relation,
                        kind=_kind(rel),
                        source=rel.source,
                        target=target,
                        by=list(by),
                        against=list(against),
                        why=why,
                    )
                )
        found.sort(key=lambda link: link.relation)
        return found


_make = tuple.__new__  # _Clash(...) runs a Python __new__: twice the time

_DIRECT, _IN_A_CRUX, _INDIRECT = 0, 1, 2
"""How directly a speaker's claim answers a question, the order of a position's claims."""


def _directness(clashes: Iterable[_Clash]) -> dict[tuple[str, str], int]:
    """(speaker, claim) -> :data:`_DIRECT` for a claim at the speaker's end of a crux
    between two opposite answers to the question, :data:`_IN_A_CRUX` at their end of
    another crux (an objection, an undercut); others are :data:`_INDIRECT`."""
    found: dict[tuple[str, str], int] = {}
    for clash in clashes:
        level = (
            _DIRECT if clash.source_answer is not None and not clash.rel.undercut_of else _IN_A_CRUX
        )
        for speaker, claim_id in [
            *((s, clash.rel.source) for s in clash.by),
            *((s, clash.target) for s in clash.against),
        ]:
            if found.get((speaker, claim_id), _INDIRECT) > level:
                found[speaker, claim_id] = level
    return found


def _lean(yes: int, no: int) -> Lean:
    """A speaker's lean from how many of their claims answer yes and no."""
    return "mixed" if yes and no else "yes" if yes else "no"


def _kind(rel: Signed) -> LinkKind:
    if rel.undercut_of is not None:
        return "undercuts"
    return "supports" if rel.sign > 0 else "rebuts"
