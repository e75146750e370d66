"""Is each claim challenged, and is the objection answered? Claim statuses in plain words.

:func:`reader_statuses` says, for each claim, whether anyone objects to it and whether
the objection is answered: **unchallenged** (no rebuttal or undercut targets it),
**objection answered** (every direct rebuttal or undercut of it is itself rebutted or
undercut) or **objection unanswered** (some objection stands unanswered), with the
reason in words naming the objecting claims and who holds them. Direct relations
only: nothing is derived through chains of supports. An undercut objects to the
source claim of the relation it attacks. This is what the report, the views and
``arggraph status`` show; the formal semantics are :mod:`arggraph.analysis.statuses`.

:func:`claim_statuses_for_display` is what the pages show: the reader statuses and the
DF-QuAD strengths, with a note when a strength could not settle.

Example
-------
>>> import arggraph
>>> report = reader_statuses(arggraph.load("graphs/deepseek.yaml"))
>>> sorted({c.status for c in report.claims})
['objection answered', 'objection unanswered', 'unchallenged']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import Field

from arggraph.analysis.gradual import df_quad
from arggraph.analysis.results import Result as _Result
from arggraph.analysis.results import built, counted
from arggraph.analysis.statuses import to_argumentation_framework
from arggraph.collector import collector_paused
from arggraph.model import ArgumentGraph, Claim, Relation, Speaker

# ---------------------------------------------------------------- statuses for readers

ReaderStatusName = Literal["unchallenged", "objection answered", "objection unanswered"]
READER_STATUSES: tuple[ReaderStatusName, ...] = (
    "objection unanswered",
    "objection answered",
    "unchallenged",
)
"""The reader statuses, in the order reports list them."""

STATUS_COUNT_WORDS: dict[ReaderStatusName, str] = {
    "objection unanswered": "with an objection unanswered",
    "objection answered": "with every objection answered",
    "unchallenged": "unchallenged",
}
"""How a count of claims with a status reads: "3 with an objection unanswered", not "3
objection unanswered" (a status names one claim's state, not a number of objections)."""

_REASON_OBJECTIONS = 6
"""A reason names at most this many objections (unanswered ones first)."""


class Objection(_Result):
    """A direct rebuttal or undercut of a claim, and the claims that answer it."""

    relation: str = Field(description="the rebuttal's or undercut's key")
    claim: str = Field(description="the objecting claim's id")
    statement: str
    holders: list[str] = Field(description="names of the speakers who hold the objecting claim")
    undercut_of: str | None = Field(
        description="for an undercut, the key of the claim's own relation that it attacks"
    )
    answered_by: list[str] = Field(
        description="claims that rebut or undercut the objecting claim, by id; empty: unanswered"
    )


class ReaderStatus(_Result):
    """One claim's status in plain words, and why."""

    claim: str = Field(description="the claim id")
    statement: str
    status: ReaderStatusName
    reason: str = Field(description="the status in a sentence naming the objections")
    objections: list[Objection] = Field(description="unanswered first, then in file order")


class ReaderStatusReport(_Result):
    """Every claim's reader status: unchallenged, objection answered or unanswered."""

    unchallenged: int
    objection_answered: int
    objection_unanswered: int
    claims: list[ReaderStatus] = Field(
        description="objection unanswered first, then answered, then unchallenged; by "
        "statement, then id"
    )

    def _summary(self) -> str:
        return (
            f"{counted(len(self.claims), 'claim')}: {self.unchallenged} unchallenged, "
            f"{self.objection_answered} {STATUS_COUNT_WORDS['objection answered']}, "
            f"{self.objection_unanswered} {STATUS_COUNT_WORDS['objection unanswered']}"
        )


@collector_paused()
def reader_statuses(graph: ArgumentGraph) -> ReaderStatusReport:
    """Whether each claim is challenged and whether the challenge is answered, in words.

    A claim's *objections* are the rebuttals of it and the undercuts of its own
    relations (an undercut denies that the claim bears on the relation's target). An
    objection is *answered* when the objecting claim is itself rebutted or undercut.
    A claim is:

    - ``"unchallenged"`` when it has no objection;
    - ``"objection answered"`` when every objection is answered;
    - ``"objection unanswered"`` when some objection is not.

    Only relations the graph states count: no attack is derived through supports, and
    no objection is weighed, so "objection unanswered" says that the graph holds no
    reply to an objection, not that the claim is false. Linear in the size of the graph.

    Parameters
    ----------
    graph : ArgumentGraph

    Returns
    -------
    ReaderStatusReport

    Example
    -------
    >>> import arggraph
    >>> g = arggraph.loads('''
    ... documents: [{id: d, title: Talk, kind: transcript, text: "A. B. C."}]
    ... speakers: [{id: heim, name: Heim}, {id: wagner, name: Wagner}]
    ... claims:
    ...   - {id: a, statement: Compute matters less,
    ...      attributions: [{speaker: wagner, document: d, quote: "A."}]}
    ...   - {id: b, statement: Compute still matters,
    ...      attributions: [{speaker: heim, document: d, quote: "B."}]}
    ... relations: [{source: b, target: a, kind: rebuts}]
    ... ''')
    >>> for claim in reader_statuses(g).claims:
    ...     print(f"{claim.claim}: {claim.status}. {claim.reason}")
    a: objection unanswered. Rebutted by Heim's "Compute still matters" (unanswered).
    b: unchallenged. No rebuttal or undercut targets it.
    """
    # results built without re-validation, the collector paused (no reference cycles);
    # an objection's holders and answers depend only on its objecting claim, so they are
    # worked out once per claim, not once per objection (its objections share the lists)
    claims = {c.id: c for c in graph.claims}
    relations = {r.key: r for r in graph.relations}
    speakers = {s.id: s for s in graph.speakers}
    objections: dict[str, list[Relation]] = {c.id: [] for c in graph.claims}
    for rel in graph.relations:
        if rel.target in relations:  # an undercut objects to the attacked relation's source
            objections[relations[rel.target].source].append(rel)
        elif rel.kind == "rebuts":
            objections[rel.target].append(rel)
    words = _Words(claims, relations, speakers, objections)

    results = []
    for claim in graph.claims:
        found = [words.objection(rel) for rel in objections[claim.id]]
        found.sort(key=_is_answered)  # stable: file order within each
        status: ReaderStatusName = (
            "unchallenged"
            if not found
            else "objection unanswered"
            if not found[0].answered_by
            else "objection answered"
        )
        results.append(
            built(
                ReaderStatus,
                claim=claim.id,
                statement=claim.statement,
                status=status,
                reason=words.reason(found),
                objections=found,
            )
        )
    order = {name: i for i, name in enumerate(READER_STATUSES)}
    results.sort(key=lambda c: (order[c.status], c.statement, c.claim))
    return built(
        ReaderStatusReport,
        unchallenged=sum(c.status == "unchallenged" for c in results),
        objection_answered=sum(c.status == "objection answered" for c in results),
        objection_unanswered=sum(c.status == "objection unanswered" for c in results),
        claims=results,
    )


def _is_answered(objection: Objection) -> bool:
    return bool(objection.answered_by)


class _Words:
    """Per objecting claim, computed on first use: its holders and answers; the phrases."""

    def __init__(
        self,
        claims: Mapping[str, Claim],
        relations: Mapping[str, Relation],
        speakers: Mapping[str, Speaker],
        objections: Mapping[str, list[Relation]],
    ) -> None:
        self.claims, self.relations, self.speakers = claims, relations, speakers
        self.objections = objections
        self._holders: dict[str, list[str]] = {}
        self._answers: dict[str, list[str]] = {}

    def holders(self, claim_id: str) -> list[str]:
        """Names of the speakers who hold the claim (one list, shared by its objections)."""
        found = self._holders.get(claim_id)
        if found is None:
            speakers = self.speakers
            found = self._holders[claim_id] = [
                speakers[s].name for s in self.claims[claim_id].speakers
            ]
        return found

    def answers(self, claim_id: str) -> list[str]:
        """Ids of the claims that rebut or undercut the claim, sorted (shared)."""
        found = self._answers.get(claim_id)
        if found is None:
            found = self._answers[claim_id] = sorted({r.source for r in self.objections[claim_id]})
        return found

    def quoted(self, claim_id: str) -> str:
        """The claim's statement in quotes, cut to a line (not kept: 100k strings)."""
        return _quoted(self.claims[claim_id].statement)

    def phrase(self, claim_id: str) -> str:
        """``Heim's "statement"``, the claim with its holders."""
        return _possessive(self.holders(claim_id)) + self.quoted(claim_id)

    def objection(self, rel: Relation) -> Objection:
        """The objection ``rel`` makes; objections by one claim share its frozen lists."""
        source = rel.source
        return built(
            Objection,
            relation=rel.key,
            claim=source,
            statement=self.claims[source].statement,
            holders=self.holders(source),
            undercut_of=rel.target if rel.target in self.relations else None,
            answered_by=self.answers(source),
        )

    def reason(self, objections: list[Objection]) -> str:
        """The objections in a sentence: who objects, with which claim, whether answered."""
        if not objections:
            return "No rebuttal or undercut targets it."
        parts = []
        for objection in objections[:_REASON_OBJECTIONS]:
            if objection.undercut_of is None:
                verb = "rebutted by"
            else:
                link = self.relations[objection.undercut_of]
                to = (
                    f" {self.quoted(link.target)}"
                    if link.target in self.claims
                    else " an inference"
                )
                verb = f"its link to{to} undercut by"
            if objection.answered_by:
                answers = [self.phrase(c) for c in objection.answered_by[:2]]
                more = len(objection.answered_by) - len(answers)
                answered = (
                    "answered by " + " and ".join(answers) + (f" and {more} more" if more else "")
                )
            else:
                answered = "unanswered"
            holders = _possessive(objection.holders)
            parts.append(f"{verb} {holders}{self.quoted(objection.claim)} ({answered})")
        rest = len(objections) - len(parts)
        if rest:
            parts.append(f"and {rest} more {'objection' if rest == 1 else 'objections'}")
        sentence = "; ".join(parts)
        return sentence[0].upper() + sentence[1:] + "."


def _possessive(names: list[str], limit: int = 3) -> str:
    """``"Heim's "``, ``"Wagner and Heim's "``; empty when nobody holds the claim."""
    if not names:
        return ""
    shown = names[:limit]
    if len(names) > limit:
        others = len(names) - limit
        listed = f"{', '.join(shown)} and {others} {'other' if others == 1 else 'others'}"
    elif len(shown) == 1:
        listed = shown[0]
    else:
        listed = f"{', '.join(shown[:-1])} and {shown[-1]}"
    return f"{listed}'s "


def _quoted(statement: str, width: int = 80) -> str:
    text = " ".join(statement.split()).rstrip(".")
    return '"' + (text if len(text) <= width else text[: width - 1] + "\u2026") + '"'


# ---------------------------------------------------------------- statuses for display


@dataclass(frozen=True)
class Statuses:
    """What the pages show per claim: its reader status and its DF-QuAD strength.

    ``by_claim`` may be empty (statuses not computed); ``note`` says what the reader
    should know about how they were computed, if anything.
    """

    by_claim: dict[str, ReaderStatus]
    strengths: dict[str, float]
    note: str | None = None

    def of(self, claim_id: str) -> ReaderStatus | None:
        """The reader status of a claim, None when not computed."""
        return self.by_claim.get(claim_id)

    def strength(self, claim_id: str) -> float | None:
        """The DF-QuAD strength of a claim in [0, 1], None when not computed."""
        return self.strengths.get(claim_id)


def claim_statuses_for_display(graph: ArgumentGraph) -> Statuses:
    """Reader statuses (:func:`reader_statuses`) and DF-QuAD strengths for the pages.

    The strengths are computed on the bipolar framework (supports raise a strength,
    rebuttals lower it); when a cycle of relations keeps them from settling the
    pages show them as they stand and the note says so. The formal accepted /
    rejected labels are not shown to readers: :func:`claim_statuses` has them.
    """
    report = reader_statuses(graph)
    with collector_paused():  # the framework and the sweeps' lists: no reference cycles
        strengths = df_quad(to_argumentation_framework(graph))
    note = None
    if not strengths.converged:
        note = (
            f"strengths did not settle in {strengths.iterations:,} rounds (a cycle of "
            "supports and rebuttals); they are shown as they stood"
        )
    return Statuses({c.claim: c for c in report.claims}, dict(strengths.strengths), note)
