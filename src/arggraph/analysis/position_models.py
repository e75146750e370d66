"""What :func:`~arggraph.analysis.positions.positions` returns: who answers what, and where.

Plain data (frozen pydantic models with stable JSON): a :class:`PositionsReport` holds
one :class:`QuestionPositions` per question, each with the speakers' :class:`Position`
(their own claims and quotes, or the relations that place them), the views reported
from groups, the :class:`Crux` es and the links that cut across the camps.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from arggraph.analysis.results import ClaimRef, QuoteRef, Result, SpeakerRef, counted, shorten
from arggraph.model import Answer

Lean = Literal["yes", "no", "mixed"]
Basis = Literal["own claims", "relations"]
LinkKind = Literal["supports", "rebuts", "undercuts"]


class PositionClaim(Result):
    """A claim a speaker holds that answers the question, with the speaker's own quotes."""

    claim: str
    statement: str
    answer: Answer
    quotes: list[QuoteRef] = Field(description="this speaker's attributions of the claim")


class PositionRelation(Result):
    """A relation that places a speaker who answers nothing in their own claims."""

    relation: str
    kind: LinkKind
    source: str = Field(description="the speaker's claim")
    source_statement: str
    target: str = Field(description="the claim that answers the question")
    target_statement: str
    target_answer: Answer
    implies: Answer = Field(description="the answer the relation implies for the speaker")
    quotes: list[QuoteRef] = Field(description="this speaker's quotes of the source claim")


class Position(Result):
    """One speaker's answer to one question, with the claims (or relations) behind it."""

    speaker: str
    name: str
    role: str | None
    lean: Lean
    basis: Basis = Field(description="'own claims', or 'relations' when only relations place it")
    yes: int = Field(description="claims (or relations) answering yes")
    no: int = Field(description="claims (or relations) answering no")
    claims: list[PositionClaim] = Field(
        description=(
            "the speaker's own claims that answer it, most direct first: those in a crux"
            " between opposite answers, then those in another crux, then the rest"
        )
    )
    relations: list[PositionRelation] = Field(description="for basis 'relations' only")


class ReportedView(Result):
    """A view held only by a group (a reported or rejected view), never counted as a voice."""

    speaker: str
    name: str
    claim: str
    statement: str
    answer: Answer
    quotes: list[QuoteRef]


class Crux(Result):
    """A rebuttal across answers to the question: who said what against whom, in both
    their words, each side named by its holders on that side of the question
    (:func:`~arggraph.analysis.rebuttals.clash_sides`)."""

    relation: str
    kind: Literal["rebuts", "undercuts"]
    source: ClaimRef = Field(description="the rebutting claim, with the quotes of ``by``")
    source_answer: Answer | None = Field(description="its answer, or None (an objection)")
    target: ClaimRef = Field(description="the rebutted claim, with the quotes of ``against``")
    target_answer: Answer
    by: list[SpeakerRef] = Field(
        description="named holders of the rebutting claim who do not give the attacked answer only"
    )
    against: list[SpeakerRef] = Field(
        description="named holders of the rebutted claim who give the attacked answer"
    )
    documents: list[str] = Field(description="documents either end is quoted from")
    answered: bool = Field(
        description="the rebutting claim is itself rebutted, from a document not older than its own"
    )
    answered_by: list[str]


class ContradictingLink(Result):
    """A link that cuts across the camps: a rebuttal inside one, or a support across two."""

    relation: str
    kind: LinkKind
    source: str
    target: str
    by: list[str] = Field(description="speaker ids holding the source")
    against: list[str] = Field(description="speaker ids holding the target")
    why: str


class QuestionPositions(Result):
    """Every speaker's position on one question, its reported views and its cruxes."""

    id: str = Field(description="the question id (a topic's own question has the topic's id)")
    topic: str
    topic_label: str
    label: str = Field(description="a short label: the sub-question's, or the topic's")
    question: str | None
    positions: list[Position] = Field(description="yes first, then mixed, then no; by name")
    reported: list[ReportedView]
    cruxes: list[Crux]
    contradicting: list[ContradictingLink]
    claims: list[str] = Field(description="claims that answer the question")

    def _summary(self) -> str:
        leans = [p.lean for p in self.positions]
        return (
            f"{self.id!r} {shorten(self.label, 60)!r}: {leans.count('yes')} yes, "
            f"{leans.count('no')} no, {leans.count('mixed')} mixed, "
            f"{counted(len(self.cruxes), 'crux', 'cruxes')}"
        )

    def voices(self, lean: Lean, *, own: bool = True) -> list[Position]:
        """Positions with this lean (by default only those resting on own claims)."""
        return [
            p for p in self.positions if p.lean == lean and (not own or p.basis == "own claims")
        ]


class PositionsReport(Result):
    """Every question of every topic, in topic order, with its positions."""

    questions: list[QuestionPositions]

    def _summary(self) -> str:
        return (
            f"{counted(len(self.questions), 'question')}, "
            f"{counted(sum(len(q.positions) for q in self.questions), 'position')}, "
            f"{counted(sum(len(q.cruxes) for q in self.questions), 'crux', 'cruxes')}"
        )

    def question(self, question_id: str) -> QuestionPositions:
        """The question with this id; ``KeyError`` if there is none."""
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)
