"""Which questions and topics are contested, and why, from the speakers' positions.

A question is *contested* when named voices give opposite answers in their own claims
(:mod:`arggraph.analysis.positions`). Its score grows with three things a reader can
check, each listed with the speakers, claims and relations behind it:

- **balance**: ``min(yes, no)``, counting each speaker whose own claims answer yes
  (or no) once, and a speaker whose own claims go both ways (mixed) as half a voice
  on each side; relations alone never make a voice;
- **engagement**: the cruxes (rebuttals between claims that do not give the same
  answer, held by different named speakers), with each answered crux counted twice;
- **sources**: the documents in which the voices answer.

``score = balance * (1 + log2(1 + engagement)) * (1 + (documents - 1) / 4)``, and 0
when the question is not contested. A topic's score is its best question's score plus
half the scores of its other questions. Robustness: the ranking is recomputed with
each document left out, and each question says how far its rank moves: its best and
worst rank, how many documents move it, every document without which it is no longer
contested, and the documents behind its best and worst ranks
(:data:`~arggraph.analysis.rank_moves.KEPT_MOVES` each). The other moves are counted,
not listed: with topics spread over every document they grow with documents x
questions (about 33 million at 1M claims), which no reader reads and no memory holds.

Example
-------
>>> import arggraph
>>> report = contested_topics(arggraph.load("graphs/deepseek.yaml"))
>>> report.topics[0].label
'Export controls'
"""

from __future__ import annotations

from collections.abc import Sequence
from math import log2
from typing import NamedTuple

from pydantic import Field

from arggraph.analysis.positions import (
    PositionsReport,
    QuestionPositions,
    QuestionVoices,
    WholeReading,
    question_voices,
    question_voices_and_reading,
)
from arggraph.analysis.rank_moves import KEPT_MOVES, KeptMoves, rank_moves
from arggraph.analysis.results import (
    Result,
    SpeakerRef,
    built,
    counted,
    join_names,
    round_score,
    shorten,
)
from arggraph.analysis.robustness import Tally, leave_one_out_tallies
from arggraph.analysis.signed import SignedLink, signed_links
from arggraph.collector import collector_paused
from arggraph.model import ArgumentGraph

ANSWERED_WEIGHT = 2
"""An answered crux counts this many times in engagement: the exchange went on."""


class RankMove(Result):
    """Where a question ranks when one document is left out."""

    without: str = Field(description="the document left out")
    rank: int = Field(description="the question's rank without it (0: no longer contested)")


class Robustness(Result):
    """How a question's rank holds up when each document in turn is left out."""

    lowest: int = Field(description="best (smallest) rank over the leave-one-out runs")
    highest: int = Field(description="worst rank; 0 when some run leaves it uncontested")
    moves: list[RankMove] = Field(
        description="runs that take it out of the ranking, and those behind its "
        f"{KEPT_MOVES} best and {KEPT_MOVES} worst ranks (earlier documents first), "
        "in document order"
    )
    moved: int = Field(description="runs in which the rank differs (moves lists some of them)")
    stable: bool = Field(description="no document's absence moves the rank")


class QuestionContest(Result):
    """How contested one question is, with the voices and cruxes the score comes from."""

    rank: int = Field(description="1 = most contested; 0 = not contested")
    id: str
    topic: str
    label: str
    question: str | None
    contested: bool = Field(description="named voices give opposite answers in own claims")
    score: float
    yes: list[SpeakerRef] = Field(description="named speakers whose own claims answer yes")
    no: list[SpeakerRef] = Field(description="named speakers whose own claims answer no")
    mixed: list[SpeakerRef] = Field(description="named speakers whose own claims go both ways")
    balance: float = Field(description="min(yes, no), a mixed speaker half a voice on each")
    cruxes: int
    answered: int = Field(description="cruxes whose rebutting claim is itself rebutted")
    engagement: int = Field(description=f"cruxes + {ANSWERED_WEIGHT - 1} x answered")
    documents: list[str] = Field(description="documents in which the voices answer")
    robustness: Robustness | None = Field(description="None when not computed")
    reason: str = Field(description="one line for a reader")

    def _summary(self) -> str:
        rank = f"#{self.rank}" if self.rank else "not contested"
        return (
            f"{rank} {shorten(self.label, 60)!r}, score {self.score}, {len(self.yes)} yes, "
            f"{len(self.no)} no, {counted(self.cruxes, 'crux', 'cruxes')}"
        )


class TopicContest(Result):
    """A topic, scored from its questions, most contested question first."""

    rank: int
    topic: str
    label: str
    question: str | None
    score: float
    questions: list[QuestionContest]
    reason: str

    def _summary(self) -> str:
        rank = f"#{self.rank}" if self.rank else "not contested"
        return (
            f"{rank} {shorten(self.label, 60)!r}, score {self.score}, "
            f"{counted(len(self.questions), 'question')}"
        )


class ContestedReport(Result):
    """Topics and questions from most to least contested."""

    topics: list[TopicContest]
    questions: list[QuestionContest] = Field(description="every question, ranked")

    def _summary(self) -> str:
        contested = [q for q in self.questions if q.contested]
        top = f"; most contested question: {shorten(contested[0].label, 60)!r}" if contested else ""
        return (
            f"{counted(len(self.topics), 'topic')}, {counted(len(self.questions), 'question')}, "
            f"{len(contested)} contested{top}"
        )


@collector_paused()
def contested_topics(
    graph: ArgumentGraph, *, robustness: bool = True, stands: PositionsReport | None = None
) -> ContestedReport:
    """Rank questions and topics by how contested they are (see the module's docs).

    Parameters
    ----------
    graph : ArgumentGraph
    robustness : bool
        Recompute the ranking with each document left out (recounting only the
        questions each document touches, :mod:`~arggraph.analysis.robustness`).
    stands : PositionsReport, optional
        ``positions(graph)`` when the caller has it already.

    Returns
    -------
    ContestedReport
    """
    robust = robustness and len(graph.documents) > 1
    links = signed_links(graph) if robust else None  # read once for positions and robustness
    whole: WholeReading | None = None  # what positions read, for robustness to start from
    if stands is not None:
        refs: dict[str, SpeakerRef] = {}
        voices = [_voices_of(q, refs) for q in stands.questions]
    elif links is not None:
        voices, whole = question_voices_and_reading(graph, links)
    else:
        voices = question_voices(graph)
    ordered = sorted(map(_scored, voices), key=lambda s: (-s.counted.score, s.question.id))
    ranks = [i if s.counted.contested else 0 for i, s in enumerate(ordered, start=1)]
    if links is not None:
        base = {s.question.id: (s.counted.contested, s.counted.score) for s in ordered}
        moves = _leave_one_out_moves(graph, base, links, whole)
        documents = [d.id for d in graph.documents]
        scored = [
            _contest(s, rank, _robustness(rank, moves.get(s.question.id), documents))
            for s, rank in zip(ordered, ranks, strict=True)
        ]
    else:
        scored = [_contest(s, rank, None) for s, rank in zip(ordered, ranks, strict=True)]
    return built(ContestedReport, topics=_topics(graph, scored), questions=scored)


def _leave_one_out_moves(
    graph: ArgumentGraph,
    base: dict[str, tuple[bool, float]],
    links: Sequence[SignedLink],
    whole: WholeReading | None,
) -> dict[str, KeptMoves]:
    """Question id -> the runs (one per document, in file order) that move its rank.

    ``base`` gives each question's (contested, score) on the whole graph. Only the
    questions a document touches are recounted (:mod:`~arggraph.analysis.robustness`),
    starting from what positions read of the whole graph (``whole``) when given, and
    only those whose score changes are handed to :func:`rank_moves` (a recounted
    question that scores as before ranks where the others' moves shift it).
    """
    scores = _TallyScores()
    runs = (
        (document, _changed_scores(tallies, base, scores))
        for document, tallies in leave_one_out_tallies(graph, links, whole=whole)
    )
    return rank_moves(base, runs)


def _changed_scores(
    tallies: dict[str, Tally], base: dict[str, tuple[bool, float]], scores: _TallyScores
) -> dict[str, tuple[bool, float]]:
    """The recounted questions whose (contested, score) differs from ``base``'s."""
    changed = {}
    for question, tally in tallies.items():
        before = base.get(question)
        if before is not None:
            score = scores[tally]
            if score != before:
                changed[question] = score
    return changed


class _TallyScores(dict[Tally, tuple[bool, float]]):
    """Tally -> (contested, score), each computed the first time it is asked for: the
    leave-one-out runs give many tallies, few of them distinct."""

    def __missing__(self, tally: Tally) -> tuple[bool, float]:
        found = self[tally] = _tally_score(tally)
        return found


def _tally_score(tally: Tally) -> tuple[bool, float]:
    """(contested, score) from a question's counts, as :func:`_score` finds them."""
    counted = score_counts(
        tally.yes, tally.no, tally.mixed, tally.cruxes, tally.answered, tally.documents
    )
    return counted.contested, counted.score


class CountedScore(NamedTuple):
    """A question's score and the parts it is made of, from its counts alone."""

    contested: bool
    balance: float
    engagement: int
    score: float


def score_counts(
    yes: int, no: int, mixed: int, cruxes: int, answered: int, documents: int
) -> CountedScore:
    """Score a question from its counts: named voices per answer, cruxes, documents.

    The one place the score is made from counts: the in-memory analysis, its
    leave-one-out runs and the table engines all call it.

    >>> score_counts(yes=2, no=2, mixed=0, cruxes=1, answered=1, documents=2)
    CountedScore(contested=True, balance=2.0, engagement=2, score=6.4624)
    """
    balance = min(yes + mixed / 2, no + mixed / 2)
    contested = bool(yes or mixed) and bool(no or mixed) and yes + no + mixed > 1
    engagement = cruxes + (ANSWERED_WEIGHT - 1) * answered
    score = question_score(balance, engagement, documents) if contested else 0.0
    return CountedScore(contested, balance, engagement, score)


def question_score(balance: float, engagement: int, documents: int) -> float:
    """The score of a contested question (0 when ``balance`` is 0).

    >>> question_score(2, 3, 2)
    7.5
    """
    if balance <= 0:
        return 0.0
    return round_score(balance * (1 + log2(1 + engagement)) * (1 + (documents - 1) / 4))


class _Scored(NamedTuple):
    """A question's voices and score, before it is ranked."""

    question: QuestionVoices
    counted: CountedScore


def _scored(q: QuestionVoices) -> _Scored:
    """Score a question from its voices."""
    counted = score_counts(
        len(q.yes), len(q.no), len(q.mixed), q.cruxes, q.answered, len(q.documents)
    )
    return _Scored(q, counted)


def _voices_of(q: QuestionPositions, refs: dict[str, SpeakerRef]) -> QuestionVoices:
    """A question's voices read from its positions (when the caller gave them); ``refs``
    shares one reference per speaker."""
    by_lean: dict[str, list[SpeakerRef]] = {"yes": [], "no": [], "mixed": []}
    for p in q.positions:
        if p.basis == "own claims":
            ref = refs.get(p.speaker)
            if ref is None:
                ref = refs[p.speaker] = built(SpeakerRef, id=p.speaker, name=p.name, role=p.role)
            by_lean[p.lean].append(ref)
    yes, no, mixed = by_lean["yes"], by_lean["no"], by_lean["mixed"]
    voices = {r.id for r in (*yes, *no, *mixed)}
    documents = sorted(
        {
            quote.document
            for p in q.positions
            if p.speaker in voices
            for c in p.claims
            for quote in c.quotes
        }
    )
    answered = sum(c.answered for c in q.cruxes)
    return QuestionVoices(
        q.id, q.topic, q.label, q.question, yes, no, mixed, documents, len(q.cruxes), answered
    )


def _contest(s: _Scored, rank: int, robustness: Robustness | None) -> QuestionContest:
    """The ranked question as a result (built, not validated again: fields made here)."""
    q, counted = s.question, s.counted
    return built(
        QuestionContest,
        rank=rank,
        id=q.id,
        topic=q.topic,
        label=q.label,
        question=q.question,
        contested=counted.contested,
        score=counted.score,
        yes=q.yes,
        no=q.no,
        mixed=q.mixed,
        balance=counted.balance,
        cruxes=q.cruxes,
        answered=q.answered,
        engagement=counted.engagement,
        documents=q.documents,
        robustness=robustness,
        reason=_reason(q, counted.contested),
    )


def _robustness(rank: int, runs: KeptMoves | None, documents: list[str]) -> Robustness:
    """How a question ranked ``rank`` holds up, from the runs that move it (None: no run
    does). The kept runs hold its best and worst ranks and every drop out of the
    ranking, so ``lowest`` and ``highest`` are those of all runs.
    """
    kept = runs.kept() if runs is not None else []
    moves = [built(RankMove, without=documents[run], rank=moved) for run, moved in kept]
    ranks = [rank, *(moved for _, moved in kept)]
    moved = runs.moved if runs is not None else 0
    return built(
        Robustness,
        lowest=min(ranks) if rank else min((r for r in ranks if r), default=0),
        highest=0 if 0 in ranks else max(ranks),
        moves=moves,
        moved=moved,
        stable=not moved,
    )


def _topics(graph: ArgumentGraph, scored: list[QuestionContest]) -> list[TopicContest]:
    by_topic: dict[str, list[QuestionContest]] = {t.id: [] for t in graph.topics}
    for q in scored:
        by_topic[q.topic].append(q)
    topics = []
    for topic in graph.topics:
        questions = by_topic[topic.id]  # already ranked, best first
        scores = [q.score for q in questions]
        score = round_score(scores[0] + sum(scores[1:]) / 2) if scores else 0.0
        reason = _topic_reason(questions)
        topics.append((score, topic, questions, reason))
    topics.sort(key=lambda t: (-t[0], t[1].label, t[1].id))
    return [
        built(
            TopicContest,
            rank=rank,
            topic=topic.id,
            label=topic.label,
            question=topic.question,
            score=score,
            questions=questions,
            reason=reason,
        )
        for rank, (score, topic, questions, reason) in enumerate(topics, start=1)
    ]


def _topic_reason(questions: list[QuestionContest]) -> str:
    """A topic in one line: how many of its questions are contested, and the most contested.

    A topic of one question says only that it is contested: the question's own line,
    shown with it, gives the lineup.

    >>> q = QuestionContest.model_construct(contested=True, question="Q?", label="q", reason="r.")
    >>> _topic_reason([q])
    'Its one question is contested.'
    >>> _topic_reason([q, q.model_copy(update={"contested": False})])
    '1 of 2 questions contested; most contested question: “Q?” — r.'
    """
    contested = [q for q in questions if q.contested]
    if not contested:
        return "No question of this topic has named voices on both sides."
    if len(questions) == 1:
        return "Its one question is contested."
    top = contested[0]
    return (
        f"{len(contested)} of {len(questions)} questions contested; "
        f"most contested question: “{top.question or top.label}” — {top.reason}"
    )


def _reason(q: QuestionVoices, contested: bool) -> str:
    def names(refs: list[SpeakerRef]) -> str:
        return join_names([r.name for r in refs], limit=8)

    yes, no, mixed = q.yes, q.no, q.mixed
    if not yes and not no and not mixed:
        return "Nobody answers it in their own claims."
    parts = []
    if yes:
        parts.append(f"yes: {names(yes)}")
    if no:
        parts.append(f"no: {names(no)}")
    if mixed:
        parts.append(f"both ways: {names(mixed)}")
    lineup = "; ".join(parts)
    if not contested:
        return f"Not contested: {lineup}."
    cruxes, answered = q.cruxes, q.answered
    clash = (
        f"{cruxes} direct clash{'es' if cruxes != 1 else ''}"
        + (f", {answered} answered" if answered else "")
        if cruxes
        else "no direct clash between them"
    )
    return f"{lineup} ({clash})."


__all__ = [
    "ContestedReport",
    "CountedScore",
    "QuestionContest",
    "RankMove",
    "Robustness",
    "TopicContest",
    "contested_topics",
    "question_score",
    "score_counts",
]
