"""What changed between two versions of a graph: claims, relations, positions, ranks.

:func:`diff` compares an old and a new graph of the same debate:

- **claims** are matched by id first, then (among the rest) by statement similarity
  (:mod:`arggraph.analysis.similarity`, one to one, at or above ``threshold``). A
  match whose statement changed is *reworded*, with its score (1.0 for the same
  content words); the unmatched are *added* or *removed*;
- **relations** are compared after old claim ids are mapped to their matches, so a
  claim that only changed id does not turn its relations into removals and additions;
  a pair related in both versions with a different kind is *flipped*;
- **positions**: every speaker whose answer to a question changed (a new voice, a
  voice gone, another lean, or a lean now resting on other grounds), with the
  speaker's quotes before and after (:func:`arggraph.positions`);
- **contestedness**: every question whose rank or score moved
  (:func:`arggraph.contested_topics`, without the leave-one-out runs), and why: the
  voices that joined, left or switched, and the clashes (cruxes) gained or lost.

Example
-------
>>> import arggraph
>>> g = arggraph.load("graphs/deepseek.yaml")
>>> d = diff(g, g)
>>> d.claims_added, d.claims_removed, d.positions_changed, d.unchanged_claims == len(g.claims)
([], [], [], True)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from pydantic import Field

from arggraph.analysis.contestedness import QuestionContest, contested_topics
from arggraph.analysis.positions import (
    Crux,
    Lean,
    Position,
    PositionsReport,
    QuestionPositions,
    positions,
)
from arggraph.analysis.results import QuoteRef, Result, counted, join_names, shorten
from arggraph.analysis.similarity import (
    DEFAULT_THRESHOLD,
    match_statements,
    statement_similarity,
)
from arggraph.model import ArgumentGraph, Relation


class ClaimChange(Result):
    """A claim only one version has."""

    id: str
    statement: str
    speakers: list[str] = Field(description="names of its holders")
    documents: list[str]


class ClaimMatch(Result):
    """One claim in both versions whose statement or id changed."""

    old: str = Field(description="the claim's id in the old graph")
    new: str = Field(description="its id in the new graph")
    matched_by: Literal["id", "statement"]
    score: float = Field(description="statement similarity, 1.0 = the same content words")
    old_statement: str
    new_statement: str


class RelationChange(Result):
    """A relation only one version draws (or, ``flipped``, draws with the other kind)."""

    source: str = Field(description="the source claim's id (in the new graph when matched)")
    target: str = Field(description="the target claim's id, or the undercut relation's")
    kind: str = Field(description="'supports' or 'rebuts' ('rebuts' on a relation: undercut)")
    source_statement: str
    target_statement: str = Field(description="for an undercut, the attacked relation")
    was: str | None = Field(None, description="for a flipped relation, the old kind")


class PositionChange(Result):
    """A speaker whose answer to a question changed, with their quotes before and after."""

    question: str
    label: str
    speaker: str
    name: str
    before: Lean | None = Field(description="None: the speaker was not placed before")
    after: Lean | None = Field(description="None: the speaker is no longer placed")
    basis_before: str | None
    basis_after: str | None
    change: Literal["new voice", "voice gone", "lean changed", "basis changed"]
    reasons_before: list[str] = Field(description="'answer: statement' of each claim behind it")
    reasons_after: list[str]
    quotes_before: list[QuoteRef]
    quotes_after: list[QuoteRef]


class CruxChange(Result):
    """A clash gained or lost on a question."""

    relation: str
    source: str = Field(description="the rebutting claim's statement")
    target: str = Field(description="the rebutted claim's statement")
    by: list[str] = Field(description="names of the rebutting claim's holders")
    against: list[str] = Field(description="names of the rebutted claim's holders")


class VoiceChange(Result):
    """A voice (a speaker answering in own claims) that joined, left or switched."""

    speaker: str
    name: str
    before: Lean | None
    after: Lean | None


class RankChange(Result):
    """A question whose contestedness rank or score moved, and what made the difference."""

    question: str
    label: str
    rank_before: int | None = Field(description="0: not contested; None: no such question")
    rank_after: int | None
    score_before: float
    score_after: float
    voices_joined: list[VoiceChange]
    voices_left: list[VoiceChange]
    voices_switched: list[VoiceChange]
    cruxes_added: list[CruxChange]
    cruxes_removed: list[CruxChange]
    documents_before: list[str]
    documents_after: list[str]
    why: str = Field(description="one line for a reader")


class Renamed(Result):
    """An object whose id is in both versions and whose words changed (a question)."""

    id: str
    before: str
    after: str


class GraphDiff(Result):
    """Everything that changed from ``old`` to ``new`` (see the module docs)."""

    old_title: str | None
    new_title: str | None
    threshold: float = Field(description="lowest statement similarity that matched claims")
    documents_added: list[str]
    documents_removed: list[str]
    speakers_added: list[str]
    speakers_removed: list[str]
    questions_added: list[str]
    questions_removed: list[str]
    questions_reworded: list[Renamed]
    claims_added: list[ClaimChange]
    claims_removed: list[ClaimChange]
    claims_reworded: list[ClaimMatch]
    unchanged_claims: int = Field(description="claims with the same id and statement")
    relations_added: list[RelationChange]
    relations_removed: list[RelationChange]
    relations_flipped: list[RelationChange]
    positions_changed: list[PositionChange]
    ranks_changed: list[RankChange]

    def _summary(self) -> str:
        return (
            f"+{len(self.claims_added)} -{len(self.claims_removed)} "
            f"~{len(self.claims_reworded)} claims, +{len(self.relations_added)} "
            f"-{len(self.relations_removed)} relations, "
            f"{counted(len(self.positions_changed), 'position')} changed, "
            f"{counted(len(self.ranks_changed), 'rank')} moved"
        )

    @property
    def empty(self) -> bool:
        """True when nothing changed."""
        return not any(value for _, value in self if isinstance(value, list))


def diff(
    old: ArgumentGraph, new: ArgumentGraph, *, threshold: float = DEFAULT_THRESHOLD
) -> GraphDiff:
    """What changed from ``old`` to ``new``: claims, relations, positions, contested ranks.

    Parameters
    ----------
    old, new : ArgumentGraph
    threshold : float
        Claims whose ids differ are matched when their statements are at least this
        similar (:func:`~arggraph.analysis.similarity.statement_similarity`).

    Returns
    -------
    GraphDiff
        Every list sorted (by id, question order or rank), so the same two graphs
        always give the same diff.
    """
    by_id = _id_matches(old, new)
    by_statement = _claim_matches(old, new, threshold)
    in_new = {c.id for c in new.claims}
    to_new = {c.id: c.id for c in old.claims if c.id in in_new}
    to_new.update((m.old, m.new) for m in by_statement)
    matched_new = set(to_new.values())
    old_stands, new_stands = positions(old), positions(new)
    old_contest = contested_topics(old, robustness=False, stands=old_stands)
    new_contest = contested_topics(new, robustness=False, stands=new_stands)
    old_questions, new_questions = _question_texts(old), _question_texts(new)
    added, removed, flipped = _relation_changes(old, new, to_new)
    return GraphDiff(
        old_title=old.title,
        new_title=new.title,
        threshold=threshold,
        documents_added=_only(new.documents, old.documents),
        documents_removed=_only(old.documents, new.documents),
        speakers_added=_only(new.speakers, old.speakers),
        speakers_removed=_only(old.speakers, new.speakers),
        questions_added=[q for q in new_questions if q not in old_questions],
        questions_removed=[q for q in old_questions if q not in new_questions],
        questions_reworded=[
            Renamed(id=q, before=old_questions[q], after=text)
            for q, text in new_questions.items()
            if q in old_questions and old_questions[q] != text
        ],
        claims_added=[_claim_change(new, c.id) for c in new.claims if c.id not in matched_new],
        claims_removed=[_claim_change(old, c.id) for c in old.claims if c.id not in to_new],
        claims_reworded=by_id + by_statement,
        unchanged_claims=len(to_new) - len(by_statement) - len(by_id),
        relations_added=added,
        relations_removed=removed,
        relations_flipped=flipped,
        positions_changed=_position_changes(old_stands, new_stands),
        ranks_changed=_rank_changes(
            old_contest.questions, new_contest.questions, old_stands, new_stands, to_new
        ),
    )


def _only(mine: Iterable[object], theirs: Iterable[object]) -> list[str]:
    other = {getattr(x, "id") for x in theirs}  # noqa: B009  (documents and speakers)
    return [getattr(x, "id") for x in mine if getattr(x, "id") not in other]  # noqa: B009


def _question_texts(graph: ArgumentGraph) -> dict[str, str]:
    texts = {}
    for topic in graph.topics:
        texts[topic.id] = topic.question or topic.label
        for sub in topic.questions:
            texts[sub.id] = sub.question
    return texts


def _id_matches(old: ArgumentGraph, new: ArgumentGraph) -> list[ClaimMatch]:
    """Claims in both versions under one id whose statement changed."""
    now = {c.id: c.statement for c in new.claims}
    return [
        ClaimMatch(
            old=c.id,
            new=c.id,
            matched_by="id",
            score=statement_similarity(c.statement, now[c.id]),
            old_statement=c.statement,
            new_statement=now[c.id],
        )
        for c in old.claims
        if c.id in now and now[c.id] != c.statement
    ]


def _claim_matches(old: ArgumentGraph, new: ArgumentGraph, threshold: float) -> list[ClaimMatch]:
    """Claims matched by statement among those whose id is in one version only."""
    in_old, in_new = {c.id for c in old.claims}, {c.id for c in new.claims}
    left = [(c.id, c.statement) for c in old.claims if c.id not in in_new]
    right = [(c.id, c.statement) for c in new.claims if c.id not in in_old]
    found = match_statements(left, right, threshold=threshold)
    return sorted(
        (
            ClaimMatch(
                old=a,
                new=b,
                matched_by="statement",
                score=score,
                old_statement=old.claim(a).statement,
                new_statement=new.claim(b).statement,
            )
            for a, b, score in found
        ),
        key=lambda m: (m.new, m.old),
    )


def _claim_change(graph: ArgumentGraph, claim_id: str) -> ClaimChange:
    claim = graph.claim(claim_id)
    names = {s.id: s.name for s in graph.speakers}
    return ClaimChange(
        id=claim.id,
        statement=claim.statement,
        speakers=[names[s] for s in claim.speakers],
        documents=claim.documents,
    )


RelationKey = tuple[str, str, str]
"""(source claim, target claim or ``relation:`` + the attacked relation's key, kind)."""


def _relation_keys(
    graph: ArgumentGraph, rename: dict[str, str] | None = None
) -> dict[RelationKey, Relation]:
    """Each relation under a key that survives renamed claims and relation ids."""
    by_key = {r.key: r for r in graph.relations}

    def claim(claim_id: str) -> str:
        return rename.get(claim_id, claim_id) if rename is not None else claim_id

    def key(rel: Relation, depth: int = 0) -> RelationKey:
        if rel.target in by_key and depth < len(by_key):
            attacked = key(by_key[rel.target], depth + 1)
            return claim(rel.source), "relation:" + "->".join(attacked), rel.kind
        return claim(rel.source), claim(rel.target), rel.kind

    return {key(r): r for r in graph.relations}


def _relation_changes(
    old: ArgumentGraph, new: ArgumentGraph, to_new: dict[str, str]
) -> tuple[list[RelationChange], list[RelationChange], list[RelationChange]]:
    old_keys = _relation_keys(old, to_new)
    new_keys = _relation_keys(new)
    old_pairs = {(k[0], k[1]): k[2] for k in old_keys}
    new_pairs = {(k[0], k[1]): k[2] for k in new_keys}
    flipped = sorted(
        (
            _relation_change(new, new_keys[(s, t, kind)], was=old_pairs[(s, t)])
            for (s, t), kind in new_pairs.items()
            if (s, t) in old_pairs and old_pairs[(s, t)] != kind
        ),
        key=_relation_order,
    )
    added = sorted(
        (
            _relation_change(new, rel)
            for k, rel in new_keys.items()
            if k not in old_keys and (k[0], k[1]) not in old_pairs
        ),
        key=_relation_order,
    )
    removed = sorted(
        (
            _relation_change(old, rel)
            for k, rel in old_keys.items()
            if k not in new_keys and (k[0], k[1]) not in new_pairs
        ),
        key=_relation_order,
    )
    return added, removed, flipped


def _relation_order(change: RelationChange) -> tuple[str, str, str]:
    return change.target, change.source, change.kind


def _relation_change(graph: ArgumentGraph, rel: Relation, was: str | None = None) -> RelationChange:
    def statement(ref: str) -> str:
        if graph.is_undercut(rel) and ref == rel.target:
            return f"the relation {ref}"
        return graph.claim(ref).statement

    return RelationChange(
        source=rel.source,
        target=rel.target,
        kind=rel.kind,
        source_statement=statement(rel.source),
        target_statement=statement(rel.target),
        was=was,
    )


def _position_quotes(position: Position | None) -> list[QuoteRef]:
    if position is None:
        return []
    quotes = [q for c in position.claims for q in c.quotes]
    quotes += [q for r in position.relations for q in r.quotes]
    return list({(q.document, q.start, q.quote): q for q in quotes}.values())


def _position_reasons(position: Position | None) -> list[str]:
    if position is None:
        return []
    reasons = [f"{c.answer}: {c.statement}" for c in position.claims]
    reasons += [
        f"{r.implies}: {r.kind} {r.target_statement!r} (which answers {r.target_answer})"
        for r in position.relations
    ]
    return list(dict.fromkeys(reasons))


def _position_changes(old: PositionsReport, new: PositionsReport) -> list[PositionChange]:
    before = {q.id: q for q in old.questions}
    found = []
    for q in new.questions:
        was = {p.speaker: p for p in before[q.id].positions} if q.id in before else {}
        now = {p.speaker: p for p in q.positions}
        for speaker in sorted(set(was) | set(now), key=lambda s: _name(was, now, s)):
            a, b = was.get(speaker), now.get(speaker)
            if a is not None and b is not None and (a.lean, a.basis) == (b.lean, b.basis):
                continue
            change: Literal["new voice", "voice gone", "lean changed", "basis changed"]
            if a is None:
                change = "new voice"
            elif b is None:
                change = "voice gone"
            elif a.lean != b.lean:
                change = "lean changed"
            else:
                change = "basis changed"
            found.append(
                PositionChange(
                    question=q.id,
                    label=q.label,
                    speaker=speaker,
                    name=_name(was, now, speaker),
                    before=a.lean if a else None,
                    after=b.lean if b else None,
                    basis_before=a.basis if a else None,
                    basis_after=b.basis if b else None,
                    change=change,
                    reasons_before=_position_reasons(a),
                    reasons_after=_position_reasons(b),
                    quotes_before=_position_quotes(a),
                    quotes_after=_position_quotes(b),
                )
            )
    return found


def _name(was: dict[str, Position], now: dict[str, Position], speaker: str) -> str:
    return (now.get(speaker) or was[speaker]).name


def _voices(q: QuestionContest | None) -> dict[str, tuple[str, Lean]]:
    if q is None:
        return {}
    found: dict[str, tuple[str, Lean]] = {}
    for lean, refs in (("yes", q.yes), ("no", q.no), ("mixed", q.mixed)):
        for ref in refs:
            found[ref.id] = (ref.name, lean)  # type: ignore[assignment]
    return found


def _crux_key(crux: Crux, rename: dict[str, str]) -> tuple[str, str]:
    return rename.get(crux.source.id, crux.source.id), rename.get(crux.target.id, crux.target.id)


def _crux_change(crux: Crux) -> CruxChange:
    return CruxChange(
        relation=crux.relation,
        source=crux.source.statement,
        target=crux.target.statement,
        by=[s.name for s in crux.by],
        against=[s.name for s in crux.against],
    )


def _rank_changes(
    old: list[QuestionContest],
    new: list[QuestionContest],
    old_stands: PositionsReport,
    new_stands: PositionsReport,
    to_new: dict[str, str],
) -> list[RankChange]:
    before = {q.id: q for q in old}
    after = {q.id: q for q in new}
    old_q = {q.id: q for q in old_stands.questions}
    new_q = {q.id: q for q in new_stands.questions}
    found = []
    for qid in [q.id for q in new] + [q.id for q in old if q.id not in after]:
        a, b = before.get(qid), after.get(qid)
        if a is not None and b is not None and (a.rank, a.score) == (b.rank, b.score):
            continue
        if (a is None or not a.contested) and (b is None or not b.contested):
            continue  # never contested: its rank says nothing
        was, now = _voices(a), _voices(b)
        joined = [_voice(s, now[s], None) for s in now if s not in was]
        left = [_voice(s, was[s], None, gone=True) for s in was if s not in now]
        switched = [
            VoiceChange(speaker=s, name=now[s][0], before=was[s][1], after=now[s][1])
            for s in now
            if s in was and was[s][1] != now[s][1]
        ]
        old_cruxes = _cruxes(old_q.get(qid), to_new)
        new_cruxes = _cruxes(new_q.get(qid), {})
        gained = [_crux_change(c) for k, c in new_cruxes.items() if k not in old_cruxes]
        lost = [_crux_change(c) for k, c in old_cruxes.items() if k not in new_cruxes]
        docs_before = a.documents if a else []
        docs_after = b.documents if b else []
        found.append(
            RankChange(
                question=qid,
                label=(b or a).label if (b or a) else qid,  # type: ignore[union-attr]
                rank_before=a.rank if a else None,
                rank_after=b.rank if b else None,
                score_before=a.score if a else 0.0,
                score_after=b.score if b else 0.0,
                voices_joined=sorted(joined, key=lambda v: v.name),
                voices_left=sorted(left, key=lambda v: v.name),
                voices_switched=sorted(switched, key=lambda v: v.name),
                cruxes_added=gained,
                cruxes_removed=lost,
                documents_before=docs_before,
                documents_after=docs_after,
                why=_why(a, b, joined, left, switched, gained, lost, docs_before, docs_after),
            )
        )
    return sorted(found, key=_rank_order)


def _rank_order(change: RankChange) -> tuple[int, int, str]:
    after = change.rank_after or 10**9
    before = change.rank_before or 10**9
    return after, before, change.question


def _cruxes(q: QuestionPositions | None, rename: dict[str, str]) -> dict[tuple[str, str], Crux]:
    return {} if q is None else {_crux_key(c, rename): c for c in q.cruxes}


def _voice(
    speaker: str, voice: tuple[str, Lean], other: Lean | None, *, gone: bool = False
) -> VoiceChange:
    name, lean = voice
    if gone:
        return VoiceChange(speaker=speaker, name=name, before=lean, after=other)
    return VoiceChange(speaker=speaker, name=name, before=other, after=lean)


def _rank_words(q: QuestionContest | None) -> str:
    if q is None:
        return "absent"
    return f"#{q.rank}" if q.rank else "not contested"


def _why(
    a: QuestionContest | None,
    b: QuestionContest | None,
    joined: list[VoiceChange],
    left: list[VoiceChange],
    switched: list[VoiceChange],
    gained: list[CruxChange],
    lost: list[CruxChange],
    docs_before: list[str],
    docs_after: list[str],
) -> str:
    head = (
        f"{_rank_words(a)} -> {_rank_words(b)} "
        f"(score {a.score if a else 0.0:.1f} -> {b.score if b else 0.0:.1f})"
    )
    parts = []
    if a is not None and b is not None and a.question != b.question:
        parts.append("the question was reworded (answers may have turned with it)")
    for lean in ("yes", "no", "mixed"):
        names = [v.name for v in joined if v.after == lean]
        if names:
            parts.append(f"{join_names(names, limit=4)} joined {_side(lean)}")
        names = [v.name for v in left if v.before == lean]
        if names:
            parts.append(f"{join_names(names, limit=4)} left {_side(lean)}")
    for v in switched:
        parts.append(f"{v.name} {v.before} -> {v.after}")
    if gained:
        parts.append(f"{counted(len(gained), 'new clash', 'new clashes')}")
    if lost:
        parts.append(f"{counted(len(lost), 'clash', 'clashes')} gone")
    if len(docs_before) != len(docs_after):
        parts.append(f"sources {len(docs_before)} -> {len(docs_after)}")
    if a is None:
        parts.append("a new question")
    elif b is None:
        parts.append("the question was removed")
    if not parts:
        parts.append("nothing changed on this question; others moved around it")
    return shorten(f"{head}: {'; '.join(parts)}.", 400)


def _side(lean: str) -> str:
    return "both ways" if lean == "mixed" else f"the {lean} side"


__all__ = [
    "ClaimChange",
    "ClaimMatch",
    "CruxChange",
    "GraphDiff",
    "PositionChange",
    "RankChange",
    "RelationChange",
    "Renamed",
    "VoiceChange",
    "diff",
]
