"""Add a new document to an existing graph: drafted claims and proposals to review.

:func:`propose_additions` drafts the new document's claims as ``arggraph extract``
does (:func:`~arggraph.extract.pipeline.extract_texts`), then proposes, for each
drafted claim, how it joins the graph:

- **merge**: it restates an existing claim (the same proposition, a new holder), when
  their content words overlap at ``merge_threshold`` or more
  (:func:`~arggraph.analysis.similarity.statement_similarity` against the claim's
  statement and each of its quotes);
- **supports** / **rebuts**: it is related to existing claims, scored by the learned
  relation model's ``across`` part (:mod:`arggraph.extract.learned`), both
  directions, among the existing claims on the topics of its most similar existing
  claims (all claims when none is similar); the best ``budget`` pairs at
  ``min_confidence`` or more;
- **new**: neither; the claim can still be added on its own.

The drafted relations within the new document are proposals too (``scope:
"within"``). Every proposal carries its evidence (statement similarity, TF-IDF cosine,
shared words and names, the cue words of the new claim, the model's probabilities)
and a confidence: the model's calibrated confidence for relations, the similarity
itself for merges (not calibrated). Nothing is applied here: the result is a
:class:`Review`, written as JSON (``docs/extraction.md``) and reviewed in the HTML
queue (:mod:`arggraph.render.review`), which exports the accepted changes as a patch
(:mod:`arggraph.patch`).

Example
-------
>>> import arggraph
>>> from arggraph.extract.pipeline import SourceText
>>> graph = arggraph.load("graphs/deepseek.yaml")  # doctest: +SKIP
>>> text = SourceText("op-ed", "Op-ed", "Export controls have failed to slow China.")
>>> review = propose_additions(graph, text)  # doctest: +SKIP
>>> review.proposals[0].kind  # doctest: +SKIP
'merge'
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from arggraph.analysis.similarity import statement_similarity, statement_words
from arggraph.errors import ArgGraphError, FormatError, Problem
from arggraph.extract.learned import PairScore, RelationModel, default_model
from arggraph.extract.pairs import PairContext, _names
from arggraph.extract.pipeline import SourceText, extract_texts
from arggraph.extract.relations import RelationNode
from arggraph.extract.topics import Embedder, LexicalEmbedder
from arggraph.io.atomic import write_text_atomic
from arggraph.model import ArgumentGraph, Claim

__all__ = [
    "REVIEW_VERSION",
    "Evidence",
    "NewClaim",
    "Proposal",
    "QuoteInContext",
    "Review",
    "dump_review",
    "propose_additions",
    "read_review",
    "write_review",
]

REVIEW_VERSION = 1
MERGE_THRESHOLD = 0.5
"""Default similarity from which a drafted claim is proposed as restating an existing one."""
CONTEXT = 240
"""Characters of text shown on each side of a quote."""
ProposalKind = Literal["merge", "supports", "rebuts", "new"]


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuoteInContext(_Data):
    """A quote with the text around it, as the reviewer reads it."""

    speaker: str = Field(description="the speaker's name")
    document: str = Field(description="the document's id")
    quote: str
    start: int | None = None
    end: int | None = None
    before: str = Field("", description="up to 240 characters of text before the quote")
    after: str = Field("", description="up to 240 characters of text after the quote")


class NewClaim(_Data):
    """A claim drafted from the new document."""

    id: str = Field(description="unique in the graph")
    statement: str
    speaker: str = Field(description="speaker id: an existing speaker of the same name, or new")
    speaker_name: str
    quote: QuoteInContext
    topics: list[str] = Field(description="existing topics: those of its most similar claim")
    confidence: float = Field(description="the extractor's confidence that it is a claim")


class Evidence(_Data):
    """Why a proposal is made."""

    similarity: float = Field(description="statement similarity (Dice of content words)")
    tfidf: float = Field(description="TF-IDF cosine of the two texts")
    shared_words: list[str]
    shared_names: list[str] = Field(description="capitalised words and numbers in both")
    cues: list[str] = Field(description="cue words of the new claim, as 'family: word'")
    p_related: float | None = Field(None, description="the model's P(related), uncalibrated")
    p_kind: float | None = Field(None, description="the model's P(kind | related)")


class Proposal(_Data):
    """One change to review: how a drafted claim joins the graph."""

    id: str
    kind: ProposalKind
    scope: Literal["existing", "within"] = Field(
        description="existing: with a claim of the graph; within: two drafted claims"
    )
    claim: str = Field(description="the drafted claim (NewClaim.id)")
    other: str | None = Field(
        None, description="the existing claim (scope existing) or the other drafted claim"
    )
    source: str | None = Field(None, description="relations: the supporting/rebutting claim")
    target: str | None = Field(None, description="relations: the claim supported/rebutted")
    confidence: float
    evidence: Evidence | None = None
    other_statement: str | None = None
    other_quotes: list[QuoteInContext] = Field(default_factory=list)


class Review(_Data):
    """The review file: a new document's drafted claims and the proposals to review."""

    arggraph_review: Literal[1] = 1
    graph: str = Field(description="the graph file(s) the proposals are against")
    document: dict[str, str] = Field(description="id, title, kind and path of the new document")
    text: str = Field(description="the new document's text")
    settings: dict[str, float | int | str]
    claims: list[NewClaim]
    proposals: list[Proposal]


def _context(text: str | None, start: int | None, end: int | None) -> tuple[str, str]:
    if text is None or start is None or end is None:
        return "", ""
    return text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def _existing_quotes(graph: ArgumentGraph, claim: Claim) -> list[QuoteInContext]:
    names = {s.id: s.name for s in graph.speakers}
    quotes = []
    for a in claim.attributions[:3]:
        before, after = _context(graph.text_of(a.document), a.start, a.end)
        quotes.append(
            QuoteInContext(
                speaker=names.get(a.speaker, a.speaker),
                document=a.document,
                quote=a.quote,
                start=a.start,
                end=a.end,
                before=before,
                after=after,
            )
        )
    return quotes


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


_CONFIDENCE = re.compile(r"confidence ([0-9.]+)")


def _note_confidence(note: str | None) -> float:
    found = _CONFIDENCE.search(note or "")
    return float(found.group(1)) if found else 0.0


def propose_additions(
    graph: ArgumentGraph,
    source: SourceText,
    *,
    graph_name: str = "",
    embedder: Embedder | None = None,
    model: RelationModel | None = None,
    merge_threshold: float = MERGE_THRESHOLD,
    min_confidence: float | None = None,
    budget: int = 1,
) -> Review:
    """Draft ``source``'s claims and propose how each joins ``graph`` (module docs).

    Parameters
    ----------
    graph
        The existing, checked graph; it is not changed.
    source
        The new document; its id must not be a document of ``graph``.
    graph_name
        What to record as the graph the review is against (its file).
    embedder
        How the drafting step compares claims; default TF-IDF (deterministic).
    model
        The relation model; default the shipped one.
    merge_threshold
        Statement similarity from which a merge is proposed.
    min_confidence
        Relations under this calibrated confidence are not proposed; default the
        ``across`` model's threshold.
    budget
        At most this many relations to existing claims per drafted claim.

    Returns
    -------
    Review
        The drafted claims and the proposals, best first within each claim.

    Raises
    ------
    ArgGraphError
        When the document is already in the graph.
    """
    if any(d.id == source.id for d in graph.documents):
        raise ArgGraphError(
            f"document '{source.id}' is already in the graph; rename the file or remove it"
        )
    model = model or default_model()
    cut = model.across.threshold if min_confidence is None else min_confidence
    draft = extract_texts([source], embedder=embedder or LexicalEmbedder(), relation_model=model)
    existing = list(graph.claims)
    speaker_by_name = {s.name.casefold(): s.id for s in graph.speakers}
    taken_speakers = {s.id for s in graph.speakers}
    draft_names = {s.id: s.name for s in draft.speakers}
    speaker_ids: dict[str, str] = {}
    for sid, name in draft_names.items():
        speaker_ids[sid] = speaker_by_name.get(name.casefold()) or _unique(sid, taken_speakers)

    taken_claims = {c.id for c in existing}
    claim_ids = {c.id: _unique(c.id, taken_claims) for c in draft.claims}
    drafted = [c for c in draft.claims if c.attributions]
    nodes = [
        RelationNode(i, source.id, 0, i, c.attributions[0].speaker, c.attributions[0].quote)
        for i, c in enumerate(drafted)
    ]
    offset = len(nodes)
    nodes += [
        RelationNode(
            offset + j,
            (c.documents or ["?"])[0],
            0,
            j,
            (c.speakers or ["?"])[0],
            c.statement,
        )
        for j, c in enumerate(existing)
    ]
    context = PairContext(nodes)
    topic_sets = [set(c.topics) for c in existing]

    claims: list[NewClaim] = []
    proposals: list[Proposal] = []
    for i, claim in enumerate(drafted):
        attribution = claim.attributions[0]
        quote = attribution.quote
        scored = sorted(
            ((_similarity(quote, claim.statement, other), j) for j, other in enumerate(existing)),
            key=lambda x: (-x[0], x[1]),
        )
        near = [j for s, j in scored[:3] if s > 0]
        topics = sorted(topic_sets[near[0]]) if near else []
        before, after = _context(source.text, attribution.start, attribution.end)
        new = NewClaim(
            id=claim_ids[claim.id],
            statement=claim.statement,
            speaker=speaker_ids[attribution.speaker],
            speaker_name=draft_names[attribution.speaker],
            quote=QuoteInContext(
                speaker=draft_names[attribution.speaker],
                document=source.id,
                quote=quote,
                start=attribution.start,
                end=attribution.end,
                before=before,
                after=after,
            ),
            topics=topics,
            confidence=_note_confidence(claim.note),
        )
        claims.append(new)
        mine: list[Proposal] = []
        best_similarity, best = scored[0] if scored else (0.0, -1)
        if best >= 0 and best_similarity >= merge_threshold:
            mine.append(
                _proposal(
                    graph, context, new, existing[best], i, offset + best, "merge", best_similarity
                )
            )
        else:
            questions = set().union(*(topic_sets[j] for j in near)) if near else set()
            candidates = [
                j for j in range(len(existing)) if not questions or questions & topic_sets[j]
            ]
            pairs: list[tuple[PairScore, int]] = []
            for j in candidates:
                forward = model.across.score(
                    i, offset + j, context.features(i, offset + j, positional=False)
                )
                backward = model.across.score(
                    offset + j, i, context.features(offset + j, i, positional=False)
                )
                pairs.append((max(forward, backward, key=lambda s: s.confidence), j))
            pairs.sort(key=lambda p: (-p[0].confidence, p[1]))
            for score, j in pairs[:budget]:
                if score.confidence < cut:
                    continue
                mine.append(
                    _proposal(
                        graph,
                        context,
                        new,
                        existing[j],
                        i,
                        offset + j,
                        score.kind,
                        statement_similarity(quote, existing[j].statement),
                        score,
                    )
                )
        if not mine:
            mine.append(
                Proposal(
                    id="",
                    kind="new",
                    scope="existing",
                    claim=new.id,
                    confidence=new.confidence,
                )
            )
        proposals += mine
    new_by_draft = {c.id: claims[k] for k, c in enumerate(drafted)}
    for relation in draft.relations:
        src, dst = new_by_draft[relation.source], new_by_draft[relation.target]
        proposals.append(
            Proposal(
                id="",
                kind=relation.kind,
                scope="within",
                claim=src.id,
                other=dst.id,
                source=src.id,
                target=dst.id,
                confidence=_note_confidence(relation.note),
                other_statement=dst.statement,
                other_quotes=[dst.quote],
            )
        )
    numbered = [p.model_copy(update={"id": f"p{n:03d}"}) for n, p in enumerate(proposals, 1)]
    document = {
        "id": source.id,
        "title": source.title,
        "kind": draft.documents[0].kind,
        "path": str(source.path.resolve()) if source.path is not None else "",
    }
    return Review(
        graph=graph_name,
        document=document,
        text=source.text,
        settings={
            "merge_threshold": merge_threshold,
            "min_confidence": cut,
            "budget": budget,
            "relation_model": "+".join(model.trained_on) or "shipped",
        },
        claims=claims,
        proposals=numbered,
    )


def _similarity(quote: str, statement: str, other: Claim) -> float:
    """The best statement similarity of a drafted claim to an existing claim or its quotes."""
    texts = [other.statement, *(a.quote for a in other.attributions if not a.implicit)]
    return max(
        statement_similarity(mine, theirs) for mine in (quote, statement) for theirs in texts
    )


def _proposal(
    graph: ArgumentGraph,
    context: PairContext,
    new: NewClaim,
    other: Claim,
    i: int,
    j: int,
    kind: ProposalKind,
    similarity: float,
    score: PairScore | None = None,
) -> Proposal:
    a, b = context.nodes[i].text, context.nodes[j].text
    evidence = Evidence(
        similarity=round(similarity, 4),
        tfidf=round(max(0.0, context.similarity[i][j]), 4),
        shared_words=sorted(statement_words(a) & statement_words(b)),
        shared_names=sorted(_names(a) & _names(b)),
        cues=[f"{family}: {hits[0]}" for family, hits in sorted(context.nodes[i].cues.items())],
        p_related=round(score.relation, 4) if score else None,
        p_kind=round(score.kind_given_relation, 4) if score else None,
    )
    if score is None:
        source = target = None
        confidence = similarity
    else:
        forward = score.source == i
        source, target = (new.id, other.id) if forward else (other.id, new.id)
        confidence = score.confidence
    return Proposal(
        id="",
        kind=kind,
        scope="existing",
        claim=new.id,
        other=other.id,
        source=source,
        target=target,
        confidence=round(confidence, 4),
        evidence=evidence,
        other_statement=other.statement,
        other_quotes=_existing_quotes(graph, other),
    )


def dump_review(review: Review) -> str:
    """The review file's text: JSON, two-space indent, fixed key order, final newline."""
    return review.model_dump_json(indent=2) + "\n"


def write_review(
    review: Review, path: str | os.PathLike[str], *, inputs: Iterable[Path] = ()
) -> Path:
    """Write the review file atomically; never over one of ``inputs``."""
    return write_text_atomic(Path(path), dump_review(review), inputs=inputs)


def read_review(path: str | os.PathLike[str]) -> Review:
    """Read and check a review file.

    Raises :class:`~arggraph.errors.FormatError` naming the file and the first problems
    when it cannot be read or is not a review file.
    """
    file = Path(path)
    try:
        return Review.model_validate_json(file.read_bytes())
    except OSError as exc:
        raise FormatError(
            [Problem(f"cannot read the review file ({exc.strerror})", file=str(file))]
        ) from None
    except ValidationError as exc:
        problems = [
            Problem(
                f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}",
                code="invalid-review",
                file=str(file),
                hint="write review files with 'arggraph extract NEWDOC --into GRAPH -o FILE'",
            )
            for e in exc.errors()[:5]
        ]
        raise FormatError(problems) from None
