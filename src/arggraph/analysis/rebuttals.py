"""How a rebuttal meets a question: the answer it attacks, whether it is a clash, and
whether it comes in time.

:func:`~arggraph.analysis.positions.positions` finds a question's cruxes with these,
and the leave-one-document-out runs of
:func:`~arggraph.analysis.contestedness.contested_topics` recount them with the same
functions, so the two cannot disagree about which rebuttal is a crux or an answer.
Both import them from here, with :func:`relations_read_by_key`, the relations they look
up by key.

Example
-------
Heim's objection (no answer of its own) to McBride's yes-claim is a clash while Heim
answers no on the question, and none once his own claims answer yes only:

>>> from arggraph.analysis.holding import Holding
>>> heim = Holding(attributions=[], holders=["heim"], named=["heim"], documents=["d"])
>>> mcbride = Holding(attributions=[], holders=["mcbride"], named=["mcbride"], documents=["d"])
>>> clash_sides(None, "yes", heim, mcbride, {"heim": [0, 1], "mcbride": [1, 0]})
(['heim'], ['mcbride'])
>>> is_clash(None, "yes", heim, mcbride, {"heim": [2, 0], "mcbride": [1, 0]})
False
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping, Sequence

from arggraph.analysis.holding import DocumentDates, Holding
from arggraph.analysis.signed import Signed
from arggraph.model import Answer, ArgumentGraph, Relation

OTHER_ANSWER: dict[str, Answer] = {"yes": "no", "no": "yes"}
"""The opposite of each answer."""


def attacks_by_answering_claim(
    relations: Iterable[Signed],
    by_key: Mapping[str, Relation],
    claims: Container[str],
) -> dict[str, list[Signed]]:
    """Every rebuttal under the claim whose answer it attacks.

    A rebuttal is listed under its target; an undercut of "x -> y" under y, when y is
    one of ``claims`` (so each question looks only at its own claims).
    """
    found: dict[str, list[Signed]] = defaultdict(list)
    for rel in relations:
        if rel.sign > 0:
            continue
        if rel.undercut_of is None:
            found[rel.target].append(rel)
            continue
        attacked = by_key.get(rel.undercut_of)
        if attacked is not None and attacked.target in claims:
            found[attacked.target].append(rel)
    return found


def attacked_answer(
    rel: Signed, answers: Mapping[str, Answer], by_key: Mapping[str, Relation]
) -> tuple[str, Answer] | None:
    """The claim a rebuttal attacks and the answer it attacks, on this question.

    A rebuttal attacks its target's answer. An undercut of "x supports (or rebuts)
    y" attacks the answer x argues for: y's answer (or its opposite), and only on
    y's question, not on every question x answers.
    """
    if rel.undercut_of is None:
        answer = answers.get(rel.target)
        return None if answer is None else (rel.target, answer)
    attacked = by_key.get(rel.undercut_of)
    if attacked is None or attacked.target not in answers:
        return None  # an undercut of an undercut, or a step to another question
    end = answers[attacked.target]
    return rel.target, end if attacked.kind == "supports" else OTHER_ANSWER[end]


SpeakerAnswers = Mapping[str, Sequence[int]]
"""Named speaker -> [their claims answering yes, their claims answering no] on one
question, as :func:`~arggraph.analysis.positions.positions` counts them (a speaker
absent from it answers nothing there)."""

_NO_ANSWER = (0, 0)


def clash_sides(
    source_answer: Answer | None,
    target_answer: Answer,
    source: Holding,
    target: Holding,
    given: SpeakerAnswers,
    *,
    drawn: Container[str] | None = None,
) -> tuple[list[str], list[str]] | None:
    """The two sides of a rebuttal that is a crux on a question, ``(by, against)``;
    None when it is none.

    A crux is a rebuttal where two people disagree on *this* question: the ends do not
    give the same answer, nobody holds both, and each side keeps a named speaker:

    - ``against``: the target's named holders whose own claims give the attacked
      answer (``target_answer``) on the question (alone or beside the other answer);
      for an undercut of "x supports y", whose target x does not give that answer
      itself, also x's holders who answer nothing but draw that step (``drawn``,
      :func:`step_drawers`: as positions places a speaker by a relation);
    - ``by``: the source's named holders whose own claims do not give the attacked
      answer only: they give the other answer, both, or none (then the rebuttal is
      their only word on the question, and it goes against that answer).

    So a rebuttal between two speakers who both answer yes (a quarrel about something
    else) is no crux, and the holder of an undercut claim who answers nothing on the
    question is named on neither side. Only the holders of a source that answers
    nothing and of an undercut target (which answers another question, or none) can
    be left off: :func:`reads_sides` tells which rebuttals read ``given`` (``drawn`` is
    None but for an undercut). ``by`` and ``against`` may be the holdings' own lists:
    not to be mutated.
    """
    if source_answer == target_answer or not source.named or not target.named:
        return None
    if not set(source.holders).isdisjoint(target.holders):
        return None
    attacked = 0 if target_answer == "yes" else 1
    if drawn is not None:
        against = [
            s
            for s in target.named
            if (counts := given.get(s, _NO_ANSWER))[attacked] or (not any(counts) and s in drawn)
        ]
        if not against:
            return None
    else:  # the target gives the attacked answer: its holders all do
        against = target.named
    if source_answer is not None:  # its holders all give the other answer: all on that side
        return source.named, against
    by = [s for s in source.named if not _gives_only(given.get(s, _NO_ANSWER), attacked)]
    return (by, against) if by else None


def is_clash(
    source_answer: Answer | None,
    target_answer: Answer,
    source: Holding,
    target: Holding,
    given: SpeakerAnswers,
    *,
    drawn: Container[str] | None = None,
) -> bool:
    """Whether a rebuttal is a crux on the question (:func:`clash_sides` finds sides)."""
    return clash_sides(source_answer, target_answer, source, target, given, drawn=drawn) is not None


def step_drawers(
    rel: Signed, by_key: Mapping[str, Relation], held: Callable[[str], Holding | None]
) -> set[str]:
    """Who draws the step "x -> y" an undercut attacks: the speaker its attribution
    names, and those who quote x in a document that also quotes y (as ``held`` reads
    them); empty for a step not looked up or an end left out."""
    step = by_key.get(rel.undercut_of) if rel.undercut_of is not None else None
    if step is None:
        return set()
    found = {step.attribution.speaker} if step.attribution is not None else set()
    x, y = held(step.source), held(step.target)
    if x is not None and y is not None:
        documents = set(y.documents)
        found.update(a.speaker for a in x.attributions if a.document in documents)
    return found


def reads_sides(source_answer: Answer | None, undercut: bool) -> tuple[bool, bool]:
    """Whether :func:`clash_sides` reads the source's, and the target's, holders' answers
    for a rebuttal whose source gives ``source_answer``: a source's holders who give the
    other answer, and a rebutted answer's holders, are on their side whatever else they
    say (the leave-one-out runs judge again only the rebuttals a side change can flip)."""
    return source_answer is None, undercut


def _gives_only(counts: Sequence[int], answer: int) -> bool:
    """Whether a speaker's claims on the question give this answer (0 yes, 1 no) only."""
    return counts[answer] > 0 and counts[1 - answer] == 0


def rebuttal_in_time(
    rel: Signed,
    by_key: Mapping[str, Relation],
    dates: DocumentDates,
    held: Callable[[str], Holding | None],
) -> bool:
    """Whether a rebuttal comes from a document not older than its target claim's.

    The rebuttal's document is its attribution's, or else any of its source claim's
    (as ``held`` reads them, a left-out document excepted; a claim left out has none).
    """
    if not dates.dated:
        return True  # no document has a date: nothing is older than anything
    keyed = by_key.get(rel.relation)
    drawn = keyed.attribution if keyed is not None else None
    answer = [drawn.document] if drawn is not None else _documents(held(rel.source))
    return dates.not_older(answer, _documents(held(rel.target)))


def relations_read_by_key(graph: ArgumentGraph, links: Iterable[Signed]) -> dict[str, Relation]:
    """The relations the analysis looks up by key: those an undercut attacks (what it
    attacks) and those whose attribution names who draws them (when the rebuttal was
    made); the others it reads as signed links."""
    attacked = {r.undercut_of for r in links if r.undercut_of is not None}
    return {r.key: r for r in graph.relations if r.attribution is not None or r.id in attacked}


def _documents(held: Holding | None) -> list[str]:
    """A claim's documents, none when it is left out."""
    return [] if held is None else held.documents


__all__ = [
    "OTHER_ANSWER",
    "SpeakerAnswers",
    "attacked_answer",
    "attacks_by_answering_claim",
    "clash_sides",
    "is_clash",
    "reads_sides",
    "rebuttal_in_time",
    "relations_read_by_key",
    "step_drawers",
]
