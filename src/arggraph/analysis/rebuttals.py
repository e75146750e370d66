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
>>> from arggraph.analysis.holding import Holding
>>> heim = Holding(attributions=[], holders=["heim"], named=["heim"], documents=["d"])
>>> mcbride = Holding(attributions=[], holders=["mcbride"], named=["mcbride"], documents=["d"])
>>> is_clash("no", "yes", heim, mcbride), is_clash("no", "no", heim, mcbride)
(True, False)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Mapping

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


def is_clash(
    source_answer: Answer | None, target_answer: Answer, source: Holding, target: Holding
) -> bool:
    """Whether a rebuttal is a crux: the ends do not give the same answer, named
    speakers hold each, and nobody holds both."""
    return (
        source_answer != target_answer
        and bool(source.named)
        and bool(target.named)
        and set(source.holders).isdisjoint(target.holders)
    )


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
    "attacked_answer",
    "attacks_by_answering_claim",
    "is_clash",
    "rebuttal_in_time",
    "relations_read_by_key",
]
