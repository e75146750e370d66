"""How contested each claim is: the rebuttals and supports it receives, and from whom.

A claim's two sides are its holders and the holders of claims that support it against
the holders of claims that rebut it (undercuts read as in
:func:`arggraph.analysis.signed.signed_relations`). Which *questions* and topics are
contested is :mod:`arggraph.analysis.contestedness`, built on speakers' positions.

Example
-------
>>> import arggraph
>>> report = contested_claims(arggraph.load("graphs/deepseek.yaml"))
>>> report.claims[0].components.rebuttals > 0
True
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pydantic import Field

from arggraph.analysis.results import (
    ClaimRef,
    DocumentRef,
    QuoteRef,
    Result,
    SpeakerRef,
    counted,
    round_score,
    shorten,
)
from arggraph.analysis.signed import SignedRelation, signed_relations
from arggraph.model import ArgumentGraph, Claim

T = TypeVar("T")


class Rebuttal(Result):
    """One rebuttal (or undercut) and who makes it, and whether it is answered.

    A rebuttal is *answered* when its source claim is itself rebutted (by any claim,
    anywhere in the graph), which includes an undercut of this very rebuttal.
    """

    relation: str
    source: str = Field(description="the rebutting claim")
    target: str = Field(description="the rebutted claim (for an undercut: whose argument)")
    undercut_of: str | None = Field(None, description="the relation an undercut attacks")
    by: list[SpeakerRef] = Field(description="holders of the source claim")
    against: list[SpeakerRef] = Field(description="holders of the target claim")
    answered: bool
    answered_by: list[str] = Field(description="relations that rebut the source claim")


class Support(Result):
    """One support received by a claim, and who gives it."""

    relation: str
    source: str
    by: list[SpeakerRef]


class ScoreComponents(Result):
    """The numbers a contestedness score is computed from (see docs/analysis.md)."""

    speakers_a: int = Field(description="distinct speakers holding a claim on side A")
    speakers_b: int
    documents_a: int = Field(description="distinct documents quoting a claim on side A")
    documents_b: int
    rebuttals: int = Field(description="rebuttals crossing between the sides")
    answered: int = Field(description="of those, how many are answered")
    voices: int = Field(description="min(speakers_a, speakers_b)")
    volume: float = Field(description="rebuttals / (rebuttals + 1)")
    answered_share: float = Field(description="answered / rebuttals (0 without rebuttals)")
    spread: float = Field(description="m / (m + 1), m = min(documents_a, documents_b)")
    engagement: float = Field(description="(volume + answered_share + spread) / 3")
    score: float = Field(description="voices * (1 + engagement), or 0 without rebuttals")


class ClaimContest(Result):
    """How contested one claim is: rebuttals and supports received, and by whom."""

    rank: int
    claim: ClaimRef
    score: float
    components: ScoreComponents = Field(
        description="side A: the claim's holders and supporters; side B: its rebutters"
    )
    rebuttals: list[Rebuttal]
    supports: list[Support]
    reasons: list[str]


class ContestedClaimsReport(Result):
    """Every claim, from most to least contested."""

    claims: list[ClaimContest]

    def _summary(self) -> str:
        top = [c for c in self.claims if c.rank]
        most = f"; most contested: {shorten(top[0].claim.statement, 60)!r}" if top else ""
        return f"{counted(len(self.claims), 'claim')}{most}"


# ---------------------------------------------------------------- shared lookups


@dataclass
class _Index:
    """Lookups over one graph, built once per analysis."""

    graph: ArgumentGraph
    claims: dict[str, Claim] = field(default_factory=dict)
    claim_order: dict[str, int] = field(default_factory=dict)
    speakers: dict[str, SpeakerRef] = field(default_factory=dict)
    speaker_order: dict[str, int] = field(default_factory=dict)
    documents: dict[str, DocumentRef] = field(default_factory=dict)
    document_order: dict[str, int] = field(default_factory=dict)
    relations: list[SignedRelation] = field(default_factory=list)
    rebuttals_into: dict[str, list[SignedRelation]] = field(default_factory=dict)
    supports_into: dict[str, list[SignedRelation]] = field(default_factory=dict)
    _claim_refs: dict[str, ClaimRef] = field(default_factory=dict)

    @classmethod
    def of(cls, graph: ArgumentGraph) -> _Index:
        index = cls(graph)
        index.claims = {c.id: c for c in graph.claims}
        index.claim_order = _rank_by(index.claims, lambda c: (c.statement, c.id))
        index.speakers = {
            s.id: SpeakerRef(id=s.id, name=s.name, role=s.role) for s in graph.speakers
        }
        index.speaker_order = _rank_by(index.speakers, lambda s: (s.name, s.id))
        index.documents = {d.id: DocumentRef(id=d.id, title=d.title) for d in graph.documents}
        index.document_order = _rank_by(index.documents, lambda d: (d.title, d.id))
        index.relations = signed_relations(graph)
        index.rebuttals_into = defaultdict(list)
        index.supports_into = defaultdict(list)
        for rel in index.relations:
            into = index.rebuttals_into if rel.sign < 0 else index.supports_into
            into[rel.target].append(rel)
        return index

    def claim_ref(self, claim_id: str) -> ClaimRef:
        ref = self._claim_refs.get(claim_id)
        if ref is None:
            claim = self.claims[claim_id]
            quotes = [QuoteRef.of(a, self.speakers[a.speaker].name) for a in claim.attributions]
            ref = self._claim_refs[claim_id] = ClaimRef(
                id=claim.id, statement=claim.statement, quotes=quotes
            )
        return ref

    def sorted_claims(self, claim_ids: Iterable[str]) -> list[str]:
        return sorted(set(claim_ids), key=self.claim_order.__getitem__)

    def speaker_refs(self, claim_ids: Iterable[str]) -> list[SpeakerRef]:
        ids = {s for c in claim_ids for s in self.claims[c].speakers}
        return [self.speakers[s] for s in sorted(ids, key=self.speaker_order.__getitem__)]

    def document_refs(self, claim_ids: Iterable[str]) -> list[DocumentRef]:
        ids = {d for c in claim_ids for d in self.claims[c].documents}
        return [self.documents[d] for d in sorted(ids, key=self.document_order.__getitem__)]

    def rebuttal(self, rel: SignedRelation) -> Rebuttal:
        answers = sorted(r.relation for r in self.rebuttals_into.get(rel.source, []))
        return Rebuttal(
            relation=rel.relation,
            source=rel.source,
            target=rel.target,
            undercut_of=rel.undercut_of,
            by=self.speaker_refs([rel.source]),
            against=self.speaker_refs([rel.target]),
            answered=bool(answers),
            answered_by=answers,
        )


def _rank_by(items: Mapping[str, T], key: Callable[[T], tuple[str, str]]) -> dict[str, int]:
    ordered = sorted(items, key=lambda k: key(items[k]))
    return {item: i for i, item in enumerate(ordered)}


def score_components(
    *,
    speakers_a: int,
    speakers_b: int,
    documents_a: int,
    documents_b: int,
    rebuttals: int,
    answered: int,
) -> ScoreComponents:
    """The contestedness score from its counts (docs/analysis.md, "The score").

    ``score = voices * (1 + engagement)`` where ``voices = min(speakers_a,
    speakers_b)`` and ``engagement`` is the mean of ``volume = r / (r + 1)``,
    ``answered_share = answered / r`` and ``spread = m / (m + 1)`` with ``r`` the
    cross-side rebuttals and ``m = min(documents_a, documents_b)``; the score is 0
    when ``r`` is 0. Since ``engagement < 1``, a score lies in ``[voices, 2 * voices)``:
    a debate with two voices on each side always outranks one voice against many.

    Example
    -------
    >>> score_components(speakers_a=2, speakers_b=2, documents_a=2, documents_b=1,
    ...                  rebuttals=3, answered=1).score
    3.0556
    """
    voices = min(speakers_a, speakers_b)
    smaller_documents = min(documents_a, documents_b)
    volume = rebuttals / (rebuttals + 1)
    answered_share = answered / rebuttals if rebuttals else 0.0
    spread = smaller_documents / (smaller_documents + 1)
    engagement = (volume + answered_share + spread) / 3
    score = voices * (1 + engagement) if rebuttals else 0.0
    return ScoreComponents(
        speakers_a=speakers_a,
        speakers_b=speakers_b,
        documents_a=documents_a,
        documents_b=documents_b,
        rebuttals=rebuttals,
        answered=answered,
        voices=voices,
        volume=round_score(volume),
        answered_share=round_score(answered_share),
        spread=round_score(spread),
        engagement=round_score(engagement),
        score=round_score(score),
    )


# ---------------------------------------------------------------- claims


def contested_claims(graph: ArgumentGraph) -> ContestedClaimsReport:
    """Rank every claim by how contested it is: rebuttals received, by whom, answered or not.

    A claim's two sides are its holders and the holders of claims that support it
    (side A) against the holders of claims that rebut it (side B), undercuts counting
    as in :func:`signed_relations`; the score is :func:`score_components` of those
    sides, with all rebuttals received as cross-side rebuttals.

    Parameters
    ----------
    graph : ArgumentGraph

    Returns
    -------
    ContestedClaimsReport
        Claims ranked by score, then rebuttals received, then distinct rebutters,
        then statement.

    Example
    -------
    >>> import arggraph                                                    # doctest: +SKIP
    >>> contested_claims(arggraph.load("graphs/deepseek.yaml")).claims[0].claim.id  # doctest: +SKIP
    'sputnik-moment'
    """
    index = _Index.of(graph)
    results = []
    for claim_id in index.sorted_claims(index.claims):
        rebuts = sorted(
            (index.rebuttal(r) for r in index.rebuttals_into.get(claim_id, [])),
            key=lambda r: (index.claim_order[r.source], r.relation),
        )
        supports = sorted(
            (
                Support(relation=r.relation, source=r.source, by=index.speaker_refs([r.source]))
                for r in index.supports_into.get(claim_id, [])
            ),
            key=lambda s: (index.claim_order[s.source], s.relation),
        )
        side_a = [claim_id, *(s.source for s in supports)]
        side_b = [r.source for r in rebuts]
        components = score_components(
            speakers_a=len(index.speaker_refs(side_a)),
            speakers_b=len(index.speaker_refs(side_b)),
            documents_a=len(index.document_refs(side_a)),
            documents_b=len(index.document_refs(side_b)),
            rebuttals=len(rebuts),
            answered=sum(r.answered for r in rebuts),
        )
        results.append(
            ClaimContest(
                rank=0,
                claim=index.claim_ref(claim_id),
                score=components.score,
                components=components,
                rebuttals=rebuts,
                supports=supports,
                reasons=_claim_reasons(index, claim_id, rebuts, supports, components),
            )
        )
    results.sort(
        key=lambda r: (
            -r.score,
            -r.components.rebuttals,
            -r.components.speakers_b,
            index.claim_order[r.claim.id],
        )
    )
    return ContestedClaimsReport(
        claims=[r.model_copy(update={"rank": i}) for i, r in enumerate(results, start=1)]
    )


# ---------------------------------------------------------------- reasons in words


def _names(speakers: Sequence[SpeakerRef], *, roles: bool = False, limit: int = 4) -> str:
    def name(s: SpeakerRef) -> str:
        return f"{s.name} ({s.role})" if roles and s.role else s.name

    shown = [name(s) for s in speakers[:limit]]
    if len(speakers) > limit:
        return f"{', '.join(shown)} and {counted(len(speakers) - limit, 'other')}"
    if len(shown) <= 1:
        return "".join(shown) or "nobody"
    return f"{', '.join(shown[:-1])} and {shown[-1]}"


def _statement(index: _Index, claim_id: str, width: int = 90) -> str:
    text = " ".join(index.claims[claim_id].statement.split()).rstrip(".")
    return '"' + (text if len(text) <= width else text[: width - 1] + "…") + '"'


def _claim_phrase(index: _Index, claim_id: str) -> str:
    holders = index.speaker_refs([claim_id])
    if len(holders) == 1:
        return f"{holders[0].name}'s claim {_statement(index, claim_id)}"
    return f"the claim {_statement(index, claim_id)} held by {_names(holders)}"


def _rebuttal_sentence(index: _Index, group: list[Rebuttal]) -> str:
    """One sentence for the rebuttals of one claim (or of one inference)."""
    first = group[0]
    rebutters = index.speaker_refs(r.source for r in group)
    several = len(rebutters) != 1
    target = _claim_phrase(index, first.target)
    if first.undercut_of is None:
        verb = "rebut" if several else "rebuts"
        what = target
    else:
        verb = "undercut" if several else "undercuts"
        attacked = next(r for r in index.graph.relations if r.key == first.undercut_of)
        if attacked.target in index.claims:
            what = f"the step from {target} to {_statement(index, attacked.target)}"
        else:
            what = f"the step drawn from {target} in relation '{attacked.key}'"
    answered = sum(r.answered for r in group)
    n = len(group)
    if n == 1 and answered:
        answerers = index.speaker_refs(
            rel.source for rel in index.rebuttals_into.get(first.source, [])
        )
        tail = f"the rebuttal is answered by {_names(answerers)}"
    elif n == 1:
        tail = "the rebuttal is unanswered"
    elif answered == 0:
        tail = f"none of the {n} rebuttals is answered"
    elif answered == n:
        tail = f"all {n} rebuttals are answered"
    else:
        tail = f"{answered} of the {n} rebuttals {'is' if answered == 1 else 'are'} answered"
    return f"{_names(rebutters, roles=True)} {verb} {what}; {tail}."


def _grouped(index: _Index, rebuttals: Sequence[Rebuttal]) -> list[list[Rebuttal]]:
    groups: dict[tuple[str, str | None], list[Rebuttal]] = defaultdict(list)
    for reb in rebuttals:
        groups[(reb.target, reb.undercut_of)].append(reb)
    return sorted(
        groups.values(),
        key=lambda g: (
            -len(index.speaker_refs(r.source for r in g)),
            -len(g),
            index.claim_order[g[0].target],
            g[0].undercut_of or "",
        ),
    )


def _more(groups: list[list[Rebuttal]], shown: int) -> str | None:
    rest = groups[shown:]
    if not rest:
        return None
    count = sum(len(g) for g in rest)
    return (
        f"{counted(count, 'more rebuttal')} target {counted(len(rest), 'more claim')}; "
        "every one is listed under rebuttals."
    )


_SHOWN_GROUPS = 4


def _claim_reasons(
    index: _Index,
    claim_id: str,
    rebuttals: list[Rebuttal],
    supports: list[Support],
    score: ScoreComponents,
) -> list[str]:
    supporters = index.speaker_refs(s.source for s in supports)
    backing = f"; {counted(len(supports), 'support')} from {_names(supporters)}" if supports else ""
    if not rebuttals:
        return [f"Not contested: nothing rebuts it{backing}."]
    reasons = [
        f"Contested (score {score.score:g}): {counted(len(rebuttals), 'rebuttal')} from "
        f"{counted(score.speakers_b, 'speaker')}, {score.answered} answered{backing}."
    ]
    groups = _grouped(index, rebuttals)
    reasons.extend(_rebuttal_sentence(index, g) for g in groups[:_SHOWN_GROUPS])
    more = _more(groups, _SHOWN_GROUPS)
    if more:
        reasons.append(more)
    return reasons
