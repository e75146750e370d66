"""Camps of speakers: a structural-balance split of an alignment's signed speaker graph.

:func:`~arggraph.analysis.alignment.speaker_camps` computes the alignment and the
positions it needs, then calls :func:`camps_of`, which reads only those two: each pair
whose agreement and disagreement differ is a signed link (kept as numbers, built as a
:class:`CampLink` when read, like alignment's pairs), the links are split by
:func:`~arggraph.analysis.balance.balanced_split`, and each camp is named by the
answers its members share.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from arggraph.analysis.alignment_evidence import KINDS, PairRows, SpeakerAlignment
from arggraph.analysis.balance import balanced_split
from arggraph.analysis.lazy_results import LazyResults
from arggraph.analysis.position_models import PositionsReport
from arggraph.analysis.results import Result, SpeakerRef, counted, round_score


class CampLink(Result):
    """A signed link between two speakers: the net of their agreement and disagreement."""

    first: str
    second: str
    sign: int = Field(description="+1 allies, -1 opponents")
    weight: float = Field(description="|agreement - disagreement|")
    evidence: list[str] = Field(
        description="the relation keys and claim ids behind it (supports, rebuttals, shared "
        "claims, claims both or one-and-the-other argue about)"
    )


class CampAnswer(Result):
    """An answer a camp's members give to a question, in their own claims."""

    question: str = Field(description="question id")
    label: str = Field(description="the question's short label")
    answer: Literal["yes", "no"]
    members: list[str] = Field(description="speaker ids of the camp who give this answer")


class Camp(Result):
    """A group of speakers on one side of a structural-balance split."""

    id: str = Field(description="'camp-1', 'camp-2', ... largest first")
    name: str = Field(description="what its members answer, e.g. 'Tighten them?: yes'")
    speakers: list[SpeakerRef]
    opposes: list[str] = Field(description="camps on the other side of the same split")
    answers: list[CampAnswer] = Field(
        description="answers at least half its members give and none contradicts, most shared first"
    )


class SpeakerCamps(Result):
    """Coalitions of speakers, the speakers linked to nobody, and what the split leaves out."""

    camps: list[Camp]
    unaligned: list[SpeakerRef] = Field(description="speakers with no signed link to anyone")
    links: LazyResults[CampLink] = Field(description="built when read, as alignment's pairs")
    frustrated: LazyResults[CampLink] = Field(description="links the split does not respect")
    frustration: float = Field(description="total weight of the frustrated links")
    exact: bool = Field(description="False when some part was split by local search")

    def _summary(self) -> str:
        return (
            f"{counted(len(self.camps), 'camp')}, {len(self.unaligned)} unaligned, "
            f"{counted(len(self.links), 'link')}, {len(self.frustrated)} frustrated"
        )


def camps_of(
    alignment: SpeakerAlignment, stands: PositionsReport, *, topic: str | None, exact_limit: int
) -> SpeakerCamps:
    """The camps of ``alignment``'s signed speaker graph, named from ``stands``.

    :func:`~arggraph.analysis.alignment.speaker_camps` documents the split and the
    names; ``topic`` limits the answers that name a camp to that topic's questions.
    """
    refs = {s.id: s for s in alignment.speakers}
    links = _LinkRows(alignment)
    linked = {links.speakers[k] for k in set(links.ends)}
    nodes = [s.id for s in alignment.speakers if s.id in linked]
    split = balanced_split(nodes, links.edges(), exact_limit=exact_limit)
    sides: list[list[str]] = []
    opposed: list[tuple[int, int]] = []
    for component in split.components:
        halves = [[s for s in component if split.sides[s] == k] for k in (0, 1)]
        halves = sorted((h for h in halves if h), key=lambda h: (-len(h), component.index(h[0])))
        if len(halves) == 2:
            opposed.append((len(sides), len(sides) + 1))
        sides.extend(halves)
    position = {s.id: i for i, s in enumerate(alignment.speakers)}
    numbered = sorted(range(len(sides)), key=lambda k: (-len(sides[k]), position[sides[k][0]]))
    camp_id = {k: f"camp-{n}" for n, k in enumerate(numbered, start=1)}
    opponents: dict[int, list[str]] = defaultdict(list)
    for a, b in opposed:
        opponents[a].append(camp_id[b])
        opponents[b].append(camp_id[a])
    frustrated = _Chosen(links, split.frustrated_edges)
    leans = _leans(stands, topic)
    camps = []
    for k in numbered:
        answers = _camp_answers(sides[k], leans)
        name = "; ".join(f"{a.label}: {a.answer}" for a in answers[:2]) or "no shared answer"
        camps.append(
            Camp(
                id=camp_id[k],
                name=name,
                speakers=[refs[s] for s in sides[k]],
                opposes=opponents[k],
                answers=answers,
            )
        )
    return SpeakerCamps(
        camps=camps,
        unaligned=[s for s in alignment.speakers if s.id not in linked],
        links=LazyResults(links),
        frustrated=LazyResults(frustrated),
        frustration=round_score(sum(abs(links.doubled[k]) for k in split.frustrated_edges) / 2),
        exact=split.exact,
    )


class _LinkRows:
    """The camp links of an alignment: each pair whose agreement and disagreement differ,
    kept as the pair's number and its doubled net; :meth:`__getitem__` builds the link."""

    def __init__(self, alignment: SpeakerAlignment) -> None:
        self.pairs = pairs = alignment.pairs
        self.speakers = [s.id for s in alignment.speakers]
        self.chosen = array("q")
        """The pair behind each link."""
        self.doubled = array("i")
        """Twice each link's agreement minus disagreement: whole, as weights are halves."""
        self.ends = array("i")
        """The two speakers of each link, by their number in ``speakers``, one after the other."""
        rows = pairs.rows
        if isinstance(rows, PairRows):
            agreeing, disagreeing = rows.agreeing, rows.disagreeing
            for k, (first, second) in enumerate(rows.numbers(range(len(rows)))):
                net = agreeing[k] - disagreeing[k]
                if net:
                    self._add(k, first, second, net)
        else:
            number = {s: i for i, s in enumerate(self.speakers)}
            for k, pair in enumerate(pairs):
                if pair.agreement - pair.disagreement:
                    doubled = round(2 * pair.agreement) - round(2 * pair.disagreement)
                    self._add(k, number[pair.first], number[pair.second], doubled)

    def _add(self, pair: int, first: int, second: int, doubled: int) -> None:
        self.chosen.append(pair)
        self.doubled.append(doubled)
        self.ends.extend((first, second))

    def edges(self) -> Iterator[tuple[str, str, int]]:
        """(first, second, doubled net) of every link: the signed edges to split, made as
        they are read (once)."""
        speakers, ends, doubled = self.speakers, self.ends, self.doubled
        for index in range(len(doubled)):
            yield speakers[ends[2 * index]], speakers[ends[2 * index + 1]], doubled[index]

    def __len__(self) -> int:
        return len(self.chosen)

    def __getitem__(self, index: int) -> CampLink:
        pair, doubled = self.chosen[index], self.doubled[index]
        rows = self.pairs.rows
        if isinstance(rows, PairRows):
            first, second = rows.speakers_of(pair)
            evidence = {item for items in rows.evidence_of(pair) for item in items}
        else:
            model = self.pairs[pair]
            first, second = model.first, model.second
            evidence = {item for kind in KINDS for item in getattr(model, kind)}
        return CampLink(
            first=first,
            second=second,
            sign=1 if doubled > 0 else -1,
            weight=round_score(abs(doubled) / 2),
            evidence=sorted(evidence),
        )


class _Chosen:
    """Some of the links, by their positions (the frustrated ones), built when read."""

    def __init__(self, links: _LinkRows, positions: list[int]) -> None:
        self.links = links
        self.positions = array("q", positions)

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, index: int) -> CampLink:
        return self.links[self.positions[index]]


_Leans = dict[tuple[str, str], dict[str, str]]
"""(question id, label) -> speaker id -> 'yes' | 'no' | 'mixed', from own claims."""


def _leans(stands: PositionsReport, topic: str | None) -> _Leans:
    return {
        (q.id, q.label): {p.speaker: p.lean for p in q.positions if p.basis == "own claims"}
        for q in stands.questions
        if topic is None or q.topic == topic
    }


def _camp_answers(members: list[str], leans: _Leans) -> list[CampAnswer]:
    """Answers at least half the members give (at least one) and no member contradicts."""
    found = []
    place = {s: k for k, s in enumerate(members)}
    for order, ((qid, label), by_speaker) in enumerate(leans.items()):
        if 2 * len(by_speaker) < len(members):
            continue  # fewer than half the members could give any answer
        # the members who answer it, in the camp's order: read from the few who answer
        given = dict(
            sorted(
                ((s, lean) for s, lean in by_speaker.items() if s in place),
                key=lambda item: place[item[0]],
            )
        )
        for answer in ("yes", "no"):
            agree = [s for s, lean in given.items() if lean == answer]
            against = [s for s, lean in given.items() if lean not in (answer, "mixed")]
            if agree and not against and 2 * len(agree) >= len(members):
                found.append(
                    (
                        -len(agree),
                        order,
                        CampAnswer(
                            question=qid,
                            label=label,
                            answer=answer,
                            members=agree,
                        ),
                    )
                )
    return [item for *_, item in sorted(found, key=lambda t: (t[0], t[1]))]


__all__ = ["Camp", "CampAnswer", "CampLink", "SpeakerCamps", "camps_of"]
