"""From documents to a draft argument graph: the extraction pipeline.

1. Each document is cut into clauses with their speakers and claim scores
   (:func:`~arggraph.extract.claims.document_units`); the claim candidates are kept
   (or, with an ``llm``, the claims it proposes whose quotes ground).
2. Candidates are compared (:mod:`arggraph.extract.topics`); those of different
   speakers that say the same thing merge into one claim with several attributions.
3. Claims are clustered into topics, and candidate relations are drafted
   (:mod:`arggraph.extract.relations`).
4. Everything becomes a checked :class:`~arggraph.model.ArgumentGraph`: every quote
   is ``text[start:end]`` of its document, so the draft validates. Claims and
   relations carry a ``note`` starting ``Draft:`` with their confidence and the cues
   behind them, so reviewers see in views and the report what to check.

``mode`` selects how relations are drafted: ``"learned"`` (the default: the relation
model trained on annotated corpora, :mod:`arggraph.extract.learned`, within each
document and, with ``cross_budget``, across documents between claims of the same
topic), ``"cues"`` (the
discourse-cue rules of :mod:`arggraph.extract.relations`), or one of two baselines
measured beside them: ``"every-sentence"`` (every sentence a claim, no merging, each
linked to its nearest neighbour) and ``"nearest-neighbour"`` (the extractor's claims,
merged as usual, each linked to its nearest neighbour: no cues).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from arggraph.errors import FormatError, Problem
from arggraph.extract.claims import Unit, claim_score, claim_units, document_units
from arggraph.extract.learned import (
    RelationModel,
    cross_document_relations,
    default_model,
    learned_relations,
)
from arggraph.extract.llm import ClaimProposer, LLMError
from arggraph.extract.pairs import PairContext
from arggraph.extract.relations import (
    DraftRelation,
    RelationNode,
    candidate_relations,
    nearest_neighbour_relations,
)
from arggraph.extract.sentences import Span, words
from arggraph.extract.speakers import byline, transcript_turns
from arggraph.extract.topics import (
    STOP_WORDS,
    Embedder,
    default_embedder,
    topic_clusters,
    topic_label,
)
from arggraph.io.formats import read_import_text, slug
from arggraph.model import ArgumentGraph
from arggraph.quotes import find_quote

__all__ = [
    "ExtractionMode",
    "SourceText",
    "extract_graph",
    "extract_texts",
    "read_source",
    "read_sources",
]

ExtractionMode = Literal["learned", "cues", "every-sentence", "nearest-neighbour"]
Progress = Callable[[int, int, str], None]

_MIN_MERGE_WORDS = 4
AUTHOR_ROLE = "author"
"""Roles of stand-in author speakers start with this word (the evaluation relies on it)."""


@dataclass(frozen=True)
class SourceText:
    """A document to extract from: its id, title, text, and file if it has one."""

    id: str
    title: str
    text: str
    path: Path | None = None


def read_source(path: str | os.PathLike[str]) -> SourceText:
    """A UTF-8 text file as a :class:`SourceText`: id from the file name, title its first line.

    Raises :class:`~arggraph.errors.FormatError` (with the file) when it cannot be read
    or is not UTF-8.
    """
    file = Path(path)
    text, _ = read_import_text(file, str(file))
    return SourceText(slug(file.stem, fallback="doc"), _title(text, file.stem), text, file)


def read_sources(paths: Sequence[str | os.PathLike[str]]) -> list[SourceText]:
    """Every file as a :class:`SourceText`; one :class:`FormatError` listing every problem."""
    sources: list[SourceText] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            sources.append(read_source(path))
        except FormatError as exc:
            problems.extend(exc.problems)
    if problems:
        raise FormatError(problems)
    return sources


def _title(text: str, fallback: str) -> str:
    for line in text.splitlines():
        clean = re.sub(r"<[^>]*>|\[[^\]]*\]\([^)]*\)|[#*_]", " ", line).strip()
        if len(words(clean)) >= 2:
            return " ".join(clean.split())[:120]
    return fallback


def extract_graph(
    paths: Sequence[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    llm: ClaimProposer | None = None,
    mode: ExtractionMode = "learned",
) -> ArgumentGraph:
    """Draft an argument graph from text files: claims, speakers, topics, relations.

    Parameters
    ----------
    paths
        UTF-8 text files: transcripts, articles, essays.
    progress
        Called as ``progress(done, total, path)`` after each document, and once more
        after topics and relations.
    embedder
        How claims are compared; default :func:`~arggraph.extract.topics.default_embedder`
        (the sentence model when installed, TF-IDF otherwise).
    llm
        Optional claim proposer (:class:`~arggraph.extract.llm.ChatClaimProposer`);
        heuristics are used where it fails.
    mode
        How relations are drafted: ``"learned"`` (default) or ``"cues"`` (module docs).

    Returns
    -------
    ArgumentGraph
        A checked graph; every claim and relation has a ``Draft:`` note.

    Raises
    ------
    FormatError
        When a file cannot be read or is not UTF-8 (every such file listed).

    Example
    -------
    >>> graph = extract_graph(["seeds/chilson-deepseek-policymakers-guide.txt"])  # doctest: +SKIP
    >>> graph.claims[0].note[:6]  # doctest: +SKIP
    'Draft:'
    """
    sources = read_sources(paths)
    return extract_texts(sources, progress=progress, embedder=embedder, llm=llm, mode=mode)


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def extract_texts(
    sources: Sequence[SourceText],
    *,
    progress: Progress | None = None,
    embedder: Embedder | None = None,
    llm: ClaimProposer | None = None,
    mode: ExtractionMode = "learned",
    relation_model: RelationModel | None = None,
    cross_budget: int = 0,
) -> ArgumentGraph:
    """Draft a graph from documents in memory; see :func:`extract_graph` and the module docs.

    ``relation_model`` replaces the shipped model in ``"learned"`` mode; ``cross_budget``
    is how many relations to claims of other documents (same topic) each claim may
    propose there: ``0`` (the default) proposes none, since their measured precision
    is too low to be worth a reviewer's time (docs/extraction.md).
    """
    embedder = embedder if embedder is not None else default_embedder()
    doc_ids: set[str] = set()
    sources = [SourceText(_unique(s.id, doc_ids), s.title, s.text, s.path) for s in sources]
    units: list[Unit] = []
    authors: dict[str, str] = {}
    total = len(sources) + 1
    for done, source in enumerate(sources, start=1):
        author = byline(source.text) or f"Author of {source.id}"
        authors[source.id] = author
        doc_units = document_units(
            source.text,
            document=source.id,
            default_speaker=author,
            split_clauses=mode != "every-sentence",
        )
        if mode == "every-sentence":
            units += [u for u in doc_units if words(u.text)]
        elif llm is not None:
            units += _llm_units(source.text, doc_units, llm)
        else:
            units += claim_units(doc_units)
        if progress is not None:
            progress(done, total, str(source.path or source.id))
    similarity = embedder.similarity_matrix([u.text for u in units]) if units else []
    groups = (
        [[i] for i in range(len(units))]
        if mode == "every-sentence"
        else _merged(units, similarity, embedder.same_claim)
    )
    heads = [g[0] for g in groups]
    head_similarity = [[similarity[a][b] for b in heads] for a in heads]
    clusters = topic_clusters(head_similarity, threshold=embedder.topic)
    topic_of = {member: t for t, cluster in enumerate(clusters) for member in cluster}
    nodes = [
        RelationNode(
            i,
            units[h].document,
            units[h].segment,
            h,  # units are in document order
            units[h].speaker,
            units[h].text,
            topic_of.get(i, -1),
            dict(units[h].cues),
        )
        for i, h in enumerate(heads)
    ]
    if mode == "learned":
        relations = _learned(nodes, relation_model or default_model(), cross_budget)
    elif mode == "cues":
        relations = candidate_relations(nodes, head_similarity, related=embedder.related)
    else:
        relations = nearest_neighbour_relations(head_similarity)
    graph = _build(sources, authors, units, groups, clusters, relations, mode, embedder)
    if progress is not None:
        progress(total, total, "topics and relations")
    return graph


def _learned(nodes: list[RelationNode], model: RelationModel, budget: int) -> list[DraftRelation]:
    """The model's forest within each document, then proposals across documents."""
    context = PairContext(nodes)
    relations = learned_relations(nodes, model=model, context=context)
    if budget <= 0 or len({n.document for n in nodes}) < 2:
        return relations
    linked = {frozenset((r.source, r.target)) for r in relations}
    across = cross_document_relations(
        nodes, model=model, budget=budget, threshold=model.across.threshold, context=context
    )
    for relation in across:
        if frozenset((relation.source, relation.target)) not in linked:
            linked.add(frozenset((relation.source, relation.target)))
            relations.append(relation)
    return sorted(relations, key=lambda r: (r.source, r.target))


_LLM_GIVE_UP = 3
"""Consecutive failed requests after which the rest of a document uses the heuristics."""


def _llm_units(text: str, doc_units: list[Unit], llm: ClaimProposer) -> list[Unit]:
    """Claims the model proposes, segment by segment; heuristics where it fails.

    After :data:`_LLM_GIVE_UP` failures in a row (a server that is down), the rest of
    the document is drafted by the heuristics without asking again.
    """
    by_segment: dict[int, list[Unit]] = {}
    for unit in doc_units:
        by_segment.setdefault(unit.segment, []).append(unit)
    found: list[Unit] = []
    failures = 0
    for segment, members in sorted(by_segment.items()):
        start, end = members[0].span.start, members[-1].span.end
        speaker = Counter(u.speaker for u in members).most_common(1)[0][0]
        passage = text[start:end]
        if failures >= _LLM_GIVE_UP:
            found += claim_units(members)
            continue
        try:
            proposals = llm.propose(passage, speaker=speaker)
        except LLMError:
            failures += 1
            found += claim_units(members)
            continue
        failures = 0
        for proposal in proposals:
            match = find_quote(passage, proposal.quote)
            if match is None:
                continue  # not in the passage: never draft an ungrounded quote
            span = Span(start + match.start, start + match.end)
            body = text[span.start : span.end]
            score, cues = claim_score(body)
            sentence = next((u.sentence for u in members if u.span.end > span.start), 0)
            found.append(
                Unit(
                    document=members[0].document,
                    span=span,
                    text=body,
                    speaker=proposal.speaker or speaker,
                    speaker_cue=f"proposed by {llm.name}",
                    segment=segment,
                    sentence=sentence,
                    score=max(score, 3 * proposal.confidence),
                    cues=cues,
                )
            )
    return found


def _merged(units: list[Unit], similarity: list[list[float]], threshold: float) -> list[list[int]]:
    """Units grouped into claims: different speakers saying the same thing join.

    A unit joins the first earlier group none of whose members shares its speaker
    and document and whose first unit it resembles at ``threshold`` or more. Units
    of fewer than four content words never merge: short texts look alike too easily.
    """
    groups: list[list[int]] = []
    for i, unit in enumerate(units):
        if len(_content_words(unit.text)) < _MIN_MERGE_WORDS:
            groups.append([i])
            continue
        for group in groups:
            if len(_content_words(units[group[0]].text)) < _MIN_MERGE_WORDS:
                continue
            head = units[group[0]]
            if similarity[i][group[0]] < threshold:
                continue
            if any(
                units[m].speaker == unit.speaker and units[m].document == unit.document
                for m in group
            ):
                continue
            if head.speaker == unit.speaker and head.document == unit.document:
                continue
            group.append(i)
            break
        else:
            groups.append([i])
    return groups


def _statement(text: str) -> str:
    clean = " ".join(text.replace("\\$", "$").split()).strip("\"'\u201c\u201d ")
    clean = re.sub(
        r"^(?:and|but|so|yet|yeah|well|look|i mean|i think|i think that|because|since)[, ]+",
        "",
        clean,
        flags=re.IGNORECASE,
    )
    if len(clean) > 240:
        clean = clean[:240].rsplit(" ", 1)[0] + " \u2026"
    return clean[:1].upper() + clean[1:] if clean else text.strip()


def _cue_summary(cues: dict[str, list[str]]) -> str:
    parts = [f"{family} '{hits[0]}'" for family, hits in sorted(cues.items())]
    return ", ".join(parts[:4]) or "none"


def _build(
    sources: Sequence[SourceText],
    authors: dict[str, str],
    units: list[Unit],
    groups: list[list[int]],
    clusters: list[list[int]],
    relations: list[DraftRelation],
    mode: ExtractionMode,
    embedder: Embedder,
) -> ArgumentGraph:
    """The checked graph of the drafted claims, speakers, topics and relations."""
    speaker_ids: dict[str, str] = {}
    speakers: list[dict[str, Any]] = []
    taken_speakers: set[str] = set()
    author_names = {name: doc for doc, name in authors.items()}

    def speaker_id(name: str) -> str:
        if name not in speaker_ids:
            speaker_ids[name] = _unique(slug(name, fallback="speaker"), taken_speakers)
            entry: dict[str, Any] = {"id": speaker_ids[name], "name": name}
            if name in author_names:
                found = "byline" if not name.startswith("Author of ") else "no byline found"
                entry["role"] = f"{AUTHOR_ROLE} of {author_names[name]} ({found})"
            words_ = name.split()
            if any(w.lower() in ("analysis", "report", "study") for w in words_):
                entry["kind"] = "organisation"
            speakers.append(entry)
        return speaker_ids[name]

    topic_ids: list[str] = []
    topics: list[dict[str, Any]] = []
    taken_topics: set[str] = set()
    for number, cluster in enumerate(clusters, start=1):
        label_terms = topic_label([units[groups[i][0]].text for i in cluster])
        label = " / ".join(label_terms) or f"topic {number}"
        topic_id = _unique(
            f"t{number:02d}-" + slug("-".join(label_terms[:2]), fallback="x"), taken_topics
        )
        topic_ids.append(topic_id)
        topics.append({"id": topic_id, "label": label})
    topic_of = {member: topic_ids[t] for t, cluster in enumerate(clusters) for member in cluster}

    claim_ids: list[str] = []
    taken_claims: set[str] = set()
    claims: list[dict[str, Any]] = []
    for index, group in enumerate(groups):
        head = units[group[0]]
        base = slug("-".join(_content_words(head.text)[:6]), fallback="claim")
        claim_id = _unique(base, taken_claims)
        claim_ids.append(claim_id)
        holders = ", ".join(f"{units[m].speaker} ({units[m].speaker_cue})" for m in group)
        confidence = head.confidence if mode != "every-sentence" else 0.0
        note = (
            f"Draft: claim (confidence {confidence:.2f}; method {mode}; "
            f"cues: {_cue_summary(head.cues)}; speakers: {holders})"
        )
        claims.append(
            {
                "id": claim_id,
                "statement": _statement(head.text),
                "topics": [topic_of[index]] if index in topic_of else [],
                "attributions": [
                    {
                        "speaker": speaker_id(units[m].speaker),
                        "document": units[m].document,
                        "quote": units[m].text,
                        "start": units[m].span.start,
                        "end": units[m].span.end,
                    }
                    for m in group
                ],
                "note": note,
            }
        )
    relation_data = [
        {
            "source": claim_ids[r.source],
            "target": claim_ids[r.target],
            "kind": r.kind,
            "note": f"Draft: {r.kind} (confidence {r.confidence:.2f}; {r.reason})",
        }
        for r in relations
    ]
    documents = [
        {
            "id": s.id,
            "title": s.title,
            "kind": "transcript" if transcript_turns(s.text) else "text",
            **({"path": str(s.path.resolve())} if s.path is not None else {"text": s.text}),
        }
        for s in sources
    ]
    for name in authors.values():
        speaker_id(name)
    data = {
        "arggraph": 1,
        "title": "Draft graph: " + ", ".join(s.id for s in sources)[:150],
        "description": (
            f"Drafted by arggraph's extraction assistant (method {mode}, similarity "
            f"{embedder.name}). Every claim and relation is a candidate to review: see "
            "the 'Draft:' notes."
        ),
        "documents": documents,
        "speakers": speakers,
        "topics": topics,
        "claims": claims,
        "relations": relation_data,
    }
    texts = {s.id: s.text for s in sources}
    graph = ArgumentGraph.model_validate(data, context={"texts": texts})
    files = {s.id: s.path.resolve() for s in sources if s.path is not None}
    graph.attach_sources(texts, files, inputs=[])
    return graph


def _content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and len(w) > 1]
